"""The team's own second development set (tests/data/heldout, see its README): scores by the
matching rule in eval_events. Thresholds sit just below what the current extractor reaches."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.model

HELDOUT = Path(__file__).parent / "data" / "heldout"


def test_heldout_scores(nlp):
    from cstotimeline.eval_events import evaluate_corpus

    s = evaluate_corpus(HELDOUT).scores()
    assert s["gold_events"] >= 60
    assert s["precision"] >= 0.80
    assert s["recall"] >= 0.53
    assert s["date_accuracy"] >= 0.86
    assert s["dated_f1"] >= 0.57
    assert s["actor_precision"] >= 0.85
    assert s["actor_recall"] >= 0.80
