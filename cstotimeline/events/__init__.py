"""Event extraction: one parsed document in, dated events out.

``extract_events`` is a pure function of the document (text and metadata) and its spaCy
parse. It works in three steps:

1. ``propose``: every clause and event noun of the body is a candidate (``candidates``), with
   its own modality (``modality``), its participants (``participants``), its date options
   (``anchoring``, with the narrative's time from ``narrative``) and its features
   (``features``): small frozen records (``mention.Candidate``) that hold no spaCy object.
2. ``selection``: a model fitted on gold events scores each (candidate, date option) pair;
   the best option of each candidate is kept when it is probable enough.
3. The kept candidates become mentions and events; reports of one happening within the
   document are merged (``chronology.merge_events``).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cstotimeline.events import syntax
from cstotimeline.events.anchoring import sentence_options
from cstotimeline.events.candidates import Trigger, dated_heads, triggers
from cstotimeline.events.features import candidate_features
from cstotimeline.events.mention import Candidate, to_mention
from cstotimeline.events.modality import embedding, own_modality
from cstotimeline.events.narrative import Narrative, Told
from cstotimeline.events.participants import participants
from cstotimeline.events.selection import Selector, decode, default_selector, score
from cstotimeline.events.view import DocView
from cstotimeline.records import Document, Event
from cstotimeline.relevance import article_relevance, relevance_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from cstotimeline.actors import Gazetteer

__all__ = ["Candidate", "Proposal", "extract_events", "propose", "select_events"]


Summarizer = Callable[[Candidate], str]


@dataclass
class Proposal:
    """A document's candidates, the article's relevance (``relevance.article_relevance``), and
    how to write each candidate's summary while the parse is at hand (a summary is made only
    for candidates probable enough to be kept)."""

    candidates: list[Candidate]
    relevance: str
    summarizers: dict[tuple[int, int], Callable[[], str]] = field(default_factory=dict)

    def summarize(self, c: Candidate) -> str:
        make = self.summarizers.get((c.start, c.token_index))
        return make() if make is not None else c.summary

    def extend(self, other: Proposal) -> None:
        self.candidates.extend(other.candidates)
        self.summarizers.update(other.summarizers)


def propose(
    document: Document,
    doc: Doc,
    *,
    gazetteer: Gazetteer | None = None,
    base: int = 0,
) -> Proposal:
    """Every candidate of ``doc`` (the parse of ``document.text[base:base+len(doc.text)]``)."""
    from cstotimeline import actors as actors_mod
    from cstotimeline import timex as timex_mod
    from cstotimeline.lexicon import default_lexicon

    gaz = gazetteer or actors_mod.default_gazetteer()
    lex = default_lexicon()
    text = doc.text
    timexes = timex_mod.tag(text, document.published, doc=doc)
    mentions = actors_mod.find_actors(doc, gaz, document.published, text=text)
    view = DocView(document, doc, gaz, lex, list(timexes), mentions, base)
    history = Narrative(view)
    out: list[Candidate] = []
    summarizers: dict[tuple[int, int], Callable[[], str]] = {}
    body_index = 0
    for i, sent in enumerate(view.sentences):
        if view.is_heading(sent) or not view.sentence_text(sent).strip():
            continue
        found = _sentence_candidates(view, sent, i, body_index, history, summarizers)
        out.extend(found)
        for c in found:
            own = [o for o in c.options if o.relation == "own" and o.basis != "context"]
            if own and c.event_type != "other":
                best = max(own, key=lambda o: len(o.value))
                history.note(Told(c.event_type, best.value, best.precision, c.sentence))
        body_index += 1
    topic = view.topic
    relevance = article_relevance(topic["csto_share"], topic["armenia_share"])
    return Proposal(out, relevance, summarizers)


def _sentence_candidates(
    view: DocView,
    sent: Span,
    index: int,
    body_index: int,
    history: Narrative,
    summarizers: dict[tuple[int, int], Callable[[], str]],
) -> list[Candidate]:
    from cstotimeline.summary import build_summary

    heads = dated_heads(view, sent)
    trigs = triggers(view, sent, heads)
    by_index: dict[int, Trigger] = {t.token.i: t for t in trigs}
    timex_spans = [(t.timex, t.span) for t in view.calendar_in(sent)]
    off = view.document.offset + view.base
    text = view.sentence_text(sent)
    lead = len(text) - len(text.lstrip())
    sentence = text.strip()
    start = off + sent.start_char + lead
    out: list[Candidate] = []
    for trig in trigs:
        tok = trig.token
        depth = syntax.clause_depth(tok)
        mod = own_modality(tok, view.lex)
        etype = trig.etype or "other"
        if mod.negated and tok.lemma_.lower() in view.lex.participation:
            etype = "refusal"  # "did not attend the summit"
        who = participants(view, trig, sent, depth, etype)
        options = sentence_options(view, trig, sent, history.times[index], history, by_index)
        if not options:
            continue
        feats = candidate_features(
            view,
            trig,
            sent,
            index,
            body_index,
            depth,
            mod,
            embedding(tok, view.lex),
            who,
            len(trigs),
            tok.i in heads,
        )
        lineage: list[int] = []
        t = tok
        while t.head.i != t.i:
            t = t.head
            lineage.append(t.i)
        summarizers[(start, tok.i)] = functools.partial(
            build_summary, tok, trig.kind, etype, list(trig.extra), who.sources, timex_spans
        )
        out.append(
            Candidate(
                source=view.document.source,
                published=view.published,
                published_basis=view.document.published_basis,
                sentence=sentence,
                start=start,
                end=start + len(sentence),
                sentence_start=sent.start_char,
                token_index=tok.i,
                lineage=tuple(lineage),
                trigger=tok.lemma_.lower(),
                kind=trig.kind,
                event_type=etype,
                modality=mod.label,
                actors=who.actors,
                source_actors=who.sources,
                target_actors=who.targets,
                source_states=who.states,
                summary="",
                options=tuple(options),
                features=feats,
            )
        )
    return out


def select_events(
    candidates: Sequence[Candidate],
    article: str,
    *,
    selector: Selector | None = None,
    threshold: float | None = None,
    gazetteer: Gazetteer | None = None,
    keep_all: bool = False,
    summarize: Summarizer | None = None,
) -> list[Event]:
    """The events among ``candidates``: selected, made into mentions, merged. ``summarize``
    writes the summaries of the candidates probable enough to be kept (without it they keep
    the summary they have)."""
    from cstotimeline.actors import default_gazetteer
    from cstotimeline.chronology import aggregate, merge_events

    gaz = gazetteer or default_gazetteer()
    sel = selector or default_selector()
    cut = sel.threshold if threshold is None else threshold
    choices = score(candidates, sel, cut)
    if summarize is not None:
        choices = [
            dataclasses.replace(
                ch, candidate=dataclasses.replace(ch.candidate, summary=summarize(ch.candidate))
            )
            if ch.probability >= cut
            else ch
            for ch in choices
        ]
    kept = decode(choices, cut)

    events = [
        aggregate([to_mention(ch, relevance_of(ch.candidate.actors, gaz, article=article))])
        for ch in kept
    ]
    if not keep_all:
        events = [e for e in events if e.relevance in ("core", "context")]
    return merge_events(events)


def extract_events(
    document: Document,
    doc: Doc,
    *,
    gazetteer: Gazetteer | None = None,
    keep_all: bool = False,
    base: int = 0,
) -> list[Event]:
    """Events reported in ``doc`` (the parse of ``document.text[base:base+len(doc.text)]``).

    Offsets in the returned mentions index the file text as read (``document.offset`` added).
    With ``keep_all`` every selected event is returned; otherwise only those bearing on
    CSTO–Armenia relations (relevance ``core`` or ``context``).
    """
    proposal = propose(document, doc, gazetteer=gazetteer, base=base)
    return select_events(
        proposal.candidates,
        proposal.relevance,
        gazetteer=gazetteer,
        keep_all=keep_all,
        summarize=proposal.summarize,
    )
