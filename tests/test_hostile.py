"""Hostile inputs: odd files, odd encodings, odd content, odd scale (issue 5).

Every run goes through the real command line (``cli.run`` in process, so the spaCy pipeline
loaded by the ``nlp`` fixture is reused) and every event that comes out is checked against the
output contract: schema-valid, real calendar dates, offsets that index the text as read.
The sentences are written for these tests.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

from cstotimeline import cli, errors, ingest, pipeline

VENV_BIN = Path(sys.executable).parent
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
WARNING = "cstotimeline: warning: "

ARTICLE = (
    "On 3 May 2023, Armenia refused to attend a CSTO meeting in Minsk.\n"
    "\n"
    "The CSTO held military exercises in Belarus on 10 June 2023.\n"
)


# -- helpers ------------------------------------------------------------------------------------


def schema() -> dict:
    text = resources.files("cstotimeline").joinpath("data/event.schema.json").read_text("utf-8")
    return json.loads(text)


def real_date(value: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real calendar period."""
    if not DATE_RE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def check_events(objs: list[dict], texts: dict[str, str] | None = None) -> None:
    """The output contract for parsed JSON events; ``texts`` maps a source to its text as read
    (decoded), to check that every mention's offsets index its sentence."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    for obj in objs:
        validator.validate(obj)
        assert real_date(obj["date"]), obj["date"]
        for m in obj["mentions"]:
            assert real_date(m["date"]), m["date"]
            if m["published"] is not None:
                assert real_date(m["published"]) and len(m["published"]) == 10
            assert 0 <= m["start"] <= m["end"]
            if texts is not None and m["source"] in texts:
                assert texts[m["source"]][m["start"] : m["end"]] == m["sentence"]


def decoded(path: Path) -> str:
    return ingest.decode_bytes(path.read_bytes())[0]


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """``cstotimeline ARGS`` in process: (status, stdout, stderr)."""
    status = cli.run([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert "internal error" not in err
    return status, out, err


def extract_jsonl(capsys, *args: str) -> tuple[int, list[dict], list[str]]:
    status, out, err = run_cli(capsys, "extract", "-q", "--format", "jsonl", *args)
    objs = [json.loads(line) for line in out.splitlines()]
    return status, objs, err.splitlines()


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CSTOTIMELINE_")}
    env.update(PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1", **extra)
    return env


def cli_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "cstotimeline", *[str(a) for a in args]]


# -- files ---------------------------------------------------------------------------------------


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


SKIPPABLE = {
    "missing.txt": None,
    "nul.txt": b"Armenia\x00\x00CSTO\x00\x01\x02" * 20,
    "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "paper.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "adir": "dir",
}


def make_skippable(root: Path) -> list[str]:
    paths = []
    for name, data in SKIPPABLE.items():
        path = root / name
        if data == "dir":
            path.mkdir()  # a directory given where a file is expected, with no text files
        elif data is not None:
            write(path, data)
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("name", sorted(SKIPPABLE))
def test_unusable_input_alone_exits_1_with_one_warning(nlp, tmp_path, capsys, name):
    (path,) = [p for p in make_skippable(tmp_path) if p.endswith(name)]
    status, objs, err = extract_jsonl(capsys, "--published", "2024-01-01", path)
    assert status == errors.ExitStatus.ERROR
    assert objs == []
    warnings = [line for line in err if line.startswith(WARNING)]
    assert len(warnings) == 1 and path in warnings[0]
    assert err[-1] == f"cstotimeline: error: {errors.E_NO_INPUT}"


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n \n"], ids=["empty", "blank"])
def test_an_empty_article_alone_gives_zero_events_and_exit_0(nlp, tmp_path, capsys, data):
    path = write(tmp_path / "article.txt", data)
    status, objs, err = extract_jsonl(capsys, path)
    assert (status, objs) == (errors.ExitStatus.SUCCESS, [])
    assert err == [WARNING + errors.E_EMPTY.format(path=path)]


def test_unusable_inputs_are_skipped_and_the_rest_processed(nlp, tmp_path, capsys):
    bad = make_skippable(tmp_path / "bad")
    good = write(tmp_path / "good.txt", ARTICLE)
    status, objs, err = extract_jsonl(capsys, "--published", "2024-01-01", *bad, good)
    assert status == 0
    assert len(err) == len(bad) and all(line.startswith(WARNING) for line in err)
    assert [(o["date"], o["event_type"]) for o in objs] == [
        ("2023-05-03", "refusal"),
        ("2023-06-10", "exercise"),
    ]
    check_events(objs, {str(good): ARTICLE})


def test_directory_with_bad_files_warns_once_each(nlp, tmp_path, capsys):
    make_skippable(tmp_path)
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.txt", b"  \n\t\r\n \n")
    write(tmp_path / "sub" / "article.md", ARTICLE)
    write(tmp_path / "notes.json", b"{}")  # not .txt/.md: not an input, no warning
    status, objs, err = extract_jsonl(capsys, "--published", "2024-01-01", tmp_path)
    assert status == 0 and len(objs) == 2
    # empty, blank, nul, image, paper; "adir" inside a directory is simply walked.
    assert len(err) == 5, err


def unprivileged_runner() -> list[str] | None:
    """A command prefix that runs as an unprivileged user (root reads chmod-000 files)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def test_unreadable_file_and_directory(nlp):
    import tempfile

    prefix = unprivileged_runner()
    if prefix is None:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    # Not under pytest's tmp_path: its parents are private to root.
    with tempfile.TemporaryDirectory(prefix="cstotimeline-perm-") as name:
        root = Path(name)
        root.chmod(0o755)
        good = write(root / "good.txt", ARTICLE)
        secret = write(root / "secret.txt", ARTICLE)
        locked = root / "locked"
        write(locked / "inside.txt", ARTICLE)
        secret.chmod(0)
        locked.chmod(0)
        env = cli_env(HOME=str(root))
        try:
            probe = subprocess.run(
                [*prefix, sys.executable, "-c", "import cstotimeline"],
                capture_output=True,
                env=env,
                cwd=root,
            )
            if probe.returncode != 0:
                pytest.skip("the unprivileged user cannot run the project's Python")
            args = ["extract", "-q", "--published", "2024-01-01", "--format", "jsonl"]
            both = subprocess.run(
                [*prefix, *cli_cmd(*args, secret, locked, good)],
                capture_output=True,
                text=True,
                env=env,
                cwd=root,
                timeout=120,
            )
            assert both.returncode == 0, both.stderr
            assert "Traceback" not in both.stderr
            assert both.stderr.count("Permission denied") == 2
            assert len(both.stdout.splitlines()) == 2
            none = subprocess.run(
                [*prefix, *cli_cmd(*args, secret, locked)],
                capture_output=True,
                text=True,
                env=env,
                cwd=root,
                timeout=120,
            )
            assert none.returncode == errors.ExitStatus.ERROR
            assert none.stdout == "" and "Traceback" not in none.stderr
        finally:
            secret.chmod(0o644)
            locked.chmod(0o755)


# -- encodings and line endings ------------------------------------------------------------------

RUSSIAN = "Армения отказалась участвовать в саммите ОДКБ в Минске 23 ноября 2023 года. "
ENGLISH = "On 23 November 2023, Armenia refused to attend the CSTO summit in Minsk.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ((RUSSIAN * 3 + "\n" + ENGLISH).encode("cp1251"), "cp1251"),
        (
            ("Le ministre arménien a déclaré à Erevan qu'il n'irait pas.\n" + ENGLISH).encode(
                "latin-1"
            ),
            "cp1252",
        ),
        (codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), "utf-16-be"),
        (ENGLISH.encode("utf-16-le"), "utf-16-le"),  # no BOM: the NUL bytes tell
        (codecs.BOM_UTF8 + ENGLISH.encode(), None),
    ],
    ids=["cp1251", "latin-1", "utf-16le-bom", "utf-16be-bom", "utf-16le", "utf-8-bom"],
)
def test_encodings_are_detected_decoded_and_reported(nlp, tmp_path, capsys, data, encoding):
    path = write(tmp_path / "a.txt", data)
    status, objs, err = extract_jsonl(capsys, "--published", "2024-01-01", path)
    assert status == 0
    if encoding is None:
        assert err == []
    else:
        assert err == [WARNING + errors.E_DECODED.format(path=path, encoding=encoding)]
    assert ("2023-11-23", "refusal") in [(o["date"], o["event_type"]) for o in objs]
    check_events(objs, {str(path): decoded(path)})


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_endings_keep_offsets_on_the_text_as_read(nlp, tmp_path, capsys, newline):
    text = (
        "Published: 2024-03-01\n"
        "Title: A week of refusals\n"
        "\n"
        "On 3 May 2023, Armenia refused to attend a CSTO meeting in Minsk.\n"
        "\n"
        "Nikol Pashinyan said on 22 February 2024 that Armenia had frozen its participation in "
        "the CSTO.\n"
    ).replace("\n", newline)
    path = write(tmp_path / "a.txt", text)
    status, objs, _err = extract_jsonl(capsys, path)
    assert status == 0
    assert {(o["date"], o["event_type"]) for o in objs} >= {("2023-05-03", "refusal")}
    as_read = decoded(path)
    assert as_read == text  # line endings are kept
    check_events(objs, {str(path): as_read})
    for o in objs:
        for m in o["mentions"]:
            assert m["published_basis"] == "header" and m["published"] == "2024-03-01"


def test_stdin_offsets_and_empty_stdin(nlp, capsys, monkeypatch):
    import io

    class Stdin(io.TextIOWrapper):
        def isatty(self) -> bool:
            return False

    text = ARTICLE.replace("\n", "\r\n")
    monkeypatch.setattr(sys, "stdin", Stdin(io.BytesIO(text.encode())))
    status, objs, err = extract_jsonl(capsys, "--published", "2024-01-01", "-")
    assert status == 0 and err == [] and len(objs) == 2
    check_events(objs, {"-": text})
    for blank in (b"", b" \n\n"):
        monkeypatch.setattr(sys, "stdin", Stdin(io.BytesIO(blank)))
        status, objs, err = extract_jsonl(capsys, "--published", "2024-01-01")
        assert (status, objs, err) == (0, [], [])


def test_undecodable_file_name_is_written_as_utf8(nlp, tmp_path, capsys):
    directory = tmp_path / "names"
    directory.mkdir()
    raw = os.path.join(os.fsencode(directory), b"\xff\xfe report.txt")
    try:
        with open(raw, "wb") as fh:
            fh.write(ARTICLE.encode())
    except OSError:
        pytest.skip("the file system refuses non-UTF-8 names")
    status, objs, _err = extract_jsonl(capsys, "--published", "2024-01-01", directory)
    assert status == 0 and len(objs) == 2
    for o in objs:
        source = o["mentions"][0]["source"]
        assert source.endswith("\ufffd\ufffd report.txt")
        source.encode("utf-8")  # no lone surrogates
    check_events(objs)


# -- content -------------------------------------------------------------------------------------

CONTENT = {
    "no-dates": "Armenia and the CSTO disagree. Officials met and talked, and nobody knows when.\n",
    "numbers": " ".join(str(n) for n in range(0, 20000, 13))
    + "\n"
    + "\n".join(
        f"{n}. {n * 31 % 97} {n * 1.5} 12/{n % 40}/20{n % 100:02d} {n}:{n % 70}" for n in range(150)
    ),
    "impossible-dates": (
        "Armenia left the CSTO on 30 February 2023. The CSTO met on 31/31/2023. "
        "Pashinyan met Lukashenko on 2023-13-45. On 31 April 2024 Armenia refused to sign. "
        "The summit of 29 February 2023 was cancelled. On 0 May 2023 the CSTO met.\n"
    ),
    "extreme-years": (
        "Armenia joined the CSTO in the year 0001. In 12000 the CSTO will meet again. "
        "On 1 January 0001 Armenia refused to attend. In 9999 Pashinyan met Putin. "
        "On 5 May 99999 the CSTO held exercises. In 0000 Armenia left. "
        "The CSTO met on 31 December 9999 and again the next day.\n"
    ),
    "unicode-tricks": (
        "Arm\u200benia refused to attend the \u202eOTSC\u202c CSTO summit on 23 November 2023. "
        "\u0420ashinyan met Lukash\u0435nko on 24 November 2023 in \u2066Minsk\u2069. "
        "\ufeffThe CSTO\u200d held exercises on 1 May 2023 \U0001f600\u0301\u0301\u0301.\n"
        "Armenia\u00a0froze its participation in the\u2028CSTO on 22 February 2024.\u2029\n"
    ),
    "html": (
        "<html><body><p>Armenia <b>refused</b> to attend the CSTO summit on 23&nbsp;November "
        "2023.</p><script>alert('x')</script><p>&lt;Pashinyan&gt; &amp; Putin met on "
        "24 November 2023.</p><!-- 1 January 2020 --></body></html>\n"
    ),
    # ~2,000 characters in one sentence (longer ones cost the extractor quadratic time).
    "long-sentence": "On 23 November 2023, Armenia refused to attend the CSTO summit"
    + ", and the CSTO said that Armenia met Russia on 24 November 2023" * 30
    + ".\n",
    "formula-cells": (
        '=HYPERLINK("http://example.invalid") Armenia refused to attend the CSTO summit on '
        "23 November 2023.\n+Pashinyan met Putin on 24 November 2023.\n"
        "-Armenia froze its CSTO participation on 22 February 2024.\n"
        "@SUM(A1) The CSTO held exercises on 1 May 2023.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CONTENT))
def test_hostile_content_gives_valid_output_in_every_format(nlp, tmp_path, capsys, name):
    import csv
    import io

    from cstotimeline import app, export

    path = write(tmp_path / f"{name}.txt", CONTENT[name])
    status, objs, _err = extract_jsonl(capsys, "--all", "--published", "2024-01-01", path)
    assert status == 0
    check_events(objs, {str(path): decoded(path)})
    # The other formats, from one more extraction (in process).
    opts = app.ExtractOptions(
        paths=[str(path)], published=dt.date(2024, 1, 1), keep_all=True, jobs=1, quiet=True
    )
    events = app.extract_chronology(opts, warn=lambda _message: None)
    assert len(events) == len(objs)
    for fmt in export.FORMATS:
        out = io.StringIO()
        export.write(events, out, fmt)
        text = out.getvalue()
        text.encode("utf-8")  # no lone surrogates
        if fmt == "json":
            check_events(json.loads(text))
        elif fmt == "jsonl":
            assert text.count("\n") == len(text.splitlines()) == len(events)
        elif fmt in ("csv", "tsv"):
            rows = list(csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
            assert len(rows) == len(events) + 1
            assert all(len(row) == len(export.FLAT_COLUMNS) for row in rows)
        elif fmt == "markdown":
            assert len(text.splitlines()) == len(events) + 2
            assert "<script" not in text and "\u202e" not in text
        elif fmt == "html":
            assert text.count('<li class="event"') == len(events)
            assert text.count("<script") == 1  # the page's own
            assert "\u202e" not in text and "\x1b" not in text
        elif fmt == "timelinejs":
            assert len(json.loads(text)["events"]) == len(events)
        else:
            assert f"{len(events)} events" in text
            assert "\u202e" not in text and "\x1b" not in text


def test_a_sentence_without_end_past_the_limit_is_skipped_with_a_warning(nlp, tmp_path, capsys):
    sentence = "On 23 November 2023, Armenia refused to attend the CSTO summit" + (
        ", and the CSTO said that Armenia met Russia on 24 November 2023" * 90
    )
    assert len(sentence) > pipeline.MAX_RUN_CHARS
    text = sentence + ".\nOn 3 May 2023, Armenia refused to attend a CSTO meeting in Minsk.\n"
    path = write(tmp_path / "s.txt", text)
    status, objs, err = extract_jsonl(capsys, "--published", "2024-01-01", path)
    assert status == 0
    assert err == [
        WARNING
        + errors.E_LONG_RUN.format(
            path=path, count=1, limit=pipeline.MAX_RUN_CHARS, chars=len(sentence)
        )
    ]
    assert [(o["date"], o["event_type"]) for o in objs] == [("2023-05-03", "refusal")]
    check_events(objs, {str(path): text})


def test_formula_cells_are_neutralised_end_to_end(nlp, tmp_path, capsys):
    import csv
    import io

    path = write(tmp_path / "f.txt", CONTENT["formula-cells"])
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        status, out, _err = run_cli(
            capsys, "extract", "-q", "--published", "2024-01-01", "-f", fmt, path
        )
        assert status == 0
        rows = list(csv.reader(io.StringIO(out), delimiter=delimiter))
        assert len(rows) > 1
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
        column = rows[0].index("evidence")
        evidence = [row[column] for row in rows[1:]]
        assert any(cell.startswith("'=HYPERLINK") for cell in evidence)


# -- scale ---------------------------------------------------------------------------------------


def test_chunks_cover_the_text_with_true_offsets():
    para = "On 3 May 2023, Armenia refused to attend a CSTO meeting in Minsk. " * 40
    text = ("\n\n".join([para] * 60)) + "x" * 20_000 + "\n" + para  # one unpunctuated run
    pieces = pipeline.chunks(text)
    assert all(len(piece) <= pipeline.CHUNK_CHARS for _o, piece in pieces)
    assert all(text[o : o + len(piece)] == piece for o, piece in pieces)
    assert [o for o, _p in pieces] == sorted(o for o, _p in pieces)
    covered = "".join(piece for _o, piece in pieces)
    runs = pipeline.long_runs(text)
    assert len(runs) == 1
    start, end = runs[0]
    assert text[start:end].strip() == "x" * 20_000
    assert len(covered) == len(text) - (end - start)
    assert pipeline.chunks(text, max_run=0)[-1][1].endswith(para)  # max_run <= 0: keep all


def test_a_long_unpunctuated_line_is_bounded(nlp, tmp_path, capsys):
    words = [
        "Armenia",
        "CSTO",
        "summit",
        "leaders",
        "met",
        "talks",
        "border",
        "troops",
        "12",
        "May",
        "2023",
        "refused",
    ]
    line = " ".join(words[i * 7 % len(words)] for i in range(300_000))  # ~2.2 MB
    tail = "\nOn 3 May 2023, Armenia refused to attend a CSTO meeting in Minsk.\n"
    path = write(tmp_path / "line.txt", line + tail)
    started = time.monotonic()
    status, objs, err = extract_jsonl(capsys, "--published", "2024-01-01", path)
    assert time.monotonic() - started < 60
    assert status == 0
    assert len(err) == 1 and "without a sentence or line break" in err[0]
    assert [(o["date"], o["event_type"]) for o in objs] == [("2023-05-03", "refusal")]
    check_events(objs, {str(path): line + tail})


def test_a_file_larger_than_spacys_max_length_keeps_offsets(nlp, tmp_path, capsys):
    # Filler the parser skips (runs without breaks), so that the file is far longer than
    # spaCy's max_length but cheap to process; the real sentences sit at both ends.
    filler = ("x" * (pipeline.MAX_RUN_CHARS + 5_000) + "\n") * 200
    head = "On 3 May 2023, Armenia refused to attend a CSTO meeting in Minsk.\n\n"
    tail = "\n\nThe CSTO held military exercises in Belarus on 10 June 2023.\n"
    text = head + filler + tail
    assert len(text) > max(nlp.max_length, 2_000_000)
    path = write(tmp_path / "big.txt", text)
    status, objs, _err = extract_jsonl(capsys, "--published", "2024-01-01", path)
    assert status == 0
    assert [(o["date"], o["event_type"]) for o in objs] == [
        ("2023-05-03", "refusal"),
        ("2023-06-10", "exercise"),
    ]
    assert objs[1]["mentions"][0]["start"] > 2_000_000
    check_events(objs, {str(path): text})


def test_two_thousand_files_in_one_run(nlp, tmp_path):
    """2,000 files: 1,200 one-sentence articles and 800 that are skipped with a warning each."""
    months = ("January", "March", "May", "July", "September", "November")
    root = tmp_path / "many"
    for i in range(1200):
        day, month, year = 1 + i % 28, months[i // 28 % 6], 2020 + i // 168
        write(
            root / f"a{i:04d}.txt",
            f"On {day} {month} {year}, Armenia refused to attend a CSTO meeting.\n",
        )
    for i in range(800):
        write(root / f"z{i:04d}.txt", b"" if i % 2 else b"\x00\x01\x02binary\x00")
    started = time.monotonic()
    proc = subprocess.run(
        cli_cmd("extract", "-q", "--jobs", "2", "--published", "2025-01-01", root),
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=300,
    )
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count(WARNING) == 800
    objs = [json.loads(line) for line in proc.stdout.splitlines()]
    check_events(objs)
    assert len({o["date"] for o in objs}) == len(objs) == 1200
    assert elapsed < 240


def test_timex_on_a_file_larger_than_spacys_max_length(nlp, tmp_path, capsys):
    filler = ("x" * (pipeline.MAX_RUN_CHARS + 5_000) + "\n") * 200
    head = "On 3 May 2023, Armenia refused to attend a CSTO meeting in Minsk.\n\n"
    tail = "\n\nThe CSTO held military exercises in Belarus on 10 June 2023.\n"
    text = head + filler + tail
    path = write(tmp_path / "big.txt", text)
    status, out, err = run_cli(capsys, "timex", "--published", "2024-01-01", "-f", "jsonl", path)
    assert (status, err) == (0, "")  # stretches the parser skips are tagged without it
    found = [json.loads(line) for line in out.splitlines()]
    assert [(t["text"], t["value"]) for t in found] == [
        ("3 May 2023", "2023-05-03"),
        ("10 June 2023", "2023-06-10"),
    ]
    assert all(text[t["start"] : t["end"]] == t["text"] for t in found)
