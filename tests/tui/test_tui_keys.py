"""Help lists every key from the bindings; every action is in the command palette; q quits."""
from __future__ import annotations

from textual.binding import Binding
from textual.command import CommandPalette

from reader.tui.app import make_app
from reader.tui.keys import key_commands
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.help_screen import HelpScreen
from reader.tui.screens.library_screen import LibraryScreen
from tui_helpers import SEEDS, WIDE, settle


def described(bindings: list[Binding]) -> list[Binding]:
    return [b for b in Binding.make_bindings(bindings) if b.description]


async def test_help_lists_every_key_of_the_library() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        text = str(help_screen.query_one("#help-keys").render())
        declared = [b for cls in LibraryScreen.__mro__ if cls.__module__.startswith("reader.")
                    for b in cls.__dict__.get("BINDINGS", [])]  # reader's bases' too (the filter keys)
        assert any(b.action == "full_text" for b in described(declared))
        for binding in described(declared) + described(type(app).BINDINGS):
            assert binding.description in text
            assert app.get_key_display(binding) in text
        assert "Command palette" in text
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_help_on_the_article_screen_lists_its_keys() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one("#help-keys").render())
        for binding in described(ArticleScreen.BINDINGS):
            assert binding.description in text
        assert "Next sentence" in text and "Line down" in text  # the panes' own keys
        await pilot.press("question_mark")
        assert isinstance(app.screen, ArticleScreen)


async def test_every_screen_action_is_a_palette_command() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for binding in described(LibraryScreen.BINDINGS):
            assert binding.description in titles
        assert {c.title for c in key_commands(app.screen)} >= {"Story", "Compare", "Filter", "Quit"}


async def test_palette_runs_an_action() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"by title")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.session.sort_key.value == "title"


async def test_q_quits() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit or not app.is_running


async def test_q_typed_in_the_filter_is_text_not_quit() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q", "question_mark")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, LibraryScreen)
        assert app.screen.query_text == "q?"
