"""Property tests: arbitrary bytes and text never break reading, extraction or output.

The extraction properties use the real spaCy pipeline (the session ``nlp`` fixture), with a
modest number of examples and no deadline.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_hostile import check_events, real_date

from cstotimeline import export, ingest, pipeline
from cstotimeline.records import Document

EXTRACT_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- reading -------------------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_bytes_gives_text_or_refuses(data):
    try:
        text, encoding = ingest.decode_bytes(data)
    except ingest.BinaryInputError:
        return
    text.encode("utf-8")  # never a lone surrogate
    if encoding is None:
        body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        assert body.decode("utf-8") == text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251"]))
def test_decode_bytes_round_trips_text(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    # A UTF-16 BOM followed by U+0000 is byte for byte a UTF-32 BOM (FF FE 00 00): no decoder
    # can tell them apart, and text does not start with a NUL character.
    assume(not (encoding == "utf-16" and text.startswith("\x00")))
    # NUL characters in UTF-8 are NUL bytes, which is how BOM-less UTF-16 is told ("0\x00" is
    # byte for byte UTF-16-LE "0"): such text is decoded as UTF-16 by design.
    assume(not (encoding in ("utf-8", "utf-8-sig") and "\x00" in text))
    try:
        decoded, _found = ingest.decode_bytes(data)
    except ingest.BinaryInputError:
        return  # control characters, NUL bytes: refused, not mangled
    if encoding in ("utf-8", "utf-8-sig", "utf-16"):
        assert decoded == (text[1:] if encoding == "utf-8" and text[:1] == "\ufeff" else text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_parse_date_is_none_or_a_real_date(value):
    for strict in (False, True):
        found = ingest.parse_date(value, strict=strict)
        assert found is None or isinstance(found, dt.date)


# -- chunking ------------------------------------------------------------------------------------

TEXTISH = st.text(alphabet=st.sampled_from([*"ab c.\n\r!?…\t", "\u2028", "é", "Я"]), max_size=3000)


@settings(max_examples=300, deadline=None)
@given(TEXTISH, st.integers(min_value=8, max_value=400), st.integers(min_value=0, max_value=300))
def test_chunks_are_true_slices_within_the_limit(text, limit, max_run):
    pieces = pipeline.chunks(text, limit=limit, max_run=max_run)
    runs = pipeline.long_runs(text, max_run)
    end = 0
    for offset, piece in pieces:
        assert 0 < len(piece) <= limit and piece.strip()
        assert text[offset : offset + len(piece)] == piece
        assert offset >= end  # in order, never overlapping
        end = offset + len(piece)
    covered = [False] * len(text)
    for offset, piece in pieces:
        covered[offset : offset + len(piece)] = [True] * len(piece)
    for start, stop in runs:
        assert stop - start > max_run > 0
        covered[start:stop] = [True] * (stop - start)
    # Whatever no piece and no skipped run covers is whitespace.
    assert all(done or ch.isspace() for done, ch in zip(covered, text, strict=True))


# -- extraction ----------------------------------------------------------------------------------

ACTORS = ["Armenia", "The CSTO", "Pashinyan", "Lukashenko", "Russia", "\u0410rmenia", "Yerevan"]
VERBS = [
    "refused to attend",
    "met",
    "held exercises in",
    "froze its participation in",
    "said it would leave",
    "signed a declaration with",
    "accused",
    "sent peacekeepers to",
    "left",
    "asked for help from",
]
OBJECTS = ["the CSTO", "the summit in Minsk", "Azerbaijan", "Moscow", "the alliance"]
OBJECTS += ["<b>Russia</b>"]
DATES = [
    "",
    "on 23 November 2023",
    "on 30 February 2023",
    "on 31/31/2023",
    "in 0001",
    "in 12000",
    "last Thursday",
    "two months later",
    "in September 2022",
    "on 2023-13-45",
    "yesterday",
    "in the year 9999",
    "on 29 February 2024",
    "on 29 February 2023",
    "in 1999",
    "earlier this year",
]
NOISE = st.one_of(
    st.just(""),
    st.sampled_from(["\u202e", "\u200b", "&amp;", "=SUM(A1)", "12", "\t", ",", ";", "\u00a0"]),
    st.text(max_size=6),
)
SENTENCES = st.tuples(
    st.sampled_from(DATES),
    st.sampled_from(ACTORS),
    NOISE,
    st.sampled_from(VERBS),
    st.sampled_from(OBJECTS),
    st.sampled_from(DATES),
    st.sampled_from([".", "!", "", "?", ". "]),
).map(lambda parts: " ".join(p for p in parts[:-1] if p) + parts[-1])
ARTICLES = st.lists(
    st.tuples(SENTENCES, st.sampled_from([" ", "\n", "\r\n", "\n\n", "\r"])).map("".join),
    min_size=1,
    max_size=12,
).map("".join)


def extract(nlp, document: Document) -> list[dict]:
    per_document = [events for _doc, events in pipeline.extract([document], nlp, keep_all=True)]
    return [export.event_dict(e) for e in pipeline.chronology(per_document)]


@pytest.mark.model
@EXTRACT_SETTINGS
@given(text=ARTICLES, published=st.sampled_from([None, dt.date(2024, 1, 1), dt.date(1999, 12, 31)]))
def test_extraction_of_arbitrary_articles_gives_valid_events(nlp, text, published):
    data = text.encode()
    documents = list(
        ingest.iter_documents(["-"], published=published, stdin=io.BytesIO(data), warn=print)
    )
    for document in documents:
        objs = json.loads(export._dumps(extract(nlp, document)))
        check_events(objs, {"-": ingest.decode_bytes(data)[0]})


@pytest.mark.model
@EXTRACT_SETTINGS
@given(data=st.binary(max_size=600) | st.text(max_size=300).map(str.encode))
def test_ingest_and_extraction_never_raise_on_arbitrary_bytes(nlp, data):
    warnings: list[str] = []
    documents = list(
        ingest.iter_documents(
            ["-"], published=dt.date(2024, 1, 1), stdin=io.BytesIO(data), warn=warnings.append
        )
    )
    assert len(documents) + len(warnings) >= (1 if data.strip() else 0)
    for document in documents:
        check_events(json.loads(export._dumps(extract(nlp, document))))


# -- output --------------------------------------------------------------------------------------

CELL_TEXT = st.text(max_size=40) | st.sampled_from(["=1+2", "+1", "-x", "@A", "\t=", "\r=", ""])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(CELL_TEXT, CELL_TEXT, CELL_TEXT), min_size=1, max_size=5))
def test_every_writer_copes_with_any_text(rows):
    from helpers import event

    events = []
    for i, (summary, actor, source) in enumerate(rows):
        events.append(
            event(
                source=source or "a.txt",
                start=i * 10,
                summary=summary,
                actors=(actor or "CSTO", "Armenia"),
            )
        )
    for fmt in export.FORMATS:
        out = io.StringIO()
        export.write(events, out, fmt)
        text = out.getvalue()
        text.encode("utf-8")
        if fmt == "jsonl":
            lines = text.split("\n")[:-1]
            assert len(lines) == len(events) == len(text.splitlines())
            check_events([json.loads(line) for line in lines])
        elif fmt == "json":
            check_events(json.loads(text))
        elif fmt in ("csv", "tsv"):
            parsed = list(csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
            body = parsed[1:]
            if fmt == "tsv":
                assert len(text.split("\n")) == len(events) + 2  # one line per row
            for row in body:
                assert len(row) == len(export.FLAT_COLUMNS)
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                    visible = cell.lstrip(" \u00a0\u200b\u200c\u200d\u2060\ufeff")
                    assert cell.startswith("'") or not visible.startswith(("=", "+", "@"))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_neutralise_leaves_no_formula_start(cell):
    safe = export.neutralise(cell)
    assert safe == cell or safe == "'" + cell
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_real_date_helper(value):
    assert real_date(value.isoformat()) and real_date(value.isoformat()[:7])
