"""Builders for hand-made records."""

from __future__ import annotations

from cstotimeline.chronology import aggregate
from cstotimeline.records import Event, Mention


def mention(
    source: str = "a.txt",
    start: int = 0,
    date: str = "2023-11-23",
    event_type: str = "meeting",
    actors: tuple[str, ...] = ("CSTO", "Belarus"),
    sources: tuple[str, ...] = (),
    trigger: str = "hold",
    summary: str = "CSTO summit held in Minsk",
    confidence: float = 0.8,
    modality: str = "asserted",
    basis: str = "explicit",
    relevance: str | None = None,
) -> Mention:
    precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    return Mention(
        source=source,
        published="2023-11-24",
        published_basis="option",
        sentence=summary + ".",
        start=start,
        end=start + len(summary) + 1,
        date_text=None,
        trigger=trigger,
        date=date,
        date_precision=precision,
        date_basis=basis,
        event_type=event_type,
        actors=actors,
        source_actors=sources,
        modality=modality,
        summary=summary,
        confidence=confidence,
        relevance=relevance or core_or_context(actors),
    )


def core_or_context(actors) -> str:
    if "CSTO" in actors:
        return "core"
    return "context" if "Armenia" in actors else "other"


def event(**kwargs) -> Event:
    return aggregate([mention(**kwargs)])
