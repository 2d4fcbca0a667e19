"""Small frozen records passed between pipeline steps.

Every step of the pipeline is a function from records (or text) to records; nothing here
depends on spaCy, so the records can cross process boundaries (pickling) and be built by hand
in tests.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar


@dataclass(frozen=True, slots=True)
class Document:
    """One input document as read: the text exactly as decoded, and its metadata."""

    source: str
    text: str
    published: date | None
    published_basis: str = "unknown"
    url: str | None = None
    outlet: str | None = None
    # Offset of ``text`` inside the file as read (non-zero when a header was stripped).
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression with a TIMEX3 value.

    ``start``/``end`` are character offsets into the text the tagger was given.
    ``basis`` tells how the value was obtained:

    - ``explicit``: the expression carries a full date ("12 May 2021", "2020", "September 2022")
    - ``explicit+pubyear``: day/month given, year taken from the reference date ("on May 12")
    - ``relative``: resolved against the reference date or narrative ("this Thursday",
      "last January", "two months later", "then")
    - ``vague``: coarse by nature ("recently", "early in the year", "these days")
    - ``none``: not anchored to the calendar (durations, sets)
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    basis: str = "explicit"
    # Anaphoric expressions ("two months later") resolved against the narrative, not the DCT.
    anaphoric: bool = False
    # For an anaphoric expression: where the expression it was resolved against starts (the
    # narrative's time then), or None (the DCT). Not part of equality.
    anchor_start: int | None = field(default=None, compare=False, repr=False)

    @property
    def is_calendar_date(self) -> bool:
        """True when ``value`` names a calendar period usable as an event date (YYYY[-MM[-DD]])."""
        v = self.value
        return (
            self.type in ("DATE", "TIME")
            and len(v) >= 4
            and v[:4].isdigit()
            and (len(v) == 4 or (len(v) >= 7 and v[4] == "-" and v[5:7].isdigit()))
        )


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in text: a gazetteer entry or an unknown named entity.

    ``canonical`` is the gazetteer's canonical name, or the surface form for unknown entities.
    ``country`` is the canonical name of the state the actor belongs to or represents, if any.
    """

    start: int
    end: int
    text: str
    canonical: str
    kind: str  # person | state | organisation | body | region | unknown
    country: str | None = None
    origin: str = "gazetteer"  # gazetteer | metonym | role | ner


@dataclass(frozen=True, slots=True)
class Mention:
    """One sentence of one document that reports an event, with that sentence's own reading.

    An ``Event`` is an aggregate of its mentions (see ``chronology.aggregate``), so merging
    events is a computation over mentions alone: associative, commutative and exact.
    """

    source: str
    published: str | None
    published_basis: str
    sentence: str
    start: int
    end: int
    date_text: str | None
    trigger: str
    date: str
    date_precision: str
    date_basis: str
    event_type: str
    actors: tuple[str, ...] = ()
    source_actors: tuple[str, ...] = ()
    target_actors: tuple[str, ...] = ()
    modality: str = "asserted"
    summary: str = ""
    confidence: float = 0.5
    date_mod: str | None = None
    # States the doers are or represent ("Nikol Pashinyan" → "Armenia").
    source_states: tuple[str, ...] = ()
    # The date moved the narrative on ("a few days later", "the next day").
    shifted: bool = False
    # core | context | other: from the mention's actors and its article (``relevance``).
    relevance: str = "other"
    # How the date was chosen: the option's relation to the trigger (``events.anchoring``:
    # own, coord, ancestor, descendant, other, narrative, publication, offset), and the
    # options not chosen as (date, relation, probability).
    date_relation: str = ""
    date_alternatives: tuple[tuple[str, str, float], ...] = ()
    # The source's address and outlet, from the manifest (``Document.url``/``outlet``).
    url: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One happening, possibly reported by several mentions (derived from them)."""

    id: str
    date: str
    date_precision: str  # year | month | day
    date_basis: str  # explicit | explicit+pubyear | relative | vague | context | publication
    event_type: str
    actors: tuple[str, ...]
    summary: str
    confidence: float
    mentions: tuple[Mention, ...]
    trigger: str
    source_actors: tuple[str, ...] = ()
    target_actors: tuple[str, ...] = ()
    modality: str = "asserted"  # asserted | planned
    relevance: str = "core"  # core | context | other
    date_mod: str | None = None


def precision_of(value: str) -> str | None:
    """Precision of a calendar value: ``2023`` → year, ``2023-11`` → month, ``2023-11-23`` → day."""
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        return "day"
    if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit() and value[:4].isdigit():
        return "month"
    if len(value) == 4 and value.isdigit():
        return "year"
    return None


_R = TypeVar("_R", "Mention", "Event")


class Interner:
    """Shares equal strings and tuples between records that came from other processes.

    Records unpickled from a worker carry their own copy of every string, so the thousands of
    mentions of a large run would each hold another "2024-02-23", "explicit", "Armenia", ...
    The merge keeps every record until the end; sharing the repeated values keeps the memory
    per mention down to what is its own (its sentence, summary and offsets). The unique fields
    (sentences, summaries, ids) are not looked up, so the tables hold only repeated values.
    """

    __slots__ = ("_strings", "_tuples")

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._tuples: dict[tuple[str, ...], tuple[str, ...]] = {}

    def _share(self, record: _R, strings: tuple[str, ...], tuples: tuple[str, ...]) -> _R:
        changes: dict[str, Any] = {}
        for name in strings:
            value = getattr(record, name)
            if value is not None:
                changes[name] = self._strings.setdefault(value, value)
        for name in tuples:
            values = getattr(record, name)
            if values:
                shared = tuple(self._strings.setdefault(v, v) for v in values)
                changes[name] = self._tuples.setdefault(shared, shared)
        return dataclasses.replace(record, **changes)  # every other field as it is

    def mention(self, m: Mention) -> Mention:
        return self._share(m, _MENTION_STRINGS, _MENTION_TUPLES)

    def events(self, events: list[Event]) -> list[Event]:
        """``events`` with their repeated values shared (equal records, less memory)."""
        return [
            dataclasses.replace(
                self._share(e, _EVENT_STRINGS, _EVENT_TUPLES),
                mentions=tuple(self.mention(m) for m in e.mentions),
            )
            for e in events
        ]


# The fields of mentions and events whose values repeat across records (``Interner``).
_MENTION_STRINGS = (
    "source",
    "published",
    "published_basis",
    "date_text",
    "trigger",
    "date",
    "date_precision",
    "date_basis",
    "event_type",
    "modality",
    "date_mod",
)
_MENTION_TUPLES = ("actors", "source_actors", "target_actors", "source_states")
_EVENT_STRINGS = (
    "date",
    "date_precision",
    "date_basis",
    "event_type",
    "trigger",
    "modality",
    "relevance",
    "date_mod",
)
_EVENT_TUPLES = ("actors", "source_actors", "target_actors")
