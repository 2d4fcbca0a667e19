from __future__ import annotations

import csv
import io
import json
from importlib import resources

import pytest
from helpers import event

from cstotimeline import export


@pytest.fixture
def events():
    return [
        event(source="a.txt", start=0, date="2023-11-23", summary="CSTO summit held in Minsk"),
        event(
            source="b.txt",
            start=40,
            date="2023-11",
            event_type="refusal",
            actors=("Armenia", "CSTO"),
            summary='=HYPERLINK("http://x") Armenia | skips',
        ),
    ]


def render(events, fmt):
    out = io.StringIO()
    export.write(events, out, fmt)
    return out.getvalue()


def test_jsonl_is_one_valid_object_per_line(events):
    lines = render(events, "jsonl").splitlines()
    assert len(lines) == 2
    objs = [json.loads(line) for line in lines]
    assert objs[0]["date"] == "2023-11-23"
    assert objs[0]["mentions"][0]["source"] == "a.txt"


def test_json_validates_against_schema(events):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(
        resources.files("cstotimeline").joinpath("data/event.schema.json").read_text("utf-8")
    )
    for obj in json.loads(render(events, "json")):
        jsonschema.validate(obj, schema)


@pytest.mark.parametrize(("fmt", "delim"), [("csv", ","), ("tsv", "\t")])
def test_delimited_neutralises_formulas(events, fmt, delim):
    rows = list(csv.reader(io.StringIO(render(events, fmt)), delimiter=delim))
    assert tuple(rows[0]) == export.FLAT_COLUMNS
    summary = rows[2][export.FLAT_COLUMNS.index("summary")]
    assert summary.startswith("'=HYPERLINK")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+7", "'+7"),
        ("-x", "'-x"),
        ("@SUM", "'@SUM"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Armenia", "Armenia"),
        ("2023-11", "2023-11"),
    ],
)
def test_neutralise(cell, expected):
    assert export.neutralise(cell) == expected


def test_markdown_escapes_pipes(events):
    text = render(events, "markdown")
    assert text.splitlines()[0] == "| Date | Type | Actors | Summary | Sources |"
    assert "Armenia \\| skips" in text


def test_table_lists_every_event(events):
    text = render(events, "table")
    assert "2023-11-23" in text and "2 events" in text
