"""The narrative's time: the date the text has established when a sentence is read.

This is the only state carried from sentence to sentence, and it depends on the text alone
(never on which events are selected), so candidates stay a pure function of the document.
A sentence moves the narrative when its main clause carries a calendar date, or, failing
that, when it names a day or month (or a season) at all; a heading that is a date (the year
over a section of a timeline) moves it too. Each sentence is given the time established
before it, with how far back and across how many paragraphs it was set.
"""

from __future__ import annotations

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


def _explicit_year(t: TimexSpan) -> bool:
    return t.timex.basis == "explicit" and any(ch.isdigit() for ch in t.timex.text)


class Narrative:
    """The times of every sentence (computed from the text alone), and the happenings told so
    far (noted by the caller as it reads the sentences in order)."""

    def __init__(self, view: DocView) -> None:
        self.times: list[Times] = []
        narrative: tuple[str, str, str | None, int, int, bool] | None = None
        story: tuple[str, str, str | None, int, int, bool] | None = None
        year: str | None = None
        for i, sent in enumerate(view.sentences):
            para = view.paragraph(sent)
            self.times.append(Times(_at(narrative, i, para), _at(story, i, para), year))
            heading = view.is_heading(sent)
            t = main_timex(view, sent)
            if t is None:
                continue
            d = dates.event_date(t.timex.value)
            if d is None:
                continue
            entry = (d[0], d[1], t.timex.text, i, para, heading)
            narrative = entry
            if d[1] in ("day", "month") or heading:
                story = entry
            if _explicit_year(t) or heading:
                year = d[0][:4]
        self._told: list[Told] = []

    def note(self, told: Told) -> None:
        self._told.append(told)

    def last_told(self, etype: str, names: tuple[str, ...] = ()) -> Told | None:
        """The last happening of type ``etype`` told so far in a sentence naming all ``names``."""
        for t in reversed(self._told):
            if t.etype == etype and all(n in t.sentence for n in names):
                return t
        return None


def _at(
    entry: tuple[str, str, str | None, int, int, bool] | None, i: int, para: int
) -> NarrativeTime | None:
    if entry is None:
        return None
    value, precision, text, at, at_para, heading = entry
    return NarrativeTime(value, precision, text, i - at, max(0, para - at_para), heading)
