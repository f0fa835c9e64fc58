"""Story summaries at any folder size: time and peak memory against N, and speed beside sumy LexRank.

    python tests/benchmarks/bench_story_scale.py [--sizes 250,500,1000,2225,5000,10000] [--skip-lexrank]

1. A story of 100 BBC articles (100 files, ~2,000 sentences): summarization only (ingest excluded),
   reader's story summary beside sumy's LexRank on the same parsed articles.
2. `reader summarize --story --format json DIR` as a user runs it (ingest included), on the first N
   BBC articles; past 2,225, copies of the articles with one edit each (a word changed in one
   sentence), so the folder is full of near-duplicates as real clippings folders are. Wall time and
   peak resident memory of the process (GNU time), and the growth per 1,000 files.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles  # noqa: E402

from reader.ingest import load_paths  # noqa: E402
from reader.model import Article  # noqa: E402
from reader.summarize import summarize_story  # noqa: E402

GNU_TIME = "/usr/bin/time"


def hundred_story(skip_lexrank: bool) -> None:
    files = sorted(bbc_articles().rglob("*.txt"))[::22][:100]
    articles = [a for a in load_paths(files) if isinstance(a, Article)]
    sentences = sum(len(a.sentences) for a in articles)
    started = time.perf_counter()
    summarize_story(articles)
    ours = time.perf_counter() - started
    print(f"\n## Story of {len(articles)} BBC articles ({sentences:,} sentences), summarization only\n")
    print("| summarizer | seconds | ratio |")
    print("|---|---|---|")
    print(f"| reader | {ours:.2f} | 1x |")
    if not skip_lexrank:
        started = time.perf_counter()
        summarize_story(articles, "lexrank")
        theirs = time.perf_counter() - started
        print(f"| sumy lexrank | {theirs:.2f} | {theirs / ours:.0f}x |")


def _edited(text: str, n: int) -> str:
    """One edit: the n-th long word of the text changed, so the copy is near, not exactly, the original."""
    words = [m for m in re.finditer(r"\b[a-z]{6,}\b", text)]
    if not words:
        return text + " "
    m = words[n % len(words)]
    return text[:m.start()] + m.group()[::-1] + text[m.end():]


def build_folder(root: Path, size: int) -> Path:
    sources = sorted(bbc_articles().rglob("*.txt"))
    folder = root / f"n{size}"
    folder.mkdir()
    for k in range(size):
        src = sources[k % len(sources)]
        target = folder / f"{k:05d}-{src.parent.name}-{src.name}"
        if k < len(sources):
            shutil.copyfile(src, target)
        else:
            text = src.read_bytes().decode("utf-8", "replace")
            target.write_text(_edited(text, k), encoding="utf-8")
    return folder


def run(folder: Path) -> tuple[float, float]:
    """(seconds, peak MiB) of one `reader summarize --story --format json` process."""
    command = [sys.executable, "-m", "reader", "summarize", "--story", "--format", "json", str(folder)]
    started = time.perf_counter()
    done = subprocess.run([GNU_TIME, "-v", *command], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"reader failed on {folder}: {done.stderr[-500:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return seconds, (int(peak.group(1)) / 1024 if peak else float("nan"))


def growth(sizes: list[int]) -> None:
    print("\n## `reader summarize --story --format json DIR` (ingest included)\n")
    print("| files | seconds | peak MiB | seconds per 1,000 files |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = build_folder(Path(tmp), size)
            seconds, peak = run(folder)
            print(f"| {size:,} | {seconds:.1f} | {peak:.0f} | {seconds / size * 1000:.2f} |", flush=True)
            shutil.rmtree(folder)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="250,500,1000,2225,5000,10000")
    parser.add_argument("--skip-lexrank", action="store_true")
    options = parser.parse_args()
    hundred_story(options.skip_lexrank)
    growth([int(s) for s in options.sizes.split(",")])


if __name__ == "__main__":
    main()
