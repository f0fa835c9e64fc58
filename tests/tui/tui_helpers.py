"""Helpers for the Pilot tests: wait for workers, read what a widget shows, read files independently."""
from __future__ import annotations

import re
from pathlib import Path

from rich.segment import Segment
from textual.pilot import Pilot
from textual.widget import Widget

PROJECT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT / "seeds"
WIDE = (140, 40)


async def settle(pilot: Pilot[object]) -> None:
    """Wait until no worker runs and every message they posted has been handled (never sleeps)."""
    for _ in range(20):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            return


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
