"""The Textual app, kept thin: it owns the library state and opens the library screen; screens do the rest."""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from reader.resources import seeds_dir
from reader.tui.keys import key_commands
from reader.tui.library import Library
from reader.tui.loader_worker import prepare_pool
from reader.tui.memory import thaw
from reader.tui.screens.help_screen import HelpScreen
from reader.tui.screens.library_screen import LibraryScreen


class ReaderApp(App[None]):
    """Reads the given paths (default: the bundled sample corpus) into a library of articles."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"

    BINDINGS: list[BindingType] = [
        Binding("q", "quit", "Quit", tooltip="leave reader"),
        Binding("question_mark", "help", "Keys", tooltip="every key of the current screen"),
    ]

    def __init__(self, paths: Sequence[str | os.PathLike[str]]) -> None:
        super().__init__()
        self.paths = [os.fspath(p) for p in paths] or [os.fspath(seeds_dir())]
        self.library = Library()  # per-article marks live here, one per app run
        prepare_pool()

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen(self.paths, self.library))

    def on_unmount(self) -> None:
        thaw()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from key_commands(screen)


def make_app(paths: Sequence[str | os.PathLike[str]]) -> ReaderApp:
    """The app for `paths`; shared by the command line and the tests."""
    return ReaderApp(paths)


def run(paths: Sequence[str | os.PathLike[str]]) -> int:
    """Run the app until the user quits; the exit status is always 0 (failures are shown, not fatal)."""
    make_app(paths).run()
    return 0
