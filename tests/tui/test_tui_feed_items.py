"""Feeds and mailboxes in the library: one row per item, an item opened at the feed's own lines, and
triage on items that outlives the feed being re-saved with a new item on top.

The titles and line numbers expected here are read off the fixtures by hand (tests/fixtures/feeds/rss2.xml,
tests/fixtures/email/weekly.mbox), and the file's lines are read without reader's code.
"""
from __future__ import annotations

import html
import os
import re
import shutil
from pathlib import Path

from textual.pilot import Pilot

from reader.tui.app import make_app
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.widgets.article_table import ArticleTable
from tui_helpers import marks, titles, until, WIDE, file_lines, notices, screen_rows, settle, shown_lines, words, write_config

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RSS = FIXTURES / "feeds" / "rss2.xml"
MBOX = FIXTURES / "email" / "weekly.mbox"
RSS_TITLES = ["Tide gauge upgrade finished ahead of winter storms", "Ferry timetable changes & new Sunday crossings",
              "Lifeboat crew rescues two kayakers"]
NEW_ITEM = ("<item><title>Harbour cafe reopens after refit</title><guid>hg-2026-0115</guid>"
            "<description>The harbour cafe reopened on Friday after a winter refit of its kitchen.</description></item>")
_NUMBERED = re.compile(r"^\s*(\d+)\s")




async def view_all(pilot: Pilot[object]) -> None:
    """v until the library shows every article (the view is remembered between runs), so read rows stay."""
    for _ in range(4):
        if "view: all" in str(pilot.app.screen.query_one("#counts").render()):
            return
        await pilot.press("v")
        await settle(pilot)
    raise AssertionError("no view shows every article")


def feed_folder(tmp_path: Path, private_home: Path) -> Path:
    write_config(private_home, 'watch = "poll"\nwatch_seconds = 0.1\n')
    folder = tmp_path / "feeds"
    folder.mkdir()
    shutil.copy(RSS, folder / "harbour.xml")
    return folder


def resave_with_new_item_on_top(feed: Path) -> None:
    """The feed written again whole (under a hidden name, then renamed) with one more item first."""
    text = feed.read_text(encoding="utf-8").replace("<item>", NEW_ITEM + "\n    <item>", 1)
    temp = feed.with_name(f".{feed.name}.part")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, feed)


def plain(line: str) -> str:
    """A feed line as a reader sees it: escapes and tags taken off (written here, not reader's code)."""
    return re.sub(r"<[^>]*>", " ", html.unescape(line.replace("<![CDATA[", " ").replace("]]>", " ")))


async def test_one_row_per_item_and_an_item_opens_at_the_feed_lines(tmp_path: Path, private_home: Path) -> None:
    folder = feed_folder(tmp_path, private_home)
    lines = file_lines(folder / "harbour.xml")
    app = make_app([str(folder)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        assert titles(table) == RSS_TITLES
        await pilot.press("home", "down", "enter")  # the ferry item: its escaped <p>s are lines 27-29
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert "harbour.xml#" in screen_rows(app)[0]  # the pane is titled with the item's address
        rows = [row for row in shown_lines(screen.text_view) if row.strip()]
        numbered: dict[int, str] = {}
        current = 0
        for row in rows:
            if found := _NUMBERED.match(row):
                current = int(found.group(1))
                numbered[current] = row[found.end():]
            elif current:
                numbered[current] += " " + row
        assert sorted(numbered) == [27, 28, 29]
        for number, shown in numbered.items():
            assert set(words(shown)) <= set(words(plain(lines[number - 1]))), (number, shown)
        assert "Engineers" not in " ".join(rows)  # nothing of the other items


async def test_star_and_read_on_items_survive_a_resave_with_a_new_item_on_top(tmp_path: Path, private_home: Path,
                                                                              monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = feed_folder(tmp_path, private_home)
    app = make_app([str(folder)])
    seen = notices(app, monkeypatch)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        await view_all(pilot)
        await pilot.press("home", "s", "down", "down", "r")  # star the tide gauge item, read the lifeboat item
        await settle(pilot)
        before = marks(table)
        assert "★" in before[RSS_TITLES[0]] and "●" in before[RSS_TITLES[0]]
        assert "●" not in before[RSS_TITLES[2]] and "★" not in before[RSS_TITLES[2]]
        assert "●" in before[RSS_TITLES[1]] and "★" not in before[RSS_TITLES[1]]

        resave_with_new_item_on_top(folder / "harbour.xml")
        await until(pilot, lambda: "Harbour cafe reopens after refit" in titles(table), "the new item's row")
        await settle(pilot)
        after = marks(table)
        assert sorted(after) == sorted([*RSS_TITLES, "Harbour cafe reopens after refit"])
        assert {title: after[title] for title in RSS_TITLES} == before  # every old row keeps its marks
        assert "●" in after["Harbour cafe reopens after refit"] and "★" not in after["Harbour cafe reopens after refit"]
        assert "1 new article" in " ".join(seen)

    again = make_app([str(folder)])  # and a new run reads the same marks back from the store
    async with again.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await view_all(pilot)
        assert {t: m for t, m in marks(again.screen.query_one(ArticleTable)).items() if t in RSS_TITLES} == before


async def test_an_mbox_of_two_messages_is_two_rows(tmp_path: Path) -> None:
    folder = tmp_path / "mail"
    folder.mkdir()
    shutil.copy(MBOX, folder / "weekly.mbox")
    app = make_app([str(folder)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        assert titles(table) == ["New bus route for the old town", "Bakery celebrates fifty years"]
        await pilot.press("home", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        shown = " ".join(shown_lines(app.screen.text_view))
        assert "bakery celebrated fifty years" in shown and "electric bus" not in shown
