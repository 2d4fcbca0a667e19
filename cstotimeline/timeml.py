"""Reading and writing TimeML (TIMEX3; EVENT, MAKEINSTANCE and TLINK when writing).

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


# Characters XML 1.0 does not allow (C0 controls but tab and line breaks, lone surrogates,
# U+FFFE/U+FFFF): written as U+FFFD, one character for one, so offsets do not move.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A well-formed TIMEX3 value (TimeML 1.2.1 and TempEval-3 conventions): a calendar date at any
# granularity with X placeholders, weeks, weekends, quarters, halves, seasons, parts of day,
# times, durations, and the reference words.
_YEAR = r"(?:\d{4}|\d{3}X|\d{2}XX|XXXX|\d{1,3})"
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_WEEK = r"W(?:0[1-9]|[1-4]\d|5[0-3]|XX)"
_DATE_VALUE = (
    rf"{_YEAR}(?:-(?:{_MONTH}(?:-{_DAY})?|{_WEEK}(?:-(?:[1-7]|WE))?"
    r"|WE|Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
)
_TIME_PART = r"T(?:(?:[01]\d|2[0-4])(?::[0-5]\d(?::(?:[0-5]\d|60)(?:\.\d+)?)?)?|MO|MI|AF|EV|NI|DT)"
_NUMBER = r"(?:\d+(?:\.\d+)?|X)"
_DURATION_VALUE = (
    rf"P(?:(?:{_NUMBER}[YMWDLCE]|{_NUMBER}(?:DE|CE))+(?:T(?:{_NUMBER}[HMS])+)?"
    rf"|T(?:{_NUMBER}[HMS])+|{_NUMBER}(?:Q|H|WE|MO|MI|AF|EV|NI|DT))"
)
TIMEX3_VALUE = re.compile(
    rf"(?:{_DATE_VALUE}(?:{_TIME_PART})?|{_TIME_PART}|{_DURATION_VALUE}"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF)"
)
TIMEX3_TYPES = ("DATE", "TIME", "DURATION", "SET")
TIMEX3_MODS = (
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
    "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX",
)  # fmt: skip


def valid_value(value: str) -> bool:
    """True when ``value`` is a well-formed TIMEX3 value (``2023-11``, ``XXXX-WXX-5``,
    ``1998-Q4``, ``2013-03-21TEV``, ``P2Y``, ``PT3H``, ``PAST_REF``…)."""
    return TIMEX3_VALUE.fullmatch(value) is not None


def _esc(text: str) -> str:
    """Character data: ``&``, ``<`` and ``>`` escaped, a carriage return as ``&#13;`` (an XML
    parser would turn a raw one into a line feed), characters XML forbids as U+FFFD."""
    return html.escape(_NOT_XML.sub("\ufffd", text), quote=False).replace("\r", "&#13;")


def _esc_attr(text: str) -> str:
    return html.escape(_NOT_XML.sub("\ufffd", text), quote=True).replace("\r", "&#13;")


@dataclass(frozen=True, slots=True)
class EventTag:
    """A TimeML EVENT to mark in the text, with its instance and its time link.

    ``time`` is the extent of the TIMEX3 that dates it (an ``IS_INCLUDED`` link to it); with
    ``at_dct`` it is dated by the document creation time instead. ``note`` becomes an XML
    comment before its MAKEINSTANCE (the chronology's event id and date).
    """

    start: int
    end: int
    event_class: str = "OCCURRENCE"
    tense: str = "NONE"
    aspect: str = "NONE"
    pos: str = "VERB"
    polarity: str = "POS"
    modality: str | None = None
    time: tuple[int, int] | None = None
    at_dct: bool = False
    note: str | None = None


@dataclass
class _Marked:
    body: str
    tids: dict[tuple[int, int], str]  # timex extent → tid
    eids: list[tuple[str, EventTag]]  # (eid, event) in text order


def _anchor(tx: Timex, tids: dict[int, str], dct_id: str | None) -> str | None:
    """The tid a relative expression is computed from: the DCT for a deictic one ("last
    Thursday"); for an anaphoric one ("two days later") the expression that gave the
    narrative's time it was resolved against (``Timex.anchor_start``), else the DCT."""
    if tx.anaphoric and tx.anchor_start is not None:
        return tids.get(tx.anchor_start, dct_id)
    return dct_id


def _mark(
    text: str,
    timexes: Iterable[Timex],
    events: Iterable[EventTag] = (),
    *,
    functions: bool = False,
    dct_id: str | None = None,
) -> _Marked:
    items: list[tuple[int, int, int, Timex | EventTag]] = [(t.start, -t.end, 0, t) for t in timexes]
    items += [(e.start, -e.end, 1, e) for e in events]
    out: list[str] = []
    tids: dict[tuple[int, int], str] = {}
    eids: list[tuple[str, EventTag]] = []
    pos = 0
    tid_at: dict[int, str] = {}  # start → tid
    for start, neg_end, _kind, item in sorted(items, key=lambda i: i[:3]):
        end = -neg_end
        if start < pos or end <= start or end > len(text):
            continue  # overlaps an earlier tag (TimeML extents do not overlap)
        out.append(_esc(text[pos:start]))
        inner = _esc(text[start:end])
        if isinstance(item, Timex):
            tid = f"t{len(tids) + 1}"
            attrs = f'tid="{tid}" type="{_esc_attr(item.type)}" value="{_esc_attr(item.value)}"'
            if item.mod:
                attrs += f' mod="{_esc_attr(item.mod)}"'
            if functions:
                relative = item.basis not in ("explicit", "none")
                attrs += f' temporalFunction="{"true" if relative else "false"}"'
                anchor = _anchor(item, tid_at, dct_id) if relative else None
                if anchor is not None:
                    attrs += f' anchorTimeID="{anchor}"'
            out.append(f"<TIMEX3 {attrs}>{inner}</TIMEX3>")
            tids[(start, end)] = tid
            tid_at[start] = tid
        else:
            eid = f"e{len(eids) + 1}"
            attrs = f'eid="{eid}" class="{_esc_attr(item.event_class)}"'
            out.append(f"<EVENT {attrs}>{inner}</EVENT>")
            eids.append((eid, item))
        pos = end
    out.append(_esc(text[pos:]))
    return _Marked("".join(out), tids, eids)


def to_timeml(text: str, timexes: Iterable[Timex]) -> str:
    """``text`` with each timex wrapped in a ``<TIMEX3>`` tag; all text XML-escaped.

    Timexes are numbered ``t1``, ``t2``… in text order; overlapping ones after the first are
    dropped (TimeML extents do not overlap).
    """
    return _mark(text, timexes).body


def to_timeml_document(
    text: str,
    timexes: Iterable[Timex],
    dct: _dt.date | None,
    *,
    docid: str | None = None,
    events: Iterable[EventTag] = (),
) -> str:
    """A complete, well-formed TimeML document for ``text``: DOCID, the DCT (``t0``,
    ``functionInDocument="CREATION_TIME"``), the TEXT with TIMEX3 (``temporalFunction``, and
    ``anchorTimeID`` for relative expressions) and EVENT tags, then a MAKEINSTANCE and, for a
    dated event, a TLINK (``IS_INCLUDED``) for each event."""
    dct_part = ""
    dct_id = None
    if dct is not None:
        dct_id = "t0"
        dct_part = (
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" '
            f'temporalFunction="false" functionInDocument="CREATION_TIME">'
            f"{dct.isoformat()}</TIMEX3></DCT>\n"
        )
    marked = _mark(text, timexes, events, functions=True, dct_id=dct_id)
    links: list[str] = []
    for n, (eid, ev) in enumerate(marked.eids, 1):
        if ev.note:
            links.append(f"<!-- {_esc(ev.note.replace('--', '- -'))} -->")
        attrs = (
            f'eiid="ei{n}" eventID="{eid}" tense="{_esc_attr(ev.tense)}" '
            f'aspect="{_esc_attr(ev.aspect)}" polarity="{_esc_attr(ev.polarity)}" '
            f'pos="{_esc_attr(ev.pos)}"'
        )
        if ev.modality:
            attrs += f' modality="{_esc_attr(ev.modality)}"'
        links.append(f"<MAKEINSTANCE {attrs}/>")
        time = marked.tids.get(ev.time) if ev.time is not None else None
        if time is None and ev.at_dct:
            time = dct_id
        if time is not None:
            links.append(
                f'<TLINK lid="l{n}" relType="IS_INCLUDED" eventInstanceID="ei{n}" '
                f'relatedToTime="{time}"/>'
            )
    head = f"<DOCID>{_esc(docid)}</DOCID>\n" if docid is not None else ""
    tail = "".join(line + "\n" for line in links)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n'
        + head
        + dct_part
        + "<TEXT>"
        + marked.body
        + "</TEXT>\n"
        + tail
        + "</TimeML>\n"
    )
