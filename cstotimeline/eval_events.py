"""Scoring extracted events against hand-made gold events (``*.gold.tsv``).

Matching rule
    Each gold event's evidence sentences are located in the article text. A system event and a
    gold event are *candidates* when a sentence of one of the system event's mentions in that
    article overlaps a gold evidence sentence by at least half of the shorter of the two (or 20
    characters). Pairs are then matched one-to-one, first maximising the number of pairs whose
    dates are *consistent* (the system date equals the gold date or refines it: gold
    ``2023-11``, system ``2023-11-23``), then the number of pairs overall.

System events with modality ``planned`` are not scored: the gold lists only what happened.

Scores (micro-averaged over all articles)
    event precision / recall / F1 (matched pairs), date accuracy (consistent among matched),
    dated-event precision / recall / F1 (matched and consistent), actor precision / recall
    (canonical names, over matched pairs), and recall of ``core`` gold events.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cstotimeline import dates
from cstotimeline.records import Event

_WS = re.compile(r"\s+")
# Gold rows of two articles with the same date, this actor overlap (Jaccard) and this share of
# content words in their descriptions (overlap coefficient) report one happening.
SAME_HAPPENING_JACCARD = 0.6
SAME_HAPPENING_WORDS = 0.6
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "its",
        "it",
        "is",
        "are",
        "was",
        "were",
        "be",
        "as",
        "that",
        "this",
        "not",
        "no",
        "nor",
        "neither",
        "other",
        "others",
        "after",
        "before",
        "per",
    ]
)


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'s", ""))
    return {w for w in words if w not in _STOP and len(w) > 2}


_QUOTES = str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'", "«": '"', "»": '"'})


@dataclass(frozen=True)
class GoldEvent:
    article: str
    date: str
    precision: str
    event: str
    actors: tuple[str, ...]
    evidence: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    date_basis: str
    relevance: str


@dataclass
class ArticleResult:
    article: str
    gold: list[GoldEvent]
    system: list[Event]
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, system index)

    def consistent(self, gi: int, si: int) -> bool:
        return dates.refines(self.system[si].date, self.gold[gi].date)


@dataclass
class EventsReport:
    articles: list[ArticleResult]
    # Gold events that the merged, cross-document chronology reports as more than one event.
    duplicated: list[tuple[GoldEvent, GoldEvent]] = field(default_factory=list)
    merged_events: int = 0
    # Pairs of gold rows (different articles) that report one happening.
    happenings: int = 0

    def _counts(self) -> dict[str, float]:
        c = dict.fromkeys(
            (
                "gold",
                "system",
                "matched",
                "consistent",
                "core_gold",
                "core_matched",
                "actor_tp",
                "actor_sys",
                "actor_gold",
            ),
            0.0,
        )
        for a in self.articles:
            c["gold"] += len(a.gold)
            c["system"] += len(a.system)
            c["matched"] += len(a.pairs)
            c["core_gold"] += sum(g.relevance == "core" for g in a.gold)
            for gi, si in a.pairs:
                ok = a.consistent(gi, si)
                c["consistent"] += ok
                if a.gold[gi].relevance == "core":
                    c["core_matched"] += 1
                gold_actors = set(a.gold[gi].actors)
                sys_actors = set(a.system[si].actors)
                c["actor_tp"] += len(gold_actors & sys_actors)
                c["actor_sys"] += len(sys_actors)
                c["actor_gold"] += len(gold_actors)
        return c

    def scores(self) -> dict[str, float]:
        c = self._counts()

        def div(a: float, b: float) -> float:
            return round(a / b, 4) if b else 0.0

        def f1(p: float, r: float) -> float:
            return round(2 * p * r / (p + r), 4) if p + r else 0.0

        p, r = div(c["matched"], c["system"]), div(c["matched"], c["gold"])
        dp, dr = div(c["consistent"], c["system"]), div(c["consistent"], c["gold"])
        return {
            "gold_events": c["gold"],
            "system_events": c["system"],
            "matched": c["matched"],
            "precision": p,
            "recall": r,
            "f1": f1(p, r),
            "date_accuracy": div(c["consistent"], c["matched"]),
            "dated_precision": dp,
            "dated_recall": dr,
            "dated_f1": f1(dp, dr),
            "actor_precision": div(c["actor_tp"], c["actor_sys"]),
            "actor_recall": div(c["actor_tp"], c["actor_gold"]),
            "core_recall": div(c["core_matched"], c["core_gold"]),
            "merged_events": self.merged_events,
            "multi_source_happenings": self.happenings,
            "duplicated_happenings": len(self.duplicated),
        }


def _normalise(text: str) -> tuple[str, list[int]]:
    """Whitespace-folded, quote-folded text and a map from its positions to the original."""
    out: list[str] = []
    pos: list[int] = []
    prev_space = False
    for i, ch in enumerate(text.translate(_QUOTES)):
        if ch.isspace():
            if prev_space:
                continue
            ch = " "
            prev_space = True
        else:
            prev_space = False
        out.append(ch)
        pos.append(i)
    return "".join(out), pos


def locate(evidence: str, text: str) -> tuple[int, int] | None:
    """Character span of ``evidence`` in ``text`` (exact, else whitespace/quote-insensitive)."""
    i = text.find(evidence)
    if i >= 0:
        return i, i + len(evidence)
    norm_text, pos = _normalise(text)
    norm_ev, _ = _normalise(evidence.strip())
    i = norm_text.find(norm_ev)
    if i < 0 and len(norm_ev) > 60:
        # Truncated or lightly edited evidence: anchor on its first 60 characters.
        i = norm_text.find(norm_ev[:60])
        if i >= 0:
            end = min(len(pos) - 1, i + len(norm_ev) - 1)
            return pos[i], pos[end] + 1
    if i < 0:
        return None
    return pos[i], pos[i + len(norm_ev) - 1] + 1


def read_gold(path: Path, text: str) -> list[GoldEvent]:
    article = path.name.removesuffix(".gold.tsv")
    out: list[GoldEvent] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            evidence = tuple(
                e.strip() for e in (row.get("evidence") or "").split("||") if e.strip()
            )
            spans = tuple(s for s in (locate(e, text) for e in evidence) if s is not None)
            out.append(
                GoldEvent(
                    article=article,
                    date=(row.get("date") or "").strip(),
                    precision=(row.get("precision") or "").strip(),
                    event=(row.get("event") or "").strip(),
                    actors=tuple(
                        a.strip() for a in (row.get("actors") or "").split(";") if a.strip()
                    ),
                    evidence=evidence,
                    spans=spans,
                    date_basis=(row.get("date_basis") or "").strip(),
                    relevance=(row.get("relevance") or "").strip(),
                )
            )
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return False
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter >= min(20, shorter) or inter * 2 >= shorter


def match(gold: Sequence[GoldEvent], system: Sequence[Event], source: str) -> list[tuple[int, int]]:
    """One-to-one matching of candidate pairs: as many date-consistent pairs as possible, then
    as many pairs as possible; among equals, pairs whose actors agree more are preferred."""
    cand: dict[int, list[int]] = {}
    for gi, g in enumerate(gold):
        for si, e in enumerate(system):
            spans = [(m.start, m.end) for m in e.mentions if m.source == source]
            if any(_overlaps(s, gs) for s in spans for gs in g.spans):
                cand.setdefault(gi, []).append(si)

    def weight(gi: int, si: int) -> tuple[bool, float]:
        x, y = set(gold[gi].actors), set(system[si].actors)
        jaccard = len(x & y) / len(x | y) if x | y else 0.0
        return dates.refines(system[si].date, gold[gi].date), jaccard

    for gi in cand:
        cand[gi].sort(key=lambda si: weight(gi, si), reverse=True)
    owner: dict[int, int] = {}

    def augment(gi: int, allowed: dict[int, list[int]], seen: set[int]) -> bool:
        for si in allowed.get(gi, []):
            if si in seen:
                continue
            seen.add(si)
            if si not in owner or augment(owner[si], allowed, seen):
                owner[si] = gi
                return True
        return False

    consistent = {
        gi: [si for si in sis if dates.refines(system[si].date, gold[gi].date)]
        for gi, sis in cand.items()
    }
    order = sorted(
        cand,
        key=lambda gi: max((weight(gi, si) for si in cand[gi]), default=(False, 0)),
        reverse=True,
    )
    for gi in order:
        augment(gi, consistent, set())
    matched_gold = set(owner.values())
    # Then any candidate pair among what is left, without undoing consistent pairs.
    for gi in order:
        if gi in matched_gold:
            continue
        free = next((si for si in cand[gi] if si not in owner), None)
        if free is not None:
            owner[free] = gi
            matched_gold.add(gi)
    return sorted((gi, si) for si, gi in owner.items())


def evaluate_corpus(directory: Path, *, model: str | None = None) -> EventsReport:
    """Run extraction on each article of ``directory/index.tsv`` alone and score it."""
    from cstotimeline import ingest, nlp, pipeline

    manifest = directory / "index.tsv"
    entries = ingest.read_manifest(manifest)
    pipe = nlp.load(model)
    results: list[ArticleResult] = []
    sources: dict[str, str] = {}
    names = sorted({e.file for e in entries.values()})
    for name in names:
        path = directory / name
        gold_path = directory / (name.removesuffix(".txt") + ".gold.tsv")
        if not path.exists() or not gold_path.exists():
            continue
        docs = list(ingest.iter_documents([str(path)], manifest=manifest, warn=lambda _m: None))
        if not docs:
            continue
        document = docs[0]
        [(doc_, events)] = list(pipeline.extract([document], pipe))
        del doc_
        # The gold lists what happened: planned happenings are not scored.
        events = [e for e in events if e.modality != "planned"]
        full_text = path.read_text(encoding="utf-8-sig")
        gold = read_gold(gold_path, full_text)
        res = ArticleResult(article=name, gold=gold, system=events)
        res.pairs = match(gold, events, document.source)
        results.append(res)
        sources[name] = document.source
    report = EventsReport(results)
    _count_duplicates(report, sources)
    return report


def _count_duplicates(report: EventsReport, sources: dict[str, str]) -> None:
    """Merge every article's events into one chronology and count the gold happenings it
    reports as more than one event.

    Two gold rows of different articles with the same date, similar actors (Jaccard ≥
    ``SAME_HAPPENING_JACCARD``) and similar descriptions (overlap coefficient of content words
    ≥ ``SAME_HAPPENING_WORDS``) report one happening. The pair is *split* when the system
    events matched to the two rows end up in different merged events.
    """
    from cstotimeline.chronology import merge_events

    merged = merge_events(e for a in report.articles for e in a.system)
    report.merged_events = len(merged)
    owner = {(m.source, m.start, m.trigger): e.id for e in merged for m in e.mentions}
    rows: list[tuple[GoldEvent, set[str]]] = []
    for a in report.articles:
        for g_index, s_index in a.pairs:
            mentions = a.system[s_index].mentions
            ids = {owner.get((m.source, m.start, m.trigger), "") for m in mentions}
            rows.append((a.gold[g_index], ids - {""}))
    for i, (first, ids_i) in enumerate(rows):
        for second, ids_j in rows[i + 1 :]:
            if first.article == second.article or first.date != second.date:
                continue
            x, y = set(first.actors), set(second.actors)
            if not (x and y and len(x & y) / len(x | y) >= SAME_HAPPENING_JACCARD):
                continue
            u, v = _content_words(first.event), _content_words(second.event)
            if not (u and v and len(u & v) / min(len(u), len(v)) >= SAME_HAPPENING_WORDS):
                continue
            report.happenings += 1
            if ids_i and ids_j and not ids_i & ids_j:
                report.duplicated.append((first, second))


def format_report(report: EventsReport, *, verbose: bool = False) -> str:
    lines: list[str] = []
    header = f"{'article':52} {'gold':>4} {'sys':>4} {'match':>5} {'dated':>5}"
    lines.append(header)
    lines.append("-" * len(header))
    for a in report.articles:
        dated = sum(a.consistent(gi, si) for gi, si in a.pairs)
        lines.append(
            f"{a.article[:52]:52} {len(a.gold):4d} {len(a.system):4d} {len(a.pairs):5d} {dated:5d}"
        )
    s = report.scores()
    lines.append("")
    for key in (
        "precision",
        "recall",
        "f1",
        "date_accuracy",
        "dated_precision",
        "dated_recall",
        "dated_f1",
        "actor_precision",
        "actor_recall",
        "core_recall",
    ):
        lines.append(f"{key:18} {s[key]:.3f}")
    lines.append(f"{'merged events':18} {s['merged_events']} (all articles, one chronology)")
    lines.append(
        f"{'same happening':18} {s['multi_source_happenings']} gold pairs across articles, "
        f"{s['duplicated_happenings']} of them split into two events"
    )
    if verbose:
        for a in report.articles:
            matched_g = {gi: si for gi, si in a.pairs}
            matched_s = {si for _gi, si in a.pairs}
            lines.append("")
            lines.append(f"== {a.article}")
            for gi, g in enumerate(a.gold):
                if gi not in matched_g:
                    lines.append(f"  MISS      {g.date:10} {g.event}")
                elif not a.consistent(gi, matched_g[gi]):
                    e = a.system[matched_g[gi]]
                    lines.append(f"  WRONGDATE {g.date:10} got {e.date:10} {g.event}")
                else:
                    e = a.system[matched_g[gi]]
                    missing = sorted(set(g.actors) - set(e.actors))
                    extra = sorted(set(e.actors) - set(g.actors))
                    if missing or extra:
                        lines.append(f"  ACTORS    {g.date:10} -{missing} +{extra} {g.event}")
            for si, e in enumerate(a.system):
                if si not in matched_s:
                    lines.append(f"  SPURIOUS  {e.date:10} {e.event_type:16} {e.summary}")
        if report.duplicated:
            lines.append("")
            lines.append("== gold happenings reported as more than one event after merging")
            for g, h in report.duplicated:
                lines.append(f"  SPLIT     {g.date:10} {g.article}: {g.event}")
                lines.append(f"            {'':10} {h.article}: {h.event}")
    return "\n".join(lines)
