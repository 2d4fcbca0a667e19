"""Reading and writing TimeML (TIMEX3 offsets, DCT, entities, round trip)."""

from __future__ import annotations

import datetime as dt
import pathlib

from cstotimeline.records import Timex
from cstotimeline.timeml import (
    iter_timeml_dir,
    parse_timeml,
    read_timeml,
    strip_tags,
    to_timeml,
    to_timeml_document,
)

DOC = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>TEST001</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" temporalFunction="false" '
    'functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>\n'
    '<TITLE>Ignored <TIMEX3 tid="t9" type="DATE" value="2013">2013</TIMEX3></TITLE>\n'
    "<TEXT>\n"
    'Armenia &amp; the CSTO <EVENT eid="e1" class="OCCURRENCE">met</EVENT> '
    '<TIMEX3 tid="t1" type="DATE" value="2013-03-21" temporalFunction="true" '
    'anchorTimeID="t0">yesterday</TIMEX3>.\n'
    'Talks lasted <TIMEX3 tid="t2" type="DURATION" value="PT2H" mod="MORE_THAN">'
    "more than two hours</TIMEX3>.\n"
    "</TEXT>\n</TimeML>\n"
)


def test_parse_text_offsets_and_dct() -> None:
    doc = parse_timeml(DOC)
    assert doc.name == "TEST001"
    assert doc.dct == dt.date(2013, 3, 22)
    assert doc.dct_value == "2013-03-22"
    assert doc.text.startswith("\nArmenia & the CSTO met yesterday.")
    assert [t.text for t in doc.timexes] == ["yesterday", "more than two hours"]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    first, second = doc.timexes
    assert (first.type, first.value, first.mod) == ("DATE", "2013-03-21", None)
    assert (second.type, second.value, second.mod) == ("DURATION", "PT2H", "MORE_THAN")


def test_timexes_outside_text_are_not_read() -> None:
    doc = parse_timeml(DOC)
    assert all(t.value != "2013" for t in doc.timexes)


def test_missing_dct_and_text() -> None:
    doc = parse_timeml("<TimeML><DOCID>x</DOCID></TimeML>")
    assert doc.dct is None
    assert doc.text == ""
    assert doc.timexes == ()


def test_strip_tags_ignores_empty_timex() -> None:
    text, spans = strip_tags('a <TIMEX3 tid="t5" type="DATE" value="X"/>b')
    assert text == "a b"
    assert spans == []


def test_to_timeml_escapes_and_numbers() -> None:
    text = "A & B met on Friday <today>."
    tx = [
        Timex(13, 19, "Friday", "DATE", "2013-03-22"),
        Timex(21, 26, "today", "DATE", "2013-03-22", mod="START"),
    ]
    out = to_timeml(text, tx)
    assert out == (
        'A &amp; B met on <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> '
        '&lt;<TIMEX3 tid="t2" type="DATE" value="2013-03-22" mod="START">today</TIMEX3>&gt;.'
    )


def test_to_timeml_drops_overlaps() -> None:
    text = "last Friday"
    tx = [Timex(0, 11, text, "DATE", "x"), Timex(5, 11, "Friday", "DATE", "y")]
    assert to_timeml(text, tx).count("<TIMEX3") == 1


def test_round_trip(tmp_path: pathlib.Path) -> None:
    text = "On May 12 & in June they met."
    tx = [Timex(3, 9, "May 12", "DATE", "2013-05-12"), Timex(14, 18, "June", "DATE", "2013-06")]
    path = tmp_path / "sub" / "doc.tml"
    path.parent.mkdir()
    path.write_text(to_timeml_document(text, tx, dt.date(2013, 3, 22)), encoding="utf-8")
    doc = read_timeml(path)
    assert doc.text == text
    assert doc.dct == dt.date(2013, 3, 22)
    assert [(t.start, t.end, t.value) for t in doc.timexes] == [
        (3, 9, "2013-05-12"),
        (14, 18, "2013-06"),
    ]
    assert [d.name for d in iter_timeml_dir(tmp_path)] == ["doc"]
