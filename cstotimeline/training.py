"""Fitting the selector on gold events, and grouped cross-validation by article.

Gold corpora are folders in the format of ``../shared/corpus`` (``index.tsv`` with ``file`` and
``published``; ``NAME.txt``; ``NAME.gold.tsv``). Each article is read as ``cstotimeline
extract --published DATE FILE`` reads it, parsed, and turned into candidates
(``events.propose``). A candidate's (candidate, date option) pairs are labelled from the gold:

- the sentences that match a gold event's evidence (the acceptance scorer's rule,
  ``scoring.sim``) hold its candidates; of those, the one whose words and actors best fit the
  gold description (its trigger named in it, its clause the main one) is the event's; its
  options whose date is consistent with the gold date are positive;
- for an event told in several sentences, the sentence with the best-fitting candidate is the
  one labelled; the others are left out of training (reporting the happening there too is
  right if the merge joins it, wrong otherwise);
- every other pair is negative.

The model is scikit-learn's gradient boosting on those pairs, exported to
``data/selector.json`` (``events.selection``). The decision threshold is the one that
maximises dated-event F1 over out-of-fold predictions. ``make train`` runs ``fit``;
``cross-validate`` reports grouped cross-validation by article and writes each article's
held-out events as JSONL, for ``../shared/tools/score_events.py`` to score (``show``
prints one). scikit-learn is needed here only (the ``train`` extra), never to run the tool.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import pickle
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from cstotimeline import scoring
from cstotimeline.events.mention import Candidate
from cstotimeline.events.selection import (
    Model,
    Selector,
    Tree,
    date_features,
    event_features,
    quantize,
)

CACHE = Path(".cache/candidates")
# Gradient boosting, fixed: fitted once per fold, never tuned on a held-out article.
PARAMS = {
    "n_estimators": 150,
    "max_depth": 3,
    "learning_rate": 0.05,
    "subsample": 0.8,
    "min_samples_leaf": 5,
    "random_state": 0,
}
# Refits on the labels the last model chooses (see ``fit``).
ROUNDS = 1
THRESHOLDS = tuple(round(0.2 + 0.025 * i, 3) for i in range(21))
_WORD = re.compile(r"[a-z]+")


@dataclass
class Article:
    corpus: str
    name: str
    path: Path
    published: str
    gold: list[scoring.GoldRow]
    candidates: list[Candidate]
    relevance: str

    @property
    def key(self) -> str:
        return f"{self.corpus}/{self.name}"


def default_corpora(shared: Path | None = Path("../shared")) -> list[Path]:
    """The project's gold: the shared development corpus (when present) and the sets in the
    repository."""
    here = Path(__file__).resolve().parent.parent
    out = []
    if shared is not None and (shared / "corpus" / "index.tsv").exists():
        out.append(shared / "corpus")
    for rel in ("tests/data/heldout", "tests/data/blind", "tests/data/web", "data/samples"):
        if (here / rel / "index.tsv").exists():
            out.append(here / rel)
    return out


def _code_digest() -> str:
    """A digest of everything candidates depend on (code and data files)."""
    h = hashlib.sha256()
    root = resources.files("cstotimeline")
    for sub in ("events", "timex", "."):
        folder = Path(str(root.joinpath(sub)))
        for p in sorted(folder.glob("*.py")):
            h.update(p.read_bytes())
    for p in sorted(Path(str(root.joinpath("data"))).glob("*.toml")):
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def load_articles(
    corpora: Sequence[Path], *, model: str | None = None, cache: bool = True
) -> list[Article]:
    """Every gold article of ``corpora`` with its candidates (cached on disk by content and
    code digest)."""
    from cstotimeline import ingest, nlp, pipeline

    digest = _code_digest()
    pending: list[tuple[str, str, Path, str, list[scoring.GoldRow], Path]] = []
    out: list[Article] = []
    for folder in corpora:
        with (folder / "index.tsv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        for row in rows:
            path = folder / row["file"]
            gold_path = folder / (row["file"].removesuffix(".txt") + ".gold.tsv")
            if not path.exists() or not gold_path.exists():
                continue
            gold = scoring.load_gold(gold_path)
            key = hashlib.sha256(
                path.read_bytes()
                + row["published"].encode()
                + digest.encode()
                + str(model).encode()
            ).hexdigest()[:24]
            cached = CACHE / f"{key}.pkl"
            if cache and cached.exists():
                with cached.open("rb") as fh:
                    cands, rel = pickle.load(fh)
                out.append(
                    Article(folder.name, row["file"], path, row["published"], gold, cands, rel)
                )
            else:
                pending.append((folder.name, row["file"], path, row["published"], gold, cached))
    if pending:
        pipe = nlp.load(model)
        for corpus, name, path, published, gold, cached in pending:
            docs = list(
                ingest.iter_documents(
                    [str(path)], published=dt.date.fromisoformat(published), warn=lambda _m: None
                )
            )
            [(document, parsed)] = list(pipeline.parse(docs, pipe))
            proposal = pipeline.document_candidates(document, parsed)
            cands, rel = proposal.candidates, proposal.relevance
            if cache:
                cached.parent.mkdir(parents=True, exist_ok=True)
                with cached.open("wb") as fh:
                    pickle.dump((cands, rel), fh)
            out.append(Article(corpus, name, path, published, gold, cands, rel))
    out.sort(key=lambda a: a.key)
    return out


# -- labels ---------------------------------------------------------------------------------


def _prior(c: Candidate, g: scoring.GoldRow) -> float:
    """How likely a candidate is to be the clause that tells a gold event, before any model:
    a main clause with a typed trigger named in the gold description, its actors."""
    desc = {w[:4] for w in _WORD.findall(g.event.lower()) if len(w) > 2}
    score = 2.0 * float(c.trigger[:4] in desc)
    actors = {scoring.actor_key(a) for a in c.actors}
    score += len(actors & g.actors) / max(1, len(g.actors))
    score -= 0.7 * float(c.features.get("depth", 0))
    score -= 0.5 * float(c.kind == "noun") + 0.5 * float(c.event_type == "other")
    return score


Chooser = Callable[[Article, int, scoring.GoldRow], float]


def prior_chooser(article: Article, ci: int, g: scoring.GoldRow) -> float:
    return _prior(article.candidates[ci], g)


def model_chooser(selector: Selector) -> Chooser:
    """The candidate the models find most probable as an event on the gold date tells it."""

    def choose(article: Article, ci: int, g: scoring.GoldRow) -> float:
        c = article.candidates[ci]
        pe = selector.event.probability(event_features(c))
        pd = max(
            selector.date.probability(date_features(c, o))
            for o in c.options
            if consistent(o.value, g.date)
        )
        return pe * pd

    return choose


def consistent(value: str, gold_date: str) -> bool:
    return value.startswith(gold_date)


def _assign(article: Article, chooser: Chooser) -> tuple[dict[int, str], dict[int, list[str]]]:
    """Which candidate tells each gold event (with the gold date), and the dates each other
    candidate of a gold sentence could also tell.

    For each gold event, the candidates of the sentence that best matches its evidence (the
    acceptance scorer's rule) that have an option on its date form a bag; ``chooser`` picks the
    one that tells it. The bag's other candidates on that date, and those of the other
    sentences that retell the event, could tell it too: training leaves them out (decoding
    keeps one event per sentence and date).
    """
    cands = article.candidates
    by_sentence: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        by_sentence.setdefault(c.start, []).append(i)
    sentence_text = {s: cands[idx[0]].sentence for s, idx in by_sentence.items()}
    positive: dict[int, str] = {}  # candidate -> gold date
    ignored: dict[int, list[str]] = {}  # candidate -> dates left out
    for g in article.gold:
        sims = sorted(
            ((max(scoring.sim(t, p) for p in g.pieces), s) for s, t in sentence_text.items()),
            key=lambda x: (-x[0], x[1]),
        )
        matches = [s for v, s in sims if v >= scoring.MATCH]
        bag: list[int] = []
        for s in matches:
            bag = [
                ci
                for ci in by_sentence[s]
                if ci not in positive
                and any(consistent(o.value, g.date) for o in cands[ci].options)
            ]
            if bag:
                break
        for s in matches:
            for ci in by_sentence[s]:
                ignored.setdefault(ci, []).append(g.date)
        if not bag:
            continue
        best = max(bag, key=lambda ci: (chooser(article, ci, g), -ci))
        positive[best] = g.date
    return positive, ignored


def event_labels(article: Article, chooser: Chooser = prior_chooser) -> list[tuple[int, int]]:
    """(candidate index, label): 1 for the candidate that tells a gold event; candidates of
    the same sentences that could also tell it on its date are left out."""
    positive, ignored = _assign(article, chooser)
    out: list[tuple[int, int]] = []
    for ci, c in enumerate(article.candidates):
        if ci in positive:
            out.append((ci, 1))
        elif not any(consistent(o.value, d) for o in c.options for d in ignored.get(ci, ())):
            out.append((ci, 0))
    return out


def date_labels(article: Article, chooser: Chooser = prior_chooser) -> list[tuple[int, int, int]]:
    """(candidate index, option index, label) for the options of every candidate used in
    training: 1 when the candidate tells a gold event and the option's date is consistent
    with the gold date. Negative candidates teach the model too: their dates are no event's."""
    positive, ignored = _assign(article, chooser)
    out = []
    for ci, c in enumerate(article.candidates):
        for oi, o in enumerate(c.options):
            if ci in positive:
                out.append((ci, oi, int(consistent(o.value, positive[ci]))))
            elif not any(consistent(o.value, d) for d in ignored.get(ci, ())):
                out.append((ci, oi, 0))
    return out


# -- fitting --------------------------------------------------------------------------------


def _boost(rows: list[dict[str, float]], ys: list[int]) -> Model:
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier

    names = sorted({k for r in rows for k in r})
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)), dtype=np.float64)
    for r, row in enumerate(rows):
        for k, v in row.items():
            x[r, index[k]] = quantize(v)
    y = np.array(ys)
    clf = GradientBoostingClassifier(**PARAMS)
    clf.fit(x, y)
    prior = float(clf._raw_predict_init(x[:1])[0, 0])
    trees = []
    for est in clf.estimators_[:, 0]:
        t = est.tree_
        trees.append(
            Tree(
                tuple(int(f) if f >= 0 else -1 for f in t.feature),
                tuple(float(v) for v in t.threshold),
                tuple(int(v) for v in t.children_left),
                tuple(int(v) for v in t.children_right),
                tuple(round(float(v), 9) for v in t.value[:, 0, 0]),
            )
        )
    model = Model(tuple(names), tuple(trees), float(PARAMS["learning_rate"]), round(prior, 9))
    # the exported trees must score as scikit-learn does
    probe = x[: min(len(x), 300)]
    ours = np.array([model.probability(dict(zip(names, row, strict=True))) for row in probe])
    theirs = clf.predict_proba(probe)[:, 1]
    if not np.allclose(ours, theirs, atol=1e-5):
        bad = int(np.argmax(np.abs(ours - theirs)))
        raise RuntimeError(
            f"exported selector disagrees with scikit-learn: {ours[bad]} {theirs[bad]}"
        )
    return model


def fit(
    articles: Sequence[Article],
    *,
    threshold: float = 0.5,
    meta: dict[str, Any] | None = None,
    rounds: int = ROUNDS,
) -> Selector:
    """A selector fitted on ``articles``: first on the labels the prior chooses, then
    ``rounds`` times again on the labels the last models choose (which candidate of a gold
    sentence tells the event is not annotated)."""
    sel = _fit_once(articles, prior_chooser, threshold, meta)
    for _ in range(rounds):
        sel = _fit_once(articles, model_chooser(sel), threshold, meta)
    return sel


def _fit_once(
    articles: Sequence[Article], chooser: Chooser, threshold: float, meta: dict[str, Any] | None
) -> Selector:
    ev_rows: list[dict[str, float]] = []
    ev_y: list[int] = []
    dt_rows: list[dict[str, float]] = []
    dt_y: list[int] = []
    for a in articles:
        for ci, y in event_labels(a, chooser):
            ev_rows.append(event_features(a.candidates[ci]))
            ev_y.append(y)
        for ci, oi, y in date_labels(a, chooser):
            c = a.candidates[ci]
            dt_rows.append(date_features(c, c.options[oi]))
            dt_y.append(y)
    return Selector(_boost(ev_rows, ev_y), _boost(dt_rows, dt_y), threshold, meta or {})


def predict(
    article: Article, selector: Selector, threshold: float | None = None
) -> list[dict[str, Any]]:
    """The article's events as the acceptance scorer reads them (the JSONL of ``extract``)."""
    from cstotimeline.events import select_events
    from cstotimeline.export import event_dict

    events = select_events(
        article.candidates,
        article.relevance,
        selector=selector,
        threshold=threshold,
    )
    return [event_dict(e) for e in events]


def _folds(articles: Sequence[Article], k: int, seed: int | None = None) -> list[list[int]]:
    """``k`` folds by article: balanced by gold events, or shuffled by ``seed``
    (deterministic either way)."""
    if seed is not None:
        import random

        order = list(range(len(articles)))
        random.Random(seed).shuffle(order)
        return [order[j::k] for j in range(k)]
    order = sorted(range(len(articles)), key=lambda i: (-len(articles[i].gold), articles[i].key))
    folds: list[list[int]] = [[] for _ in range(k)]
    sizes = [0] * k
    for i in order:
        f = min(range(k), key=lambda j: (sizes[j], j))
        folds[f].append(i)
        sizes[f] += len(articles[i].gold)
    return folds


def choose_threshold(articles: Sequence[Article], k: int = 5, repeats: int = 3) -> float:
    """The threshold maximising dated-event F1 over out-of-fold predictions on ``articles``,
    averaged over ``repeats`` shuffled ``k``-fold splits by article (one split is too noisy
    a guide on a few dozen articles)."""
    totals = dict.fromkeys(THRESHOLDS, 0.0)
    for seed in range(repeats):
        scored: list[tuple[Article, Selector]] = []
        for fold in _folds(articles, min(k, len(articles)), seed=seed):
            train = [a for i, a in enumerate(articles) if i not in fold]
            sel = fit(train)
            scored.extend((articles[i], sel) for i in fold)
        for th in THRESHOLDS:
            t = scoring.tally((a.key, a.gold, predict(a, sel, th)) for a, sel in scored)
            totals[th] += float(t.scores()["dated_event_F1"])
    return max(THRESHOLDS, key=lambda th: (round(totals[th], 6), th))


def cross_validate(
    articles: Sequence[Article], k: int = 5, out: Path | None = None, *, inner: bool = True
) -> dict[str, Any]:
    """Grouped k-fold cross-validation by article: every article's events come from a model
    that never saw it (nor chose its threshold on it)."""
    folds = _folds(articles, k)
    predictions: dict[str, list[dict[str, Any]]] = {}
    for fold in folds:
        train = [a for i, a in enumerate(articles) if i not in fold]
        th = choose_threshold(train) if inner else 0.5
        sel = fit(train, threshold=th)
        for i in fold:
            predictions[articles[i].key] = predict(articles[i], sel)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for a in articles:
            target = out / _prediction_name(a.path)
            with target.open("w", encoding="utf-8") as fh:
                for e in predictions[a.key]:
                    fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    by_corpus: dict[str, list[Article]] = {}
    for a in articles:
        by_corpus.setdefault(a.corpus, []).append(a)
    report: dict[str, Any] = {
        "all": scoring.tally((a.key, a.gold, predictions[a.key]) for a in articles).scores()
    }
    for corpus, arts in sorted(by_corpus.items()):
        report[corpus] = scoring.tally((a.key, a.gold, predictions[a.key]) for a in arts).scores()
    return report


def _prediction_name(path: Path) -> str:
    return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16] + ".jsonl"


# -- command line -----------------------------------------------------------------------------


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m cstotimeline.training", description=__doc__.split("\n\n")[0]
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("fit", "cross-validate"):
        p = sub.add_parser(name)
        p.add_argument("--corpus", action="append", type=Path, help="gold folder (repeatable)")
        p.add_argument("--shared", type=Path, default=Path("../shared"))
        p.add_argument("--model", help="spaCy pipeline")
        p.add_argument("--no-cache", action="store_true")
        if name == "fit":
            p.add_argument(
                "-o", "--output", type=Path, default=Path("cstotimeline/data/selector.json")
            )
        else:
            p.add_argument("-k", type=int, default=5)
            p.add_argument("--out", type=Path, default=Path(".cache/cv"))
    p = sub.add_parser("show")
    p.add_argument("out", type=Path)
    p.add_argument("file", type=Path)
    a = ap.parse_args(list(argv) if argv is not None else None)
    if a.cmd == "show":
        sys.stdout.write((a.out / _prediction_name(a.file)).read_text(encoding="utf-8"))
        return 0
    corpora = a.corpus or default_corpora(a.shared)
    articles = load_articles(corpora, model=a.model, cache=not a.no_cache)
    print(
        f"{len(articles)} articles, {sum(len(x.gold) for x in articles)} gold events, "
        f"{sum(len(x.candidates) for x in articles)} candidates from "
        + ", ".join(map(str, corpora)),
        file=sys.stderr,
    )
    if a.cmd == "cross-validate":
        report = cross_validate(articles, a.k, a.out)
        for k, v in report.items():
            print(json.dumps({"set": k, **v}))
        return 0
    th = choose_threshold(articles)
    meta = {
        "articles": len(articles),
        "gold_events": sum(len(x.gold) for x in articles),
        "corpora": [c.name for c in corpora],
        "params": PARAMS,
    }
    sel = fit(articles, threshold=th, meta=meta)
    a.output.write_text(json.dumps(sel.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"wrote {a.output}: {len(sel.event.trees)} + {len(sel.date.trees)} trees, "
        f"{len(sel.event.features)} + {len(sel.date.features)} features, threshold {th}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
