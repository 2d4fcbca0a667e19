"""The selector: two models fitted on the project's gold events, and the decoding that turns
their scores into events.

- The **event model** scores each candidate: does this clause (or event noun) tell a dated
  happening the chronology should list? It reads the candidate's features and a summary of
  its date options (whether it has a date of its own, how precise, how far from publication).
- The **date model** scores each of a candidate's date options: is this the date of the
  happening? It is fitted on the candidates that tell gold events only, so it learns anchoring
  (which expression governs the clause, when the narrative's or the publication's date holds)
  apart from whether there is an event at all.

Both are gradient-boosted decision trees (fitted with scikit-learn by ``make train``, see
``cstotimeline.training``) exported to ``data/selector.json``: feature names, trees as flat
arrays, the learning rate and the prior, and the event threshold. Scoring is plain Python, so
running the tool needs no scikit-learn; the file is read once, when first needed.

Decoding: a candidate's date is its option the date model finds most probable, and its
probability is the geometric mean of the event model's and that one; it is kept when that
reaches the threshold. Within a sentence, candidates on compatible dates tell one happening (a
report and what it reports: "the minister said that Armenia had left …"): the most probable
gives the date and the most specific names it (the act, not the report). A coordinated clause
with a subject of its own is a happening of its own. (Keeping a second candidate of another
type, "the leaders met …, Armenia stayed away", lost more precision than it gained recall in
cross-validation.)
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cstotimeline import dates

if TYPE_CHECKING:
    from cstotimeline.events.anchoring import DateOption
    from cstotimeline.events.mention import Candidate

FORMAT = 2
_PRECISION = {"year": 1.0, "month": 2.0, "day": 3.0}


@dataclass(frozen=True)
class Tree:
    feature: tuple[int, ...]  # -1 at a leaf
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def predict(self, x: Sequence[float]) -> float:
        node = 0
        feature, threshold, left, right = self.feature, self.threshold, self.left, self.right
        while feature[node] >= 0:
            node = left[node] if x[feature[node]] <= threshold[node] else right[node]
        return self.value[node]


@dataclass(frozen=True)
class Model:
    """Gradient-boosted trees for one binary decision."""

    features: tuple[str, ...]
    trees: tuple[Tree, ...]
    learning_rate: float
    prior: float

    @functools.cached_property
    def index(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.features)}

    def probability(self, features: Mapping[str, float]) -> float:
        x = [0.0] * len(self.features)
        index = self.index
        for name, value in features.items():
            i = index.get(name)
            if i is not None:
                x[i] = quantize(value)
        raw = self.prior + self.learning_rate * sum(t.predict(x) for t in self.trees)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, raw))))

    @functools.cached_property
    def _arrays(self) -> tuple[Any, ...]:
        """The trees as padded arrays (tree × node): a leaf has feature 0, threshold +inf and
        itself as both children, so walking ``depth`` steps from the root always ends on a
        leaf."""
        import numpy as np

        n = max(len(t.feature) for t in self.trees)
        count = len(self.trees)
        feature = np.zeros((count, n), dtype=np.intp)
        threshold = np.full((count, n), np.inf)
        left = np.tile(np.arange(n, dtype=np.intp), (count, 1))
        right = left.copy()
        value = np.zeros((count, n))
        depth = 0
        for k, t in enumerate(self.trees):
            for node, f in enumerate(t.feature):
                value[k, node] = t.value[node]
                if f >= 0:
                    feature[k, node] = f
                    threshold[k, node] = t.threshold[node]
                    left[k, node] = t.left[node]
                    right[k, node] = t.right[node]
            depth = max(depth, _depth(t))
        return feature, threshold, left, right, value, depth

    def probabilities(self, rows: Sequence[Mapping[str, float]]) -> list[float]:
        """``probability`` of many rows at once (numpy, all trees together)."""
        if not rows:
            return []
        import numpy as np

        feature, threshold, left, right, value, depth = self._arrays
        index = self.index
        x = np.zeros((len(rows), len(self.features) or 1))
        rs: list[int] = []
        cs: list[int] = []
        vs: list[float] = []
        for r, row in enumerate(rows):
            for name, v in row.items():
                i = index.get(name)
                if i is not None:
                    rs.append(r)
                    cs.append(i)
                    vs.append(v)
        x[rs, cs] = vs
        x = np.round(x * 256) / 256  # as ``quantize``
        trees = np.arange(len(self.trees))[None, :]
        samples = np.arange(len(rows))[:, None]
        node = np.zeros((len(rows), len(self.trees)), dtype=np.intp)
        for _ in range(depth):
            go_left = x[samples, feature[trees, node]] <= threshold[trees, node]
            node = np.where(go_left, left[trees, node], right[trees, node])
        raw = self.prior + self.learning_rate * value[trees, node].sum(axis=1)
        return [float(v) for v in 1.0 / (1.0 + np.exp(-np.clip(raw, -50.0, 50.0)))]

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "learning_rate": self.learning_rate,
            "prior": self.prior,
            "trees": [
                {
                    "feature": list(t.feature),
                    "threshold": list(t.threshold),
                    "left": list(t.left),
                    "right": list(t.right),
                    "value": list(t.value),
                }
                for t in self.trees
            ],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Model:
        trees = tuple(
            Tree(
                tuple(int(v) for v in t["feature"]),
                tuple(float(v) for v in t["threshold"]),
                tuple(int(v) for v in t["left"]),
                tuple(int(v) for v in t["right"]),
                tuple(float(v) for v in t["value"]),
            )
            for t in data["trees"]
        )
        return cls(
            tuple(data["features"]), trees, float(data["learning_rate"]), float(data["prior"])
        )


def _depth(t: Tree) -> int:
    """The number of splits on the longest path from the root of ``t`` to a leaf."""
    depth = {0: 0}
    deepest = 0
    for node in range(len(t.feature)):
        if t.feature[node] >= 0:
            for child in (t.left[node], t.right[node]):
                depth[child] = depth[node] + 1
                deepest = max(deepest, depth[child])
    return deepest


@dataclass(frozen=True)
class Selector:
    event: Model
    date: Model
    threshold: float
    meta: Mapping[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "threshold": self.threshold,
            "meta": dict(self.meta),
            "event": self.event.to_json(),
            "date": self.date.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Selector:
        if data.get("format") != FORMAT:
            raise ValueError(f"selector: unknown format {data.get('format')!r}")
        return cls(
            Model.from_json(data["event"]),
            Model.from_json(data["date"]),
            float(data["threshold"]),
            dict(data.get("meta", {})),
        )

    @classmethod
    def load(cls, path: Path) -> Selector:
        with path.open(encoding="utf-8") as fh:
            return cls.from_json(json.load(fh))


@functools.cache
def default_selector() -> Selector:
    """The packaged selector (``data/selector.json``), read once per process."""
    text = resources.files("cstotimeline").joinpath("data/selector.json").read_text("utf-8")
    return Selector.from_json(json.loads(text))


def quantize(value: float) -> float:
    """Feature values on a grid of 1/256: exact in the 32-bit floats scikit-learn's trees
    split on and in Python's floats, so the exported trees decide as the fitted ones."""
    return round(float(value) * 256) / 256


def event_features(c: Candidate) -> dict[str, float]:
    """A candidate's features with a summary of its date options."""
    f = dict(c.features)
    for o in c.options:
        rel = o.relation
        f[f"has_{rel}"] = 1.0
        if rel in ("own", "coord", "ancestor", "descendant", "other", "offset"):
            key = f"{rel}_precision"
            f[key] = max(f.get(key, 0.0), _PRECISION[o.precision])
            if o.features.get("nominal_year") or o.features.get("in_name"):
                f[f"{rel}_nominal"] = 1.0
            for k in (
                "days=future",
                "days=older",
                "days=year",
                "days=covers",
                "days=week",
                "days=month",
            ):
                if o.features.get(k):
                    f[f"{rel}_{k}"] = 1.0
            if o.features.get("t_quote"):
                f[f"{rel}_quoted"] = 1.0
            if o.basis == "explicit":
                f[f"{rel}_explicit"] = 1.0
        elif rel == "narrative":
            f["narrative_precision"] = _PRECISION[o.precision]
            for k, v in o.features.items():
                if k.startswith(("back=", "paras_back=", "from_heading", "days=")):
                    f[f"narrative_{k}"] = v
    return f


_CASCADE = {
    "own": 0,
    "offset_told": 1,
    "offset": 1,
    "coord": 2,
    "told": 3,
    "ancestor": 4,
    "narrative": 6,
    "story": 7,
    "publication": 8,
    "descendant": 9,
    "other": 10,
}


def cascade_key(o: DateOption) -> tuple[float, ...]:
    """The order in which the structure of the text prefers dates: the clause's own
    expression (a full one before an offset, the finest, not a year inside a name), an offset
    or a happening the clause refers back to, a coordinated or governing clause's date, the
    narrative's time, the publication date, and last the dates of other clauses."""
    f = o.features
    nominal = f.get("nominal_year", 0.0) + f.get("in_name", 0.0)
    return (
        float(_CASCADE.get(o.relation, 11)) + 5.0 * float(nominal > 0),
        f.get("year_from_story", 0.0),
        f.get("anaphoric", 0.0),
        -_PRECISION[o.precision],
        f.get("t_quote", 0.0),
    )


def date_features(c: Candidate, o: DateOption) -> dict[str, float]:
    """An option's features, with the candidate's and how the option compares with the
    candidate's other options (the most precise of its own dates, an explicit one beside an
    anaphoric one)."""
    f = {**c.features, **o.features}
    own = [x for x in c.options if x.relation == o.relation and x is not o]
    f["same_relation_others"] = float(len(own))
    f["finer_sibling"] = float(any(_PRECISION[x.precision] > _PRECISION[o.precision] for x in own))
    f["explicit_sibling"] = float(any(x.basis == "explicit" and o.basis != "explicit" for x in own))
    f["n_options"] = float(len(c.options))
    f["value_shared"] = float(sum(x.value == o.value for x in c.options) - 1)
    ranked = sorted(c.options, key=cascade_key)
    rank = next(i for i, x in enumerate(ranked) if x is o)
    f["cascade_rank"] = float(min(rank, 5))
    f["cascade_value"] = float(ranked[0].value == o.value)
    return f


@dataclass(frozen=True, slots=True)
class Choice:
    candidate: Candidate
    option: DateOption
    probability: float  # of the event
    date_probability: float
    alternatives: tuple[tuple[DateOption, float], ...]


def score(
    candidates: Sequence[Candidate], selector: Selector, threshold: float = 0.0
) -> list[Choice]:
    """Every candidate with its event probability and its options by date probability.

    The kept probability is at most the square root of the event probability, so candidates
    whose event probability is below ``threshold`` squared cannot be kept: their dates are
    not scored (their choice is their first option, with probability 0)."""
    cands = [c for c in candidates if c.options]
    events = selector.event.probabilities([event_features(c) for c in cands])
    alive = [pe >= threshold * threshold for pe in events]
    flat = [(c, o) for c, ok in zip(cands, alive, strict=True) if ok for o in c.options]
    dated = iter(selector.date.probabilities([date_features(c, o) for c, o in flat]))
    out: list[Choice] = []
    for c, pe, ok in zip(cands, events, alive, strict=True):
        if not ok:
            out.append(Choice(c, c.options[0], 0.0, 0.0, ()))
            continue
        scored = sorted(((o, next(dated)) for o in c.options), key=lambda op: -op[1])
        best, pd = scored[0]
        # the probability of the event on its date: the geometric mean of the two models'
        out.append(Choice(c, best, math.sqrt(pe * pd), pd, tuple(scored[1:])))
    return out


def one_happening(a: Candidate, b: Candidate) -> bool:
    """Two candidates of one sentence on compatible dates tell one happening (a report and the
    act it reports, a verb and its event noun), unless one is a coordinated clause with a
    subject of its own ("Armenia refused to attend and Belarus refused to sign")."""
    if a.sentence_start != b.sentence_start:
        return False
    for x, y in ((a, b), (b, a)):
        if x.features.get("own_conjunct") and y.token_index in x.lineage:
            return False
    return True


_GENERIC = frozenset({"statement", "other"})


def _named(group: list[Choice]) -> Choice:
    """A happening of a sentence: its most probable candidate's date, named by its most
    specific candidate: a report ("the minister said that Armenia had left …") by the act it
    reports, when that act is the report's own clause or below it; an event noun by the act
    that governs it."""
    best = max(group, key=lambda ch: ch.probability)
    if best.candidate.event_type not in _GENERIC:
        # an event noun that a specific act governs is that act's participant ("refused to
        # attend the summit"): the sentence tells the act
        acts = [
            ch
            for ch in group
            if best.candidate.kind == "noun"
            and ch.candidate.kind == "verb"
            and ch.candidate.event_type not in _GENERIC
            and ch.candidate.token_index in best.candidate.lineage
        ]
    else:
        acts = [
            ch
            for ch in group
            if ch.candidate.event_type not in _GENERIC
            and best.candidate.token_index in ch.candidate.lineage
        ]
    if not acts:
        return best
    act = max(acts, key=lambda ch: ch.probability).candidate
    named = dataclasses.replace(
        best.candidate,
        trigger=act.trigger,
        event_type=act.event_type,
        summary=act.summary,
        actors=tuple(dict.fromkeys((*act.actors, *best.candidate.actors))),
    )
    return dataclasses.replace(best, candidate=named)


def decode(choices: Sequence[Choice], threshold: float) -> list[Choice]:
    """The choices kept: at or above ``threshold``, one per happening of a sentence."""
    kept = [ch for ch in choices if ch.probability >= threshold]
    kept.sort(key=lambda ch: -ch.probability)
    groups: list[list[Choice]] = []
    for ch in kept:
        group = next(
            (
                g
                for g in groups
                if one_happening(g[0].candidate, ch.candidate)
                and dates.compatible(g[0].option.value, ch.option.value)
            ),
            None,
        )
        if group is None:
            groups.append([ch])
        else:
            group.append(ch)
    out = [_named(g) for g in groups]
    out.sort(key=lambda ch: (ch.candidate.start, ch.candidate.token_index))
    return out
