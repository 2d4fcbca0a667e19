"""Output formats: table (rich), CSV, TSV, JSON, JSONL, Markdown, HTML, TimelineJS.

Every writer takes the events and a text stream and writes the whole chronology. JSON and JSONL
follow the contract in ``data/event.schema.json``. CSV and TSV cells that a spreadsheet would
read as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return, also after
leading spaces or invisible characters) are prefixed with a single quote (OWASP CSV injection).

Whatever the input, the output is valid UTF-8: a lone surrogate (which only a file name with
bytes invalid in the file system's encoding could bring in) is written as U+FFFD. The table and
Markdown, which are read by people, get no control characters and no bidirectional overrides,
and rich markup in the data is shown as it is, never interpreted. The HTML page
(:mod:`cstotimeline.htmlpage`) and TimelineJS JSON (:mod:`cstotimeline.timelinejs`) have
modules of their own; TimeML, which needs the documents' text, is written by ``app``.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from cstotimeline.records import Event, Mention

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown", "html", "timelinejs")
EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".tsv": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
    ".tml": "timeml",
    ".xml": "timeml",
}
# CSV/TSV columns: every field of the JSON record. An event's lists are joined with "; ";
# ``sources``, ``url`` and ``outlet`` name each distinct source once, aligned ("" where the
# manifest gives nothing); ``mentions`` is their number and ``evidence`` their sentences, and
# each ``mention_*`` column has one value per mention, aligned with ``evidence``, joined with
# " || " (a mention's date alternatives are "DATE RELATION PROBABILITY" joined with "; ").
FLAT_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "date_basis",
    "date_mod",
    "event_type",
    "modality",
    "relevance",
    "actors",
    "source_actors",
    "target_actors",
    "trigger",
    "summary",
    "confidence",
    "sources",
    "url",
    "outlet",
    "mentions",
    "evidence",
    "mention_source",
    "mention_published",
    "mention_published_basis",
    "mention_start",
    "mention_end",
    "mention_date_text",
    "mention_date",
    "mention_date_relation",
    "mention_date_alternatives",
    "mention_trigger",
    "mention_url",
    "mention_outlet",
)
MENTION_SEPARATOR = " || "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters a spreadsheet may skip before a formula character (spaces, invisible format marks).
_FORMULA_LEAD = " \u00a0\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e"
_SURROGATE = re.compile("[\ud800-\udfff]")
# Controls (C0 but tab, C1, DEL) and bidirectional embeddings, overrides and isolates: dropped
# from what a terminal or a Markdown viewer shows.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` with any lone surrogate replaced by U+FFFD (always encodable as UTF-8)."""
    return _SURROGATE.sub("\ufffd", text)


def _clean_obj(obj: Any) -> Any:
    if isinstance(obj, str):
        return clean(obj)
    if isinstance(obj, dict):
        return {k: _clean_obj(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_clean_obj(v) for v in obj]
    return obj


def _printable(text: str) -> str:
    """One line of ``text`` fit for a terminal or a Markdown viewer."""
    return _one_line(_UNPRINTABLE.sub("", clean(text)))


def mention_dict(m: Mention) -> dict[str, Any]:
    return {
        "source": m.source,
        "published": m.published,
        "published_basis": m.published_basis,
        "sentence": m.sentence,
        "start": m.start,
        "end": m.end,
        "date_text": m.date_text,
        "date": m.date,
        "date_relation": m.date_relation,
        "date_alternatives": [
            {"date": d, "relation": r, "probability": p} for d, r, p in m.date_alternatives
        ],
        "trigger": m.trigger,
        "url": m.url,
        "outlet": m.outlet,
    }


def event_dict(e: Event) -> dict[str, Any]:
    """The JSON object for one event (the public contract)."""
    return {
        "id": e.id,
        "date": e.date,
        "date_precision": e.date_precision,
        "date_basis": e.date_basis,
        "date_mod": e.date_mod,
        "event_type": e.event_type,
        "modality": e.modality,
        "relevance": e.relevance,
        "actors": list(e.actors),
        "source_actors": list(e.source_actors),
        "target_actors": list(e.target_actors),
        "trigger": e.trigger,
        "summary": e.summary,
        "confidence": e.confidence,
        "mentions": [mention_dict(m) for m in e.mentions],
    }


# Line separators JSON leaves raw in strings but that str.splitlines(), JavaScript before
# ES2019 and some JSONL readers take for line breaks: written as escapes (same JSON value).
_JSON_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def _dumps(obj: Any, indent: int | None = None) -> str:
    # ensure_ascii=False keeps names readable; _clean_obj makes sure it encodes as UTF-8.
    text = json.dumps(_clean_obj(obj), ensure_ascii=False, indent=indent)
    return text.translate(_JSON_LINE_BREAKS)


def write_json(events: Sequence[Event], out: TextIO) -> None:
    out.write(_dumps([event_dict(e) for e in events], indent=2))
    out.write("\n")


def write_jsonl(events: Sequence[Event], out: TextIO) -> None:
    for e in events:
        out.write(_dumps(event_dict(e)))
        out.write("\n")


def neutralise(cell: str) -> str:
    """Make a cell safe for spreadsheets: a leading formula character (possibly after spaces or
    invisible characters) gets a ``'`` prefix."""
    if cell.startswith(_FORMULA_START) or cell.lstrip(_FORMULA_LEAD).startswith(_FORMULA_START):
        return "'" + cell
    return cell


def flat_row(e: Event) -> dict[str, str]:
    """The CSV/TSV cells of one event (:data:`FLAT_COLUMNS`)."""
    sources: dict[str, Mention] = {}
    for m in e.mentions:
        known = sources.get(m.source)
        if known is None or (not (known.url or known.outlet) and (m.url or m.outlet)):
            sources[m.source] = m

    def each(value: Callable[[Mention], object]) -> str:
        return MENTION_SEPARATOR.join(_one_line(_cell(value(m))) for m in e.mentions)

    return {
        "id": e.id,
        "date": e.date,
        "date_precision": e.date_precision,
        "date_basis": e.date_basis,
        "date_mod": e.date_mod or "",
        "event_type": e.event_type,
        "modality": e.modality,
        "relevance": e.relevance,
        "actors": "; ".join(e.actors),
        "source_actors": "; ".join(e.source_actors),
        "target_actors": "; ".join(e.target_actors),
        "trigger": e.trigger,
        "summary": e.summary,
        "confidence": f"{e.confidence:.2f}",
        "sources": "; ".join(sources),
        "url": "; ".join(m.url or "" for m in sources.values()),
        "outlet": "; ".join(m.outlet or "" for m in sources.values()),
        "mentions": str(len(e.mentions)),
        "evidence": each(lambda m: m.sentence),
        "mention_source": each(lambda m: m.source),
        "mention_published": each(lambda m: m.published),
        "mention_published_basis": each(lambda m: m.published_basis),
        "mention_start": each(lambda m: m.start),
        "mention_end": each(lambda m: m.end),
        "mention_date_text": each(lambda m: m.date_text),
        "mention_date": each(lambda m: m.date),
        "mention_date_relation": each(lambda m: m.date_relation),
        "mention_date_alternatives": each(
            lambda m: "; ".join(f"{d} {r} {p:.2f}" for d, r, p in m.date_alternatives)
        ),
        "mention_trigger": each(lambda m: m.trigger),
        "mention_url": each(lambda m: m.url),
        "mention_outlet": each(lambda m: m.outlet),
    }


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def check_fields(fields: Sequence[str]) -> list[str]:
    """The CSV/TSV columns ``--fields`` names, in its order; raises ``UsageError`` naming the
    unknown ones and the known."""
    from cstotimeline import errors

    unknown = [f for f in fields if f not in FLAT_COLUMNS]
    if unknown or not fields:
        raise errors.UsageError(
            errors.E_FIELDS.format(
                fields=", ".join(unknown) or "(none)", known=", ".join(FLAT_COLUMNS)
            )
        )
    return list(fields)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _write_delimited(
    events: Sequence[Event], out: TextIO, delimiter: str, fields: Sequence[str] | None = None
) -> None:
    columns = check_fields(fields) if fields is not None else list(FLAT_COLUMNS)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    for e in events:
        row = flat_row(e)
        cells = [neutralise(clean(row[c])) for c in columns]
        if delimiter == "\t":
            cells = [c.replace("\t", " ").replace("\n", " ").replace("\r", " ") for c in cells]
        else:
            # csv quotes a cell with "\n" but not one with a bare "\r", which readers then
            # take for the end of the row.
            cells = [c.replace("\r\n", "\n").replace("\r", "\n") for c in cells]
        writer.writerow(cells)


def write_csv(events: Sequence[Event], out: TextIO, *, fields: Sequence[str] | None = None) -> None:
    _write_delimited(events, out, ",", fields)


def write_tsv(events: Sequence[Event], out: TextIO, *, fields: Sequence[str] | None = None) -> None:
    _write_delimited(events, out, "\t", fields)


def _md_cell(text: str) -> str:
    # Backslashes and pipes would break the table; "<" would start raw HTML.
    return _printable(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def cited_sources(e: Event) -> list[tuple[str, str | None, str | None]]:
    """Each distinct source of an event once, with its outlet and address when known."""
    found: dict[str, tuple[str, str | None, str | None]] = {}
    for m in e.mentions:
        known = found.get(m.source)
        if known is None or (known[1] is None and known[2] is None):
            found[m.source] = (m.source, m.outlet, m.url)
    return list(found.values())


def _md_source(source: str, outlet: str | None, url: str | None) -> str:
    """ "[Outlet](https://…) (file)", the outlet and link when the manifest gives them."""
    from cstotimeline.present import safe_url

    name = _md_cell(source)
    link = safe_url(url)
    if outlet and link:
        return f"[{_md_cell(outlet)}](<{link.replace('>', '%3E')}>) ({name})"
    if outlet:
        return f"{_md_cell(outlet)} ({name})"
    if link:
        return f"[{name}](<{link.replace('>', '%3E')}>)"
    return name


def write_markdown(events: Sequence[Event], out: TextIO) -> None:
    out.write("| Date | Type | Actors | Summary | Sources |\n")
    out.write("|---|---|---|---|---|\n")
    for e in events:
        cells = [_md_cell(c) for c in (e.date, e.event_type, ", ".join(e.actors), e.summary)]
        cells.append(", ".join(_md_source(*s) for s in cited_sources(e)))
        out.write("| " + " | ".join(cells) + " |\n")


# Width of a table written to a file or pipe (a terminal's own width is used on a terminal).
TABLE_WIDTH = 140


def _isatty(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def console(out: TextIO, **options: Any) -> Any:
    """A rich ``Console`` on ``out`` whose closed pipe (``| head``) raises ``BrokenPipeError``
    like any other write, which the command line ends quietly with exit 0 (rich's own
    handling exits 1)."""
    from rich.console import Console

    class _PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError()

    return _PipeConsole(file=out, **options)


def write_table(events: Sequence[Event], out: TextIO, *, width: int | None = None) -> None:
    from rich.table import Table
    from rich.text import Text

    def cell(value: str) -> Text:  # a Text is never parsed as markup ("[/b]" stays as it is)
        return Text(_printable(value))

    if width is None and not _isatty(out) and not os.environ.get("COLUMNS"):
        width = TABLE_WIDTH  # a file or a pipe: wide enough to read, not 80 columns
    screen = console(out, width=width, highlight=False, soft_wrap=False)
    table = Table(show_lines=False, header_style="bold", expand=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Type", no_wrap=True)
    table.add_column("Actors", ratio=2)
    table.add_column("Summary", ratio=4)
    table.add_column("Sources", ratio=2, overflow="fold")
    for e in events:
        sources = ", ".join(
            " ".join(p for p in (outlet, f"<{url}>" if url else None) if p)
            or source.rsplit("/", 1)[-1]
            for source, outlet, url in cited_sources(e)
        )
        cells = (e.date, e.event_type, ", ".join(e.actors), e.summary, sources)
        table.add_row(*(cell(c) for c in cells))
    screen.print(table)
    screen.print(f"{len(events)} events", style="dim")


def write_html(events: Sequence[Event], out: TextIO) -> None:
    from cstotimeline.htmlpage import write_html as write

    write(events, out)


def write_timelinejs(events: Sequence[Event], out: TextIO) -> None:
    from cstotimeline.timelinejs import write_timelinejs as write

    write(events, out)


WRITERS: dict[str, Callable[[Sequence[Event], TextIO], None]] = {
    "html": write_html,
    "timelinejs": write_timelinejs,
    "table": write_table,
    "csv": write_csv,
    "tsv": write_tsv,
    "json": write_json,
    "jsonl": write_jsonl,
    "markdown": write_markdown,
}


def write(
    events: Sequence[Event], out: TextIO, fmt: str, *, fields: Sequence[str] | None = None
) -> None:
    """Write ``events`` in ``fmt``; ``fields`` chooses and orders the CSV/TSV columns."""
    if fmt == "csv":
        write_csv(events, out, fields=fields)
    elif fmt == "tsv":
        write_tsv(events, out, fields=fields)
    else:
        WRITERS[fmt](events, out)
