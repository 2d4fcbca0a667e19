"""What the commands do, as plain functions that tests call directly."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from cstotimeline import errors
from cstotimeline.records import Document, Event, Timex

Warn = Callable[[str], None]


@dataclass(frozen=True)
class ExtractOptions:
    paths: Sequence[str]
    published: dt.date | None = None
    manifest: Path | None = None
    model: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    actors: Sequence[str] = ()
    types: Sequence[str] = ()
    keep_all: bool = False
    jobs: int | None = None
    quiet: bool = False


def _stderr_warn(message: str) -> None:
    import sys

    print(f"cstotimeline: warning: {message}", file=sys.stderr)


def extract_chronology(opts: ExtractOptions, *, warn: Warn = _stderr_warn) -> list[Event]:
    """Read the inputs, extract and merge events, apply the filters."""
    from cstotimeline import ingest, pipeline
    from cstotimeline.actors import default_gazetteer
    from cstotimeline.chronology import filter_events

    if opts.since and opts.until and opts.since > opts.until:
        raise errors.UsageError(
            errors.E_SINCE_AFTER_UNTIL.format(since=opts.since, until=opts.until)
        )
    gaz = default_gazetteer()
    stats = ingest.IngestStats()
    documents = ingest.iter_documents(
        opts.paths, published=opts.published, manifest=opts.manifest, warn=warn, stats=stats
    )
    from cstotimeline.parallel import default_jobs, extract_all

    jobs = opts.jobs
    most = max(2, default_jobs())  # every worker loads its own pipeline (~200 MB)
    if jobs is not None and jobs > most:
        warn(errors.W_JOBS.format(jobs=jobs, most=most))
        jobs = most
    per_document = extract_all(
        announce_long_runs(documents, warn),
        model=opts.model,
        keep_all=opts.keep_all,
        jobs=jobs,
        progress=not opts.quiet,
    )
    events = pipeline.chronology(per_document)
    if stats.read == 0 and stats.skipped > 0:
        raise errors.NothingToRead(errors.E_NO_INPUT)
    wanted = [gaz.canonical(a) or a for a in opts.actors]
    return filter_events(
        events, since=opts.since, until=opts.until, actors=wanted, types=opts.types
    )


def announce_long_runs(documents: Iterable[Document], warn: Warn) -> Iterator[Document]:
    """Pass documents through, warning once for each that has stretches the parser will skip
    (``pipeline.long_runs``: no sentence end or line break for ``MAX_RUN_CHARS`` characters)."""
    from cstotimeline import ingest, pipeline

    for document in documents:
        runs = pipeline.long_runs(document.text)
        if runs:
            label = ingest.STDIN_LABEL if document.source == ingest.STDIN else document.source
            warn(
                errors.E_LONG_RUN.format(
                    path=label,
                    count=len(runs),
                    limit=pipeline.MAX_RUN_CHARS,
                    chars=sum(end - start for start, end in runs),
                )
            )
        yield document


def run_extract(opts: ExtractOptions, out: TextIO, fmt: str, *, warn: Warn = _stderr_warn) -> int:
    from cstotimeline.export import write

    events = extract_chronology(opts, warn=warn)
    write(events, out, fmt)
    return len(events)


def _tag_with_model(document: Document, model: str | None) -> list[Timex]:
    """Tag ``document`` with the parse for tense, one chunk at a time (as ``extract`` parses:
    a text of any length, never more than ``pipeline.CHUNK_CHARS`` in one parse). Stretches
    the parser skips (``pipeline.long_runs``) are tagged without it (word-based tense)."""
    import dataclasses

    from cstotimeline import nlp, pipeline
    from cstotimeline.timex import tag

    text = document.text
    pieces = pipeline.chunks(text)
    if pieces == [(0, text)]:
        return tag(text, document.published, doc=nlp.load(model)(text))
    segments = [(base, piece, True) for base, piece in pieces]
    segments += [(start, text[start:end], False) for start, end in pipeline.long_runs(text)]
    pipe = nlp.load(model)
    out: list[Timex] = []
    for base, piece, parse in sorted(segments, key=lambda s: s[0]):
        found = tag(piece, document.published, doc=pipe(piece) if parse else None)
        out.extend(dataclasses.replace(t, start=t.start + base, end=t.end + base) for t in found)
    return out


def run_timex(
    path: str,
    published: dt.date | None,
    fmt: str,
    out: TextIO,
    *,
    model: str | None = "",
    warn: Warn = _stderr_warn,
) -> int:
    """Tag one input; ``model=None`` tags without spaCy, ``""`` uses the default pipeline."""
    from cstotimeline import ingest
    from cstotimeline.timex import tag, to_timeml

    stats = ingest.IngestStats()
    docs = list(ingest.iter_documents([path], published=published, warn=warn, stats=stats))
    if not docs:
        if stats.skipped:
            raise errors.NothingToRead(errors.E_NO_INPUT)
        return 0
    document = docs[0]
    if model is None:
        timexes = tag(document.text, document.published)
    else:
        timexes = _tag_with_model(document, model or None)
    if fmt == "timeml":
        out.write(to_timeml(document.text, timexes))
        out.write("\n")
    elif fmt == "jsonl":
        for t in timexes:
            obj: dict[str, object] = {
                "start": t.start + document.offset,
                "end": t.end + document.offset,
                "text": t.text,
                "type": t.type,
                "value": t.value,
            }
            if t.mod:
                obj["mod"] = t.mod
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(header_style="bold")
        for col in ("start", "end", "text", "type", "value", "mod"):
            table.add_column(col)
        for t in timexes:
            table.add_row(
                str(t.start + document.offset),
                str(t.end + document.offset),
                t.text,
                t.type,
                t.value,
                t.mod or "",
            )
        Console(file=out, highlight=False).print(table)
    return len(timexes)
