"""The recognition grammar: compiled regular expressions, one per expression class.

Each :class:`Rule` finds candidate extents; the normaliser (:mod:`.normalize`) gives them
values. Patterns are assembled from the word tables in :mod:`.lexicon`, so adding a word is a
table edit. Extents follow the TempEval-3 (TimeML) conventions: leading determiners and
modifiers ("the past two months", "about two years ago", "early next year") are inside the
extent; prepositions ("in", "on", "since") are outside.

Matching is case-insensitive except for month and weekday names, which must be capitalised
(so "may" the modal and "march" the verb are not dates).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from cstotimeline.timex import lexicon as lx


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words`` (longest first, spaces match any whitespace)."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def _cased(words: Iterable[str], abbreviations: Iterable[str] = ()) -> str:
    """Case-sensitive alternation of Title-case and UPPER-case forms (abbreviations may take
    a full stop)."""
    abbrev = set(abbreviations)
    forms: list[str] = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        for form in (w.title(), w.upper()):
            forms.append(re.escape(form) + (r"\.?" if w in abbrev else ""))
    return "(?-i:" + "|".join(forms) + ")"


# ---------------------------------------------------------------------------- building blocks
L = r"(?<![\w$#.'])"  # left boundary (not inside a word, number or after a currency sign)
R = r"(?![\w])"  # right boundary

MONTH = _cased(lx.MONTHS, lx.MONTH_ABBREVIATIONS)
WEEKDAY = _cased(lx.WEEKDAY_NAMES)
SEASON = alt(lx.SEASONS)
DAY_PART = alt(("morning", "afternoon", "evening", "night"))
UNIT_SG = alt(
    [
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "weekend",
        "fortnight",
        "month",
        "quarter",
        "year",
        "decade",
        "century",
    ]
)
UNIT = alt(lx.UNITS)
ORDINAL = alt(k for k in lx.ORDINALS if k not in ("last", "final"))

_UNITS_WORDS = [w for w, n in lx.NUMBER_WORDS.items() if 1 <= n <= 19 and w.isalpha()]
_UNITS_WORDS = [w for w in _UNITS_WORDS if w not in ("a", "an", "dozen")]
_TENS = [w for w, n in lx.NUMBER_WORDS.items() if n in range(20, 100, 10)]
NUM_WORD = (
    rf"(?:(?:{alt(_TENS)})(?:[\s-]+{alt(_UNITS_WORDS[:9])})?|{alt(_UNITS_WORDS)})"
    rf"(?:[\s-]+(?:hundred|thousand))?|(?:a\s+)?(?:hundred|thousand)"
)
NUM_DIGIT = r"\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s+1/2|\s*½)?"
NUM_FIXED = rf"(?:{NUM_DIGIT}|{NUM_WORD}|(?:a\s+)?couple\s+of|a\s+couple|a\s+dozen|a\s+single|an?)"
VAGUE = alt(("several", "a few", "few", "some", "many", "a number of", "numerous"))
NUM = rf"(?:{NUM_FIXED}(?:\s+(?:and\s+)?an?\s+half)?|{VAGUE})"
NUM_RANGE = rf"{NUM}(?:\s*(?:to|or|-|and)\s*{NUM})?"

DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
DAY_ORD = alt(k for k, v in lx.ORDINALS.items() if 1 <= v <= 31 and not k[0].isdigit())
DAY = rf"(?:{DAY_NUM}|{DAY_ORD})"
YEAR_NUM = r"(?:1[0-9]\d\d|20\d\d)(?![\d,.]\d)(?!\s*(?:%|percent|per\s+cent))"
YEAR_WORD = (
    r"(?:nineteen|eighteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|hundred)"
    r"|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?"
)
YEAR = rf"(?:{YEAR_NUM}|{YEAR_WORD}|'\d\d(?!\w))"
REL_YEAR = r"(?:this|last|next|that|the\s+same|the\s+previous|the\s+following|the\s+current)\s+year"

PRE_MOD = alt(lx.PRE_MODS)
POS_PREFIX = alt(
    (
        "early",
        "earlier",
        "late",
        "later",
        "mid",
        "the beginning of",
        "the start of",
        "the middle of",
        "the end of",
        "the close of",
        "the first part of",
        "the early part of",
        "the latter part of",
        "the last part of",
        "the turn of",
        "the spring of",
        "the fall of",
        "the summer of",
        "the winter of",
    )
)
POS = rf"(?:{POS_PREFIX}(?:\s+|-)|mid-)"
TZ = alt(lx.TIME_ZONES)
AMPM = r"(?:a\.m\.?|p\.m\.?|am(?!\w)|pm(?!\w)|A\.M\.?|P\.M\.?|o'clock)"
CLOCK = rf"(?:\d{{1,2}}(?::\d{{2}})?\s*{AMPM}|\d{{1,2}}:\d{{2}}(?=\s*{TZ}))"
DEICTIC_DAY = r"(?:today|yesterday|tomorrow|tonight)"
DATE_MD = rf"(?:{MONTH}\s+{DAY}(?:,?\s+{YEAR_NUM})?)"


@dataclass(frozen=True, slots=True)
class Rule:
    """One expression class: a name (the normaliser's dispatch key) and its compiled pattern."""

    name: str
    pattern: re.Pattern[str]
    priority: int = 0  # breaks ties between equally long candidates (higher wins)


def _rule(name: str, pattern: str, priority: int = 0) -> Rule:
    return Rule(name, re.compile(pattern, re.I), priority)


RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------------ clock times
    _rule(
        "clock",
        rf"{L}(?:{PRE_MOD}\s+)?{CLOCK}(?:\s+{TZ})?"
        rf"(?:,?\s+(?:on\s+)?(?:{WEEKDAY}(?:,?\s+{DATE_MD})?|{DEICTIC_DAY}|{DATE_MD}))?{R}"
        rf"|{L}(?:{PRE_MOD}\s+)?\d{{1,2}}\s+in\s+the\s+(?:morning|afternoon|evening){R}",
        3,
    ),
    _rule(
        "noon",
        rf"{L}(?:{PRE_MOD}\s+)?(?:noon|midnight|midday)"
        rf"(?:,?\s+(?:on\s+)?(?:{WEEKDAY}|{DEICTIC_DAY}|{DATE_MD}))?{R}",
        2,
    ),
    # ------------------------------------------------------------------ full dates
    _rule(
        "date_mdy",
        rf"{L}(?:{WEEKDAY},?\s+)?"
        rf"(?:{MONTH}\s+{DAY}|(?:{DAY_NUM}(?:\s+of)?|{DAY_ORD}\s+of)\s+{MONTH}(?![^\W\d_]))"
        rf"(?:,?\s+{YEAR_NUM}|,?\s+(?:{REL_YEAR}))?"
        rf"(?!\s*(?:%|percent|per\s+cent|million|billion|points?\b|cents?\b))",
        4,
    ),
    _rule(
        "date_iso",
        r"(?<![\w/.-])(?:1[89]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w-])",
        4,
    ),
    _rule(
        "date_numeric",
        r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|[12]\d|3[01])/(?:(?:19|20)\d\d|\d\d)(?![\w/])"
        r"|(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d(?![\w/]|\.\d)",
        4,
    ),
    _rule("week_of", rf"{L}the\s+week\s+of\s+{DATE_MD}{R}", 4),
    # ------------------------------------------------------------------ months, seasons, years
    _rule(
        "month_year",
        rf"{L}(?:{POS})?{MONTH}(?:,?\s+(?:of\s+)?{YEAR_NUM}|\s+(?:of\s+)?{REL_YEAR}"
        rf"|,?\s+(?:of\s+)?{YEAR_WORD}){R}",
        3,
    ),
    _rule(
        "month",
        rf"{L}(?:(?:last|this|next|this\s+past|this\s+coming|the\s+same|that|the\s+following"
        rf"|the\s+next|the\s+previous|the\s+preceding)\s+)?(?:{POS})?"
        rf"{MONTH}(?![\w-])",
        1,
    ),
    _rule(
        "season",
        rf"{L}(?:(?:last|this|next|this\s+past|this\s+coming|the\s+past|that|the\s+following"
        rf"|the\s+next|the\s+previous|the)\s+)?"
        rf"(?:(?:early|late|mid)[\s-]+)?{SEASON}(?:\s+(?:of\s+)?(?:{YEAR}|{REL_YEAR}))?{R}",
        1,
    ),
    _rule(
        "year",
        rf"{L}(?:(?:{POS}|post-|pre-)?(?:(?:fiscal|calendar|financial)(?:\s+year)?\s+)?"
        rf"{YEAR_NUM}(?:\s+(?:or\s+(?:later|earlier|before|after)|and\s+(?:beyond|later)))?|the\s+year\s+{YEAR}|{YEAR_WORD}|(?:fiscal|FY)\s*'?\d\d){R}(?!-(?:old|year))",
        1,
    ),
    _rule(
        "decade",
        rf"{L}(?:the\s+)?(?:(?:early|mid|late)[\s-]+|mid-)?"
        r"(?:(?:1[0-9]|20)?\d0'?s|'\d0s|(?:twen|thir|for|fif|six|seven|eigh|nine)ties)(?!\w)",
        2,
    ),
    _rule(
        "century",
        rf"{L}(?:(?:the|this|last|next|the\s+last|the\s+past|the\s+next)\s+)?"
        rf"(?:(?:early|mid|late)[\s-]+)?(?:(?:{ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))[\s-]+)?"
        rf"century{R}(?!-old)",
        1,
    ),
    # ------------------------------------------------------------------ quarters and halves
    _rule(
        "quarter",
        rf"{L}(?:(?:the|its|this|a|their|his|her|our)\s+)?"
        rf"(?:(?:this|last|next|that)\s+year's\s+|{YEAR_NUM}'s\s+)?"
        rf"(?:(?:current|latest|same|comparable|year-ago|year-earlier|fiscal|calendar|"
        rf"flat|strong|weak|{YEAR_NUM})[\s-]+)*"
        rf"(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarters?"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?:{YEAR_NUM}|{REL_YEAR}))?{R}"
        rf"|{L}Q[1-4]\s*(?:{YEAR_NUM}){R}",
        2,
    ),
    _rule(
        "quarter_ref",
        rf"{L}(?:(?:the|this|that|its|last|next|last\s+year's|the\s+year-ago|the\s+year-earlier"
        rf"|the\s+comparable|the\s+latest|the\s+current|the\s+most\s+recent|the\s+previous"
        rf"|the\s+same|the\s+prior|the\s+past|the\s+recent|the\s+coming|the\s+{YEAR_NUM})"
        rf"(?:\s+(?:comparable|year-ago|year-earlier|fiscal))*\s+quarter"
        rf"(?:\s+a\s+year\s+(?:ago|earlier))?"
        rf"|(?:the\s+)?(?:latest|year-ago|year-earlier|comparable|{YEAR_NUM})\s+period"
        rf"|the\s+corresponding\s+period\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)"
        rf"|(?:the\s+)?year-(?:ago|earlier)){R}(?!\s+(?:nine|six)\s+months)",
        1,
    ),
    _rule(
        "half",
        rf"{L}(?:the\s+)?(?:(?:this|last|next)\s+year's\s+)?(?:fiscal\s+)?"
        rf"(?:first|second|last|latter)[\s-]+half"
        rf"(?:\s+of\s+(?:the\s+)?(?:fiscal\s+)?(?:{YEAR_NUM}|{REL_YEAR}|year))?{R}"
        rf"(?!\s+(?:of\s+the|of\s+a|of\s+an|of\s+its|of\s+their|percent|point|hour|\w+ing))",
        1,
    ),
    # ------------------------------------------------------------------ weekdays, days
    _rule(
        "weekday",
        rf"{L}(?:(?:last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following"
        rf"|early|late|earlier|later)\s+)?(?:{WEEKDAY})"
        rf"(?:\s+(?:{DAY_PART}))?(?![\w-])",
        1,
    ),
    _rule(
        "weekday_set",
        rf"{L}(?:(?:every|each)\s+{WEEKDAY}(?:\s+{DAY_PART})?|(?:{WEEKDAY})s"
        rf"|{WEEKDAY}\s+(?:mornings|afternoons|evenings|nights)){R}",
        2,
    ),
    _rule(
        "deictic",
        rf"{L}(?:(?:mid|early|late|earlier|later)[\s-]+)?(?:{DEICTIC_DAY})"
        rf"(?:\s+{DAY_PART})?{R}"
        rf"|{L}(?:(?:mid|early|late|earlier|later)[\s-]+)?(?:this|last|tomorrow|yesterday)\s+"
        rf"{DAY_PART}{R}"
        rf"|{L}(?:(?:mid|early|late)[\s-]+)?{DAY_PART}\s+{DEICTIC_DAY}{R}"
        rf"|{L}(?:the\s+)?day\s+(?:before|after)\s+(?:yesterday|tomorrow){R}"
        rf"|{L}(?:mid|early|late)[\s-]+(?:morning|afternoon|evening){R}"
        rf"|{L}overnight{R}",
        2,
    ),
    _rule("day_part_anaphoric", rf"{L}that\s+(?:same\s+)?{DAY_PART}{R}", 0),
    _rule(
        "holiday",
        rf"{L}(?:(?:last|this|next)\s+)?(?-i:{alt(h.title() for h in lx.HOLIDAYS)}"
        rf"|{alt(h.title() for h in lx.WEEKDAY_HOLIDAYS)}|Election\s+Day|Easter(?:\s+Sunday)?)"
        rf"(?:\s+{YEAR_NUM})?{R}",
        2,
    ),
    # ------------------------------------------------------------------ relative periods
    _rule(
        "rel_unit",
        rf"{L}(?:{POS})?(?:this|last|next|the\s+past|the\s+previous|the\s+coming|the\s+following"
        rf"|the\s+current|the\s+latest|this\s+past|this\s+coming|the\s+same|that|the\s+prior"
        rf"|the\s+present|the\s+last|the\s+next|the\s+preceding|the\s+ensuing|the\s+full"
        rf"|the\s+current\s+fiscal|the\s+latest\s+fiscal|the\s+previous\s+fiscal|the\s+fiscal"
        rf"|(?:this|last|next)\s+fiscal)"
        rf"\s+(?:week|month|year|weekend|decade|day|fortnight)(?![\w-])"
        rf"|{L}(?:{POS})(?:the\s+)?(?:week|month|year)(?![\w-])"
        rf"|{L}(?:around\s+)?(?:year|month|quarter)[\s-]end{R}|{L}year's\s+end{R}",
        1,
    ),
    _rule("the_unit", rf"{L}the\s+(?:year|week|month|weekend)(?![\w-])", 0),
    _rule(
        "ago",
        rf"{L}(?:{PRE_MOD}\s+)?(?:{NUM_RANGE}|{VAGUE})[\s-]+(?:more\s+)?{UNIT}"
        rf"(?:\s+or\s+so)?\s+(?:ago|earlier|later|from\s+now|hence)"
        rf"{R}|{L}(?:{PRE_MOD}\s+)?(?:years|months|weeks|days|decades)\s+(?:ago|earlier|later){R}",
        3,
    ),
    _rule(
        "ago_this",
        rf"{L}(?:{NUM_FIXED}|an?)[\s-]+years?\s+ago\s+this\s+(?:{MONTH}|{SEASON}|week|month){R}",
        5,
    ),
    _rule(
        "anaphoric_day",
        rf"{L}(?:the\s+)?(?:previous|next|following|same|preceding|prior)\s+(?:day|morning"
        rf"|evening|night|afternoon)(?![\w-])|{L}that\s+same\s+day{R}|{L}that\s+day{R}",
        1,
    ),
    # ------------------------------------------------------------------ durations
    _rule(
        "duration",
        rf"{L}(?:(?:the|a|an|its|their|his|her|our)\s+)?"
        rf"(?:(?:past|last|next|first|latest|previous|coming|following|remaining|final|initial"
        rf"|ensuing|preceding|prior|additional|other|extra|further|entire|whole|full)\s+)*"
        rf"(?:{PRE_MOD}\s+)?{NUM_RANGE}[\s-]+(?:more\s+|full\s+|straight\s+|consecutive\s+"
        rf"|trading\s+|business\s+|calendar\s+|working\s+|additional\s+)?{UNIT}"
        rf"(?:-long)?(?:\s+or\s+so)?(?![\w])(?!-old|-plus|\s+old\b)",
        0,
    ),
    _rule(
        "duration_vague",
        rf"{L}(?:(?:the|its)\s+)?(?:(?:past|last|next|first|coming|following|recent|ensuing"
        rf"|preceding|early|final|remaining)\s+)*(?:few\s+|several\s+|many\s+)?"
        rf"(?:years|months|weeks|days|decades|hours|minutes|centuries|quarters)(?![\w-])"
        rf"|{L}(?:years|decades|months|weeks)-long{R}|{L}(?:a\s+)?half(?:\s+an?)?\s+hour{R}"
        rf"|{L}an?\s+(?:hour|minute|day|year)\s+and\s+a\s+half{R}"
        rf"|{L}(?:several|many|few)-(?:year|month|week|day){R}",
        0,
    ),
    _rule(
        "duration_unit",
        rf"{L}(?:(?:{PRE_MOD})\s+)?(?:a|an|one)\s+(?:full\s+)?{UNIT_SG}(?![\w-])",
        0,
    ),
    # ------------------------------------------------------------------ sets
    _rule(
        "set",
        rf"{L}(?:(?:every|each|per)\s+(?:other\s+)?(?:{NUM}\s+)?(?:{UNIT}|{MONTH}|{SEASON})"
        rf"|(?:once|twice|thrice|(?:{NUM_FIXED})\s+times)\s+(?:a|an|per|every|each)\s+{UNIT_SG}"
        rf"){R}",
        2,
    ),
    # ------------------------------------------------------------------ reference words
    _rule("ref", rf"{L}{alt(lx.REF_WORDS)}{R}(?!-)", 1),
    _rule(
        "ref_adj",
        rf"{L}current(?=\s+[a-z])(?!\s+(?:account|accounts|affairs|"
        rf"events|developments|and|or|of|to|in|is|was|are|were|for|from|at|on|by)\b)",
        0,
    ),
)


def _longest_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """The longest word of each phrase: a word every match of the phrase contains."""
    return tuple(max(re.findall(r"[a-z]+", p.lower()), key=len) for p in phrases)


DIGIT = "#digit"  # a key standing for any word with a digit in it
_UNIT_WORDS = tuple(lx.UNITS)
_DAY_PARTS = ("morning", "afternoon", "evening", "night")
_WEEKDAYS = lx.WEEKDAY_NAMES + tuple(w + "s" for w in lx.WEEKDAY_NAMES)

# For each rule, words of which every match contains at least one (lower case, whole words as
# ``[^\W_]+`` splits them). The tagger scans a rule only near its key words, so a rule costs
# nothing in text without them; tests check the scan finds exactly what a full scan finds.
RULE_KEYS: dict[str, tuple[str, ...]] = {
    "clock": (DIGIT,),
    "noon": ("noon", "midnight", "midday"),
    "date_mdy": tuple(lx.MONTHS),
    "date_iso": (DIGIT,),
    "date_numeric": (DIGIT,),
    "week_of": ("week",),
    "month_year": tuple(lx.MONTHS),
    "month": tuple(lx.MONTHS),
    "season": tuple(lx.SEASONS),
    "year": (DIGIT, "nineteen", "eighteen", "twenty", "thousand"),
    "decade": (DIGIT, "twenties", "thirties", "forties", "fifties", "sixties", "seventies",
               "eighties", "nineties"),
    "century": ("century",),
    "quarter": (DIGIT, "quarter", "quarters"),
    "quarter_ref": ("quarter", "period", "ago", "earlier"),
    "half": ("half",),
    "weekday": lx.WEEKDAY_NAMES,
    "weekday_set": _WEEKDAYS,
    "deictic": ("today", "yesterday", "tomorrow", "tonight", "overnight", *_DAY_PARTS),
    "day_part_anaphoric": _DAY_PARTS,
    "holiday": _longest_words([*lx.HOLIDAYS, *lx.WEEKDAY_HOLIDAYS, "election day", "easter"]),
    "rel_unit": ("week", "month", "year", "weekend", "decade", "day", "fortnight", "quarter"),
    "the_unit": ("year", "week", "month", "weekend"),
    "ago": ("ago", "earlier", "later", "now", "hence"),
    "ago_this": ("ago",),
    "anaphoric_day": ("day", *_DAY_PARTS),
    "duration": _UNIT_WORDS,
    "duration_vague": _UNIT_WORDS,
    "duration_unit": _UNIT_WORDS,
    "set": ("every", "each", "per", "once", "twice", "thrice", "times"),
    "ref": _longest_words(lx.REF_WORDS),
    "ref_adj": ("current",),
}  # fmt: skip

# Words after a bare "May"/"March" that show it is a verb or modal, not a month.
VERB_AFTER_AMBIGUOUS = re.compile(
    r"\s+(?:be|have|not|also|still|well|never|soon|even|only|just|help|need|want|take|"
    r"make|come|go|get|lose|face|mean|seem|try|lead|cause|prove|affect|result|"
    r"[a-z]+ly|on|through|into|toward|towards|down|up|to|in\s+protest|against)\b"
)
# Words before a bare month that make it a date ("in May", "last March", "since June").
MONTH_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|on|of|since|until|till|by|through|from|to|during|before|after|last|this|next|"
    r"early|late|mid|and|or|between|until|around|for|the|past|coming|that)\s*|[-,(])\s*$",
    re.I,
)
