"""`reader summarize` over the 2,225 BBC articles: cold (empty cache) and warm (the cache filled), wall time.

    python tests/benchmarks/bench_summarize_cli.py [--runs 5] [--format text|json]

Each run is a fresh process with its own READER_HOME; output goes to a pipe that is read in full.
Targets (issue 10): warm under 3 s, cold under 6 s. Also the time to the first 3 lines through
`| head -3`, which shows the output streams.
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


def once(home: str, folder: Path, fmt: str) -> float:
    before = time.perf_counter()
    subprocess.run([str(READER), "summarize", str(folder), "--format", fmt], check=True, stdout=subprocess.PIPE,
                   env={**os.environ, "READER_HOME": home})
    return time.perf_counter() - before


def first_lines(home: str, folder: Path) -> float:
    before = time.perf_counter()
    process = subprocess.Popen([str(READER), "summarize", str(folder)], stdout=subprocess.PIPE,
                               env={**os.environ, "READER_HOME": home})
    assert process.stdout is not None
    for _ in range(3):
        process.stdout.readline()
    took = time.perf_counter() - before
    process.stdout.close()
    process.wait()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--format", default="text", choices=("text", "json"))
    options = parser.parse_args()
    folder = bbc_articles()
    cold, warm, head_cold, head_warm = [], [], [], []
    for _ in range(options.runs):
        with tempfile.TemporaryDirectory() as home:
            head_cold.append(first_lines(home, folder))
        with tempfile.TemporaryDirectory() as home:
            cold.append(once(home, folder, options.format))
            warm.append(once(home, folder, options.format))
            head_warm.append(first_lines(home, folder))
    print(f"| {options.format} | median (s) | min | max |")
    print("|---|---|---|---|")
    for name, values in (("cold", cold), ("warm", warm), ("cold, first 3 lines", head_cold),
                         ("warm, first 3 lines", head_warm)):
        print(f"| {name} | {statistics.median(values):.2f} | {min(values):.2f} | {max(values):.2f} |")


if __name__ == "__main__":
    main()
