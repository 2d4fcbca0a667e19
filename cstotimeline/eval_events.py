"""``cstotimeline evaluate events``: extract each gold article alone and score it.

Articles are read from ``DIR/index.tsv`` (``file``, ``published``) and scored against
``NAME.gold.tsv`` by the rule and with the figures of the acceptance scorer
(``../shared/tools/score_events.py``, mirrored in ``cstotimeline.scoring``): the two print the
same numbers on the same files. Each article is extracted as ``cstotimeline extract
--published DATE FILE`` extracts it, and its events are scored as that command's JSONL.

The report adds what the acceptance scorer does not show: the figures per article, and, with
all articles merged into one chronology, how many gold happenings that two articles both
report stay split into two events.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cstotimeline import scoring
from cstotimeline.records import Document, Event

# Gold rows of two articles with the same date, this actor overlap (Jaccard) and this share of
# content words in their descriptions (overlap coefficient) report one happening.
SAME_HAPPENING_JACCARD = 0.6
SAME_HAPPENING_WORDS = 0.6
_WORD = re.compile(r"[a-z0-9]+")
_SHORT = 3  # words of at most this many letters are not content words


@dataclass
class ArticleResult:
    article: str
    gold: list[scoring.GoldRow]
    events: list[Event]
    system: list[dict[str, Any]]
    pairs: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class EventsReport:
    articles: list[ArticleResult]
    tally: scoring.Tally
    merged_events: int = 0
    happenings: int = 0
    duplicated: list[tuple[tuple[str, scoring.GoldRow], tuple[str, scoring.GoldRow]]] = field(
        default_factory=list
    )

    def scores(self) -> dict[str, float | int]:
        return self.tally.scores()


def read_index(directory: Path) -> list[tuple[str, dt.date | None]]:
    """(file, published) rows of ``directory/index.tsv`` whose article and gold both exist."""
    with (directory / "index.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out: list[tuple[str, dt.date | None]] = []
    for row in rows:
        name = (row.get("file") or "").strip()
        if not name or not (directory / name).exists():
            continue
        if not (directory / (name.removesuffix(".txt") + ".gold.tsv")).exists():
            continue
        try:
            published = dt.date.fromisoformat((row.get("published") or "").strip())
        except ValueError:
            published = None
        out.append((name, published))
    return out


Extract = Callable[[list[Document]], Iterable[tuple[Document, list[Event]]]]


def evaluate_corpus(
    directory: Path, *, model: str | None = None, extract: Extract | None = None
) -> EventsReport:
    """Run extraction on each article of ``directory/index.tsv`` alone and score it.

    ``extract`` turns documents into (document, events) pairs in any order (the local pipeline
    by default; ``app.evaluate_events`` passes a Dask cluster's)."""
    from cstotimeline import ingest, nlp, pipeline
    from cstotimeline.export import event_dict

    documents: list[tuple[str, Document]] = []
    for name, published in read_index(directory):
        docs = list(
            ingest.iter_documents(
                [str(directory / name)], published=published, warn=lambda _m: None
            )
        )
        documents.extend((name, d) for d in docs[:1])
    if extract is None:
        pipe = nlp.load(model)

        def extract(docs: list[Document]) -> Iterable[tuple[Document, list[Event]]]:
            return pipeline.extract(docs, pipe)

    found = {d.source: events for d, events in extract([d for _n, d in documents])}
    results: list[ArticleResult] = []
    tally = scoring.Tally()
    for name, document in documents:
        events = found.get(document.source, [])
        system = [event_dict(e) for e in events]
        gold = scoring.load_gold(directory / (name.removesuffix(".txt") + ".gold.tsv"))
        results.append(ArticleResult(name, gold, events, system, scoring.match(gold, system)))
        tally.add(name, gold, system)
    report = EventsReport(results, tally)
    _count_duplicates(report)
    return report


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower().replace("'s", "")) if len(w) > _SHORT}


def _count_duplicates(report: EventsReport) -> None:
    """Merge every article's events into one chronology and count the gold happenings it
    reports as more than one event: two gold rows of different articles with the same date,
    similar actors and similar descriptions are one happening, *split* when the system events
    matched to them end up in different merged events."""
    from cstotimeline.chronology import merge_events

    merged = merge_events(e for a in report.articles for e in a.events)
    report.merged_events = len(merged)
    owner = {(m.source, m.start, m.trigger): e.id for e in merged for m in e.mentions}
    rows: list[tuple[str, scoring.GoldRow, set[str]]] = []
    for a in report.articles:
        for gi, si in a.pairs:
            ids = {owner.get((m.source, m.start, m.trigger), "") for m in a.events[si].mentions}
            rows.append((a.article, a.gold[gi], ids - {""}))
    for i, (art_i, first, ids_i) in enumerate(rows):
        for art_j, second, ids_j in rows[i + 1 :]:
            if art_i == art_j or first.date != second.date:
                continue
            x, y = first.actors, second.actors
            if not (x and y and len(x & y) / len(x | y) >= SAME_HAPPENING_JACCARD):
                continue
            u, v = _content_words(first.event), _content_words(second.event)
            if not (u and v and len(u & v) / min(len(u), len(v)) >= SAME_HAPPENING_WORDS):
                continue
            report.happenings += 1
            if ids_i and ids_j and not ids_i & ids_j:
                report.duplicated.append(((art_i, first), (art_j, second)))


def _dated(a: ArticleResult) -> int:
    return sum(
        str(a.system[si].get("date") or "").startswith(a.gold[gi].date) for gi, si in a.pairs
    )


def format_report(report: EventsReport, *, verbose: bool = False) -> str:
    lines: list[str] = []
    header = f"{'article':52} {'gold':>4} {'sys':>4} {'match':>5} {'dated':>5}"
    lines.append(header)
    lines.append("-" * len(header))
    for a in report.articles:
        lines.append(
            f"{a.article[:52]:52} {len(a.gold):4d} {len(a.system):4d} {len(a.pairs):5d} "
            f"{_dated(a):5d}"
        )
    lines.append("")
    for key, value in report.scores().items():
        lines.append(f"{key:15} {value}")
    lines.append(f"{'merged events':15} {report.merged_events} (all articles, one chronology)")
    lines.append(
        f"{'same happening':15} {report.happenings} gold pairs across articles, "
        f"{len(report.duplicated)} of them split into two events"
    )
    if verbose:
        for a in report.articles:
            lines.extend(_details(a))
        if report.duplicated:
            lines.append("")
            lines.append("== gold happenings reported as more than one event after merging")
            for (art_g, g), (art_h, h) in report.duplicated:
                lines.append(f"  SPLIT     {g.date:10} {art_g}: {g.event}")
                lines.append(f"            {'':10} {art_h}: {h.event}")
    return "\n".join(lines)


def _details(a: ArticleResult) -> list[str]:
    lines = ["", f"== {a.article}"]
    matched = dict(a.pairs)
    used = {si for _gi, si in a.pairs}
    for gi, g in enumerate(a.gold):
        if gi not in matched:
            lines.append(f"  MISS      {g.date:10} {g.event}")
            continue
        e: Mapping[str, Any] = a.system[matched[gi]]
        if not str(e.get("date") or "").startswith(g.date):
            lines.append(f"  WRONGDATE {g.date:10} got {e['date']:10} {g.event}")
            continue
        got = {scoring.actor_key(x) for x in e.get("actors", [])}
        missing, extra = sorted(g.actors - got), sorted(got - g.actors)
        if missing or extra:
            lines.append(f"  ACTORS    {g.date:10} -{missing} +{extra} {g.event}")
    for si, e in enumerate(a.system):
        if si not in used:
            lines.append(f"  SPURIOUS  {e['date']:10} {e['event_type']:16} {e['summary']}")
    return lines
