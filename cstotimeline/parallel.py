"""Spreading documents over processes.

Per-document extraction is a pure function, so batches of documents can go to worker processes
(each loads the pipeline once) and their events come back to be merged; the merge is
order-independent, so the output is the same for any ``--jobs``. At most ``2 × jobs`` batches
are in flight, so memory stays flat however many documents stream through.
"""

from __future__ import annotations

import itertools
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

from cstotimeline.records import Document, Event

if TYPE_CHECKING:
    from spacy.language import Language

# Inputs with fewer documents than this run in one process (start-up would cost more).
SMALL_INPUT = 8
WORKER_BATCH = 16

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
    it = iter(documents)
    head = list(itertools.islice(it, SMALL_INPUT))
    small = len(head) < SMALL_INPUT
    if jobs is None or jobs == 0:
        jobs = 1 if small else default_jobs()
    stream = itertools.chain(head, it)
    bar = _progress(enabled=progress and (len(head) > 1))
    try:
        if jobs <= 1:
            from cstotimeline import nlp, pipeline

            pipe = nlp.load(model)
            for _doc, events in pipeline.extract(stream, pipe, keep_all=keep_all):
                bar.advance()
                yield events
        else:
            for events in _parallel(stream, model, keep_all, jobs):
                bar.advance()
                yield events
    finally:
        bar.close()


def _init_worker(model: str | None, keep_all: bool) -> None:
    global _worker_nlp, _worker_keep_all
    from cstotimeline import nlp

    _worker_nlp = nlp.load(model)
    _worker_keep_all = keep_all


def _work(batch: list[Document]) -> list[list[Event]]:
    from cstotimeline import pipeline

    assert _worker_nlp is not None
    return [
        events for _doc, events in pipeline.extract(batch, _worker_nlp, keep_all=_worker_keep_all)
    ]


def _parallel(
    documents: Iterator[Document], model: str | None, keep_all: bool, jobs: int
) -> Iterator[list[Event]]:
    import multiprocessing

    from cstotimeline import nlp

    nlp.resolve_model_name(model)  # fail early, in the parent, when no model is installed
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(model, keep_all)
    ) as pool:
        pending: deque[Future[list[list[Event]]]] = deque()
        batches = iter(lambda: list(itertools.islice(documents, WORKER_BATCH)), [])
        for batch in batches:
            pending.append(pool.submit(_work, batch))
            while len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


class _Progress:
    """A documents-processed counter on stderr (rich), only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self._progress = None
        self._task = None
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

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
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def _progress(enabled: bool) -> _Progress:
    return _Progress(enabled)
