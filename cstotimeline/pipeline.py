"""Running the pipeline over documents: parse in batches, extract per document, merge.

``document_events`` is the per-document pure function (document + its parses → events);
``extract`` streams documents through ``nlp.pipe`` one batch at a time and yields each
document's events; ``chronology`` merges them into one sorted chronology. Long texts are cut
into chunks on paragraph or sentence boundaries so no single parse exceeds ``CHUNK_CHARS``;
offsets stay those of the original text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from cstotimeline.records import Document, Event

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from cstotimeline.actors import Gazetteer
    from cstotimeline.events import Proposal

CHUNK_CHARS = 50_000
# A stretch longer than this with no sentence end and no line break is not prose (a
# serialised blob, a word list, a page of numbers): ``chunks`` leaves it out, so one such line of
# several MB costs a regular-expression scan instead of minutes of parsing. See ``long_runs``.
MAX_RUN_CHARS = 5_000
# Documents parsed together (one nlp.pipe call): at most this many, or this many characters.
BATCH_SIZE = 16
BATCH_CHARS = 60_000
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s+"), re.compile(r"\s+"))
_RUN = re.compile(r"[^\n\r.!?…。！？]+")


def chunks(
    text: str, limit: int = CHUNK_CHARS, max_run: int = MAX_RUN_CHARS
) -> list[tuple[int, str]]:
    """Split ``text`` into (offset, piece) pieces of at most ``limit`` characters.

    Cuts fall on the last paragraph break before the limit, else the last line break, else
    the last sentence end, else the last space, else at the limit itself. Stretches longer than
    ``max_run`` characters without a sentence end or line break (``long_runs``) are left out;
    ``max_run <= 0`` keeps everything. Whitespace-only pieces are dropped. Every piece is
    ``text[offset : offset + len(piece)]``.
    """
    out: list[tuple[int, str]] = []
    pos = 0
    for run_start, run_end in [*long_runs(text, max_run), (len(text), len(text))]:
        n = run_start  # the prose before this run
        while n - pos > limit:
            window = text[pos : pos + limit]
            cut = 0
            for pattern in _BREAKS:
                last = None
                for last in pattern.finditer(window):  # noqa: B007
                    pass
                if last is not None and last.end() > limit // 4:
                    cut = last.end()
                    break
            if cut <= 0:
                cut = limit
            out.append((pos, text[pos : pos + cut]))
            pos += cut
        out.append((pos, text[pos:n]))
        pos = run_end
    return [(o, t) for o, t in out if t.strip()]


def long_runs(text: str, max_run: int = MAX_RUN_CHARS) -> list[tuple[int, int]]:
    """(start, end) of each stretch of more than ``max_run`` characters without a sentence end
    (``.``, ``!``, ``?``, ``…``) or line break: what ``chunks`` leaves out (none if
    ``max_run <= 0``)."""
    if max_run <= 0 or len(text) <= max_run:
        return []
    return [m.span() for m in _RUN.finditer(text) if m.end() - m.start() > max_run]


def document_candidates(
    document: Document,
    parsed: Sequence[tuple[int, Doc]],
    *,
    gazetteer: Gazetteer | None = None,
) -> Proposal:
    """Every event candidate of one document, from the parses of its chunks (offset, Doc),
    with the relevance of its longest chunk as the document's."""
    from cstotimeline.events import Proposal, propose

    out = Proposal([], "other")
    longest = -1
    for base, doc in parsed:
        found = propose(document, doc, gazetteer=gazetteer, base=base)
        out.extend(found)
        if len(doc) > longest:
            out.relevance, longest = found.relevance, len(doc)
    return out


def document_events(
    document: Document,
    parsed: Sequence[tuple[int, Doc]],
    *,
    gazetteer: Gazetteer | None = None,
    keep_all: bool = False,
) -> list[Event]:
    """All events of one document, from the parses of its chunks (offset, Doc)."""
    from cstotimeline.events import select_events

    proposal = document_candidates(document, parsed, gazetteer=gazetteer)
    return with_source(
        document,
        select_events(
            proposal.candidates,
            proposal.relevance,
            gazetteer=gazetteer,
            keep_all=keep_all,
            summarize=proposal.summarize,
        ),
    )


def with_source(document: Document, events: list[Event]) -> list[Event]:
    """``events`` of ``document`` with its manifest ``url`` and ``outlet`` on every mention
    (the extractor records only the source's name). Ids and merging do not depend on them."""
    if document.url is None and document.outlet is None:
        return events
    return [
        dataclasses.replace(
            e,
            mentions=tuple(
                dataclasses.replace(m, url=document.url, outlet=document.outlet)
                if m.source == document.source
                else m
                for m in e.mentions
            ),
        )
        for e in events
    ]


def extract(
    documents: Iterable[Document],
    nlp: Language,
    *,
    gazetteer: Gazetteer | None = None,
    keep_all: bool = False,
    batch_size: int = BATCH_SIZE,
    batch_chars: int = BATCH_CHARS,
) -> Iterator[tuple[Document, list[Event]]]:
    """Stream (document, events) pairs, parsing a batch of documents at a time.

    A batch is ``batch_size`` documents or, past its first document, ``batch_chars``
    characters, whichever comes first; only its parses are held in memory.
    """
    for document, parsed in parse(documents, nlp, batch_size=batch_size, batch_chars=batch_chars):
        yield document, document_events(document, parsed, gazetteer=gazetteer, keep_all=keep_all)


def parse(
    documents: Iterable[Document],
    nlp: Language,
    *,
    batch_size: int = BATCH_SIZE,
    batch_chars: int = BATCH_CHARS,
) -> Iterator[tuple[Document, list[tuple[int, Doc]]]]:
    """Stream (document, parses of its chunks as (offset, Doc)) pairs, a batch at a time."""
    for batch in batches(documents, size=batch_size, chars=batch_chars):
        yield from _parse_batch(batch, nlp, batch_chars)


def batches(documents: Iterable[Document], *, size: int, chars: int) -> Iterator[list[Document]]:
    """Consecutive groups of at most ``size`` documents or, past the first, ``chars``
    characters (used for parsing batches and for the batches sent to worker processes)."""
    batch: list[Document] = []
    total = 0
    for document in documents:
        batch.append(document)
        total += len(document.text)
        if len(batch) >= size or total >= chars:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def _parse_batch(
    batch: list[Document], nlp: Language, batch_chars: int = BATCH_CHARS
) -> Iterator[tuple[Document, list[tuple[int, Doc]]]]:
    pieces: list[tuple[str, tuple[int, int]]] = []
    total = 0
    for i, document in enumerate(batch):
        for base, piece in chunks(document.text):
            pieces.append((piece, (i, base)))
            total += len(piece)
    # One nlp.pipe batch for ordinary documents; fewer pieces at a time for very long ones.
    size = max(1, min(len(pieces), batch_chars * len(pieces) // max(1, total)))
    # Pieces come back in order: a document is complete when the next one's first piece
    # arrives, and its parses are dropped as soon as the caller is done with them.
    index = 0
    current: list[tuple[int, Doc]] = []
    for doc, (i, base) in nlp.pipe(pieces, as_tuples=True, batch_size=size):
        while index < i:
            yield batch[index], current
            current = []
            index += 1
        current.append((base, doc))
    while index < len(batch):
        yield batch[index], current
        current = []
        index += 1


def chronology(events_per_document: Iterable[Sequence[Event]]) -> list[Event]:
    """Merge per-document events into one sorted chronology."""
    from cstotimeline.chronology import merge_events

    return merge_events(e for events in events_per_document for e in events)
