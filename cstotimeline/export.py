"""Output formats: table (rich), CSV, TSV, JSON, JSONL, Markdown.

Every writer takes the events and a text stream and writes the whole chronology. JSON and JSONL
follow the contract in ``data/event.schema.json``. CSV and TSV cells that a spreadsheet would
read as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) are
prefixed with a single quote (OWASP CSV injection).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from cstotimeline.records import Event, Mention

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown")
EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
}
FLAT_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "date_basis",
    "event_type",
    "modality",
    "relevance",
    "actors",
    "summary",
    "confidence",
    "sources",
    "mentions",
    "evidence",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
        "trigger": m.trigger,
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


def _dumps(obj: Any, indent: int | None = None) -> str:
    # ensure_ascii=False keeps names readable; lone surrogates cannot occur (text is decoded).
    return json.dumps(obj, ensure_ascii=False, indent=indent)


def write_json(events: Sequence[Event], out: TextIO) -> None:
    out.write(_dumps([event_dict(e) for e in events], indent=2))
    out.write("\n")


def write_jsonl(events: Sequence[Event], out: TextIO) -> None:
    for e in events:
        out.write(_dumps(event_dict(e)))
        out.write("\n")


def neutralise(cell: str) -> str:
    """Make a cell safe for spreadsheets: a leading formula character gets a ``'`` prefix."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def flat_row(e: Event) -> dict[str, str]:
    return {
        "id": e.id,
        "date": e.date,
        "date_precision": e.date_precision,
        "date_basis": e.date_basis,
        "event_type": e.event_type,
        "modality": e.modality,
        "relevance": e.relevance,
        "actors": "; ".join(e.actors),
        "summary": e.summary,
        "confidence": f"{e.confidence:.2f}",
        "sources": "; ".join(dict.fromkeys(m.source for m in e.mentions)),
        "mentions": str(len(e.mentions)),
        "evidence": " || ".join(_one_line(m.sentence) for m in e.mentions),
    }


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _write_delimited(events: Sequence[Event], out: TextIO, delimiter: str) -> None:
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(FLAT_COLUMNS)
    for e in events:
        row = flat_row(e)
        cells = [neutralise(row[c]) for c in FLAT_COLUMNS]
        if delimiter == "\t":
            cells = [c.replace("\t", " ").replace("\n", " ").replace("\r", " ") for c in cells]
        writer.writerow(cells)


def write_csv(events: Sequence[Event], out: TextIO) -> None:
    _write_delimited(events, out, ",")


def write_tsv(events: Sequence[Event], out: TextIO) -> None:
    _write_delimited(events, out, "\t")


def _md_cell(text: str) -> str:
    return _one_line(text).replace("\\", "\\\\").replace("|", "\\|")


def write_markdown(events: Sequence[Event], out: TextIO) -> None:
    out.write("| Date | Type | Actors | Summary | Sources |\n")
    out.write("|---|---|---|---|---|\n")
    for e in events:
        sources = ", ".join(dict.fromkeys(m.source for m in e.mentions))
        cells = [e.date, e.event_type, ", ".join(e.actors), e.summary, sources]
        out.write("| " + " | ".join(_md_cell(c) for c in cells) + " |\n")


def write_table(events: Sequence[Event], out: TextIO, *, width: int | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=width, highlight=False, soft_wrap=False)
    table = Table(show_lines=False, header_style="bold", expand=False)
    table.add_column("Date", no_wrap=True)
    table.add_column("Type", no_wrap=True)
    table.add_column("Actors")
    table.add_column("Summary")
    table.add_column("Sources")
    for e in events:
        sources = ", ".join(dict.fromkeys(m.source.rsplit("/", 1)[-1] for m in e.mentions))
        table.add_row(e.date, e.event_type, ", ".join(e.actors), e.summary, sources)
    console.print(table)
    console.print(f"{len(events)} events", style="dim")


WRITERS: dict[str, Callable[[Sequence[Event], TextIO], None]] = {
    "table": write_table,
    "csv": write_csv,
    "tsv": write_tsv,
    "json": write_json,
    "jsonl": write_jsonl,
    "markdown": write_markdown,
}


def write(events: Sequence[Event], out: TextIO, fmt: str) -> None:
    WRITERS[fmt](events, out)
