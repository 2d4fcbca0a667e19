"""Date options on real parses (the model): year headings over the sections of a timeline."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.model

TIMELINE = """How the alliance drifted apart

A short history of a long quarrel, told year by year.

2019

On 4 March, the ministers met in Dushanbe and agreed on a new budget.

2020

On 13 September, the defence chiefs held talks in Moscow. Hours later, they signed a protocol.
"""


def options(nlp, text: str) -> dict[str, set[tuple[str, str]]]:
    from cstotimeline import pipeline
    from cstotimeline.records import Document

    document = Document(
        source="t.txt", text=text, published=date(2021, 10, 1), published_basis="option"
    )
    [(document, parsed)] = list(pipeline.parse([document], nlp))
    out: dict[str, set[tuple[str, str]]] = {}
    for c in pipeline.document_candidates(document, parsed).candidates:
        out.setdefault(c.trigger, set()).update((o.value, o.relation) for o in c.options)
    return out


def test_a_year_heading_dates_the_days_beneath_it(nlp):
    found = options(nlp, TIMELINE)
    assert ("2019-03-04", "own") in found["meet"]
    assert ("2020-09-13", "own") in found["hold"]
    # the readings the publication year suggests are gone
    assert not any(
        v.startswith("2021") and r != "publication" for t in ("meet", "hold") for v, r in found[t]
    )
    # a sentence with no date of its own reads the section's day
    assert ("2020-09-13", "narrative") in found["sign"]
    assert ("2021-09-13", "narrative") not in found["sign"]


def test_without_headings_a_yearless_day_keeps_both_readings(nlp):
    text = (
        "In May 2019, the ministers met in Dushanbe. "
        "On 13 September, the defence chiefs held talks in Moscow.\n"
    )
    found = options(nlp, text)
    assert {("2021-09-13", "own"), ("2019-09-13", "own")} <= found["hold"]
