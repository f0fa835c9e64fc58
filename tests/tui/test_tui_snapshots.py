"""Snapshots of the three main screens on the bundled seeds at a fixed size (Textual is pinned <9).

Regenerate after an intended change with `pytest tests/tui/test_tui_snapshots.py --snapshot-update`
and look at the SVGs under tests/tui/__snapshots__ before committing them.
"""
from __future__ import annotations

import pytest
from textual.pilot import Pilot

from reader.tui.app import make_app
from tui_helpers import PROJECT, settle

SIZE = (120, 36)


@pytest.fixture(autouse=True)
def in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    """Relative paths, so titles in the snapshots do not depend on where the checkout lives."""
    monkeypatch.chdir(PROJECT)


def test_library_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def loaded(pilot: Pilot[object]) -> None:
        await settle(pilot)

    assert snap_compare(make_app(["seeds"]), terminal_size=SIZE, run_before=loaded)


def test_article_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_and_follow(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)

    assert snap_compare(make_app(["seeds"]), terminal_size=SIZE, run_before=open_and_follow)


def test_story_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def story(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)

    assert snap_compare(make_app(["seeds"]), terminal_size=SIZE, run_before=story)


def test_html_readable_view_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """The saved page as text: no tags, entities decoded, numbered with its file lines (issue 12)."""
    async def open_html(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press(*["down"] * 7, "enter")  # 08-bellhaven-evening-star.html, in file order
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)

    assert snap_compare(make_app(["seeds"]), terminal_size=SIZE, run_before=open_html)


def test_article_snapshot_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """At 80x24 the folded header leaves the text most of the source pane (issue 12)."""
    async def open_and_follow(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)

    assert snap_compare(make_app(["seeds"]), terminal_size=(80, 24), run_before=open_and_follow)


@pytest.mark.parametrize("theme", ["reader-dark", "reader-light", "reader-high-contrast", "reader-colorblind"])
def test_article_snapshot_per_theme(snap_compare, theme: str) -> None:  # type: ignore[no-untyped-def]
    async def open_and_follow(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)

    assert snap_compare(make_app(["seeds"], theme=theme), terminal_size=SIZE, run_before=open_and_follow)


# -- 80x24, where the terminal conventions show (issue 12): the footer keeps `? Keys` and `q Quit` at
#    the right and hides whole keys that do not fit, an empty view says why, a pending comparison has
#    a line of its own

SMALL = (80, 24)


def test_empty_archived_view_snapshot_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def archived(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("v", "v")
        await settle(pilot)

    assert snap_compare(make_app(["seeds"]), terminal_size=SMALL, run_before=archived)


def test_compare_prompt_snapshot_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def pick_one(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("slash", *"meteorite", "enter", "c")
        await settle(pilot)

    assert snap_compare(make_app(["seeds"]), terminal_size=SMALL, run_before=pick_one)


def test_grouped_view_snapshot_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """One row per story (issue 14): the Bellhaven story expanded under its row, its reprint marked
    "copy", the meteorite story folded with its "2 sources" badge, an article alone as itself."""
    async def grouped(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("z", "enter")
        await settle(pilot)

    assert snap_compare(make_app(["seeds"]), terminal_size=SMALL, run_before=grouped)
