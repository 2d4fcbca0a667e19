"""Reading input documents: paths, directories and stdin → :class:`~cstotimeline.records.Document`.

This is the only place that touches input files. It never raises for a bad input: each problem
is reported once through the ``warn`` callback (messages from :mod:`cstotimeline.errors`) and
reading goes on with the next input. Only a bad ``--manifest`` raises (a usage error, raised
when :func:`iter_documents` is called, before anything is read).

Decoding
    UTF-8 (a BOM is dropped), UTF-32/UTF-16 with a BOM, UTF-16 without a BOM when the NUL bytes
    say so, otherwise a guess among common 8-bit code pages (Western and Cyrillic first, then
    charset-normalizer); anything that is not plain UTF-8 is reported with ``E_DECODED``. Files
    with a known binary signature (PDF, PNG, JPEG, GIF, ZIP, gzip, ...), NUL bytes or many
    control characters are skipped with ``E_BINARY``. Line endings are kept as they are.

Headers
    A metadata block at the very top of a file is recognised and cut off the text:

    - YAML-style front matter between ``---`` lines (any ``key: value`` lines; ``published``,
      ``date``, ``url``, ``outlet``/``source``/``publisher`` and ``title`` are used), or
    - a run of ``Key: value`` lines from the first line on, keys among :data:`HEADER_KEYS`
      (``Date: 10 January 2023``, ``published: 2023-11-24``, ``Title: ...``).

    The whole block goes, *including the title*: a ``Document`` holds one contiguous stretch of
    the decoded file (``decoded[doc.offset:] == doc.text``), so the title cannot be kept apart
    from the rest of the block. Blank lines after the block go too, so the text starts at the
    first line of the body. A ``Published:``/``Date:`` line further down (within the first five
    non-blank lines, e.g. under a headline) still gives the date, but is left in the text.

Directories
    A directory contributes its article-like files: ``*.txt`` and ``*.md`` files, sorted,
    hidden ones left out, and never a folder's own documents (README, LICENSE, CHANGELOG,
    index, manifest, ... :data:`NOT_ARTICLES`, whatever their extension). What a directory
    skips is said in one warning per directory (``W_NOT_ARTICLES``).

Manifest
    With a manifest, every file a directory contributes is read: one the manifest does not
    list is read with a warning (``W_NOT_IN_MANIFEST``: it has no publication date, address
    or outlet from it); a file the manifest lists is read even when its name is one of
    :data:`NOT_ARTICLES`. After the inputs, every manifest row whose file was not read and
    does not exist beside the manifest is reported (``W_MANIFEST_MISSING``). Files named
    explicitly are always read.

Publication date, the first found wins (``Document.published_basis``):
    ``option`` (the ``published`` argument), ``manifest``, ``header``, ``filename`` (an ISO
    ``YYYY-MM-DD`` in the file's name), ``dateline`` (a line in the first five non-blank lines
    of the body that starts with a date: ``14 Sep, 2022 14:39``, ``November 24, 2023``,
    ``MINSK, Nov. 23 (Reuters) -``; a dateline without a year is used only when every full date
    and "Month YYYY" in the text names the same year), ``inferred`` (the latest full date
    written out in the text, with a warning), else ``unknown`` (with a warning). Today's date is
    never used.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import itertools
import os
import posixpath
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from cstotimeline import errors
from cstotimeline.records import Document

__all__ = [
    "HEADER_KEYS",
    "STDIN",
    "STDIN_LABEL",
    "W_MANIFEST_BAD_DATE",
    "BinaryInputError",
    "IngestStats",
    "ManifestEntry",
    "decode_bytes",
    "find_published",
    "iter_documents",
    "parse_date",
    "parse_header_date",
    "read_manifest",
    "warn_stderr",
]

# A manifest row whose date cannot be read (the row is ignored).
W_MANIFEST_BAD_DATE = errors.E_MANIFEST_BAD_DATE

STDIN = "-"
# How stdin is named in warnings ("-: binary file, skipped" reads badly).
STDIN_LABEL = "<stdin>"

TEXT_SUFFIXES = (".txt", ".md")
# File names (without extension, lower-cased) of a folder's own documents: never articles when
# a directory is searched (a file named on the command line, or listed in the manifest, is).
NOT_ARTICLES = frozenset(
    {
        "readme",
        "license",
        "licence",
        "copying",
        "notice",
        "authors",
        "contributors",
        "contributing",
        "changelog",
        "changes",
        "history",
        "news",
        "code_of_conduct",
        "security",
        "todo",
        "index",
        "manifest",
    }
)
# How many non-blank lines at the top are searched for a header date line or a dateline.
TOP_LINES = 5
# Front matter longer than this is not front matter (e.g. a Markdown rule and text).
MAX_FRONT_MATTER_LINES = 60

Warn = Callable[[str], None]


def warn_stderr(message: str) -> None:
    """The default ``warn``: one line on stderr."""
    print(f"cstotimeline: warning: {message}", file=sys.stderr)


@dataclass
class IngestStats:
    """Counters updated by :func:`iter_documents` as it goes.

    ``read``: documents yielded. ``skipped``: inputs given up on with a warning (missing,
    unreadable, not a regular file, empty, binary, directory without text files).
    """

    read: int = 0
    skipped: int = 0


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """One usable row of a manifest TSV."""

    file: str
    published: datetime.date | None
    url: str | None = None
    outlet: str | None = None
    line: int = 0


class BinaryInputError(ValueError):
    """Raised by :func:`decode_bytes` for data that is not text."""


# --------------------------------------------------------------------------------------------
# Dates: a small table-driven parser (no dateparser; only written-out calendar dates).

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "febr": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"

# (name, pattern); every pattern has groups d, y and either m or mon. Full dates only.
_FULL_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("iso", r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)"),
        ("ymd-slash", r"(?<![\d/])(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?![\d/])"),
        ("dmy-dot", r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d.])"),
        ("d-month-y", rf"\b{_DAY}(?:\s+of)?(?:\s+|-){_MON}(?:,?\s+|-){_YEAR}"),
        ("month-d-y", rf"\b{_MON}\s*{_DAY},?\s+{_YEAR}"),
    )
)
# Day and month without a year (datelines only).
_PARTIAL_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("d-month", rf"\b{_DAY}\s+{_MON}"),
        ("month-d", rf"\b{_MON}\s*{_DAY}(?![\d:])"),
    )
)
_MONTH_YEAR = re.compile(rf"\b{_MON}\s+{_YEAR}", re.IGNORECASE)


def _ymd(match: re.Match[str]) -> tuple[int | None, int, int] | None:
    groups = match.groupdict()
    month = int(groups["m"]) if groups.get("m") else MONTHS[groups["mon"].lower().rstrip(".")]
    year = int(groups["y"]) if groups.get("y") else None
    day = int(groups["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year, month, day


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_header_date(value: str) -> datetime.date | None:
    """The date of a header field: :func:`parse_date`, else dateparser for the formats and
    languages the table does not know ("24 ноября 2023", "le 24 novembre 2023", "2023年11月24日").

    dateparser is a well-kept library for exactly this (hundreds of locales); it is imported only
    here, on this rare path. Its answer counts only when the value spells out a day, a month and
    the year it returns, so a relative word ("yesterday") can never smuggle in today's date.
    """
    found = parse_date(value)
    if found is not None or not value.strip():
        return found
    year = re.search(r"(?<!\d)(\d{4})(?!\d)", value)
    if year is None:
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    settings = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    try:
        parsed = dateparser.parse(value[:100], settings=settings)
    except Exception:  # dateparser may raise anything on odd input
        return None
    if parsed is None or parsed.year != int(year.group(1)):
        return None
    return parsed.date()


def parse_date(value: str, *, strict: bool = False) -> datetime.date | None:
    """A full calendar date at the start of ``value`` (a header or manifest field), or None.

    Accepts ``2023-11-24`` (also ``2023-11-24T10:00:00+04:00``), ``2023/11/24``,
    ``24.11.2023``, ``24 November 2023``, ``24 Nov. 2023``, ``Nov 24, 2023``,
    ``November 24th, 2023``, optionally after a weekday (``Friday, 24 November 2023``) and
    inside quotes. Whatever follows the date (a time, a time zone) is ignored, unless
    ``strict``: then the value must be the date and nothing else (for command-line options).
    """
    text = value.strip().strip("\"'").strip()
    weekday = re.match(_WEEKDAY, text, re.IGNORECASE)
    if weekday:
        text = text[weekday.end() :]
    for _name, pattern in _FULL_DATE_PATTERNS:
        match = pattern.match(text)
        if match is None or (strict and match.end() != len(text)):
            continue
        ymd = _ymd(match)
        if ymd is not None and ymd[0] is not None:
            return _make_date(ymd[0], ymd[1], ymd[2])
    return None


def _full_dates(text: str) -> Iterator[datetime.date]:
    """Every full date written out in ``text`` (day, month and year), in no particular order."""
    for _name, pattern in _FULL_DATE_PATTERNS:
        for match in pattern.finditer(text):
            ymd = _ymd(match)
            if ymd is not None and ymd[0] is not None:
                found = _make_date(ymd[0], ymd[1], ymd[2])
                if found is not None:
                    yield found


def _explicit_years(text: str) -> set[int]:
    """Years of the full dates and "Month YYYY" expressions in ``text``."""
    years = {d.year for d in _full_dates(text)}
    years.update(int(m.group("y")) for m in _MONTH_YEAR.finditer(text))
    return years


# --------------------------------------------------------------------------------------------
# Decoding.

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh91AY&SY", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x7fELF", "ELF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# 8-bit code pages tried first, in order of preference when they explain the bytes equally
# well (English-language news: Western European first, then Cyrillic).
_EIGHT_BIT = ("cp1252", "cp1251", "koi8-r", "cp1250", "iso8859-15", "cp1253", "cp1254", "cp866")
# Controls allowed in text (tab, line feed, vertical tab, form feed, carriage return, and the
# DOS end-of-file mark).
_TEXT_CONTROLS = frozenset("\t\n\x0b\x0c\r\x1a")
_CONTROL_SHARE = 0.02
_SAMPLE_CHARS = 65536
# Characters outside letters that 8-bit text commonly holds.
_PLAUSIBLE_SYMBOLS = frozenset("“”‘’„‚«»–—…•°€£¥§©®™±×·\u00a0№")


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return False
    controls = sum(
        1
        for ch in sample
        if ch not in _TEXT_CONTROLS and (ch < " " or "\x7f" <= ch <= "\x9f" or ch == "\ufffd")
    )
    return controls / len(sample) > _CONTROL_SHARE


def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "other"
    return name.split(" ", 1)[0]


def _plausibility(text: str) -> int:
    """How natural the non-ASCII part of ``text`` looks (higher is better).

    Each non-ASCII letter counts +1 in a plausible word and -2 in an implausible one; each
    non-ASCII non-letter +1 if it is a common symbol, else -2.
    """
    score = 0
    for word in re.finditer(r"[^\W\d_]+", text):
        w = word.group()
        if w.isascii():
            continue
        scripts = {_script(c) for c in w if not c.isascii()}
        accented = sum(1 for c in w if not c.isascii())
        if any(a.islower() and b.isupper() for a, b in itertools.pairwise(w)):
            score -= 2 * accented  # "аРМЕНИЯ": Cyrillic read with the wrong code page
        elif scripts == {"LATIN"}:
            # "déclaré" is fine, "Àðìåíèÿ" (Russian read as cp1252) is not.
            score += accented if accented <= max(2, 0.6 * len(w)) else -2 * accented
        elif len(scripts) == 1 and accented == len(w):
            score += accented  # a word wholly in one other script
        else:
            score -= 2 * accented  # mixed scripts: "dйclarй"
    for ch in text:
        if not ch.isascii() and not ch.isalpha():
            score += 1 if ch in _PLAUSIBLE_SYMBOLS else -2
    return score


def _guess_encoding(data: bytes) -> str:
    """The codec that decodes ``data`` into the most plausible text."""
    best: tuple[int, str] | None = None
    sample = data[:_SAMPLE_CHARS]
    for encoding in _EIGHT_BIT:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, encoding)
    if best is not None and best[0] > 0:
        return best[1]
    import charset_normalizer

    match = charset_normalizer.from_bytes(data).best()
    if match is not None and match.encoding:
        return codecs.lookup(match.encoding).name
    return best[1] if best is not None else "latin-1"


def _nul_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit at every other position (BOM-less UTF-16)."""
    if len(data) < 2 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    if odd.count(0) >= 0.6 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.6 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode a file's bytes: ``(text, encoding)``, ``encoding`` None for plain UTF-8.

    A UTF-8 BOM is dropped and counts as plain UTF-8; UTF-16/UTF-32 BOMs are dropped and the
    encoding is returned (``"utf-16-le"``). Raises :class:`BinaryInputError` for data that is
    not text. Line endings are left alone.
    """
    for magic, _kind in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(_kind)
    text: str | None = None
    encoding: str | None = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data[len(bom) :].decode(name), name
            except UnicodeDecodeError as exc:
                raise BinaryInputError(str(exc)) from None
            break
    else:
        if b"\x00" in data:
            name16 = _nul_utf16(data)
            if name16 is None:
                raise BinaryInputError("NUL bytes")
            try:
                text, encoding = data.decode(name16), name16
            except UnicodeDecodeError as exc:
                raise BinaryInputError(str(exc)) from None
        else:
            body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                encoding = _guess_encoding(body)
                text = body.decode(encoding, errors="replace")
    if _looks_binary(text):
        raise BinaryInputError("control characters")
    return text, encoding


# --------------------------------------------------------------------------------------------
# Headers, file names, datelines.

# Keys of a plain "Key: value" header block at the top of a file.
HEADER_KEYS = frozenset(
    {
        "title",
        "headline",
        "published",
        "publication date",
        "date published",
        "date",
        "dated",
        "pubdate",
        "url",
        "link",
        "source url",
        "outlet",
        "source",
        "publisher",
        "author",
        "authors",
        "byline",
        "by",
        "updated",
        "language",
        "lang",
    }
)
_DATE_KEYS = ("published", "publication date", "date published", "pubdate", "date", "dated")
_URL_KEYS = ("url", "link", "source url", "canonical url")
_OUTLET_KEYS = ("outlet", "publisher", "source", "site", "site name")

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
_KEY_VALUE = re.compile(r"^\s*([A-Za-z][A-Za-z _-]{0,30}?)\s*:\s*(.*?)\s*$")
_FENCE = re.compile(r"^---\s*$")
_FENCE_END = re.compile(r"^(?:---|\.\.\.)\s*$")
_YAML_OTHER = re.compile(r"^(?:\s*$|\s*#|\s+\S|\s*-\s)")
_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?!\d)")
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][^\W\d_]*(?:[ .'’-]+[^\W\d_]+)*\.?,\s+)?"  # location: "MINSK, " "Yerevan, "
    rf"{_WEEKDAY}?"
)
_DATELINE_TAIL = re.compile(
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[aApP]\.?[mM]\.?)?)?"  # time
    r"(?:\s*\(?(?:UTC|GMT)[^)\r\n]{0,12}\)?|\s+[A-Z]{2,4}T?\b)?"  # time zone
    r"(?:\s*\([A-Z][^()\r\n]{0,30}\))?"  # "(Reuters)"
    r"\s*(?:[-–—|/:]|$)"
)


@dataclass
class _Header:
    """What the top of a file says about itself."""

    offset: int = 0  # characters before the body (0: nothing cut)
    published: datetime.date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    fields: dict[str, str] = field(default_factory=dict)


def _lines(text: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(start, line without its ending, end after the ending)`` for each line from ``start``."""
    pos = start
    n = len(text)
    while pos < n:
        match = _LINE.match(text, pos)
        assert match is not None  # the pattern matches the empty string
        yield pos, match.group(1), match.end()
        if match.end() == pos:
            break
        pos = match.end()


def _skip_blank(text: str, pos: int) -> int:
    for start, line, _end in _lines(text, pos):
        if line.strip():
            return start
    return len(text)


def _norm_key(key: str) -> str:
    return re.sub(r"[\s_-]+", " ", key.strip().lower())


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return value


def _fill_header(header: _Header, fields: dict[str, str]) -> None:
    header.fields = fields
    for key in _DATE_KEYS:
        if key in fields:
            found = parse_header_date(fields[key])
            if found is not None:
                header.published = found
                break
    header.url = next((fields[k] for k in _URL_KEYS if fields.get(k)), None)
    for key in _OUTLET_KEYS:
        value = fields.get(key)
        if not value:
            continue
        if re.match(r"https?://", value):
            header.url = header.url or value
            continue
        header.outlet = value
        break
    header.title = fields.get("title") or fields.get("headline") or None


def _front_matter(text: str, first: int) -> _Header | None:
    """YAML-style front matter starting at ``first`` (a ``---`` line), or None."""
    lines = _lines(text, first)
    opening = next(lines, None)
    if opening is None or not _FENCE.match(opening[1]):
        return None
    fields: dict[str, str] = {}
    for count, (_start, line, end) in enumerate(lines):
        if count > MAX_FRONT_MATTER_LINES:
            return None
        if _FENCE_END.match(line):
            header = _Header(offset=_skip_blank(text, end))
            _fill_header(header, fields)
            return header
        kv = _KEY_VALUE.match(line)
        if kv and not line[:1].isspace():
            fields.setdefault(_norm_key(kv.group(1)), _unquote(kv.group(2)))
        elif not _YAML_OTHER.match(line):
            return None
    return None


def _header_block(text: str, first: int) -> _Header | None:
    """A run of ``Key: value`` lines (keys in :data:`HEADER_KEYS`) starting at ``first``."""
    fields: dict[str, str] = {}
    end_of_block = first
    for _start, line, end in _lines(text, first):
        kv = _KEY_VALUE.match(line)
        if not kv or _norm_key(kv.group(1)) not in HEADER_KEYS or not kv.group(2):
            break
        fields.setdefault(_norm_key(kv.group(1)), _unquote(kv.group(2)))
        end_of_block = end
    if not fields:
        return None
    header = _Header(offset=_skip_blank(text, end_of_block))
    _fill_header(header, fields)
    return header


def _top_lines(text: str, start: int, limit: int = TOP_LINES) -> Iterator[str]:
    """The first ``limit`` non-blank lines from ``start``."""
    count = 0
    for _s, line, _e in _lines(text, start):
        if line.strip():
            yield line
            count += 1
            if count >= limit:
                return


def _read_header(text: str) -> _Header:
    first = _skip_blank(text, 0)
    header = _front_matter(text, first) or _header_block(text, first)
    if header is not None:
        return header
    header = _Header()
    # A "Published: ..." line under a headline: use the date, keep the text whole.
    for line in _top_lines(text, first):
        kv = _KEY_VALUE.match(line)
        if kv and _norm_key(kv.group(1)) in _DATE_KEYS:
            found = parse_header_date(kv.group(2))
            if found is not None:
                header.published = found
                break
    return header


def _filename_date(filename: str) -> datetime.date | None:
    for match in _FILENAME_DATE.finditer(os.path.basename(filename)):
        found = _make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if found is not None:
            return found
    return None


def _dateline_in(line: str) -> tuple[int | None, int, int] | None:
    """``(year or None, month, day)`` when ``line`` starts with a dateline."""
    lead = _DATELINE.match(line)
    candidates = [0] if lead is None or lead.end() == 0 else [0, lead.end()]
    for pos in candidates:
        for patterns in (_FULL_DATE_PATTERNS, _PARTIAL_DATE_PATTERNS):
            for _name, pattern in patterns:
                match = pattern.match(line, pos)
                if match is None:
                    continue
                if not _DATELINE_TAIL.match(line, match.end()):
                    continue
                ymd = _ymd(match)
                if ymd is not None:
                    return ymd
    return None


def _dateline(text: str, body_start: int) -> datetime.date | None:
    for line in _top_lines(text, body_start):
        ymd = _dateline_in(line)
        if ymd is None:
            continue
        year, month, day = ymd
        if year is None:
            years = _explicit_years(text[body_start:])
            if len(years) != 1:
                continue
            year = years.pop()
        found = _make_date(year, month, day)
        if found is not None:
            return found
    return None


def _inferred(text: str) -> datetime.date | None:
    return max(_full_dates(text), default=None)


def _find_published(text: str, filename: str) -> tuple[datetime.date | None, str, int, _Header]:
    header = _read_header(text)
    if header.published is not None:
        return header.published, "header", header.offset, header
    found = _filename_date(filename) if filename else None
    if found is not None:
        return found, "filename", header.offset, header
    found = _dateline(text, header.offset)
    if found is not None:
        return found, "dateline", header.offset, header
    found = _inferred(text[header.offset :])
    if found is not None:
        return found, "inferred", header.offset, header
    return None, "unknown", header.offset, header


def find_published(text: str, filename: str) -> tuple[datetime.date | None, str, int]:
    """The publication date the file itself gives: ``(date, basis, body offset)``.

    ``basis`` is ``header``, ``filename``, ``dateline``, ``inferred`` or ``unknown`` (date
    None). ``body offset`` is the length of a recognised header block at the top (0 if none);
    it is returned whatever the basis. ``filename`` may be a path; only its last part is used.
    """
    found, basis, offset, _header = _find_published(text, filename)
    return found, basis, offset


# --------------------------------------------------------------------------------------------
# Manifest.


def read_manifest(path: Path, *, warn: Warn = warn_stderr) -> dict[str, ManifestEntry]:
    """Read a manifest TSV (columns ``file``, ``published``; optional ``url``, ``outlet``).

    Returns the entries keyed by the path as written (normalised: ``./a.txt`` → ``a.txt``) and
    by its base name (a path written as a bare name wins, then the first row). An empty
    ``published`` cell gives an entry without a date (its url/outlet are still used); a
    ``published`` that is not a date is reported with :data:`W_MANIFEST_BAD_DATE` and the row
    is ignored. Raises :class:`errors.UsageError` when the file cannot be read or lacks the
    ``file``/``published`` columns.
    """

    def usage(reason: str) -> errors.UsageError:
        return errors.UsageError(errors.E_MANIFEST.format(path=path, reason=reason))

    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except UnicodeDecodeError:
        raise usage("not UTF-8 text") from None
    except OSError as exc:
        raise usage(exc.strerror or str(exc)) from None
    except csv.Error as exc:
        raise usage(str(exc)) from None
    header_index = next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), None)
    if header_index is None:
        raise usage("empty file")
    columns = [c.strip().lower() for c in rows[header_index]]
    missing = [name for name in ("file", "published") if name not in columns]
    if missing:
        raise usage("missing column " + ", ".join(repr(m) for m in missing))

    def cell(row: list[str], name: str) -> str:
        if name not in columns:
            return ""
        i = columns.index(name)
        return row[i].strip() if i < len(row) else ""

    entries: dict[str, ManifestEntry] = {}
    for number, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        name = cell(row, "file")
        if not name or name.startswith("#"):
            continue
        raw_date = cell(row, "published")
        published = parse_date(raw_date) if raw_date else None
        if raw_date and published is None:
            warn(W_MANIFEST_BAD_DATE.format(path=path, line=number, value=raw_date, file=name))
            continue
        entry = ManifestEntry(
            file=name,
            published=published,
            url=cell(row, "url") or None,
            outlet=cell(row, "outlet") or None,
            line=number,
        )
        entries.setdefault(posixpath.normpath(name.replace(os.sep, "/")), entry)
    # Base names come second: a row written "c.txt" beats the base name of "sub/c.txt".
    for written, entry in list(entries.items()):
        entries.setdefault(posixpath.basename(written), entry)
    return entries


def _manifest_entry(
    entries: dict[str, ManifestEntry], source: str, manifest_dir: Path | None
) -> ManifestEntry | None:
    """The row for ``source``: by the path as given, relative to the manifest, or base name."""
    if not entries:
        return None
    if source == STDIN:
        return entries.get(STDIN)
    keys = [posixpath.normpath(source.replace(os.sep, "/"))]
    if manifest_dir is not None:
        try:
            rel = os.path.relpath(os.path.realpath(source), os.path.realpath(manifest_dir))
        except ValueError:  # different drives on Windows
            rel = None
        if rel is not None and not rel.startswith(".."):
            keys.append(posixpath.normpath(rel.replace(os.sep, "/")))
    keys.append(os.path.basename(source))
    for key in keys:
        if key in entries:
            return entries[key]
    return None


# --------------------------------------------------------------------------------------------
# Walking the inputs.


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def not_an_article(name: str) -> bool:
    """Whether a file name is a folder's own document (README.md, LICENSE.txt, index.md ...)."""
    stem = name.split(".", 1)[0].lower()
    return stem in NOT_ARTICLES


def _walk(
    directory: str,
    warn: Warn,
    stats: IngestStats,
    listed: Callable[[str], bool] = lambda _path: False,
) -> list[str] | None:
    """The ``*.txt``/``*.md`` files under ``directory``, sorted, hidden ones and a folder's own
    documents (:func:`not_an_article`, unless ``listed``) left out, with one warning naming
    those left out.

    Returns None (after warning) when the directory itself cannot be read.
    """
    found: list[tuple[tuple[str, ...], str]] = []
    failed: list[OSError] = []
    documents: list[str] = []
    for root, dirs, files in os.walk(directory, onerror=failed.append):
        dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
        for name in files:
            if _is_hidden(name) or not name.lower().endswith(TEXT_SUFFIXES):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, directory)
            if not_an_article(name) and not listed(path):
                documents.append(rel)
                continue
            found.append((tuple(rel.split(os.sep)), path))
    if documents:
        warn(
            errors.W_NOT_ARTICLES.format(
                path=directory, count=len(documents), files=", ".join(sorted(documents))
            )
        )
    for exc in failed:
        where = exc.filename if exc.filename is not None else directory
        warn(errors.E_UNREADABLE.format(path=where, reason=exc.strerror or str(exc)))
        stats.skipped += 1
        if os.path.normpath(str(where)) == os.path.normpath(directory):
            return None
    found.sort()
    return [path for _key, path in found]


def iter_documents(
    paths: Sequence[str],
    *,
    published: datetime.date | None = None,
    manifest: Path | None = None,
    warn: Warn = warn_stderr,
    stdin: BinaryIO | None = None,
    stats: IngestStats | None = None,
) -> Iterator[Document]:
    """Read ``paths`` lazily into documents, in a deterministic order.

    ``paths``: files (read whatever their extension), directories (searched recursively for
    ``*.txt``/``*.md``, sorted, hidden files and directories left out, symlinked directories
    not followed) and ``"-"`` for ``stdin`` (default ``sys.stdin.buffer``; empty stdin yields
    nothing and says nothing). The same file reached twice is read once. Every input that cannot
    be used is reported once through ``warn`` and skipped. ``stats``, when given, is updated as
    documents are yielded or inputs skipped.

    The manifest is read now, so a bad one raises :class:`errors.UsageError` before anything
    else happens.
    """
    entries = read_manifest(manifest, warn=warn) if manifest is not None else {}
    return _iter(
        list(paths),
        published=published,
        entries=entries,
        manifest=manifest,
        warn=warn,
        stdin=stdin,
        stats=stats if stats is not None else IngestStats(),
    )


def _iter(
    paths: list[str],
    *,
    published: datetime.date | None,
    entries: dict[str, ManifestEntry],
    manifest: Path | None,
    warn: Warn,
    stdin: BinaryIO | None,
    stats: IngestStats,
) -> Iterator[Document]:
    seen: set[tuple[int, int]] = set()
    manifest_dir = manifest.parent if manifest is not None else None
    used: set[int] = set()  # the lines of the manifest rows that inputs matched

    def skip(message: str) -> None:
        warn(message)
        stats.skipped += 1

    def make(source: str, data: bytes, label: str) -> Document | None:
        entry = _manifest_entry(entries, source, manifest_dir)
        if entry is not None:
            used.add(entry.line)
        doc = _document(source, data, label, published, entries, manifest_dir, skip, warn)
        if doc is not None:
            stats.read += 1
        return doc

    def from_file(path: str, st: os.stat_result) -> Document | None:
        # Not a generator: the file's bytes are dropped before the document is yielded.
        if not stat.S_ISREG(st.st_mode):  # never open a FIFO, socket or device
            skip(errors.E_NOT_A_FILE.format(path=path))
            return None
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return None
        seen.add(key)
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            skip(errors.E_UNREADABLE.format(path=path, reason=exc.strerror or str(exc)))
            return None
        return make(path, data, path)

    def stat_or_warn(path: str) -> os.stat_result | None:
        try:
            return os.stat(path)
        except FileNotFoundError:  # also a dangling symlink
            skip(errors.E_MISSING_PATH.format(path=path))
        except OSError as exc:
            skip(errors.E_UNREADABLE.format(path=path, reason=exc.strerror or str(exc)))
        return None

    for path in paths:
        doc: Document | None = None
        if path == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                data = stream.read()
            except OSError as exc:
                skip(errors.E_UNREADABLE.format(path=STDIN_LABEL, reason=exc.strerror or str(exc)))
                continue
            if data and not data.isspace():  # empty stdin: nothing to say
                doc = make(STDIN, data, STDIN_LABEL)
            del data
        else:
            st = stat_or_warn(path)
            if st is None:
                continue
            if not stat.S_ISDIR(st.st_mode):
                doc = from_file(path, st)
            else:
                files = _walk(
                    path,
                    warn,
                    stats,
                    lambda f: _manifest_entry(entries, f, manifest_dir) is not None,
                )
                if files is not None and not files:
                    skip(errors.E_NO_TEXT_FILES.format(path=path))
                for file_path in files or ():
                    if entries and _manifest_entry(entries, file_path, manifest_dir) is None:
                        warn(errors.W_NOT_IN_MANIFEST.format(path=file_path, manifest=manifest))
                    file_st = stat_or_warn(file_path)
                    file_doc = from_file(file_path, file_st) if file_st is not None else None
                    if file_doc is not None:
                        yield file_doc
        if doc is not None:
            yield doc
    if manifest is not None:
        _missing_rows(entries, used, manifest, warn)


def _missing_rows(
    entries: dict[str, ManifestEntry], used: set[int], manifest: Path, warn: Warn
) -> None:
    """Warn about each manifest row that no input matched and whose file is not there."""
    rows = {e.line: e for e in entries.values()}
    for line in sorted(rows):
        entry = rows[line]
        if line in used or (manifest.parent / entry.file).exists():
            continue
        warn(errors.W_MANIFEST_MISSING.format(path=manifest, line=line, file=entry.file))


def _text_path(path: str) -> str:
    """``path`` as writable text: bytes of a file name that are not valid in the file system's
    encoding (which ``os`` hands over as lone surrogates) become U+FFFD, so that the name can be
    written out as UTF-8 (JSON, CSV) and hashed into event ids."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return os.fsencode(path).decode("utf-8", "replace")
        except UnicodeError:
            return re.sub("[\ud800-\udfff]", "\ufffd", path)
    return path


def _document(
    source: str,
    data: bytes,
    label: str,
    published: datetime.date | None,
    entries: dict[str, ManifestEntry],
    manifest_dir: Path | None,
    skip: Warn,
    warn: Warn,
) -> Document | None:
    """Turn one input's bytes into a document, or report why not (and return None).

    An empty or blank article (also a header with no body) is a document with no events,
    reported with ``E_EMPTY``: it counts as read, so a run of only such files exits 0.
    """
    if not data or data.isspace():
        text, encoding = data.decode("ascii"), None
    else:
        try:
            text, encoding = decode_bytes(data)
        except BinaryInputError:
            skip(errors.E_BINARY.format(path=label))
            return None
    blank = not text or text.isspace()
    if encoding is not None and not blank:
        warn(errors.E_DECODED.format(path=label, encoding=encoding))
    filename = "" if source == STDIN else os.path.basename(source)
    found, basis, offset, header = _find_published(text, filename)
    body = text[offset:]
    blank = blank or not body or body.isspace()
    entry = _manifest_entry(entries, source, manifest_dir)
    if published is not None:
        found, basis = published, "option"
    elif entry is not None and entry.published is not None:
        found, basis = entry.published, "manifest"
    elif blank:
        pass  # nothing to date: no warning about the publication date
    elif basis == "inferred":
        warn(errors.E_PUBLISHED_INFERRED.format(path=label, date=found))
    elif basis == "unknown":
        warn(errors.E_PUBLISHED_UNKNOWN.format(path=label))
    if blank:
        warn(errors.E_EMPTY.format(path=label))
    return Document(
        source=_text_path(source),
        text=body,
        published=found,
        published_basis=basis,
        url=(entry.url if entry is not None else None) or header.url,
        outlet=(entry.outlet if entry is not None else None) or header.outlet,
        offset=offset,
    )
