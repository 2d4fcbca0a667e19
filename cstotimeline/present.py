"""What the visual formats (HTML page, TimelineJS) show about an event, in one place.

Colours by event type, dates written at their precision ("23 November 2023", "November 2023",
"2023", "early 2023"), a mention's source as a name and a safe link, and the dates the
sources give for one happening when they differ. Nothing here imports spaCy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cstotimeline import dates
from cstotimeline.records import Event, Mention

# One colour per event type (the Tableau 10 palette, plus a dark red and a grey), chosen so
# that neighbouring types differ in hue and lightness.
TYPE_COLOURS = {
    "meeting": "#4e79a7",
    "statement": "#76b7b2",
    "refusal": "#e15759",
    "agreement": "#59a14f",
    "membership_change": "#b07aa1",
    "request": "#edc948",
    "accusation": "#f28e2b",
    "military_action": "#8c2d2d",
    "exercise": "#9c755f",
    "deployment": "#ff9da7",
    "other": "#bab0ac",
}
FALLBACK_COLOUR = "#bab0ac"
# How a TIMEX3 modifier reads before a date.
_MOD_WORDS = {
    "START": "early",
    "MID": "mid",
    "END": "late",
    "APPROX": "about",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "by",
    "ON_OR_AFTER": "from",
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, FALLBACK_COLOUR)


def type_order(event_type: str) -> tuple[int, str]:
    """Sort key: the taxonomy's order, unknown types last."""
    order = list(TYPE_COLOURS)
    return (order.index(event_type) if event_type in order else len(order), event_type)


def type_label(event_type: str) -> str:
    """``membership_change`` → ``membership change``."""
    return event_type.replace("_", " ")


def date_label(value: str, mod: str | None = None) -> str:
    """A date written at its precision: ``2023-11-23`` → ``23 November 2023``, ``2023-11`` →
    ``November 2023``, ``2023`` → ``2023``; a modifier as a word (``START`` → ``early 2023``)."""
    y, m, d = dates.sort_key(value)
    if y == 9999:
        text = value
    elif d:
        text = f"{d} {_MONTHS[m - 1]} {y}"
    elif m:
        text = f"{_MONTHS[m - 1]} {y}"
    else:
        text = f"{y}"
    if mod:
        word = _MOD_WORDS.get(mod, mod.lower().replace("_", " "))
        text = f"{word} {text}"
    return text


def date_parts(value: str) -> dict[str, int]:
    """The parts of a date its precision supports: ``{"year": 2023, "month": 11}`` for
    ``2023-11`` (never a day it does not have)."""
    y, m, d = dates.sort_key(value)
    parts = {"year": y}
    if m:
        parts["month"] = m
    if d:
        parts["day"] = d
    return parts


def source_name(m: Mention) -> str:
    """The outlet when the manifest names it, else the file's name."""
    return m.outlet or m.source.rsplit("/", 1)[-1]


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address (never ``javascript:`` or ``data:``), else None."""
    if not url:
        return None
    u = url.strip()
    return u if u.lower().startswith(("http://", "https://")) and " " not in u else None


@dataclass(frozen=True)
class DateReport:
    """The dates the mentions of one event give, when they are not all the same."""

    conflict: bool  # two of them cannot both be right (neither refines the other)
    dates: tuple[tuple[str, tuple[str, ...]], ...]  # (date, sources giving it), finest first


def date_report(e: Event) -> DateReport | None:
    """None when every mention gives the event's date; else what each source says.

    Reports of one happening merge when their dates are compatible, so most differences are of
    precision ("2023-11" against "2023-11-23"); a chain of merges can still join dates that
    contradict each other ("2023-11-23" and "2023-11-24"): that is a conflict."""
    given: dict[str, list[str]] = {}
    for m in e.mentions:
        names = given.setdefault(m.date, [])
        name = source_name(m)
        if name not in names:
            names.append(name)
    if len(given) < 2:
        return None
    ordered = sorted(given, key=lambda v: (-len(v), v))
    conflict = any(
        not dates.compatible(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]
    )
    return DateReport(conflict, tuple((v, tuple(given[v])) for v in ordered))


def sources_of(events: list[Event]) -> list[str]:
    """Every source of ``events``, once, in order of appearance."""
    return list(dict.fromkeys(m.source for e in events for m in e.mentions))


def year_span(events: list[Event]) -> tuple[dt.date, dt.date] | None:
    """First and last day the chronology covers."""
    from cstotimeline.chronology import period

    if not events:
        return None
    spans = [period(e.date) for e in events]
    return min(lo for lo, _ in spans), max(hi for _, hi in spans)
