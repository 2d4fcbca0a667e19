"""Extraction on a Dask distributed cluster (``--dask ADDRESS``, ``--dask local``).

Per-document extraction is a pure function of the document, so batches of documents go to the
cluster's workers as tasks and their events come back to the client, which merges them (the
merge depends only on the set of mentions, so the chronology is the same whatever the number
of workers or the order in which batches finish). Each worker process loads the spaCy
pipeline once (``nlp.load`` caches it) and runs one batch at a time (a process-wide lock: a
spaCy pipeline is not meant to be shared by threads), so a worker started with several
threads is still correct, only no faster; start workers with ``--nthreads 1``, one per core.

Results are taken as they finish, at most ``2 ×`` the workers' threads batches in flight, so
the client holds only event records and the batches being worked on (Dask's log of recent
messages, which would hold every batch sent, is cut to ``LOG_LENGTH`` messages). When a
worker dies, the scheduler gives its batches to another worker (Dask's own retry); the run
finishes with the same output. Every worker must have the same pipeline (name and version):
the client checks before it sends anything, and every batch says which one it was extracted
with.

``distributed`` is an optional dependency (``pip install 'cstotimeline[dask]'``), imported
only here and only when ``--dask`` is given.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import tempfile
import threading
import uuid
import warnings
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from cstotimeline import errors
from cstotimeline.records import Document, Event

if TYPE_CHECKING:
    from distributed import Client

# ``--dask local`` starts a LocalCluster on this machine.
LOCAL = "local"
# Seconds to reach the scheduler, and to wait for its first worker.
CONNECT_TIMEOUT = 10
WORKER_TIMEOUT = 120
# A task batch: the sizes ``--jobs`` uses (a batch is one ``nlp.pipe``), small enough that the
# last batches spread over the workers.
BATCH_DOCUMENTS = 8
BATCH_CHARS = 40_000
# Messages Dask keeps per connection for debugging (its default: 1,000).
LOG_LENGTH = 16

# One batch at a time in a worker process (see the module docstring).
_worker_lock = threading.Lock()


def worker_identity(model: str | None) -> str:
    """On a worker: which pipeline it would extract with (``nlp.identity``)."""
    from cstotimeline import nlp

    return nlp.identity(model)


def extract_batch(
    batch: list[Document], model: str | None, keep_all: bool
) -> tuple[str, list[list[Event]]]:
    """On a worker: the events of each document of ``batch``, with the pipeline's identity."""
    from cstotimeline import nlp, pipeline

    with _worker_lock:
        pipe = nlp.load(model)
        out = [
            events
            for _document, events in pipeline.extract(
                batch, pipe, keep_all=keep_all, batch_size=len(batch)
            )
        ]
    return nlp.identity(model), out


def require() -> Any:
    """The ``distributed`` module, or a usage error saying how to install it."""
    try:
        import distributed
    except ImportError:
        raise errors.UsageError(errors.E_DASK_MISSING) from None
    if not os.environ.get("CSTOTIMELINE_DEBUG"):
        # Dask logs to stderr in its own format; the client says what matters in ours.
        logging.getLogger("distributed").setLevel(logging.ERROR)
    return distributed


class Cluster:
    """A connection to a Dask scheduler (or a LocalCluster it started), closed on exit."""

    def __init__(self, address: str, *, workers: int | None = None) -> None:
        distributed = require()
        import dask

        self.address = address
        self._local: Any = None
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        # Dask keeps the last 1,000 messages of every connection for debugging, and a message
        # that sends a batch holds its documents: with that log the client (and an in-process
        # scheduler) would grow with every batch sent. Until ``close``.
        settings: dict[str, object] = {"distributed.admin.low-level-log-length": LOG_LENGTH}
        if address == LOCAL:
            # A scratch directory of its own (the scheduler's and the workers'): nothing to tidy
            # up in a shared one (which Dask warns about when it takes more than a second),
            # nothing left behind.
            self._scratch = tempfile.TemporaryDirectory(prefix="cstotimeline-dask-")
            settings["temporary-directory"] = self._scratch.name
        self._config: Any = dask.config.set(settings)
        try:
            if address == LOCAL:
                from cstotimeline.parallel import default_jobs

                # The scheduler's HTTP server takes another port when 8787 is taken, and says
                # so; a slow scratch directory is warned about too.
                with warnings.catch_warnings():
                    warnings.filterwarnings("ignore", message="Creating scratch directories")
                    warnings.filterwarnings("ignore", message="Port 8787 is already in use")
                    self._local = distributed.LocalCluster(
                        n_workers=workers or default_jobs(),
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                        local_directory=settings["temporary-directory"],
                    )
                self.client: Client = distributed.Client(self._local)
            else:
                self.client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
        except ValueError as exc:  # not an address
            self.close()
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise errors.UsageError(
                errors.E_DASK_ADDRESS.format(address=address, reason=reason[:200])
            ) from None
        except (OSError, TimeoutError) as exc:
            self.close()
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise errors.DaskError(
                errors.E_DASK_CONNECT.format(address=address, reason=reason[:200])
            ) from None

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._local is not None:
            self._local.close()
            self._local = None
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None
        if self._config is not None:
            self._config.__exit__(None, None, None)
            self._config = None

    def wait_for_workers(self) -> None:
        try:
            self.client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except TimeoutError:
            raise errors.DaskError(
                errors.E_DASK_NO_WORKERS.format(address=self.address, seconds=WORKER_TIMEOUT)
            ) from None

    def threads(self) -> int:
        return sum(self.client.nthreads().values())

    def model_identity(self, model: str | None) -> str:
        """The pipeline every worker would use; an error if they differ."""
        self.wait_for_workers()
        try:
            found = self.client.run(worker_identity, model)
        except errors.CstoTimelineError:
            raise
        except Exception as exc:  # e.g. a worker without cstotimeline installed
            raise self._task_error(exc) from None
        kinds = sorted(set(found.values()))
        if len(kinds) != 1:
            raise errors.DaskError(errors.E_DASK_MODELS.format(models="; ".join(kinds)))
        return kinds[0]

    def extract(
        self,
        documents: Iterable[Document],
        *,
        model: str | None = None,
        keep_all: bool = False,
        progress: bool = True,
    ) -> Iterator[tuple[Document, list[Event]]]:
        """(document, events) for each document, in the order the batches finish."""
        from distributed import as_completed

        from cstotimeline.parallel import ProgressCounter
        from cstotimeline.pipeline import batches
        from cstotimeline.records import Interner

        expected = self.model_identity(model)
        limit = max(2, 2 * self.threads())
        run = uuid.uuid4().hex[:12]
        counter = itertools.count()
        stream = batches(documents, size=BATCH_DOCUMENTS, chars=BATCH_CHARS)
        in_flight: dict[str, tuple[Any, list[Document]]] = {}
        queue = as_completed(loop=self.client.loop)
        bar = ProgressCounter(enabled=progress)
        shared = Interner()  # the records of every batch come unpickled, each its own copy

        def fill() -> None:
            while len(in_flight) < limit:
                batch = next(stream, None)
                if batch is None:
                    return
                # A key of its own per run: never a result cached from another client's run.
                key = f"cstotimeline-extract-{run}-{next(counter)}"
                future = self.client.submit(extract_batch, batch, model, keep_all, key=key)
                in_flight[key] = (future, batch)
                queue.add(future)

        try:
            fill()
            for future in queue:
                _, batch = in_flight.pop(future.key)
                try:
                    identity, results = future.result()
                except errors.CstoTimelineError:
                    raise
                except Exception as exc:
                    raise self._task_error(exc) from None
                future.release()
                if identity != expected:
                    raise errors.DaskError(
                        errors.E_DASK_MODELS.format(models=f"{expected}; {identity}")
                    )
                for document, events in zip(batch, results, strict=True):
                    bar.advance()
                    yield document, shared.events(events)
                del batch, results
                fill()
        finally:
            bar.close()
            if in_flight:  # an error, Ctrl-C or an abandoned generator: drop the rest
                with contextlib.suppress(Exception):
                    self.client.cancel([f for f, _ in in_flight.values()], force=True)

    @staticmethod
    def _task_error(exc: Exception) -> errors.CstoTimelineError:
        name = type(exc).__name__
        if name == "KilledWorker":
            return errors.DaskError(errors.E_DASK_KILLED)
        message = " ".join(str(exc).split()) or "-"
        return errors.DaskError(errors.E_DASK_TASK.format(kind=name, message=message[:300]))


__all__ = ["LOCAL", "Cluster", "extract_batch", "require", "worker_identity"]
