"""Calendar periods and their TIMEX3 values.

A :class:`Period` is a calendar period at a granularity (century … day), represented by its
first day. Arithmetic (shifting by a number of units) works on that first day; formatting
produces the TIMEX3 value at the period's granularity, so precision is never invented.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass

# Granularities, coarse to fine.
GRANULARITIES = (
    "millennium",
    "century",
    "decade",
    "year",
    "half",
    "season",
    "quarter",
    "month",
    "week",
    "day",
)
_RANK = {g: i for i, g in enumerate(GRANULARITIES)}

# Season code -> first month of the season (northern hemisphere, meteorological).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period: granularity plus its first day (and the season code for seasons)."""

    gran: str
    day: _dt.date
    season: str | None = None

    @property
    def year(self) -> int:
        return self.day.year

    def value(self) -> str:
        """The TIMEX3 value of this period."""
        return format_period(self)


def coarser(a: str, b: str) -> str:
    """The coarser of two granularities."""
    return a if _RANK[a] <= _RANK[b] else b


def is_finer(a: str, b: str) -> bool:
    """True when granularity ``a`` is strictly finer than ``b``."""
    return _RANK[a] > _RANK[b]


def period_end(p: Period) -> _dt.date:
    """The day after the last day of ``p``."""
    step = {
        "millennium": ("year", 1000),
        "century": ("year", 100),
        "decade": ("year", 10),
        "year": ("year", 1),
        "half": ("month", 6),
        "season": ("month", 3),
        "quarter": ("month", 3),
        "month": ("month", 1),
    }
    if p.gran == "week":
        return p.day + _dt.timedelta(days=7)
    if p.gran == "day":
        return p.day + _dt.timedelta(days=1)
    unit, n = step[p.gran]
    if unit == "year":
        return _safe_date(p.day.year + n, p.day.month, 1)
    return add_months(p.day, n)


def contains(outer: Period, inner: Period) -> bool:
    """True when ``outer`` is coarser than ``inner`` and ``inner`` lies within it (a week
    counts as inside a month or year when it starts there)."""
    if not is_finer(inner.gran, outer.gran):
        return False
    if outer.gran == "season":  # stored as its year's first day; the months it spans
        first = _SEASON_START.get(outer.season or "")
        if first is None:
            return False
        start = _dt.date(outer.day.year, first, 1)
        return start <= inner.day < add_months(start, 3)
    return outer.day <= inner.day < period_end(outer)


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# The month in the middle of each season (winter: its first month, December of its year).
SEASON_MIDDLE = {"SP": 4, "SU": 7, "FA": 10, "WI": 12}


def add_months(d: _dt.date, n: int) -> _dt.date:
    """``d`` shifted by ``n`` months, the day clamped to the target month's length."""
    total = d.year * 12 + (d.month - 1) + n
    y, m = divmod(total, 12)
    y = max(1, min(9999, y))
    last = calendar.monthrange(y, m + 1)[1]
    return _dt.date(y, m + 1, min(d.day, last))


def _safe_date(y: int, m: int, d: int) -> _dt.date:
    y = max(1, min(9999, y))
    last = calendar.monthrange(y, m)[1]
    return _dt.date(y, m, min(d, last))


def period_of(gran: str, d: _dt.date, season: str | None = None) -> Period:
    """The period of granularity ``gran`` containing ``d``."""
    y = d.year
    if gran == "millennium":
        return Period(gran, _dt.date(max(1, y // 1000 * 1000), 1, 1))
    if gran == "century":
        return Period(gran, _dt.date(max(1, y // 100 * 100), 1, 1))
    if gran == "decade":
        return Period(gran, _dt.date(max(1, y // 10 * 10), 1, 1))
    if gran == "year":
        return Period(gran, _dt.date(y, 1, 1))
    if gran == "half":
        return Period(gran, _dt.date(y, 1 if d.month <= 6 else 7, 1))
    if gran == "quarter":
        return Period(gran, _dt.date(y, (d.month - 1) // 3 * 3 + 1, 1))
    if gran == "season":
        code = season or season_of(d)
        start_month = SEASON_START[code]
        start_year = y - 1 if code == "WI" and d.month < 3 else y
        return Period(gran, _dt.date(start_year, start_month, 1), code)
    if gran == "month":
        return Period(gran, _dt.date(y, d.month, 1))
    if gran == "week":
        return Period(gran, d - _dt.timedelta(days=d.weekday()))
    return Period("day", d)


def season_of(d: _dt.date) -> str:
    """The (meteorological, northern) season code of a day."""
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP"}.get(
        d.month, "SU" if d.month <= 8 else "FA"
    )


def shift(p: Period, n: int, unit: str) -> Period:
    """``p`` shifted by ``n`` ``unit``s, keeping ``p``'s granularity."""
    d = p.day
    if unit == "day":
        d = d + _dt.timedelta(days=n)
    elif unit == "week":
        d = d + _dt.timedelta(weeks=n)
    elif unit == "fortnight":
        d = d + _dt.timedelta(weeks=2 * n)
    elif unit == "month":
        d = add_months(d, n)
    elif unit == "quarter":
        d = add_months(d, 3 * n)
    elif unit in ("half", "season"):
        d = add_months(d, (6 if unit == "half" else 12) * n)
    elif unit == "year":
        d = _safe_date(d.year + n, d.month, d.day)
    elif unit == "decade":
        d = _safe_date(d.year + 10 * n, d.month, d.day)
    elif unit == "century":
        d = _safe_date(d.year + 100 * n, d.month, d.day)
    elif unit == "millennium":
        d = _safe_date(d.year + 1000 * n, d.month, d.day)
    if p.gran == "season":
        return Period("season", d, p.season)
    return period_of(p.gran, d)


def format_period(p: Period) -> str:
    """TIMEX3 value of a period."""
    d = p.day
    y = d.year
    if p.gran == "millennium":
        return f"{y // 1000}"
    if p.gran == "century":
        return f"{y // 100:02d}"
    if p.gran == "decade":
        return f"{y // 10:03d}"
    if p.gran == "year":
        return f"{y:04d}"
    if p.gran == "half":
        return f"{y:04d}-H{1 if d.month <= 6 else 2}"
    if p.gran == "quarter":
        return f"{y:04d}-Q{(d.month - 1) // 3 + 1}"
    if p.gran == "season":
        return f"{y:04d}-{p.season or season_of(d)}"
    if p.gran == "month":
        return f"{y:04d}-{d.month:02d}"
    if p.gran == "week":
        iy, iw, _ = d.isocalendar()
        return f"{iy:04d}-W{iw:02d}"
    return d.isoformat()


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> _dt.date:
    """The ``nth`` (1-based; -1 = last) ``weekday`` (Monday = 0) of a month."""
    if nth > 0:
        first = _dt.date(year, month, 1)
        offset = (weekday - first.weekday()) % 7
        return first + _dt.timedelta(days=offset + 7 * (nth - 1))
    last = _dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - _dt.timedelta(days=(last.weekday() - weekday) % 7)


def valid_day(y: int, m: int, d: int) -> bool:
    """True when year/month/day form a real date."""
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(max(1, y), m)[1]


def duration_value(amount: float | None, letter: str, time_unit: bool) -> str:
    """A TIMEX3 duration value: ``P3Y``, ``PT2H``, ``PXD`` (amount None = unknown)."""
    prefix = "PT" if time_unit else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    if amount == int(amount):
        return f"{prefix}{int(amount)}{letter}"
    # Fractions: express in the next smaller unit when that is exact ("2 1/2 years" -> P2Y6M).
    whole = int(amount)
    frac = amount - whole
    smaller = (
        {"H": ("M", 60, True), "M": ("S", 60, True)}
        if time_unit
        else {"Y": ("M", 12, False), "D": ("H", 24, True), "W": ("D", 7, False)}
    )
    if letter in smaller:
        s_letter, factor, s_time = smaller[letter]
        part = frac * factor
        if part == int(part):
            head = f"{whole}{letter}" if whole else ""
            if letter == "D" and s_time:
                return f"P{head}T{int(part)}{s_letter}"
            return f"{prefix}{head}{int(part)}{s_letter}"
    return f"{prefix}{amount:g}{letter}"
