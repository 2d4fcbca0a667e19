from __future__ import annotations

import pytest

from cstotimeline import dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-11-23", ("2023-11-23", "day")),
        ("2023-11-23T20:00", ("2023-11-23", "day")),
        ("2023-11", ("2023-11", "month")),
        ("2023", ("2023", "year")),
        ("2023-W47", ("2023-11", "month")),
        ("2024-W01", ("2024-01", "month")),  # Thursday 2024-01-04
        ("2020-W53", ("2020-12", "month")),
        ("2012-SU", ("2012", "year")),
        ("2013-Q1", ("2013", "year")),
        ("2013-H2", ("2013", "year")),
        ("199", None),
        ("19", None),
        ("P2M", None),
        ("PRESENT_REF", None),
        ("PAST_REF", None),
        ("XXXX-05", None),
        ("2023-02-30", None),
        ("2023-13", None),
        ("", None),
    ],
)
def test_event_date(value, expected):
    assert dates.event_date(value) == expected


@pytest.mark.parametrize(
    ("finer", "coarser", "expected"),
    [
        ("2023-11-23", "2023-11", True),
        ("2023-11-23", "2023", True),
        ("2023-11", "2023-11", True),
        ("2023-11", "2023-11-23", False),
        ("2023-1", "2023-11", False),
        ("2023-12-01", "2023-1", False),
        ("2024", "2023", False),
    ],
)
def test_refines(finer, coarser, expected):
    assert dates.refines(finer, coarser) is expected


def test_coarser_sorts_first():
    values = ["2023-11-23", "2023", "2023-11", "2022-12-31", "2023-01-01"]
    assert sorted(values, key=dates.sort_key) == [
        "2022-12-31",
        "2023",
        "2023-01-01",
        "2023-11",
        "2023-11-23",
    ]
