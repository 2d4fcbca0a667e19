"""Records: the interner that shares repeated values between unpickled records."""

from __future__ import annotations

import dataclasses
import pickle

from helpers import event, mention

from cstotimeline.records import Interner


def test_interned_records_are_equal_and_share_their_repeated_values():
    batches = [
        pickle.loads(pickle.dumps([event(source="a.txt", start=10), event(source="a.txt")]))
        for _ in range(2)
    ]
    # Every field set, so that a field the interner dropped or mixed up would show.
    full = dataclasses.replace(
        mention(source="b.txt", sources=("Nikol Pashinyan",)),
        date_text="on Thursday",
        target_actors=("CSTO",),
        date_mod="START",
        source_states=("Armenia",),
        shifted=True,
        modality="planned",
    )
    batches.append(pickle.loads(pickle.dumps([dataclasses.replace(event(), mentions=(full,))])))
    shared = Interner()
    out = [shared.events(b) for b in batches]
    assert out == batches
    first, second = out[0][0].mentions[0], out[1][0].mentions[0]
    assert first == second and first is not second
    assert first.date is second.date and first.actors is second.actors
    assert first.published_basis is second.published_basis
    assert batches[0][0].mentions[0].date is not batches[1][0].mentions[0].date
    assert out[2][0].mentions[0] == full
