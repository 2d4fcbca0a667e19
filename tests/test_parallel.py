"""Parallel extraction gives the same output as one process; streaming; a light ``--help``."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import modules_after

from cstotimeline import parallel, pipeline
from cstotimeline.records import Document

# Short hand-written articles (nine or more, so the automatic --jobs takes the parallel path).
ARTICLES = {
    "a01.txt": "Armenia refused to host CSTO military exercises this year, Prime Minister Nikol "
    "Pashinyan said on Tuesday. The drills had been planned for the autumn.",
    "a02.txt": "The Collective Security Treaty Organization held a summit in Minsk on 23 November "
    "2023. Pashinyan did not attend the summit.",
    "a03.txt": "On 13 September 2022 Azerbaijani forces shelled towns in southern Armenia. "
    "Yerevan asked the CSTO for military assistance the same day.",
    "a04.txt": "Armenia froze its participation in the CSTO in February 2024, Pashinyan told "
    "France 24 on 23 February 2024.",
    "a05.txt": "CSTO Secretary General Imangali Tasmagambetov visited Yerevan on 10 March 2023 "
    "and met Armenian officials.",
    "a06.txt": "Pashinyan accused the CSTO of failing to meet its obligations to Armenia in a "
    "speech to parliament on 12 June 2024.",
    "a07.txt": "The CSTO sent a fact-finding mission to the Armenian border in October 2022.",
    "a08.txt": "Armenia declined to sign the final declaration of the CSTO summit in Yerevan "
    "on 23 November 2022.",
    "a09.txt": "Russia and Belarus signed an agreement on a joint air defence system in 2023.",
    "a10.txt": "Armenia will leave the CSTO, Pashinyan announced in parliament on 12 June 2024.",
}


def _documents(texts: dict[str, str]) -> list[Document]:
    return [
        Document(source=name, text=text, published=dt.date(2024, 7, 1), published_basis="option")
        for name, text in texts.items()
    ]


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _extract_json(paths: list[str], jobs: int | None) -> str:
    from cstotimeline.app import ExtractOptions, extract_chronology
    from cstotimeline.export import write

    opts = ExtractOptions(
        paths=paths, published=dt.date(2024, 7, 1), jobs=jobs, quiet=True, keep_all=True
    )
    out = io.StringIO()
    write(extract_chronology(opts, warn=lambda _m: None), out, "json")
    return out.getvalue()


@pytest.mark.model
def test_jobs_2_output_identical_to_jobs_1(nlp: Any, articles: Path) -> None:
    one = _extract_json([str(articles)], jobs=1)
    two = _extract_json([str(articles)], jobs=2)
    auto = _extract_json([str(articles)], jobs=None)
    assert one == two == auto
    assert one.count('"id"') >= 5  # the articles do yield events


@pytest.mark.model
def test_cli_jobs_2_identical_to_jobs_1(nlp: Any, articles: Path) -> None:
    def run(jobs: str) -> bytes:
        cmd = [sys.executable, "-m", "cstotimeline", "extract", "--format", "jsonl", "--quiet"]
        cmd += ["--published", "2024-07-01", "--all", "--jobs", jobs, str(articles)]
        proc = subprocess.run(cmd, capture_output=True, check=True)
        assert proc.stderr == b""
        return proc.stdout

    one = run("1")
    assert one
    assert run("2") == one


@pytest.mark.model
def test_parallel_streams_with_bounded_lookahead(nlp: Any) -> None:
    """The parent pulls at most 2 × jobs batches ahead of the results it has handed out."""
    docs = _documents({f"d{i:03d}.txt": ARTICLES["a01.txt"] for i in range(60)})
    pulled = 0

    def source() -> Iterator[Document]:
        nonlocal pulled
        for d in docs:
            pulled += 1
            yield d

    jobs = 2
    results = parallel.extract_all(source(), jobs=jobs, progress=False)
    first = next(results)
    assert pulled <= 2 * jobs * parallel.WORKER_BATCH
    rest = list(results)
    assert pulled == len(docs)
    assert len(rest) + 1 == len(docs)
    assert all(len(r) == len(first) for r in rest)


@pytest.mark.model
def test_pipeline_extract_keeps_order_and_empty_documents(nlp: Any) -> None:
    texts = dict(list(ARTICLES.items())[:5])
    texts["empty.txt"] = "   \n\n"
    texts["a11.txt"] = ARTICLES["a10.txt"]
    order = ["a01.txt", "empty.txt", "a02.txt", "a03.txt", "a11.txt", "a04.txt", "a05.txt"]
    docs = _documents({k: texts[k] for k in order})
    alone = {d.source: events for d in docs for _, events in pipeline.extract([d], nlp)}
    for batch_size, batch_chars in ((16, 60_000), (2, 60_000), (16, 100)):
        got = list(pipeline.extract(docs, nlp, batch_size=batch_size, batch_chars=batch_chars))
        assert [d.source for d, _ in got] == order
        assert {d.source: events for d, events in got} == alone
    assert alone["empty.txt"] == []


def test_worker_batches_are_bounded() -> None:
    docs = _documents({f"d{i}.txt": "x" * 15_000 for i in range(5)})
    docs += _documents({f"s{i}.txt": "short text." for i in range(20)})
    batches = list(parallel._batches(iter(docs)))
    assert [d for b in batches for d in b] == docs
    for b in batches:
        assert len(b) <= parallel.WORKER_BATCH
        assert len(b) == 1 or sum(len(d.text) for d in b[:-1]) < parallel.WORKER_BATCH_CHARS


@pytest.mark.parametrize("argv", [["--help"], ["extract", "--help"], ["--version"]])
def test_help_does_not_import_spacy(argv: list[str]) -> None:
    loaded = modules_after(
        "import contextlib, io\n"
        "from cstotimeline.cli import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = run({argv!r})\n"
        "assert status == 0, status"
    )
    assert not {m for m in loaded if m.split(".")[0] in ("spacy", "thinc", "numpy")}, loaded


def test_help_importtime_has_no_spacy() -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cstotimeline", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
    assert "spacy" not in imported
    assert "Usage" in proc.stdout
