"""Time to the first summary line of `reader summarize` over the 2,225 BBC articles, cold and warm cache.

    python tests/benchmarks/bench_first_summary.py [--runs 5]

Each run is a fresh process whose stdout is a pipe read line by line until the first summary
sentence (` 1. ...`, the line after the article's title and path), then closed: what a reader of
`reader summarize BIG-FOLDER | head` waits for. Cold: a new READER_HOME (empty ingest cache) per
run. Warm: one READER_HOME filled by a full run first. Also the time to the very first line (the
title). Target (issue 12): under 1 s.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles  # noqa: E402

READER = Path(sys.executable).parent / "reader"


def first_summary(home: str, folder: Path) -> tuple[float, float, str]:
    """(seconds to the first line, seconds to the first summary sentence, that sentence's line)."""
    before = time.perf_counter()
    process = subprocess.Popen([str(READER), "summarize", str(folder)], stdout=subprocess.PIPE,
                               env={**os.environ, "READER_HOME": home})
    assert process.stdout is not None
    first = None
    for raw in process.stdout:
        if first is None:
            first = time.perf_counter() - before
        line = raw.decode("utf-8", "replace").rstrip("\n")
        if line.startswith(" 1. "):
            took = time.perf_counter() - before
            break
    else:
        raise SystemExit("no summary line in the output")
    process.stdout.close()
    process.wait()
    return first, took, line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    folder = bbc_articles()
    rows: dict[str, list[tuple[float, float]]] = {"cold": [], "warm": []}
    shown = ""
    for _ in range(options.runs):
        with tempfile.TemporaryDirectory() as home:
            first, took, shown = first_summary(home, folder)
            rows["cold"].append((first, took))
    with tempfile.TemporaryDirectory() as home:
        subprocess.run([str(READER), "summarize", str(folder)], check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "READER_HOME": home})  # fills the cache
        for _ in range(options.runs):
            first, took, shown = first_summary(home, folder)
            rows["warm"].append((first, took))
    print(f"reader summarize {folder} ({sum(1 for _ in folder.rglob('*.txt'))} files), {options.runs} runs each, "
          f"{os.cpu_count()} cores")
    print(f"first summary line: {shown[:100]}")
    print("| cache | first line median (s) | first summary line median (s) | min | max |")
    print("|---|---|---|---|---|")
    for name, values in rows.items():
        firsts, tooks = [f for f, _ in values], [t for _, t in values]
        print(f"| {name} | {statistics.median(firsts):.3f} | {statistics.median(tooks):.3f} | {min(tooks):.3f} | "
              f"{max(tooks):.3f} |")


if __name__ == "__main__":
    main()
