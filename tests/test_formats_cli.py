"""The visual and TimeML formats from the command line: html, timelinejs, timeml."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from test_cli import PINNED
from test_hostile import run_cli, write
from test_timeml import check_document

from cstotimeline import errors


def test_timex_timeml_is_a_document_with_its_creation_time(capsys, tmp_path):
    path = write(tmp_path / "a.txt", "Armenia met the CSTO last Thursday.\nTwo days later: talks.")
    status, out, _err = run_cli(
        capsys, "timex", "--no-model", "-f", "timeml", "--published", "2024-02-23", path
    )
    assert status == 0
    root = check_document(out)
    assert root.findtext("DOCID") == str(path)
    assert root.find("DCT/TIMEX3").get("functionInDocument") == "CREATION_TIME"
    [thursday, later] = root.findall("TEXT/TIMEX3")
    assert (thursday.text, thursday.get("value"), thursday.get("anchorTimeID")) == (
        "last Thursday",
        "2024-02-22",
        "t0",
    )
    assert later.get("anchorTimeID") == thursday.get("tid")


def test_timex_timeml_of_a_file_with_a_header_annotates_its_body(capsys, tmp_path):
    path = write(tmp_path / "a.txt", "published: 2023-11-24\n\nThe summit was held on Thursday.")
    status, out, _err = run_cli(capsys, "timex", "--no-model", "-f", "timeml", path)
    assert status == 0
    root = check_document(out)
    assert root.find("DCT/TIMEX3").get("value") == "2023-11-24"
    assert "".join(root.find("TEXT").itertext()).startswith("The summit")


@pytest.mark.model
def test_extract_timeml_marks_events_and_links_them(nlp, capsys, tmp_path):
    path = write(tmp_path / "article.txt", PINNED)
    status, out, _err = run_cli(
        capsys, "extract", "-q", "-f", "timeml", "--published", "2024-03-01", path
    )
    assert status == 0
    root = check_document(out)
    status, jsonl, _err = run_cli(
        capsys, "extract", "-q", "-f", "jsonl", "--published", "2024-03-01", path
    )
    events = [json.loads(line) for line in jsonl.splitlines()]
    marked = root.findall("TEXT/EVENT")
    assert len(marked) == sum(len(e["mentions"]) for e in events) >= 4
    # Every event of the chronology is named in a comment by its id.
    for e in events:
        assert f"cstotimeline event {e['id']}" in out
    # The refusal is dated by "On 3 May 2023": its TLINK points at that TIMEX3.
    tid = next(t.get("tid") for t in root.iter("TIMEX3") if t.text == "3 May 2023")
    refused = next(e for e in marked if e.text == "refused")
    instance = next(
        i for i in root.findall("MAKEINSTANCE") if i.get("eventID") == refused.get("eid")
    )
    link = next(
        lk for lk in root.findall("TLINK") if lk.get("eventInstanceID") == instance.get("eiid")
    )
    assert link.get("relatedToTime") == tid and link.get("relType") == "IS_INCLUDED"
    assert instance.get("tense") == "PAST"


def test_extract_timeml_takes_one_document(capsys, tmp_path):
    write(tmp_path / "a.txt", "One.")
    write(tmp_path / "b.txt", "Two.")
    status, out, err = run_cli(
        capsys, "extract", "-q", "-f", "timeml", "--published", "2024-03-01", tmp_path
    )
    assert status == errors.ExitStatus.USAGE
    assert out == ""
    assert err == f"cstotimeline: error: {errors.E_TIMEML_ONE}\n"


@pytest.mark.model
def test_extract_html_and_timelinejs_from_the_extension_and_the_option(nlp, capsys, tmp_path):
    path = write(tmp_path / "in" / "article.txt", PINNED)
    page = tmp_path / "t.html"
    status, out, _err = run_cli(
        capsys, "extract", "-q", "--published", "2024-03-01", "-o", page, path
    )
    assert status == 0 and out == ""
    html = page.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    status, out, _err = run_cli(
        capsys, "extract", "-q", "-f", "timelinejs", "--published", "2024-03-01", path
    )
    doc = json.loads(out)
    assert len(doc["events"]) == html.count('<li class="event"') >= 4
    for slide in doc["events"]:
        assert f'id="ev-{slide["unique_id"]}"' in html


def test_formats_are_listed_in_help(capsys):
    status, out, _err = run_cli(capsys, "extract", "--help")
    assert status == 0
    for fmt in ("html", "timelinejs", "timeml"):
        assert fmt in out


def test_timeml_parses_even_for_hostile_text(capsys, tmp_path):
    text = "On 3 May 2023 <b>&amp; \x01 ]]> --> met.\r\nThen " + "they talked at length. " * 10
    path = write(tmp_path / "a.txt", text)
    status, out, _err = run_cli(
        capsys, "timex", "--no-model", "-f", "timeml", "--published", "2024-03-01", path
    )
    assert status == 0
    ET.fromstring(out)
