"""The share of event summaries that are fragments (``summary.fragment_reasons``).

    python scripts/fragments.py ../shared/corpus            # extract, then check
    python scripts/fragments.py --all ../shared/corpus      # every event the selector keeps
    python scripts/fragments.py --jsonl events.jsonl        # check the summaries of a JSONL file
    python scripts/fragments.py -v ../shared/corpus         # list every fragment and why

A corpus folder is extracted as ``cstotimeline extract --manifest DIR/index.tsv DIR`` does
(without the manifest when it has no ``index.tsv``). A summary is a fragment when it is empty,
has a cut token (an ellipsis), has no finite verb or no subject in its parse, or dangles (it
ends with a function word, or with a verb that needs an object and has none). Prints one line
per input and a total: ``N fragments / M summaries = P%``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def summaries_of(directory: Path, keep_all: bool) -> list[str]:
    from cstotimeline import app

    manifest = directory / "index.tsv"
    opts = app.ExtractOptions(
        paths=(str(directory),),
        manifest=manifest if manifest.is_file() else None,
        keep_all=keep_all,
        jobs=1,
        quiet=True,
    )
    return [e.summary for e in app.extract_chronology(opts, warn=lambda _m: None)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, help="corpus folders to extract")
    parser.add_argument("--jsonl", type=Path, action="append", default=[], help="events JSONL")
    parser.add_argument("--all", action="store_true", help="extract with --all")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every fragment")
    args = parser.parse_args(argv)
    if not args.corpora and not args.jsonl:
        parser.error("name corpus folders or --jsonl files")
    from cstotimeline import nlp as nlp_mod
    from cstotimeline.summary import fragment_reasons

    nlp = nlp_mod.load()
    inputs: list[tuple[str, list[str]]] = []
    for path in args.jsonl:
        with path.open(encoding="utf-8") as fh:
            inputs.append((str(path), [json.loads(line)["summary"] for line in fh if line.strip()]))
    for directory in args.corpora:
        inputs.append((str(directory), summaries_of(directory, args.all)))
    total = bad = 0
    for name, summaries in inputs:
        found = [(s, fragment_reasons(s, nlp)) for s in summaries]
        fragments = [(s, r) for s, r in found if r]
        if args.verbose:
            for s, r in fragments:
                print(f"  {s!r}: {', '.join(r)}")
        share = 100 * len(fragments) / len(found) if found else 0.0
        print(f"{name}: {len(fragments)} fragments / {len(found)} summaries = {share:.1f}%")
        total += len(found)
        bad += len(fragments)
    share = 100 * bad / total if total else 0.0
    print(f"total: {bad} fragments / {total} summaries = {share:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
