"""``--format html``: the chronology as one self-contained page.

The page is plain HTML rendered here, with the stylesheet and the filter script of
``data/timeline.css`` and ``data/timeline.js`` inlined: no remote asset, no font, no image,
and a Content-Security-Policy that forbids loading any, so it works offline from a file.
Without JavaScript every event is shown and only the filters are missing.

- An overview axis places each event at its precision: a day is a dot on its day, a month a
  bar over the month, a year a bar over the year. Years without events are folded into a
  narrow gap, so a chronology from 1992 to 2024 does not spend most of its width on empty
  years. Marks that would overlap go to separate lanes. On a narrow screen the axis scrolls
  sideways inside its box; the page itself never does.
- The list gives, for every event, its date at its precision, its type (the colour of its
  marks), summary, actors, confidence, id, every evidence sentence with its source (the
  outlet, linked to the article's address, when the manifest gives them), and the dates the
  sources give when they differ.
- The filters (event types, one actor) hide and show both cards and marks.

All text from the articles is HTML-escaped, control and bidirectional-override characters are
dropped, and only http(s) addresses become links.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TextIO

from cstotimeline import __version__, present
from cstotimeline.export import _printable
from cstotimeline.records import Event, Mention

TITLE = "CSTO–Armenia relations: chronology"
# Widths of the overview axis, in pixels at its minimum width: a year, and a folded gap.
YEAR_PX = 160
GAP_YEARS = 0.35
# Marks are at least this wide (a day is a fraction of a pixel); lanes are this tall.
MARK_PX = 10
LANE_PX = 16
AXIS_TOP_PX = 24
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def _asset(name: str) -> str:
    return resources.files("cstotimeline").joinpath(f"data/{name}").read_text("utf-8")


def esc(text: str) -> str:
    """Text fit for HTML content and quoted attributes (one line, printable, escaped)."""
    return html.escape(_printable(text), quote=True)


@dataclass(frozen=True)
class _Mark:
    event: Event
    left: float  # in years from the axis start
    width: float
    lane: int


@dataclass(frozen=True)
class _Axis:
    """Years shown (with events), the folded gaps between them, and the marks."""

    offsets: dict[int, float]  # year → its start, in years from the axis start
    gaps: list[tuple[int, int, float]]  # (first, last empty year, start)
    total: float
    marks: list[_Mark]

    @property
    def lanes(self) -> int:
        return 1 + max((m.lane for m in self.marks), default=0)


def _year_fraction(day: dt.date, *, end: bool = False) -> float:
    """Where ``day`` starts (or, with ``end``, ends) within its year, from 0 to 1."""
    start = dt.date(day.year, 1, 1)
    days = (dt.date(day.year + 1, 1, 1) - start).days
    return ((day - start).days + (1 if end else 0)) / days


def layout(events: Sequence[Event]) -> _Axis:
    """Where each event's mark goes on the overview axis."""
    from cstotimeline.chronology import period

    spans = [(e, *period(e.date)) for e in events]
    years = sorted({lo.year for _, lo, _ in spans} | {hi.year for _, _, hi in spans})
    offsets: dict[int, float] = {}
    gaps: list[tuple[int, int, float]] = []
    pos = 0.0
    for i, year in enumerate(years):
        if i and year - years[i - 1] > 1:
            gaps.append((years[i - 1] + 1, year - 1, pos))
            pos += GAP_YEARS
        offsets[year] = pos
        pos += 1.0
    total = max(pos, 1.0)

    placed = []
    for e, lo, hi in spans:
        left = offsets[lo.year] + _year_fraction(lo)
        right = offsets[hi.year] + _year_fraction(hi, end=True)
        placed.append((e, left, right - left))
    # Lanes: greedy, widest first among marks starting together, each mark at least MARK_PX.
    least = MARK_PX / YEAR_PX
    lane_ends: list[float] = []
    marks: list[_Mark] = []
    for e, left, width in sorted(placed, key=lambda p: (p[1], -p[2], p[0].id)):
        end = left + max(width, least) + 0.5 * least
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= left:
                lane_ends[lane] = end
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(end)
        marks.append(_Mark(e, left, width, lane))
    return _Axis(offsets, gaps, total, marks)


def _pct(value: float, total: float) -> str:
    return f"{100.0 * value / total:.4f}".rstrip("0").rstrip(".") + "%"


def _overview(events: Sequence[Event]) -> str:
    axis = layout(events)
    height = AXIS_TOP_PX + axis.lanes * LANE_PX + 4
    width = round(axis.total * YEAR_PX)
    out = [
        '<section id="overview" aria-label="Timeline overview">',
        f'<div class="axis" style="min-width:{width}px;height:{height}px">',
    ]
    for year, start in axis.offsets.items():
        left, w = _pct(start, axis.total), _pct(1.0, axis.total)
        out.append(f'<div class="year" style="left:{left};width:{w}"><span>{year}</span></div>')
    for first, last, start in axis.gaps:
        left, w = _pct(start, axis.total), _pct(GAP_YEARS, axis.total)
        label = f"{first}" if first == last else f"{first}–{last}"
        out.append(
            f'<div class="gap" style="left:{left};width:{w}" title="no events {label}">'
            "<span>…</span></div>"
        )
    for m in axis.marks:
        e = m.event
        title = f"{present.date_label(e.date, e.date_mod)}: {e.summary}"
        conflict = " conflict" if (r := present.date_report(e)) is not None and r.conflict else ""
        out.append(
            f'<a class="mark p-{esc(e.date_precision)}{conflict}" href="#ev-{esc(e.id)}" '
            f'data-id="{esc(e.id)}" data-type="{esc(e.event_type)}" '
            f'style="left:{_pct(m.left, axis.total)};width:{_pct(m.width, axis.total)};'
            f'top:{AXIS_TOP_PX + m.lane * LANE_PX}px;--c:{present.colour(e.event_type)}" '
            f'title="{esc(title)}"><span class="visually-hidden">{esc(title)}</span></a>'
        )
    out.append("</div></section>")
    return "\n".join(out)


def _filters(events: Sequence[Event]) -> str:
    types = Counter(e.event_type for e in events)
    actors = Counter(a for e in events for a in e.actors)
    out = ['<form id="filters" hidden>', '<fieldset class="types"><legend>Event types</legend>']
    for t in sorted(types, key=present.type_order):
        out.append(
            f'<label style="--c:{present.colour(t)}"><input type="checkbox" name="type" '
            f'value="{esc(t)}" checked><span class="swatch"></span>{esc(present.type_label(t))}'
            f' <span class="n">({types[t]})</span></label>'
        )
    out.append("</fieldset>")
    out.append('<label class="actor">Actor <select id="actor" name="actor">')
    out.append('<option value="">any actor</option>')
    for a in sorted(actors, key=lambda a: (a.casefold(), a)):
        out.append(f'<option value="{esc(a)}">{esc(a)} ({actors[a]})</option>')
    out.append("</select></label>")
    out.append('<button type="button" id="reset">Show all</button>')
    out.append(
        f'<p id="shown" role="status" aria-live="polite">{len(events)} of {len(events)} '
        "events shown</p>"
    )
    out.append("</form>")
    return "\n".join(out)


def _source(m: Mention) -> str:
    name = esc(present.source_name(m))
    url = present.safe_url(m.url)
    link = f'<a href="{esc(url)}" rel="noreferrer">{name}</a>' if url else f"<b>{name}</b>"
    parts = [link]
    file_name = m.source.rsplit("/", 1)[-1]
    if m.outlet and file_name != m.outlet:
        parts.append(f'<span class="file">{esc(file_name)}</span>')
    if m.published:
        parts.append(f"published {esc(present.date_label(m.published))}")
    dated = present.date_label(m.date)
    if m.date_text:
        parts.append(f"“{esc(m.date_text)}” → {esc(dated)}")
    else:
        parts.append(f"dated {esc(dated)} ({esc(m.date_basis)})")
    return " · ".join(parts)


def _dates_note(e: Event) -> str:
    report = present.date_report(e)
    if report is None:
        return ""
    items = "; ".join(
        f"{esc(present.date_label(value))} ({esc(', '.join(names))})"
        for value, names in report.dates
    )
    if report.conflict:
        return f'<p class="dates conflict"><b>Sources disagree on the date:</b> {items}</p>'
    return f'<p class="dates"><b>Sources date it differently:</b> {items}</p>'


def _card(e: Event) -> str:
    tags = [f'<span class="type">{esc(present.type_label(e.event_type))}</span>']
    if e.modality != "asserted":
        tags.append(f'<span class="tag">{esc(e.modality)}</span>')
    if e.relevance != "core":
        tags.append(f'<span class="tag">{esc(e.relevance)}</span>')
    facts = [f"<dt>Actors</dt><dd>{esc(', '.join(e.actors)) or '—'}</dd>"]
    if e.source_actors:
        facts.append(f"<dt>By</dt><dd>{esc(', '.join(e.source_actors))}</dd>")
    if e.target_actors:
        facts.append(f"<dt>To</dt><dd>{esc(', '.join(e.target_actors))}</dd>")
    facts.append(
        f'<dt>Confidence</dt><dd><meter min="0" max="1" value="{e.confidence:.2f}"></meter> '
        f"{e.confidence:.2f}</dd>"
    )
    facts.append(f"<dt>Id</dt><dd><code>{esc(e.id)}</code></dd>")
    evidence = "".join(
        f'<li><blockquote>{esc(m.sentence)}</blockquote><p class="cite">{_source(m)}</p></li>'
        for m in e.mentions
    )
    n_sources = len({m.source for m in e.mentions})
    plural = "s" if n_sources != 1 else ""
    return (
        f'<li class="event" id="ev-{esc(e.id)}" data-id="{esc(e.id)}" '
        f'data-type="{esc(e.event_type)}" data-actors="{esc(json.dumps(list(e.actors)))}" '
        f'style="--c:{present.colour(e.event_type)}">'
        f'<div class="when"><time datetime="{esc(e.date)}">'
        f"{esc(present.date_label(e.date, e.date_mod))}</time>"
        f'<span class="precision">{esc(e.date_precision)}</span></div>'
        f'<div class="what"><p class="tags">{"".join(tags)}</p>'
        f'<h2 class="summary">{esc(e.summary) or esc(e.trigger)}</h2>'
        f'<dl class="facts">{"".join(facts)}</dl>{_dates_note(e)}'
        f'<p class="evidence-head">Evidence ({len(e.mentions)} sentence'
        f"{'s' if len(e.mentions) != 1 else ''}, {n_sources} source{plural})</p>"
        f'<ul class="evidence">{evidence}</ul></div></li>'
    )


def render(events: Sequence[Event], *, title: str = TITLE) -> str:
    """The whole page for ``events`` (in chronology order)."""
    events = list(events)
    span = present.year_span(events)
    n_sources = len(present.sources_of(events))
    if span is None:
        summary = "No events."
    else:
        lo, hi = span
        years = f"{lo.year}" if lo.year == hi.year else f"{lo.year}–{hi.year}"
        summary = (
            f"{len(events)} event{'s' if len(events) != 1 else ''} from {n_sources} "
            f"source{'s' if n_sources != 1 else ''}, {years}."
        )
    body = [
        "<header>",
        f"<h1>{esc(title)}</h1>",
        f'<p class="meta">{esc(summary)} Dates are shown at the precision the articles give:'
        " a dot is a day, a bar a month or a year.</p>",
    ]
    if events:
        body.append(_filters(events))
    body.append("</header>")
    if events:
        body.append(_overview(events))
        body.append('<ol id="events">')
        body.extend(_card(e) for e in events)
        body.append("</ol>")
        body.append('<p id="none" hidden>No event matches these filters.</p>')
    body.append(
        f"<footer>Made by cstotimeline {esc(__version__)}. Every event id is the one in the "
        "JSON, CSV and TimelineJS outputs.</footer>"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="generator" content="cstotimeline">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>\n{_asset('timeline.css')}</style>\n"
        "</head>\n<body>\n"
        + "\n".join(body)
        + f"\n<script>\n{_asset('timeline.js')}</script>\n</body>\n</html>\n"
    )


def write_html(events: Sequence[Event], out: TextIO) -> None:
    out.write(render(events))
