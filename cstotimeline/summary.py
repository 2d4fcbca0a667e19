"""One-line event summaries built from the dependency parse: who, (not), did what, to whom."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from cstotimeline.records import Timex

_MAX_PHRASE = 9
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "appos", "parataxis"})
_KEEP_CHILD = frozenset({"neg", "prt", "dobj", "dative", "xcomp", "ccomp", "acomp", "attr", "oprd"})
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})


def _phrase(tok: Token, skip: set[int], limit: int = _MAX_PHRASE) -> list[Token]:
    """A compact phrase for ``tok``: its subtree without clauses, dates or appositions."""
    out: list[Token] = []

    def walk(t: Token, depth: int) -> None:
        if t.i in skip:
            return
        out.append(t)
        for ch in t.children:
            if ch.dep_ in _CUT_DEPS or ch.i in skip:
                continue
            if depth > 2 and ch.dep_ not in ("compound", "amod", "det", "poss", "pobj", "prep"):
                continue
            walk(ch, depth + 1)

    walk(tok, 0)
    out.sort(key=lambda t: t.i)
    if len(out) > limit:
        # Keep the tokens closest to the head.
        keep = sorted(out, key=lambda t: abs(t.i - tok.i))[:limit]
        out = sorted(keep, key=lambda t: t.i)
    return out


def _render(tokens: Sequence[Token]) -> str:
    text = ""
    for t in tokens:
        piece = t.text
        if piece in ("“", "”", '"', "«", "»", "‘", "’") or t.dep_ == "punct" and piece != "-":
            continue
        if text and not (piece.startswith("'") or piece in ("n't", "'s")):
            text += " "
        text += piece
    return text.strip()


def build_summary(
    trigger: Token,
    kind: str,
    etype: str,
    extra: Sequence[Token],
    sources: Sequence[str],
    timex_spans: Sequence[tuple[Timex, Span]],
) -> str:
    skip: set[int] = set()
    for _t, span in timex_spans:
        if span.sent == trigger.sent:
            skip.update(tok.i for tok in span)
            # drop the preposition that introduced a date ("in 1992", "on Thursday")
            head = span.root.head
            if head.dep_ == "prep" and head.i not in skip and len(list(head.children)) == 1:
                skip.add(head.i)
    if kind == "noun":
        return _capitalise(_render(_phrase(trigger, skip, limit=12)))
    subject: str | None = sources[0] if sources else None
    subj_tok = None
    t = trigger
    while subj_tok is None:
        subj_tok = next((c for c in t.children if c.dep_ in _SUBJ), None)
        if subj_tok is not None or t.dep_ not in ("xcomp", "conj", "ccomp") or t.head.i == t.i:
            break
        t = t.head
    if subject is None and subj_tok is not None:
        subject = _render(_phrase(subj_tok, skip, limit=6))
    parts: list[Token] = []
    reporter = next((x for x in extra if x.dep_ != trigger.dep_ or x.i != trigger.i), None)
    del reporter
    for ch in trigger.children:
        if ch.dep_ in ("neg", "prt"):
            parts.append(ch)
        elif ch.dep_ in ("aux",) and ch.lower_ in ("will", "would", "could", "may", "might"):
            parts.append(ch)
    parts.append(trigger)
    for ch in trigger.children:
        if ch.i in skip or ch.dep_ not in _KEEP_CHILD or ch.dep_ in ("neg", "prt"):
            continue
        if ch.dep_ == "ccomp":
            continue
        parts.extend(_phrase(ch, skip))
    # One prepositional complement that names a participant ("to Armenia", "with Baku").
    for ch in trigger.children:
        if ch.dep_ == "prep" and ch.lower_ in ("to", "with", "from", "against", "for", "on"):
            phr = _phrase(ch, skip, limit=6)
            if len(phr) > 1:
                parts.extend(phr)
                break
    for x in extra:
        if x.i != trigger.i and x.pos_ in ("NOUN", "PROPN") and all(p.i != x.i for p in parts):
            parts.extend(_phrase(x, skip, limit=6))
    parts = sorted({p.i: p for p in parts}.values(), key=lambda p: p.i)
    body = _render(parts)
    text = f"{subject} {body}" if subject else body
    return _capitalise(text)


def _capitalise(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:] if text else text
