"""One-line event summaries built from the dependency parse: who, (not), did what, to whom.

A summary is the doer (its canonical name when the gazetteer knows it), the verb group (with
negation and modal), and compact complements: the object, an infinitive or reported clause,
and one prepositional phrase naming a participant or place. Dates, quotation marks, relative
clauses and appositions are left out; a reported act gets its reporter appended
("…, the minister told a newspaper").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from cstotimeline.records import Timex

MAX_WORDS = 22
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
# Children kept inside a noun phrase.
_NP_KEEP = frozenset(
    {
        "det",
        "amod",
        "compound",
        "poss",
        "nummod",
        "case",
        "nmod",
        "prep",
        "pobj",
        "quantmod",
        "cc",
        "conj",
        "flat",
        "hmod",
        "hyph",
        "punct",
        "appos",
    }
)
_QUOTES = frozenset({"“", "”", '"', "«", "»", "‘", "’", "``", "''"})
_PREPS = ("to", "with", "from", "against", "for", "on", "in", "into", "at", "of")
_LIGHT = frozenset(
    {
        "hold",
        "take",
        "open",
        "start",
        "begin",
        "kick",
        "launch",
        "conduct",
        "carry",
        "stage",
        "organize",
        "organise",
        "end",
        "convene",
    }
)
_MODALS = frozenset({"will", "would", "could", "may", "might", "can", "should", "shall", "'ll"})


def _np(tok: Token, skip: set[int], limit: int = 10) -> list[Token]:
    """A compact noun phrase: the head with modifiers, one level of prepositional phrase."""
    out: list[Token] = []

    def walk(t: Token, depth: int) -> None:
        if t.i in skip or t.text in _QUOTES:
            return
        out.append(t)
        for ch in t.children:
            if ch.dep_ not in _NP_KEEP or ch.i in skip:
                continue
            if ch.dep_ == "punct" and ch.text not in ("-", "–"):
                continue
            if ch.dep_ == "appos" and ch.pos_ != "PROPN":
                continue
            if ch.dep_ == "prep" and depth >= 1:
                continue
            if ch.dep_ in ("conj", "cc") and depth >= 2 and t.pos_ != "PROPN":
                continue
            if ch.dep_ == "conj" and ch.pos_ not in ("PROPN", "NOUN"):
                continue
            walk(ch, depth + 1)

    walk(tok, 0)
    out.sort(key=lambda t: t.i)
    return _contiguous(out, tok, limit)


def _contiguous(tokens: list[Token], head: Token, limit: int) -> list[Token]:
    """Trim to ``limit`` tokens, keeping those nearest the head, in order."""
    if len(tokens) <= limit:
        return tokens
    keep = sorted(tokens, key=lambda t: (abs(t.i - head.i), t.i))[:limit]
    return sorted(keep, key=lambda t: t.i)


def _verb_group(verb: Token) -> list[Token]:
    group = [verb]
    negated = any(ch.dep_ == "neg" for ch in verb.children)
    for ch in verb.children:
        keep = (
            ch.dep_ in ("neg", "prt")
            or (verb.lemma_ == "take" and ch.dep_ == "dobj" and ch.lower_ in ("place", "part"))
            or (negated and ch.dep_ == "aux" and ch.lemma_ == "do")
            or (ch.dep_ in ("aux", "auxpass") and (ch.lower_ in _MODALS or ch.lemma_ == "have"))
            or (ch.dep_ == "aux" and ch.lower_ == "to")
        )
        if keep:
            group.append(ch)
    return sorted(group, key=lambda t: t.i)


def _complements(verb: Token, skip: set[int], depth: int = 0) -> list[Token]:
    """Object, infinitive complement and one prepositional phrase of a verb."""
    out: list[Token] = []
    for ch in verb.children:
        if ch.i in skip:
            continue
        if ch.dep_ in ("dobj", "dative", "attr", "oprd", "acomp"):
            out.extend(_np(ch, skip))
        elif ch.dep_ == "xcomp" and depth < 2:
            out.extend(_verb_group(ch))
            out.extend(_complements(ch, skip, depth + 1))
    if not any(t.dep_ in ("dobj", "attr") for t in out):
        for ch in verb.children:
            if ch.dep_ == "prep" and ch.lower_ in _PREPS and ch.i not in skip and ch.i > verb.i:
                pobj = next((c for c in ch.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.i not in skip:
                    out.append(ch)
                    out.extend(_np(pobj, skip, limit=6))
                    break
    return out


def _render(tokens: Iterable[Token]) -> str:
    text = ""
    prev: Token | None = None
    for t in sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i):
        piece = t.text
        if piece in _QUOTES or not piece.strip():
            continue
        glue = (
            prev is not None
            and (piece in ("-", "–", "'s", "’s", "n't", ",") or (prev.text in ("-", "–")))
            and prev.i == t.i - 1
        )
        if text and not glue:
            text += " "
        text += piece
        prev = t
    return " ".join(text.split()).strip(" ,;:")


def misparsed_subject(verb: Token) -> Token | None:
    """The subject the small model hangs under a subordinator: in "after Azerbaijan launched
    an offensive" it reads "Azerbaijan" as the object of "after"."""
    for mark in verb.children:
        if mark.dep_ == "mark" and mark.i < verb.i:
            pobj = next((c for c in mark.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _subject(verb: Token) -> Token | None:
    t = verb
    for _ in range(4):
        subj = next((c for c in t.children if c.dep_ in _SUBJ), None)
        if subj is None:
            subj = misparsed_subject(t)
        if subj is not None:
            return subj
        if t.dep_ not in ("xcomp", "conj", "ccomp", "advcl") or t.head.i == t.i:
            return None
        t = t.head
    return None


def _date_tokens(trigger: Token, timex_spans: Sequence[tuple[Timex, Span]]) -> set[int]:
    skip: set[int] = set()
    sent = trigger.sent
    for _t, span in timex_spans:
        if span.start < sent.start or span.end > sent.end:
            continue
        skip.update(tok.i for tok in span)
        head = span.root.head
        # the preposition or adverb that introduced the date ("in 1992", "two months later")
        if head.dep_ == "prep" and all(c.i in skip for c in head.children):
            skip.add(head.i)
        if head.lower_ in ("later", "earlier", "ago") and head.i not in skip:
            skip.add(head.i)
    return skip


def build_summary(
    trigger: Token,
    kind: str,
    etype: str,
    extra: Sequence[Token],
    sources: Sequence[str],
    timex_spans: Sequence[tuple[Timex, Span]],
    reporter: Token | None = None,
    speaker: str | None = None,
) -> str:
    skip = _date_tokens(trigger, timex_spans)
    if kind == "noun":
        return _finish(_render(_np(trigger, skip, limit=12)))
    passive = any(ch.dep_ == "auxpass" for ch in trigger.children) or (
        trigger.dep_ == "acl" and trigger.tag_ == "VBN"
    )
    if passive:
        return _finish(_passive(trigger, skip, sources))
    subj = _subject(trigger)
    subj_tokens: set[int] = set()
    if subj is not None:
        subj_tokens = {t.i for t in subj.subtree}
        skip.update(subj_tokens)
    subject = sources[0] if sources else (_render(_np(subj, set(), 6)) if subj is not None else "")
    body: list[Token] = [*_verb_group(trigger), *_complements(trigger, skip)]
    noun = next((x for x in extra if x.pos_ in ("NOUN", "PROPN") and x.i != trigger.i), None)
    light = trigger.lemma_.lower() in _LIGHT
    if (
        light
        and noun is not None
        and noun.i < trigger.i
        and (subj is None or noun.i in subj_tokens)
    ):
        # "The meeting …, held on Monday in Baku": the happening is the subject
        return _finish(
            _render([*_head_np(noun, skip), *_verb_group(trigger), *_place(trigger, skip)])
        )
    if noun is not None and noun.i not in skip and all(t.i != noun.i for t in body):
        body.extend(_np(noun, skip, 8))
    if etype == "statement" or trigger.lemma_ in ("say", "tell", "announce"):
        body.extend(_reported(trigger, skip))
    text = " ".join(p for p in (subject, _render(body)) if p)
    if reporter is not None and speaker:
        text += f", {speaker} {reporter.text}"
    return _finish(text)


def _head_np(tok: Token, skip: set[int]) -> list[Token]:
    """The noun with its determiners and modifiers only ("the CSTO summit")."""
    keep = [tok]
    for ch in tok.children:
        if ch.dep_ in ("det", "amod", "compound", "nummod", "poss", "case") and ch.i not in skip:
            keep.extend(ch.subtree)
    return sorted(keep, key=lambda t: t.i)


def _passive(verb: Token, skip: set[int], sources: Sequence[str]) -> str:
    """ "The charter signed in Bishkek", "summit skipped by Armenia"."""
    theme = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if (theme is None or theme.lower_ in ("that", "which", "who")) and verb.dep_ in (
        "acl",
        "relcl",
    ):
        theme = verb.head
    parts: list[Token] = []
    if theme is not None:
        parts.extend(_np(theme, skip | {verb.i}, 6))
    parts.append(verb)
    parts.extend(c for c in verb.children if c.dep_ in ("neg", "prt"))
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        text = _render(parts)
        by = sources[0] if sources else _render(_np(agent, skip, 6))
        return f"{text} by {by}" if not by.startswith("by ") else f"{text} {by}"
    parts.extend(_place(verb, skip))
    return _render(parts)


def _place(verb: Token, skip: set[int]) -> list[Token]:
    """The first "in/at/to/from/into" phrase of a verb ("in Minsk")."""
    for ch in verb.children:
        if (
            ch.dep_ == "prep"
            and ch.lower_ in ("in", "at", "to", "from", "into")
            and ch.i not in skip
        ):
            pobj = next((c for c in ch.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.i not in skip:
                return [ch, *_np(pobj, skip, 5)]
    return []


def _reported(verb: Token, skip: set[int]) -> list[Token]:
    """A compact reported clause: "that Armenia would not host the drills"."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None or clause.i < verb.i:
        return []  # a fronted quotation: "“…,” he said"
    out: list[Token] = []
    subj = next((c for c in clause.children if c.dep_ in _SUBJ), None)
    if subj is not None:
        out.extend(_np(subj, skip, 5))
    out.extend(_verb_group(clause))
    for ch in clause.children:
        if ch.dep_ == "aux" and ch.lemma_ == "be" and ch.i not in skip:
            out.append(ch)
    out.extend(_complements(clause, skip))
    return out


def _finish(text: str) -> str:
    words = text.split()
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS]) + " …"
    return text[:1].upper() + text[1:] if text else text


# -- the fragment check ---------------------------------------------------------------------------

# Verbs that make a sentence without an object ("The leaders met", "Talks collapsed"): a
# summary may end with one of these; any other verb at the end is a transitive verb left
# without its object ("Its leaders held").
INTRANSITIVE = frozenset(
    {
        "meet",
        "gather",
        "convene",
        "talk",
        "speak",
        "arrive",
        "resign",
        "die",
        "happen",
        "occur",
        "fail",
        "collapse",
        "continue",
        "begin",
        "end",
        "start",
        "escalate",
        "erupt",
        "clash",
        "fight",
        "vote",
        "agree",
        "withdraw",
        "return",
        "retreat",
        "abstain",
        "participate",
        "spike",
        "rise",
        "fall",
        "grow",
        "increase",
        "decline",
        "worsen",
        "ease",
        "succeed",
        "advance",
        "surface",
    }
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Words a sentence cannot end with: determiners, prepositions, conjunctions, auxiliaries,
# the infinitive marker, possessives.
_DANGLING_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART"})
_DANGLING_TAGS = frozenset({"PRP$", "WP$", "POS", "TO", "IN", "DT", "CC", "MD"})


def fragment_reasons(summary: str, nlp: object) -> list[str]:
    """Why ``summary`` is not a sentence (empty when it is one), read from its parse by ``nlp``.

    The check: a summary is a fragment when it is empty; when it has a cut token (an
    ellipsis, ``...`` or a word ending in a hyphen); when no token is a finite verb (tag VBD,
    VBZ, VBP or MD); when no token is the subject of a clause (``nsubj``, ``nsubjpass``,
    ``csubj``, ``csubjpass`` or ``expl``); or when it dangles: its last word is a determiner,
    preposition, conjunction, auxiliary, "to" or a possessive, or a verb that needs an object
    and has none (any verb but those of :data:`INTRANSITIVE`).
    """
    text = " ".join(summary.split())
    if not text:
        return ["empty"]
    reasons: list[str] = []
    if "…" in text or "..." in text or any(w.endswith("-") for w in text.split()):
        reasons.append("cut")
    doc = nlp(text if text[-1] in ".!?" else text + ".")  # type: ignore[operator]
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if not any(t.tag_ in _FINITE_TAGS for t in words):
        reasons.append("no finite verb")
    if not any(t.dep_ in _SUBJECT_DEPS for t in words):
        reasons.append("no subject")
    if words:
        last = words[-1]
        objects = ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative", "prt", "prep")
        if (
            last.pos_ in _DANGLING_POS
            or last.tag_ in _DANGLING_TAGS
            or (
                last.pos_ == "VERB"
                and last.lemma_.lower() not in INTRANSITIVE
                and not any(c.dep_ in objects for c in last.children)
            )
        ):
            reasons.append(f"dangling {last.text!r}")
    return reasons
