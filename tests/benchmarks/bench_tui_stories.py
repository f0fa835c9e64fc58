"""Stories in the TUI on the 2,225 BBC articles: when the story column fills, and whether the library
answers keys meanwhile (issue 14).

    python tests/benchmarks/bench_tui_stories.py [--size 140x40]

Two launches on one temporary READER_HOME: cold (nothing cached: the library parses every file,
then grouping parses them again for their words) and warm (rows and readings from the ingest
cache). Figures per launch: first rows, all loaded, loaded -> story column filled; while grouping
runs, a cursor key every 50 ms with its key -> cursor moved time, and the event loop's longest
stall (a 10 ms timer's largest gap), beside the same keys once nothing runs; then `z` (grouped
view) and `enter` (expand) on the grouped rows, beside `d` (a new sort) with one row per article.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles  # noqa: E402

POLL = 0.002


async def until(predicate, limit: float = 300.0, poll: float = POLL) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    while not predicate():
        if time.perf_counter() - started > limit:
            raise TimeoutError("condition not reached")
        await asyncio.sleep(poll)
    return time.perf_counter() - started


async def launch(label: str, size: tuple[int, int]) -> None:
    from reader.tui.app import make_app
    from reader.tui.widgets.article_table import ArticleTable

    app = make_app([str(bbc_articles())])
    started = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        screen = app.library_screen
        table = screen.query_one(ArticleTable)
        await until(lambda: table.row_count > 0)
        first = time.perf_counter() - started
        await until(lambda: app.library.loaded and not screen._unshown)
        loaded = time.perf_counter() - started
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = app.set_interval(0.01, tick)
        latencies: list[float] = []
        step = 1
        while app.session.stories is None:
            step = await cursor_key(pilot, table, step, latencies)
        grouped = time.perf_counter() - started
        during = max(gaps, default=0)
        gaps.clear()
        idle: list[float] = []  # the same keys with nothing running, on the machine as loaded now
        for _ in range(40):
            step = await cursor_key(pilot, table, step, idle)
        timer.stop()
        stories = app.session.stories
        filled = sum(1 for i in range(table.row_count) if table.get_row_at(i)[-1].plain)
        print(f"{label}: first rows {first:.2f} s · all {table.row_count:,} loaded {loaded:.2f} s · "
              f"story column filled {grouped:.2f} s ({grouped - loaded:.2f} s after loading; "
              f"{stories.multi:,} stories of several articles, {filled:,} rows with a badge)")
        if latencies:
            print(f"  while grouping: {len(latencies)} cursor keys, key -> moved median "
                  f"{statistics.median(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms; "
                  f"event loop longest stall {during * 1000:.0f} ms")
        print(f"  afterwards, nothing running: {len(idle)} cursor keys, median {statistics.median(idle) * 1000:.0f} ms, "
              f"max {max(idle) * 1000:.0f} ms; event loop longest stall {max(gaps, default=0) * 1000:.0f} ms")
        pressed = time.perf_counter()
        await pilot.press("d")  # for comparison: a new order of the 2,225 rows, one per article
        await until(lambda: app.session.sort_key.value == "date")
        await pilot.pause()
        resorted = time.perf_counter() - pressed
        await pilot.press("f", "home")
        pressed = time.perf_counter()
        await pilot.press("z")
        await until(lambda: table.row_count < len(app.library.entries))
        await pilot.pause()
        toggled = time.perf_counter() - pressed
        rows = table.row_count
        first_story = next(i for i in range(rows) if str(table.coordinate_to_cell_key((i, 0)).row_key.value).startswith("story:"))
        table.move_cursor(row=first_story, animate=False)
        await pilot.pause()
        pressed = time.perf_counter()
        await pilot.press("enter")
        await until(lambda: table.row_count > rows)
        await pilot.pause()
        expanded = time.perf_counter() - pressed
        print(f"  z -> {rows:,} grouped rows {toggled * 1000:.0f} ms · enter (expand) {expanded * 1000:.0f} ms · "
              f"(d, sort by date, one row per article: {resorted * 1000:.0f} ms)")
        await pilot.press("z")  # the next launch starts on one row per article again


async def cursor_key(pilot, table, step: int, latencies: list[float]) -> int:  # type: ignore[no-untyped-def]
    """One cursor key (down, then up, ...) and how long until the cursor moved; 50 ms apart.

    The key goes in as the terminal driver delivers it, not through `Pilot.press`, which then waits
    until the whole process is idle (up to a second, twice): with a worker thread busy, that wait and
    not the UI would be measured.
    """
    from textual import events

    row = table.cursor_row
    key = events.Key("down" if step > 0 else "up", None)
    key.set_sender(pilot.app)
    pressed = time.perf_counter()
    pilot.app._driver.send_message(key)
    await until(lambda: table.cursor_row != row, limit=30)
    latencies.append(time.perf_counter() - pressed)
    await asyncio.sleep(0.05)
    return -step


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="140x40")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as home:
        os.environ["READER_HOME"] = home
        asyncio.run(launch("cold", (width, height)))
        asyncio.run(launch("warm", (width, height)))
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
