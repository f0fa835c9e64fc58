"""The library as a daily user meets it (issue 12): empty views say so with the real keys, the compare
prompt and the status line are not cut at 80 columns (a long query is shortened with …), n/p wrap around with a notice, view and sort are remembered across
runs, and the tag dialog says what is wrong inside itself and takes the keys typed right after t."""
from __future__ import annotations

import json
from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.widgets import Input

from reader.config import preferences_path
from reader.triage import ArticleKey, TriageStore
from reader.tui.app import ReaderApp, make_app
from reader.tui.library import SortKey, View
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.library_screen import LibraryScreen
from reader.tui.screens.tag_dialog import TagDialog
from reader.tui.widgets.article_table import ArticleTable
from tui_helpers import SEEDS, WIDE, press, screen_rows, settle, write_config

SMALL = (80, 24)


def screen_text(app: App[object]) -> str:
    """Every row as painted now, joined by spaces, so text wrapped over two rows still reads as one."""
    return " ".join(" ".join(row.split()) for row in screen_rows(app))


def key_shown(app: App[object], binding_id: str) -> str:
    """How the footer and help show the first key of a library binding, read from its declaration."""
    binding = next(b for b in Binding.make_bindings(LibraryScreen.BINDINGS) if b.id == binding_id)
    return app.get_key_display(binding)


def library(app: ReaderApp) -> LibraryScreen:
    return app.library_screen


def recording(app: App[object]) -> list[str]:
    """Every notification the app shows from now on (the app's own list forgets them after their
    timeout, which a slow machine passes while an article opens)."""
    seen: list[str] = []
    notify = app.notify

    def record(message: str, *args: object, **kwargs: object) -> None:
        seen.append(str(message))
        notify(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = record  # type: ignore[method-assign]
    return seen


# -- empty views --------------------------------------------------------------------------------------

async def test_empty_views_say_so_with_the_key_that_shows_the_next() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert not library(app).has_class("-empty")  # unread: every seed is there
        v = key_shown(app, "library.next_view")
        await press(pilot, "v")
        assert library(app).session.view is View.STARRED
        assert f"No starred articles. {v} shows the next view." in screen_text(app)
        await press(pilot, "v")
        assert f"No archived articles. {v} shows the next view." in screen_text(app)
        await press(pilot, "v")  # all: rows again, no note
        assert not library(app).has_class("-empty") and "No " not in screen_text(app)


async def test_a_filter_that_matches_nothing_says_how_to_clear_it() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "slash", *"zzzq")
        text = screen_text(app)
        assert "No unread articles match “zzzq”." in text
        assert f"{key_shown(app, 'library.clear')} clears the filter" in text
        await press(pilot, "escape")
        assert "match" not in screen_text(app) and library(app).query_one(ArticleTable).row_count > 0


async def test_the_empty_note_names_a_rebound_key(private_home: Path) -> None:
    write_config(private_home, '[keymap]\n"library.next_view" = "w"\n')
    app = make_app([str(SEEDS)])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "w")
        assert "No starred articles. w shows the next view." in screen_text(app)


async def test_a_folder_without_articles_says_so(tmp_path: Path) -> None:
    app = make_app([str(tmp_path)])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert "No article could be read (1 input failed: listed below)." in screen_text(app)


# -- the compare prompt -------------------------------------------------------------------------------

async def test_the_compare_prompt_is_not_cut_at_80_columns() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = library(app)
        first = screen.library.entry(screen.table.current_key).listing.title
        await press(pilot, "c")
        text = screen_text(app)
        compare, clear = key_shown(app, "library.compare"), key_shown(app, "library.clear")
        assert f"— {compare} on a second article, {clear} cancels" in text
        assert " ".join(first.split()[:6]) in text  # the title's start, before any ellipsis
        await press(pilot, "escape")
        assert "second article" not in screen_text(app)


# -- the status line ---------------------------------------------------------------------------------

LONG_QUERY = "council congestion charge vote in bellhaven tuesday"


def status_row(app: App[object]) -> str:
    row = screen_rows(app)[0]
    assert row.startswith(" view: "), row  # the status line is the first row
    return row


async def test_a_long_filter_is_shortened_and_the_counts_stay_at_80_columns() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "slash", *LONG_QUERY)
        row = status_row(app)
        assert " of 12 · 12 unread · 0 starred · filter: “council" in row, row
        assert row.rstrip().endswith("…”"), row  # shortened, and says so
        assert LONG_QUERY not in row and len(row.rstrip()) <= SMALL[0]
        await press(pilot, "escape", "F", *LONG_QUERY)
        row = status_row(app)
        assert " of 12 · 12 unread · 0 starred · text: “council" in row and "…”" in row, row
        assert LONG_QUERY not in row and len(row.rstrip()) <= SMALL[0]


async def test_without_a_query_the_order_gives_way_whole_at_80_columns() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert "· sorted by file ↑" in status_row(app)
        await press(pilot, "asterisk")  # " · 12 selected" leaves no room for the order
        row = status_row(app)
        assert "· 12 selected" in row and "sorted" not in row, row


async def test_a_short_filter_shows_whole_with_the_order() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "slash", *"meteorite")
        row = status_row(app)
        assert "· 2 of 12 ·" in row and "filter: “meteorite” · sorted by file ↑" in row, row
        assert "…" not in row


# -- n and p wrap -------------------------------------------------------------------------------------

async def test_next_unread_in_the_library_wraps_with_a_notice() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        notices = recording(app)
        table = library(app).query_one(ArticleTable)
        await press(pilot, "G", "n")
        assert table.cursor_row == 0
        assert any("Wrapped around" in n for n in notices)
        await press(pilot, "p")
        assert table.cursor_row == table.row_count - 1


async def test_next_unread_from_the_last_article_opens_the_first() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        notices = recording(app)
        screen = library(app)
        first = screen.shown[0].listing.path
        await press(pilot, "G", "enter")
        assert isinstance(app.screen, ArticleScreen)
        await press(pilot, "n")
        assert isinstance(app.screen, ArticleScreen) and app.screen.article.path == first
        assert any("Wrapped around" in n for n in notices)


async def test_next_unread_with_nothing_else_unread_says_so() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        notices = recording(app)
        await press(pilot, "R", "v", "v", "v")  # everything read; the all view keeps every row
        table = library(app).query_one(ArticleTable)
        await press(pilot, "n")
        assert table.cursor_row == 0
        assert any("No other unread" in n for n in notices)


# -- remembered view and sort -------------------------------------------------------------------------

async def test_view_and_sort_are_remembered_across_runs() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "d", "v", "v", "v")  # newest first, then the all view
    again = make_app([str(SEEDS)])
    async with again.run_test(size=WIDE) as pilot:
        await settle(pilot)
        session = library(again).session
        assert (session.view, session.sort_key, session.reverse) == (View.ALL, SortKey.DATE, True)
        counts = str(library(again).query_one("#counts").render())
        assert "view: all" in counts and "sorted by date" in counts
        dates = [e.listing.date or "" for e in session.shown]
        assert dates == sorted(dates, reverse=True)


async def test_a_damaged_remembered_view_starts_on_the_defaults() -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"library": {"view": "sideways", "sort": 3, "reverse": "no"}}), encoding="utf-8")
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        session = library(app).session
        assert (session.view, session.sort_key, session.reverse) == (View.UNREAD, SortKey.FILE, False)
        assert app.is_running


# -- the tag dialog -----------------------------------------------------------------------------------

async def stored_tags(app: ReaderApp, row: int) -> frozenset[str]:
    await app.workers.wait_for_complete()
    listing = library(app).shown[row].listing
    with TriageStore.open(app.triage.store.path) as store:
        return store.get(ArticleKey(listing.key.fingerprint, listing.path)).tags


async def test_the_tag_dialog_says_what_is_wrong_inside_itself() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        notices = recording(app)
        await press(pilot, "t", *"good, bad tag")
        dialog = app.screen
        assert isinstance(dialog, TagDialog) and dialog.has_class("-invalid")
        error = dialog.query_one("#tag-error")
        assert "'bad tag'" in str(error.render()) and error.region.height > 0
        assert "cannot contain spaces" in screen_text(app)  # shown in the dialog, not only held by the widget
        await press(pilot, "enter")  # refused: the dialog stays, with its reason
        assert app.screen is dialog and not notices
        await press(pilot, "backspace", "backspace", "backspace", "backspace")  # "good, bad"
        assert not dialog.has_class("-invalid")
        await press(pilot, "enter")
        assert isinstance(app.screen, LibraryScreen)
        assert await stored_tags(app, 0) == {"good", "bad"}


async def test_keys_typed_right_after_t_go_into_the_line_and_the_next_ones_to_the_library() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        # All at once, as a terminal delivers a fast typist's keys (Pilot's press waits between keys).
        for key, character in [("t", "t"), *((c, c) for c in "news"), ("enter", "\r")]:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert await stored_tags(app, 0) == {"news"}
        await press(pilot, "s")
        assert library(app).library.state_of(library(app).shown[0]).starred


async def test_typing_in_the_tag_dialog_adds_to_the_tags_already_there() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "t", *"council", "enter")
        await press(pilot, "t")
        assert app.screen.query_one(Input).value.startswith("council")
        await press(pilot, *"local", "enter")
        assert await stored_tags(app, 0) == {"council", "local"}
