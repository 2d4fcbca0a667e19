"""Reading and writing TimeML (TIMEX3 only).

A TimeML document is read into its plain text (the content of ``<TEXT>`` with every tag
removed and XML entities decoded), the TIMEX3 annotations inside ``<TEXT>`` as character
offsets into that plain text, and the document creation time (DCT: the TIMEX3 with
``functionInDocument="CREATION_TIME"``). No XML library is needed: TimeML markup inside
``<TEXT>`` is flat (tags do not nest across TIMEX3 boundaries in practice) and is scanned with
regular expressions, which also tolerates slightly malformed files.
"""

from __future__ import annotations

import datetime as _dt
import html
import pathlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from cstotimeline.records import Timex

_TAG = re.compile(r"<(/?)([A-Za-z_][\w.-]*)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TEXT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT\s*>", re.S)
_DCT_TIMEX = re.compile(r"<TIMEX3\b[^>]*functionInDocument\s*=\s*[\"']CREATION_TIME[\"'][^>]*>")
_DOCID = re.compile(r"<DOCID>\s*(.*?)\s*</DOCID>", re.S)


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """One TimeML document: plain text, gold TIMEX3s (offsets into ``text``) and the DCT."""

    name: str
    text: str
    dct: _dt.date | None
    dct_value: str | None
    timexes: tuple[Timex, ...]


def parse_attrs(attr_text: str) -> dict[str, str]:
    """Attributes of a tag's attribute string, values XML-unescaped."""
    out: dict[str, str] = {}
    for m in _ATTR.finditer(attr_text):
        out[m.group(1)] = html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
    return out


def parse_date_value(value: str | None) -> _dt.date | None:
    """A date for a TIMEX3 value starting ``YYYY-MM-DD`` (or ``YYYYMMDD``), else None."""
    if not value:
        return None
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def strip_tags(marked: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Plain text of ``marked`` and the (start, end, attributes) of each TIMEX3 in it."""
    parts: list[str] = []
    length = 0
    spans: list[tuple[int, int, dict[str, str]]] = []
    open_stack: list[tuple[int, dict[str, str]]] = []
    pos = 0
    for m in _TAG.finditer(marked):
        chunk = html.unescape(marked[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclose = m.group(1), m.group(2), m.group(3), m.group(4)
        if name != "TIMEX3":
            continue
        if closing:
            if open_stack:
                start, attributes = open_stack.pop()
                spans.append((start, length, attributes))
        elif selfclose:
            # Empty (non-consuming) TIMEX3s have no extent; they are not scored.
            continue
        else:
            open_stack.append((length, parse_attrs(attrs)))
    parts.append(html.unescape(marked[pos:]))
    spans.sort(key=lambda s: (s[0], s[1]))
    return "".join(parts), spans


def parse_timeml(source: str, name: str = "") -> TimeMLDoc:
    """Parse TimeML markup into a :class:`TimeMLDoc`."""
    dct_value: str | None = None
    m = _DCT_TIMEX.search(source)
    if m:
        dct_value = parse_attrs(m.group(0)).get("value")
    if not name:
        d = _DOCID.search(source)
        name = d.group(1) if d else ""
    t = _TEXT.search(source)
    body = t.group(1) if t else ""
    text, spans = strip_tags(body)
    timexes = []
    for start, end, attrs in spans:
        timexes.append(
            Timex(
                start=start,
                end=end,
                text=text[start:end],
                type=attrs.get("type", "DATE"),
                value=attrs.get("value", ""),
                mod=attrs.get("mod") or None,
                basis="explicit",
            )
        )
    return TimeMLDoc(
        name=name,
        text=text,
        dct=parse_date_value(dct_value),
        dct_value=dct_value,
        timexes=tuple(timexes),
    )


def read_timeml(path: pathlib.Path) -> TimeMLDoc:
    """Read one .tml file (UTF-8)."""
    return parse_timeml(path.read_text(encoding="utf-8"), name=path.stem)


def iter_timeml_dir(path: pathlib.Path) -> Iterable[TimeMLDoc]:
    """Every ``*.tml`` under ``path`` (recursively, sorted by path); macOS ``._*`` files skipped."""
    for p in sorted(path.rglob("*.tml")):
        if not p.name.startswith("._"):
            yield read_timeml(p)


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _esc_attr(text: str) -> str:
    return html.escape(text, quote=True)


def to_timeml(text: str, timexes: Iterable[Timex]) -> str:
    """``text`` with each timex wrapped in a ``<TIMEX3>`` tag; all text XML-escaped.

    Timexes are numbered ``t1``, ``t2``… in text order; overlapping ones after the first are
    dropped (TimeML extents do not overlap).
    """
    out: list[str] = []
    pos = 0
    n = 0
    for tx in sorted(timexes, key=lambda x: (x.start, -x.end)):
        if tx.start < pos or tx.end <= tx.start or tx.end > len(text):
            continue
        n += 1
        out.append(_esc(text[pos : tx.start]))
        attrs = f'tid="t{n}" type="{_esc_attr(tx.type)}" value="{_esc_attr(tx.value)}"'
        if tx.mod:
            attrs += f' mod="{_esc_attr(tx.mod)}"'
        out.append(f"<TIMEX3 {attrs}>{_esc(text[tx.start : tx.end])}</TIMEX3>")
        pos = tx.end
    out.append(_esc(text[pos:]))
    return "".join(out)


def to_timeml_document(text: str, timexes: Iterable[Timex], dct: _dt.date | None) -> str:
    """A complete TimeML document (DCT + TEXT) for ``text`` and its timexes."""
    dct_part = ""
    if dct is not None:
        dct_part = (
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" '
            f'temporalFunction="false" functionInDocument="CREATION_TIME">'
            f"{dct.isoformat()}</TIMEX3></DCT>\n"
        )
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        + dct_part
        + "<TEXT>"
        + to_timeml(text, timexes)
        + "</TEXT>\n</TimeML>\n"
    )
