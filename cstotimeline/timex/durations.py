"""Values of durations, sets and reference words (no calendar anchoring needed).

Each function takes the whole text, the matched surface string and its offsets, and returns a
:class:`~cstotimeline.timex.normalize.Value` or None to reject the candidate.
"""

from __future__ import annotations

import re

from cstotimeline.timex import lexicon as lx
from cstotimeline.timex.common import UNIT_RE, Value, norm, prev_word, split_premod, unit_of
from cstotimeline.timex.numbers import parse_number
from cstotimeline.timex.values import duration_value


def make_duration(amount: float | None, unit: str, mod: str | None) -> Value:
    letter, is_time, mult = lx.DURATION_UNIT[unit]
    if unit in ("decade", "century", "millennium"):
        factor = {"decade": 10, "century": 100, "millennium": 1000}[unit]
        if amount is None:
            value = {"decade": "PXDE", "century": "PXCE", "millennium": "PXML"}[unit]
            return Value("DURATION", value, mod, "none")
        return Value("DURATION", duration_value(amount * factor, "Y", False), mod, "none")
    if amount is not None:
        amount *= mult
    return Value("DURATION", duration_value(amount, letter, is_time), mod, "none")


def duration(text: str, s: str, start: int, end: int) -> Value | None:
    t = norm(s)
    t = re.sub(r"^(the|a|an|its|their|his|her|our)\s+(?!couple|dozen|few|number|half)", "", t)
    t = re.sub(
        r"^((past|last|next|first|latest|previous|coming|following|remaining|final|initial"
        r"|ensuing|preceding|prior|additional|other|extra|further|entire|whole|full)\s+)+",
        "",
        t,
    )
    mod, t = split_premod(t)
    t = re.sub(r"\s+or so$", "", t)
    t = re.sub(r"-long$", "", t)
    m = UNIT_RE.search(t)
    if not m:
        return None
    unit = lx.UNITS[m.group(1)]
    num_text = t[: m.start()].strip(" -")
    num_text = re.sub(
        r"[\s-]+(more|full|straight|consecutive|trading|business|calendar|working|additional)$",
        "",
        num_text,
    )
    parts = re.split(r"\s*(?:\bto\b|\bor\b|\band\b(?! a half)|-)\s*", num_text)
    first = parts[0] if parts else num_text
    amount = parse_number(first) if first else 1.0
    if amount is None and not re.match(
        r"(several|a few|few|some|many|a number of|numerous)$", first
    ):
        return None
    if amount is not None and amount == 0:
        return None
    if "approx" in (mod or "").lower():
        pass
    if "or so" in norm(s):
        mod = mod or "APPROX"
    return make_duration(amount, unit, mod)


_DETERMINED = re.compile(
    r"(the|its|past|last|next|first|coming|following|recent|ensuing|preceding|early|final"
    r"|remaining|few|several|many)\b"
)
# Words after which a bare plural unit is a duration: "for [years]", "in the [weeks] before".
_BEFORE_BARE_UNITS = frozenset(
    {
        "for", "within", "over", "after", "took", "take", "takes", "lasted", "spent", "in",
        "lasting", "last", "about", "nearly", "almost", "the",
    }
)  # fmt: skip


def duration_vague(text: str, s: str, start: int, end: int) -> Value | None:
    t = norm(s)
    if "half" in t:
        if "hour" in t:
            if t.startswith(("a half", "half")):
                return Value("DURATION", "PT30M", None, "none")
            return Value("DURATION", "PT1H30M", None, "none")
        half_unit = unit_of(t) or "day"
        letter, is_time, _ = lx.DURATION_UNIT[half_unit]
        return Value("DURATION", duration_value(1.5, letter, is_time), None, "none")
    unit = unit_of(t)
    if unit is None:
        return None
    bare = not _DETERMINED.match(t)
    if bare and not t.endswith("-long"):
        if prev_word(text, start) not in _BEFORE_BARE_UNITS:
            return None
        if re.match(r"\s+(of|and|ago|earlier|later)\b", text[end : end + 12].lower()):
            return None
    return make_duration(None, unit, None)


# Words before "a year"/"a week" that make it a length of time, not a rate ("$5 a year").
_DURATION_PREPOSITIONS = frozenset(
    {
        "for", "in", "within", "over", "about", "than", "of", "after", "before", "during", "by",
        "nearly", "almost", "past", "to", "from", "until", "at", "least", "under",
    }
)  # fmt: skip
_RATE_BEFORE = re.compile(r"(?:\d|\$|cents?|dollars?|percent|%)[^.;]{0,25}$")


def duration_unit(text: str, s: str, start: int, end: int) -> Value | None:
    """ "a year", "an hour", "one week"; None for rates ("$2 million a year"), which TimeBank
    leaves unannotated."""
    mod, rest = split_premod(s)
    unit = unit_of(rest)
    if unit is None:
        return None
    before = text[max(0, start - 40) : start].lower()
    if (
        mod is None
        and _RATE_BEFORE.search(before)
        and prev_word(text, start) not in _DURATION_PREPOSITIONS
    ):
        return None
    if unit in ("quarter",):
        return None
    return make_duration(1.0, unit, mod)


# ---------------------------------------------------------------- sets and references
def set_expr(text: str, s: str, start: int, end: int) -> Value | None:
    t = norm(s)
    mm = re.search(r"\b(" + "|".join(lx.MONTHS) + r")\.?$", t)
    if mm and not unit_of(t):
        return Value("SET", f"XXXX-{lx.MONTHS[mm.group(1)]:02d}", None, "none")
    ms = re.search(r"\b(spring|summer|fall|autumn|winter)$", t)
    if ms:
        return Value("SET", f"XXXX-{lx.SEASONS[ms.group(1)]}", None, "none")
    unit = unit_of(t)
    if unit is None:
        return None
    nm = re.search(r"(?:every|each|per)\s+(?:other\s+)?(.+?)\s+\w+$", t)
    amount = 1.0
    if nm:
        parsed = parse_number(nm.group(1))
        amount = parsed if parsed is not None else 1.0
    if "other" in t:
        amount *= 2
    letter, is_time, mult = lx.DURATION_UNIT[unit]
    if unit in ("decade", "century"):
        return Value(
            "SET",
            duration_value(amount * (10 if unit == "decade" else 100), "Y", False),
            None,
            "none",
        )
    return Value("SET", duration_value(amount * mult, letter, is_time), None, "none")


def ref(text: str, s: str, start: int, end: int) -> Value | None:
    t = norm(s)
    typ, value = lx.REF_WORDS[t]
    if t in ("soon",) and re.match(r"\s+(after|as|thereafter)\b", text[end : end + 15].lower()):
        return None
    if t == "the past" and re.match(
        r"\s+(two|three|few|several|\d|year|month|week|decade)",
        text[end : end + 12].lower(),
    ):
        return None
    basis = "none" if typ == "SET" else "vague"
    return Value(typ, value, None, basis)


def ref_adj(text: str, s: str, start: int, end: int) -> Value | None:
    t = norm(s)
    value = lx.REF_ADJECTIVES.get(t, "")
    if not value:
        return None
    return Value("DATE", value, None, "vague")
