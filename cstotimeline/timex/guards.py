"""Context checks that reject false candidates before extents are chosen.

A guard sees the candidate's rule, extent and the surrounding text (no model, no state). It
removes "may" the modal, "March" the verb, month names used as first names, four-digit counts
("2000 people"), ages ("a 22-year-old"), scores and prices.
"""

from __future__ import annotations

import re

from cstotimeline.timex import grammar as g

_COUNT_NOUNS = re.compile(
    r"\s+(?:people|persons|men|women|children|troops|soldiers|workers|employees|jobs|shares|"
    r"students|members|votes|cars|units|homes|houses|acres|miles|kilometers|km|feet|meters|"
    r"metres|tons|tonnes|barrels|pounds|dollars|euros|yen|rubles|drams|points|copies|"
    r"refugees|delegates|officers|police|residents|deaths|cases|rounds|hectares|square|"
    r"cubic|kg|mph|rpm|BTU|calories|tanks|aircraft|planes|ships|missiles|rockets|guns|"
    r"[a-z]+ers\b|[a-z]+ists\b)\b",
    re.I,
)
_BEFORE_NUMBER_NOT_YEAR = re.compile(
    r"(?:\$|#|€|£|No\.|no\.|number|Nos?\.|Flight|flight|Route|route|Boeing|Airbus|model|Model|"
    r"Chapter|chapter|Section|section|Article|article|Resolution|resolution|page|pages|p\.|"
    r"Room|room|Suite|suite|Box|box|Highway|highway|about|some|nearly|over|than|around|"
    r"approximately|roughly|only|just|least|top|Top|Interstate|Windows|version)\s*$"
)
_PUBLICATION = re.compile(
    r"^\s+(?:newspaper|paper|magazine|journal|news|Mail|Telegraph|Star|Yomiuri|Nation|Post"
    r"|Times)\b",
    re.I,
)
_SCORE = re.compile(r"^\s*[-–]\s*\d")
_MONEY_AFTER = re.compile(r"^\s*(?:%|percent|per\s+cent|million|billion|trillion|mln|bn)\b", re.I)


def accept(rule: str, text: str, start: int, end: int) -> bool:
    """False when the candidate ``text[start:end]`` found by ``rule`` is not a timex."""
    surface = text[start:end]
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    if rule == "month":
        return _month_ok(surface, before, after)
    if rule == "year":
        return _year_ok(surface, before, after)
    if rule == "season":
        return _season_ok(surface, before, after)
    if rule in ("duration", "duration_unit"):
        return _duration_ok(surface, before, after)
    if rule == "decade":
        return _decade_ok(surface, before, after)
    if rule == "date_mdy":
        return not _SCORE.match(after) and not _MONEY_AFTER.match(after)
    if rule == "weekday":
        return not re.match(r"^\s*(?:Times|Post|Journal|Night\s+Live)\b", after)
    if rule == "quarter_ref" and re.match(r"^-to-", after):
        return False  # "the quarter-to-quarter comparison"
    if rule == "ref":
        return _ref_ok(surface, before, after)
    if rule in ("rel_unit", "noon") and re.match(r"(?:This|Next|Last) Week|Noon", surface):
        return bool(re.search(r"(?:^|[.!?]\s+|\n)$", before))  # titles: "This Week", "High Noon"
    return True


def _month_ok(surface: str, before: str, after: str) -> bool:
    words = surface.split()
    if len(words) > 1:
        return True  # "last May", "early March"
    word = surface.rstrip(".").lower()
    context = bool(g.MONTH_CONTEXT_BEFORE.search(before))
    if re.match(r"^\s+[A-Z][a-z]", after) and not re.search(
        r"\b(?:in|since|until|till|by|during|last|this|next|early|late|mid)\s*$", before, re.I
    ):
        return False  # "April Glaspie", "Jan Kavan"
    if word in ("may", "march", "mar", "jan", "jun", "dec", "sept", "sep"):
        if not context and not re.match(r"^\s*[.,;:)]", after):
            return False
        if g.VERB_AFTER_AMBIGUOUS.match(after) and not re.search(
            r"\b(?:in|since|until|last|this|next|early|late|of|by|during|from)\s*$", before, re.I
        ):
            return False
        if word in ("may", "march") and re.search(
            r"\b(?:to|will|would|could|should|and|they|we|you)\s*$", before
        ):
            return False
    if len(word) <= 4 and not surface.endswith(".") and word not in ("may", "june", "july"):
        return context  # bare abbreviations only after "in", "since", ...
    return True


def _year_ok(surface: str, before: str, after: str) -> bool:
    if not re.search(r"\d", surface):
        return True
    if re.search(r"[A-Za-z]", surface) and not re.fullmatch(r"\d{4}", surface.strip()):
        return True  # "fiscal 1989", "mid-1996", "the year 2000"
    if _BEFORE_NUMBER_NOT_YEAR.search(before):
        # "about 2000 people", "$1990"; but "in about 1990" stays a year
        return bool(
            re.search(r"\b(?:in|since|until|by|from|of)\s+(?:about|around|some)\s*$", before)
        )
    if _COUNT_NOUNS.match(after) or _MONEY_AFTER.match(after):
        return False
    if re.match(r"^\s*(?:[-–/]\s*\d{1,3}\b(?!\d)|:\d|\.\d|,\d{3})", after):
        return False  # "1990-91"? no: scores "1990-3", times, decimals
    return not re.search(r"\d[\s,.]*$", before)


def _season_ok(surface: str, before: str, after: str) -> bool:
    words = surface.lower().split()
    if re.match(r"^\s+of\s+(?!\d|nineteen|twenty|this|last|next)", after, re.I):
        return False  # "the fall of the Berlin Wall"
    if len(words) == 1:
        return bool(
            re.search(
                r"\b(?:in|during|since|by|until|through|over|before|after|this|last|next|"
                r"early|late|each|every|of)\s*$",
                before,
                re.I,
            )
        ) and not re.match(r"^\s*(?:session|semester|term|collection|wheat|offensive)\b", after)
    if words[0] == "the" and len(words) == 2:
        return not re.match(r"^\s+(?:of|in\s+\w+\s+prices)\b", after)
    return True


def _duration_ok(surface: str, before: str, after: str) -> bool:
    s = surface.lower()
    if re.search(r"\bsecond$", s) and not re.match(r"^\s*[.,;:!?)]", after):
        return False  # "a second term"
    if re.match(r"^-?\s*old\b|^-year-old", after):
        return False  # ages: "22-year-old"
    if re.match(r"^\s*(?:%|percent|per\s+cent)", after):
        return False
    if re.search(r"quarters?$", s) and re.match(r"^\s+of\b", after):
        return False  # "three-quarters of its food", "more than a quarter of the market"
    if re.search(r"\b(?:a|an|one)\s+(?:day|year|week|month)$", s) and re.search(
        r"\bper\s*$|\bonce\s*$|\btwice\s*$", before
    ):
        return True
    if re.fullmatch(r"(?:a|an)\s+(?:year|month|week|day|hour)", s) and _RATE_BEFORE.search(before):
        return False  # rates: "$2 million a year", "four flights a week", "24 hours a day"
    return not (re.search(r"^(?:a|an)\s+", s) and re.match(r"^-", after))


# A count just before "a year"/"a day" makes it a rate, not a length of time.
_RATE_BEFORE = re.compile(
    r"(?:\d(?:[\d,.]*\d)?%?|\b(?:million|billion|thousand|hundred|dozens?)|\b[a-z]{2,}[^su\W]s)"
    r"\s+$",
    re.I,
)


def _decade_ok(surface: str, before: str, after: str) -> bool:
    if re.search(r"\$\s*$", before):
        return False
    s = surface.lower()
    if re.search(r"\d0s$", s) and not re.search(r"'|\d{4}s|^the|early|mid|late", s):
        # "the 80s"/"1990s" fine; bare "40s" often ages or temperatures
        return bool(re.search(r"\b(?:in|the|of|since|during|early|late|mid)\s*$", before))
    return True


def _ref_ok(surface: str, before: str, after: str) -> bool:
    s = surface.lower()
    if s == "now" and re.match(r"^\s*(?:defunct|-)", after):
        return False
    return not (s in ("daily", "weekly", "monthly") and _PUBLICATION.match(after))
