"""Helpers for the command tests: two small articles on disk, and options as the CLI parser builds them."""
from __future__ import annotations

import argparse
from pathlib import Path

# Title line + two sentences each. Words: 3 + 5 + 6 = 14 and 3 + 8 + 4 = 15.
FERRY = "Harbour ferry halted\n\nFerries stopped running on Monday. Engineers found cracks in the pier.\n"
BUDGET = "School budget approved\n\nThe council approved the school budget on Tuesday. Teachers welcomed the vote.\n"


def write_news(folder: Path) -> tuple[Path, Path]:
    """news/a.txt (the ferry) and news/b.txt (the budget)."""
    folder.mkdir(parents=True, exist_ok=True)
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(FERRY, encoding="utf-8")
    b.write_text(BUDGET, encoding="utf-8")
    return a, b


class UsageError(Exception):
    """What the parser's `error` (exit 2) is replaced with, so a test can read the message."""


def usage_error(message: str) -> None:
    raise UsageError(message)


def list_options(*paths: Path, state: Path, **flags: object) -> argparse.Namespace:
    values: dict[str, object] = dict(paths=[str(p) for p in paths], format="json", state=str(state), tag=None,
                                     archived=False, all=False, unread=False, starred=False, usage_error=usage_error)
    return argparse.Namespace(**{**values, **flags})


def mark_options(*paths: Path, state: Path, **flags: object) -> argparse.Namespace:
    values: dict[str, object] = dict(paths=[str(p) for p in paths], state=str(state), read=False, unread=False,
                                     star=False, unstar=False, archive=False, unarchive=False, tag=None, untag=None,
                                     usage_error=usage_error)
    return argparse.Namespace(**{**values, **flags})
