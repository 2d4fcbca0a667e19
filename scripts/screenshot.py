"""Screenshots of the HTML timeline for the README (``make screenshot``).

Runs ``cstotimeline extract --manifest SHARED/corpus/index.tsv -f html`` on the shared corpus
and on its two seed articles, opens both pages in headless Chromium (the tests' driver,
``tests/browser.py``) and writes ``docs/timeline.png`` (the corpus, 1280 pixels wide, the top
of the page) and ``docs/timeline-phone.png`` (the seeds, 390 pixels wide, as on a phone).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import Browser, find_chromium  # noqa: E402


def page(out: Path, manifest: Path, *inputs: Path) -> Path:
    command = [sys.executable, "-m", "cstotimeline", "extract", "-q", "--manifest", str(manifest)]
    subprocess.run([*command, "-f", "html", "-o", str(out), *map(str, inputs)], check=True)
    return out


def shoot(browser: Browser, html: Path, png: Path, *, width: int, height: int) -> None:
    browser.resize(width, height, mobile=width < 600)
    browser.open(html)
    problems = browser.problems()
    if problems:
        raise SystemExit(f"{html}: {problems}")
    browser.screenshot(png)
    print(f"wrote {png.relative_to(ROOT)} ({png.stat().st_size:,} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    corpus = args.shared / "corpus"
    if not (corpus / "index.tsv").exists():
        raise SystemExit(f"{corpus}/index.tsv not found: the shared corpus is needed")
    executable = find_chromium()
    if executable is None:
        raise SystemExit("headless Chromium not found (Debian: apt-get install chromium)")
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, Browser(executable) as browser:
        manifest = corpus / "index.tsv"
        whole = page(Path(tmp) / "corpus.html", manifest, corpus)
        seeds = page(Path(tmp) / "seeds.html", manifest, *sorted(corpus.glob("seed-*.txt")))
        shoot(browser, whole, docs / "timeline.png", width=1280, height=1500)
        shoot(browser, seeds, docs / "timeline-phone.png", width=390, height=1400)


if __name__ == "__main__":
    main()
