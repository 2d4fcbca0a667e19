"""What an analyst meets in the first hour: inputs that are not articles, output formats and
columns, pipes closed early, filters, ``timex`` on a sentence, evaluating a folder without
gold. Exact output through click's CliRunner and ``cli.run``; pipes through real
subprocesses."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import event, mention
from test_hostile import ARTICLE, cli_cmd, cli_env, run_cli, write

from cstotimeline import app, cli, errors, export
from cstotimeline.chronology import aggregate

ROOT = Path(__file__).resolve().parents[1]
W = "cstotimeline: warning: "
E = "cstotimeline: error: "


def invoke(*args: object, input: str | None = None):
    return CliRunner().invoke(cli.cli, [str(a) for a in args], input=input)


# -- 1. inputs -------------------------------------------------------------------------------------


@pytest.mark.model
def test_a_directory_reads_its_articles_and_says_what_it_skipped(nlp, tmp_path):
    folder = tmp_path / "articles"
    write(folder / "a.txt", ARTICLE)
    write(folder / "README.md", "How these articles were collected, on 1 May 2024.\n")
    write(folder / "LICENSE.txt", "Copyright 2024. All rights reserved.\n")
    result = invoke("extract", "-q", "-f", "jsonl", "--published", "2024-01-01", folder)
    assert result.exit_code == 0
    assert [json.loads(line)["date"] for line in result.stdout.splitlines()] == [
        "2023-05-03",
        "2023-06-10",
    ]
    assert result.stderr == (
        f"{W}{folder}: skipped 2 file(s) that are not articles (README, LICENSE, index ...): "
        "LICENSE.txt, README.md\n"
    )


@pytest.mark.model
def test_a_manifest_for_other_files_drops_nothing_and_says_so(nlp, tmp_path):
    """``--manifest corpus/index.tsv data/samples`` used to print nothing and exit 0."""
    manifest = write(
        tmp_path / "corpus" / "index.tsv", "file\tpublished\turl\toutlet\nx.txt\t2023-11-24\t\t\n"
    )
    article = write(tmp_path / "samples" / "a.txt", "published: 2024-01-01\n\n" + ARTICLE)
    result = invoke("extract", "-q", "-f", "jsonl", "--manifest", manifest, article.parent)
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == (
        f"{W}{article}: not in the manifest {manifest}; read without its publication date, "
        "url and outlet\n"
        f"{W}{manifest}:2: x.txt is listed but no such file was read or found\n"
    )


# -- 2. output formats -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["x.xlsx", "x", "x.tml.bak"])
def test_an_unknown_extension_is_a_usage_error(tmp_path, name):
    target = tmp_path / name
    result = invoke("extract", "-o", target, tmp_path / "a.txt")
    known = ", ".join(sorted(export.EXTENSIONS))
    suffix = Path(name).suffix
    assert result.exit_code == 2
    assert result.stderr == (
        f"{E}-o {target}: cannot tell the format from the extension {suffix!r}: known "
        f"extensions are {known} (or give --format)\n"
    )
    assert not target.exists()


def test_known_extensions_list_every_format():
    formats = set(export.EXTENSIONS.values())
    assert formats == set(cli.FORMATS) - {"timelinejs"}  # TimelineJS is JSON: -f timelinejs
    assert export.EXTENSIONS[".tml"] == export.EXTENSIONS[".xml"] == "timeml"


def test_timex_output_follows_its_own_extensions(tmp_path):
    target = tmp_path / "t.csv"
    result = invoke("timex", "--no-model", "-o", target, "On 3 May 2023 they met.")
    assert result.exit_code == 2
    assert ".jsonl, .ndjson, .tml, .txt, .xml" in result.stderr
    out = tmp_path / "t.tml"
    result = invoke("timex", "--no-model", "--published", "2024-01-01", "-o", out, "On 3 May.")
    assert result.exit_code == 0 and out.read_text("utf-8").startswith("<?xml")


def test_unknown_fields_are_a_usage_error():
    result = invoke("extract", "-f", "csv", "--fields", "date,nope,summary", "a.txt")
    assert result.exit_code == 2
    assert result.stderr == (
        f"{E}unknown --fields nope: the columns are {', '.join(export.FLAT_COLUMNS)}\n"
    )
    result = invoke("extract", "-f", "json", "--fields", "date", "a.txt")
    assert result.exit_code == 2
    assert result.stderr == f"{E}--fields chooses the columns of csv and tsv, not of json\n"


def _cited_events():
    import dataclasses

    first = dataclasses.replace(
        mention(
            source="corpus/a.txt",
            actors=("Armenia", "CSTO", "Nikol Pashinyan"),
            sources=("Nikol Pashinyan",),
            event_type="refusal",
            summary="Nikol Pashinyan refused to attend the summit",
        ),
        url="https://example.org/a",
        outlet="Example News",
        target_actors=("CSTO",),
        date_text="23 November 2023",
        date_relation="own",
        date_alternatives=(("2023-11-24", "publication", 0.125),),
        date_mod="START",
    )
    second = mention(
        source="corpus/b.txt",
        start=90,
        actors=("Armenia", "CSTO", "Nikol Pashinyan"),
        sources=("Nikol Pashinyan",),
        event_type="refusal",
        summary="Armenia skipped the summit",
    )
    return [aggregate([first, second])]


def test_csv_and_tsv_carry_every_field_of_the_json_record():
    [e] = _cited_events()
    obj = export.event_dict(e)
    rows = {}
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        out = io.StringIO()
        export.write([e], out, fmt)
        header, row = list(csv.reader(io.StringIO(out.getvalue()), delimiter=delimiter))
        rows[fmt] = dict(zip(header, row, strict=True))
    assert rows["csv"] == rows["tsv"]
    row = rows["csv"]
    for key in obj:
        if key != "mentions":
            assert key in row, key
    for key in obj["mentions"][0]:
        assert ("evidence" if key == "sentence" else f"mention_{key}") in row, key
    assert row["source_actors"] == "Nikol Pashinyan" and row["target_actors"] == "CSTO"
    assert row["date_mod"] == "START" and row["trigger"] == "hold"
    assert row["sources"] == "corpus/a.txt; corpus/b.txt"
    assert row["url"] == "https://example.org/a; " and row["outlet"] == "Example News; "
    assert row["mention_url"] == "https://example.org/a || "
    assert row["mention_date_alternatives"] == "2023-11-24 publication 0.12 || "
    assert row["mention_start"] == "0 || 90"


def test_fields_choose_and_order_the_columns():
    out = io.StringIO()
    export.write(_cited_events(), out, "csv", fields=["outlet", "date", "summary"])
    assert out.getvalue() == (
        "outlet,date,summary\n"
        "Example News; ,2023-11-23,Nikol Pashinyan refused to attend the summit\n"
    )


def test_markdown_and_the_table_cite_outlet_and_address():
    events = _cited_events()
    md = io.StringIO()
    export.write(events, md, "markdown")
    assert "[Example News](<https://example.org/a>) (corpus/a.txt), corpus/b.txt" in md.getvalue()
    table = io.StringIO()
    export.write_table(events, table, width=200)
    assert "Example News <https://example.org/a>" in table.getvalue()


def test_timeml_names_the_article_address_and_outlet():
    from cstotimeline.records import Document

    document = Document("a.txt", "Text.", dt.date(2024, 1, 1), url="https://x.org/a--b", outlet="X")
    xml = "<?xml?>\n<TimeML>\n<DOCID>a.txt</DOCID>\n<TEXT>Text.</TEXT>\n</TimeML>\n"
    assert app.with_source_comment(xml, document) == (
        "<?xml?>\n<TimeML>\n<DOCID>a.txt</DOCID>\n<!-- url: https://x.org/a- -b; outlet: X -->\n"
        "<TEXT>Text.</TEXT>\n</TimeML>\n"
    )


@pytest.fixture(scope="module")
def cited_store(nlp, tmp_path_factory):
    """A store of one article whose manifest gives its address and outlet."""
    folder = tmp_path_factory.mktemp("cited")
    write(folder / "a.txt", ARTICLE)
    manifest = write(
        folder / "index.tsv",
        "file\tpublished\turl\toutlet\na.txt\t2024-01-01\thttps://example.org/a\tExample News\n",
    )
    db = folder / "c.sqlite"
    status = cli.run(["extract", "-q", "--db", str(db), "--manifest", str(manifest), str(folder)])
    assert status == 0
    return folder, manifest, db


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl", "markdown", "table", "html"])
def test_every_format_carries_url_and_outlet(cited_store, capsys, fmt):
    _folder, _manifest, db = cited_store
    status, out, _err = run_cli(capsys, "show", "--db", db, "-f", fmt)
    assert status == 0
    assert "https://example.org/a" in out and "Example News" in out


@pytest.mark.model
def test_timelinejs_and_timeml_carry_url_and_outlet(cited_store, capsys):
    folder, manifest, db = cited_store
    status, out, _err = run_cli(capsys, "show", "--db", db, "-f", "timelinejs")
    assert status == 0 and "https://example.org/a" in out and "Example News" in out
    status, out, _err = run_cli(
        capsys, "extract", "-q", "-f", "timeml", "--manifest", manifest, folder / "a.txt"
    )
    assert status == 0
    assert "<!-- url: https://example.org/a; outlet: Example News -->" in out


@pytest.mark.model
def test_show_with_fields_writes_the_chosen_columns(cited_store):
    _folder, _manifest, db = cited_store
    result = invoke("show", "--db", db, "-f", "csv", "--fields", "date,event_type,url,outlet")
    assert result.exit_code == 0
    assert result.stdout == (
        "date,event_type,url,outlet\n"
        "2023-05-03,refusal,https://example.org/a,Example News\n"
        "2023-06-10,exercise,https://example.org/a,Example News\n"
    )


# -- 4. pipes --------------------------------------------------------------------------------------


MONTHS = ("January", "February", "March", "April", "May", "June")
MONTHS += ("July", "August", "September", "October", "November", "December")


@pytest.fixture(scope="module")
def many_events(nlp, tmp_path_factory):
    """A store of some 600 events: every format writes far more than a pipe holds."""
    folder = tmp_path_factory.mktemp("many")
    lines = []
    for i in range(600):
        d = dt.date(2021, 1, 1) + dt.timedelta(days=i)
        lines.append(
            f"On {d.day} {MONTHS[d.month - 1]} {d.year}, the CSTO held exercises in Belarus."
        )
    article = write(folder / "drills.txt", "\n\n".join(lines) + "\n")
    db = folder / "c.sqlite"
    run = subprocess.run(
        cli_cmd(
            "extract", "-q", "--published", "2024-01-01", "--db", db, "-o", os.devnull, article
        ),
        env=cli_env(),
        capture_output=True,
    )
    assert run.returncode == 0, run.stderr
    return article, db


def _read_one_line(command: list[str]) -> tuple[int, bytes, bytes]:
    """Run ``command``, read one line of its stdout and close the pipe (as ``| head -1``)."""
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env())
    assert proc.stdout is not None and proc.stderr is not None
    with proc:
        first = proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
        return proc.wait(timeout=120), first, err


@pytest.mark.model
@pytest.mark.parametrize("fmt", [*export.WRITERS])
def test_every_format_ends_quietly_when_the_reader_closes(many_events, fmt):
    _article, db = many_events
    full = subprocess.run(
        cli_cmd("show", "--db", db, "-f", fmt), capture_output=True, env=cli_env()
    )
    assert full.returncode == 0 and len(full.stdout) > 64 * 1024  # more than a pipe holds
    status, first, err = _read_one_line(cli_cmd("show", "--db", db, "-f", fmt))
    assert (status, err) == (0, b"")
    assert first and full.stdout.startswith(first)


@pytest.mark.model
def test_extract_table_into_head_exits_0_without_a_message(many_events):
    article, _db = many_events
    command = " ".join(
        [
            *(
                f"'{a}'"
                for a in cli_cmd("extract", "-q", "-f", "table", "--published", "2024-01-01")
            ),
            f"'{article}'",
        ]
    )
    run = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command} | head -1"],
        capture_output=True,
        env=cli_env(),
    )
    assert run.returncode == 0 and run.stderr == b""
    assert run.stdout.decode("utf-8").startswith("┏")


def test_timex_table_into_head_exits_0_without_a_message(tmp_path):
    article = write(tmp_path / "a.txt", "They met on 3 May 2023 and on 4 May 2023.\n" * 3000)
    status, first, err = _read_one_line(
        cli_cmd("timex", "--no-model", "-f", "table", "--published", "2024-01-01", article)
    )
    assert (status, err) == (0, b"") and first


# -- 5. filters ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-11-24", dt.date(2023, 11, 24), dt.date(2023, 11, 24)),
        ("24 November 2023", dt.date(2023, 11, 24), dt.date(2023, 11, 24)),
    ],
)
def test_periods(value, first, last):
    assert cli.parse_period(value) == (value, first, last)


@pytest.mark.parametrize("value", ["2023-13", "2023-02-30", "23", "last year", "2023-1"])
def test_bad_periods_are_usage_errors(capsys, value):
    status, _out, err = run_cli(capsys, "extract", "--since", value, "a.txt")
    assert status == 2
    assert err == (
        f"{E}Invalid value for '--since': invalid date {value!r}: expected YYYY, YYYY-MM or "
        "YYYY-MM-DD (see 'cstotimeline extract --help')\n"
    )


def test_since_after_until_compares_periods(capsys):
    status, _out, err = run_cli(
        capsys, "show", "--db", "x.sqlite", "--since", "2024", "--until", "2023-12"
    )
    assert (status, err) == (2, f"{E}--since 2024 is after --until 2023-12\n")


def _filterable():
    return [
        event(source="a.txt", date="2022", event_type="exercise", actors=("CSTO", "Kazakhstan")),
        event(source="b.txt", date="2023-11", event_type="refusal", actors=("Armenia",)),
        event(
            source="c.txt",
            date="2023-11-23",
            actors=("CSTO", "Belarus"),
            sources=("Alexander Lukashenko",),
            confidence=0.4,
        ),
        event(
            source="d.txt",
            date="2024-02-22",
            event_type="statement",
            actors=("Armenia",),
            modality="planned",
            confidence=0.9,
        ),
    ]


@pytest.mark.parametrize(
    ("options", "dates"),
    [
        ({"since": "2023", "until": "2023"}, ["2023-11", "2023-11-23"]),
        ({"since": "2023-11-24"}, ["2023-11", "2024-02-22"]),  # November overlaps the 24th on
        ({"until": "2022-06"}, ["2022"]),  # the year 2022 overlaps its first half
        ({"actors": ["Lukashenko"]}, ["2023-11-23"]),  # a doer only, by alias
        ({"actors": ["armenia"]}, ["2023-11", "2024-02-22"]),
        ({"relevance": ["core"]}, ["2022", "2023-11-23"]),
        ({"min_confidence": 0.5}, ["2022", "2023-11", "2024-02-22"]),
        ({"modalities": ["planned"]}, ["2024-02-22"]),
        ({"limit": 2}, ["2022", "2023-11"]),
        ({"types": ["refusal", "statement"], "limit": 1}, ["2023-11"]),
    ],
)
def test_filters(options, dates):
    if "since" in options:
        options["since"] = cli.parse_period(options["since"]).first
    if "until" in options:
        options["until"] = cli.parse_period(options["until"]).last
    assert [e.date for e in app.Filters(**options).apply(_filterable())] == dates


def test_actor_matches_a_target_only():
    import dataclasses

    e = dataclasses.replace(event(actors=("Armenia",)), target_actors=("European Union",))
    assert app.Filters(actors=["European Union"]).apply([e]) == [e]


@pytest.mark.model
@pytest.mark.parametrize(
    ("options", "dates"),
    [
        (["--since", "2023", "--until", "2023-05"], ["2023-05-03"]),
        (["--since", "2023-06"], ["2023-06-10"]),
        (["--type", "exercise", "--relevance", "core"], ["2023-06-10"]),
        (["--modality", "planned"], []),
        (["--min-confidence", "1"], []),
        (["--limit", "1"], ["2023-05-03"]),
        (["--actor", "Belarus"], ["2023-06-10"]),
    ],
)
def test_extract_and_show_filter_alike(cited_store, capsys, options, dates):
    folder, manifest, db = cited_store
    base = ["-f", "jsonl", *options]
    status, out, _ = run_cli(capsys, "extract", "-q", "--manifest", manifest, *base, folder)
    assert status == 0
    assert [json.loads(line)["date"] for line in out.splitlines()] == dates
    status, shown, _ = run_cli(capsys, "show", "--db", db, *base)
    assert status == 0 and shown == out


# -- 6. timex --------------------------------------------------------------------------------------


def test_timex_tags_a_sentence_given_as_its_argument():
    result = invoke(
        "timex",
        "--no-model",
        "-f",
        "jsonl",
        "--published",
        "2024-03-01",
        "the 2022 summit on 23 November",
    )
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == (
        '{"start": 4, "end": 8, "text": "2022", "type": "DATE", "value": "2022"}\n'
        '{"start": 19, "end": 30, "text": "23 November", "type": "DATE", "value": "2022-11-23"}\n'
    )


def test_timex_reads_stdin_and_files(tmp_path):
    text = "The CSTO met on 3 May 2023."
    expected = (
        '{"start": 16, "end": 26, "text": "3 May 2023", "type": "DATE", "value": "2023-05-03"}\n'
    )
    result = invoke(
        "timex", "--no-model", "-f", "jsonl", "--published", "2024-01-01", "-", input=text
    )
    assert result.exit_code == 0 and result.stdout == expected
    path = write(tmp_path / "a note", text)  # a path that exists is a file, spaces or not
    result = invoke("timex", "--no-model", "-f", "jsonl", "--published", "2024-01-01", path)
    assert result.exit_code == 0 and result.stdout == expected


def test_timex_of_a_missing_file_name_is_an_error(tmp_path):
    missing = tmp_path / "article.txt"
    result = invoke("timex", "--no-model", missing)
    assert result.exit_code == 1
    assert result.stderr == f"{W}{missing}: no such file or directory\n{E}no input could be read\n"


def test_timex_text_without_a_date_says_so():
    result = invoke("timex", "--no-model", "-f", "jsonl", "They met on Thursday.")
    assert result.exit_code == 0
    assert result.stderr == f"{W}{errors.E_PUBLISHED_UNKNOWN.format(path='<text>')}\n"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the 2022 summit on 23 November", "2022-11-23"),
        ("the summit of 2021, held on 5 May", "2021-05-05"),
        ("its 2019 talks, which opened on 3 June", "2019-06-03"),
        ("In 2019 they met on 3 June", "2023-06-03"),  # an adverbial year: not the phrase's
        ("the summit on 23 November", "2023-11-23"),
    ],
)
def test_a_year_in_the_phrase_anchors_the_day(text, value):
    from cstotimeline.timex import tag

    found = [t for t in tag(text, dt.date(2024, 3, 1)) if len(t.value) == 10]
    assert [t.value for t in found] == [value]


# -- 7. evaluate -----------------------------------------------------------------------------------


def test_evaluate_events_without_gold_warns_and_fails(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "index.tsv", "file\tpublished\na.txt\t2024-01-01\nb.txt\t2024-01-01\n")
    result = invoke("evaluate", "events", tmp_path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"{W}{tmp_path / 'a.txt'}: no gold file a.gold.tsv, not scored\n"
        f"{W}{tmp_path / 'b.txt'}: listed in index.tsv but missing, not scored\n"
        f"{E}nothing to score in {tmp_path}: no article of its index.tsv has a gold file\n"
    )


def test_evaluate_events_without_an_index_fails(tmp_path):
    result = invoke("evaluate", "events", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{E}cannot read {tmp_path / 'index.tsv'}: ")


def test_evaluate_timex_without_timeml_fails(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    result = invoke("evaluate", "timex", "--no-model", tmp_path)
    assert result.exit_code == 1
    assert result.stderr == f"{E}nothing to score in {tmp_path}: no TimeML (*.tml) file under it\n"


def test_the_shared_data_can_be_elsewhere(tmp_path):
    script = "import conftest; print(conftest.SHARED); print(conftest.CORPUS)"
    env = {**cli_env(), "CSTOTIMELINE_SHARED": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT / "tests", env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [str(tmp_path), str(tmp_path / "corpus")]
    from conftest import need_shared

    with pytest.raises(pytest.skip.Exception, match="set CSTOTIMELINE_SHARED"):
        need_shared(tmp_path / "nowhere")
