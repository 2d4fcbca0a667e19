"""The TempEval-3 Task A scorer on small hand-written documents."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest
from conftest import TEMPEVAL_TRAIN, need_shared

from cstotimeline.eval_timex import (
    TimexReport,
    evaluate_dir,
    format_report,
    match,
    score_document,
)
from cstotimeline.records import Timex
from cstotimeline.timeml import TimeMLDoc, parse_timeml

TML = (
    "<TimeML>\n"
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" '
    'functionInDocument="CREATION_TIME">x</TIMEX3></DCT>\n'
    "<TEXT>The minister resigned "
    '<TIMEX3 tid="t1" type="DATE" value="2013-03-21">yesterday</TIMEX3> after '
    '<TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3> in office. '
    'He was elected <TIMEX3 tid="t3" type="DATE" value="2011-03">in March 2011</TIMEX3>.'
    "</TEXT>\n</TimeML>"
)


def _doc() -> TimeMLDoc:
    return parse_timeml(TML, name="t")


def test_match_is_one_to_one_and_prefers_exact() -> None:
    gold = [Timex(0, 10, "", "DATE", "a")]
    system = [Timex(0, 4, "", "DATE", "a"), Timex(0, 10, "", "DATE", "a")]
    assert match(gold, system) == [(0, 1)]


def test_scores_by_hand() -> None:
    doc = _doc()
    text = doc.text
    y = text.index("yesterday")
    two = text.index("two years")
    march = text.index("March 2011")
    system = [
        Timex(y, y + 9, "yesterday", "DATE", "2013-03-21"),  # exact, right value
        Timex(two, two + 9, "two years", "DATE", "P2Y"),  # exact, wrong type
        Timex(march, march + 10, "March 2011", "DATE", "2011-04"),  # relaxed, wrong value
        Timex(0, 3, "The", "DATE", "X"),  # spurious
    ]
    report = score_document(TimexReport(), doc, system)
    assert (report.gold, report.system, report.strict, report.relaxed) == (3, 4, 2, 3)
    assert (report.value_correct, report.type_correct) == (2, 2)
    sp, sr, _ = report.strict_prf
    assert sp == pytest.approx(0.5) and sr == pytest.approx(2 / 3)
    rp, rr, rf = report.relaxed_prf
    assert rp == pytest.approx(0.75) and rr == pytest.approx(1.0)
    assert report.value_f1 == pytest.approx(rf * 2 / 3)
    assert report.type_f1 == pytest.approx(rf * 2 / 3)
    assert {k: len(v) for k, v in report.errors.items()} == {
        "missed": 0,
        "spurious": 1,
        "wrong_extent": 1,
        "wrong_value": 1,
        "wrong_type": 1,
    }
    out = format_report(report, examples=2)
    assert "strict extent" in out and "spurious (1)" in out
    assert report.as_dict()["relaxed_f1"] == pytest.approx(rf)


def test_empty_report_has_zero_metrics() -> None:
    report = TimexReport()
    assert report.strict_prf == (0.0, 0.0, 0.0)
    assert report.value_f1 == 0.0
    assert "0 documents" in format_report(report)


def test_evaluate_dir_without_model(tmp_path: pathlib.Path) -> None:
    (tmp_path / "a.tml").write_text(TML, encoding="utf-8")
    report = evaluate_dir(tmp_path, use_model=False)
    assert report.docs == 1 and report.gold == 3
    assert report.relaxed == 3
    assert report.value_correct == 3
    assert report.strict == 2  # the gold extent "in March 2011" wrongly includes "in"
    assert report.seconds > 0


def test_dct_is_reference_date() -> None:
    doc = _doc()
    assert doc.dct == dt.date(2013, 3, 22)


SHARED = TEMPEVAL_TRAIN


@pytest.mark.shared
def test_tempeval3_train_metrics() -> None:
    need_shared(SHARED)
    report = evaluate_dir(SHARED, use_model=False)
    assert report.docs == 256
    assert report.gold == 1822
    # Achieved (no model): strict 0.895, relaxed 0.949, value 0.814, type 0.902.
    assert report.strict_prf[2] >= 0.89
    assert report.relaxed_prf[2] >= 0.945
    assert report.value_f1 >= 0.81
    assert report.type_f1 >= 0.895
