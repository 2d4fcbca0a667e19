"""The incremental store (``--db FILE.sqlite``): documents, their mentions and the chronology.

A SQLite database (the standard library's ``sqlite3``) with these tables:

``meta``
    ``schema`` (the layout version) and ``merged`` (1 when ``events`` is the merge of every
    stored document's mentions, 0 while a run is adding documents).
``documents``
    one row per document, known by its ``path`` as given (what mentions call their
    ``source``): ``abspath`` (to tell when the file is gone), ``sha256`` of its text as
    decoded, the text itself (so that a document whose file is gone can be extracted again
    after a version change), ``text_offset``, ``published``, ``published_basis``, ``outlet``,
    ``url``, ``read_at`` (UTC), and what it was extracted with: ``tool_version`` (the
    package's version and a digest of its code and data), ``model`` (``nlp.identity``) and
    ``options`` (``all`` or ``relevant``); ``mentions``, how many mention rows it has.
``mentions``
    every mention of every event the document gave (``document_id``, ``seq`` its order, the
    sentence and its offsets, date, basis, actors, type, modality, confidence, ...): the
    fields of ``records.Mention``, lists as JSON arrays.
``events``, ``event_actors``, ``event_mentions``
    the merged chronology in order (``position``), with each event's period
    (``date_start``, ``date_end``) and actors indexed, and its mentions in order.

Writes are transactional: a document and all its mentions are one transaction, and the merged
chronology another, so an interrupted run (Ctrl-C, kill) leaves whole documents only. The
database is in WAL mode: readers (``cstotimeline show``) never block a run.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cstotimeline import errors
from cstotimeline.records import Document, Event, Mention

SCHEMA_VERSION = 2
# Seconds to wait for another run holding the write lock.
BUSY_TIMEOUT = 60

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    abspath TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    text TEXT NOT NULL,
    text_offset INTEGER NOT NULL,
    published TEXT,
    published_basis TEXT NOT NULL,
    outlet TEXT,
    url TEXT,
    read_at TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    model TEXT NOT NULL,
    options TEXT NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    source TEXT NOT NULL,
    published TEXT,
    published_basis TEXT NOT NULL,
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    date_text TEXT,
    trigger TEXT NOT NULL,
    date TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    date_basis TEXT NOT NULL,
    date_mod TEXT,
    event_type TEXT NOT NULL,
    modality TEXT NOT NULL,
    actors TEXT NOT NULL,
    source_actors TEXT NOT NULL,
    target_actors TEXT NOT NULL,
    source_states TEXT NOT NULL,
    summary TEXT NOT NULL,
    confidence REAL NOT NULL,
    shifted INTEGER NOT NULL,
    relevance TEXT NOT NULL,
    date_relation TEXT NOT NULL,
    date_alternatives TEXT NOT NULL,
    url TEXT,
    outlet TEXT
);
CREATE INDEX mentions_document ON mentions(document_id, seq);
CREATE INDEX mentions_date ON mentions(date);
CREATE TABLE events (
    position INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    date TEXT NOT NULL,
    date_start TEXT NOT NULL,
    date_end TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    date_basis TEXT NOT NULL,
    date_mod TEXT,
    event_type TEXT NOT NULL,
    modality TEXT NOT NULL,
    relevance TEXT NOT NULL,
    actors TEXT NOT NULL,
    source_actors TEXT NOT NULL,
    target_actors TEXT NOT NULL,
    trigger TEXT NOT NULL,
    summary TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX events_id ON events(id);
CREATE INDEX events_period ON events(date_start, date_end);
CREATE INDEX events_type ON events(event_type);
CREATE TABLE event_actors (
    event INTEGER NOT NULL REFERENCES events(position) ON DELETE CASCADE,
    actor TEXT NOT NULL
);
CREATE INDEX event_actors_actor ON event_actors(actor, event);
CREATE TABLE event_mentions (
    event INTEGER NOT NULL REFERENCES events(position) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    mention INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    PRIMARY KEY (event, seq)
);
CREATE INDEX event_mentions_mention ON event_mentions(mention);
"""

_MENTION_COLUMNS = (
    "source",
    "published",
    "published_basis",
    "sentence",
    "start",
    '"end"',
    "date_text",
    "trigger",
    "date",
    "date_precision",
    "date_basis",
    "date_mod",
    "event_type",
    "modality",
    "actors",
    "source_actors",
    "target_actors",
    "source_states",
    "summary",
    "confidence",
    "shifted",
    "relevance",
    "date_relation",
    "date_alternatives",
    "url",
    "outlet",
)
_EVENT_COLUMNS = (
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
)


@functools.lru_cache(maxsize=1)
def tool_version() -> str:
    """The package's version and a digest of its code and data files: any change to what
    extraction runs makes the store extract its documents again."""
    from cstotimeline import __version__

    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return f"{__version__}+{digest.hexdigest()[:12]}"


@dataclass(frozen=True, slots=True)
class Config:
    """What a document's stored mentions were extracted with."""

    tool_version: str
    model: str
    options: str  # "all" (--all) or "relevant"

    @classmethod
    def current(cls, model: str, keep_all: bool) -> Config:
        return cls(tool_version(), model, "all" if keep_all else "relevant")


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A ``documents`` row, without its text."""

    id: int
    path: str
    abspath: str
    sha256: str
    text_offset: int
    published: str | None
    published_basis: str
    outlet: str | None
    url: str | None
    config: Config
    mentions: int

    def is_current(self, document: Document, config: Config) -> bool:
        """True when ``document`` as read now gives what is stored (same text and metadata,
        extracted with the same tool, model and options)."""
        return (
            self.config == config
            and self.sha256 == text_digest(document.text)
            and self.text_offset == document.offset
            and self.published == _iso(document.published)
            and self.published_basis == document.published_basis
            and self.outlet == document.outlet
            and self.url == document.url
        )


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _json(items: Sequence[str]) -> str:
    return json.dumps(list(items), ensure_ascii=False)


def _tuple(value: str) -> tuple[str, ...]:
    return tuple(json.loads(value))


def abspath(path: str) -> str:
    return os.path.abspath(path)


class Store:
    """An open store. ``Store(path)`` creates it if needed; ``readonly`` never writes."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        try:
            if readonly:
                if not path.exists():
                    raise errors.StoreError(
                        errors.E_STORE_OPEN.format(path=path, reason="no such file")
                    )
                uri = f"{path.resolve().as_uri()}?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)
            else:
                self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
            self._db.isolation_level = None  # transactions are explicit (``_transaction``)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._check_or_create()
        except sqlite3.DatabaseError as exc:
            self.close()
            if "file is not a database" in str(exc):
                raise errors.StoreError(errors.E_STORE_NOT_A_STORE.format(path=path)) from None
            raise errors.StoreError(errors.E_STORE_OPEN.format(path=path, reason=exc)) from None

    def close(self) -> None:
        db: sqlite3.Connection | None = getattr(self, "_db", None)
        if db is not None:
            db.close()
            del self._db

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- layout --------------------------------------------------------------------------------

    def _check_or_create(self) -> None:
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master")}
        if not tables and not self.readonly:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            with self._transaction():
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [("schema", str(SCHEMA_VERSION)), ("merged", "1")],
                )
            return
        if "meta" not in tables or "documents" not in tables:
            raise errors.StoreError(errors.E_STORE_NOT_A_STORE.format(path=self.path))
        found = self._meta("schema")
        if found != str(SCHEMA_VERSION):
            raise errors.StoreError(
                errors.E_STORE_SCHEMA.format(path=self.path, found=found, expected=SCHEMA_VERSION)
            )
        if not self.readonly:
            self._db.execute("PRAGMA synchronous = NORMAL")

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row is not None else None

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction: all of it is written, or (on any error or interruption) none."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise errors.StoreError(
                errors.E_STORE_WRITE.format(path=self.path, reason=reason)
            ) from None

    @property
    def merged(self) -> bool:
        """True when the stored chronology is the merge of every stored document."""
        return self._meta("merged") == "1"

    # -- documents -----------------------------------------------------------------------------

    def documents(self) -> dict[str, StoredDocument]:
        rows = self._db.execute(
            "SELECT id, path, abspath, sha256, text_offset, published, published_basis, outlet, "
            "url, tool_version, model, options, mentions FROM documents ORDER BY path"
        )
        return {
            r[1]: StoredDocument(
                id=r[0],
                path=r[1],
                abspath=r[2],
                sha256=r[3],
                text_offset=r[4],
                published=r[5],
                published_basis=r[6],
                outlet=r[7],
                url=r[8],
                config=Config(tool_version=r[9], model=r[10], options=r[11]),
                mentions=r[12],
            )
            for r in rows
        }

    def document(self, path: str) -> Document:
        """A stored document as it was read (to extract it again without its file)."""
        row = self._db.execute(
            "SELECT path, text, published, published_basis, url, outlet, text_offset "
            "FROM documents WHERE path = ?",
            (path,),
        ).fetchone()
        published = dt.date.fromisoformat(row[2]) if row[2] is not None else None
        return Document(
            source=row[0],
            text=row[1],
            published=published,
            published_basis=row[3],
            url=row[4],
            outlet=row[5],
            offset=row[6],
        )

    def put(self, document: Document, events: Sequence[Event], config: Config) -> None:
        """Store ``document`` and the mentions of its ``events`` (replacing what was stored
        for its path), in one transaction; the chronology is then no longer merged."""
        mentions = [m for e in events for m in e.mentions]
        read_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._transaction():
            self._db.execute("UPDATE meta SET value = '0' WHERE key = 'merged'")
            self._db.execute("DELETE FROM documents WHERE path = ?", (document.source,))
            cursor = self._db.execute(
                "INSERT INTO documents (path, abspath, sha256, text, text_offset, published, "
                "published_basis, outlet, url, read_at, tool_version, model, options, mentions) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document.source,
                    abspath(document.source),
                    text_digest(document.text),
                    document.text,
                    document.offset,
                    _iso(document.published),
                    document.published_basis,
                    document.outlet,
                    document.url,
                    read_at,
                    config.tool_version,
                    config.model,
                    config.options,
                    len(mentions),
                ),
            )
            doc_id = cursor.lastrowid
            placeholders = ", ".join("?" * (len(_MENTION_COLUMNS) + 2))
            self._db.executemany(
                f"INSERT INTO mentions (document_id, seq, {', '.join(_MENTION_COLUMNS)}) "
                f"VALUES ({placeholders})",
                [(doc_id, seq, *_mention_row(m)) for seq, m in enumerate(mentions)],
            )

    # -- the chronology ------------------------------------------------------------------------

    def mentions(self) -> Iterator[tuple[int, Mention]]:
        """(row id, mention) of every stored mention, document by document, in order."""
        rows = self._db.execute(
            f"SELECT id, {', '.join(_MENTION_COLUMNS)} FROM mentions ORDER BY document_id, seq"
        )
        for row in rows:
            yield row[0], _mention(row[1:])

    def merge(self) -> list[Event]:
        """The chronology merged from every stored document's mentions."""
        from cstotimeline import pipeline

        per_document: dict[str, list[Mention]] = {}
        for _id, mention in self.mentions():
            per_document.setdefault(mention.source, []).append(mention)
        return pipeline.chronology([_carrier(ms)] for ms in per_document.values())

    def write_events(self, events: Sequence[Event]) -> None:
        """Replace the stored chronology by ``events`` (one transaction); it is then merged."""
        from cstotimeline.chronology import period

        with self._transaction():
            ids = {
                (m.source, m.start, m.end, m.event_type, m.trigger, m.source_actors): i
                for i, m in self.mentions()
            }
            self._db.execute("DELETE FROM events")
            event_rows: list[tuple[object, ...]] = []
            actor_rows: list[tuple[int, str]] = []
            mention_rows: list[tuple[int, int, int]] = []
            for position, e in enumerate(events):
                lo, hi = period(e.date)
                event_rows.append((position, *_event_row(e), lo.isoformat(), hi.isoformat()))
                actor_rows.extend((position, a) for a in e.actors)
                mention_rows.extend(
                    (
                        position,
                        seq,
                        ids[(m.source, m.start, m.end, m.event_type, m.trigger, m.source_actors)],
                    )
                    for seq, m in enumerate(e.mentions)
                )
            columns = ", ".join(_EVENT_COLUMNS)
            self._db.executemany(
                f"INSERT INTO events (position, {columns}, date_start, date_end) "
                f"VALUES ({', '.join('?' * (len(_EVENT_COLUMNS) + 3))})",
                event_rows,
            )
            self._db.executemany("INSERT INTO event_actors VALUES (?, ?)", actor_rows)
            self._db.executemany("INSERT INTO event_mentions VALUES (?, ?, ?)", mention_rows)
            self._db.execute("UPDATE meta SET value = '1' WHERE key = 'merged'")

    def events(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        actors: Sequence[str] = (),
        types: Sequence[str] = (),
    ) -> list[Event]:
        """The stored chronology, filtered as ``chronology.filter_events`` filters (by the
        indexes: the period overlaps [since, until], any of ``actors``, any of ``types``)."""
        where: list[str] = []
        params: list[str] = []
        if since is not None:
            where.append("e.date_end >= ?")
            params.append(since.isoformat())
        if until is not None:
            where.append("e.date_start <= ?")
            params.append(until.isoformat())
        if types:
            where.append(f"e.event_type IN ({', '.join('?' * len(types))})")
            params.extend(types)
        if actors:
            where.append(
                "EXISTS (SELECT 1 FROM event_actors a WHERE a.event = e.position "
                f"AND a.actor IN ({', '.join('?' * len(actors))}))"
            )
            params.extend(actors)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        columns = ", ".join(f"e.{c}" for c in _EVENT_COLUMNS)
        rows = self._db.execute(
            f"SELECT e.position, {columns} FROM events e {clause} ORDER BY e.position", params
        ).fetchall()
        mention_columns = ", ".join(f"m.{c}" for c in _MENTION_COLUMNS)
        out: list[Event] = []
        for row in rows:
            mentions = tuple(
                _mention(r)
                for r in self._db.execute(
                    f"SELECT {mention_columns} FROM event_mentions em "
                    "JOIN mentions m ON m.id = em.mention WHERE em.event = ? ORDER BY em.seq",
                    (row[0],),
                )
            )
            out.append(_event(row[1:], mentions))
        return out

    def count(self, table: str) -> int:
        assert table in ("documents", "mentions", "events")
        return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _carrier(mentions: Sequence[Mention]) -> Event:
    """One document's stored mentions as one event record: the merge reads only mentions."""
    from cstotimeline.chronology import aggregate

    return aggregate(mentions)


def _mention_row(m: Mention) -> tuple[object, ...]:
    return (
        m.source,
        m.published,
        m.published_basis,
        m.sentence,
        m.start,
        m.end,
        m.date_text,
        m.trigger,
        m.date,
        m.date_precision,
        m.date_basis,
        m.date_mod,
        m.event_type,
        m.modality,
        _json(m.actors),
        _json(m.source_actors),
        _json(m.target_actors),
        _json(m.source_states),
        m.summary,
        m.confidence,
        int(m.shifted),
        m.relevance,
        m.date_relation,
        json.dumps([list(a) for a in m.date_alternatives]),
        m.url,
        m.outlet,
    )


def _mention(row: Sequence[Any]) -> Mention:
    values = dict(zip((c.strip('"') for c in _MENTION_COLUMNS), row, strict=True))
    for key in ("actors", "source_actors", "target_actors", "source_states"):
        values[key] = _tuple(values[key])
    values["shifted"] = bool(values["shifted"])
    values["date_alternatives"] = tuple(
        (str(d), str(r), float(p)) for d, r, p in json.loads(values["date_alternatives"])
    )
    return Mention(**values)


def _event_row(e: Event) -> tuple[object, ...]:
    return (
        e.id,
        e.date,
        e.date_precision,
        e.date_basis,
        e.date_mod,
        e.event_type,
        e.modality,
        e.relevance,
        _json(e.actors),
        _json(e.source_actors),
        _json(e.target_actors),
        e.trigger,
        e.summary,
        e.confidence,
    )


def _event(row: Sequence[Any], mentions: tuple[Mention, ...]) -> Event:
    values = dict(zip(_EVENT_COLUMNS, row, strict=True))
    for key in ("actors", "source_actors", "target_actors"):
        values[key] = _tuple(values[key])
    return Event(**values, mentions=mentions)


__all__ = ["SCHEMA_VERSION", "Config", "Store", "StoredDocument", "text_digest", "tool_version"]
