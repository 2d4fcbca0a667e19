"""Extraction on a Dask cluster: the same output as a local run, also when a worker dies.

The tests start their own scheduler and workers on 127.0.0.1 (``dask scheduler`` and
``dask worker`` subprocesses, or ``--dask local``) and stop them afterwards.
"""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, ROOT, need_shared

from cstotimeline import cli, cluster, errors

distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed")

HELDOUT = ROOT / "tests" / "data" / "heldout"
BLIND = ROOT / "tests" / "data" / "blind"
START_TIMEOUT = 90


def cli_cmd(*args: object) -> list[str]:
    return [sys.executable, "-m", "cstotimeline", *[str(a) for a in args]]


@dataclass
class LocalhostCluster:
    """A scheduler and workers started as subprocesses, listening on 127.0.0.1 only."""

    directory: Path
    address: str = ""
    scheduler: subprocess.Popen[bytes] | None = None
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def _start(self, args: list[str], log: str) -> subprocess.Popen[bytes]:
        # Their scratch space in the test's directory, not in the shared /tmp.
        env = {**os.environ, "DASK_TEMPORARY_DIRECTORY": str(self.directory)}
        with open(self.directory / log, "wb") as out:
            return subprocess.Popen(
                args, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env
            )

    def start(self, workers: int) -> None:
        info = self.directory / "scheduler.json"
        self.scheduler = self._start(
            [
                *(sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1"),
                *("--port", "0", "--no-dashboard", "--scheduler-file", str(info)),
            ],
            "scheduler.log",
        )
        deadline = time.monotonic() + START_TIMEOUT
        while not info.exists() or not info.read_text().strip().endswith("}"):
            if self.scheduler.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the scheduler did not start: {self.log('scheduler.log')}")
            time.sleep(0.1)
        self.address = json.loads(info.read_text())["address"]
        for i in range(workers):
            self.workers.append(
                self._start(
                    [
                        *(sys.executable, "-m", "distributed.cli.dask_worker", self.address),
                        *("--host", "127.0.0.1", "--nthreads", "1", "--no-nanny"),
                        *("--no-dashboard", "--name", f"worker-{i}"),
                    ],
                    f"worker-{i}.log",
                )
            )
        with self.client() as client:
            client.wait_for_workers(workers, timeout=START_TIMEOUT)

    @contextmanager
    def client(self) -> Iterator[Any]:
        client = distributed.Client(self.address, timeout=START_TIMEOUT)
        try:
            yield client
        finally:
            client.close()

    def log(self, name: str) -> str:
        return (self.directory / name).read_text(errors="replace")[-2000:]

    def stop(self) -> None:
        procs = [*self.workers, *([self.scheduler] if self.scheduler else [])]
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@contextmanager
def localhost_cluster(directory: Path, workers: int = 2) -> Iterator[LocalhostCluster]:
    directory.mkdir(parents=True, exist_ok=True)
    c = LocalhostCluster(directory)
    try:
        c.start(workers)
        yield c
    finally:
        c.stop()


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalhostCluster]:
    with localhost_cluster(tmp_path_factory.mktemp("cluster")) as c:
        yield c


def run(cmd: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(cmd, capture_output=True, timeout=600, check=False)


# -- a scheduler and two workers ---------------------------------------------------------------


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_scheduler_and_two_workers_print_what_a_local_run_prints(nlp, two_workers, fmt):
    corpus = need_shared(CORPUS)
    args = ["extract", "-q", "-f", fmt, "--manifest", corpus / "index.tsv", corpus]
    local = run(cli_cmd(*args, "--jobs", "1"))
    remote = run(cli_cmd(*args, "--dask", two_workers.address))
    assert local.returncode == 0, local.stderr
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout == local.stdout
    # the corpus's README is named as skipped, and nothing else is said
    readme = errors.W_NOT_ARTICLES.format(path=corpus, count=1, files="README.md")
    assert remote.stderr == local.stderr == f"cstotimeline: warning: {readme}\n".encode()
    assert local.stdout.count(b"\n") > 30  # a real chronology, not a trivial one


def _many_articles(root: Path, copies: int) -> list[Path]:
    """The held-out and blind articles, ``copies`` times each (each copy's bytes changed)."""
    root.mkdir(parents=True, exist_ok=True)
    files = []
    for k in range(copies):
        for article in sorted([*HELDOUT.glob("*.txt"), *BLIND.glob("*.txt")]):
            path = root / f"{k:02d}_{article.name}"
            text = article.read_text(encoding="utf-8") + f"\n\n[copy {k}]\n"
            path.write_text(text, encoding="utf-8")
            files.append(path)
    return files


def _json(events: list[Any]) -> str:
    from cstotimeline.export import write

    out = io.StringIO()
    write(events, out, "json")
    return out.getvalue()


@pytest.mark.model
def test_a_worker_killed_mid_run_changes_nothing(nlp, tmp_path):
    from cstotimeline import ingest, pipeline

    files = _many_articles(tmp_path / "articles", copies=3)
    documents = list(ingest.iter_documents([str(tmp_path / "articles")], warn=lambda _m: None))
    assert len(documents) == len(files) == 36
    expected = _json(pipeline.chronology(e for _d, e in pipeline.extract(documents, nlp)))

    with (
        localhost_cluster(tmp_path / "cluster", workers=2) as c,
        cluster.Cluster(c.address) as connection,
    ):
        client = connection.client
        pids = client.run(os.getpid)
        stream = connection.extract(iter(documents), progress=False)
        pairs = [next(stream)]  # the run is under way: every worker has batches
        processing = client.processing()
        victim = max(processing, key=lambda w: len(processing[w]))
        assert processing[victim], processing
        os.kill(pids[victim], signal.SIGKILL)
        pairs.extend(stream)
        survivors = set(client.scheduler_info()["workers"])
        # Dask's log of recent messages (which hold the batches sent) stays short.
        log = client.scheduler_comm.recent_message_log
        assert log.maxlen == cluster.LOG_LENGTH and 0 < len(log) <= cluster.LOG_LENGTH
    assert victim not in survivors and len(survivors) == 1
    assert sorted(d.source for d, _e in pairs) == sorted(d.source for d in documents)
    assert _json(pipeline.chronology(e for _d, e in pairs)) == expected


# -- --dask local, the extra missing, bad addresses ---------------------------------------------


@pytest.mark.model
def test_dask_local_prints_what_a_local_run_prints(nlp, tmp_path):
    articles = tmp_path / "articles"
    _many_articles(articles, copies=1)
    args = ["extract", "-q", "-f", "jsonl", articles]
    local = run(cli_cmd(*args, "--jobs", "1"))
    dask = run(cli_cmd(*args, "--dask", "local", "--jobs", "2"))
    assert local.returncode == dask.returncode == 0, dask.stderr
    assert dask.stdout == local.stdout and dask.stdout.count(b"\n") > 20
    assert dask.stderr.decode() == ""
    # Into a store, and again: the second run extracts nothing.
    db = tmp_path / "c.sqlite"
    args = ["extract", "-f", "jsonl", "--db", db, "--dask", "local", "--jobs", "2", articles]
    for extracted, unchanged in ((12, 0), (0, 12)):
        stored = run(cli_cmd(*args))
        assert stored.returncode == 0 and stored.stdout == local.stdout
        assert (
            stored.stderr.decode()
            == "cstotimeline: "
            + errors.N_STORE.format(path=db, extracted=extracted, unchanged=unchanged, kept=0)
            + "\n"
        )


@pytest.mark.model
@pytest.mark.shared
def test_evaluate_events_on_dask_gives_the_same_report(nlp):
    corpus = need_shared(CORPUS)
    local = run(cli_cmd("evaluate", "events", "--verbose", corpus))
    dask = run(cli_cmd("evaluate", "events", "--verbose", "--dask", "local", "-j", "2", corpus))
    assert local.returncode == dask.returncode == 0, dask.stderr
    assert dask.stdout == local.stdout and b"dated_event_F1" in local.stdout


@pytest.mark.parametrize(
    "argv", [["extract", "--dask", "local"], ["evaluate", "events", "--dask", "local"]]
)
def test_without_distributed_dask_is_a_usage_error(tmp_path, capsys, monkeypatch, argv):
    article = tmp_path / "a.txt"
    article.write_text("Armenia froze its participation in the CSTO on 22 February 2024.\n")
    (tmp_path / "index.tsv").write_text("file\tpublished\na.txt\t2024-02-23\n")
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    target = tmp_path if argv[0] == "evaluate" else article
    assert cli.run([*argv, str(target)]) == errors.ExitStatus.USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"cstotimeline: error: {errors.E_DASK_MISSING}\n"


def test_a_scheduler_that_does_not_answer(tmp_path, capsys, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text("Armenia froze its participation in the CSTO on 22 February 2024.\n")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    address = f"tcp://127.0.0.1:{port}"
    status = cli.run(["extract", "--dask", address, str(article)])
    assert status == errors.ExitStatus.ERROR
    err = capsys.readouterr().err
    assert err.startswith(
        "cstotimeline: error: "
        + errors.E_DASK_CONNECT.format(address=address, reason="").rstrip(": ")
    )
    assert err.count("\n") == 1


def test_a_bad_address_is_a_usage_error(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Armenia froze its participation in the CSTO on 22 February 2024.\n")
    assert cli.run(["extract", "--dask", "nowhere", str(article)]) == errors.ExitStatus.USAGE
    err = capsys.readouterr().err
    assert err.startswith("cstotimeline: error: --dask nowhere: ") and err.count("\n") == 1
