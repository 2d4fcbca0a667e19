"""The incremental store (``extract --db``, ``show --db``): only new or changed documents are
extracted, the chronology is the same as a fresh run's, interrupted runs leave whole documents.
"""

from __future__ import annotations

import io
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, need_shared

from cstotimeline import cli, errors, store
from cstotimeline.records import Document

HELDOUT = ROOT / "tests" / "data" / "heldout"
BLIND = ROOT / "tests" / "data" / "blind"
NOTE = "cstotimeline: "


def run_cli(capsys, *args: object) -> tuple[int, str, str]:
    status = cli.run([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return status, out, err


def note(db: Path, extracted: int, unchanged: int, kept: int) -> str:
    return NOTE + errors.N_STORE.format(
        path=db, extracted=extracted, unchanged=unchanged, kept=kept
    )


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    """A copy of the held-out articles and their manifest (to add to and change)."""
    directory = tmp_path / "articles"
    shutil.copytree(HELDOUT, directory, ignore=shutil.ignore_patterns("*.gold.tsv", "README*"))
    return directory


def extract(capsys, directory: Path, *args: object) -> tuple[int, str, str]:
    manifest = directory / "index.tsv"
    return run_cli(capsys, "extract", "-f", "jsonl", "--manifest", manifest, *args, directory)


# -- the second run extracts nothing, adds only what is new ------------------------------------


@pytest.mark.model
def test_a_second_run_extracts_nothing_and_prints_the_same(nlp, articles, tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    status, fresh, err = extract(capsys, articles, "--jobs", "1")
    assert status == 0 and err == "" and fresh.count("\n") > 20
    status, first, err = extract(capsys, articles, "--db", db)
    assert status == 0 and first == fresh
    assert err == note(db, 6, 0, 0) + "\n"
    status, second, err = extract(capsys, articles, "--db", db)
    assert status == 0 and second == fresh
    assert err == note(db, 0, 6, 0) + "\n"
    status, shown, err = run_cli(capsys, "show", "--db", db, "-f", "jsonl")
    assert (status, shown, err) == (0, fresh, "")


@pytest.mark.model
def test_a_new_or_changed_article_is_the_only_one_extracted(nlp, articles, tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    assert extract(capsys, articles, "-q", "--db", db)[0] == 0
    new = articles / "07_new.txt"
    new.write_text(
        "Armenia froze its participation in the CSTO on 22 February 2024, Prime Minister "
        "Nikol Pashinyan told France 24.\n",
        encoding="utf-8",
    )
    with open(articles / "index.tsv", "a", encoding="utf-8") as fh:
        fh.write("07_new.txt\t2024-02-23\t\tnew\tfull\n")
    status, out, err = extract(capsys, articles, "--db", db)
    assert status == 0 and err == note(db, 1, 6, 0) + "\n"
    assert extract(capsys, articles, "-q", "--jobs", "1")[1] == out
    assert '"2024-02-22"' in out
    changed = articles / "02_analysis_armenia_drift_from_csto_2024-12-05.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA last line.\n", "utf-8")
    status, out, err = extract(capsys, articles, "--db", db)
    assert status == 0 and err == note(db, 1, 6, 0) + "\n"
    assert extract(capsys, articles, "-q", "--jobs", "1")[1] == out


@pytest.mark.model
def test_a_gone_file_is_kept_and_reported(nlp, articles, tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    _, everything, _ = extract(capsys, articles, "-q", "--db", db)
    gone = articles / "06_brief_armenia_drops_deputy_secretary_post_2023-03-10.txt"
    gone.unlink()
    status, out, err = extract(capsys, articles, "--db", db)
    assert status == 0 and out == everything
    manifest = articles / "index.tsv"
    [line] = [
        i
        for i, row in enumerate(manifest.read_text("utf-8").splitlines(), 1)
        if row.startswith(gone.name)
    ]
    assert err.splitlines() == [
        # the manifest lists it, and the store still has it
        "cstotimeline: warning: "
        + errors.W_MANIFEST_MISSING.format(path=manifest, line=line, file=gone.name),
        "cstotimeline: warning: " + errors.W_STORE_GONE.format(path=gone),
        note(db, 0, 5, 1),
    ]
    # A version change extracts every document again, the gone one from the text it keeps.
    real = store.tool_version()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(store, "tool_version", lambda: real + "-next")
        status, out, err = extract(capsys, articles, "--db", db)
    assert status == 0 and out == everything
    assert err.splitlines()[-1] == note(db, 6, 0, 0)
    with sqlite3.connect(db) as con:
        versions = {v for (v,) in con.execute("SELECT DISTINCT tool_version FROM documents")}
    assert versions == {real + "-next"}


@pytest.mark.model
def test_another_model_or_all_extracts_again(nlp, articles, tmp_path, capsys, monkeypatch):
    from cstotimeline import nlp as nlp_mod

    db = tmp_path / "c.sqlite"
    extract(capsys, articles, "-q", "--db", db)
    status, out, err = extract(capsys, articles, "--db", db, "--all")
    assert status == 0 and err == note(db, 6, 0, 0) + "\n"
    assert out == extract(capsys, articles, "-q", "--all", "--jobs", "1")[1]
    real = nlp_mod.identity
    monkeypatch.setattr(nlp_mod, "identity", lambda name=None: real(name) + " retrained")
    status, _out, err = extract(capsys, articles, "--db", db, "--all")
    assert status == 0 and err == note(db, 6, 0, 0) + "\n"
    with sqlite3.connect(db) as con:
        models = {m for (m,) in con.execute("SELECT DISTINCT model FROM documents")}
    assert models == {real() + " retrained"}


# -- show: the same filters and formats as extract, no article read --------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "filters",
    [
        ["--since", "2023-01-01"],
        ["--until", "2022-12-31", "--type", "deployment"],
        ["--actor", "Pashinyan"],
        ["--actor", "CSTO", "--type", "meeting", "--type", "statement", "--since", "2022-05"],
    ],
    ids=lambda f: " ".join(f),
)
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "markdown"])
def test_show_filters_as_extract_filters(nlp, articles, tmp_path, capsys, filters, fmt):
    db = tmp_path / "c.sqlite"
    if not db.exists():
        extract(capsys, articles, "-q", "--db", db)
    if "2022-05" in filters:
        filters = [f if f != "2022-05" else "2022-05-01" for f in filters]
    status, expected, _ = run_cli(
        capsys, "extract", "-q", "-f", fmt, "--manifest", articles / "index.tsv", *filters,
        "--jobs", "1", articles,
    )  # fmt: skip
    assert status == 0
    shutil.rmtree(articles)  # show reads no article
    status, shown, err = run_cli(capsys, "show", "--db", db, "-f", fmt, *filters)
    assert (status, err) == (0, "")
    assert shown == expected
    out = tmp_path / f"out.{fmt}"
    assert run_cli(capsys, "show", "--db", db, "-o", out, "-f", fmt, *filters)[0] == 0
    assert out.read_text(encoding="utf-8") == expected


def test_show_needs_a_store(tmp_path, capsys):
    missing = tmp_path / "none.sqlite"
    status, out, err = run_cli(capsys, "show", "--db", missing)
    assert (status, out) == (1, "")
    assert (
        err
        == "cstotimeline: error: "
        + errors.E_STORE_OPEN.format(path=missing, reason="no such file")
        + "\n"
    )
    assert not missing.exists()
    other = tmp_path / "other.sqlite"
    other.write_text("not a database at all, just text\n" * 100)
    status, out, err = run_cli(capsys, "show", "--db", other)
    assert (status, out) == (1, "")
    assert err == f"cstotimeline: error: {errors.E_STORE_NOT_A_STORE.format(path=other)}\n"
    with sqlite3.connect(tmp_path / "foreign.sqlite") as con:
        con.execute("CREATE TABLE t (x)")
    status, _, err = run_cli(capsys, "show", "--db", tmp_path / "foreign.sqlite")
    assert status == 1 and "is not a cstotimeline store" in err


def test_db_usage_errors(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Armenia froze its participation in the CSTO on 22 February 2024.\n")
    db = tmp_path / "c.sqlite"
    status, _, err = run_cli(capsys, "extract", "--db", db, "-")
    assert status == 2 and err == f"cstotimeline: error: {errors.E_STORE_STDIN}\n"
    status, _, err = run_cli(capsys, "extract", "--db", db, "-o", db, article)
    assert status == 2 and errors.E_OUTPUT_IS_INPUT.format(path=db) in err
    status, _, err = run_cli(
        capsys, "show", "--db", db, "--since", "2024-01-02", "--until", "2023-12"
    )
    assert status == 2


# -- the records survive the store exactly -------------------------------------------------------


def _json(events) -> str:
    from cstotimeline.export import write

    out = io.StringIO()
    write(events, out, "json")
    return out.getvalue()


@pytest.mark.model
def test_mentions_and_events_come_back_exactly(nlp, tmp_path):
    from cstotimeline import ingest, pipeline

    docs = list(
        ingest.iter_documents([str(BLIND)], manifest=BLIND / "index.tsv", warn=lambda _m: None)
    )
    pairs = list(pipeline.extract(docs, nlp, keep_all=True))
    fresh = pipeline.chronology(e for _d, e in pairs)
    config = store.Config.current("test-model", keep_all=True)
    with store.Store(tmp_path / "s.sqlite") as s:
        for document, events in reversed(pairs):  # any order
            s.put(document, events, config)
        assert not s.merged
        merged = s.merge()
        assert merged == fresh  # the records themselves, field by field
        s.write_events(merged)
        assert s.merged and s.events() == fresh
        stored = s.documents()
        assert all(stored[d.source].is_current(d, config) for d in docs)
        assert s.document(docs[0].source) == docs[0]
        assert s.count("mentions") == sum(len(e.mentions) for _d, es in pairs for e in es)
    assert _json(merged) == _json(fresh)


def test_a_document_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    from helpers import event

    config = store.Config("v", "m", "relevant")
    doc = Document(source="a.txt", text="x" * 100, published=None)
    events = [event(source="a.txt", start=0), event(source="a.txt", start=50)]
    with store.Store(tmp_path / "s.sqlite") as s:
        s.put(doc, events[:1], config)
        s.write_events(s.merge())
        calls = []
        real = store._mention_row

        def interrupted(m):
            calls.append(m)
            if len(calls) == 2:
                raise KeyboardInterrupt  # Ctrl-C between two mentions of one document
            return real(m)

        monkeypatch.setattr(store, "_mention_row", interrupted)
        with pytest.raises(KeyboardInterrupt):
            s.put(doc, events, config)
        # As it was before: the old document, one mention, the chronology still merged.
        assert (s.count("documents"), s.count("mentions"), s.merged) == (1, 1, True)


# -- interrupted runs ----------------------------------------------------------------------------


def _many_articles(root: Path, copies: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        for article in sorted([*HELDOUT.glob("*.txt"), *BLIND.glob("*.txt")]):
            text = article.read_text(encoding="utf-8") + f"\n\n[copy {k}]\n"
            (root / f"{k:02d}_{article.name}").write_text(text, encoding="utf-8")


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _check_whole_documents(db: Path) -> int:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = con.execute(
            "SELECT d.path, d.mentions, (SELECT count(*) FROM mentions m "
            "WHERE m.document_id = d.id) FROM documents d"
        ).fetchall()
    assert all(expected == found for _path, expected, found in rows), rows
    return len(rows)


@pytest.mark.model
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_an_interrupted_run_leaves_whole_documents_and_the_next_completes_it(nlp, tmp_path, signum):
    articles = tmp_path / "articles"
    _many_articles(articles, copies=2)
    total = len(list(articles.glob("*.txt")))
    db = tmp_path / "c.sqlite"
    cmd = [sys.executable, "-m", "cstotimeline", "extract", "-f", "jsonl", "--jobs", "1"]
    proc = subprocess.Popen(
        [*cmd, "--db", str(db), str(articles)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while _stored(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=120)
    if signum == signal.SIGINT:
        assert proc.returncode == errors.ExitStatus.INTERRUPTED
        assert err.decode().splitlines()[-1] == f"cstotimeline: error: {errors.E_INTERRUPTED}"
    else:
        assert proc.returncode == -signal.SIGKILL
    assert out == b""
    done = _check_whole_documents(db)
    assert 2 <= done < total
    again = subprocess.run(
        [*cmd, "--db", str(db), str(articles)], capture_output=True, check=True, timeout=600
    )
    assert again.stderr.decode() == note(db, total - done, done, 0) + "\n"
    assert _check_whole_documents(db) == total
    fresh = subprocess.run([*cmd, str(articles)], capture_output=True, check=True, timeout=600)
    assert again.stdout == fresh.stdout


# -- the shared corpus ---------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.shared
def test_an_unchanged_corpus_is_printed_without_loading_spacy(nlp, tmp_path):
    """The second run on the shared corpus reads the articles, finds them all stored and prints
    the stored chronology: spaCy is never imported (which is why it is many times faster)."""
    corpus = need_shared(CORPUS)
    db = tmp_path / "c.sqlite"
    args = ["extract", "-f", "jsonl", "--manifest", str(corpus / "index.tsv"), str(corpus)]
    fresh = subprocess.run(
        [sys.executable, "-m", "cstotimeline", *args, "-q"], capture_output=True, check=True
    )
    script = (
        "import sys\n"
        "from cstotimeline import cli\n"
        f"status = cli.run({[*args, '--db', str(db)]!r})\n"
        "print('spacy' in sys.modules, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, check=True)
        for _ in range(2)
    ]
    n = sum(1 for p in corpus.glob("*.txt"))
    readme = "cstotimeline: warning: " + errors.W_NOT_ARTICLES.format(
        path=corpus, count=1, files="README.md"
    )
    assert runs[0].stderr.decode().splitlines() == [readme, note(db, n, 0, 0), "True"]
    assert runs[1].stderr.decode().splitlines() == [readme, note(db, 0, n, 0), "False"]
    assert runs[0].stdout == runs[1].stdout == fresh.stdout
    assert json.loads(fresh.stdout.splitlines()[0])["id"]
