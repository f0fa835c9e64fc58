"""`reader summarize` over the 2,225 BBC articles: cold (empty cache) and warm (the cache filled), wall and CPU time.

    python tests/benchmarks/bench_summarize_cli.py [--runs 5] [--format text|json] [--cold-only]

Each run is a fresh process with its own READER_HOME; output goes to a pipe that is read in full.
Targets (issue 10): warm under 3 s, cold under 6 s wall on 2 cores. CPU is user+sys of the whole
process tree (the command and its workers): it is what wall time becomes when other work shares
the cores, so it is the steadier figure on a busy machine. Also the time to the first 3 lines
through `| head -3`, which shows the output streams.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles  # noqa: E402

READER = Path(sys.executable).parent / "reader"


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def once(home: str, folder: Path, fmt: str) -> tuple[float, float]:
    """(wall, CPU of the process tree) of one run."""
    cpu, before = _children_cpu(), time.perf_counter()
    subprocess.run([str(READER), "summarize", str(folder), "--format", fmt], check=True, stdout=subprocess.PIPE,
                   env={**os.environ, "READER_HOME": home})
    return time.perf_counter() - before, _children_cpu() - cpu


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
    parser.add_argument("--cold-only", action="store_true", help="only full cold runs (no warm, no | head)")
    options = parser.parse_args()
    folder = bbc_articles()
    rows: dict[str, list[tuple[float, float | None]]] = {"cold": [], "warm": [], "cold, first 3 lines": [],
                                                         "warm, first 3 lines": []}
    for _ in range(options.runs):
        if not options.cold_only:
            with tempfile.TemporaryDirectory() as home:
                rows["cold, first 3 lines"].append((first_lines(home, folder), None))
        with tempfile.TemporaryDirectory() as home:
            rows["cold"].append(once(home, folder, options.format))
            if not options.cold_only:
                rows["warm"].append(once(home, folder, options.format))
                rows["warm, first 3 lines"].append((first_lines(home, folder), None))
    print(f"| {options.format} | wall median (s) | min | max | CPU median (s) | min | max |")
    print("|---|---|---|---|---|---|---|")
    for name, values in rows.items():
        if not values:
            continue
        wall = [w for w, _ in values]
        cpu = [c for _, c in values if c is not None]
        cpu_cells = (f"{statistics.median(cpu):.2f} | {min(cpu):.2f} | {max(cpu):.2f}" if cpu else "- | - | -")
        print(f"| {name} | {statistics.median(wall):.2f} | {min(wall):.2f} | {max(wall):.2f} | {cpu_cells} |")


if __name__ == "__main__":
    main()
