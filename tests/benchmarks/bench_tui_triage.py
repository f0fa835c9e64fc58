"""Triage in the TUI on the 2,225 BBC articles: select all shown, `R` marks them read, `u` undoes.

    python tests/benchmarks/bench_tui_triage.py [--size 140x40]

Figures: key -> table updated (every state cell shows read) for `*` then `R`, and for `u`.
Target (issue 5): marking all 2,225 read from the TUI < 1 s. State lives in a temporary READER_HOME.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles  # noqa: E402

POLL = 0.002


async def until(predicate, limit: float = 120.0, poll: float = POLL) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    while not predicate():
        if time.perf_counter() - started > limit:
            raise TimeoutError("condition not reached")
        await asyncio.sleep(poll)
    return time.perf_counter() - started


async def run(size: tuple[int, int]) -> None:
    from reader.tui.app import make_app
    from reader.tui.widgets.article_table import ArticleTable

    app = make_app([str(bbc_articles())])
    async with app.run_test(size=size) as pilot:
        screen = app.library_screen
        loaded = await until(lambda: app.library.loaded and not screen._unshown, poll=0.05)
        await pilot.pause()
        table = screen.query_one(ArticleTable)
        total = table.row_count
        print(f"loaded {total:,} rows in {loaded:.2f} s")

        def all_marked(symbol: str) -> bool:
            return all(symbol in table.get_row_at(i)[0].plain for i in range(table.row_count))

        started = time.perf_counter()
        await pilot.press("asterisk")
        selected = time.perf_counter() - started
        started = time.perf_counter()
        await pilot.press("R")
        await until(lambda: all_marked("·"))
        await pilot.pause()
        marked = time.perf_counter() - started
        assert all(s.read for s in app.library.states.values())
        started = time.perf_counter()
        await pilot.press("u")
        await until(lambda: all_marked("●"))
        await pilot.pause()
        undone = time.perf_counter() - started
        print(f"* select all {total:,}: {selected * 1000:.0f} ms")
        print(f"R mark {total:,} read, key -> table updated: {marked * 1000:.0f} ms (target < 1000 ms)")
        print(f"u undo {total:,}: {undone * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="140x40")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    with tempfile.TemporaryDirectory() as home:
        os.environ["READER_HOME"] = home
        asyncio.run(run((width, height)))


if __name__ == "__main__":
    main()
