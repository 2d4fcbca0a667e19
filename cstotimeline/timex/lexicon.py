"""Word tables of the temporal-expression grammar.

Everything language-specific lives here as plain dictionaries; the grammar
(:mod:`cstotimeline.timex.grammar`) builds its regular expressions from the keys, and the
normaliser (:mod:`cstotimeline.timex.normalize`) reads the values.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

MONTH_ABBREVIATIONS = frozenset(
    k for k in MONTHS if k not in ("march", "april", "may", "june", "july") and len(k) <= 4
)

# Month names that are also common English words: matched only when capitalised and, for the
# bare month, only outside verb/modal contexts (see grammar.AMBIGUOUS_MONTH_GUARD).
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "dec"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tues": 1, "tue": 1,
    "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

# Full weekday names only (abbreviations are too ambiguous in running text).
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

# Parts of the day and their TIMEX3 codes.
DAY_PARTS: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "tonight": "NI",
    "overnight": "NI",
    "midday": "MI",
    "noon": "MI",
    "midnight": "NI",
}

# Calendar units: singular/plural surface forms -> canonical unit.
UNITS: dict[str, str] = {
    "second": "second", "seconds": "second",
    "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour",
    "day": "day", "days": "day",
    "week": "week", "weeks": "week",
    "weekend": "weekend", "weekends": "weekend",
    "fortnight": "fortnight", "fortnights": "fortnight",
    "month": "month", "months": "month",
    "quarter": "quarter", "quarters": "quarter",
    "year": "year", "years": "year",
    "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
    "millennium": "millennium", "millennia": "millennium",
}  # fmt: skip

# Canonical unit -> (TIMEX3 duration letter, is a time unit (PT...), multiplier).
DURATION_UNIT: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1),
    "minute": ("M", True, 1),
    "hour": ("H", True, 1),
    "day": ("D", False, 1),
    "weekend": ("D", False, 2),  # "a two-weekend run" is rare; one weekend = P2D
    "week": ("W", False, 1),
    "fortnight": ("W", False, 2),
    "month": ("M", False, 1),
    "quarter": ("Q", False, 1),
    "year": ("Y", False, 1),
    "decade": ("DE", False, 1),
    "century": ("CE", False, 1),
    "millennium": ("ML", False, 1),
}

# Cardinal number words.
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000,
    "a": 1, "an": 1, "a single": 1, "a couple of": 2, "a couple": 2, "a pair of": 2,
    "a dozen": 12, "dozen": 12, "half a": 0, "a half": 0,
}  # fmt: skip

# Vague quantities: the duration gets an X ("several days" -> PXD).
VAGUE_QUANTITIES = frozenset(
    {"several", "a few", "few", "some", "many", "a number of", "numerous", "a couple of"}
)
# Note: "a couple of" is in NUMBER_WORDS (2); it is listed here only for the grammar's
# alternation order and is resolved as 2.

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
    "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
    "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "last": -1, "final": -1,
}  # fmt: skip

# Modifier words before an expression -> TIMEX3 mod. Included in the extent.
PRE_MODS: dict[str, str] = {
    "around": "APPROX",
    "nearly": "APPROX",
    "more than": "MORE_THAN",
    "upwards of": "MORE_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "just under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}

# Modifier words before an expression that TimeBank leaves outside the extent; they still set
# the mod ("about three weeks" -> extent "three weeks", mod APPROX).
OUTSIDE_MODS: dict[str, str] = {
    "about": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "almost": "LESS_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "well over": "MORE_THAN",
    "within": "EQUAL_OR_LESS",
    "by": "ON_OR_BEFORE",
    "until": "ON_OR_BEFORE",
    "since": "ON_OR_AFTER",
}

# Position modifiers of a calendar period -> TIMEX3 mod.
POSITION_MODS: dict[str, str] = {
    "early": "START",
    "earlier": "START",
    "the beginning of": "START",
    "the start of": "START",
    "the first part of": "START",
    "the early part of": "START",
    "mid": "MID",
    "mid-": "MID",
    "the middle of": "MID",
    "the mid": "MID",
    "late": "END",
    "later": "END",
    "the end of": "END",
    "the close of": "END",
    "the latter part of": "END",
    "the last part of": "END",
    "the late": "END",
    "the early": "START",
}

# Single words that are TIMEX3 reference points or sets on their own.
REF_WORDS: dict[str, tuple[str, str]] = {
    # word -> (type, value)
    "now": ("DATE", "PRESENT_REF"),
    "right now": ("DATE", "PRESENT_REF"),
    "just now": ("DATE", "PRESENT_REF"),
    "currently": ("DATE", "PRESENT_REF"),
    "presently": ("DATE", "PRESENT_REF"),
    "nowadays": ("DATE", "PRESENT_REF"),
    "these days": ("DATE", "PRESENT_REF"),
    "at present": ("DATE", "PRESENT_REF"),
    "the present": ("DATE", "PRESENT_REF"),
    "recently": ("DATE", "PAST_REF"),
    "more recently": ("DATE", "PAST_REF"),
    "most recently": ("DATE", "PAST_REF"),
    "lately": ("DATE", "PAST_REF"),
    "formerly": ("DATE", "PAST_REF"),
    "the past": ("DATE", "PAST_REF"),
    "recent years": ("DATE", "PAST_REF"),
    "the future": ("DATE", "FUTURE_REF"),
    "the near future": ("DATE", "FUTURE_REF"),
    "the foreseeable future": ("DATE", "FUTURE_REF"),
    "the distant future": ("DATE", "FUTURE_REF"),
    "the near term": ("DATE", "FUTURE_REF"),
    "the short term": ("DATE", "FUTURE_REF"),
    "the long term": ("DATE", "FUTURE_REF"),
    "the medium term": ("DATE", "FUTURE_REF"),
    "as soon as possible": ("DATE", "FUTURE_REF"),
    "a later date": ("DATE", "FUTURE_REF"),
    "daily": ("SET", "P1D"),
    "nightly": ("SET", "P1D"),
    "weekly": ("SET", "P1W"),
    "biweekly": ("SET", "P2W"),
    "monthly": ("SET", "P1M"),
    "yearly": ("SET", "P1Y"),
    "hourly": ("SET", "PT1H"),
}

# Adjectives before a noun that make "current"/"recent"/"future" a reference point.
REF_ADJECTIVES: dict[str, str] = {
    "current": "PRESENT_REF",
}

# Fixed-date holidays (month, day).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "valentine's day": (2, 14),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "veterans day": (11, 11),
    "armistice day": (11, 11),
    "may day": (5, 1),
    "labour day": (5, 1),
}

# Holidays defined by a weekday rule: name -> (month, weekday, nth; -1 = last).
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4),
    "thanksgiving day": (11, 3, 4),
    "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1),
    "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3),
    "martin luther king day": (1, 0, 3),
    "presidents' day": (2, 0, 3),
    "columbus day": (10, 0, 2),
}

# Time zones that may follow a clock time (part of the extent, ignored in the value).
TIME_ZONES = (
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET",
    "CEST", "MSK", "AMT",
)  # fmt: skip
