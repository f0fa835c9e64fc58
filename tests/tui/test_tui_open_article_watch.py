"""The article on screen follows its file: edited outside, it is read again in place; removed, it says so.

The watcher polls every 0.1 s (as in test_tui_folder_watch), so the waits below are bounds far above a
real wait, never a speed check.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from textual.css.query import NoMatches

from reader.tui.app import make_app
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.widgets.source_view import SourceView
from test_tui_folder_watch import POLL_FAST, arrive, article
from tui_helpers import WIDE, notices, press, settle, shown_lines, until, write_config


@pytest.fixture
def news(tmp_path: Path, private_home: Path) -> Path:
    write_config(private_home, POLL_FAST)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a-harbour.txt").write_text(article(
        "Harbour ferry timetable", "The ferry leaves at nine on Mondays. The harbour master set the timetable in May."))
    return folder


def source_text(app: object) -> str:
    """What the article's source pane shows; "" while a screen read afresh is still being composed."""
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ArticleScreen)
    try:
        return "\n".join(shown_lines(screen.source))
    except NoMatches:
        return ""


def source_title(app: object) -> str:
    return str(app.screen.query_one("#source-pane").border_title)  # type: ignore[attr-defined]


async def test_an_open_article_whose_file_is_edited_is_read_again(news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app([str(news)])
    seen = notices(app, monkeypatch)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        assert "nine on Mondays" in source_text(app)
        arrive(news / "a-harbour.txt", article(
            "Harbour ferry timetable", "The ferry now leaves at ten on Mondays. The harbour master set it in June."))
        await until(pilot, lambda: "ten on Mondays" in source_text(app), "the edited text on screen")
        await settle(pilot)
        assert "nine on Mondays" not in source_text(app)
        assert any("changed on disk" in n for n in seen)
        summary = app.screen.query_one("#summary")
        assert any("ten on Mondays" in line for line in shown_lines(summary))  # summarised again too
        assert isinstance(app.screen.query_one("#text", SourceView), SourceView)  # one view of each kind
        assert len(app.screen.query(SourceView)) == 2


async def test_an_edit_while_a_dialog_is_on_top_is_read_on_return(news: Path) -> None:
    app = make_app([str(news)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        article_screen = app.screen
        await press(pilot, "t")  # the tag dialog covers the article
        assert app.screen is not article_screen
        arrive(news / "a-harbour.txt", article("Harbour ferry timetable", "The ferry now leaves at ten on Mondays."))
        await until(pilot, lambda: isinstance(article_screen, ArticleScreen) and article_screen.stale,
                    "the article noted as changed")
        await press(pilot, "escape")
        assert isinstance(app.screen, ArticleScreen)  # the article again (read afresh: a new screen)
        await until(pilot, lambda: "ten on Mondays" in source_text(app), "the edited text on return")


async def test_an_open_article_whose_file_is_removed_stays_shown_and_says_so(
        news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app([str(news)])
    seen = notices(app, monkeypatch)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        (news / "a-harbour.txt").unlink()
        await until(pilot, lambda: "file removed" in source_title(app), "the title saying the file went")
        assert "nine on Mondays" in source_text(app)  # the text as it was opened
        assert any("was removed" in n and "a-harbour.txt" in n for n in seen)
        arrive(news / "a-harbour.txt", article("Harbour ferry timetable", "The ferry is back at ten on Mondays."))
        await until(pilot, lambda: "ten on Mondays" in source_text(app), "the file come back, read again")
        assert "file removed" not in source_title(app)


async def test_an_article_is_parsed_off_the_ui_thread_and_keys_work_meanwhile(
        news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 12 MB file takes seconds to parse: the library keeps taking keys, then the article opens."""
    import threading

    from reader.tui.screens import library_screen

    (news / "b-council.txt").write_text(article("Council budget vote", "The council approved the budget on Tuesday."))
    release = threading.Event()
    real = library_screen.open_article

    def slow(entry):  # type: ignore[no-untyped-def]
        release.wait(WAIT_SECONDS)
        return real(entry)

    monkeypatch.setattr(library_screen, "open_article", slow)
    app = make_app([str(news)])
    seen = notices(app, monkeypatch)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        library = app.screen
        table = library.query_one("#articles")
        await pilot.press("enter")
        await pilot.press("down")  # handled while the file is being parsed
        await until(pilot, lambda: any(n.startswith("opening ") for n in seen), "the notice of a slow opening")
        assert app.screen is library and table.cursor_row == 1
        release.set()
        await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "the article, once parsed")
        assert "nine on Mondays" in source_text(app)


WAIT_SECONDS = 30.0  # a guard, not a timing
