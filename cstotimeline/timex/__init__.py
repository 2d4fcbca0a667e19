"""Temporal-expression tagging and normalisation (TimeML TIMEX3, TempEval-3 conventions).

Public API::

    tag(text, dct, doc=None) -> list[Timex]
    to_timeml(text, timexes) -> str

``tag`` is a pure function. It finds candidate extents with the compiled grammar
(:mod:`.grammar`), drops false candidates with context guards (:mod:`.guards`), keeps the
longest non-overlapping candidates, then gives each a TIMEX3 value walking the text in order
(:mod:`.normalize`): deictic expressions resolve against ``dct``, anaphoric ones against the
last calendar period mentioned. A bare month or weekday resolves by the tense of its clause
(from the parse in ``doc`` when given, else from nearby words; news default: past).
spaCy's DATE/TIME entities are not added as candidates: on TempEval-3 train they only
widened extents (strict F1 0.895 -> 0.891) without adding correct expressions.

With ``dct=None`` absolute expressions keep their values and relative ones get TIMEX3
placeholders with X: "last month" -> ``XXXX-XX``, "Friday" -> ``XXXX-WXX-5``, "May" ->
``XXXX-05``, "today" -> ``XXXX-XX-XX`` (today's date is never used).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING

from cstotimeline.records import Timex
from cstotimeline.timeml import to_timeml
from cstotimeline.timex import extent, grammar, guards
from cstotimeline.timex.normalize import Resolver
from cstotimeline.timex.tense import TenseFn, doc_tense, word_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Timex", "candidates", "tag", "to_timeml"]

Candidate = tuple[int, int, str, int, int]  # start, end, rule, priority, rule order


# Words without which a rule cannot match (checked on the lower-cased text, so that a rule
# whose key word is absent costs a substring search instead of a regular-expression scan).
_NEEDS: dict[str, tuple[str, ...]] = {
    "ago": ("ago", "earlier", "later", "from now", "hence"),
    "century": ("century",),
    "quarter": ("quarter",),
    "half": ("half",),
    "decade": ("0s", "0's", "0’s", "ties"),
}


def _parses(doc: Doc, text: str) -> bool:
    """True when ``doc`` is the parse of ``text`` (checked without rebuilding ``doc.text``)."""
    if len(doc) == 0:
        return not text
    last = doc[-1]
    if last.idx + len(last.text_with_ws) != len(text):
        return False
    return all(text.startswith(t.text, t.idx) for t in (doc[0], last, doc[len(doc) // 2]))


def candidates(text: str) -> list[Candidate]:
    """Every guarded candidate extent of every rule (overlapping)."""
    out: list[Candidate] = []
    low = text.lower()
    for order, rule in enumerate(grammar.RULES):
        needs = _NEEDS.get(rule.name)
        if needs is not None and not any(word in low for word in needs):
            continue
        for m in rule.pattern.finditer(text):
            start, end = m.start(), m.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start or not guards.accept(rule.name, text, start, end):
                continue
            start = extent.trim(rule.name, text, start, end)
            out.append((start, end, rule.name, rule.priority, order))
    return out


def _crossing(a: Candidate, b: Candidate) -> bool:
    """True when a and b overlap without one containing the other."""
    return (
        a[0] < b[1]
        and b[0] < a[1]
        and not ((a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1]))
    )


def select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: the longest win, except that of two candidates that cross
    (overlap without nesting) the one of lower rule priority is dropped first."""
    cands = sorted(set(cands), key=lambda c: c[0])
    dropped: set[Candidate] = set()
    for i, a in enumerate(cands):
        for b in cands[i + 1 :]:
            if b[0] >= a[1]:
                break
            if _crossing(a, b) and a[3] != b[3]:
                dropped.add(a if a[3] < b[3] else b)
    cands = [c for c in cands if c not in dropped]
    ranked = sorted(cands, key=lambda c: (-(c[1] - c[0]), -c[3], c[4], c[0]))
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    for c in ranked:
        if any(c[0] < e and s < c[1] for s, e in occupied):
            continue
        taken.append(c)
        occupied.append((c[0], c[1]))
    return sorted(taken, key=lambda c: c[0])


def tag(text: str, dct: _dt.date | None, doc: Doc | None = None) -> list[Timex]:
    """TIMEX3 expressions in ``text`` (sorted, non-overlapping, offsets into ``text``)."""
    cands = candidates(text)
    # The parse is used only for tense; a doc for some other text is ignored.
    use_doc = doc is not None and _parses(doc, text)
    tense: TenseFn = doc_tense(doc, text) if doc is not None and use_doc else word_tense(text)
    resolver = Resolver(text, dct, tense)
    out: list[Timex] = []
    for start, end, rule, _prio, _order in select(cands):
        v = resolver.resolve(rule, start, end)
        if v is None:
            continue
        out.append(
            Timex(
                start=start,
                end=end,
                text=text[start:end],
                type=v.type,
                value=v.value,
                mod=v.mod,
                basis=v.basis,
                anaphoric=v.anaphoric,
            )
        )
    return _complete_day_ranges(text, out)


_RANGE_LINK = r"\s*(?:-|–|—|to|and|until|till|through)\s*"
# "from 11 to 20 September": the bare day before a tagged "20 September".
_DAY_BEFORE = re.compile(rf"\b(\d{{1,2}}){_RANGE_LINK}$")
# "September 11 to 20": the bare day after a tagged "September 11".
_DAY_AFTER = re.compile(rf"^{_RANGE_LINK}(\d{{1,2}})\b(?![\d:.,]\d|\s*(?:%|per|percent))")
_FULL_DAY = re.compile(r"^(\d{4}-\d{2})-(\d{2})$")


def _complete_day_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """Add the bare day of a day range ("from 11 to 20 September", "May 3-5") as a timex of
    its own, with the month and year of the other end (TimeML tags each end of a range)."""
    extra: list[Timex] = []
    taken = [(t.start, t.end) for t in timexes]
    for t in timexes:
        full = _FULL_DAY.match(t.value)
        if t.type != "DATE" or full is None:
            continue
        candidates = []
        before = _DAY_BEFORE.search(text[max(0, t.start - 16) : t.start])
        if before is not None and t.text[:1].isdigit():
            offset = max(0, t.start - 16)
            candidates.append((offset + before.start(1), offset + before.end(1), before.group(1)))
        after = _DAY_AFTER.match(text[t.end : t.end + 16])
        if after is not None and t.text[-1:].isdigit():
            candidates.append((t.end + after.start(1), t.end + after.end(1), after.group(1)))
        for start, end, day_text in candidates:
            day = int(day_text)
            value = f"{full.group(1)}-{day:02d}"
            try:
                _dt.date.fromisoformat(value)
            except ValueError:
                continue
            if any(a < end and start < b for a, b in taken):
                continue
            taken.append((start, end))
            extra.append(Timex(start, end, day_text, "DATE", value, None, t.basis, t.anaphoric))
    if not extra:
        return timexes
    return sorted([*timexes, *extra], key=lambda x: x.start)
