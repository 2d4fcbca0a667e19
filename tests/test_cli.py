"""The command line: help, exact output, usage errors, exit codes, output integrity.

In-process tests use click's CliRunner or ``cli.run`` (which is what the console script
calls, and what turns errors into one-line messages and exit statuses); pipes, signals, time
zones and worker processes are tested on a real subprocess.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import event
from test_hostile import ARTICLE, check_events, cli_cmd, cli_env, run_cli, write

from cstotimeline import app, cli, errors, export, records

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"

PINNED = (
    "Yerevan keeps its distance\n"
    "\n"
    "On 3 May 2023, Armenia refused to attend a CSTO meeting in Minsk.\n"
    "\n"
    "The CSTO held military exercises in Belarus on 10 June 2023.\n"
    "\n"
    "Prime Minister Nikol Pashinyan said on 22 February 2024 that Armenia had frozen its "
    "participation in the CSTO.\n"
    "\n"
    "Armenia and Azerbaijan clashed along the border in September 2022.\n"
)


# -- help and exact output ---------------------------------------------------------------------


def test_help_lists_the_commands():
    result = CliRunner().invoke(cli.cli, ["--help"])
    assert result.exit_code == 0
    commands = result.output.split("Commands:", 1)[1].split()
    for name in ("extract", "timex", "evaluate"):
        assert name in commands


def test_extract_help_lists_the_options_and_formats():
    result = CliRunner().invoke(cli.cli, ["extract", "--help"])
    assert result.exit_code == 0
    for option in ("--published", "--since", "--until", "--format", "--output", "--jobs"):
        assert option in result.output


def test_version():
    from cstotimeline import __version__

    result = CliRunner().invoke(cli.cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_extract_jsonl_gives_the_expected_dates_and_types(nlp, tmp_path):
    path = write(tmp_path / "article.txt", PINNED)
    result = CliRunner().invoke(
        cli.cli, ["extract", "-q", "--format", "jsonl", "--published", "2024-03-01", str(path)]
    )
    assert result.exit_code == 0, result.output
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["date"], o["event_type"]) for o in objs] == [
        ("2022-09", "military_action"),
        ("2023-05-03", "refusal"),
        ("2023-06-10", "exercise"),
        ("2024-02-22", "membership_change"),
    ]
    assert [o["date_precision"] for o in objs] == ["month", "day", "day", "day"]
    assert all(o["date_basis"] == "explicit" and o["modality"] == "asserted" for o in objs)
    assert "Armenia" in objs[1]["actors"] and "CSTO" in objs[1]["actors"]
    for o in objs:
        assert [(m["source"], m["published"], m["published_basis"]) for m in o["mentions"]] == [
            (str(path), "2024-03-01", "option")
        ]
    check_events(objs, {str(path): PINNED})
    ids = [o["id"] for o in objs]
    assert len(set(ids)) == len(ids)


def test_filters_and_formats_agree(nlp, tmp_path, capsys):
    path = write(tmp_path / "article.txt", PINNED)
    base = ["extract", "-q", "--published", "2024-03-01"]
    status, out, _ = run_cli(capsys, *base, "-f", "json", "--since", "2023-01-01", path)
    assert status == 0
    dates = [o["date"] for o in json.loads(out)]
    assert dates == ["2023-05-03", "2023-06-10", "2024-02-22"]
    status, out, _ = run_cli(
        capsys, *base, "-f", "csv", "--until", "2023-05-31", "--type", "refusal", path
    )
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split(",")[:2] == ["id", "date"] and len(lines) == 2
    assert lines[1].split(",")[1:3] == ["2023-05-03", "day"]


# -- usage errors: exit 2, one line --------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "--published", "2023-02-30", "a.txt"],
        ["extract", "--published", "23/11/2023x", "a.txt"],
        ["extract", "--since", "yesterday", "a.txt"],
        ["extract", "--until", "2023-13-01", "a.txt"],
        ["extract", "--since", "2023-05-01", "--until", "2023-01-01", "a.txt"],
        ["extract", "--format", "xml", "a.txt"],
        ["extract", "--type", "coup", "a.txt"],
        ["extract", "--jobs", "-1", "a.txt"],
        ["extract", "--no-such-option"],
        ["no-such-command"],
        ["timex", "--published", "soon", "a.txt"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_usage_errors_exit_2_with_one_line(capsys, argv):
    status, out, err = run_cli(capsys, *argv)
    assert status == errors.ExitStatus.USAGE == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and err.startswith("cstotimeline: error: ")


def test_bad_date_message_names_the_option_and_the_value(capsys):
    _status, _out, err = run_cli(capsys, "extract", "--published", "2023-02-30", "a.txt")
    assert "'--published'" in err and "'2023-02-30'" in err and "YYYY-MM-DD" in err


def test_since_after_until_message(capsys):
    _status, _out, err = run_cli(
        capsys, "extract", "--since", "2023-05-01", "--until", "2023-01-01", "a.txt"
    )
    expected = errors.E_SINCE_AFTER_UNTIL.format(since="2023-05-01", until="2023-01-01")
    assert err == f"cstotimeline: error: {expected}\n"


def test_no_paths_with_a_terminal_on_stdin_is_a_usage_error(capsys, monkeypatch):
    monkeypatch.setattr(cli, "_stdin_is_terminal", lambda: True)
    status, out, err = run_cli(capsys, "extract")
    assert (status, out) == (2, "")
    assert err == f"cstotimeline: error: {errors.E_NO_PATHS}\n"


def test_output_into_a_missing_directory_exits_1(tmp_path, capsys):
    target = tmp_path / "no" / "such" / "out.json"
    status, out, err = run_cli(capsys, "extract", "-o", target, "a.txt")
    assert (status, out) == (1, "")
    assert err == (
        "cstotimeline: error: "
        + errors.E_OUTPUT.format(path=target, reason="no such directory")
        + "\n"
    )


def test_output_naming_an_input_exits_2(tmp_path, capsys):
    article = write(tmp_path / "a.txt", ARTICLE)
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    manifest = write(tmp_path / "index.tsv", "file\tpublished\na.txt\t2024-01-01\n")
    within = write(tmp_path / "dir" / "notes.md", ARTICLE)
    cases = [
        (article, [article]),
        (link, [article]),  # the same file through a symlink
        (tmp_path / "." / "a.txt", [article]),
        (within, [tmp_path / "dir"]),  # a text file the directory input would read
        (manifest, ["--manifest", manifest, article]),
    ]
    for output, inputs in cases:
        status, out, err = run_cli(capsys, "extract", "-o", output, *inputs)
        assert (status, out) == (2, ""), output
        assert err == f"cstotimeline: error: {errors.E_OUTPUT_IS_INPUT.format(path=output)}\n"
    assert article.read_text() == ARTICLE and within.read_text() == ARTICLE


def test_output_beside_inputs_is_allowed(tmp_path):
    write(tmp_path / "dir" / "a.txt", ARTICLE)
    cli.check_output(tmp_path / "dir" / "out.json", [str(tmp_path / "dir")])  # not read
    cli.check_output(tmp_path / "dir" / ".out.md", [str(tmp_path / "dir")])  # hidden
    cli.check_output(tmp_path / "dir" / "new.md", [str(tmp_path / "dir")])  # not there yet
    cli.check_output(None, ["-"])


# -- runtime errors: exit 1, one line; interruptions: 130 ---------------------------------------


def test_nothing_readable_exits_1(nlp, tmp_path, capsys):
    status, out, err = run_cli(capsys, "extract", "-q", tmp_path / "missing.txt")
    assert (status, out) == (1, "")
    assert err.splitlines()[-1] == f"cstotimeline: error: {errors.E_NO_INPUT}"


def test_a_failing_run_leaves_an_existing_output_untouched(nlp, tmp_path, capsys):
    target = write(tmp_path / "out.jsonl", "OLD\n")
    status, _out, _err = run_cli(capsys, "extract", "-q", "-o", target, tmp_path / "missing.txt")
    assert status == 1
    assert target.read_text() == "OLD\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


@pytest.mark.parametrize(
    ("exc", "status", "message"),
    [
        (KeyboardInterrupt(), 130, errors.E_INTERRUPTED),
        (RuntimeError("boom\nsecond line"), 1, "internal error: RuntimeError: boom second line"),
        (MemoryError(), 1, errors.E_MEMORY),
        (errors.NothingToRead(errors.E_NO_INPUT), 1, errors.E_NO_INPUT),
    ],
    ids=["interrupt", "internal", "memory", "own-error"],
)
def test_interrupted_or_failing_runs_leave_no_partial_output(
    tmp_path, capsys, monkeypatch, exc, status, message
):
    def failing(opts, out, fmt, *, warn, **_options):
        out.write('{"partial": true}\n')
        raise exc

    monkeypatch.setattr(app, "run_extract", failing)
    target = write(tmp_path / "out.jsonl", "OLD\n")
    target.chmod(0o640)
    code = cli.run(["extract", "-o", str(target), "a.txt"])
    out, err = capsys.readouterr()
    assert code == status
    assert out == ""
    assert len(err.splitlines()) == 1 and err.startswith(f"cstotimeline: error: {message}")
    assert target.read_text() == "OLD\n" and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_debug_setting_shows_the_traceback(monkeypatch):
    def failing(opts, out, fmt, *, warn, **_options):
        raise RuntimeError("boom")

    monkeypatch.setattr(app, "run_extract", failing)
    monkeypatch.setenv("CSTOTIMELINE_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli.run(["extract", "a.txt"])


def test_broken_pipe_is_quiet_success(capsys, monkeypatch):
    def failing(opts, out, fmt, *, warn, **_options):
        raise BrokenPipeError()

    monkeypatch.setattr(app, "run_extract", failing)
    assert run_cli(capsys, "extract", "a.txt") == (0, "", "")


def test_too_many_jobs_are_capped_with_a_warning(nlp, tmp_path, capsys, monkeypatch):
    from cstotimeline import parallel

    seen = []
    real = parallel.extract_documents

    def spy(documents, **kwargs):
        seen.append(kwargs["jobs"])
        return real(documents, **{**kwargs, "jobs": 1})

    monkeypatch.setattr(parallel, "extract_documents", spy)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 3)
    path = write(tmp_path / "a.txt", ARTICLE)
    status, _out, err = run_cli(capsys, "extract", "-q", "--jobs", "500", "--published",
                                "2024-01-01", path)  # fmt: skip
    assert status == 0 and seen == [3]
    assert err == "cstotimeline: warning: " + errors.W_JOBS.format(jobs=500, most=3) + "\n"


def test_exit_status_is_decided_in_one_place():
    import click

    assert errors.exit_status(KeyboardInterrupt()) == 130
    assert errors.exit_status(cli.Terminated()) == 130
    assert errors.exit_status(errors.UsageError("x")) == 2
    assert errors.exit_status(errors.NothingToRead("x")) == 1
    assert errors.exit_status(errors.ModelNotFound("x")) == 1
    assert errors.exit_status(click.UsageError("x")) == 2
    assert errors.exit_status(BrokenPipeError()) == 0
    assert errors.exit_status(RuntimeError()) == 1
    assert [int(s) for s in errors.ExitStatus] == [0, 1, 2, 130]


# -- output files -------------------------------------------------------------------------------


def test_output_replaces_atomically_and_keeps_mode(nlp, tmp_path, capsys):
    article = write(tmp_path / "in" / "a.txt", ARTICLE)
    target = write(tmp_path / "out.json", "OLD\n")
    target.chmod(0o640)
    status, out, _err = run_cli(
        capsys, "extract", "-q", "--published", "2024-01-01", "-o", target, article
    )
    assert (status, out) == (0, "")
    check_events(json.loads(target.read_text()))  # .json: the format from the extension
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.csv"
    umask = os.umask(0o022)
    os.umask(umask)
    status, _out, _err = run_cli(
        capsys, "extract", "-q", "--published", "2024-01-01", "-o", fresh, article
    )
    assert status == 0 and fresh.read_text().startswith("id,date,")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.csv", "in", "out.json"]


def test_output_dash_is_stdout(nlp, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = write(tmp_path / "a.txt", ARTICLE)
    status, out, _err = run_cli(
        capsys, "extract", "-q", "--published", "2024-01-01", "-f", "jsonl", "-o", "-", article
    )
    assert status == 0 and len(out.splitlines()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_output_through_a_symlink_keeps_the_link(nlp, tmp_path, capsys):
    article = write(tmp_path / "a.txt", ARTICLE)
    real = write(tmp_path / "real" / "out.jsonl", "OLD\n")
    link = tmp_path / "out.jsonl"
    link.symlink_to(real)
    status, _out, _err = run_cli(
        capsys, "extract", "-q", "--published", "2024-01-01", "-o", link, article
    )
    assert status == 0
    assert link.is_symlink() and len(real.read_text().splitlines()) == 2


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_output_to_a_device_writes_through_it(nlp, tmp_path, capsys):
    article = write(tmp_path / "a.txt", ARTICLE)
    status, _out, _err = run_cli(
        capsys, "extract", "-q", "--published", "2024-01-01", "-o", "/dev/null", article
    )
    assert status == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)  # not replaced by a regular file
    if Path("/dev/full").exists():
        status, out, err = run_cli(
            capsys, "extract", "-q", "--published", "2024-01-01", "-o", "/dev/full", article
        )
        assert (status, out) == (1, "")
        assert err.startswith("cstotimeline: error: cannot write /dev/full: ")
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


# -- what the writers make of unusual text ------------------------------------------------------


def weird_events() -> list[records.Event]:
    first = event(source="a.txt", summary="[/i]CSTO[bold] met \x1b[2J Armenia")
    # A lone surrogate (what os gives for an undecodable file name byte), put in by hand.
    mention = dataclasses.replace(first.mentions[0], source="bad\udcff\udcfename.txt")
    return [
        dataclasses.replace(first, mentions=(mention,)),
        event(
            source="b.txt",
            start=80,
            date="2023-11",
            event_type="refusal",
            actors=("Armenia", "CSTO"),
            summary="\u200b=cmd|' /C calc'!A0 \u202eArmenia\u202c <b>skips</b>\u2028twice",
        ),
    ]


def render(events, fmt) -> str:
    out = io.StringIO()
    export.write(events, out, fmt)
    return out.getvalue()


def test_every_format_is_valid_utf8_whatever_the_text():
    for fmt in export.FORMATS:
        render(weird_events(), fmt).encode("utf-8")
    objs = [json.loads(line) for line in render(weird_events(), "jsonl").split("\n") if line]
    assert len(objs) == 2
    assert objs[0]["mentions"][0]["source"] == "bad\ufffd\ufffdname.txt"
    assert "\u2028" in objs[1]["summary"]  # kept, but escaped on the line
    assert len(render(weird_events(), "jsonl").splitlines()) == 2
    check_events(json.loads(render(weird_events(), "json")))


def test_table_shows_markup_literally_and_drops_controls():
    text = render(weird_events(), "table")
    assert "[/i]CSTO[bold]" in text.replace("\n", "")  # not interpreted, no MarkupError
    assert "\x1b" not in text and "\u202e" not in text


def test_markdown_drops_controls_and_escapes_html():
    text = render(weird_events(), "markdown")
    assert "\x1b" not in text and "\u202e" not in text and "<b>" not in text
    assert "&lt;b>skips&lt;/b>" in text
    assert len(text.splitlines()) == 4


@pytest.mark.parametrize("lead", ["", " ", "\u200b", "\ufeff", " \u00a0"])
def test_formula_after_invisible_characters_is_neutralised(lead):
    for formula in ("=1+2", "+1", "-1", "@SUM(A1)"):
        assert export.neutralise(lead + formula) == "'" + lead + formula
    assert export.neutralise(lead + "Armenia") == lead + "Armenia"


# -- subprocesses: pipes, signals, time zones, worker processes ----------------------------------


def many_events_article(path: Path, count: int = 100) -> Path:
    """``count`` one-sentence refusals on different dates (about 1.4 kB of JSONL each)."""
    months = ("January", "March", "May", "July", "September", "November")
    padding = ", according to officials who spoke on condition of anonymity" * 5
    lines = [
        f"On {1 + i % 28} {months[i // 28 % 6]} {2019 + i // 168}, Armenia refused to attend a "
        f"CSTO meeting in Minsk{padding}."
        for i in range(count)
    ]
    return write(path, "\n\n".join(lines) + "\n")


def test_piping_into_head_ends_quietly(nlp, tmp_path):
    article = many_events_article(tmp_path / "many.txt")
    command = " ".join(
        [*(f"'{c}'" for c in cli_cmd("extract", "-q", "--published", "2024-01-01", article)),
         "2>err.txt | head -1 >first.txt; echo ${PIPESTATUS[0]} >status.txt"]
    )  # fmt: skip
    subprocess.run(["bash", "-c", command], cwd=tmp_path, env=cli_env(), timeout=300, check=True)
    assert (tmp_path / "status.txt").read_text().strip() == "0"
    assert (tmp_path / "err.txt").read_text() == ""
    first = json.loads((tmp_path / "first.txt").read_text())
    assert first["date"] == "2019-01-01"
    assert article.stat().st_size > 64 * 1024 // 2  # the output is well over a pipe buffer


def _default_sigint() -> None:  # children of a shell that ignores SIGINT would inherit that
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize(
    ("signum", "jobs"),
    [(signal.SIGINT, 2), (signal.SIGTERM, 1)],
    ids=["sigint-jobs-2", "sigterm-jobs-1"],
)
def test_interrupt_exits_130_without_partial_output(nlp, tmp_path, signum, jobs):
    inputs = tmp_path / "in"
    for i in range(40):
        many_events_article(inputs / f"a{i:02d}.txt")
    out_dir = tmp_path / "out"
    target = write(out_dir / "timeline.jsonl", "OLD\n")
    proc = subprocess.Popen(
        cli_cmd("extract", "-q", "-j", jobs, "--published", "2024-01-01", "-o", target, inputs),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env(),
        preexec_fn=_default_sigint,
    )
    deadline = time.monotonic() + 120
    while not any(p.name.endswith(".tmp") for p in out_dir.iterdir()):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(4.0)  # well into the processing (the inputs take far longer)
    assert proc.poll() is None
    started = time.monotonic()
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - started < 30
    assert proc.returncode == 130
    assert out == b""
    assert err.decode() == f"cstotimeline: error: {errors.E_INTERRUPTED}\n"
    assert [p.name for p in out_dir.iterdir()] == ["timeline.jsonl"]
    assert target.read_text() == "OLD\n"


def test_output_is_byte_identical_across_time_zones_jobs_and_locales(nlp, tmp_path):
    """Same bytes for TZ=UTC/Asia/Yerevan/America/Los_Angeles, --jobs 1/2 and any locale."""
    corpus = tmp_path / "corpus"
    for sample in sorted(SAMPLES.glob("*.txt")):
        write(corpus / sample.name, sample.read_bytes())
    # Publication dates from a header, a file name, a dateline and the text itself.
    write(corpus / "h.txt", "Published: 2023-11-24\n\n" + ARTICLE)
    write(corpus / "report_2024-02-23.txt", "Armenia froze its CSTO participation on Thursday.\n")
    write(corpus / "d.txt", "23 November 2023 18:22 (UTC+04:00)\n\nArmenia skipped the summit.\n")
    write(corpus / "late.txt", "Late on 31 December 2023 the CSTO met in Moscow.\n" + ARTICLE)
    write(corpus / "ru.txt", ("Армения — " + ARTICLE).encode("cp1251"))
    write(corpus / "crlf.txt", ARTICLE.replace("\n", "\r\n"))
    runs = [
        ({"TZ": "UTC"}, 1),
        ({"TZ": "Asia/Yerevan"}, 2),
        ({"TZ": "America/Los_Angeles", "LC_ALL": "C", "PYTHONIOENCODING": "latin-1"}, 1),
    ]
    outputs = []
    for extra, jobs in runs:
        env = cli_env()
        env.pop("PYTHONIOENCODING")
        env.update(extra)
        proc = subprocess.run(
            cli_cmd("extract", "-q", "-j", jobs, "-f", "jsonl", "corpus"),
            capture_output=True,
            env=env,
            cwd=tmp_path,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr.decode(errors="replace")
        assert b"Traceback" not in proc.stderr
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    objs = [json.loads(line) for line in outputs[0].decode("utf-8").splitlines()]
    assert len(objs) > 10
    check_events(objs)


def test_event_ids_are_unique_for_two_events_in_one_sentence(nlp, tmp_path, capsys):
    path = write(
        tmp_path / "two.txt",
        "On 23 November 2023, Armenia refused to attend the summit and Belarus refused to sign "
        "the declaration.\n",
    )
    status, out, _err = run_cli(
        capsys, "extract", "-q", "--all", "--published", "2024-01-01", "-f", "jsonl", path
    )
    objs = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and len(objs) == 2
    assert objs[0]["id"] != objs[1]["id"]
