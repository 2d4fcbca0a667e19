"""Parsing numbers, years, months and days out of matched surface strings."""

from __future__ import annotations

import re

from cstotimeline.timex import lexicon as lx

_WORD_SPLIT = re.compile(r"[\s-]+")
_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})*(?:\.\d+)?)(\s+1/2|\s*½)?")
_VAGUE_RE = re.compile(r"^(?:several|a few|few|some|many|a number of|numerous)\b", re.I)


def parse_number(text: str) -> float | None:
    """Value of a cardinal (digits or words); None for vague quantities ("several")."""
    s = " ".join(text.lower().split())
    if not s or _VAGUE_RE.match(s):
        return None
    m = _DIGITS.match(s)
    if m:
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value += 0.5
        return value
    if s in lx.NUMBER_WORDS and lx.NUMBER_WORDS[s] > 0:
        return float(lx.NUMBER_WORDS[s])
    half = 0.0
    for suffix in (" and a half", " and an half", " a half"):
        if s.endswith(suffix):
            s = s[: -len(suffix)]
            half = 0.5
            break
    if s in ("a couple of", "a couple", "a pair of", "couple of"):
        return 2 + half
    if s in ("a dozen", "dozen"):
        return 12 + half
    total = 0
    current = 0
    seen = False
    for w in _WORD_SPLIT.split(s):
        if w in ("and", ""):
            continue
        if w in ("a", "an", "single"):
            current = max(current, 1)
            seen = True
        elif w == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
            seen = True
        elif w in lx.NUMBER_WORDS:
            current += lx.NUMBER_WORDS[w]
            seen = True
        else:
            return None
    if not seen:
        return None
    return float(total + current) + half


_YEAR_DIGITS = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")
_YEAR_TWO = re.compile(r"(?:'|fy\s*|fiscal\s*')(\d\d)(?!\d)", re.I)
_TEENS = {
    "eighteen": 1800,
    "nineteen": 1900,
    "twenty": 2000,
}


def parse_year(text: str, ref_year: int | None = None) -> int | None:
    """A year named in ``text``: "1998", "'98", "nineteen ninety-eight", "two thousand one"."""
    m = _YEAR_DIGITS.search(text)
    if m:
        return int(m.group(1))
    m = _YEAR_TWO.search(text)
    if m:
        return expand_two_digit_year(int(m.group(1)), ref_year)
    s = " ".join(text.lower().replace("-", " ").split())
    m2 = re.search(r"\btwo thousand(?: and)?(?: (\w+))?", s)
    if m2:
        rest = m2.group(1)
        return 2000 + (lx.NUMBER_WORDS.get(rest, 0) if rest else 0)
    m3 = re.search(r"\b(eighteen|nineteen|twenty) (hundred|[a-z]+(?: [a-z]+)?)", s)
    if m3:
        base = _TEENS[m3.group(1)]
        if m3.group(2) == "hundred":
            return base
        n = parse_number(m3.group(2))
        if n is not None and 10 <= n < 100:
            return base + int(n)
    return None


def expand_two_digit_year(yy: int, ref_year: int | None) -> int:
    """A four-digit year for "'98": the century that puts it at most ten years after ``ref``."""
    ref = ref_year if ref_year is not None else 2000
    candidate = (ref // 100) * 100 + yy
    if candidate > ref + 10:
        candidate -= 100
    return candidate


_MONTH_RE = re.compile(r"\b(" + "|".join(sorted(lx.MONTHS, key=len, reverse=True)) + r")\b", re.I)


def parse_month(text: str) -> int | None:
    """The month named in ``text`` (first month word)."""
    m = _MONTH_RE.search(text)
    return lx.MONTHS[m.group(1).lower()] if m else None


_DAY_DIGITS = re.compile(r"(?<![\d:])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])")
_ORD_WORDS = re.compile(
    r"\b("
    + "|".join(sorted((k for k in lx.ORDINALS if not k[0].isdigit()), key=len, reverse=True))
    + r")\b",
    re.I,
)


def parse_day(text: str) -> int | None:
    """Day of month in a "Month DD" / "DD Month" / "March eighth" string (ignores the year)."""
    no_year = _YEAR_DIGITS.sub(" ", text)
    m = _DAY_DIGITS.search(no_year)
    if m:
        return int(m.group(1))
    m2 = _ORD_WORDS.search(no_year)
    if m2:
        v = lx.ORDINALS[m2.group(1).lower()]
        return v if v > 0 else None
    return None
