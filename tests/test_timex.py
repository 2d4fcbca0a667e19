"""Properties of the tagger API: ordering, purity, no spaCy import, model-assisted tense."""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cstotimeline.timex import Timex, candidates, tag, to_timeml

DCT = dt.date(2013, 3, 22)

TEXT = (
    "YEREVAN, March 22 - Armenia froze its participation in the CSTO in February 2024. "
    "Two months later it skipped a summit. Officials said on Wednesday that the decision "
    "was taken last week and will be reviewed next year."
)


def test_sorted_non_overlapping_offsets() -> None:
    found = tag(TEXT, DCT)
    assert [t.text for t in found] == [
        "March 22",
        "February 2024",
        "Two months later",
        "Wednesday",
        "last week",
        "next year",
    ]
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    for t in found:
        assert TEXT[t.start : t.end] == t.text
        assert isinstance(t, Timex)


def test_basis_and_anaphoric_flags() -> None:
    by_text = {t.text: t for t in tag(TEXT, DCT)}
    assert by_text["February 2024"].basis == "explicit"
    assert by_text["March 22"].basis == "explicit+pubyear"
    later = by_text["Two months later"]
    assert (later.value, later.anaphoric, later.basis) == ("2024-04", True, "relative")
    assert by_text["last week"].basis == "relative"
    assert by_text["last week"].is_calendar_date is False


def test_coarser_period_does_not_replace_finer_anchor() -> None:
    """ "this year" (2023) contains the anchor "last week" (2023-W46): "a few days later" is
    anchored on the week, at no finer than month precision, never on the year."""
    text = (
        "Pashinyan announced last week that he would not attend the summit. Lukashenko, who "
        "this year holds the presidency of the bloc, said it would go ahead. A few days later, "
        "Pashinyan said Armenia would not sign the declaration."
    )
    found = {t.text: t for t in tag(text, dt.date(2023, 11, 23))}
    assert found["last week"].value == "2023-W46"
    assert found["this year"].value == "2023"
    later = found["A few days later"]
    assert later.value in ("2023-W46", "2023-11")
    assert later.anaphoric


def test_anaphoric_shift_never_invents_a_day() -> None:
    text = "The leaders met on 12 October 2023. Two months later, talks collapsed."
    found = {t.text: t.value for t in tag(text, dt.date(2023, 12, 20))}
    assert found["Two months later"] == "2023-12"


def test_preposition_over_is_not_a_modifier() -> None:
    found = tag("Lawyers met over the weekend.", DCT)
    assert [(t.text, t.mod) for t in found] == [("the weekend", None)]


def test_pure_and_repeatable() -> None:
    assert tag(TEXT, DCT) == tag(TEXT, DCT)


def test_no_reference_date_never_uses_today() -> None:
    found = tag("It happened yesterday and will end next week.", None)
    assert [t.value for t in found] == ["XXXX-XX-XX", "XXXX-WXX"]


def test_then_is_not_a_timex() -> None:
    assert tag("Then the minister resigned.", DCT) == []


def test_to_timeml_exported() -> None:
    text = "They met on Friday."
    out = to_timeml(text, tag(text, DCT))
    assert out == 'They met on <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3>.'


def test_import_does_not_load_spacy() -> None:
    code = (
        "import sys, cstotimeline.timex, cstotimeline.eval_timex, cstotimeline.timeml; "
        "sys.exit(1 if 'spacy' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# Words and separators from which hypothesis builds texts dense in temporal expressions.
_PIECES = [
    "the", "last", "next", "this", "past", "few", "two", "12", "1990", "'80s", "May", "June",
    "Sept.", "Friday", "Fridays", "night", "today", "ago", "earlier", "later", "years", "week",
    "weekend", "quarter", "third", "period", "year-ago", "half", "century", "every", "a",
    "5", "p.m.", "noon", "Christmas", "now", "recently", "current", "fiscal", "since", "of",
    "\u212a", "\u0130", "$", "%",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_PIECES), st.sampled_from([" ", "  ", "\n", ", ", "-", ". ", ""])
        ),
        max_size=40,
    ),
    st.integers(min_value=0, max_value=300),
)
def test_key_word_scan_finds_what_a_full_scan_finds(
    pieces: list[tuple[str, str]], pad: int
) -> None:
    text = "x " * pad + "".join(word + sep for word, sep in pieces)
    assert sorted(candidates(text)) == sorted(candidates(text, scan_all=True))


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("abc MayJune1990-,.'0123456789 Friday ago")), max_size=80)
)
def test_never_crashes_and_stays_in_bounds(text: str) -> None:
    for t in tag(text, DCT):
        assert 0 <= t.start < t.end <= len(text)
        assert t.type in ("DATE", "TIME", "DURATION", "SET")


@pytest.mark.model
def test_model_tense_and_entities() -> None:
    from cstotimeline import nlp

    pipeline = nlp.load()
    text = "The ministers will meet on Monday. They met on Wednesday."
    found = tag(text, DCT, pipeline(text))
    assert [(t.text, t.value) for t in found] == [
        ("Monday", "2013-03-25"),
        ("Wednesday", "2013-03-20"),
    ]


@pytest.mark.model
def test_model_doc_for_other_text_is_ignored() -> None:
    from cstotimeline import nlp

    pipeline = nlp.load()
    found = tag("They met on Friday.", DCT, pipeline("Something else entirely."))
    assert [t.value for t in found] == ["2013-03-22"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,expected",
    [
        # A weekday with a present-tense verb is a scheduled day ...
        ("He and Arafat meet separately Monday with the envoy.", "2013-03-25"),
        # ... unless the verb reports ("says Monday") or the day is a known one ("Monday's").
        ("The minister says Monday that talks failed.", "2013-03-18"),
        ("Monday's purchases are far below the market leaders.", "2013-03-18"),
        # A deadline in the past perfect is over: "had been due to expire Friday".
        ("The offer had been due to expire Friday evening.", "2013-03-22TEV"),
    ],
)
def test_model_weekday_tense(text: str, expected: str) -> None:
    from cstotimeline import nlp

    found = tag(text, dt.date(2013, 3, 24), nlp.load()(text))
    assert [t.value for t in found] == [expected]
