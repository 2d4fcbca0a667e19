"""Shared fixtures: paths to ../shared, the spaCy pipeline (skipped when absent).

The shared data is ``../shared`` beside the repository, or the folder that the environment
variable ``CSTOTIMELINE_SHARED`` names.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_ENV = "CSTOTIMELINE_SHARED"
SHARED = Path(os.environ.get(SHARED_ENV) or ROOT.parent / "shared")
CORPUS = SHARED / "corpus"
TEMPEVAL_TRAIN = SHARED / "data" / "tempeval3" / "train"
SAMPLES = ROOT / "data" / "samples"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(
            f"shared data not present ({path} missing; set {SHARED_ENV} to its folder): "
            "development data unavailable"
        )
    return path


@pytest.fixture(scope="session")
def nlp():
    from cstotimeline import errors
    from cstotimeline import nlp as nlp_mod

    try:
        return nlp_mod.load()
    except errors.ModelNotFound as exc:
        pytest.skip(f"no spaCy English pipeline installed: {exc}")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return need_shared(CORPUS)
