"""The long fuzz profile: the properties of tests/hostile/test_fuzz.py over many more generated inputs.

    python tests/benchmarks/bench_fuzz.py [--examples 2000]

For each property: cases run, failures (the first shrunk example is printed), the slowest input's
time and the largest peak of traced memory for one input. Random each run (not derandomized).
"""
from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))
from fuzz_properties import (article_holds, data_holds, decode_holds, path_holds, suffixes,  # noqa: E402
                             summary_holds, texts)

PROPERTIES: list[tuple[str, Callable[..., None], tuple[st.SearchStrategy, ...]]] = [
    ("ingest: any text and suffix", article_holds, (texts, suffixes)),
    ("summarize: reader and lead", summary_holds, (texts, suffixes)),
    ("decode: any bytes", decode_holds, (st.binary(max_size=4000),)),
    ("YAML and TOML loaders", data_holds, (texts,)),
    ("path display", path_holds, (st.text(),)),
]


def measure(name: str, check: Callable[..., None], strategies: tuple[st.SearchStrategy, ...],
            examples: int) -> tuple[int, str, float, float]:
    cases = 0
    worst_time = 0.0
    worst_memory = 0

    def timed(args: tuple[object, ...]) -> None:
        nonlocal cases, worst_time, worst_memory
        cases += 1
        tracemalloc.start()
        started = time.perf_counter()
        try:
            check(*args)
        finally:
            worst_time = max(worst_time, time.perf_counter() - started)
            worst_memory = max(worst_memory, tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()

    run = settings(max_examples=examples, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))(given(st.tuples(*strategies))(timed))
    try:
        run()
        failure = ""
    except Exception as exc:  # a failing property: report its shrunk example
        failure = f"{type(exc).__name__}: {exc}"[:300]
    return cases, failure, worst_time, worst_memory / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    options = parser.parse_args()
    print("| property | cases run | failures | slowest input (ms) | largest traced peak (MiB) |")
    print("|---|---|---|---|---|")
    for name, check, strategies in PROPERTIES:
        cases, failure, worst, memory = measure(name, check, strategies, options.examples)
        print(f"| {name} | {cases:,} | {failure or 0} | {worst * 1000:.0f} | {memory:.1f} |", flush=True)


if __name__ == "__main__":
    main()
