"""Shared pieces of the normaliser: the Value record and small surface-string helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cstotimeline.timex import lexicon as lx
from cstotimeline.timex.values import Period


@dataclass(frozen=True, slots=True)
class Value:
    """A normalised expression before it becomes a :class:`~cstotimeline.records.Timex`."""

    type: str
    value: str
    mod: str | None = None
    basis: str = "explicit"
    anaphoric: bool = False
    period: Period | None = None  # the calendar period, when the value is one
    moves_anchor: bool = True  # False for comparisons ("a year earlier") that keep the narrative


# ------------------------------------------------------------------------------ small helpers
UNIT_RE = re.compile(r"\b(" + "|".join(sorted(lx.UNITS, key=len, reverse=True)) + r")\b", re.I)
PREMOD_RE = re.compile(
    r"^(" + "|".join(sorted((re.escape(k) for k in lx.PRE_MODS), key=len, reverse=True)) + r")\s+",
    re.I,
)
POS_RE = re.compile(
    r"^(the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+end\s+of|the\s+close\s+of"
    r"|the\s+first\s+part\s+of|the\s+early\s+part\s+of|the\s+latter\s+part\s+of"
    r"|the\s+last\s+part\s+of|the\s+turn\s+of|earlier|early|later|late|mid)(?:\s+|-)",
    re.I,
)
POS_MOD = {
    "the beginning of": "START",
    "the start of": "START",
    "the first part of": "START",
    "the early part of": "START",
    "early": "START",
    "earlier": "START",
    "the middle of": "MID",
    "mid": "MID",
    "the end of": "END",
    "the close of": "END",
    "the latter part of": "END",
    "the last part of": "END",
    "late": "END",
    "later": "END",
    "the turn of": "START",
}
OUTSIDE_RE = re.compile(
    r"\b("
    + "|".join(sorted((re.escape(k) for k in lx.OUTSIDE_MODS), key=len, reverse=True))
    + r")\s+$",
    re.I,
)
ENDED_RE = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|closed)\s+((?:[A-Z][a-z]+\.?\s+\d{1,2}"
    r"(?:,\s+\d{4})?)|\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)"
)
WEEKDAY_RE = re.compile(r"\b(" + "|".join(lx.WEEKDAY_NAMES) + r")\b", re.I)
DAYPART_RE = re.compile(
    r"\b(morning|afternoon|evening|night|tonight|overnight|noon|midday|midnight)s?\b", re.I
)
PREV_WORD = re.compile(r"([A-Za-z']+)\W*$")


def norm(s: str) -> str:
    """Lower-case ``s`` with whitespace collapsed."""
    return " ".join(s.lower().split())


def split_premod(s: str) -> tuple[str | None, str]:
    """("about two years", ...) -> ("APPROX", "two years")."""
    m = PREMOD_RE.match(s)
    if m:
        return lx.PRE_MODS[norm(m.group(1))], s[m.end() :]
    return None, s


def split_posmod(s: str) -> tuple[str | None, str]:
    """("early next year") -> ("START", "next year")."""
    m = POS_RE.match(s)
    if m:
        return POS_MOD[norm(m.group(1))], s[m.end() :]
    return None, s


def unit_of(s: str) -> str | None:
    """Canonical unit of the last unit word in ``s``."""
    found = UNIT_RE.findall(s)
    return lx.UNITS[found[-1].lower()] if found else None


def prev_word(text: str, start: int) -> str:
    """The word just before ``start`` (lower case), or ""."""
    m = PREV_WORD.search(text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def ago_gran(unit: str) -> str:
    return {
        "second": "day",
        "minute": "day",
        "hour": "day",
        "day": "day",
        "weekend": "week",
        "week": "week",
        "fortnight": "week",
        "month": "month",
        "quarter": "quarter",
        "year": "year",
        "decade": "year",
        "century": "year",
        "millennium": "year",
    }[unit]


def shift_unit(unit: str) -> str:
    return {"weekend": "week", "second": "day", "minute": "day", "hour": "day"}.get(unit, unit)


X_BY_GRAN = {
    "millennium": "X",
    "century": "XX",
    "decade": "XXX",
    "year": "XXXX",
    "half": "XXXX-HX",
    "season": "XXXX-XX",
    "quarter": "XXXX-QX",
    "month": "XXXX-XX",
    "week": "XXXX-WXX",
    "day": "XXXX-XX-XX",
}
