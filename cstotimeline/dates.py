"""Calendar dates at a precision: conversion from TIMEX3 values, comparison and sorting.

An event date is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. A coarser date sorts at the start of
its period (``2023`` before ``2023-01`` before ``2023-01-01``) so that a chronology reads from the
general to the particular.
"""

from __future__ import annotations

import datetime as dt
import re

from cstotimeline.records import precision_of

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_CAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso_date(value: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` string as a date, or None."""
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def event_date(value: str) -> tuple[str, str] | None:
    """The usable calendar date of a TIMEX3 value, as (date, precision), or None.

    Days, months and years are used as they are (a time of day is dropped: events are dated to
    the day). A week is not a day: it becomes its month when it lies in one month, else the
    month holding most of its days (its Thursday). Seasons, quarters and halves become their year.
    Decades, centuries, durations and reference words are not usable event dates.
    """
    if not value or value[0] in "PX" or value.endswith("_REF"):
        return None
    week = _WEEK.match(value)
    if week:
        try:
            thursday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 4)
        except ValueError:
            return None
        return f"{thursday.year:04d}-{thursday.month:02d}", "month"
    m = _CAL.match(value)
    if not m:
        return None
    year, month, day = m[1], m[2], m[3]
    rest = value[m.end() :]
    if day:
        if iso_date(f"{year}-{month}-{day}") is None:
            return None
        return f"{year}-{month}-{day}", "day"
    if month:
        if not 1 <= int(month) <= 12:
            return None
        return f"{year}-{month}", "month"
    if rest and not rest.startswith("-"):
        return None  # 199 (decade) / 19 (century) are matched as 4 digits only when complete
    if (
        rest.startswith("-")
        and rest[1:]
        and rest[1:] not in ("SP", "SU", "FA", "WI")
        and not (rest[1] in "QH" or rest[1:].startswith("W"))
    ):
        return None
    return year, "year"


def refines(finer: str, coarser: str) -> bool:
    """True when ``finer`` lies within ``coarser`` (equal dates refine each other)."""
    return finer.startswith(coarser) and (len(finer) == len(coarser) or finer[len(coarser)] == "-")


def compatible(a: str, b: str) -> bool:
    """True when one date refines the other."""
    return refines(a, b) or refines(b, a)


def sort_key(value: str) -> tuple[int, int, int]:
    """Sort key: a coarser date sorts at the start of its period."""
    m = _CAL.match(value or "")
    if not m:
        return (9999, 99, 99)
    return (int(m[1]), int(m[2] or 0), int(m[3] or 0))


def finest(values: list[str]) -> str:
    """The most precise of mutually compatible dates (ties: the first in sorted order)."""
    return sorted(values, key=lambda v: (-len(v), v))[0]


__all__ = ["compatible", "event_date", "finest", "iso_date", "precision_of", "refines", "sort_key"]
