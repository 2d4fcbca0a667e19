from __future__ import annotations

import dataclasses
import itertools
import random
from datetime import date

import pytest
from helpers import event, mention

from cstotimeline import chronology
from cstotimeline.chronology import filter_events, merge_events, period, same_happening, sort_events


def merge(events):
    return merge_events(events)


def test_same_summit_in_two_articles_is_one_event():
    a = event(source="a.txt", start=10, actors=("CSTO", "Belarus", "Russia"))
    b = event(source="b.txt", start=99, actors=("CSTO", "Belarus", "Alexander Lukashenko"))
    [merged] = merge([a, b])
    assert [m.source for m in merged.mentions] == ["a.txt", "b.txt"]
    assert merged.actors == ("CSTO", "Belarus", "Russia", "Alexander Lukashenko")
    assert merged.relevance == "core"


def test_coarser_date_merges_into_finer():
    fine = event(
        source="a.txt",
        event_type="refusal",
        date="2023-11-23",
        actors=("Armenia", "CSTO", "Nikol Pashinyan"),
        trigger="skip",
    )
    coarse = event(
        source="b.txt",
        event_type="refusal",
        date="2023-11",
        actors=("Armenia", "CSTO", "Nikol Pashinyan"),
        trigger="boycott",
    )
    [merged] = merge([coarse, fine])
    assert merged.date == "2023-11-23"
    assert merged.date_precision == "day"
    assert len(merged.mentions) == 2


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # different types
        (dict(event_type="meeting"), dict(event_type="statement"), False),
        # incompatible dates
        (dict(date="2023-11-23"), dict(date="2023-11-22"), False),
        # no shared actor
        (dict(actors=("Belarus",)), dict(actors=("Kazakhstan",)), False),
        # statements across articles need the same speaker on the same day
        (
            dict(
                event_type="statement",
                sources=("Dmitry Peskov",),
                actors=("Dmitry Peskov", "Russia"),
            ),
            dict(
                event_type="statement",
                sources=("Maria Zakharova",),
                actors=("Maria Zakharova", "Russia"),
            ),
            False,
        ),
        (
            dict(
                event_type="statement",
                sources=("Dmitry Peskov",),
                actors=("Dmitry Peskov", "Russia"),
            ),
            dict(
                event_type="statement", sources=("Dmitry Peskov",), actors=("Dmitry Peskov", "CSTO")
            ),
            True,
        ),
        # planned and asserted are different happenings
        (dict(modality="planned"), dict(modality="asserted"), False),
    ],
)
def test_same_happening(a, b, same):
    ma = mention(source="a.txt", start=0, **a)
    mb = mention(source="b.txt", start=50, **b)
    assert same_happening(ma, mb) is same
    assert same_happening(mb, ma) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # a phone call with Putin and a Security Council session: other partners, two meetings
        (
            dict(actors=("Nikol Pashinyan", "Armenia", "Vladimir Putin", "Russia")),
            dict(actors=("Nikol Pashinyan", "Armenia", "CSTO")),
            False,
        ),
        # a partner in common: one meeting told twice
        (
            dict(actors=("Nikol Pashinyan", "Armenia", "Vladimir Putin", "Russia")),
            dict(actors=("Nikol Pashinyan", "Armenia", "Vladimir Putin")),
            True,
        ),
        # one names no partner: the same only when told with the same word
        (
            dict(actors=("Nikol Pashinyan", "Armenia"), trigger="convene"),
            dict(actors=("Nikol Pashinyan", "Armenia", "Vladimir Putin"), trigger="hold"),
            False,
        ),
        (
            dict(actors=("Nikol Pashinyan", "Armenia"), trigger="hold"),
            dict(actors=("Nikol Pashinyan", "Armenia", "Vladimir Putin"), trigger="hold"),
            True,
        ),
    ],
)
def test_meetings_of_one_doer_on_one_day_within_an_article(a, b, same):
    ma = mention(start=0, sources=("Nikol Pashinyan",), **a)
    mb = mention(start=200, sources=("Nikol Pashinyan",), **b)
    ma, mb = (dataclasses.replace(m, source_states=("Armenia",)) for m in (ma, mb))
    assert same_happening(ma, mb) is same
    assert same_happening(mb, ma) is same


def test_two_events_of_one_sentence_never_merge():
    a = mention(source="a.txt", start=5, trigger="hold")
    b = mention(source="a.txt", start=5, trigger="meet")
    assert not same_happening(a, b)


def _events():
    rng = random.Random(7)
    out = []
    for i in range(40):
        out.append(
            event(
                source=f"doc{i % 5}.txt",
                start=i * 37,
                date=rng.choice(["2023-11-23", "2023-11", "2023", "2022-09-13", "2022-09"]),
                event_type=rng.choice(["meeting", "refusal", "statement"]),
                actors=tuple(
                    rng.sample(["CSTO", "Armenia", "Belarus", "Russia", "Nikol Pashinyan"], 2)
                ),
                sources=tuple(rng.sample(["Nikol Pashinyan", "Alexander Lukashenko"], 1)),
                trigger=rng.choice(["hold", "skip", "say"]),
            )
        )
    return out


def test_match_keys_miss_no_pair(monkeypatch: pytest.MonkeyPatch):
    """Comparing across articles only the mentions that share a match key finds every pair
    that comparing all pairs finds."""
    rng = random.Random(11)
    people = ["Nikol Pashinyan", "Alexander Lukashenko", "Vladimir Putin"]
    actors = ["CSTO", "Armenia", "Belarus", "Russia", *people]
    dates = ["2023", "2023-11", "2023-11-23", "2023-11-24", "2023-12", "2022", "2022-09-13"]
    types = ["meeting", "refusal", "statement", "accusation", "military_action", "other"]
    events = [
        event(
            source=f"doc{i % 9}.txt",
            start=i * 53,
            date=rng.choice(dates),
            event_type=rng.choice(types),
            modality=rng.choice(["asserted", "asserted", "planned"]),
            actors=tuple(rng.sample(actors, rng.randint(1, 3))),
            sources=tuple(rng.sample(people, rng.randint(0, 2))),
            trigger=rng.choice(["hold", "skip", "say", "accuse"]),
        )
        for i in range(300)
    ]
    keyed = merge(events)
    assert any(len({m.source for m in e.mentions}) > 1 for e in keyed)
    monkeypatch.setattr(chronology, "_match_keys", lambda _m: {("every pair",)})
    assert merge(events) == keyed


def test_merge_is_order_independent():
    events = _events()
    expected = merge(events)
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert merge(shuffled) == expected


def test_merge_is_associative():
    events = _events()
    expected = merge(events)
    for cut1, cut2 in itertools.combinations(range(0, len(events), 7), 2):
        parts = [events[:cut1], events[cut1:cut2], events[cut2:]]
        assert merge([e for p in parts for e in merge(p)]) == expected


def test_sort_coarse_first():
    evs = [
        event(date=d, source=f"{d}.txt") for d in ("2023-11-23", "2023-11", "2023", "2022-01-01")
    ]
    assert [e.date for e in sort_events(evs)] == ["2022-01-01", "2023", "2023-11", "2023-11-23"]


def test_filters():
    evs = [
        event(date="2023-11", source="a.txt", actors=("Armenia",)),
        event(date="2023-11-23", source="b.txt", event_type="refusal", actors=("CSTO",)),
        event(date="2022", source="c.txt", actors=("Russia",)),
    ]
    assert [e.date for e in filter_events(evs, since=date(2023, 11, 20))] == [
        "2023-11",
        "2023-11-23",
    ]
    assert [e.date for e in filter_events(evs, until=date(2022, 12, 31))] == ["2022"]
    assert [e.date for e in filter_events(evs, actors=["CSTO"])] == ["2023-11-23"]
    assert [e.date for e in filter_events(evs, types=["refusal"])] == ["2023-11-23"]


@pytest.mark.parametrize(
    ("value", "lo", "hi"),
    [
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-12", date(2023, 12, 1), date(2023, 12, 31)),
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2023-11-23", date(2023, 11, 23), date(2023, 11, 23)),
    ],
)
def test_period(value, lo, hi):
    assert period(value) == (lo, hi)


def test_merge_is_idempotent():
    events = _events()
    once = merge(events)
    assert merge(once) == once
