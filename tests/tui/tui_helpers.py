"""Helpers for the Pilot tests: wait for workers, read what a widget shows, read files independently."""
from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from rich.segment import Segment
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable
from textual.worker import WorkerFailed, WorkerState

PROJECT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT / "seeds"
WIDE = (140, 40)


SETTLE_ROUNDS = 20
SETTLE_SECONDS = 120.0  # a guard against a hung worker, far above any real wait; not a speed check


def _retrieve(task: asyncio.Task[object]) -> None:
    if not task.cancelled():
        task.exception()  # a worker cancelled at app exit is expected; keep asyncio from logging it


async def settle(pilot: Pilot[object], timeout: float = SETTLE_SECONDS) -> None:
    """Wait until every worker has finished and every message they posted has been handled (never sleeps).

    Workers that start workers get a few rounds. A worker still pending or running after
    SETTLE_ROUNDS, or one that never finishes, fails the test here by name instead of letting it
    go on against a half-loaded screen.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    left: list[str] = []
    for _ in range(SETTLE_ROUNDS):
        running = [w for w in pilot.app.workers if w.state == WorkerState.RUNNING]
        if running:  # a pending worker has no task to wait on yet: the pause below starts it
            waits = [asyncio.ensure_future(w.wait()) for w in running]
            for task in waits:
                task.add_done_callback(_retrieve)
            _, late = await asyncio.wait(waits, timeout=max(deadline - loop.time(), 0))
            if late:
                names = [w.name for w in pilot.app.workers if not w.is_finished]
                raise AssertionError(f"workers still running after {timeout:g} s: {names}")
            failed = [t.exception() for t in waits if not t.cancelled() and isinstance(t.exception(), WorkerFailed)]
            if failed:
                raise failed[0]
        await pilot.pause()
        left = [w.name for w in pilot.app.workers if not w.is_finished]
        if not left:
            return
    raise AssertionError(f"workers still running after {SETTLE_ROUNDS} rounds: {left}")


def shown_lines(widget: Widget) -> list[str]:
    """The text of each row the widget renders now (line API widgets render row by row)."""
    return ["".join(s.text for s in widget.render_line(y) if isinstance(s, Segment))
            for y in range(widget.scrollable_content_region.height)]


def file_lines(path: Path, encoding: str = "utf-8") -> list[str]:
    """The file's lines as citations count them, decoded here without reader's code."""
    text = path.read_bytes().decode(encoding)
    lines = re.split(r"\r\n|\r|\n", text)
    return lines[:-1] if len(lines) > 1 and lines[-1] == "" else lines


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


async def press(pilot: Pilot[object], *keys: str) -> None:
    """Press the keys, then wait for what they started (workers, screens) to finish."""
    await pilot.press(*keys)
    await settle(pilot)


def screen_rows(app: App[object]) -> list[str]:
    """The text of every terminal row as the app paints it now, all layers composited (pinned Textual <9)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def write_config(home: Path, text: str) -> None:
    """A config.toml in the private READER_HOME of the test."""
    folder = home / "config"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")


def notices(app: object, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every notification the app is asked to show (kept here: Textual drops expired ones)."""
    seen: list[str] = []
    real = app.notify  # type: ignore[attr-defined]

    def notify(message: str, *args: object, **kwargs: object) -> None:
        seen.append(str(message))
        real(message, *args, **kwargs)

    monkeypatch.setattr(app, "notify", notify)
    return seen


WATCH_WAIT = 30.0  # seconds: a guard against a watcher that never reports, not a speed check


def titles(table: DataTable[object]) -> list[str]:
    """The library table's title column, top to bottom."""
    return [table.get_row_at(i)[1].plain for i in range(table.row_count)]


def marks(table: DataTable[object]) -> dict[str, str]:
    """Each row's title -> its state marks (read, star, tags)."""
    return {table.get_row_at(i)[1].plain: table.get_row_at(i)[0].plain for i in range(table.row_count)}


async def until(pilot: Pilot[object], condition: Callable[[], bool], what: str, wait: float = WATCH_WAIT) -> None:
    """Let the app run until `condition` holds (a file watcher reports on its own time); fail naming `what`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"{what}: not seen within {wait:g} s")
        await pilot.pause(0.05)
