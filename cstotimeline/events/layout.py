"""What the text itself marks, before any parse: paragraphs, headings, datelines, quotations.

Headline, standfirst, byline and heading lines carry no sentence-final punctuation; they are
metadata of the article (a heading that is a year dates what follows it), never events. A
dateline opening a paragraph ("MINSK, 23 Nov (Reuters) —") dates the dispatch, not what it
tells. Quotations may run over several paragraphs and mix curly and straight marks.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

OPENING_QUOTES = frozenset('"“«„')
CLOSING_QUOTES = frozenset('"”»“')
QUOTE_MARKS = OPENING_QUOTES | CLOSING_QUOTES
_ONLY_CLOSING = CLOSING_QUOTES - OPENING_QUOTES
# Quotation marks around at most this many words are scare quotes, not reported speech.
SCARE_QUOTE_WORDS = 3
# A "quotation" longer than this is a mismatched quote mark, not a quotation.
MAX_QUOTE = 2000
# A line of at most this many words without sentence-final punctuation is a heading.
HEADING_WORDS = 30
_SENTENCE_END = re.compile(r"[.!?…:;]['\"”’»)\]]*\s*$")
_LINE = re.compile(r"[^\n]+")
# The place (and agency) opening a dateline: "YEREVAN, ", "Astana, ", "MINSK (Reuters) ".
DATELINE_HEAD = re.compile(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}(?: \([\w .-]+\))?,?\s*")
_DASHES = ("—", "–", "-", "(")


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    paragraph: int
    heading: bool


@dataclass(frozen=True)
class Layout:
    """Lines of a text with their paragraph numbers and heading flags, and quotation spans."""

    lines: tuple[Line, ...]
    quotes: tuple[tuple[int, int], ...]
    body_start: int  # offset of the first line that is not a heading

    @classmethod
    def of(cls, text: str) -> Layout:
        lines: list[Line] = []
        paragraph = -1
        prev_end = 0
        for m in _LINE.finditer(text):
            s, e = m.span()
            body = m.group(0)
            stripped = body.strip()
            if not stripped:
                prev_end = e
                continue
            # A new paragraph at every line break: news copy often separates paragraphs with
            # single line breaks, and a wrapped line inside a paragraph ends without a stop
            # only rarely.
            paragraph += 1
            heading = not _SENTENCE_END.search(stripped) and len(stripped.split()) <= HEADING_WORDS
            lines.append(Line(s, e, paragraph, heading))
            prev_end = e
        del prev_end
        body_start = next((ln.start for ln in lines if not ln.heading), len(text))
        return cls(tuple(lines), tuple(quote_spans(text)), body_start)

    def line_at(self, offset: int) -> Line | None:
        starts = [ln.start for ln in self.lines]
        k = bisect.bisect_right(starts, offset) - 1
        if k < 0:
            return None
        ln = self.lines[k]
        return ln if offset < ln.end else None

    def in_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quotes)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech. Curly and straight marks may be mixed; a quotation that is not
    closed ends with its paragraph (news style reopens a quote in each paragraph), unless the
    next quotation mark can only close it."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] not in OPENING_QUOTES:
            i += 1
            continue
        para_end = text.find("\n", i)
        if para_end == -1:
            para_end = n
        j = i + 1
        while j < para_end and text[j] not in CLOSING_QUOTES:
            j += 1
        end = min(j + 1, para_end)
        if j >= para_end:
            k = para_end
            while k < n and k - i <= MAX_QUOTE and text[k] not in QUOTE_MARKS:
                k += 1
            if k < n and k - i <= MAX_QUOTE and text[k] in _ONLY_CLOSING:
                end = k + 1
        words = len(text[i + 1 : end - 1].split())
        if end - i <= MAX_QUOTE and words > SCARE_QUOTE_WORDS:
            spans.append((i, end))  # a quoted word or two ("frozen") is not speech
        i = end
    return spans


def in_dateline(text: str, start: int, end: int) -> bool:
    """ "ASTANA, 29.11.2024 — Armenia did not attend …": a date between the place opening a
    line and a dash dates the dispatch."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    tail = text[end : end + 4].lstrip(" ,")
    return bool(DATELINE_HEAD.fullmatch(head)) and tail[:1] in _DASHES


def last_char(text: str, end: int) -> str:
    """The last character of ``text[:end]`` that is not white space ("" if none)."""
    i = min(end, len(text)) - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""
