"""What the commands do, as plain functions that tests call directly."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from cstotimeline import errors
from cstotimeline.records import Document, Event, Timex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from cstotimeline.eval_events import EventsReport
    from cstotimeline.timeml import EventTag

Warn = Callable[[str], None]


@dataclass(frozen=True)
class Filters:
    """Which events of a chronology to write (``extract`` and ``show`` alike).

    ``since``/``until``: the first and last day of the range; an event is kept when its
    period (its day, month or year) overlaps it. ``actors``: any of them in any role (actors,
    doers, targets), by canonical name or alias. ``types``, ``relevance``, ``modalities``:
    any of them. ``min_confidence``: at least this confidence. ``limit``: at most this many
    events, the first in chronological order.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    actors: Sequence[str] = ()
    types: Sequence[str] = ()
    relevance: Sequence[str] = ()
    min_confidence: float | None = None
    modalities: Sequence[str] = ()
    limit: int | None = None

    def check(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise errors.UsageError(
                errors.E_SINCE_AFTER_UNTIL.format(since=self.since, until=self.until)
            )

    def apply(self, events: Iterable[Event]) -> list[Event]:
        from cstotimeline.chronology import period

        wanted = {a.casefold() for a in canonical_actors(self.actors)}
        out: list[Event] = []
        for e in events:
            if self.limit is not None and len(out) >= self.limit:
                break
            lo, hi = period(e.date)
            if (self.since is not None and hi < self.since) or (
                self.until is not None and lo > self.until
            ):
                continue
            if wanted and not wanted & {
                a.casefold() for a in (*e.actors, *e.source_actors, *e.target_actors)
            }:
                continue
            if self.types and e.event_type not in self.types:
                continue
            if self.relevance and e.relevance not in self.relevance:
                continue
            if self.modalities and e.modality not in self.modalities:
                continue
            if self.min_confidence is not None and e.confidence < self.min_confidence:
                continue
            out.append(e)
        return out


@dataclass(frozen=True)
class ExtractOptions:
    paths: Sequence[str]
    published: dt.date | None = None
    manifest: Path | None = None
    model: str | None = None
    filters: Filters = Filters()
    keep_all: bool = False
    jobs: int | None = None
    quiet: bool = False
    # A Dask scheduler's address, or "local" for a LocalCluster of ``jobs`` workers.
    dask: str | None = None
    # The incremental store.
    db: Path | None = None


def _stderr_warn(message: str) -> None:
    import sys

    print(f"cstotimeline: warning: {message}", file=sys.stderr)


def extract_chronology(
    opts: ExtractOptions, *, warn: Warn = _stderr_warn, note: Warn | None = None
) -> list[Event]:
    """Read the inputs, extract and merge events, apply the filters.

    With ``opts.db`` only documents that are new or changed are extracted, into the store, and
    the chronology is that of every stored document; ``note`` (stderr by default) is told how
    many documents were extracted.
    """
    from cstotimeline import ingest, pipeline

    opts.filters.check()
    if opts.db is not None and ingest.STDIN in opts.paths:
        raise errors.UsageError(errors.E_STORE_STDIN)
    stats = ingest.IngestStats()
    documents = ingest.iter_documents(
        opts.paths, published=opts.published, manifest=opts.manifest, warn=warn, stats=stats
    )
    with extractor(opts, warn) as extract:
        if opts.db is not None:
            events = _extract_into_store(
                opts, documents, extract, warn, note if note is not None else _stderr_note
            )
        else:
            pairs = extract.run(announce_long_runs(documents, warn))
            events = pipeline.chronology(e for _document, e in pairs)
    if stats.read == 0 and stats.skipped > 0:
        raise errors.NothingToRead(errors.E_NO_INPUT)
    return opts.filters.apply(events)


def canonical_actors(actors: Sequence[str]) -> list[str]:
    """``--actor`` values as the gazetteer's canonical names (unknown names as given)."""
    from cstotimeline.actors import default_gazetteer

    if not actors:
        return []
    gaz = default_gazetteer()
    return [gaz.canonical(a) or a for a in actors]


def _stderr_note(message: str) -> None:
    import sys

    print(f"cstotimeline: {message}", file=sys.stderr)


Pairs = Iterator[tuple[Document, list[Event]]]


@dataclass(frozen=True)
class Extractor:
    """Where documents are extracted: this machine (``--jobs``) or a Dask cluster.

    ``run`` gives (document, events) pairs (in input order locally, as batches finish on a
    cluster); it loads no pipeline and reaches no cluster when there is no document."""

    extract: Callable[[Iterable[Document]], Pairs]
    identity: Callable[[], str]  # the spaCy pipeline and its version (``nlp.identity``)

    def run(self, documents: Iterable[Document]) -> Pairs:
        it = iter(documents)
        first = next(it, None)
        if first is not None:
            yield from self.extract(itertools.chain([first], it))


@contextmanager
def extractor(opts: ExtractOptions, warn: Warn = _stderr_warn) -> Iterator[Extractor]:
    """The extractor ``opts`` asks for. A Dask cluster is reached (or a LocalCluster started)
    at once, before any input is read, and closed on exit."""
    from cstotimeline import nlp, parallel

    jobs = opts.jobs
    most = max(2, parallel.default_jobs())  # every worker loads its own pipeline (~200 MB)
    if opts.dask is None or opts.dask == "local":
        if jobs is not None and jobs > most:
            warn(errors.W_JOBS.format(jobs=jobs, most=most))
            jobs = most
    elif jobs is not None:
        warn(errors.W_DASK_JOBS)
    if opts.dask is None:

        def run_local(documents: Iterable[Document]) -> Pairs:
            return parallel.extract_documents(
                documents,
                model=opts.model,
                keep_all=opts.keep_all,
                jobs=jobs,
                progress=not opts.quiet,
            )

        yield Extractor(extract=run_local, identity=lambda: nlp.identity(opts.model))
        return
    from cstotimeline import cluster

    with cluster.Cluster(opts.dask, workers=jobs) as connection:

        def run_dask(documents: Iterable[Document]) -> Pairs:
            return connection.extract(
                documents, model=opts.model, keep_all=opts.keep_all, progress=not opts.quiet
            )

        yield Extractor(extract=run_dask, identity=lambda: connection.model_identity(opts.model))


def _extract_into_store(
    opts: ExtractOptions,
    documents: Iterable[Document],
    extract: Extractor,
    warn: Warn,
    note: Warn,
) -> list[Event]:
    """Extract the documents the store lacks or holds stale, one transaction each; re-merge.

    A document is extracted again when its text or metadata changed or when it was extracted
    with another tool version, pipeline or ``--all``; after such a change, documents not among
    the inputs are extracted again from the text the store keeps. Documents the store holds
    that are not among the inputs are kept (those whose file is gone with a warning).
    """
    import os

    from cstotimeline.store import Config, Store

    assert opts.db is not None
    with Store(opts.db) as store:
        stored = store.documents()
        config_box: list[Config] = []

        def config() -> Config:
            if not config_box:
                config_box.append(Config.current(extract.identity(), opts.keep_all))
            return config_box[0]

        seen: set[str] = set()
        unchanged = 0

        def stale() -> Iterator[Document]:
            nonlocal unchanged
            for document in announce_long_runs(documents, warn):
                seen.add(document.source)
                row = stored.get(document.source)
                if row is not None and row.is_current(document, config()):
                    unchanged += 1
                    continue
                yield document
            for path, row in stored.items():
                if path not in seen and row.config != config():
                    yield store.document(path)

        extracted = 0
        for document, events in extract.run(stale()):
            store.put(document, events, config())
            extracted += 1
        for path, row in stored.items():
            if path not in seen and not os.path.exists(row.abspath):
                warn(errors.W_STORE_GONE.format(path=path))
        if extracted or not store.merged:
            events = store.merge()
            store.write_events(events)
        else:
            events = store.events()
        if not opts.quiet:
            kept = store.count("documents") - extracted - unchanged
            note(
                errors.N_STORE.format(
                    path=opts.db, extracted=extracted, unchanged=unchanged, kept=kept
                )
            )
    return events


def show_chronology(
    db: Path,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    actors: Sequence[str] = (),
    types: Sequence[str] = (),
    filters: Filters | None = None,
    warn: Warn = _stderr_warn,
) -> list[Event]:
    """The chronology the store holds, filtered as ``extract`` filters; no article is read.

    ``filters`` (all of them), or the four filters of the same names. The period and the
    types are looked up through the store's indexes; the rest is applied to what they give.
    """
    from cstotimeline.store import Store

    if filters is None:
        filters = Filters(since=since, until=until, actors=actors, types=types)
    filters.check()
    with Store(db, readonly=True) as store:
        if store.merged:
            events = store.events(since=filters.since, until=filters.until, types=filters.types)
            return filters.apply(events)
        warn(errors.W_STORE_UNMERGED.format(path=db))
        events = store.merge()
    return filters.apply(events)


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


def run_extract(
    opts: ExtractOptions,
    out: TextIO,
    fmt: str,
    *,
    warn: Warn = _stderr_warn,
    note: Warn | None = None,
    fields: Sequence[str] | None = None,
) -> int:
    from cstotimeline.export import write

    if fmt == "timeml":
        return run_extract_timeml(opts, out, warn=warn)
    events = extract_chronology(opts, warn=warn, note=note)
    write(events, out, fmt, fields=fields)
    return len(events)


def run_show(
    db: Path,
    out: TextIO,
    fmt: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    actors: Sequence[str] = (),
    types: Sequence[str] = (),
    filters: Filters | None = None,
    fields: Sequence[str] | None = None,
    warn: Warn = _stderr_warn,
) -> int:
    from cstotimeline.export import write

    if filters is None:
        filters = Filters(since=since, until=until, actors=actors, types=types)
    events = show_chronology(db, filters=filters, warn=warn)
    write(events, out, fmt, fields=fields)
    return len(events)


def parse_chunks(document: Document, pipe: Language) -> list[tuple[int, Doc]]:
    """The parses of ``document``'s chunks (offset, Doc), as ``extract`` parses it."""
    from cstotimeline import pipeline

    return [(base, pipe(piece)) for base, piece in pipeline.chunks(document.text)]


def tag_parsed(document: Document, parsed: Sequence[tuple[int, Doc]]) -> list[Timex]:
    """Tag ``document`` with the parses of its chunks for tense (offsets into its text), as
    the extractor tags each chunk. Stretches the parser skips (``pipeline.long_runs``) are
    tagged without a parse (word-based tense)."""
    from cstotimeline import pipeline
    from cstotimeline.timex import tag

    text = document.text
    segments: list[tuple[int, str, Doc | None]] = [(base, doc.text, doc) for base, doc in parsed]
    segments += [(start, text[start:end], None) for start, end in pipeline.long_runs(text)]
    out: list[Timex] = []
    for base, piece, doc in sorted(segments, key=lambda s: s[0]):
        found = tag(piece, document.published, doc=doc)
        out.extend(shift_timex(t, base) for t in found)
    return out


def shift_timex(t: Timex, by: int) -> Timex:
    """``t`` with its offsets (and its anchor's) moved by ``by`` characters."""
    import dataclasses

    anchor = None if t.anchor_start is None else t.anchor_start + by
    return dataclasses.replace(t, start=t.start + by, end=t.end + by, anchor_start=anchor)


def _tag_with_model(document: Document, model: str | None) -> list[Timex]:
    """Tag ``document`` with the parse for tense, one chunk at a time (as ``extract`` parses:
    a text of any length, never more than ``pipeline.CHUNK_CHARS`` in one parse)."""
    from cstotimeline import nlp

    return tag_parsed(document, parse_chunks(document, nlp.load(model)))


def run_extract_timeml(opts: ExtractOptions, out: TextIO, *, warn: Warn = _stderr_warn) -> int:
    """``extract --format timeml``: one document as TimeML, with its temporal expressions
    (TIMEX3) and the triggers of its chronology events (EVENT, MAKEINSTANCE and a TLINK to the
    expression or the creation time that dates each). TimeML annotates one text, so more than
    one input document is a usage error."""
    import itertools

    from cstotimeline import ingest, nlp, pipeline
    from cstotimeline.actors import default_gazetteer
    from cstotimeline.timeml import to_timeml_document

    opts.filters.check()
    stats = ingest.IngestStats()
    documents = ingest.iter_documents(
        opts.paths, published=opts.published, manifest=opts.manifest, warn=warn, stats=stats
    )
    first = list(itertools.islice(announce_long_runs(documents, warn), 2))
    if len(first) > 1:
        raise errors.UsageError(errors.E_TIMEML_ONE)
    if not first:
        if stats.skipped:
            raise errors.NothingToRead(errors.E_NO_INPUT)
        return 0
    document = first[0]
    gaz = default_gazetteer()
    parsed = parse_chunks(document, nlp.load(opts.model))
    events = pipeline.document_events(document, parsed, gazetteer=gaz, keep_all=opts.keep_all)
    events = opts.filters.apply(events)
    timexes = tag_parsed(document, parsed)
    tags = event_tags(document, parsed, events, timexes)
    label = ingest.STDIN_LABEL if document.source == ingest.STDIN else document.source
    xml = to_timeml_document(document.text, timexes, document.published, docid=label, events=tags)
    out.write(with_source_comment(xml, document))
    return len(events)


def with_source_comment(xml: str, document: Document) -> str:
    """A TimeML document with the article's address and outlet (when known) in an XML
    comment after its DOCID (TimeML has no element for them): ``<!-- url: …; outlet: … -->``."""
    parts = [f"{k}: {v}" for k, v in (("url", document.url), ("outlet", document.outlet)) if v]
    if not parts:
        return xml
    import re

    text = re.sub(
        r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", "\ufffd", "; ".join(parts)
    )
    text = text.replace("--", "- -").rstrip("-")
    marker = "</DOCID>\n"
    at = xml.find(marker)
    if at < 0:
        return xml
    at += len(marker)
    return f"{xml[:at]}<!-- {text} -->\n{xml[at:]}"


def event_tags(
    document: Document,
    parsed: Sequence[tuple[int, Doc]],
    events: Sequence[Event],
    timexes: Sequence[Timex],
) -> list[EventTag]:
    """A TimeML EVENT for the trigger of each mention of ``events`` in ``document``: the first
    token of the mention's sentence with the trigger's lemma; linked to the expression that
    dates the mention (its ``date_text`` within the sentence) or, for a same-day report, to
    the creation time."""
    from cstotimeline.timeml import EventTag

    out: list[EventTag] = []
    for e in events:
        for m in e.mentions:
            if m.source != document.source:
                continue
            start, end = m.start - document.offset, m.end - document.offset
            token = _trigger_token(parsed, start, end, m.trigger)
            if token is None:
                continue
            base, tok = token
            time = None
            if m.date_text:
                time = next(
                    (
                        (t.start, t.end)
                        for t in timexes
                        if start <= t.start and t.end <= end and t.text == m.date_text
                    ),
                    None,
                )
            tense, aspect = _tense_aspect(tok)
            out.append(
                EventTag(
                    start=base + tok.idx,
                    end=base + tok.idx + len(tok.text),
                    event_class="REPORTING" if e.event_type == "statement" else "OCCURRENCE",
                    tense=tense,
                    aspect=aspect,
                    pos=_TIMEML_POS.get(tok.pos_, "OTHER"),
                    polarity="NEG" if any(c.dep_ == "neg" for c in tok.children) else "POS",
                    time=time,
                    at_dct=m.date_basis == "publication",
                    note=f"cstotimeline event {e.id}: {e.event_type} {e.date}",
                )
            )
    return out


_TIMEML_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJECTIVE"}
_TIMEML_POS["ADP"] = "PREPOSITION"


def _trigger_token(
    parsed: Sequence[tuple[int, Doc]], start: int, end: int, lemma: str
) -> tuple[int, Token] | None:
    """The first token of the text between ``start`` and ``end`` whose lemma is ``lemma``."""
    for base, doc in parsed:
        if not base <= start < base + len(doc.text):
            continue
        span = doc.char_span(
            start - base, min(end, base + len(doc.text)) - base, alignment_mode="expand"
        )
        if span is None:
            return None
        for tok in span:
            if tok.lemma_.lower() == lemma:
                return base, tok
        return None
    return None


def _tense_aspect(tok: Token) -> tuple[str, str]:
    """TimeML tense and aspect of a verb with its auxiliaries (``NONE`` for other words)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return "NONE", "NONE"
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = [a.lower_ for a in auxes]
    aspect = "NONE"
    if tok.tag_ == "VBN" and any(w in ("have", "has", "had", "'ve", "'d") for w in words):
        aspect = "PERFECTIVE"
    elif tok.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
        aspect = "PROGRESSIVE"
    if any(w in ("will", "shall", "'ll") for w in words):
        return "FUTURE", aspect
    tags = [a.tag_ for a in auxes if a.tag_ != "MD"] or [tok.tag_]
    if tags[0] == "VBD":
        return "PAST", aspect
    if tags[0] in ("VBZ", "VBP"):
        return "PRESENT", aspect
    return "NONE", aspect


def run_timex(
    path: str,
    published: dt.date | None,
    fmt: str,
    out: TextIO,
    *,
    model: str | None = "",
    warn: Warn = _stderr_warn,
    text: str | None = None,
) -> int:
    """Tag one input, the file ``path`` (``-``: stdin) or ``text`` itself (named
    ``<text>``); ``model=None`` tags without spaCy, ``""`` uses the default pipeline."""
    from cstotimeline import ingest
    from cstotimeline.timeml import to_timeml_document
    from cstotimeline.timex import tag

    if text is not None:
        document = text_document(text, published, warn)
    else:
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
        label = ingest.STDIN_LABEL if document.source == ingest.STDIN else document.source
        xml = to_timeml_document(document.text, timexes, document.published, docid=label)
        out.write(with_source_comment(xml, document))
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
        from rich.table import Table

        from cstotimeline.export import console

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
        console(out, highlight=False).print(table)
    return len(timexes)


def check_gold(directory: Path, warn: Warn = _stderr_warn) -> int:
    """How many articles of ``directory/index.tsv`` can be scored (the article and its
    ``NAME.gold.tsv`` both there), warning about each listed article that cannot. Raises
    ``NothingToRead`` (exit 1) when there is no index or nothing can be scored: all zeros
    would read as a score."""
    import csv

    index = directory / "index.tsv"
    try:
        with index.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
    except OSError as exc:
        raise errors.NothingToRead(
            errors.E_EVAL_NO_INDEX.format(path=index, reason=exc.strerror or exc)
        ) from None
    scorable = 0
    for row in rows:
        name = (row.get("file") or "").strip()
        if not name or name.startswith("#"):
            continue
        article = directory / name
        gold = directory / (name.removesuffix(".txt") + ".gold.tsv")
        if not article.exists():
            warn(errors.W_EVAL_NO_ARTICLE.format(path=article))
        elif not gold.exists():
            warn(errors.W_EVAL_NO_GOLD.format(path=article, gold=gold.name))
        else:
            scorable += 1
    if scorable == 0:
        raise errors.NothingToRead(errors.E_EVAL_NOTHING.format(path=directory))
    return scorable


def check_timeml(directory: Path) -> None:
    """``evaluate timex`` needs TimeML files: none under ``directory`` is an error (exit 1)."""
    if not any(directory.rglob("*.tml")):
        raise errors.NothingToRead(errors.E_EVAL_NO_TIMEML.format(path=directory))


TEXT_SOURCE = "<text>"


def text_document(text: str, published: dt.date | None, warn: Warn = _stderr_warn) -> Document:
    """A text given on the command line, read as a file is (a header block is not article
    text; without ``published`` the date the text gives, with the same warnings)."""
    from cstotimeline.ingest import find_published

    found, basis, offset = find_published(text, "")
    if published is not None:
        found, basis = published, "option"
    elif basis == "inferred":
        warn(errors.E_PUBLISHED_INFERRED.format(path=TEXT_SOURCE, date=found))
    elif basis == "unknown":
        warn(errors.E_PUBLISHED_UNKNOWN.format(path=TEXT_SOURCE))
    return Document(TEXT_SOURCE, text[offset:], found, basis, offset=offset)


def evaluate_events(
    directory: Path,
    *,
    model: str | None = None,
    dask: str | None = None,
    jobs: int | None = None,
    warn: Warn = _stderr_warn,
) -> EventsReport:
    """``evaluate events``: ``eval_events.evaluate_corpus``, or the same scoring with the
    articles extracted on a Dask cluster (``dask``: an address or ``local``).

    As in ``evaluate_corpus``, each article of ``directory/index.tsv`` that has a gold file is
    read alone with its publication date; its events, taken back from the cluster in any order,
    are scored in the order of the article names, so the report is the same.
    """
    from cstotimeline import eval_events

    if dask is None:
        check_gold(directory, warn)
        return eval_events.evaluate_corpus(directory, model=model)
    opts = ExtractOptions(paths=(), model=model, jobs=jobs, quiet=True, dask=dask)
    with extractor(opts, warn) as extract:  # the cluster first, as for extract
        check_gold(directory, warn)
        return eval_events.evaluate_corpus(directory, model=model, extract=extract.run)
