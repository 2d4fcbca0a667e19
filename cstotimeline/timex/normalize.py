"""Values for recognised extents: TIMEX3 type, value and mod.

:class:`Resolver` walks the candidates in text order, keeping the narrative anchor (the last
calendar period mentioned) so anaphoric expressions ("two months later", "the quarter",
"a year earlier") resolve against it; deictic expressions ("last week", "Friday") resolve
against the reference date (DCT).

Without a reference date, relative expressions get TIMEX3 placeholders with X
("last month" -> ``XXXX-XX``, "Friday" -> ``XXXX-WXX-5``, bare "May" -> ``XXXX-05``).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from functools import partial

from cstotimeline.timex import durations as du
from cstotimeline.timex import lexicon as lx
from cstotimeline.timex.common import (
    DAYPART_RE,
    ENDED_RE,
    OUTSIDE_RE,
    UNIT_RE,
    WEEKDAY_RE,
    X_BY_GRAN,
    Value,
    ago_gran,
    norm,
    prev_word,
    shift_unit,
    split_posmod,
    split_premod,
    unit_of,
)
from cstotimeline.timex.numbers import parse_day, parse_month, parse_number, parse_year
from cstotimeline.timex.tense import TenseFn
from cstotimeline.timex.values import (
    SEASON_MIDDLE,
    Period,
    contains,
    is_finer,
    nth_weekday,
    period_of,
    shift,
    valid_day,
)

# ------------------------------------------------------------------------------ the resolver
# A year naming the happening a day and month without a year belong to, in the same phrase:
# "the 2022 summit on 23 November", "the summit of 2021, held on 5 May", "its 2019 talks,
# which opened on 3 June". The year follows a determiner or "of"; at most five words and no
# other number or sentence break come between it and the date, which "on" introduces.
_PHRASE_YEAR = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|that)\s+|\bof\s+)"
    r"((?:19|20)\d\d)\b"
    r"(?P<gap>(?:[\s,]+[^\W\d_][\w’'-]*){0,5})[\s,]+on\s+$",
    re.IGNORECASE,
)


def phrase_year(text: str, start: int) -> int | None:
    """The year stated in the phrase that a day and month at ``start`` complete, or None."""
    before = text[max(0, start - 90) : start]
    cut = max(before.rfind(c) for c in ".;!?\n")
    if cut >= 0:
        before = before[cut + 1 :]
    match = _PHRASE_YEAR.search(before)
    if match is None:
        return None
    return int(match.group(1))


class Resolver:
    """Gives values to candidates, in text order, keeping the narrative anchor."""

    def __init__(
        self,
        text: str,
        dct: _dt.date | None,
        tense: TenseFn,
        background: Callable[[int, int], bool] | None = None,
    ) -> None:
        self.text = text
        self.dct = dct
        self.tense = tense
        self.background = background
        self.anchor: Period | None = None
        # Where the expression that set ``anchor`` starts (None: no expression set it yet).
        self.anchor_start: int | None = None
        # The last day mentioned: "that evening" refers to a day even after "the 1997 treaty".
        self.day_anchor: Period | None = None
        self.anchor_end = -1
        self.last_quarter: Period | None = None
        self.last_quarter_end = -1
        self.report_quarter: Period | None = None
        self._report_ended = False
        self._handlers: dict[str, Callable[[str, int, int], Value | None]] = {
            "clock": self.clock,
            "noon": self.noon,
            "date_mdy": self.date_mdy,
            "date_iso": self.date_iso,
            "date_numeric": self.date_numeric,
            "week_of": self.week_of,
            "month_year": self.month_year,
            "month": self.month,
            "season": self.season,
            "year": self.year,
            "decade": self.decade,
            "century": self.century,
            "quarter": self.quarter,
            "quarter_ref": self.quarter_ref,
            "half": self.half,
            "weekday": self.weekday,
            "weekday_set": self.weekday_set,
            "deictic": self.deictic,
            "day_part_anaphoric": self.day_part_anaphoric,
            "holiday": self.holiday,
            "rel_unit": self.rel_unit,
            "the_unit": self.the_unit,
            "ago": self.ago,
            "ago_this": self.ago_this,
            "anaphoric_day": self.anaphoric_day,
            "duration": partial(du.duration, text),
            "duration_vague": partial(du.duration_vague, text),
            "duration_unit": partial(du.duration_unit, text),
            "set": partial(du.set_expr, text),
            "ref": partial(du.ref, text),
            "ref_adj": partial(du.ref_adj, text),
        }

    # ---------------------------------------------------------------- entry point
    def resolve(self, rule: str, start: int, end: int) -> Value | None:
        """The value of the candidate ``text[start:end]`` found by ``rule`` (None = reject)."""
        surface = self.text[start:end]
        v = self._handlers[rule](surface, start, end)
        if v is not None and v.mod is None:
            outside = OUTSIDE_RE.search(self.text[max(0, start - 20) : start])
            # "over the weekend", "within the next two weeks": a preposition, not a modifier.
            if outside and re.match(
                r"(?:the|this|that|these|those|its|their|his|her)\b", norm(surface)
            ):
                outside = None
            if outside:
                mod = lx.OUTSIDE_MODS[norm(outside.group(1))]
                if v.type == "DURATION" or not mod.startswith("ON_OR"):
                    v = Value(v.type, v.value, mod, v.basis, v.anaphoric, v.period, v.moves_anchor)
        if (
            v is not None
            and v.moves_anchor
            and v.period is not None
            and v.period.gran in ("year", "decade", "century")
            and prev_word(self.text, start) == "since"
        ):
            v = self._keep(v)  # "active since 2020": background, not the story's new time
        if (
            v is not None
            and v.moves_anchor
            and self.anchor is not None
            and self.background is not None
            and self.background(start, end)
        ):
            v = self._keep(v)  # "the treaty, signed on 29 August 1997": a description
        if v is not None and v.period is not None and v.type in ("DATE", "TIME") and v.moves_anchor:
            # A coarser period that contains the anchor ("this year" after "last week") does
            # not replace it: the narrative keeps its finest known time.
            if self.anchor is None or not contains(v.period, self.anchor):
                self.anchor = v.period
                self.anchor_start = start
            if v.period.gran == "day":
                self.day_anchor = v.period
            self.anchor_end = end
            if v.period.gran == "quarter":
                self._note_quarter(v.period, end)
        return v

    def _note_quarter(self, p: Period, end: int) -> None:
        """Keep the last quarter mentioned and the reported quarter: in results reporting, "a
        year ago", "the year-earlier period" and "the latest quarter" compare with the latest
        quarter mentioned that had ended by the reference date, not with a forecast ("a
        fourth-quarter charge") or a contrast ("after a flat second quarter")."""
        self.last_quarter = p
        self.last_quarter_end = end
        ended = self.dct is None or shift(p, 1, "quarter").day <= self.dct
        rq = self.report_quarter
        if rq is None or (ended and (not self._report_ended or p.day > rq.day)):
            self.report_quarter = p
            self._report_ended = ended

    # ---------------------------------------------------------------- reference helpers
    @staticmethod
    def _keep(v: Value) -> Value:
        """``v`` marked as not moving the narrative anchor."""
        return Value(v.type, v.value, v.mod, v.basis, v.anaphoric, v.period, False)

    def _tense(self, start: int, end: int) -> str:
        return self.tense(start, end) or "past"

    _HAD = re.compile(r"\bhad\b(?![^.;]*\b(?:will|would|to)\b)", re.I)

    def _pluperfect(self, start: int, end: int) -> bool:
        """True when the clause around ``start`` is in the pluperfect ("had not called")."""
        left = self.text[max(0, start - 60) : start]
        left = re.split(r"[.;!?]\s", left)[-1]
        right = re.split(r"[.;!?](?:\s|$)", self.text[end : end + 40])[0]
        return bool(self._HAD.search(left + " " + right))

    def _ref(self) -> _dt.date | None:
        return self.dct

    def _anchor_or_dct(self, gran: str) -> Period | None:
        if self.anchor is not None:
            return self.anchor
        if self.dct is not None:
            return period_of(gran, self.dct)
        return None

    def _cal(
        self,
        p: Period | None,
        *,
        basis: str,
        mod: str | None = None,
        anaphoric: bool = False,
        gran_if_none: str = "day",
        known: str | None = None,
        type_: str = "DATE",
        suffix: str = "",
    ) -> Value:
        if p is None:
            value = known if known is not None else X_BY_GRAN.get(gran_if_none, "XXXX-XX-XX")
            return Value(type_, value + suffix, mod, basis, anaphoric, None)
        return Value(type_, p.value() + suffix, mod, basis, anaphoric, p)

    # ---------------------------------------------------------------- times
    def _day_from_tail(self, tail: str, start: int, end: int) -> tuple[Period | None, str]:
        """The day named after/before a clock time (weekday, today, a date), else the DCT."""
        t = norm(tail)
        if not t:
            # "10:35 a.m. (0735 GMT) Friday": the day named just after a parenthesis.
            after = re.match(
                r"\s*\([^()]{1,20}\)\s*(?:on\s+)?(" + "|".join(lx.WEEKDAY_NAMES) + r")\b",
                self.text[end : end + 40],
                re.I,
            )
            if after:
                named = lx.WEEKDAYS[after.group(1).lower()]
                return self._weekday_period(named, "", start, end), "relative"
            # A bare clock time belongs to the day the narrative is at, else to the DCT.
            if self.anchor is not None and self.anchor.gran == "day":
                return self.anchor, "relative"
            return (period_of("day", self.dct) if self.dct else None), "relative"
        m_month = parse_month(tail) if re.search(r"\d|[a-z]", t) else None
        if m_month is not None and re.search(r"\d", t):
            d = parse_day(tail)
            y = parse_year(tail)
            if d is not None:
                v = self._month_day(m_month, d, y, start, end)
                return v.period, v.basis
        wd = WEEKDAY_RE.search(t)
        if wd:
            return self._weekday_period(lx.WEEKDAYS[wd.group(1).lower()], "", start, end), (
                "relative"
            )
        for word, off in (("yesterday", -1), ("tomorrow", 1), ("today", 0), ("tonight", 0)):
            if word in t and self.dct is not None:
                return period_of("day", self.dct + _dt.timedelta(days=off)), "relative"
        return (period_of("day", self.dct) if self.dct else None), "relative"

    def clock(self, s: str, start: int, end: int) -> Value | None:
        mod, rest = split_premod(s)
        m = re.match(
            r"\s*(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'clock|in\s+the\s+"
            r"(?:morning|afternoon|evening))?",
            rest,
            re.I,
        )
        if not m:
            return None
        hour = int(m.group(1))
        minute = int(m.group(2) or 0)
        ampm = norm(m.group(3) or "")
        if ampm.startswith("p") or ampm.endswith(("afternoon", "evening")):
            if hour < 12:
                hour += 12
        elif (ampm.startswith("a") or ampm.endswith("morning")) and hour == 12:
            hour = 0
        if hour > 24 or minute > 59:
            return None
        tail = rest[m.end() :]
        tail = re.sub(r"^\s*(?:" + "|".join(lx.TIME_ZONES) + r")\b", "", tail, flags=re.I)
        day, basis = self._day_from_tail(tail, start, end)
        hhmm = f"T{hour:02d}:{minute:02d}"
        return self._cal(day, basis=basis, mod=mod, type_="TIME", suffix=hhmm)

    def noon(self, s: str, start: int, end: int) -> Value | None:
        mod, rest = split_premod(s)
        t = norm(rest)
        word = t.split()[0]
        hhmm = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[word]
        day, basis = self._day_from_tail(
            rest[len(word) + (len(rest) - len(rest.lstrip())) :], start, end
        )
        return self._cal(day, basis=basis, mod=mod, type_="TIME", suffix=hhmm)

    # ---------------------------------------------------------------- full dates
    _STORY_REACH = 600  # characters after the narrative's last date in which it still holds
    _STORY_SPAN = 62  # days from the narrative's time within which a yearless date is in it

    def _story_ref(self, start: int, end: int) -> _dt.date | None:
        """The narrative's time when the story is told in another year than the publication's
        ("It started in June 2019. On 4 June, ..."): the day or month last mentioned, if
        mentioned just before and in an earlier year than the publication. A clause in the
        future tense looks ahead from the publication date instead."""
        a = self.anchor
        if (
            a is None
            or self.dct is None
            or a.gran not in ("day", "month", "season")
            or a.year >= self.dct.year
            or start - self.anchor_end > self._STORY_REACH
            or self.tense(start, end) == "future"
        ):
            return None
        if a.gran == "season":  # "Then came last autumn. … in November": the middle of it
            middle = SEASON_MIDDLE.get(a.season or "")
            return _dt.date(a.year, middle, 15) if middle else None
        return a.day if a.gran == "day" else a.day + _dt.timedelta(days=14)

    def _near_dct(self, d: _dt.date) -> bool:
        """True for a date in the six weeks before the publication date: the news of the day
        ("condemned Iraq's invasion on Aug. 2") even inside a story told in another year."""
        return self.dct is not None and 0 <= (self.dct - d).days <= 45

    def _year_for_month_day(self, month: int, day: int, start: int, end: int) -> int | None:
        """The year that puts month/day nearest the DCT, in the direction of the tense when
        that is known and the date is more than a few months away; in a story told in another
        year, the year that puts it nearest the story's time."""
        if self.dct is None:
            return None
        story = self._story_ref(start, end)
        if story is not None and not (
            valid_day(self.dct.year, month, day)
            and self._near_dct(_dt.date(self.dct.year, month, day))
        ):
            for y in (story.year - 1, story.year, story.year + 1):
                near = (
                    abs((_dt.date(y, month, day) - story).days)
                    if valid_day(y, month, day)
                    else None
                )
                if near is not None and near <= self._STORY_SPAN:
                    return y
        tense: str | None = self.tense(start, end)
        before = self.text[max(0, start - 30) : start]
        if re.search(r"\bsince\b[^.,;]{0,25}$", before, re.I):
            tense = "past"  # "since the Oct. 23 shooting"
        elif prev_word(self.text, start) == "effective":
            tense = None  # "effective Feb. 1": the nearest one
        best: tuple[float, int] | None = None
        for y in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            if not valid_day(y, month, day):
                continue
            diff = (_dt.date(y, month, day) - self.dct).days
            cost = float(abs(diff))
            if (tense == "past" and diff > 60) or (tense == "future" and diff < -60):
                cost += 200
            if best is None or cost < best[0]:
                best = (cost, y)
        return best[1] if best else None

    def _month_day(self, month: int, day: int, year: int | None, start: int, end: int) -> Value:
        if year is not None:
            if not valid_day(year, month, day):
                return Value("DATE", f"{year:04d}-{month:02d}", None, "explicit")
            return self._cal(period_of("day", _dt.date(year, month, day)), basis="explicit")
        y = phrase_year(self.text, start)
        if y is not None and valid_day(y, month, day):
            # "the 2022 summit on 23 November": the year the phrase states
            return self._cal(period_of("day", _dt.date(y, month, day)), basis="explicit")
        y = self._year_for_month_day(month, day, start, end)
        if y is None:
            return Value("DATE", f"XXXX-{month:02d}-{day:02d}", None, "explicit+pubyear")
        return self._cal(period_of("day", _dt.date(y, month, day)), basis="explicit+pubyear")

    def date_mdy(self, s: str, start: int, end: int) -> Value | None:
        month = parse_month(re.sub(WEEKDAY_RE, " ", s))
        day = parse_day(re.sub(WEEKDAY_RE, " ", s))
        if month is None or day is None:
            return None
        year = parse_year(s)
        if year is None and re.search(r"\byear\b", s, re.I):
            p = self._rel_year_phrase(s)
            if p is not None:
                year = p
        return self._month_day(month, day, year, start, end)

    def _rel_year_phrase(self, s: str) -> int | None:
        t = norm(s)
        if self.dct is None:
            return None
        if "last year" in t or "previous year" in t:
            return self.dct.year - 1
        if "next year" in t or "following year" in t:
            return self.dct.year + 1
        if "this year" in t or "current year" in t:
            return self.dct.year
        if ("that year" in t or "same year" in t) and self.anchor is not None:
            return self.anchor.year
        return None

    def date_iso(self, s: str, start: int, end: int) -> Value | None:
        y, m, d = (int(x) for x in s.split("-"))
        if not valid_day(y, m, d):
            return None
        return self._cal(period_of("day", _dt.date(y, m, d)), basis="explicit")

    def date_numeric(self, s: str, start: int, end: int) -> Value | None:
        if "." in s:
            d, m, y = (int(x) for x in s.split("."))  # 29.11.2024: always day first
        else:
            m, d, y = (int(x) for x in s.split("/"))  # 11/29/2024, US style ...
            if m > 12:
                m, d = d, m  # ... unless the first number cannot be a month: 29/11/2024
        if y < 100:
            y += 1900 if y > 30 else 2000
        if not valid_day(y, m, d):
            return None
        return self._cal(period_of("day", _dt.date(y, m, d)), basis="explicit")

    def week_of(self, s: str, start: int, end: int) -> Value | None:
        v = self.date_mdy(s[s.lower().index(" of ") + 4 :], start, end)
        if v is None or v.period is None:
            return v
        return self._cal(period_of("week", v.period.day), basis=v.basis)

    # ---------------------------------------------------------------- months
    def month_year(self, s: str, start: int, end: int) -> Value | None:
        mod, rest = split_posmod(s)
        month = parse_month(rest)
        if month is None:
            return None
        year = parse_year(rest)
        basis = "explicit"
        if year is None:
            year = self._rel_year_phrase(rest)
            basis = "relative"
        if year is None:
            return Value("DATE", f"XXXX-{month:02d}", mod, "relative")
        return self._cal(period_of("month", _dt.date(year, month, 1)), basis=basis, mod=mod)

    def _month_occurrence(self, month: int, how: str, start: int, end: int) -> Period | None:
        if self.dct is None:
            return None
        ref = self.dct
        story = self._story_ref(start, end) if how in ("past", "nearest") else None
        if story is not None and month in (ref.month, (ref.month - 2) % 12 + 1):
            story = None  # this month or the last: the news of the day
        if story is not None:
            for y in (story.year - 1, story.year, story.year + 1):
                if abs((_dt.date(y, month, 15) - story).days) <= self._STORY_SPAN:
                    return period_of("month", _dt.date(y, month, 1))
        y = ref.year
        if how == "last":
            y = y if month < ref.month else y - 1
        elif how == "next":
            y = y if month > ref.month else y + 1
        elif how == "this":
            pass
        elif how == "future":
            y = y if month >= ref.month else y + 1
        elif how == "nearest":
            y = y + (1 if month - ref.month < -7 else -1 if month - ref.month > 4 else 0)
        elif how == "deadline":
            y = y + (1 if month - ref.month < -5 else -1 if month - ref.month > 6 else 0)
        else:  # past
            y = y if month <= ref.month else y - 1
        return period_of("month", _dt.date(y, month, 1))

    def month(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        how = ""
        for prefix, name in (
            ("this past ", "last"),
            ("this coming ", "next"),
            ("last ", "last"),
            ("next ", "next"),
            ("this ", "this"),
            ("the same ", "same"),
            ("that ", "same"),
            ("the following ", "following"),
            ("the next ", "following"),
            ("the previous ", "preceding"),
            ("the preceding ", "preceding"),
        ):
            if t.startswith(prefix):
                how = name
                s = s[len(s) - len(s.lstrip()) + len(prefix) :].lstrip()
                break
        mod, rest = split_posmod(s)
        month = parse_month(rest)
        if month is None:
            return None
        if how in ("following", "preceding"):
            # "the following January": the first one after the narrative's time.
            base = self.anchor.day if self.anchor is not None else self.dct
            if base is None:
                return Value("DATE", f"XXXX-{month:02d}", mod, "relative", True)
            y = base.year + (1 if how == "following" and month <= base.month else 0)
            y -= 1 if how == "preceding" and month >= base.month else 0
            p = period_of("month", _dt.date(y, month, 1))
            return self._cal(p, basis="relative", mod=mod, anaphoric=True)
        if how == "same" and self.anchor is not None:
            p = period_of("month", _dt.date(self.anchor.year, month, 1))
            return self._cal(p, basis="relative", mod=mod, anaphoric=True)
        if not how:
            pw = prev_word(self.text, start)
            tense = self.tense(start, end)
            if pw == "since":
                how = "past"
            elif tense == "future":
                how = "future"
            elif pw in ("by", "until", "till", "through", "before"):
                how = "deadline"  # "by February": up to six months ahead
            elif tense == "past":
                how = "past"
            else:
                how = "nearest"  # unknown tense: months up to four ahead stay ahead
        occurrence = self._month_occurrence(month, how, start, end)
        return self._cal(occurrence, basis="relative", mod=mod, known=f"XXXX-{month:02d}")

    # ---------------------------------------------------------------- seasons
    def season(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        m = re.search(r"\b(spring|summer|fall|autumn|winter)\b", t)
        if not m:
            return None
        code = lx.SEASONS[m.group(1)]
        mod = None
        mm = re.search(r"\b(early|late|mid)\b", t)
        if mm:
            mod = {"early": "START", "late": "END", "mid": "MID"}[mm.group(1)]
        year = (
            parse_year(s[m.end() :]) if re.search(r"\d|nineteen|thousand", t[m.end() :]) else None
        )
        if year is None and "year" in t[m.end() :]:
            year = self._rel_year_phrase(t[m.end() :])
        if year is not None:
            return self._cal(
                Period("season", _dt.date(year, 1, 1), code), basis="explicit", mod=mod
            )

        def key(p: Period) -> _dt.date:
            return period_of("season", _dt.date(p.year, SEASON_MIDDLE[code], 1)).day

        def around(d: _dt.date) -> list[Period]:
            return [
                Period("season", _dt.date(y, 1, 1), code) for y in range(d.year - 2, d.year + 3)
            ]

        # "the following spring", "the previous winter", "that spring": the narrative's time
        base = self.anchor.day if self.anchor is not None else None
        if base is not None and t.startswith(("the following ", "the next ", "the previous ")):
            if t.startswith("the previous "):
                chosen = max((p for p in around(base) if key(p) < base), key=key)
            else:
                chosen = min((p for p in around(base) if key(p) > base), key=key)
            return self._cal(chosen, basis="relative", mod=mod, anaphoric=True)
        if base is not None and t.startswith("that "):
            chosen = Period("season", _dt.date(base.year, 1, 1), code)
            return self._cal(chosen, basis="relative", mod=mod, anaphoric=True)
        if self.dct is None:
            return Value("DATE", f"XXXX-{code}", mod, "relative")
        cur = period_of("season", self.dct)
        cand = around(self.dct)
        if t.startswith(("last ", "this past ", "the past ")):
            chosen = max((p for p in cand if key(p) < cur.day), key=key)
        elif t.startswith(("next ", "this coming ")):
            chosen = min((p for p in cand if key(p) > cur.day), key=key)
        elif t.startswith("this "):
            chosen = min(cand, key=lambda p: abs((key(p) - cur.day).days))
        else:
            tense = self._tense(start, end)
            if tense == "future":
                chosen = min((p for p in cand if key(p) >= cur.day), key=key)
            else:
                chosen = max((p for p in cand if key(p) <= cur.day), key=key)
        return self._cal(chosen, basis="relative", mod=mod)

    # ---------------------------------------------------------------- years, decades, centuries
    def year(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        mod, rest = split_posmod(s)
        if t.startswith("post-"):
            mod, rest = "AFTER", s[5:]
        elif t.startswith("pre-"):
            mod, rest = "BEFORE", s[4:]
        y = parse_year(rest, self.dct.year if self.dct else None)
        if y is None:
            return None
        if re.search(r"\bor\s+(later|after)|and\s+(beyond|later)", t):
            mod = "ON_OR_AFTER"
        elif re.search(r"\bor\s+(earlier|before)", t):
            mod = "ON_OR_BEFORE"
        return self._cal(period_of("year", _dt.date(y, 1, 1)), basis="explicit", mod=mod)

    def decade(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        mod = None
        mm = re.search(r"\b(early|mid|late)\b|mid-", t)
        if mm:
            mod = {"early": "START", "late": "END"}.get(mm.group(1) or "", "MID")
        m = re.search(r"(\d{2,4})'?s", t)
        if m:
            digits = m.group(1)
            y = int(digits) if len(digits) == 4 else 1900 + int(digits)
        else:
            words = {
                "twenties": 20,
                "thirties": 30,
                "forties": 40,
                "fifties": 50,
                "sixties": 60,
                "seventies": 70,
                "eighties": 80,
                "nineties": 90,
            }
            w = re.search(r"(\w+ties)", t)
            if not w or w.group(1) not in words:
                return None
            y = 1900 + words[w.group(1)]
        if y % 10:
            return None
        return self._cal(period_of("decade", _dt.date(y, 1, 1)), basis="explicit", mod=mod)

    def century(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        mod = None
        mm = re.search(r"\b(early|mid|late)\b", t)
        if mm:
            mod = {"early": "START", "late": "END", "mid": "MID"}[mm.group(1)]
        m = re.search(r"(\d{1,2})(?:st|nd|rd|th)|\b([a-z-]+)\s+century", t)
        n: int | None = None
        if m and m.group(1):
            n = int(m.group(1))
        elif m and m.group(2) in lx.ORDINALS and lx.ORDINALS[m.group(2)] > 0:
            n = lx.ORDINALS[m.group(2)]
        if n is not None:
            return self._cal(
                period_of("century", _dt.date(max(1, (n - 1) * 100), 1, 1)),
                basis="explicit",
                mod=mod,
            )
        if not re.match(r"(this|last|next|the last|the past|the next|the)\b", t):
            return None
        if self.dct is None:
            return Value("DATE", "XX", mod, "relative")
        off = -1 if re.match(r"(last|the last|the past)\b", t) else 1 if "next" in t else 0
        if t.startswith(("the last", "the past", "the next")):
            return Value("DURATION", "P100Y", mod, "none")
        p = shift(period_of("century", self.dct), off, "century")
        return self._cal(p, basis="relative", mod=mod)

    # ---------------------------------------------------------------- quarters, halves
    def _current_quarter(self) -> Period | None:
        return period_of("quarter", self.dct) if self.dct else None

    def quarter(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        m = re.search(
            r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter", t
        )
        q: int | None = None
        if m:
            q = {
                "first": 1,
                "second": 2,
                "third": 3,
                "fourth": 4,
                "1st": 1,
                "2nd": 2,
                "3rd": 3,
                "4th": 4,
            }[m.group(1)]
        else:
            mq = re.search(r"q([1-4])", t)
            if mq:
                q = int(mq.group(1))
        if q is None:
            return None
        if t.endswith("quarters") and not re.search(r"\d{4}", t):
            return Value("SET", f"XXXX-Q{q}", None, "none")
        year = parse_year(s)
        basis = "explicit"
        if year is None:
            if "year's" in t or re.search(r"(this|last|next|that) year$", t):
                year = self._rel_year_phrase(t.replace("year's", "year"))
            basis = "relative"
        if year is None and self.dct is not None:
            cur = (self.dct.month - 1) // 3 + 1
            year = self.dct.year
            tense = self._tense(start, end)
            if "year-ago" in t or "year-earlier" in t or (q > cur and tense != "future"):
                year -= 1
        if year is None:
            return Value("DATE", f"XXXX-Q{q}", None, "relative")
        p = period_of("quarter", _dt.date(year, (q - 1) * 3 + 1, 1))
        return self._cal(p, basis=basis)

    def quarter_ref(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        year_back = bool(
            re.search(r"year-ago|year-earlier|a year (ago|earlier)|last year|corresponding", t)
        )
        explicit_year = parse_year(s)
        base: Period | None = None
        if t.startswith(("the current", "this")):
            base = self._current_quarter()
        elif t.startswith(("last quarter", "the previous", "the prior", "the past")):
            cq = self._current_quarter()
            base = shift(cq, -1, "quarter") if cq else None
        elif t.startswith(("next", "the coming")):
            cq = self._current_quarter()
            base = shift(cq, 1, "quarter") if cq else None
        elif t.startswith(("that", "the same")) and self.last_quarter is not None:
            base = self.last_quarter
        elif self.report_quarter is not None:
            base = self.report_quarter
        else:
            cq = self._current_quarter()
            base = shift(cq, -1, "quarter") if cq else None
        latest = bool(re.match(r"the (?:latest|most recent)\b", t))
        cq = self._current_quarter()
        if latest and cq is not None and base is not None and base.day >= cq.day:
            base = shift(cq, -1, "quarter")  # "the latest quarter": the last one reported
        is_period = "quarter" not in t and not latest
        ended = ENDED_RE.match(self.text, end)
        if ended and not year_back:
            month = parse_month(ended.group(1))
            day = parse_day(ended.group(1))
            if month is not None and day is not None:
                md = self._month_day(month, day, parse_year(ended.group(1)), start, end)
                if md.period is not None:
                    # "the quarter ended July 31" (May to July): the calendar quarter that holds
                    # most of it, the one of its middle month.
                    if "year" in t:
                        return self._cal(period_of("year", md.period.day), basis=md.basis)
                    middle = md.period.day - _dt.timedelta(days=45)
                    return self._cal(period_of("quarter", middle), basis=md.basis)
        if is_period and self.report_quarter is None and self.anchor is not None:
            base = self.anchor  # "the year-earlier period" after a year or month
        if base is None:
            return Value("DATE", "XXXX-QX", None, "relative", True)
        if explicit_year is not None:
            if base.gran == "quarter":
                base = period_of("quarter", _dt.date(explicit_year, base.day.month, 1))
            else:
                base = period_of("year", _dt.date(explicit_year, 1, 1))
        if year_back:
            base = shift(base, -1, "year")
        if base.gran == "quarter":
            self.last_quarter = base  # "that quarter" after "the year-ago quarter"
        v = self._cal(base, basis="relative", anaphoric=True)
        return Value(v.type, v.value, v.mod, v.basis, v.anaphoric, v.period, False)

    def half(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        h = 1 if re.search(r"\bfirst\b", t) else 2
        year = parse_year(s)
        basis = "explicit"
        if year is None:
            basis = "relative"
            if "year's" in t or re.search(r"(this|last|next) year$", t):
                year = self._rel_year_phrase(t.replace("year's", "year"))
            elif t.endswith(" the year") and self.anchor is not None:
                year = self.anchor.year
        if year is None and self.dct is not None:
            cur = 1 if self.dct.month <= 6 else 2
            year = self.dct.year
            tense = self._tense(start, end)
            if h > cur and tense != "future":
                year -= 1
            elif h < cur and tense == "future":
                year += 1
        if year is None:
            return Value("DATE", f"XXXX-H{h}", None, "relative")
        return self._cal(period_of("half", _dt.date(year, 1 if h == 1 else 7, 1)), basis=basis)

    # ---------------------------------------------------------------- weekdays and days
    def _weekday_period(self, wd: int, how: str, start: int, end: int) -> Period | None:
        day_anchor = (
            self.anchor if self.anchor is not None and self.anchor.gran == "day" else None
        ) or self.day_anchor
        if how in ("previous", "following") and day_anchor is not None:
            ref = day_anchor.day
        elif self.dct is not None:
            ref = self.dct
        else:
            return None
        delta_back = (ref.weekday() - wd) % 7
        if how in ("last", "previous"):
            d = ref - _dt.timedelta(days=delta_back or 7)
        elif how in ("next", "following"):
            d = ref + _dt.timedelta(days=(wd - ref.weekday()) % 7 or 7)
        elif how == "this":
            d = ref + _dt.timedelta(days=wd - ref.weekday())
        else:
            tense = how or self._tense(start, end)
            if prev_word(self.text, start) in ("until", "till", "by") and not self._pluperfect(
                start, end
            ):
                tense = "future"  # "by Friday", but "had filed reports by Wednesday"
            if tense in ("future", "present"):
                # A weekday with a present-tense verb is a scheduled day: "meets Albright
                # Monday" (reporting verbs count as past: "says Monday").
                d = ref + _dt.timedelta(days=(wd - ref.weekday()) % 7)
            else:
                d = ref - _dt.timedelta(days=delta_back)
        return period_of("day", d)

    def weekday(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        m = WEEKDAY_RE.search(t)
        if not m:
            return None
        wd = lx.WEEKDAYS[m.group(1)]
        how = ""
        for prefix, name in (
            ("this past", "last"),
            ("this coming", "next"),
            ("the previous", "previous"),
            ("the following", "following"),
            ("last", "last"),
            ("next", "next"),
            ("this", "this"),
        ):
            if t.startswith(prefix + " "):
                how = name
                break
        mod = None
        if t.startswith(("early ", "earlier ")):
            mod = "START"
        elif t.startswith(("late ", "later ")):
            mod = "END"
        p = self._weekday_period(wd, how, start, end)
        part = DAYPART_RE.search(t[m.end() :])
        anaphoric = how in ("previous", "following")
        if part:
            code = lx.DAY_PARTS[part.group(1)]
            known = f"XXXX-WXX-{wd + 1}"
            return self._cal(
                p,
                basis="relative",
                mod=mod,
                type_="TIME",
                suffix=f"T{code}",
                known=known,
                anaphoric=anaphoric,
            )
        return self._cal(
            p, basis="relative", mod=mod, known=f"XXXX-WXX-{wd + 1}", anaphoric=anaphoric
        )

    def weekday_set(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        m = WEEKDAY_RE.search(t)
        if not m:
            return None
        wd = lx.WEEKDAYS[m.group(1)] + 1
        part = DAYPART_RE.search(t[m.end() :])
        suffix = f"T{lx.DAY_PARTS[part.group(1)]}" if part else ""
        return Value("SET", f"XXXX-WXX-{wd}{suffix}", None, "none")

    def deictic(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        mod = None
        mm = re.match(r"(mid|early|late|earlier|later)[\s-]+", t)
        if mm:
            mod = {"mid": "MID", "early": "START", "earlier": "START"}.get(mm.group(1), "END")
            t = t[mm.end() :]
        off = 0
        if "day before yesterday" in t:
            off = -2
        elif "day after tomorrow" in t:
            off = 2
        elif "yesterday" in t or t.startswith("last "):
            off = -1
        elif "tomorrow" in t:
            off = 1
        part = DAYPART_RE.search(t)
        code = lx.DAY_PARTS[part.group(1)] if part else None
        if t == "last night":
            code = "NI"
        p = period_of("day", self.dct + _dt.timedelta(days=off)) if self.dct else None
        if code:
            return self._cal(p, basis="relative", mod=mod, type_="TIME", suffix=f"T{code}")
        return self._cal(p, basis="relative", mod=mod)

    def day_part_anaphoric(self, s: str, start: int, end: int) -> Value | None:
        part = DAYPART_RE.search(s)
        if not part:
            return None
        code = lx.DAY_PARTS[part.group(1).lower()]
        if self.anchor is not None and self.anchor.gran == "day":
            p: Period | None = self.anchor
        elif self.day_anchor is not None:
            p = self.day_anchor
        else:
            p = period_of("day", self.dct) if self.dct else None
        return self._cal(p, basis="relative", type_="TIME", suffix=f"T{code}", anaphoric=True)

    def holiday(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        how = ""
        for w in ("last", "next", "this"):
            if t.startswith(w + " "):
                how = w
                t = t[len(w) + 1 :]
        year = parse_year(t)
        t = re.sub(r"\s*\d{4}$", "", t)

        def on(y: int) -> _dt.date | None:
            if t in lx.HOLIDAYS:
                mo, d = lx.HOLIDAYS[t]
                return _dt.date(y, mo, d)
            if t in lx.WEEKDAY_HOLIDAYS:
                mo, wd, nth = lx.WEEKDAY_HOLIDAYS[t]
                return nth_weekday(y, mo, wd, nth)
            if t == "election day":
                return nth_weekday(y, 11, 0, 1) + _dt.timedelta(days=1)
            if t.startswith("easter"):
                return easter(y)
            return None

        if year is not None:
            d = on(year)
            return self._cal(period_of("day", d), basis="explicit") if d else None
        if self.dct is None:
            return Value("DATE", "XXXX-XX-XX", None, "relative")
        cands = [d for y in (self.dct.year - 1, self.dct.year, self.dct.year + 1) if (d := on(y))]
        if not cands:
            return None
        if how == "last":
            chosen = max((d for d in cands if d < self.dct), default=cands[0])
        elif how == "next":
            chosen = min((d for d in cands if d > self.dct), default=cands[-1])
        else:
            chosen = min(cands, key=lambda d: abs((d - self.dct).days) if self.dct else 0)
        return self._cal(period_of("day", chosen), basis="relative")

    # ---------------------------------------------------------------- relative periods
    def rel_unit(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        if re.search(r"(year|month|quarter)[\s-]end$|year's end$", t):
            unit = "quarter" if "quarter" in t else "month" if "month" in t else "year"
            end_mod: str | None = "APPROX" if t.startswith("around") else "END"
            if (
                self.anchor is not None
                and self.anchor.gran in ("year", "quarter", "month", "day")
                and self.anchor_end > start - 200
            ):
                p: Period | None = period_of(unit, self.anchor.day)
            else:
                p = period_of(unit, self.dct) if self.dct else None
            return self._cal(p, basis="vague", mod=end_mod, gran_if_none=unit)
        mod, rest = split_posmod(s)
        r = norm(rest)
        unit_m = re.search(r"(week|month|year|weekend|decade|day|fortnight)$", r)
        if not unit_m:
            return None
        unit = unit_m.group(1)
        det = r[: unit_m.start()].strip()
        det = re.sub(r"\bfiscal\b", "", det).strip()
        det = re.sub(r"\s+", " ", det)
        anaphoric = False
        if det in ("this", "the current", "the present", "the full", "the", ""):
            off = 0
        elif det in (
            "last",
            "the past",
            "the previous",
            "the prior",
            "the last",
            "this past",
            "the preceding",
            "the latest",
        ):
            off = -1
            if det in ("the previous", "the prior", "the preceding"):
                anaphoric = True
        elif det in ("next", "the coming", "the next", "this coming"):
            off = 1
            anaphoric = det == "the next" and unit == "day"  # "the next day": narrative
        elif det in ("the following", "the ensuing"):
            off = 1
            anaphoric = True
        elif det in ("the same", "that"):
            off = 0
            anaphoric = True
        else:
            return None
        if unit == "decade":
            if off == -1 and det in ("the past", "the last"):
                return Value("DURATION", "P10Y", mod, "none")
            p0 = (
                self._anchor_or_dct("decade")
                if anaphoric
                else (period_of("decade", self.dct) if self.dct else None)
            )
            p = shift(period_of("decade", p0.day), off, "decade") if p0 else None
            return self._cal(
                p, basis="relative", mod=mod, gran_if_none="decade", anaphoric=anaphoric
            )
        gran = {
            "week": "week",
            "weekend": "week",
            "month": "month",
            "year": "year",
            "day": "day",
            "fortnight": "week",
        }[unit]
        if anaphoric and self.anchor is not None:
            base_day = self.anchor.day
            if is_finer(gran, self.anchor.gran):
                # "the following day" after a month: no finer precision than the anchor.
                p = shift(self.anchor, off, shift_unit(unit))
                return self._cal(p, basis="relative", mod=mod, anaphoric=True)
        elif self.dct is not None:
            base_day = self.dct
        else:
            known = X_BY_GRAN[gran]
            if unit == "weekend":
                known += "-WE"
            return Value("DATE", known, mod, "vague" if mod else "relative", anaphoric)
        p = shift(period_of(gran, base_day), off, shift_unit(unit))
        basis = "vague" if mod else "relative"
        if unit == "weekend":
            return self._cal(p, basis=basis, mod=mod, suffix="-WE", anaphoric=anaphoric)
        return self._cal(p, basis=basis, mod=mod, anaphoric=anaphoric)

    def the_unit(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        unit = t.split()[-1]
        after = norm(self.text[end : end + 20])
        if unit == "year" and re.match(
            r"(ended|ending|to|through|that ended|which ended)\b", after
        ):
            return Value("DURATION", "P1Y", None, "none")
        if unit == "weekend":
            if self.dct is None:
                return Value("DATE", "XXXX-WXX-WE", None, "relative")
            tense = self._tense(start, end)
            sat = self.dct + _dt.timedelta(days=(5 - self.dct.weekday()) % 7)
            if tense != "future" and sat > self.dct:
                sat -= _dt.timedelta(days=7)
            return self._cal(period_of("week", sat), basis="relative", suffix="-WE")
        if unit == "day":
            if self.anchor is not None and self.anchor.gran == "day":
                return self._cal(self.anchor, basis="relative", anaphoric=True)
            return None
        gran = unit
        if (
            self.anchor is not None
            and not is_finer(gran, self.anchor.gran)
            and self.anchor_end > start - 400
        ):
            return self._cal(period_of(gran, self.anchor.day), basis="relative", anaphoric=True)
        p = period_of(gran, self.dct) if self.dct else None
        return self._cal(p, basis="relative", gran_if_none=gran)

    def ago(self, s: str, start: int, end: int) -> Value | None:
        mod, rest = split_premod(s)
        t = norm(rest)
        m = re.search(r"\s+(ago|earlier|later|before|after|from now|hence|back)$", t)
        if not m:
            return None
        direction_word = m.group(1)
        body = t[: m.start()]
        body = re.sub(r"\s+or so$", "", body)
        unit = unit_of(body)
        if unit is None:
            return None
        num_text = body[: UNIT_RE.search(body).start()].strip()  # type: ignore[union-attr]
        num_text = re.sub(r"[\s-]*more$", "", num_text)
        num_text = re.split(r"\s+(?:to|or|and)\s+|-", num_text)[0] if num_text else ""
        # A bare plural ("weeks later") is a vague amount; a bare singular ("year earlier") one.
        amount = parse_number(num_text) if num_text else (None if body.endswith("s") else 1.0)
        sign = -1 if direction_word in ("ago", "earlier", "before", "back") else 1
        deictic = direction_word in ("ago", "from now", "hence", "back")
        if amount is None:
            if deictic or self.anchor is None:
                return Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, "vague")
            return self._vague_shift(unit, sign, mod, end)
        n = int(amount)
        gran = ago_gran(unit)
        by = shift_unit(unit)
        if unit in ("hour", "minute", "second"):
            n = 0
        recent_anchor = self.anchor is not None and self.anchor_end > start - 250
        if deictic:
            if unit == "year" and n == 1 and self.report_quarter is not None:
                p = shift(self.report_quarter, sign * n, "year")
                return self._keep(self._cal(p, basis="relative", mod=mod))
            if (
                unit == "year"
                and recent_anchor
                and self.anchor is not None
                and self.anchor.gran in ("quarter", "half")
            ):
                p = shift(self.anchor, sign * n, "year")
                return self._keep(self._cal(p, basis="relative", mod=mod))
            if self.dct is None:
                return Value("DATE", X_BY_GRAN[gran], mod, "relative")
            p = shift(period_of(gran, self.dct), sign * n, by)
            v = self._cal(p, basis="relative", mod=mod)
            # "Eighteen months ago, …" opening a sentence moves the story there; "up from
            # $2 million a year ago" only compares.
            return v if n and self._clause_initial(start) else self._keep(v)
        # Anaphoric: shift the narrative anchor, never finer than the anchor. "A year earlier"
        # in results reporting compares with the quarter last mentioned.
        if unit == "year" and n == 1 and sign < 0 and self.report_quarter is not None:
            return self._keep(
                self._cal(shift(self.report_quarter, -1, "year"), basis="relative", mod=mod)
            )
        base = (
            self.anchor
            if self.anchor is not None
            else (period_of(gran, self.dct) if self.dct else None)
        )
        if base is None:
            return Value("DATE", X_BY_GRAN[gran], mod, "relative", True)
        if base.gran in ("decade", "century", "millennium"):
            base = period_of("year", base.day)
        p = shift(base, sign * n, by)
        if is_finer(base.gran, gran):
            # Never more precise than the shift: "two months later" after a day is a month.
            # Kept: quarters and halves (results reporting), a day shifted by a year back
            # ("a year earlier" comparing figures of a day), days shifted by days or weeks.
            if base.gran == "day":
                coarsen = gran == "month" or (gran == "year" and not (n == 1 and sign < 0))
            else:
                coarsen = base.gran not in ("quarter", "half") and unit != "year"
            if coarsen:
                p = period_of(gran, p.day)
        v = self._cal(p, basis="relative", mod=mod, anaphoric=True)
        return v if sign > 0 else self._keep(v)

    def ago_this(self, s: str, start: int, end: int) -> Value | None:
        """ "Two years ago this June": this year's May, that many years back."""
        t = norm(s)
        m = re.match(r"(.+?)[\s-]+years?\s+ago\s+(this\s+.+)$", t)
        if m is None:
            return None
        n = 1 if m.group(1) in ("a", "an") else parse_number(m.group(1))
        if n is None or n != int(n) or self.dct is None:
            return None
        tail = s[len(s) - len(m.group(2)) :]
        if m.group(2).endswith("week"):  # the same week number that many years back
            year, week, _ = self.dct.isocalendar()
            monday = _dt.date.fromisocalendar(year - int(n), min(week, 52), 1)
            return self._cal(period_of("week", monday), basis="relative")
        if m.group(2).endswith("month"):
            p: Period | None = period_of("month", self.dct)
        else:
            v = self.season(tail, end - len(tail), end) or self.month(tail, end - len(tail), end)
            p = v.period if v is not None else None
        if p is None:
            return None
        return self._cal(shift(p, -int(n), "year"), basis="relative")

    def _clause_initial(self, start: int) -> bool:
        """True when an expression opens its sentence or paragraph ("Eighteen months ago,
        Azerbaijani artillery hit …"): it sets the story's time rather than comparing."""
        before = self.text[max(0, start - 3) : start].rstrip(" \t\"'\u201c\u2018")
        return not before or before[-1] in ".!?\n"

    def _vague_shift(self, unit: str, sign: int, mod: str | None, end: int) -> Value:
        """ "A few days later", "weeks earlier": the anchor at a precision the vague amount
        cannot leave (days and weeks: the month; months: the year), never a made-up day. The
        narrative moves on at that precision ("the next day" after it is no known day)."""
        assert self.anchor is not None
        a = self.anchor
        if unit in ("second", "minute", "hour"):
            p = a
        elif unit in ("day", "weekend", "week", "fortnight"):
            p = period_of("month", a.day) if is_finer(a.gran, "month") else a
        elif unit in ("month", "quarter", "season"):
            p = period_of("year", a.day) if is_finer(a.gran, "year") else a
        else:
            return Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, "vague", True)
        v = self._cal(p, basis="vague", mod=mod, anaphoric=True)
        if sign > 0 and unit not in ("second", "minute", "hour"):
            self.anchor, self.anchor_end = p, end
        return self._keep(v)

    def anaphoric_day(self, s: str, start: int, end: int) -> Value | None:
        t = norm(s)
        off = 0
        if re.search(r"\b(previous|preceding|prior)\b", t):
            off = -1
        elif re.search(r"\b(next|following)\b", t):
            off = 1
        part = DAYPART_RE.search(t)
        base = (
            self.anchor
            if self.anchor is not None
            else (period_of("day", self.dct) if self.dct else None)
        )
        if base is None:
            return Value("DATE", "XXXX-XX-XX", None, "relative", True)
        p = shift(base, off, "day")
        if part and part.group(1) != "day":
            return self._cal(
                p,
                basis="relative",
                type_="TIME",
                suffix=f"T{lx.DAY_PARTS[part.group(1)]}",
                anaphoric=True,
            )
        return self._cal(p, basis="relative", anaphoric=True)


def easter(year: int) -> _dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    day = (h + el - 7 * m + 114) % 31 + 1
    return _dt.date(year, month, day)


__all__ = ["Resolver", "Value", "easter"]
