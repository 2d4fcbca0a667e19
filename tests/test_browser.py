"""The HTML page in a real browser: headless Chromium over the DevTools protocol.

Every event is rendered and visible, the filters hide and show events (cards and marks), the
page makes no request but for itself, logs no error or warning, and reads on a phone's width
without sideways scrolling. Skipped, with the reason, where no Chromium is installed
(``.ci/run`` installs Debian's ``chromium`` when it can).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser import Browser, find_chromium
from conftest import CORPUS, need_shared
from helpers import varied_events

from cstotimeline import htmlpage
from cstotimeline.records import Event

pytestmark = pytest.mark.browser

# What the page shows of each event: is its card displayed with a size, is its mark?
STATE = """
(() => {
  const seen = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.display !== "none" && s.visibility !== "hidden"
      && Number(s.opacity) > 0;
  };
  const out = {};
  for (const card of document.querySelectorAll("#events > .event")) {
    const id = card.dataset.id;
    out[id] = {
      card: seen(card),
      mark: seen(document.querySelector(`#overview .mark[data-id="${id}"]`)),
      idShown: card.querySelector("code").textContent === id,
      summary: seen(card.querySelector(".summary")),
      evidence: [...card.querySelectorAll(".evidence blockquote")].every(seen),
    };
  }
  return {
    events: out,
    shown: document.getElementById("shown").textContent,
    none: seen(document.getElementById("none")),
    filters: seen(document.getElementById("filters")),
    pageWidth: document.documentElement.scrollWidth,
    viewWidth: window.innerWidth,
  };
})()
"""


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        pytest.skip(
            "headless Chromium is not installed (Debian: apt-get install chromium; "
            ".ci/run installs it): the HTML page is not tested in a browser"
        )
    with Browser(executable) as b:
        yield b


def write_page(events: list[Event], path: Path) -> Path:
    path.write_text(htmlpage.render(events), encoding="utf-8")
    return path


def state(browser: Browser) -> dict:
    value = browser.evaluate(STATE)
    assert isinstance(value, dict)
    return value


def visible_ids(s: dict, what: str = "card") -> set[str]:
    return {i for i, e in s["events"].items() if e[what]}


def check_all_visible(browser: Browser, events: list[Event]) -> dict:
    s = state(browser)
    ids = [e.id for e in events]
    assert list(s["events"]) == ids
    for i in ids:
        assert s["events"][i] == {
            "card": True,
            "mark": True,
            "idShown": True,
            "summary": True,
            "evidence": True,
        }, i
    assert s["shown"] == f"{len(ids)} of {len(ids)} events shown"
    assert s["filters"] and not s["none"]
    return s


def check_quiet(browser: Browser, page: Path) -> None:
    assert browser.problems() == []
    assert set(browser.requests()) == {page.resolve().as_uri()}


def click(browser: Browser, selector: str) -> None:
    browser.evaluate(f"document.querySelector({json.dumps(selector)}).click()")


def choose_actor(browser: Browser, actor: str) -> None:
    browser.evaluate(
        "(() => { const s = document.getElementById('actor');"
        f" s.value = {json.dumps(actor)};"
        " s.dispatchEvent(new Event('change', {bubbles: true})); })()"
    )


def test_every_event_is_rendered_and_the_filters_work(browser, tmp_path):
    events = varied_events()
    page = write_page(events, tmp_path / "t.html")
    browser.resize(1280, 900)
    browser.open(page)
    check_all_visible(browser, events)

    # Unticking a type hides its events, cards and marks; the others stay.
    click(browser, 'input[name=type][value="refusal"]')
    s = state(browser)
    refusals = {e.id for e in events if e.event_type == "refusal"}
    assert refusals
    assert visible_ids(s) == {e.id for e in events} - refusals
    assert visible_ids(s, "mark") == visible_ids(s)
    assert s["shown"] == f"{len(events) - len(refusals)} of {len(events)} events shown"
    click(browser, 'input[name=type][value="refusal"]')
    check_all_visible(browser, events)

    # One actor: only the events that involve them.
    choose_actor(browser, "Belarus")
    s = state(browser)
    assert visible_ids(s) == {e.id for e in events if "Belarus" in e.actors} != set()
    assert visible_ids(s, "mark") == visible_ids(s)
    # Both filters at once, to nothing: the page says so.
    click(browser, 'input[name=type][value="meeting"]')
    s = state(browser)
    assert visible_ids(s) == set() and s["none"]
    assert s["shown"] == f"0 of {len(events)} events shown"
    click(browser, "#reset")
    check_all_visible(browser, events)
    check_quiet(browser, page)


def test_a_mark_leads_to_its_card(browser, tmp_path):
    events = varied_events()
    page = write_page(events, tmp_path / "t.html")
    browser.open(page)
    target = events[-1].id
    click(browser, f'#overview .mark[data-id="{target}"]')
    assert browser.evaluate("location.hash") == f"#ev-{target}"
    assert browser.evaluate("document.querySelector(':target').dataset.id") == target
    check_quiet(browser, page)


def test_phone_width(browser, tmp_path):
    events = varied_events()
    page = write_page(events, tmp_path / "t.html")
    browser.resize(390, 844, mobile=True)
    try:
        browser.open(page)
        s = check_all_visible(browser, events)
        # The page never scrolls sideways; only the overview axis does, inside its box.
        assert s["pageWidth"] <= s["viewWidth"] == 390
        widths = browser.evaluate(
            "[...document.querySelectorAll('#events > .event')]"
            ".map(c => c.getBoundingClientRect().right)"
        )
        assert max(widths) <= 390
        size = browser.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.summary')).fontSize)"
        )
        assert size >= 14
        check_quiet(browser, page)
    finally:
        browser.resize(1280, 900)


@pytest.mark.model
@pytest.mark.shared
def test_the_shared_corpus_page(browser, nlp, tmp_path):
    """``cstotimeline extract --manifest ../shared/corpus/index.tsv -f html`` on the corpus."""
    from cstotimeline import app

    corpus = need_shared(CORPUS)
    opts = app.ExtractOptions(
        paths=[str(corpus)], manifest=corpus / "index.tsv", jobs=1, quiet=True
    )
    events = app.extract_chronology(opts, warn=lambda _m: None)
    assert len(events) >= 30  # a real chronology of the whole corpus
    page = write_page(events, tmp_path / "t.html")
    browser.resize(1280, 900)
    browser.open(page)
    check_all_visible(browser, events)
    # The manifest's outlets are shown, linked to the articles' addresses.
    links = browser.evaluate(
        "[...document.querySelectorAll('.cite a')].map(a => [a.textContent, a.href])"
    )
    assert [
        "Asbarez",
        "http://asbarez.com/202482/as-azerbaijan-steps-up-advance-in-syunik-"
        "yerevan-turns-to-csto-for-rapid-response/",
    ] in links
    for t in sorted({e.event_type for e in events}):
        click(browser, f'input[name=type][value="{t}"]')
        s = state(browser)
        assert visible_ids(s) == {e.id for e in events if e.event_type != t}
        click(browser, f'input[name=type][value="{t}"]')
    check_all_visible(browser, events)
    check_quiet(browser, page)
    print(
        f"\nbrowser: {len(events)} events of {len({m.source for e in events for m in e.mentions})}"
        f" sources rendered and visible; each of {len({e.event_type for e in events})} type "
        "filters hides exactly its events; no console error, no request but the page itself"
    )
