"""Themes and keymap in the running app: shipped themes register, the choice persists, keys rebind."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import load_preferences
from reader.resources import seeds_dir
from reader.tui.app import make_app
from reader.tui.screens.article_screen import ArticleScreen
from tui_helpers import settle

SHIPPED = ("reader-dark", "reader-light", "reader-high-contrast", "reader-colorblind")


async def test_shipped_themes_register_and_theme_option_applies() -> None:
    app = make_app([seeds_dir()], theme="reader-light")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert set(SHIPPED) <= set(app.available_themes)
        assert app.theme == "reader-light"
        assert app.get_css_variables()["citation-highlight"].lower() == "#fff1b8"


async def test_unknown_theme_falls_back_with_a_notice() -> None:
    app = make_app([seeds_dir()], theme="no-such-theme")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.theme == "reader-dark"
        assert any("no-such-theme" in str(n.message) for n in app._notifications)


async def test_builtin_textual_theme_still_renders() -> None:
    app = make_app([seeds_dir()], theme="nord")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        assert "citation-highlight" in app.get_css_variables()


async def test_theme_change_is_remembered() -> None:
    app = make_app([seeds_dir()])
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.theme = "reader-high-contrast"
        await pilot.pause()
    assert load_preferences()["theme"] == "reader-high-contrast"
    again = make_app([seeds_dir()])
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert again.theme == "reader-high-contrast"


async def test_keymap_rebinds_and_reports_problems(private_home: Path) -> None:
    config = private_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text('[keymap]\n"library.story" = "x"\n"nope.action" = "z"\n')
    app = make_app([seeds_dir()])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)  # loading, then story grouping (a worker the load starts): S needs the stories
        assert any("nope.action" in str(n.message) for n in app._notifications)
        await pilot.press("x")
        await settle(pilot)
        assert type(app.screen).__name__ == "StoryScreen"


def write_config(home: Path, text: str) -> None:
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(text)


async def test_config_sets_the_summary_defaults(private_home: Path) -> None:
    write_config(private_home, 'algorithm = "lead"\nsummary_sentences = 2\n')
    app = make_app([seeds_dir()])
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert (screen.algorithm, screen.count) == ("lead", 2)


async def test_no_color_is_respected(monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app([seeds_dir()])
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.no_color


@pytest.mark.parametrize(("algorithm", "on_ui_thread"), [("reader", True), ("lsa", False)])
async def test_only_the_fast_summarizers_run_on_the_ui_thread(private_home: Path, monkeypatch, algorithm: str,
                                                              on_ui_thread: bool) -> None:
    import threading

    import reader.tui.screens.article_screen as article_screen

    write_config(private_home, f'algorithm = "{algorithm}"\n')
    threads: list[bool] = []
    real = article_screen.summarize_article

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(article_screen, "summarize_article", recording)
    app = make_app([seeds_dir()])
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen) and screen.summary_ready and screen.algorithm == algorithm
    assert threads == [on_ui_thread]
