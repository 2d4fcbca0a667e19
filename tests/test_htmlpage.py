"""The HTML page and TimelineJS JSON, from hand-made events (no model, no browser)."""

from __future__ import annotations

import io
import itertools
import json
import re
from html.parser import HTMLParser

import pytest
from helpers import varied_events

from cstotimeline import export, htmlpage, present, timelinejs


def render(events, fmt: str) -> str:
    out = io.StringIO()
    export.write(events, out, fmt)
    return out.getvalue()


class Elements(HTMLParser):
    """Every start tag with its attributes; checks that tags close in order."""

    VOID = frozenset({"meta", "input", "br", "img", "link", "hr", "wbr", "source"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)

    def with_attr(self, name: str, value: str | None = None):
        return [a for _t, a in self.tags if name in a and (value is None or a[name] == value)]


@pytest.fixture(scope="module")
def events():
    return varied_events()


@pytest.fixture(scope="module")
def page(events) -> str:
    return render(events, "html")


@pytest.fixture(scope="module")
def parsed(page) -> Elements:
    p = Elements()
    p.feed(page)
    p.close()
    assert p.stack == []
    return p


def test_page_is_self_contained(page, parsed):
    # Nothing is loaded from anywhere: no src, no stylesheet link, no url() or @import.
    assert not parsed.with_attr("src")
    assert not [a for t, a in parsed.tags if t == "link"]
    assert "url(" not in page and "@import" not in page
    assert page.count("<style>") == 1 and page.count("<script>") == 1
    csp = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert csp and "default-src 'none'" in (csp[0]["content"] or "")
    # The only links are in-page anchors and the sources' own addresses.
    hrefs = [a["href"] for a in parsed.with_attr("href")]
    assert hrefs and all(h.startswith("#ev-") or h.startswith("https://") for h in hrefs)


def test_every_event_has_a_card_and_a_mark_with_its_id(events, page, parsed):
    cards = [a for t, a in parsed.tags if t == "li" and a.get("class") == "event"]
    marks = [a for t, a in parsed.tags if t == "a" and "mark" in (a.get("class") or "")]
    ids = [e.id for e in events]
    assert [c["data-id"] for c in cards] == ids
    assert sorted(m["data-id"] for m in marks) == sorted(ids)
    assert [c["id"] for c in cards] == [f"ev-{i}" for i in ids]
    for e, card in zip(events, cards, strict=True):
        assert card["data-type"] == e.event_type
        assert json.loads(card["data-actors"]) == list(e.actors)
        assert f"<code>{e.id}</code>" in page


def test_dates_at_their_precision(events, page, parsed):
    times = [a["datetime"] for t, a in parsed.tags if t == "time"]
    assert times == [e.date for e in events]
    assert "early 2021" in page  # a year with START
    assert "February 2024</time>" in page  # a month is a month, not its first day
    assert "1 February 2024" not in page


def test_month_and_year_marks_span_their_period():
    axis = htmlpage.layout(varied_events())
    by_date = {m.event.date: m for m in axis.marks}
    month, year = by_date["2024-02"], by_date["2021"]
    assert month.width == pytest.approx(29 / 366)  # February of a leap year, in years
    assert year.width == pytest.approx(1.0)
    assert axis.offsets[2021] == 0.0 and year.left == 0.0
    # 2022 has no event: it is folded into a gap between 2021 and 2023.
    assert 2022 not in axis.offsets
    assert axis.gaps == [(2022, 2022, 1.0)]
    assert axis.offsets[2023] == pytest.approx(1.0 + htmlpage.GAP_YEARS)
    day = by_date["2023-11-23"]
    assert day.left == pytest.approx(axis.offsets[2023] + 326 / 365)


def test_overlapping_marks_take_separate_lanes():
    axis = htmlpage.layout(varied_events())
    lanes: dict[int, list] = {}
    for m in axis.marks:
        lanes.setdefault(m.lane, []).append(m)
    least = htmlpage.MARK_PX / htmlpage.YEAR_PX
    for marks in lanes.values():
        marks.sort(key=lambda m: m.left)
        for a, b in itertools.pairwise(marks):
            assert a.left + max(a.width, least) <= b.left
    assert axis.lanes >= 2  # 22 and 23 November 2023 are too close for one lane


def test_sources_evidence_and_links(page):
    assert '<a href="https://example.org/minsk-summit" rel="noreferrer">Example News</a>' in page
    assert "javascript:" not in page  # an address that is not http(s) is not a link
    assert "<b>Bad &lt;Outlet&gt;</b>" in page
    assert "published 24 November 2023 · dated 23 November 2023 (explicit)" in page
    assert page.count("<blockquote>") == sum(len(e.mentions) for e in varied_events())


def test_text_is_escaped_and_cleaned(page):
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in page
    assert "\u202e" not in page


def test_dates_the_sources_give_differently_are_shown(page):
    assert page.count('<p class="dates conflict">') == 1
    conflict = re.search(r'<p class="dates conflict">(.*?)</p>', page)
    assert conflict is not None
    assert "22 November 2023 (c.txt)" not in conflict.group(1)
    assert "22 November 2023 (a.txt)" in conflict.group(1)
    assert "24 November 2023 (c.txt)" in conflict.group(1)
    assert page.count('<p class="dates">') == 1
    assert "23 November 2023 (Example News); November 2023 (b.txt)" in page
    assert 'class="mark p-day conflict"' in page


def test_date_report():
    contradicted, refined = varied_events()[1:3]
    report = present.date_report(contradicted)
    assert report is not None and report.conflict
    report = present.date_report(refined)
    assert report is not None and not report.conflict
    assert [d for d, _ in report.dates] == ["2023-11-23", "2023-11"]
    assert present.date_report(varied_events()[0]) is None


def test_filters_list_types_and_actors_with_counts(parsed, events):
    boxes = [a for t, a in parsed.tags if t == "input" and a.get("name") == "type"]
    assert [b["value"] for b in boxes] == [
        "meeting",
        "statement",
        "refusal",
        "exercise",
        "deployment",
    ]
    options = [a["value"] for t, a in parsed.tags if t == "option"]
    actors = sorted({a for e in events for a in e.actors}, key=str.casefold)
    assert options == ["", *actors]
    assert "5 of 5 events shown" in "".join(parsed.text)


def test_phone_width_rules(page):
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media (max-width: 40rem)" in page
    assert "overflow-x: auto" in page  # the axis scrolls in its box


def test_no_events():
    page = render([], "html")
    assert "No events." in page and "<ol" not in page
    Elements().feed(page)


def test_html_is_deterministic(events):
    assert render(events, "html") == render(list(events), "html")


def test_html_format_from_extension():
    assert export.EXTENSIONS[".html"] == "html"
    assert export.EXTENSIONS[".htm"] == "html"


# -- TimelineJS --------------------------------------------------------------------------------


def test_timelinejs_structure(events):
    doc = json.loads(render(events, "timelinejs"))
    assert set(doc) == {"title", "events"}
    assert set(doc["title"]["text"]) == {"headline", "text"}
    assert len(doc["events"]) == len(events)
    ids = [s["unique_id"] for s in doc["events"]]
    assert ids == [e.id for e in events] and len(set(ids)) == len(ids)
    for slide, e in zip(doc["events"], events, strict=True):
        assert set(slide) >= {"start_date", "text", "group", "unique_id"}
        start = slide["start_date"]
        parts = {"year": ("year",), "month": ("year", "month"), "day": ("year", "month", "day")}
        assert tuple(start) == parts[e.date_precision]
        assert all(isinstance(v, int) for v in start.values())
        assert "-".join(f"{v:02d}" if k != "year" else str(v) for k, v in start.items()) == e.date
        assert slide["group"] == e.event_type.replace("_", " ")
        assert set(slide["text"]) == {"headline", "text"}
        assert e.id in slide["text"]["text"]
        assert slide["background"]["color"] == present.colour(e.event_type)


def test_timelinejs_validates_against_its_schema(events):
    jsonschema = pytest.importorskip("jsonschema")
    date = {
        "type": "object",
        "required": ["year"],
        "additionalProperties": False,
        "properties": {
            "year": {"type": "integer"},
            "month": {"type": "integer", "minimum": 1, "maximum": 12},
            "day": {"type": "integer", "minimum": 1, "maximum": 31},
        },
    }
    text = {
        "type": "object",
        "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    }
    slide = {
        "type": "object",
        "required": ["start_date", "text", "unique_id"],
        "properties": {
            "start_date": date,
            "text": text,
            "group": {"type": "string"},
            "display_date": {"type": "string"},
            "unique_id": {"type": "string", "pattern": "^[0-9a-f]{12}$"},
            "background": {"type": "object", "properties": {"color": {"type": "string"}}},
            "autolink": {"type": "boolean"},
        },
        "additionalProperties": False,
    }
    schema = {
        "type": "object",
        "required": ["events"],
        "properties": {
            "title": {"type": "object", "properties": {"text": text}},
            "events": {"type": "array", "items": slide},
        },
    }
    jsonschema.validate(json.loads(render(events, "timelinejs")), schema)


def test_timelinejs_text_is_escaped(events):
    doc = json.loads(render(events, "timelinejs"))
    blob = json.dumps(doc)
    assert "<script>" not in blob and "javascript:" not in blob and "\u202e" not in blob
    slide = next(
        s for s in doc["events"] if s["start_date"] == {"year": 2023, "month": 11, "day": 22}
    )
    assert "disagree" in slide["text"]["text"]


def test_timelinejs_display_dates(events):
    slides = timelinejs.timeline(events)["events"]
    assert [s["display_date"] for s in slides] == [
        "early 2021",
        "22 November 2023",
        "23 November 2023",
        "February 2024",
        "31 December 2024",
    ]
