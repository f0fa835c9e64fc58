"""Ingest all 2,225 BBC articles in one process: articles/s, peak memory, import time, no Textual.

    python tests/benchmarks/bench_ingest.py
Targets (issue 2): whole set < 5 s wall; `import reader.ingest` < 150 ms; Textual never imported.
"""
from __future__ import annotations

import resource
import subprocess
import sys
import time

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from common import bbc_articles  # noqa: E402


def import_time() -> float:
    """Best of five fresh interpreters: the cost of `import reader.ingest` alone."""
    code = ("import time; t = time.perf_counter(); import reader.ingest; "
            "print(time.perf_counter() - t); import sys; assert 'textual' not in sys.modules")
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    return min(runs)


def main() -> None:
    folder = bbc_articles()
    started = time.perf_counter()
    from reader.ingest import load_paths
    from reader.model import Article

    loaded = list(load_paths([folder]))
    wall = time.perf_counter() - started
    articles = [a for a in loaded if isinstance(a, Article)]
    sentences = sum(len(a.sentences) for a in articles)
    removed = sum(len(a.removed) for a in articles)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(articles)} loaded, {len(loaded) - len(articles)} errors, {sentences} sentences, "
          f"{removed} removed spans")
    print(f"ingest wall: {wall:.2f} s  ({len(articles) / wall:.0f} articles/s)")
    print(f"peak RSS: {peak_mb:.0f} MB")
    print(f"import reader.ingest: {import_time() * 1000:.0f} ms (best of 5)")
    print(f"textual imported on this path: {'textual' in sys.modules}")


if __name__ == "__main__":
    main()
