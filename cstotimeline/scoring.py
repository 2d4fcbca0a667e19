"""Scoring events against gold: the acceptance rule of ``../shared/tools/score_events.py``.

A system event matches a gold event when one of its mention sentences and one gold evidence
piece contain each other (after normalising case, spaces and quotes) or share at least 60% of
the word types of the smaller (with a Jaccard overlap of at least 0.3). Matching is one-to-one,
greedy by similarity. A matched event's date is right when it equals the gold date or refines
it (starts with it). Dated-event F1 is 2 × (date-right matches) / (system + gold).

The same rule and figures as the acceptance scorer, so ``cstotimeline evaluate events``, the
training code and the scorer agree on the same files (a test checks it).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MATCH = 0.6
ALIASES = {
    "pashinian": "nikol pashinyan",
    "pashinián": "nikol pashinyan",
    "lukashenka": "alexander lukashenko",
    "collective security treaty organization": "csto",
    "us": "united states",
    "usa": "united states",
    "eu": "european union",
}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    s = (
        s.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )
    return re.sub(r"\s+", " ", s).strip().lower()


def words(s: str) -> set[str]:
    return set(re.findall(r"\w+", norm(s)))


def sim(a: str, b: str) -> float:
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    wa, wb = words(a), words(b)
    shared = len(wa & wb)
    if shared / max(1, len(wa | wb)) < 0.3:
        return 0.0
    return shared / max(1, min(len(wa), len(wb)))


def actor_key(a: str) -> str:
    k = norm(a)
    k = ALIASES.get(k, k)
    return unicodedata.normalize("NFKD", k).encode("ascii", "ignore").decode()


@dataclass(frozen=True)
class GoldRow:
    date: str
    precision: str
    event: str
    actors: frozenset[str]
    pieces: tuple[str, ...]
    date_basis: str
    relevance: str


def load_gold(path: Path) -> list[GoldRow]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [
        GoldRow(
            date=(r.get("date") or "").strip(),
            precision=(r.get("precision") or "").strip(),
            event=(r.get("event") or "").strip(),
            actors=frozenset(actor_key(a) for a in (r.get("actors") or "").split(";") if a.strip()),
            pieces=tuple(p.strip() for p in (r.get("evidence") or "").split("||") if p.strip()),
            date_basis=(r.get("date_basis") or "").strip(),
            relevance=(r.get("relevance") or "").strip(),
        )
        for r in rows
    ]


def _sentences(event: Mapping[str, Any]) -> list[str]:
    return [str(m.get("sentence", "")) for m in event.get("mentions", [])]


def match(gold: Sequence[GoldRow], system: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs, greedy by similarity."""
    cands: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            best = max((sim(m, p) for m in _sentences(s) for p in g.pieces), default=0.0)
            if best >= MATCH:
                cands.append((best, gi, si))
    cands.sort(reverse=True)
    gm: set[int] = set()
    sm: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, si in cands:
        if gi in gm or si in sm:
            continue
        gm.add(gi)
        sm.add(si)
        pairs.append((gi, si))
    return pairs


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    matched: int = 0
    date_ok: int = 0
    core_gold: int = 0
    core_matched: int = 0
    actor_gold: int = 0
    actor_hit: int = 0
    actor_sys: int = 0
    actor_sys_hit: int = 0
    misses: list[tuple[str, GoldRow]] = field(default_factory=list)
    wrong_dates: list[tuple[str, GoldRow, str]] = field(default_factory=list)
    spurious: list[tuple[str, Mapping[str, Any]]] = field(default_factory=list)

    def add(self, name: str, gold: Sequence[GoldRow], system: Sequence[Mapping[str, Any]]) -> None:
        pairs = match(gold, system)
        self.gold += len(gold)
        self.system += len(system)
        self.matched += len(pairs)
        self.core_gold += sum(g.relevance == "core" for g in gold)
        self.core_matched += sum(gold[gi].relevance == "core" for gi, _ in pairs)
        for gi, si in pairs:
            g, s = gold[gi], system[si]
            sd = str(s.get("date") or "")
            ok = sd.startswith(g.date)
            self.date_ok += ok
            if not ok:
                self.wrong_dates.append((name, g, sd))
            sa = {
                actor_key(x if isinstance(x, str) else str(x.get("name", "")))
                for x in s.get("actors", [])
            }
            self.actor_gold += len(g.actors)
            self.actor_hit += len(g.actors & sa)
            self.actor_sys += len(sa)
            self.actor_sys_hit += len(sa & g.actors)
        matched_g = {gi for gi, _ in pairs}
        matched_s = {si for _, si in pairs}
        self.misses.extend((name, g) for gi, g in enumerate(gold) if gi not in matched_g)
        self.spurious.extend((name, s) for si, s in enumerate(system) if si not in matched_s)

    def scores(self) -> dict[str, float | int]:
        """The acceptance scorer's figures (same keys, same rounding)."""
        p = self.matched / self.system if self.system else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        res: dict[str, float | int] = {
            "gold": self.gold,
            "system": self.system,
            "matched": self.matched,
            "event_P": p,
            "event_R": r,
            "event_F1": f,
            "core_R": self.core_matched / self.core_gold if self.core_gold else 0.0,
            "date_acc": self.date_ok / self.matched if self.matched else 0.0,
            "dated_event_F1": 2 * self.date_ok / (self.system + self.gold)
            if self.system + self.gold
            else 0.0,
            "actor_R": self.actor_hit / self.actor_gold if self.actor_gold else 0.0,
            "actor_P": self.actor_sys_hit / self.actor_sys if self.actor_sys else 0.0,
        }
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in res.items()}


def tally(articles: Iterable[tuple[str, Sequence[GoldRow], Sequence[Mapping[str, Any]]]]) -> Tally:
    t = Tally()
    for name, gold, system in articles:
        t.add(name, gold, system)
    return t
