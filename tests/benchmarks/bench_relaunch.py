"""Relaunching the TUI on a large folder, beside a bare Textual DataTable of the same rows, in one run.

    python tests/benchmarks/bench_relaunch.py [--sizes 2225,10000] [--runs 3]

Each figure is the wall time of a fresh process from its start to every row shown in the table
(headless, via `App.run_test`): `reader` on the folder, cold (an empty cache: every file parsed)
and warm (the relaunch: rows from the ingest cache), and a bare app that only fills a DataTable
with the same title/source/date/words rows, read from a JSON file. Targets (issue 10): warm within
3x the bare table at 2,225 files, within 5x at 10,000 (copies of the BBC articles with one edit each).
Peak memory (max RSS) of each process is reported too.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_story_scale import build_folder  # noqa: E402
from common import bbc_articles  # noqa: E402

POLL = 0.01


async def _until(predicate, limit: float = 300.0) -> None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    while not predicate():
        if time.perf_counter() - started > limit:
            raise TimeoutError("rows never all shown")
        await asyncio.sleep(POLL)


def child_bare(rows_file: str) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    rows = json.loads(Path(rows_file).read_text(encoding="utf-8"))

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("Title", "Source", "Date", "Words")
            table.add_rows(rows)

    async def go() -> None:
        app = Bare()
        async with app.run_test(size=(140, 40)) as pilot:
            await _until(lambda: app.query_one(DataTable).row_count == len(rows))
            await pilot.pause()

    asyncio.run(go())


def child_reader(folder: str, expected: int) -> None:
    from reader.tui.app import make_app
    from reader.tui.screens.library_screen import LibraryScreen
    from reader.tui.widgets.article_table import ArticleTable

    async def go() -> None:
        app = make_app([folder])
        async with app.run_test(size=(140, 40)) as pilot:
            def shown() -> int:
                screen = app.screen
                return screen.query_one(ArticleTable).row_count if isinstance(screen, LibraryScreen) else 0

            await _until(lambda: app.library.loaded and shown() == expected)
            await pilot.pause()

    asyncio.run(go())


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one fresh child process."""
    before = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, *args], check=True, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - before
    return wall, float(done.stdout.split()[-1])


def rows_of(folder: Path, home: str) -> list[list[str]]:
    """The rows the library shows, as plain strings, from reader's own listing of the folder."""
    from reader.triage.catalog import scan
    from reader.triage.ingest_cache import IngestCache

    cache = IngestCache.open(Path(home) / "rows-cache.sqlite3")
    try:
        return [[x.title or "(untitled)", x.source or "—", (x.date or "")[:10], f"{x.words:,}"]
                for x in scan([str(folder)], cache) if not isinstance(x, Exception) and hasattr(x, "words")]
    finally:
        cache.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2225,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        if options.child[0] == "bare":
            child_bare(options.child[1])
        else:
            child_reader(options.child[1], int(options.child[2]))
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)  # peak RSS, MiB
        return
    print("| files | bare DataTable (s) | reader cold (s) | reader warm (s, median) | warm / bare | peak RSS warm (MiB) |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in options.sizes.split(",")):
            folder = bbc_articles() if size == 2225 else build_folder(Path(tmp), size)
            home = tempfile.mkdtemp(dir=tmp)
            env = {**os.environ, "READER_HOME": home}
            rows = rows_of(folder, home)
            rows_file = Path(home) / "rows.json"
            rows_file.write_text(json.dumps(rows), encoding="utf-8")
            bare = statistics.median(timed(["--child", "bare", str(rows_file)], env)[0] for _ in range(options.runs))
            cold, _ = timed(["--child", "reader", str(folder), str(len(rows))], env)
            warm_runs = [timed(["--child", "reader", str(folder), str(len(rows))], env) for _ in range(options.runs)]
            warm = statistics.median(w for w, _ in warm_runs)
            print(f"| {len(rows):,} | {bare:.2f} | {cold:.2f} | {warm:.2f} | {warm / bare:.1f}x | "
                  f"{max(p for _, p in warm_runs):.0f} |", flush=True)


if __name__ == "__main__":
    main()
