"""The narrative's time: the date the text has established when a sentence is read.

This is the only state carried from sentence to sentence, and it depends on the text alone
(never on which events are selected), so candidates stay a pure function of the document.
A sentence moves the narrative when its main clause carries a calendar date, or, failing
that, when it names a day or month (or a season) at all; a heading that is a date (the year
over a section of a timeline) moves it too. Each sentence is given the time established
before it, with how far back and across how many paragraphs it was set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cstotimeline import dates
from cstotimeline.events import syntax

if TYPE_CHECKING:
    from spacy.tokens import Span

    from cstotimeline.events.view import DocView, TimexSpan


@dataclass(frozen=True, slots=True)
class NarrativeTime:
    value: str
    precision: str
    text: str | None
    sentences_back: int  # 1: set by the sentence just before
    paragraphs_back: int  # 0: set in the same paragraph
    from_heading: bool = False


def main_timex(view: DocView, sent: Span) -> TimexSpan | None:
    """The calendar expression that dates a sentence's main clause, else the first that names
    a day, month or season, else None. Expressions inside quotations and years that merely
    modify a noun ("the 2024 budget") do not count."""
    cands = [t for t in view.calendar_in(sent) if not t.nominal_year]
    if not cands:
        return None
    root = sent.root
    for t in cands:
        if not view.in_quote(t.span.start_char) and syntax.attached(t.root, root):
            return t
    for t in cands:
        if view.in_quote(t.span.start_char):
            continue
        d = dates.event_date(t.timex.value)
        season = t.timex.value[4:7] in ("-SP", "-SU", "-FA", "-WI")
        if d is not None and (d[1] in ("day", "month") or season):
            return t
    return None


@dataclass(frozen=True, slots=True)
class Told:
    """A happening told earlier in the text with a date of its own."""

    etype: str
    value: str
    precision: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Times:
    """The times a sentence is read in."""

    narrative: NarrativeTime | None  # the last date a sentence's main clause gave
    story: NarrativeTime | None  # the last day or month so given (or a heading's date)
    story_year: str | None  # the year last written out in full in a main clause or heading
    # the year of the section heading over the sentence, in a text divided by year headings
    # (a timeline: "2022" over the paragraphs that tell that year)
    heading_year: str | None = None


_DEICTIC = re.compile(
    r"\d{4}|\b(?:last|next|this|ago|yesterday|today|tomorrow|week|earlier|later|previous|"
    r"following|same|that|current|coming|past)\b",
    re.IGNORECASE,
)


def year_open(text: str | None, basis: str, precision: str) -> bool:
    """A day or month whose year the text leaves open ("On 13 September", "In January"): the
    resolver took it from the publication date, so the story's year may be the right one."""
    return (
        text is not None
        and precision != "year"
        and basis in ("explicit+pubyear", "relative")
        and not _DEICTIC.search(text)
    )


def into_year(value: str, text: str | None, basis: str, precision: str, year: str) -> str | None:
    """``value`` moved into ``year`` when its text left the year open and the result is a
    date (not 29 February of a common year); else None."""
    if value[:4] == year or not year_open(text, basis, precision):
        return None
    moved = year + value[4:]
    return moved if dates.event_date(moved) is not None else None


def _dates_the_heading(t: TimexSpan, sent: Span) -> bool:
    """A heading that is a date and little else ("2022", "2023: the break"): a section of a
    timeline, not a headline that mentions a year."""
    rest = [
        tok
        for tok in sent
        if not tok.is_punct and not tok.is_space and not (t.span.start <= tok.i < t.span.end)
    ]
    return len(rest) <= 3


def _explicit_year(t: TimexSpan) -> bool:
    return t.timex.basis == "explicit" and any(ch.isdigit() for ch in t.timex.text)


class Narrative:
    """The times of every sentence (computed from the text alone), and the happenings told so
    far (noted by the caller as it reads the sentences in order)."""

    def __init__(self, view: DocView) -> None:
        self.times: list[Times] = []
        narrative: _Entry | None = None
        story: _Entry | None = None
        year: str | None = None
        section: str | None = None
        for i, sent in enumerate(view.sentences):
            para = view.paragraph(sent)
            self.times.append(Times(_at(narrative, i, para), _at(story, i, para), year, section))
            heading = view.is_heading(sent)
            t = main_timex(view, sent)
            if t is None:
                continue
            d = dates.event_date(t.timex.value)
            if d is None:
                continue
            value = d[0]
            if section is not None:
                value = into_year(value, t.timex.text, t.timex.basis, d[1], section) or value
            entry = (value, d[1], t.timex.text, i, para, heading)
            narrative = entry
            if d[1] in ("day", "month") or heading:
                story = entry
            if _explicit_year(t) or heading:
                year = value[:4]
            if heading and i > 0 and _dates_the_heading(t, sent):
                section = value[:4]
        self._told: list[Told] = []

    def note(self, told: Told) -> None:
        self._told.append(told)

    def last_told(self, etype: str, names: tuple[str, ...] = ()) -> Told | None:
        """The last happening of type ``etype`` told so far in a sentence naming all ``names``."""
        for t in reversed(self._told):
            if t.etype == etype and all(n in t.sentence for n in names):
                return t
        return None


_Entry = tuple[str, str, str | None, int, int, bool]


def _at(entry: _Entry | None, i: int, para: int) -> NarrativeTime | None:
    if entry is None:
        return None
    value, precision, text, at, at_para, heading = entry
    return NarrativeTime(value, precision, text, i - at, max(0, para - at_para), heading)
