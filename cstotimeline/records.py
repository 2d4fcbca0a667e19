"""Small frozen records passed between pipeline steps.

Every step of the pipeline is a function from records (or text) to records; nothing here
depends on spaCy, so the records can cross process boundaries (pickling) and be built by hand
in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# How a document's publication date was found (``Document.published_basis``).
PUBLISHED_BASES = ("option", "manifest", "header", "filename", "dateline", "inferred", "unknown")

# TIMEX3 types.
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


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
    - ``vague``: coarse by nature ("recently", "at the start of the year", "these days")
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
