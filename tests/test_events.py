"""The events package on hand-built parses (no model): candidates, modality, anchoring, the
narrative, decoding and the selector file."""

from __future__ import annotations

import json
from datetime import date

import pytest

import docs
from cstotimeline.events import modality, syntax
from cstotimeline.events.anchoring import DateOption, shift
from cstotimeline.events.layout import Layout, in_dateline, quote_spans
from cstotimeline.events.mention import Candidate
from cstotimeline.events.selection import (
    Choice,
    Model,
    Selector,
    Tree,
    decode,
    default_selector,
    one_happening,
    quantize,
)
from cstotimeline.lexicon import default_lexicon

THURSDAY_PUB = date(2024, 2, 23)  # a Friday


def by_trigger(candidates, lemma):
    [c] = [c for c in candidates if c.trigger == lemma]
    return c


def options(c):
    return {(o.value, o.relation) for o in c.options}


# -- syntax and modality --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tokens", "index", "expected"),
    [
        (docs.SAID_THAT, 1, "past"),
        (docs.SAID_THAT, 7, "past"),  # "had frozen": a past perfect is past
        (docs.FROZEN_TOLD, 9, "past"),
        (docs.COULD_LEAVE, 2, "other"),
        (docs.PLANS_TO, 1, "present"),
        (docs.PLANS_TO, 3, "infinitive"),
        (docs.DID_NOT_ATTEND, 3, "past"),
    ],
)
def test_tense(tokens, index, expected):
    assert syntax.tense(docs.build(tokens)[index]) == expected


@pytest.mark.parametrize(
    ("tokens", "index", "label"),
    [
        (docs.COULD_LEAVE, 2, "hypothetical"),  # its own "could"
        (docs.COULD_LEAVE, 13, "asserted"),  # ... does not leak into the reporting verb
        (docs.DID_NOT_ATTEND, 3, "negated"),
        (docs.SAID_THAT, 7, "asserted"),
        (docs.PLANS_TO, 3, "asserted"),  # what governs it is an embedding, not its modality
    ],
)
def test_modality_is_the_clause_s_own(tokens, index, label):
    assert modality.own_modality(docs.build(tokens)[index], default_lexicon()).label == label


def test_embedding_describes_what_governs_a_clause():
    lex = default_lexicon()
    leave = modality.embedding(docs.build(docs.PLANS_TO)[3], lex)
    assert (leave.relation, leave.head_class) == ("xcomp", "planning")
    reported = modality.embedding(docs.build(docs.COULD_LEAVE)[2], lex)
    assert (reported.relation, reported.head_class, reported.head_modal) == (
        "ccomp",
        "reporting",
        False,
    )
    assert modality.embedding(docs.build(docs.COULD_LEAVE)[13], lex).relation == "none"


def test_path_length_and_attachment():
    doc = docs.build(docs.SAID_THAT)
    assert syntax.path_length(doc[3], doc[1]) == 2  # Thursday -> on -> said
    assert syntax.path_length(doc[3], doc[7]) == 3
    assert syntax.attached(doc[3], doc[1])
    assert not syntax.attached(doc[9], doc[1])  # across the clause boundary of "frozen"


# -- candidates -------------------------------------------------------------------------------


def test_every_clause_is_a_candidate_and_the_lexicon_only_types_it():
    _doc, cands = docs.propose(docs.TWO_MONTHS_AFTER, date(2023, 3, 10))
    assert {c.trigger for c in cands} >= {"come", "refuse", "host"}
    assert by_trigger(cands, "come").event_type == "other"  # not in the lexicon, still there
    assert by_trigger(cands, "refuse").event_type == "refusal"


def test_a_verb_tagged_as_an_adjective_is_a_clause():
    _doc, cands = docs.propose(docs.FROZEN_TOLD, THURSDAY_PUB)
    frozen = by_trigger(cands, "frozen")
    assert (frozen.kind, frozen.event_type) == ("verb", "membership_change")


def test_a_noun_that_a_date_modifies_is_a_candidate():
    _doc, cands = docs.propose(docs.WAR_ENDED, date(2021, 5, 1))
    war = by_trigger(cands, "war")
    assert war.kind == "noun" and ("2020", "own") in options(war)
    assert ("2020-11", "own") in options(by_trigger(cands, "end"))


def test_negated_participation_is_typed_a_refusal():
    _doc, cands = docs.propose(docs.DID_NOT_ATTEND, date(2023, 11, 24))
    attend = by_trigger(cands, "attend")
    assert (attend.event_type, attend.modality) == ("refusal", "negated")


# -- anchoring --------------------------------------------------------------------------------


def test_date_options_carry_their_relation_to_the_clause():
    _doc, cands = docs.propose(docs.SAID_THAT, THURSDAY_PUB)
    said, frozen = by_trigger(cands, "say"), by_trigger(cands, "freeze")
    assert ("2024-02-22", "own") in options(said)
    assert ("2024-02-22", "ancestor") in options(frozen)  # the report's date, above it
    assert ("2024-02-23", "publication") in options(frozen)


def test_a_coordinated_verb_shares_its_head_s_date():
    _doc, cands = docs.propose(docs.FROZEN_TOLD, THURSDAY_PUB)
    assert ("2024-02-22", "ancestor") in options(by_trigger(cands, "frozen"))


def test_an_offset_clause_happened_that_long_before_the_sentence_s_time():
    _doc, cands = docs.propose(docs.TWO_MONTHS_AFTER, date(2023, 3, 10))
    assert ("2023-01", "offset") in options(by_trigger(cands, "refuse"))


def test_an_offset_from_a_happening_told_earlier():
    _doc, cands = docs.propose(docs.SUMMIT_THEN_A_YEAR_AFTER, date(2024, 12, 5))
    stay = by_trigger(cands, "stay")
    assert ("2023-11", "offset_told") in options(stay)
    assert ("2022-11-23", "narrative") in options(stay)


def test_no_option_is_after_the_period_its_expression_names():
    _doc, cands = docs.propose(docs.PLANS_TO, date(2024, 6, 1))
    leave = by_trigger(cands, "leave")
    own = [o for o in leave.options if o.relation == "own"]
    assert [(o.value, o.features["days=future"]) for o in own] == [("2025", 1)]


@pytest.mark.parametrize(
    ("value", "duration", "sign", "expected"),
    [
        ("2022-11-23", "P1Y", 1, ("2023", "year")),
        ("2023-03-10", "P2M", -1, ("2023-01", "month")),
        ("2023-03", "P2M", -1, ("2023-01", "month")),
        ("2023", "P2M", -1, None),  # a month offset from a year says no month
        ("2024-02-29", "P1D", 1, ("2024-03-01", "day")),
        ("2024-02", "P3D", 1, None),
    ],
)
def test_shift(value, duration, sign, expected):
    assert shift(value, duration, sign) == expected


# -- layout -----------------------------------------------------------------------------------


def test_headings_and_standfirsts_are_not_body():
    text = (
        "14 Sep, 2022 14:39\n\nArmenia asks allies for help\n\nYerevan has accused troops of "
        "seizing land\n\nYerevan has requested aid, Pashinyan said on Wednesday.\n"
    )
    layout = Layout.of(text)
    assert [ln.heading for ln in layout.lines] == [True, True, True, False]
    assert layout.body_start == text.index("Yerevan has requested")


def test_quotations_and_scare_quotes():
    text = "He said “we have asked for help, including military” and “frozen” it."
    spans = quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["“we have asked for help, including military”"]


def test_a_dateline_date_dates_the_dispatch():
    text = "ASTANA, 29.11.2024 — Armenia did not attend."
    start = text.index("29")
    assert in_dateline(text, start, start + len("29.11.2024"))
    assert not in_dateline("On 29.11.2024 Armenia stayed away.", 3, 13)


# -- decoding and the selector file -----------------------------------------------------------


def candidate(start: int, token: int, lineage=(), features=None, etype="other") -> Candidate:
    return Candidate(
        source="t.txt",
        published="2024-01-01",
        published_basis="option",
        sentence=f"sentence at {start}",
        start=start,
        end=start + 10,
        sentence_start=start,
        token_index=token,
        lineage=tuple(lineage),
        trigger="x",
        kind="verb",
        event_type=etype,
        modality="asserted",
        actors=(),
        source_actors=(),
        target_actors=(),
        source_states=(),
        summary="x",
        options=(),
        features=features or {},
    )


def choice(c: Candidate, value: str, p: float) -> Choice:
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return Choice(c, DateOption(value, precision, "explicit", "own"), p, p, ())


def test_one_event_per_happening_of_a_sentence():
    report = candidate(0, 1)
    act = candidate(0, 7, lineage=(1,))
    elsewhere = candidate(50, 3)
    kept = decode(
        [
            choice(report, "2024-02-22", 0.8),
            choice(act, "2024-02", 0.9),  # compatible date: the same happening
            choice(elsewhere, "2024-02-22", 0.2),  # below the threshold
        ],
        threshold=0.3,
    )
    assert [(ch.candidate.token_index, ch.option.value) for ch in kept] == [(7, "2024-02")]


def test_an_event_noun_governed_by_an_act_is_named_by_the_act():
    import dataclasses

    act = dataclasses.replace(candidate(0, 2, etype="refusal"), trigger="refuse")
    noun = dataclasses.replace(
        candidate(0, 6, lineage=(4, 2), etype="meeting"), trigger="summit", kind="noun"
    )
    [kept] = decode([choice(noun, "2023-11-23", 0.9), choice(act, "2023-11-23", 0.6)], 0.5)
    assert (kept.candidate.trigger, kept.candidate.event_type) == ("refuse", "refusal")
    assert kept.probability == 0.9
    # a noun that governs the verb (not governed by it) keeps its own name
    free = dataclasses.replace(noun, lineage=())
    [kept] = decode([choice(free, "2023-11-23", 0.9), choice(act, "2023-11-23", 0.6)], 0.5)
    assert kept.candidate.trigger == "summit"


def test_incompatible_dates_in_one_sentence_are_two_events():
    a, b = candidate(0, 1), candidate(0, 5, lineage=(1,))
    kept = decode([choice(a, "2022-09-13", 0.9), choice(b, "1997-08-29", 0.5)], threshold=0.3)
    assert len(kept) == 2


def test_a_coordinated_clause_with_its_own_subject_is_its_own_happening():
    first = candidate(0, 1)
    second = candidate(0, 6, lineage=(1,), features={"own_conjunct": 1.0})
    assert not one_happening(first, second)
    assert one_happening(first, candidate(0, 3, lineage=(1,)))
    kept = decode([choice(first, "2023-11-23", 0.9), choice(second, "2023-11-23", 0.8)], 0.5)
    assert len(kept) == 2


def stump(feature: str, threshold: float, low: float, high: float) -> Tree:
    return Tree((0, -1, -1), (threshold, 0.0, 0.0), (1, -1, -1), (2, -1, -1), (0.0, low, high))


def test_model_scores_as_boosted_trees():
    model = Model(("own_explicit",), (stump("own_explicit", 0.5, -2.0, 2.0),), 0.5, 0.0)
    assert model.probability({}) == pytest.approx(1 / (1 + 2.718281828459045))
    assert model.probability({"own_explicit": 1.0}) == pytest.approx(
        1 / (1 + 2.718281828459045**-1)
    )
    assert model.probability({"unknown feature": 3.0}) == model.probability({})


def test_selector_round_trips_through_json():
    model = Model(("a", "b"), (stump("a", 0.5, -1.0, 1.0),), 0.1, -0.25)
    sel = Selector(model, model, 0.3, {"articles": 2})
    again = Selector.from_json(json.loads(json.dumps(sel.to_json())))
    assert again == sel
    with pytest.raises(ValueError, match="unknown format"):
        Selector.from_json({**sel.to_json(), "format": 99})


def test_quantize_is_exact_in_32_bit_floats():
    import struct

    for v in (0.1, 1 / 3, 17.3, 0.999):
        q = quantize(v)
        assert struct.unpack("f", struct.pack("f", q))[0] == q


def test_the_packaged_selector_loads_and_scores():
    sel = default_selector()
    assert 0 < sel.threshold < 1
    assert sel.meta["gold_events"] >= 250 and sel.meta["articles"] >= 40
    assert 0.0 <= sel.event.probability({}) <= 1.0
    assert set(sel.date.features) & {"rel=own", "rel=narrative", "rel=publication"}


def test_batch_scoring_equals_one_row_at_a_time():
    import random

    sel = default_selector()
    rng = random.Random(7)
    for model in (sel.event, sel.date):
        names = list(model.features)
        rows: list[dict[str, float]] = [{}]
        for _ in range(200):
            picked = rng.sample(names, k=min(len(names), rng.randint(1, 12)))
            rows.append({n: rng.choice((0.0, 1.0, rng.uniform(-3, 40))) for n in picked})
        rows.append({"not a feature": 5.0, names[0]: 0.5 + 1 / 512})  # a tie on the grid
        batch = model.probabilities(rows)
        assert batch == pytest.approx([model.probability(r) for r in rows], abs=1e-12)
    assert sel.event.probabilities([]) == []
