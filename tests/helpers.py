"""Builders for hand-made records, and a probe of what an import loads."""

from __future__ import annotations

import subprocess
import sys

from cstotimeline.chronology import aggregate
from cstotimeline.records import Event, Mention


def mention(
    source: str = "a.txt",
    start: int = 0,
    date: str = "2023-11-23",
    event_type: str = "meeting",
    actors: tuple[str, ...] = ("CSTO", "Belarus"),
    sources: tuple[str, ...] = (),
    trigger: str = "hold",
    summary: str = "CSTO summit held in Minsk",
    confidence: float = 0.8,
    modality: str = "asserted",
    basis: str = "explicit",
    relevance: str | None = None,
) -> Mention:
    precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    return Mention(
        source=source,
        published="2023-11-24",
        published_basis="option",
        sentence=summary + ".",
        start=start,
        end=start + len(summary) + 1,
        date_text=None,
        trigger=trigger,
        date=date,
        date_precision=precision,
        date_basis=basis,
        event_type=event_type,
        actors=actors,
        source_actors=sources,
        modality=modality,
        summary=summary,
        confidence=confidence,
        relevance=relevance or core_or_context(actors),
    )


def core_or_context(actors) -> str:
    if "CSTO" in actors:
        return "core"
    return "context" if "Armenia" in actors else "other"


def event(**kwargs) -> Event:
    return aggregate([mention(**kwargs)])


def varied_events() -> list[Event]:
    """Events of every precision, several types, a source with an address, dates the sources
    give differently (more and less precisely, and in contradiction), hostile text."""
    import dataclasses

    from cstotimeline.chronology import sort_events

    def sourced(m: Mention, url: str | None, outlet: str | None) -> Mention:
        return dataclasses.replace(m, url=url, outlet=outlet)

    summit = sourced(
        mention(source="corpus/a.txt", start=0, actors=("CSTO", "Belarus")),
        "https://example.org/minsk-summit",
        "Example News",
    )
    refined = aggregate(
        [
            summit,
            mention(source="corpus/b.txt", start=5, date="2023-11", actors=("CSTO", "Belarus")),
        ]
    )
    contradicted = aggregate(
        [
            mention(
                source="corpus/a.txt",
                start=300,
                date="2023-11-22",
                event_type="refusal",
                actors=("Armenia", "CSTO"),
                trigger="skip",
                summary="Armenia skips the summit",
            ),
            mention(
                source="corpus/c.txt",
                start=0,
                date="2023-11-24",
                event_type="refusal",
                actors=("Armenia", "CSTO"),
                trigger="skip",
                summary="Armenia skips the summit",
            ),
        ]
    )
    hostile = aggregate(
        [
            sourced(
                mention(
                    source="corpus/d.txt",
                    start=0,
                    date="2024-02",
                    event_type="statement",
                    actors=("Nikol Pashinyan", "Armenia"),
                    sources=("Nikol Pashinyan",),
                    trigger="say",
                    summary='Pashinyan says <script>alert("x")</script> & \u202efrozen',
                ),
                "javascript:alert(1)",
                "Bad <Outlet>",
            )
        ]
    )
    year = aggregate(
        [
            dataclasses.replace(
                mention(
                    source="corpus/e.txt",
                    start=0,
                    date="2021",
                    event_type="exercise",
                    actors=("CSTO", "Kazakhstan"),
                    trigger="hold",
                    summary="CSTO drills",
                ),
                date_mod="START",
            )
        ]
    )
    planned = event(
        source="corpus/e.txt",
        start=80,
        date="2024-12-31",
        event_type="deployment",
        actors=("Armenia", "European Union"),
        trigger="send",
        summary="EU observers sent",
        modality="planned",
    )
    return sort_events([refined, contradicted, hostile, year, planned])


HEAVY = ("spacy", "thinc", "numpy", "torch", "dateparser")


def modules_after(code: str) -> set[str]:
    """The heavy modules (``HEAVY``) a fresh interpreter has loaded after running ``code``."""
    probe = (
        "import sys\n"
        f"{code}\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{HEAVY!r})))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(proc.stdout.split())
