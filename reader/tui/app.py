"""The Textual app, kept thin: it owns the library state and opens the library screen; screens do the rest."""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from reader.config import load_config
from reader.resources import seeds_dir
from reader.tui.appearance import VARIABLE_DEFAULTS, apply_keymap, apply_theme, register_themes, remember_theme_changes
from reader.tui.keys import key_commands
from reader.tui.library import Library
from reader.parallel import prepare as prepare_pool
from reader.triage.ingest_cache import cache_beside
from reader.tui.memory import thaw
from reader.tui.screens.help_screen import HelpScreen
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.compare_screen import CompareScreen
from reader.tui.screens.library_screen import LibraryScreen
from reader.tui.screens.story_screen import StoryScreen
from reader.tui.triage_session import TriageSession

KEYMAP_SCREENS = (LibraryScreen, ArticleScreen, StoryScreen, CompareScreen)

class ReaderApp(App[None]):
    """Reads the given paths (default: the bundled sample corpus) into a library of articles."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"

    BINDINGS: list[BindingType] = [
        Binding("q", "quit", "Quit", tooltip="leave reader", id="app.quit"),
        Binding("question_mark", "help", "Keys", tooltip="every key of the current screen", id="app.help"),
    ]

    def __init__(self, paths: Sequence[str | os.PathLike[str]], theme: str | None = None,
                 state: str | None = None) -> None:
        super().__init__()
        self.paths = [os.fspath(p) for p in paths] or [os.fspath(seeds_dir())]
        self.library = Library()  # what was loaded and each article's triage state, one per app run
        self.triage: TriageSession | None = None  # opened on mount, closed on unmount
        self.config = load_config()
        self.theme_override = theme
        self.state_path = state
        prepare_pool()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """reader's colour variables, so Textual's own themes render too."""
        return {**super().get_theme_variable_defaults(), **VARIABLE_DEFAULTS}

    def on_mount(self) -> None:
        problems = list(self.config.problems)
        problems += register_themes(self)
        problems += apply_theme(self, self.config, self.theme_override)
        remember_theme_changes(self)
        problems += apply_keymap(self, self.config, [ReaderApp, *KEYMAP_SCREENS])
        for problem in problems:
            self.notify(problem, title="settings", severity="warning", timeout=8, markup=False)
        self.triage = TriageSession.open(self.state_path)
        for problem in self.triage.problems:
            self.notify(problem, title="state", severity="warning", timeout=10, markup=False)
        self.library_screen = LibraryScreen(self.paths, self.library, self.triage,
                                            mark_read_on_open=self.config.settings.mark_read_on_open,
                                            cache_path=cache_beside(self.state_path))
        self.push_screen(self.library_screen)

    def on_app_focus(self) -> None:
        """Back in the terminal: pick up marks another reader made meanwhile."""
        if self.triage is not None and self.triage.changed_outside():
            self.library_screen.reload_states()

    def on_unmount(self) -> None:
        if self.triage is not None:
            self.triage.close()
        thaw()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from key_commands(screen)


def make_app(paths: Sequence[str | os.PathLike[str]], theme: str | None = None, state: str | None = None) -> ReaderApp:
    """The app for `paths`; shared by the command line and the tests."""
    return ReaderApp(paths, theme=theme, state=state)


def run(paths: Sequence[str | os.PathLike[str]], theme: str | None = None, state: str | None = None) -> int:
    """Run the app until the user quits; the exit status is always 0 (failures are shown, not fatal)."""
    make_app(paths, theme=theme, state=state).run()
    return 0
