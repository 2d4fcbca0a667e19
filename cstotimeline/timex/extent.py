"""Extent adjustments that follow TimeBank's conventions.

Determiners are outside the extent when the expression is a pre-nominal modifier ("the
[Aug. 7] bombings", "a [16-hour] flight", "a [third-quarter] loss") and inside otherwise
("[the third quarter]", "[the past two months]").
"""

from __future__ import annotations

import re

_DET = re.compile(r"^(?:the|a|an|its|their|his|her|our|this\s+year's|last\s+year's)\s+", re.I)
_POSSESSIVE = re.compile(r"^(?:a|an|its|their|his|her|our)\s+", re.I)
# A hyphenated unit adjective ("two-year", "third-quarter", "year-ago", "52-week").
_ADJECTIVAL = re.compile(
    r"(?:\w-(?:second|minute|hour|day|week|month|quarter|year|decade|century)(?:-long)?"
    r"|\byear-(?:ago|earlier|end))$",
    re.I,
)
# "five year low", "a three hour meeting": a plural number with a singular unit.
_SINGULAR_AFTER_PLURAL = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|\d\d\d?)\s+"
    r"(?:second|minute|hour|day|week|month|quarter|year|decade)$",
    re.I,
)
_NOMINAL_RULES = frozenset(
    {"date_mdy", "month_year", "month", "year", "weekday", "holiday", "season_year"}
)
_UNIT_RULES = frozenset(
    {"duration", "duration_vague", "duration_unit", "quarter", "quarter_ref", "half"}
)


def trim(rule: str, text: str, start: int, end: int) -> int:
    """The adjusted start of the candidate ``text[start:end]``."""
    surface = text[start:end]
    m = _DET.match(surface)
    if not m:
        return start
    rest = surface[m.end() :]
    if rule in _NOMINAL_RULES:
        # "the [Aug. 7] bombings", "the [1996] law"; not "the end of November", "the year 2000"
        return start + m.end() if rest[:1].isupper() or rest[:1].isdigit() else start
    if rule == "duration_vague" and re.match(r"^the\s+\w+s$", surface, re.I):
        return start + m.end()  # "in the [weeks] before the shooting"
    if rule in _UNIT_RULES:
        if _ADJECTIVAL.search(rest) or _SINGULAR_AFTER_PLURAL.search(rest):
            return start + m.end()
        if rule in ("quarter", "half") and _POSSESSIVE.match(surface):
            return start + m.end()
    return start
