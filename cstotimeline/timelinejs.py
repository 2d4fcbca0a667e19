"""``--format timelinejs``: the chronology as TimelineJS3 JSON.

One slide per event (TimelineJS's JSON format): ``start_date`` with only the parts the event's
precision supports (a month-precision event has a year and a month, no day), ``display_date``
as the HTML page writes it ("November 2023", "early 2023"), ``text.headline`` the summary,
``text.text`` the actors, confidence and evidence sentences with their sources (HTML, escaped),
``group`` the event type, ``unique_id`` the event id and ``background.color`` the type's
colour. The file loads in TimelineJS as it is (``new TL.Timeline(id, data)`` or a URL).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any, TextIO

from cstotimeline import present
from cstotimeline.export import _dumps, _printable
from cstotimeline.records import Event, Mention

TITLE = "CSTO–Armenia relations"


def _esc(text: str) -> str:
    return html.escape(_printable(text), quote=True)


def _source(m: Mention) -> str:
    name = _esc(present.source_name(m))
    url = present.safe_url(m.url)
    cite = f'<a href="{_esc(url)}">{name}</a>' if url else name
    if m.published:
        cite += f", {_esc(present.date_label(m.published))}"
    return cite


def _text(e: Event) -> str:
    parts = [
        f"<p><b>{_esc(present.type_label(e.event_type))}</b>"
        + (f" ({_esc(e.modality)})" if e.modality != "asserted" else "")
        + f" · confidence {e.confidence:.2f} · id {_esc(e.id)}</p>",
        f"<p>Actors: {_esc(', '.join(e.actors)) or '—'}</p>",
    ]
    report = present.date_report(e)
    if report is not None:
        verb = "disagree on" if report.conflict else "give"
        dates = "; ".join(
            f"{_esc(present.date_label(v))} ({_esc(', '.join(n))})" for v, n in report.dates
        )
        parts.append(f"<p>Sources {verb} the date: {dates}</p>")
    for m in e.mentions:
        parts.append(f"<blockquote>{_esc(m.sentence)}</blockquote><p>— {_source(m)}</p>")
    return "".join(parts)


def slide(e: Event) -> dict[str, Any]:
    """The TimelineJS slide of one event."""
    label = present.date_label(e.date, e.date_mod)
    return {
        "start_date": present.date_parts(e.date),
        "display_date": label,
        "text": {"headline": _esc(e.summary or e.trigger), "text": _text(e)},
        "group": present.type_label(e.event_type),
        "unique_id": e.id,
        "background": {"color": present.colour(e.event_type)},
        "autolink": False,
    }


def timeline(events: Sequence[Event], *, title: str = TITLE) -> dict[str, Any]:
    """The TimelineJS document (title slide and one slide per event)."""
    events = list(events)
    n_sources = len(present.sources_of(events))
    return {
        "title": {
            "text": {
                "headline": _esc(title),
                "text": f"<p>{len(events)} events from {n_sources} sources.</p>",
            }
        },
        "events": [slide(e) for e in events],
    }


def write_timelinejs(events: Sequence[Event], out: TextIO) -> None:
    out.write(_dumps(timeline(events), indent=2))
    out.write("\n")
