"""The team's own article sets (tests/data/heldout and tests/data/blind, see their READMEs):
scores by the matching rule in eval_events. Thresholds sit just below what the current
extractor reaches."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.model

HELDOUT = Path(__file__).parent / "data" / "heldout"
BLIND = Path(__file__).parent / "data" / "blind"


def test_heldout_scores(nlp):
    from cstotimeline.eval_events import evaluate_corpus

    s = evaluate_corpus(HELDOUT).scores()
    assert s["gold_events"] >= 60
    assert s["precision"] >= 0.86
    assert s["recall"] >= 0.69
    assert s["date_accuracy"] >= 0.94
    assert s["dated_f1"] >= 0.73
    assert s["actor_precision"] >= 0.88
    assert s["actor_recall"] >= 0.84


def test_blind_set_scores(nlp):
    from cstotimeline.eval_events import evaluate_corpus

    s = evaluate_corpus(BLIND).scores()
    assert s["gold_events"] >= 85
    assert s["precision"] >= 0.72
    assert s["recall"] >= 0.60
    assert s["date_accuracy"] >= 0.85
    assert s["dated_f1"] >= 0.57
    assert s["actor_precision"] >= 0.83
    assert s["actor_recall"] >= 0.79
