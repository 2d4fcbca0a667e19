"""Tense of the clause governing a temporal expression.

Two implementations behind one interface: a spaCy-parse-based one (the governing verb's tag and
auxiliaries) and a word-based fallback that looks for future markers in the sentence. Both
answer "past", "future", "present", "nonfinite" (the expression depends on an infinitive,
"agreed to buy it in February": neither past nor future is known) or None (unknown); callers
default to past (news style).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

TenseFn = Callable[[int, int], "str | None"]

_FUTURE_WORDS = re.compile(
    r"\b(?:will|won't|wo|shall|'ll|going\s+to|scheduled|slated|expected\s+to|expects?\s+to|"
    r"plans?\s+to|planned\s+(?:to|for)|planning\s+to|due\s+to|as\s+soon\s+as|as\s+early\s+as|"
    r"intends?\s+to|set\s+to|is\s+to|are\s+to|"
    r"upcoming|hopes?\s+to|aims?\s+to|would\s+be\s+held|will\s+be|(?:is|are)\s+expected)\b",
    re.I,
)
# "would" marks the future only when it comes before the expression ("would meet Friday",
# but not "said Friday it would").
_WEAK_FUTURE = re.compile(r"\b(?:would|'d)\b", re.I)
_PAST_WORDS = re.compile(
    r"\b(?:was|were|had|did|said|announced|told|met|signed|ended|began|came|went|took|held|"
    r"reported|added|noted|agreed|rose|fell|closed|declined|gained|dropped|visited|"
    r"brought|bought|sold|made|gave|got|left|became|won|lost|paid|led|ran|saw|sent|spent|"
    r"struck|thought|knew|found|fought|wrote|spoke|chose|drew|grew|fled|built|felt|kept|"
    r"heard|stood|sought|caught|froze|broke|flew|threw|withdrew|\w+ed)\b",
    re.I,
)
# A participle after these is passive or adjectival ("will be held", "an unspecified date"),
# not a past-tense verb.
_NOT_PAST_BEFORE = re.compile(
    r"\b(?:be|been|being|is|are|am|to|a|an|the|its|their|his|her|our|this|that|these|those|still|not)"
    r"\s+$",
    re.I,
)
# An infinitive between the last past-tense verb and the expression ("agreed to buy it in
# February"): the expression belongs to the infinitive, whose time the past verb does not fix.
_INFINITIVE = re.compile(
    r"\bto\s+(?!(?:the|a|an|its|their|his|her|our|my|your|this|that|these|those|some|all|"
    r"about|around|date|be\s+sure|death|power|office|court|prison|jail|trial|life|rest|bed|"
    r"zero|record|market|school|work|war|peace|home|town|light|sea|press|bankruptcy)\b)[a-z]+\b"
)
_SENT_END = re.compile(r"[.!?;\n]\s")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(0, start - 300)
    s = left
    for m in _SENT_END.finditer(text, left, start):
        s = m.end()
    m2 = _SENT_END.search(text, end, min(len(text), end + 300))
    e = m2.start() + 1 if m2 else min(len(text), end + 300)
    return s, e


def _past_markers(s: str) -> list[re.Match[str]]:
    return [m for m in _PAST_WORDS.finditer(s) if not _NOT_PAST_BEFORE.search(s, 0, m.start())]


def word_tense(text: str) -> TenseFn:
    """A tense function using only nearby words (no model)."""

    def tense(start: int, end: int) -> str | None:
        s, e = _sentence_bounds(text, start, end)
        before = text[max(s, start - 80) : start]
        after = text[end : min(e, end + 60)]
        fut_b = list(_FUTURE_WORDS.finditer(before)) + list(_WEAK_FUTURE.finditer(before))
        fut_b.sort(key=lambda m: m.end())
        past_b = _past_markers(before)
        fut_a = _FUTURE_WORDS.search(after)
        past_a = next(iter(_past_markers(after)), None)
        # The nearest marker before the expression decides; else the nearest after it.
        last_f = fut_b[-1].end() if fut_b else -1
        last_p = past_b[-1].end() if past_b else -1
        if last_f >= 0 or last_p >= 0:
            if last_f >= last_p:
                return "future"
            if _INFINITIVE.search(before, last_p):
                return "nonfinite"
            return "past"
        if fut_a and (not past_a or fut_a.start() < past_a.start()):
            return "future"
        if past_a:
            return "past"
        return None

    return tense


_REPORTING = {
    "say", "tell", "report", "announce", "add", "note", "state", "claim", "insist", "confirm",
    "deny", "warn", "write", "acknowledge", "admit", "disclose", "reveal", "concede",
}  # fmt: skip
# Verbs whose past tense is spelled like the present: a VBP tag on them is a guess.
_SAME_IN_PAST = {
    "hurt", "put", "set", "cut", "hit", "cost", "let", "shut", "quit", "spread", "bet", "cast",
    "burst", "split", "shed", "bid", "broadcast", "forecast", "read", "upset", "beat",
}  # fmt: skip
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
_VERB_POS = {"VERB", "AUX"}


def _token_finder(doc: Doc) -> Callable[[int], Any]:
    """A function giving the token of ``doc`` at a character offset (None for an empty doc)."""
    starts = [t.idx for t in doc]

    def token_at(offset: int) -> Any:
        if not starts:
            return None
        return doc[max(0, bisect.bisect_right(starts, offset) - 1)]

    return token_at


def doc_tense(doc: Doc, text: str) -> TenseFn:
    """A tense function reading the dependency parse of ``doc`` (``nlp(text)``)."""
    token_at = _token_finder(doc)
    fallback = word_tense(text)

    def tense(start: int, end: int) -> str | None:
        tok = token_at(start)
        if tok is None:
            return fallback(start, end)
        verb = tok
        for _ in range(8):
            if verb.pos_ in _VERB_POS or verb.tag_.startswith("VB") or verb.tag_ == "MD":
                break
            if verb.head is verb:
                break
            verb = verb.head
        if not (verb.pos_ in _VERB_POS or verb.tag_.startswith("VB")):
            return fallback(start, end)
        verdict = _verb_tense(verb)
        if verdict == "present" and tok.dep_ == "poss":
            return "past"  # "Friday's purchases are ...": a day already known
        if verdict is None:
            return fallback(start, end)
        if verdict == "nonfinite" and fallback(start, end) == "future":
            return "future"  # "were planning to drive there on Monday"
        return verdict

    return tense


def doc_background(doc: Doc) -> Callable[[int, int], bool]:
    """A predicate: is the expression at ``start`` the date of a participle describing a
    noun ("the treaty, signed on 29 August 1997, …")? Such a date is background and does
    not become the time that "the same day" or "that evening" refer to."""
    token_at = _token_finder(doc)

    def background(start: int, end: int) -> bool:
        verb = token_at(start)
        if verb is None:
            return False
        for _ in range(8):
            if verb.pos_ in _VERB_POS or verb.head is verb:
                break
            verb = verb.head
        # ("the six months ended Aug. 12" is the period reported on, not a description)
        return (
            verb.pos_ == "VERB"
            and verb.dep_ == "acl"
            and verb.tag_ == "VBN"
            and verb.lemma_ not in ("end", "begin", "start", "close")
        )

    return background


def _verb_tense(verb: Any) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if "going" in words or (
        verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)
    ):
        return "future"
    # "expected to meet on Friday": the governing verb is the infinitive under expect/schedule.
    head = verb.head
    if verb.dep_ == "xcomp" and head.lower_ in (
        "expected",
        "scheduled",
        "due",
        "set",
        "planned",
        "plans",
        "plan",
        "intends",
        "expects",
        "hopes",
        "aims",
        "wants",
    ):
        # "had been due to expire Friday": a deadline already past.
        governors = [head, head.head] if head.dep_ == "acomp" else [head]
        if any(c.lower_ == "had" for g in governors for c in g.children if c.dep_ == "aux"):
            return "past"
        return "future"
    if verb.lower_ in ("scheduled", "slated", "due", "upcoming", "planned"):
        return "future"
    if any(a.tag_ == "VBD" or a.lower_ in ("had", "was", "were", "did") for a in auxes):
        return "past"
    if any(a.lower_ == "would" for a in auxes):
        return None
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        # "has signed": past; "is expected", "to be published", "a summit set for": the
        # participle alone does not date the clause.
        if any(a.lower_ in ("has", "have", "'ve", "'s") for a in auxes):
            return "past"
        return None
    if verb.tag_ == "VBG" and any(a.lower_ in ("is", "are", "am", "'s", "'re") for a in auxes):
        return "future"
    if verb.tag_ in ("VBZ", "VBP"):
        # "says Monday" reports a past act; "meets Albright Monday" is a scheduled one.
        if verb.lemma_ in _REPORTING:
            return "past"
        return None if verb.lower_ in _SAME_IN_PAST else "present"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        return "nonfinite"
    return None
