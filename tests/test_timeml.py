"""Reading and writing TimeML (TIMEX3 offsets, DCT, entities, round trip)."""

from __future__ import annotations

import datetime as dt
import itertools
import pathlib

import pytest

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


# -- writing complete documents ------------------------------------------------------------------

import xml.etree.ElementTree as ET  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cstotimeline.timeml import TIMEX3_MODS, TIMEX3_TYPES, EventTag, valid_value  # noqa: E402
from cstotimeline.timex import tag  # noqa: E402

NARRATIVE = (
    "Armenia froze its participation last Thursday. Two days later the CSTO met in Minsk, "
    "and on 12 May 2021 the border crisis began. The talks lasted three hours."
)


def check_document(xml: str) -> ET.Element:
    """``xml`` parses; every TIMEX3 has a tid, a type and a well-formed value; anchors and
    links point at TIMEX3s that exist."""
    root = ET.fromstring(xml)
    assert root.tag == "TimeML"
    timexes = root.findall(".//TIMEX3")
    tids = {t.get("tid") for t in timexes}
    assert len(tids) == len(timexes)
    for t in timexes:
        assert t.get("tid") and t.get("type") in TIMEX3_TYPES
        assert valid_value(t.get("value") or ""), t.get("value")
        assert t.get("mod") in (None, *TIMEX3_MODS)
        assert t.get("anchorTimeID") in (None, *tids)
    eids = {e.get("eid") for e in root.findall(".//EVENT")}
    instances = root.findall("MAKEINSTANCE")
    assert {i.get("eventID") for i in instances} == eids
    for link in root.findall("TLINK"):
        assert link.get("relatedToTime") in tids
        assert link.get("eventInstanceID") in {i.get("eiid") for i in instances}
    return root


def test_document_anchors_relative_expressions():
    dct = dt.date(2024, 2, 23)
    root = check_document(to_timeml_document(NARRATIVE, tag(NARRATIVE, dct), dct, docid="a.txt"))
    assert root.findtext("DOCID") == "a.txt"
    [creation] = root.findall("DCT/TIMEX3")
    assert creation.attrib == {
        "tid": "t0",
        "type": "DATE",
        "value": "2024-02-23",
        "temporalFunction": "false",
        "functionInDocument": "CREATION_TIME",
    }
    by_text = {t.text: t.attrib for t in root.findall("TEXT/TIMEX3")}
    assert by_text["last Thursday"]["anchorTimeID"] == "t0"
    assert by_text["last Thursday"]["temporalFunction"] == "true"
    # "Two days later" counts from the expression before it, not from the creation time.
    assert by_text["Two days later"]["anchorTimeID"] == by_text["last Thursday"]["tid"]
    assert by_text["Two days later"]["value"] == "2024-02-24"
    assert by_text["12 May 2021"]["temporalFunction"] == "false"
    assert "anchorTimeID" not in by_text["12 May 2021"]
    assert by_text["three hours"]["type"] == "DURATION"


def test_document_events_and_links():
    dct = dt.date(2024, 2, 23)
    timexes = tag(NARRATIVE, dct)
    froze = NARRATIVE.index("froze")
    met = NARRATIVE.index("met")
    began = NARRATIVE.index("began")
    later = next(t for t in timexes if t.text == "Two days later")
    events = [
        EventTag(froze, froze + 5, tense="PAST", at_dct=True, note="event 1 -- frozen"),
        EventTag(met, met + 3, tense="PAST", time=(later.start, later.end)),
        EventTag(began, began + 5),
    ]
    root = check_document(to_timeml_document(NARRATIVE, timexes, dct, events=events))
    assert [e.text for e in root.findall("TEXT/EVENT")] == ["froze", "met", "began"]
    links = {lk.get("eventInstanceID"): lk.get("relatedToTime") for lk in root.findall("TLINK")}
    tid = next(t.get("tid") for t in root.findall("TEXT/TIMEX3") if t.text == "Two days later")
    assert links == {"ei1": "t0", "ei2": tid}
    assert [i.get("tense") for i in root.findall("MAKEINSTANCE")] == ["PAST", "PAST", "NONE"]


def test_document_without_dct_has_no_dangling_anchor():
    root = check_document(to_timeml_document(NARRATIVE, tag(NARRATIVE, None), None))
    assert root.find("DCT") is None
    assert all(t.get("anchorTimeID") != "t0" for t in root.iter("TIMEX3"))


def test_characters_xml_forbids_are_replaced_and_offsets_kept():
    text = "On 12 May 2021\x00 the \x1b[31mCSTO\r\nmet \ud800 <x> & y."
    xml = to_timeml_document(text, tag(text, dt.date(2021, 5, 20)), dt.date(2021, 5, 20))
    check_document(xml)
    doc = parse_timeml(xml)
    assert len(doc.text) == len(text)
    assert "\r\n" in doc.text  # written as &#13; so a parser keeps it
    assert doc.timexes[0].text == "12 May 2021"


@pytest.mark.parametrize(
    "value",
    ["2023", "2023-11", "2023-11-23", "XXXX-WXX-5", "1998-Q4", "2013-03-21TEV", "P2Y", "PT3H",
     "PAST_REF", "199", "2023-W07", "2023-SU", "P1DE", "PXY", "2023-11-23T10:30", "XXXX-XX"],
)  # fmt: skip
def test_valid_values(value):
    assert valid_value(value)


@pytest.mark.parametrize("value", ["", "bad", "2023-13x", "P", "2023-", "23-11-2023", "T25"])
def test_invalid_values(value):
    assert not valid_value(value)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["last week", "on Friday", "12 May 2021", "two days later", "since 2020", "<&>",
             "in the spring", "every year", "three months", "\x00", "\r\n", "Armenia", " ",
             "the next day", "earlier this month", "2023-11-24", "a year ago", "\ud800"]
        ),
        max_size=12,
    ),
    st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1))),
)  # fmt: skip
def test_any_text_gives_a_well_formed_document(words, dct):
    text = " ".join(words)
    check_document(to_timeml_document(text, tag(text, dct), dct))


def test_every_value_the_tagger_gives_on_the_samples_is_well_formed():
    from conftest import CORPUS, SAMPLES, TEMPEVAL_TRAIN

    paths = sorted(SAMPLES.glob("*.txt")) + sorted(CORPUS.glob("*.txt"))
    texts = [p.read_text("utf-8") for p in paths]
    texts += [d.text for d in itertools.islice(iter_timeml_dir(TEMPEVAL_TRAIN), 60)]
    values = [t for text in texts for t in tag(text, dt.date(2023, 11, 24))]
    assert len(values) > 100
    bad = [(t.text, t.value) for t in values if not valid_value(t.value)]
    assert bad == []
