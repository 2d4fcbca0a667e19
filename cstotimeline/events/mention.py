"""Candidates as small frozen records, and the mentions they become once selected.

A ``Candidate`` carries everything an event needs (sentence, offsets, trigger, type, actors,
summary) and its date options with their features, but no spaCy object: candidates can be
pickled, cached for training and cross-validation, and sent between processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cstotimeline.events.anchoring import DateOption
from cstotimeline.records import Mention

if TYPE_CHECKING:
    from cstotimeline.events.selection import Choice


@dataclass(frozen=True)
class Candidate:
    source: str
    published: str | None
    published_basis: str
    sentence: str
    start: int  # offsets of the sentence in the file text as read
    end: int
    sentence_start: int  # offset of the sentence in the parsed text (identifies it)
    token_index: int
    lineage: tuple[int, ...]  # token indices of the candidate's ancestors in the parse
    trigger: str
    kind: str
    event_type: str
    modality: str
    actors: tuple[str, ...]
    source_actors: tuple[str, ...]
    target_actors: tuple[str, ...]
    source_states: tuple[str, ...]
    summary: str
    options: tuple[DateOption, ...]
    features: dict[str, float] = field(default_factory=dict, compare=False, hash=False)


# The lowest confidence written (a kept event is never reported as impossible).
_BASIS_CONFIDENCE_FLOOR = 0.05


def to_mention(choice: Choice, relevance: str) -> Mention:
    c, o, probability = choice.candidate, choice.option, choice.probability
    return Mention(
        source=c.source,
        published=c.published,
        published_basis=c.published_basis,
        sentence=c.sentence,
        start=c.start,
        end=c.end,
        date_text=o.text,
        trigger=c.trigger,
        date=o.value,
        date_precision=o.precision,
        date_basis=o.basis,
        event_type=c.event_type,
        actors=c.actors,
        source_actors=c.source_actors,
        target_actors=c.target_actors,
        modality=c.modality if c.modality != "negated" or c.event_type != "refusal" else "asserted",
        summary=c.summary,
        confidence=round(max(_BASIS_CONFIDENCE_FLOOR, min(0.99, probability)), 2),
        date_mod=o.mod,
        source_states=c.source_states,
        shifted=o.shifted,
        relevance=relevance,
        date_relation=o.relation,
        date_alternatives=_alternatives(choice),
    )


# Alternatives kept with a mention: the most probable other dates, one entry per date.
ALTERNATIVES = 4


def _alternatives(choice: Choice) -> tuple[tuple[str, str, float], ...]:
    seen = {choice.option.value}
    out: list[tuple[str, str, float]] = []
    for alt, p in choice.alternatives:  # most probable first
        if alt.value not in seen and len(out) < ALTERNATIVES:
            seen.add(alt.value)
            out.append((alt.value, alt.relation, round(p, 3)))
    return tuple(out)
