"""The library's full-text mode driven as a user drives it: F, type, read the hit line, enter, escape."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Input

import reader.tui.full_text as full_text_module
from reader.tui.app import make_app
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.library_screen import LibraryScreen
from reader.tui.widgets.article_table import ArticleTable
from tui_helpers import WIDE, press, settle, shown_lines

FILLER = "Residents filled the hall and asked questions for most of the evening."


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    """Three articles whose titles never name the words their bodies hold."""
    folder = tmp_path / "harbour"
    folder.mkdir()
    (folder / "a-council.txt").write_text(
        "Council meets on Tuesday\n\n" + f"{FILLER}\n\n" * 2
        + "A zeppelin mooring mast will rise beside the old pier next spring.\n\n" + f"{FILLER}\n",
        encoding="utf-8")  # the zeppelin sentence is on line 7
    (folder / "b-weather.txt").write_text(
        "Weather for the weekend\n\nEngineers closed the tidal barrier before the storm arrived.\n\n"
        f"{FILLER}\n", encoding="utf-8")
    (folder / "c-schools.txt").write_text(
        "Schools reopen after repairs\n\nThe barrier around the yard was repaired after a tidal surge.\n\n"
        f"{FILLER}\n", encoding="utf-8")
    return folder


def titles(table: ArticleTable) -> list[str]:
    return [table.get_row_at(i)[1].plain for i in range(table.row_count)]


def hit_line(screen: LibraryScreen) -> str:
    return str(screen.query_one("#full-text").render())


async def test_a_word_only_in_a_body_finds_its_article_with_the_line_and_sentence(harbour: Path) -> None:
    app = make_app([str(harbour)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(ArticleTable)
        await press(pilot, "F", *"zeppelin")
        assert titles(table) == ["Council meets on Tuesday"]
        line = hit_line(screen)
        assert "line 7: A zeppelin mooring mast will rise beside the old pier next spring." in line
        assert "text: “zeppelin”" in str(screen.query_one("#counts").render())
        await press(pilot, *" -pier")  # an exclusion leaves nothing
        assert table.row_count == 0
        assert "match “zeppelin -pier”" in str(screen.query_one("#empty").render())


async def test_a_phrase_needs_its_words_side_by_side_and_prefixes_match(harbour: Path) -> None:
    app = make_app([str(harbour)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        await press(pilot, "F", *"tidal barrier")
        assert sorted(titles(table)) == ["Schools reopen after repairs", "Weather for the weekend"]
        await press(pilot, "ctrl+u", *'"tidal barrier"')
        assert titles(table) == ["Weather for the weekend"]
        assert "line 3: Engineers closed the tidal barrier" in hit_line(app.screen)
        await press(pilot, "ctrl+u", *"zepp*")
        assert titles(table) == ["Council meets on Tuesday"]


async def test_a_bad_query_is_a_plain_message_and_the_rows_stay(harbour: Path) -> None:
    app = make_app([str(harbour)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        await press(pilot, "F", *"engineers")
        assert titles(table) == ["Weather for the weekend"]
        await press(pilot, *' "storm')
        assert "cannot search: a quote is not closed" in hit_line(app.screen)
        assert titles(table) == ["Weather for the weekend"]  # the last answer stays while the query is unfinished
        await press(pilot, "ctrl+u", *"-storm")
        assert "cannot search: the query only leaves words out" in hit_line(app.screen)
        await press(pilot, "ctrl+u", *"storm")
        assert "cannot search" not in hit_line(app.screen)
        assert titles(table) == ["Weather for the weekend"]


async def test_enter_opens_the_article_at_the_hit_line_highlighted(harbour: Path) -> None:
    app = make_app([str(harbour)])
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        await press(pilot, "F", *"mooring", "enter")  # enter in the box: to the table
        await press(pilot, "enter")  # enter on the row: open it
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        view = screen.source
        assert view.has_focus and view is screen.text_view  # the readable view, numbered with file lines
        assert view.cursor_line == 7
        assert view.cited is not None and view.cited.start == 7
        shown = [line for line in shown_lines(view) if "zeppelin mooring mast" in line]
        assert shown and shown[0].lstrip().startswith("7")  # on screen, with its file line number


async def test_escape_returns_to_the_title_filter(harbour: Path) -> None:
    app = make_app([str(harbour)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(ArticleTable)
        await press(pilot, "F", *"engineers")
        assert table.row_count == 1 and screen.has_class("-full-text")
        await press(pilot, "escape")
        assert table.row_count == 3 and not screen.has_class("-full-text")
        assert app.focused is table
        assert not screen.query_one("#full-text").display
        await press(pilot, "slash", *"weath")
        box = screen.query_one("#filter", Input)
        assert box.placeholder.startswith("filter: title")
        assert titles(table) == ["Weather for the weekend"]  # the filter: any part of a word
        await press(pilot, "escape", "F", *"weath")  # full text: whole words, or a prefix with *
        assert table.row_count == 0
        await press(pilot, "escape")
        assert table.row_count == 3 and box.value == ""


async def test_switching_modes_keeps_the_text_typed(harbour: Path) -> None:
    app = make_app([str(harbour)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        await press(pilot, "slash", *"repai", "enter")
        assert titles(table) == ["Schools reopen after repairs"]
        await press(pilot, "F")
        assert app.screen.query_one("#filter", Input).value == "repai"
        assert table.row_count == 0  # no whole word "repai"
        await press(pilot, "end", "*")
        assert titles(table) == ["Schools reopen after repairs"]
        await press(pilot, "enter", "slash")
        assert app.screen.query_one("#filter", Input).value == "repai*"
        assert table.row_count == 0  # the filter looks for the characters typed, star included


async def test_typed_while_indexing_says_so_and_runs_when_ready(harbour: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    real = full_text_module.prepare_search

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert release.wait(60), "the test never released the index"
        return real(*args, **kwargs)

    monkeypatch.setattr(full_text_module, "prepare_search", slow)
    app = make_app([str(harbour)])
    async with app.run_test(size=WIDE) as pilot:
        for _ in range(200):  # the library loads; the index waits on `release`
            await pilot.pause()
            if app.screen.query_one(ArticleTable).row_count == 3 and app.library.loaded:
                break
        await pilot.press("F", *"zeppelin")
        await pilot.pause()
        assert "indexing the articles' text… the query runs when it is done" in hit_line(app.screen)
        assert app.screen.query_one(ArticleTable).row_count == 3  # every row until the answer
        await pilot.press("enter", "j")  # the UI answers keys meanwhile: to the table, a row down
        release.set()
        await settle(pilot)
        assert titles(app.screen.query_one(ArticleTable)) == ["Council meets on Tuesday"]


async def test_sentences_with_markup_are_shown_as_text(untrusted_article: Path) -> None:
    app = make_app([str(untrusted_article)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "F", *"council")
        line = hit_line(app.screen)
        assert "[bold]x[/bold] was never bold and [link=evil]y[/link]" in line


async def test_the_filter_keys_can_be_rebound_in_the_keymap(harbour: Path, private_home: Path) -> None:
    config = private_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text('[keymap]\n"library.full_text" = "ctrl+t"\n"library.filter" = "ctrl+f"\n')
    app = make_app([str(harbour)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert not any("unknown action" in str(n.message) for n in app._notifications)
        await press(pilot, "ctrl+t", *"zeppelin")
        assert titles(app.screen.query_one(ArticleTable)) == ["Council meets on Tuesday"]
        await press(pilot, "ctrl+f")
        assert not app.screen.has_class("-full-text")


async def test_the_text_index_is_made_only_when_full_text_search_is_asked_for(harbour: Path) -> None:
    """Loading the library never parses every file a second time; the first F does, once."""
    app = make_app([str(harbour)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert not screen.full_text.index.ready and not screen.full_text.indexing
        await pilot.press("F")
        await settle(pilot)
        assert screen.full_text.index.ready


async def test_past_the_row_cap_the_best_articles_are_shown_and_the_line_says_more_match(
        harbour: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each answer replaces the rows, so a word in most of 10,000 articles is capped (ARTICLE_ROWS);
    here the cap is 1 and `tidal` is in two articles."""
    monkeypatch.setattr(full_text_module, "ARTICLE_ROWS", 1)
    app = make_app([str(harbour)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(ArticleTable)
        await press(pilot, "F", *"tidal")
        assert table.row_count == 1 and titles(table)[0] in ("Weather for the weekend", "Schools reopen after repairs")
        assert "only the best 1 article is shown: add words to narrow" in hit_line(screen)
        await press(pilot, *" storm")  # one article has both: no cap, no note
        assert titles(table) == ["Weather for the weekend"]
        assert "add words to narrow" not in hit_line(screen)


async def test_an_answer_with_the_same_rows_keeps_them_and_puts_the_cursor_on_the_best(harbour: Path) -> None:
    """`tidal` then `tidal ` find the same articles: the rows stay (not made again), the cursor goes
    to the best one as for any answer."""
    app = make_app([str(harbour)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(ArticleTable)
        await press(pilot, "F", *"tidal", "enter", "down")  # enter: to the rows; down: off the best
        before = titles(table)
        assert len(before) == 2 and table.cursor_row == 1
        await press(pilot, "F", "space")
        assert titles(table) == before and table.cursor_row == 0
        assert screen.session.text_query == "tidal " and screen.full_text.found.query == "tidal "
