"""The development corpus (../shared/corpus): what the extractor finds in the seed article
and across articles. Skipped when ../shared is absent (a user's clone)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import CORPUS, need_shared

pytestmark = [pytest.mark.model, pytest.mark.shared]


SEED_001 = [
    # (date, precision, words of the reporting sentence); the article's background (the 1992
    # treaty, the 2020 war) sits near the selector's threshold and is not asserted here
    ("2022-09", "month", "bombings on the Armenia-Azerbaijan border"),
    ("2022-11", "month", "refused to sign the final declaration"),
    ("2023-01", "month", "refused to host the CSTO"),
    ("2023-05", "month", "In May, Armenia even suggested"),
    ("2023-09", "month", "Eagle Partner"),
    ("2023-11-23", "day", "held this Thursday in Minsk"),
]


@pytest.fixture(scope="module")
def seed_001(nlp):
    from cstotimeline import ingest, pipeline

    path = need_shared(CORPUS / "seed-001_minsk_summit_2023-11-23.txt")
    docs = list(ingest.iter_documents([str(path)], published=date(2023, 11, 23)))
    [(_doc, events)] = list(pipeline.extract(docs, nlp))
    return events


@pytest.mark.parametrize(("when", "precision", "words"), SEED_001)
def test_seed_001_dates(seed_001, when, precision, words):
    found = [e for e in seed_001 for m in e.mentions if words in m.sentence and e.date == when]
    assert found, f"no event dated {when} reported by a sentence with {words!r}"
    assert found[0].date_precision == precision


def test_seed_001_canonical_actor(seed_001):
    refusal = next(e for e in seed_001 if e.date == "2022-11" and e.event_type == "refusal")
    assert "Nikol Pashinyan" in refusal.actors
    assert not any("Pashini" in a for e in seed_001 for a in e.actors)


def test_cross_document_merge_minsk_summit(nlp):
    """The 2023-11-23 Minsk summit, reported by several articles, is one event."""
    from cstotimeline import ingest, pipeline

    need_shared(CORPUS)
    docs = ingest.iter_documents([str(CORPUS)], manifest=CORPUS / "index.tsv")
    events = pipeline.chronology(ev for _d, ev in pipeline.extract(docs, nlp))
    summits = [e for e in events if e.date == "2023-11-23" and e.event_type == "meeting"]
    assert len(summits) == 1
    assert len({m.source for m in summits[0].mentions}) >= 2
