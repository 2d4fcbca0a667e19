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
from cstotimeline.timex.tense import TenseFn, doc_background, doc_tense, word_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Timex", "candidates", "tag", "to_timeml"]

Candidate = tuple[int, int, str, int, int]  # start, end, rule, priority, rule order


# How far around a key word a rule is scanned (longer than any real expression).
_WINDOW = 100
_WORD = re.compile(r"[^\W_]+")
# Characters that case-fold onto ASCII letters (Kelvin sign, long s, dotted and dotless i): a
# rule may match them where no key word is spelled out, so such text is scanned in full.
_FOLDS = re.compile("[\u017f\u212a\u0130\u0131]")


def _key_index() -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    by_word: dict[str, list[int]] = {}
    digit: list[int] = []
    for order, rule in enumerate(grammar.RULES):
        for word in grammar.RULE_KEYS[rule.name]:
            if word == grammar.DIGIT:
                digit.append(order)
            else:
                by_word.setdefault(word, []).append(order)
    return {w: tuple(sorted(set(v))) for w, v in by_word.items()}, tuple(digit)


_KEYS, _DIGIT_RULES = _key_index()


def _windows(text: str) -> list[list[tuple[int, int]]] | None:
    """For each rule, the merged stretches of ``text`` within ``_WINDOW`` characters of one of
    its key words (None: scan everything)."""
    low = text.lower()
    if len(low) != len(text) or _FOLDS.search(text):
        return None
    n = len(text)
    spans: list[list[tuple[int, int]]] = [[] for _ in grammar.RULES]
    keys, digit_rules = _KEYS, _DIGIT_RULES
    for m in _WORD.finditer(low):
        word = m.group()
        orders = keys.get(word, ())
        if not word.isalpha():
            orders = orders + digit_rules
        if not orders:
            continue
        start, end = max(0, m.start() - _WINDOW), min(n, m.end() + _WINDOW)
        for order in orders:
            rule_spans = spans[order]
            if rule_spans and start <= rule_spans[-1][1]:
                rule_spans[-1] = (rule_spans[-1][0], end)
            else:
                rule_spans.append((start, end))
    return spans


def _scan(
    pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]] | None
) -> list[tuple[int, int]]:
    """The extents ``pattern.finditer`` finds in ``text``, looking only inside ``spans`` (no
    match lies outside them; one that reaches a span's edge means a full scan)."""
    if spans is None:
        return [m.span() for m in pattern.finditer(text)]
    n = len(text)
    found: list[tuple[int, int]] = []
    for lo, hi in spans:
        for m in pattern.finditer(text, lo, hi):
            if (m.start() == lo and lo > 0) or (m.end() > hi - 3 and hi < n):
                return [m.span() for m in pattern.finditer(text)]
            found.append(m.span())
    return found


def _parses(doc: Doc, text: str) -> bool:
    """True when ``doc`` is the parse of ``text`` (checked without rebuilding ``doc.text``)."""
    if len(doc) == 0:
        return not text
    last = doc[-1]
    if last.idx + len(last.text_with_ws) != len(text):
        return False
    return all(text.startswith(t.text, t.idx) for t in (doc[0], last, doc[len(doc) // 2]))


def candidates(text: str, *, scan_all: bool = False) -> list[Candidate]:
    """Every guarded candidate extent of every rule (overlapping). Rules are scanned only near
    their key words; ``scan_all`` scans the whole text with every rule (the same result)."""
    out: list[Candidate] = []
    windows = None if scan_all else _windows(text)
    for order, rule in enumerate(grammar.RULES):
        for start, end in _scan(rule.pattern, text, None if windows is None else windows[order]):
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
    background = doc_background(doc) if doc is not None and use_doc else None
    resolver = Resolver(text, dct, tense, background)
    out: list[Timex] = []
    for start, end, rule, _prio, _order in select(cands):
        anchor = resolver.anchor_start
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
                anchor_start=anchor if v.anaphoric else None,
            )
        )
    return _complete_day_ranges(text, out)


_RANGE_LINK = r"\s*(?:-|–|—|to|and|until|till|through)\s*"
# "from 3 to 9 March": the bare day before a tagged "20 September".
_DAY_BEFORE = re.compile(rf"\b(\d{{1,2}}){_RANGE_LINK}$")
# "September 11 to 20": the bare day after a tagged "September 11".
_DAY_AFTER = re.compile(rf"^{_RANGE_LINK}(\d{{1,2}})\b(?![\d:.,]\d|\s*(?:%|per|percent))")
_FULL_DAY = re.compile(r"^(\d{4}-\d{2})-(\d{2})$")


def _complete_day_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """Add the bare day of a day range ("from 3 to 9 March", "May 3-5") as a timex of
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
            extra.append(
                Timex(
                    start, end, day_text, "DATE", value, None, t.basis, t.anaphoric, t.anchor_start
                )
            )
    if not extra:
        return timexes
    return sorted([*timexes, *extra], key=lambda x: x.start)
