"""Scores on the project's gold article sets, and agreement with the acceptance scorer.

The selector was fitted on these very sets, so their scores here are resubstitution scores:
they guard against regressions (thresholds sit just below what the shipped selector reaches)
but say nothing about text the tool has not seen. That is measured by grouped
cross-validation by article (``make cv``, figures in the README).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, SHARED, need_shared

pytestmark = pytest.mark.model

SETS = {
    "corpus": (
        CORPUS,
        dict(gold=56, event_P=0.95, event_R=0.59, date_acc=0.95, dated_event_F1=0.7),
    ),
    "heldout": (
        ROOT / "tests/data/heldout",
        dict(gold=62, event_P=0.86, event_R=0.72, date_acc=0.95, dated_event_F1=0.77),
    ),
    "blind": (
        ROOT / "tests/data/blind",
        dict(gold=89, event_P=0.96, event_R=0.75, date_acc=0.96, dated_event_F1=0.83),
    ),
    "web": (
        ROOT / "tests/data/web",
        dict(gold=138, event_P=0.91, event_R=0.6, date_acc=0.91, dated_event_F1=0.67),
    ),
    "samples": (
        ROOT / "data/samples",
        dict(gold=46, event_P=0.97, event_R=0.61, date_acc=0.87, dated_event_F1=0.67),
    ),
}


@pytest.mark.parametrize("name", list(SETS))
def test_gold_set_scores(nlp, name):
    from cstotimeline.eval_events import evaluate_corpus

    directory, least = SETS[name]
    if directory == CORPUS:
        need_shared(CORPUS)
    scores = evaluate_corpus(directory).scores()
    low = {k: scores[k] for k, v in least.items() if scores[k] < v}
    assert not low, f"below the thresholds {least}: {low}"


@pytest.mark.shared
def test_evaluate_gives_the_acceptance_scorer_s_figures(nlp):
    """``cstotimeline evaluate events`` and ``../shared/tools/score_events.py`` agree."""
    from cstotimeline.eval_events import evaluate_corpus

    scorer = need_shared(SHARED / "tools" / "score_events.py")
    samples = ROOT / "data" / "samples"
    cmd = f"{sys.executable} -m cstotimeline extract --published {{published}} -f jsonl {{file}}"
    out = subprocess.run(
        [sys.executable, str(scorer), "--corpus", str(samples), "--cmd", cmd],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == evaluate_corpus(samples).scores()


def test_gold_files_are_well_formed():
    """Every gold row of the repository's sets: a valid date at its precision, and evidence
    that occurs verbatim in its article."""
    from cstotimeline import scoring
    from cstotimeline.records import precision_of

    for directory in (
        ROOT / "tests/data/heldout",
        ROOT / "tests/data/blind",
        ROOT / "tests/data/web",
        ROOT / "data/samples",
    ):
        for gold_path in sorted(Path(directory).glob("*.gold.tsv")):
            text = gold_path.with_name(gold_path.name.replace(".gold.tsv", ".txt")).read_text(
                "utf-8"
            )
            for row in scoring.load_gold(gold_path):
                assert precision_of(row.date) == row.precision, (gold_path.name, row.date)
                for piece in row.pieces:
                    assert scoring.norm(piece) in scoring.norm(text), (gold_path.name, piece[:60])
