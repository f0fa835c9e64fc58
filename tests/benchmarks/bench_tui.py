"""The TUI on the 2,225 BBC articles, driven by Pilot in one process, plus `reader --help` start-up.

    python tests/benchmarks/bench_tui.py [--size 140x40] [--opens 10] [--baseline]

Figures: time to the first rows, to all rows loaded, the longest the event loop stalled while
loading (how frozen the UI could feel), filter keystroke -> rows updated, enter -> article screen
with its summary shown, and `reader --help` wall time in a fresh process.
Targets (issue 4): first rows < 1 s, all loaded < 5 s, enter -> summary < 100 ms, --help < 300 ms.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PROJECT, bbc_articles  # noqa: E402

POLL = 0.002  # seconds between checks; a benchmark may poll, the tests never do
LOAD_POLL = 0.05  # while loading, poll slowly: every wake-up competes with the loader thread for the GIL
HEARTBEAT = 0.05


async def until(predicate, limit: float = 120.0, poll: float = POLL) -> float:  # type: ignore[no-untyped-def]
    """Seconds until `predicate()` holds (polling the running app)."""
    started = time.perf_counter()
    while not predicate():
        if time.perf_counter() - started > limit:
            raise TimeoutError("condition not reached")
        await asyncio.sleep(poll)
    return time.perf_counter() - started


async def measure(folder: Path, size: tuple[int, int], opens: int) -> dict[str, object]:
    from reader.tui.app import make_app
    from reader.tui.screens.article_screen import ArticleScreen
    from reader.tui.screens.library_screen import LibraryScreen
    from reader.tui.widgets.article_table import ArticleTable

    figures: dict[str, object] = {}
    started = time.perf_counter()
    app = make_app([str(folder)])
    async with app.run_test(size=size) as pilot:
        stalls: list[float] = []

        async def heartbeat() -> None:
            """How late a 50 ms timer fires while the library loads: the UI's worst freeze.

            (Not faster: each wake-up takes the GIL from the loader thread and slows the load it measures.)
            """
            while not app.library.loaded:
                before = time.perf_counter()
                await asyncio.sleep(HEARTBEAT)
                stalls.append(time.perf_counter() - before - HEARTBEAT)

        beat = asyncio.create_task(heartbeat())

        def rows() -> int:
            screen = app.screen
            return screen.query_one(ArticleTable).row_count if isinstance(screen, LibraryScreen) else 0

        await until(lambda: rows() > 0)
        figures["first rows shown (s)"] = time.perf_counter() - started
        figures["rows at that moment"] = rows()
        await until(lambda: app.library.loaded, poll=LOAD_POLL)
        loaded_at = time.perf_counter()
        await pilot.pause()
        figures["all loaded (s)"] = loaded_at - started
        figures["articles / failed"] = f"{len(app.library.entries)} / {len(app.library.failures)}"
        await beat
        figures["worst event-loop stall while loading (ms)"] = max(stalls, default=0.0) * 1000

        frames: list[tuple[float, bool]] = []  # (when a frame was composed, whether it shows the goal)
        goal = {"reached": lambda: False}
        display = app._display

        def recording_display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
            """Note each composed frame (headless: composed, not written) and whether it shows the goal."""
            if renderable is not None:
                frames.append((time.perf_counter(), bool(goal["reached"]())))
            display(screen, renderable)

        app._display = recording_display  # type: ignore[method-assign]

        async def latency(key: str, reached) -> float:  # type: ignore[no-untyped-def]
            """Key sent -> the first frame composed once `reached()` holds (Pilot's idle wait excluded)."""
            frames.clear()
            goal["reached"] = reached
            before = time.perf_counter()
            pressing = asyncio.create_task(pilot.press(key))
            await until(lambda: any(ok for _, ok in frames))
            shown = next(when for when, ok in frames if ok) - before
            goal["reached"] = lambda: False
            await pressing
            return shown

        library = app.screen
        assert isinstance(library, LibraryScreen)
        table = library.query_one(ArticleTable)
        keystrokes: list[float] = []
        await pilot.press("slash")
        typed = ""
        for char in "oil":
            typed += char
            keystrokes.append(await latency(char, lambda: library.query_text == typed))
        figures["filter keystroke -> rows shown (ms, each of o/oi/oil)"] = " / ".join(
            f"{k * 1000:.0f}" for k in keystrokes)
        figures["rows matching 'oil'"] = table.row_count
        await pilot.press("escape")
        await pilot.pause()

        timings: list[float] = []
        for _ in range(opens):
            timings.append(await latency(
                "enter", lambda: isinstance(app.screen, ArticleScreen) and app.screen.summary_ready))
            await pilot.press("escape", "down", "down", "down")
        figures["enter -> summary shown (ms, median)"] = statistics.median(timings) * 1000
        figures["enter -> summary shown (ms, max)"] = max(timings) * 1000
    return figures


def help_startup(runs: int = 7) -> tuple[float, float]:
    """`reader --help` wall time in fresh processes: (best, median) seconds."""
    exe = Path(sys.executable).parent / "reader"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "reader"]
    times = []
    for _ in range(runs):
        before = time.perf_counter()
        subprocess.run([*command, "--help"], capture_output=True, check=True, cwd=PROJECT)
        times.append(time.perf_counter() - before)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="140x40")
    parser.add_argument("--opens", type=int, default=10)
    parser.add_argument("--baseline", action="store_true",
                        help="first time bare ingest of the same folder, to separate parsing from the UI's cost")
    options = parser.parse_args()
    width, height = (int(x) for x in options.size.split("x"))
    folder = bbc_articles()
    if options.baseline:
        from reader.ingest import load_paths

        before = time.perf_counter()
        count = sum(1 for _ in load_paths([folder]))
        print(f"{'bare ingest, no UI (s)':48} {time.perf_counter() - before:.3f}  ({count} files)")
    figures = asyncio.run(measure(folder, (width, height), options.opens))
    best, median = help_startup()
    figures["reader --help (ms, best / median of 7)"] = f"{best * 1000:.0f} / {median * 1000:.0f}"
    for name, value in figures.items():
        print(f"{name:48} {value:.3f}" if isinstance(value, float) else f"{name:48} {value}")


if __name__ == "__main__":
    main()
