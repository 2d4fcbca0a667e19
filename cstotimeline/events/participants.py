"""Who took part in a candidate's happening: every actor, the doers, the targets.

Gazetteer actors come first; metonyms and demonyms ("Yerevan", "Azerbaijani troops") count
where they act; pronouns are the last person named before them; "the alliance" is the last
organisation named (or the CSTO in an article about it). A person brings their state and a
body its state or organisation. ``subject_kind`` tells the selector who the doer is: a person
the gazetteer knows, a state, an unknown named person, an unnamed description ("a leading
member of the ruling party"), a pronoun, or nobody.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cstotimeline.events import syntax
from cstotimeline.relevance import CSTO

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from cstotimeline.events.candidates import Trigger
    from cstotimeline.events.view import DocView
    from cstotimeline.records import ActorMention


@functools.cache
def _org_anaphor(nouns: frozenset[str]) -> re.Pattern[str]:
    """ "the alliance", "the Russian-led bloc": a definite description of an organisation."""
    alternatives = "|".join(sorted(map(re.escape, nouns)))
    return re.compile(rf"\b(?:[Tt]he|[Aa]n?) (?:[\w-]+ ){{0,3}}(?:{alternatives})\b")


@dataclass(frozen=True, slots=True)
class Participants:
    actors: tuple[str, ...]
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    states: tuple[str, ...]  # the states the doers are or represent
    subject_kind: str


def _in(ranges: list[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in ranges)


def scope(trig: Trigger, depth: int) -> list[tuple[int, int]]:
    """Character ranges whose actors belong to the happening: the whole clause subtree for a
    verb (the sentence for the main clause), the phrase of a noun with the noun it modifies,
    and the subjects of the clauses it completes."""
    tok = trig.token
    sent = tok.sent
    if trig.kind == "verb" and depth == 0:
        return [(sent.start_char, sent.end_char)]
    ranges = [syntax.extent(t) for t in trig.owners]
    if trig.kind == "verb":
        # a clause's own subtree, minus the clauses below it that have their own subject
        ranges = [syntax.extent(tok)]
    if tok.dep_ in ("acl", "relcl"):
        h = tok.head
        ranges.append(syntax.extent(h))
        if h.dep_ == "appos":
            ranges.extend(syntax.name_spans(h.head))
    t = tok
    while t.dep_ in ("xcomp", "conj", "ccomp", "advcl", "pobj", "prep", "dobj") and t.head.i != t.i:
        t = t.head
        for ch in t.children:
            if ch.dep_ in syntax.SUBJ_DEPS:
                ranges.append(syntax.extent(ch))
        if syntax.is_verbal(t) and t.dep_ not in ("xcomp", "conj"):
            break
    return ranges


def subject_kind(view: DocView, subj: Token | None) -> str:
    if subj is None:
        return "none"
    low = subj.lower_
    if low in syntax.PERSON_PRONOUNS or low in ("i", "we", "they"):
        return "pronoun_person"
    if low in syntax.PRONOUNS:
        return "pronoun_other"
    spans = syntax.name_spans(subj)
    kinds = []
    for m in view.mentions_in(subj.sent):
        if _in(spans, m.start):
            if m.origin == "ner":
                kinds.append("ner_person" if view.is_person(m) else "ner_other")
            else:
                kinds.append(f"gaz_{view.gaz.kind(m.canonical) or 'unknown'}")
    for k in ("gaz_person", "gaz_state", "gaz_organisation", "gaz_body"):
        if k in kinds:
            return k
    if kinds:
        return kinds[0]
    if subj.pos_ == "PROPN":
        return "propn"
    return "common"


def _canonical(view: DocView, m: ActorMention, is_meeting: bool) -> str | None:
    gaz = view.gaz
    if m.kind == "region" or gaz.kind(m.canonical) == "region":
        return gaz.country(m.canonical)  # a happening in a region involves its state
    if m.origin == "ner" and any(
        t.span.start_char < m.end and m.start < t.span.end_char for t in view.calendar
    ):
        return None
    if m.origin in ("metonym", "demonym"):
        span = view.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return None
        from cstotimeline.actors import is_agentive

        if is_agentive(span.root):
            return m.canonical
        if (
            is_meeting
            and m.origin == "metonym"
            and span.root.dep_ == "pobj"
            and gaz.kind(m.canonical) == "state"
        ):
            return m.canonical  # the host country of a meeting "in Minsk"
        return None
    if m.origin == "ner" and m.kind == "unknown":
        span = view.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return None
        if span.root.ent_type_ != "PERSON" and span.root.dep_ not in syntax.SUBJ_DEPS:
            return None  # unknown organisations and places count only as doers
    return m.canonical


def _attribution_ranges(sent: Span) -> list[tuple[int, int]]:
    """ "according to X", "citing X", "quoted by X": the source of a report, not a participant."""
    out: list[tuple[int, int]] = []
    for tok in sent:
        low = tok.lower_
        if low == "according" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to":
            nxt = tok.nbor(1)
            out.append((tok.idx, nxt.right_edge.idx + len(nxt.right_edge)))
        if low in ("citing", "quoting") or (
            low in ("quoted", "cited") and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "by"
        ):
            out.append((tok.idx, tok.right_edge.idx + len(tok.right_edge)))
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.pos_ == "PROPN":
            out.append(syntax.extent(tok))  # "Ivan Petrov, adviser to the president"
    return out


def _organisations(view: DocView, sent: Span) -> list[tuple[int, str | None]]:
    """Definite descriptions of an organisation in a sentence, each with the organisation it
    stands for: the last one named before it, else the CSTO in an article that names it."""
    text = view.sentence_text(sent)
    out: list[tuple[int, str | None]] = []
    for mt in _org_anaphor(view.lex.organisation_nouns).finditer(text):
        start = sent.start_char + mt.start()
        org = view.last_mention_before(start, ("organisation",))
        fallback = CSTO if view.topic["csto_share"] > 0 else None
        out.append((start, org.canonical if org is not None else fallback))
    return out


def participants(view: DocView, trig: Trigger, sent: Span, depth: int, etype: str) -> Participants:
    gaz = view.gaz
    tok = trig.token
    ranges = scope(trig, depth)
    doer = tok
    while doer.dep_ in ("xcomp", "conj") and not any(
        c.dep_ in syntax.SUBJ_DEPS for c in doer.children
    ):
        doer = doer.head
    subj = syntax.subject(tok) if trig.kind == "verb" else None
    subj_ranges: list[tuple[int, int]] = []
    obj_ranges: list[tuple[int, int]] = []
    for h in {doer.i: doer, tok.i: tok}.values():
        for ch in h.children:
            if ch.dep_ in syntax.SUBJ_DEPS or (
                trig.kind == "noun" and ch.dep_ in ("poss", "compound")
            ):
                subj_ranges.extend(syntax.name_spans(ch))
            elif ch.dep_ in ("dobj", "dative", "attr", "prep"):
                obj_ranges.append(syntax.extent(ch))
    attrib = view.memo(("attribution", sent.start), lambda: _attribution_ranges(sent))
    is_meeting = etype == "meeting"
    found: list[str] = []
    sources: list[str] = []
    targets: list[str] = []
    for m in view.mentions_in(sent):
        if not _in(ranges, m.start) or _in(attrib, m.start):
            continue
        canon = view.memo(
            ("canonical", m.start, m.end, is_meeting),
            functools.partial(_canonical, view, m, is_meeting),
        )
        if canon is None:
            continue
        found.append(canon)
        if _in(subj_ranges, m.start):
            sources.append(canon)
        elif _in(obj_ranges, m.start):
            targets.append(canon)
    for start, name in view.memo(("organisations", sent.start), lambda: _organisations(view, sent)):
        if not _in(ranges, start):
            continue
        if name:
            found.append(name)
            if _in(subj_ranges, start):
                sources.append(name)
    for h in (tok, doer):
        for ch in h.children:
            if ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ in syntax.PERSON_PRONOUNS:
                person = view.last_mention_before(ch.idx, ("person",))
                if person is not None:
                    found.append(person.canonical)
                    sources.append(person.canonical)
    if (
        etype == "membership_change"
        and view.topic["csto_share"] > 0
        and not any(gaz.kind(a) == "organisation" for a in found)
        and view.memo(
            ("membership", sent.start),
            lambda: any(t.lemma_.lower() in view.lex.membership_nouns for t in sent),
        )
    ):
        found.append(CSTO)  # "froze its participation", in an article about the CSTO
    expanded: list[str] = []
    for a in found:
        kind = gaz.kind(a)
        if kind not in ("document", "body"):
            expanded.append(a)
        for extra in (gaz.country(a), gaz.parent(a)):
            if extra:
                expanded.append(extra)
    srcs = syntax.unique(sources)
    states = syntax.unique(
        st
        for a in srcs
        if (st := gaz.country(a) or gaz.parent(a) or (a if gaz.kind(a) == "state" else None))
    )
    return Participants(
        tuple(syntax.unique(expanded)),
        tuple(srcs),
        tuple(t for t in syntax.unique(targets) if t not in srcs),
        tuple(states),
        subject_kind(view, subj),
    )
