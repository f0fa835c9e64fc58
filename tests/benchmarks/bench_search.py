"""`reader search` at 10,000 articles: index build, then query time once indexed (target under 100 ms).

10,000 articles are the 2,225 BBC files copied into a temporary folder five times over (each copy
with one line of its own, so no two files are the same), never into the project.
Figures: cold indexing; the walk that checks no file changed; per query, `SearchScope.find` (the query
once indexed: what the TUI pays per keystroke) and the whole search_index call (walk + query, what
one `reader search` pays besides starting Python); and the CLI end to end, warm.

    python tests/benchmarks/bench_search.py [--articles 10000]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import PROJECT, bbc_articles

from reader.triage.body_search import prepare_search, search_index
from reader.triage.ingest_cache import CACHE_FILE, IngestCache

QUERIES = ["the", "election", "interest rates", '"prime minister"', "champ*", "oil OR gas", "film -award",
           "zeppelin"]


def build(target: Path, count: int) -> None:
    files = sorted(p for p in bbc_articles().rglob("*.txt"))
    made = 0
    for round_ in range(count // len(files) + 1):
        for source in files:
            if made == count:
                return
            dest = target / f"copy{round_}" / source.parent.name / source.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, dest)
            with dest.open("a", encoding="utf-8") as out:
                out.write(f"\nFiled as copy {round_} of {source.name}.\n")
            made += 1


def timed(call, repeat: int = 7) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--keep", metavar="DIR", help="build the copies (once) and the index in DIR and keep them")
    options = parser.parse_args()
    count = options.articles
    with tempfile.TemporaryDirectory(prefix="reader-bench-search-") as tmp:
        folder = Path(options.keep or tmp)
        root = folder / "articles"
        home = folder / "home"
        if not root.is_dir():
            build(root, count)
        cache = IngestCache.open(home / "state" / CACHE_FILE)
        index = cache.fulltext()
        assert index is not None
        start = time.perf_counter()
        result = search_index(index, "election", [str(root)])
        print(f"{result.files} articles indexed in {time.perf_counter() - start:.1f} s (cold, {os.cpu_count()} cores);"
              f" index file {(home / 'state' / CACHE_FILE).stat().st_size / 1e6:.0f} MB")
        start = time.perf_counter()
        scope = prepare_search(index, [str(root)])
        print(f"walk + stat + freshness check of {len(scope.ids)} indexed files: "
              f"{(time.perf_counter() - start) * 1000:.0f} ms")
        print(f"{'query':20} {'hits':>5} {'ranked':>6} {'find ms':>8} {'search_index ms':>16}")
        for query in QUERIES:
            find_ms, found = timed(lambda: scope.find(query, 20))
            full_ms, _ = timed(lambda: search_index(index, query, [str(root)]), repeat=3)
            print(f"{query:20} {len(found.hits):>5} {str(found.ranked):>6} {find_ms:>8.1f} {full_ms:>16.1f}")
        cache.close()
        exe = Path(sys.executable).parent / "reader"
        env = {**os.environ, "READER_HOME": str(home)}
        cli_ms, _ = timed(lambda: subprocess.run([str(exe), "search", "interest rates", str(root)], env=env,
                                                 capture_output=True, check=True), repeat=3)
        print(f"reader search 'interest rates' over {count} files, warm, end to end: {cli_ms:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(PROJECT))
    sys.exit(main())
