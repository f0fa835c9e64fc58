"""A folder that grows while the library is open: files arrive, change and go, and the rows follow.

The watcher polls every 0.1 s here (the config's `watch = "poll"`), so what it does is known; one
test uses notifications as users get them by default. Files are written whole under a hidden name
and renamed, as editors and downloaders do, so no scan sees half a file. Waits poll the screen
until the row shows, within a bound far above a real wait: nothing here times the watcher.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.tui.app import make_app
from reader.tui.widgets.article_table import ArticleTable
from reader.tui.widgets.failure_list import FailureList
from reader.tui.widgets.folder_watcher import FolderWatcher
from tui_helpers import marks, titles, until, WIDE, notices, settle, write_config

POLL_FAST = 'watch = "poll"\nwatch_seconds = 0.1\n'


def arrive(path: Path, text: str | bytes) -> None:
    """Write the whole file under a hidden name, then rename it into place."""
    temp = path.with_name(f".{path.name}.part")
    if isinstance(text, bytes):
        temp.write_bytes(text)
    else:
        temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def article(title: str, body: str) -> str:
    return f"{title}\n\n{body}\n"




@pytest.fixture
def news(tmp_path: Path, private_home: Path) -> Path:
    write_config(private_home, POLL_FAST)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a-harbour.txt").write_text(article("Harbour ferry timetable", "The ferry leaves at nine on Mondays."))
    (folder / "b-council.txt").write_text(article("Council budget vote", "The council approved the budget on Tuesday."))
    return folder


async def test_new_changed_and_removed_files_show_up_with_a_notice(news: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = make_app([str(news)])
    seen = notices(app, monkeypatch)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        assert titles(table) == ["Harbour ferry timetable", "Council budget vote"]

        arrive(news / "c-library.txt", article("Library opening hours", "The library opens on Sundays from March."))
        await until(pilot, lambda: "Library opening hours" in titles(table), "the new file's row")
        assert titles(table) == ["Harbour ferry timetable", "Council budget vote", "Library opening hours"]
        assert "1 new article" in seen

        arrive(news / "a-harbour.txt", article("Harbour ferry timetable changed", "The ferry now leaves at ten on Mondays."))
        await until(pilot, lambda: "Harbour ferry timetable changed" in titles(table), "the changed file's row")
        assert titles(table) == ["Harbour ferry timetable changed", "Council budget vote", "Library opening hours"]
        assert "1 article changed" in seen

        (news / "b-council.txt").unlink()
        await until(pilot, lambda: "Council budget vote" not in titles(table), "the removed file's row gone")
        assert titles(table) == ["Harbour ferry timetable changed", "Library opening hours"]
        assert "1 article removed" in seen
        assert "2 of 2" in str(app.screen.query_one("#counts").render())


async def test_cursor_and_selection_stay_on_their_articles_when_rows_arrive(news: Path) -> None:
    (news / "c-weather.txt").write_text(article("Weather warning", "Storms are expected along the coast tonight."))
    app = make_app([str(news)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        await pilot.press("T")  # by title: Council, Harbour, Weather
        await pilot.press("home", "space")  # Council selected, the cursor moves to Harbour
        assert titles(table) == ["Council budget vote", "Harbour ferry timetable", "Weather warning"]
        assert table.cursor_row == 1

        arrive(news / "d-arts.txt", article("Arts festival returns", "The arts festival returns to the old mill in June."))
        await until(pilot, lambda: table.row_count == 4, "the new row")
        assert titles(table) == ["Arts festival returns", "Council budget vote", "Harbour ferry timetable", "Weather warning"]
        assert table.get_row_at(table.cursor_row)[1].plain == "Harbour ferry timetable"  # same article, one row down
        assert marks(table)["Council budget vote"].startswith("▸")
        assert not marks(table)["Arts festival returns"].startswith("▸")

        (news / "a-harbour.txt").unlink()  # the cursor's own article goes: the cursor takes the row after it
        await until(pilot, lambda: table.row_count == 3, "the removed row gone")
        assert table.get_row_at(table.cursor_row)[1].plain == "Weather warning"
        assert marks(table)["Council budget vote"].startswith("▸")


FEED_HEAD = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Harbour Desk</title>\n'
ITEMS = {
    "one": "<item><guid>one</guid><title>Ferry fares rise</title>"
           "<description>Ferry fares rise by five per cent from April, the operator said.</description></item>\n",
    "two": "<item><guid>two</guid><title>Pier repairs begin</title>"
           "<description>Repairs to the north pier begin next week and last two months.</description></item>\n",
    "three": "<item><guid>three</guid><title>New route to the islands</title>"
             "<description>A new ferry route to the outer islands starts in May.</description></item>\n",
}


def feed(*names: str) -> str:
    return FEED_HEAD + "".join(ITEMS[n] for n in names) + "</channel></rss>\n"


async def test_a_resaved_feed_adds_and_drops_items_and_keeps_their_marks(tmp_path: Path, private_home: Path,
                                                                          monkeypatch) -> None:  # type: ignore[no-untyped-def]
    write_config(private_home, POLL_FAST)
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "harbour.xml").write_text(feed("one", "two"), encoding="utf-8")
    app = make_app([str(folder)])
    seen = notices(app, monkeypatch)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        assert titles(table) == ["Ferry fares rise", "Pier repairs begin"]
        await pilot.press("home", "s")  # star "Ferry fares rise"
        await settle(pilot)
        assert "★" in marks(table)["Ferry fares rise"]

        arrive(folder / "harbour.xml", feed("three", "one"))  # re-saved: a new item on top, "two" taken out
        await until(pilot, lambda: "New route to the islands" in titles(table), "the feed's new item")
        assert sorted(titles(table)) == ["Ferry fares rise", "New route to the islands"]
        assert "★" in marks(table)["Ferry fares rise"]
        assert "1 new article, 1 removed" in seen


async def test_an_unreadable_new_file_is_one_line_among_the_failures(news: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = make_app([str(news)])
    seen = notices(app, monkeypatch)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        failures = app.screen.query_one(FailureList)
        assert failures.option_count == 0
        arrive(news / "scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
        await until(pilot, lambda: failures.option_count == 1, "the failure line")
        assert "scan.png" in str(failures.get_option_at_index(0).prompt)
        assert failures.display and "1 could not be read" in seen
        assert app.screen.query_one(ArticleTable).row_count == 2  # the library goes on


async def test_a_file_arriving_is_seen_through_notifications_by_default(tmp_path: Path) -> None:
    pytest.importorskip("watchfiles")
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text(article("First story", "The first story is already here."))
    app = make_app([str(folder)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        arrive(folder / "b.txt", article("Second story", "The second story arrives while reading."))
        await until(pilot, lambda: table.row_count == 2, "the new file's row")
        assert titles(table) == ["First story", "Second story"]
        assert app.screen.query_one(FolderWatcher).folder_watch.mode == "notify"  # type: ignore[union-attr]


@pytest.mark.parametrize("mode", ["poll", "notify"])
async def test_quitting_stops_the_watcher(tmp_path: Path, private_home: Path, mode: str) -> None:
    write_config(private_home, f'watch = "{mode}"\nwatch_seconds = 3600\n')  # it would wait an hour
    (tmp_path / "a.txt").write_text(article("A story", "Some text to read."))
    app = make_app([str(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        watch = app.screen.query_one(FolderWatcher).folder_watch
        assert watch is not None and watch.running
        await pilot.press("q")
        await pilot.pause()
    assert not watch.running and watch.stopped


async def test_watch_off_watches_nothing(tmp_path: Path, private_home: Path) -> None:
    write_config(private_home, 'watch = "off"\n')
    (tmp_path / "a.txt").write_text(article("A story", "Some text to read."))
    app = make_app([str(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.screen.query_one(FolderWatcher).folder_watch is None


async def test_an_arrival_becomes_searchable_in_full_text(news: Path) -> None:
    app = make_app([str(news)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        await pilot.press("F")  # the index is made now
        await settle(pilot)
        await pilot.press("escape")
        arrive(news / "c-airship.txt", article("Airship visit", "A zeppelin moored above the harbour on Friday."))
        await until(pilot, lambda: table.row_count == 3, "the new file's row")
        await settle(pilot)  # the index takes the new file in
        await pilot.press("F", *"zeppelin")
        await settle(pilot)
        assert titles(table) == ["Airship visit"]
