"""Spreading documents over processes.

Per-document extraction is a pure function, so batches of documents can go to worker processes
(each holds one pipeline) and their events come back to be merged; the merge is
order-independent, so the output is the same for any ``--jobs``. Results are yielded in input
order and at most ``2 × jobs`` batches are in flight, so memory stays flat however many
documents stream through: the parent keeps only event records.

Workers start with ``fork`` on Linux under Python 3.11, after the parent has loaded the
pipeline and built the gazetteer and lexicon once: the workers share those pages copy-on-write
and start at once, and nothing is loaded twice. Elsewhere (and from Python 3.12, which warns
about forking a process that has threads, and the loaded model's BLAS has some) they are
spawned and load their own.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

from cstotimeline.records import Document, Event

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from rich.progress import Progress, TaskID
    from spacy.language import Language

# Inputs with fewer documents than this run in one process (start-up would cost more).
SMALL_INPUT = 8
# A worker batch: at most this many documents or (past the first document) characters. Small
# batches keep the workers evenly loaded to the end; a batch is parsed by one ``nlp.pipe``.
WORKER_BATCH = 8
WORKER_BATCH_CHARS = 40_000

_worker_nlp: Language | None = None
_worker_keep_all = False


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def extract_all(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    keep_all: bool = False,
    jobs: int | None = None,
    progress: bool = True,
) -> Iterator[list[Event]]:
    """Events of each document, in input order, using ``jobs`` processes (None: automatic)."""
    for _document, events in extract_documents(
        documents, model=model, keep_all=keep_all, jobs=jobs, progress=progress
    ):
        yield events


def extract_documents(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    keep_all: bool = False,
    jobs: int | None = None,
    progress: bool = True,
) -> Iterator[tuple[Document, list[Event]]]:
    """(document, its events) for each document, in input order, using ``jobs`` processes."""
    it = iter(documents)
    head = list(itertools.islice(it, SMALL_INPUT))
    small = len(head) < SMALL_INPUT
    if jobs is None or jobs == 0:
        jobs = 1 if small else default_jobs()
    bar = ProgressCounter(enabled=progress and len(head) > 1)
    stream = itertools.chain(head, it)
    del head
    try:
        if jobs <= 1:
            from cstotimeline import nlp, pipeline

            pipe = nlp.load(model)
            _settle()
            for pair in pipeline.extract(stream, pipe, keep_all=keep_all):
                bar.advance()
                yield pair
        else:
            for pair in _parallel(stream, model, keep_all, jobs):
                bar.advance()
                yield pair
    finally:
        bar.close()


def start_method() -> str:
    """``fork`` where it is safe and cheap (Linux, Python 3.11), else ``spawn``."""
    if sys.platform.startswith("linux") and sys.version_info < (3, 12):
        return "fork"
    return "spawn"


def _init_worker(model: str | None, keep_all: bool) -> None:
    global _worker_nlp, _worker_keep_all
    # Ctrl-C and SIGTERM are the parent's business: it stops the pool; a worker finishes its
    # batch and exits quietly instead of printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from cstotimeline import nlp

    _worker_nlp = nlp.load(model)  # forked: the parent's pipeline (``nlp.load`` caches it)
    _worker_keep_all = keep_all
    _settle()


def _work(batch: list[Document]) -> list[list[Event]]:
    from cstotimeline import pipeline

    assert _worker_nlp is not None
    return [
        events
        for _doc, events in pipeline.extract(
            batch, _worker_nlp, keep_all=_worker_keep_all, batch_size=len(batch)
        )
    ]


def _batches(documents: Iterator[Document]) -> Iterator[list[Document]]:
    from cstotimeline.pipeline import batches

    return batches(documents, size=WORKER_BATCH, chars=WORKER_BATCH_CHARS)


def _preload(model: str | None) -> None:
    """Load in the parent what every worker needs (the pipeline, the gazetteer, the lexicon,
    the temporal grammar), so that forked workers inherit it instead of each loading it again:
    the same wall time as parallel loads in the workers, less CPU time and memory."""
    from cstotimeline import nlp
    from cstotimeline.actors import default_gazetteer
    from cstotimeline.lexicon import default_lexicon

    nlp.load(model)
    default_gazetteer()
    default_lexicon()
    import cstotimeline.events
    import cstotimeline.timex  # noqa: F401


def _settle() -> None:
    """Exempt everything loaded so far from garbage collection (``gc.freeze``): the pipeline,
    the gazetteer and the lexicon stay for the whole run, and every full collection would
    otherwise traverse them again (about 0.1 s each with the pipeline loaded) and, in a forked
    worker, copy every page it touches. Frozen objects are still freed by reference counting."""
    import gc

    gc.freeze()


def _context(model: str | None) -> BaseContext:
    import multiprocessing

    from cstotimeline import nlp

    nlp.resolve_model_name(model)  # fail early, in the parent, when no model is installed
    method = start_method()
    if method == "fork":
        _preload(model)
        _settle()  # before the fork: the workers' collections then leave the shared pages alone
        # Buffered output would be flushed again by every child as it exits.
        sys.stdout.flush()
        sys.stderr.flush()
    return multiprocessing.get_context(method)


def _parallel(
    documents: Iterator[Document], model: str | None, keep_all: bool, jobs: int
) -> Iterator[tuple[Document, list[Event]]]:
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_context(model),
        initializer=_init_worker,
        initargs=(model, keep_all),
    )
    from cstotimeline.records import Interner

    shared = Interner()  # the workers' records come unpickled, each with its own strings
    pending: deque[tuple[list[Document], Future[list[list[Event]]]]] = deque()

    def take() -> Iterator[tuple[Document, list[Event]]]:
        done, future = pending.popleft()
        for document, events in zip(done, future.result(), strict=True):
            yield document, shared.events(events)

    try:
        for batch in _batches(documents):
            pending.append((batch, pool.submit(_work, batch)))
            while len(pending) >= 2 * jobs:
                yield from take()
        while pending:
            yield from take()
    finally:
        # On an error, Ctrl-C or an abandoned generator: drop what has not started.
        pool.shutdown(wait=True, cancel_futures=True)


class ProgressCounter:
    """A documents-processed counter on stderr (rich), only when stderr is a terminal.

    It starts with the first finished document: its refresh thread must not exist yet when
    the workers are forked.
    """

    def __init__(self, enabled: bool) -> None:
        self._enabled = enabled and sys.stderr.isatty()
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._enabled = False
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.completed} documents"),
            TimeElapsedColumn(),
            console=Console(file=sys.stderr),
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task("extract", total=None)

    def advance(self) -> None:
        if self._enabled:
            self._start()
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
