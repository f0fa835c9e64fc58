"""The Textual app, kept thin: it owns the library state and opens the library screen; screens do the rest."""
from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from collections.abc import Iterable, Mapping, Sequence
from time import monotonic, sleep

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.actions import ActionParseResult
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from reader.config import load_config
from reader.output.sanitize import one_line
from reader.resources import seeds_dir
from reader.tui.appearance import VARIABLE_DEFAULTS, apply_keymap, apply_theme, register_themes, remember_theme_changes
from reader.tui.folder_watch import WatchChoice
from reader.tui.keys import key_commands
from reader.tui import library_prefs
from reader.tui.library import Library
from reader.tui.library_session import Flushed, LibrarySession
from reader.tui.messages import MarksChanged, StepRequested
from reader.parallel import prepare as prepare_pool
from reader.triage.ingest_cache import cache_beside
from reader.tui.memory import thaw
from reader.tui.screens.help_screen import HelpScreen
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.compare_screen import CompareScreen
from reader.tui.screens.library_screen import LibraryScreen
from reader.tui.screens.story_screen import StoryScreen
from reader.tui.screens.tag_dialog import TagDialog
from reader.tui.screens.tag_picker import TagPicker
from reader.tui.triage_session import TriageSession
from reader.tui.contained import contained, report_bug, write_crash_log

KEYMAP_SCREENS = (LibraryScreen, ArticleScreen, StoryScreen, CompareScreen, HelpScreen, TagDialog, TagPicker)

RETRY_SECONDS = 1.0  # between attempts to save marks while the database is locked
EXIT_WAIT_SECONDS = 5.0  # how long quitting waits for a locked database before giving up on unsaved marks


def _last_flush(session: LibrarySession) -> int:
    """Save what is still queued before the app goes; the number of changes that could not be saved."""
    deadline = monotonic() + EXIT_WAIT_SECONDS
    try:
        while session.flush().waiting and monotonic() < deadline:
            sleep(RETRY_SECONDS / 4)
    except Exception:  # a bug in saving must not turn leaving into a crash: the count says what is lost
        pass
    return session.unsaved


class ReaderApp(App[None]):
    """Reads the given paths (default: the bundled sample corpus) into a library of articles."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"

    BINDINGS: list[BindingType] = [
        Binding("q", "quit", "Quit", tooltip="leave reader", id="app.quit"),
        Binding("question_mark,f1", "help", "Keys", tooltip="every key of the current screen (f1 in a text box)", id="app.help"),
    ]

    def __init__(self, paths: Sequence[str | os.PathLike[str]], theme: str | None = None,
                 state: str | None = None) -> None:
        super().__init__()
        self.paths = [os.fspath(p) for p in paths] or [os.fspath(seeds_dir())]
        self.library = Library()  # what was loaded and each article's triage state, one per app run
        self.triage: TriageSession | None = None  # opened on mount, closed on unmount
        self.session: LibrarySession | None = None  # the library's state and triage, one per run
        self.config = load_config()
        self.theme_override = theme
        self.state_path = state
        self.unsaved_at_exit = 0  # marks the store refused until the end (reported by `run`)
        self._crash: str | None = None  # the traceback of a bug, written to a log on exit
        self._crash_summary = ""
        self._crash_log: Path | None = None  # where the traceback was written, once
        self._busy_notice = False
        prepare_pool(apart=True)  # the story grouping of a large library runs in a child (story_inputs)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """reader's colour variables, so Textual's own themes render too."""
        return {**super().get_theme_variable_defaults(), **VARIABLE_DEFAULTS}

    @contained
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
        self.session = LibrarySession(self.triage, self.library)
        library_prefs.restore(self.session, library_prefs.load_library_prefs())
        self.library_screen = LibraryScreen(self.paths, self.session,
                                            mark_read_on_open=self.config.settings.mark_read_on_open,
                                            cache_path=cache_beside(self.state_path),
                                            watch=WatchChoice(self.config.settings.watch, self.config.settings.watch_seconds))
        self.push_screen(self.library_screen)

    @contained
    def on_key(self, event: events.Key) -> None:
        """A key typed while the tag dialog was opening went to the screen below (which still had the
        focus) and came back up unhandled: the dialog takes it, so fast typing is not lost.

        The same for a text box: `/met` typed at once (a paste, a fast typist, tmux) sends every key to
        the widget focused when they arrived, the table or the source, before `/` has focused the box;
        they came back up here, found no binding (the box's letters have none) and were lost. A
        character that reaches the app while a box has the focus never went through the box (it
        takes every character), so it is typed into it here."""
        screen = self.screen
        if isinstance(screen, TagDialog) and screen.type_ahead(event):
            event.prevent_default()  # taken: not Textual's own key handling as well
            return
        box = screen.focused
        if isinstance(box, Input) and event.is_printable and event.character:
            box.insert_text_at_cursor(event.character)
            event.prevent_default()

    @contained
    def on_app_focus(self) -> None:
        """Back in the terminal: pick up marks another reader made meanwhile."""
        if self.triage is not None and self.triage.changed_outside():
            self.library_screen.reload_states()

    # -- saving marks: in a worker, retried while another process holds the database -------------------

    @on(MarksChanged)
    @contained
    def save_marks(self) -> None:
        if self.session is not None and self.session.unsaved:
            self._write_marks()

    @work(thread=True, group="marks", exit_on_error=False)
    def _write_marks(self) -> Flushed | None:
        return self.session.flush() if self.session is not None else None

    @contained
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "marks":
            return
        if event.state is WorkerState.ERROR:  # a bug while saving: the marks stay queued, and undoable
            error = event.worker.error
            self.notify(one_line(f"{type(error).__name__}: {error}"), title="marks not saved",
                        severity="error", timeout=10, markup=False)
            return
        if event.state is not WorkerState.SUCCESS:
            return
        flushed = event.worker.result
        if not isinstance(flushed, Flushed) or self.session is None:
            return
        result = self.session.stored(flushed.changes)
        if isinstance(self.screen, LibraryScreen):
            self.screen.show_result(result, saved=True)
        else:
            self.session.stale |= result.rows
        if flushed.problem is not None:
            if not self._busy_notice:
                self.notify(f"{flushed.problem} — {flushed.waiting} change(s) kept, retrying",
                            title="marks not saved yet", severity="warning", timeout=6, markup=False)
            self._busy_notice = True
            self.set_timer(RETRY_SECONDS, self.save_marks)
        elif self._busy_notice:
            self._busy_notice = False
            self.notify("All marks saved.", timeout=2)

    @on(StepRequested)
    @contained
    def open_step(self, message: StepRequested) -> None:
        """From an article: the next (or previous) unread article of the library, in its order."""
        if self.session is None:
            return
        step = self.session.step_unread(message.key, message.step)
        if step.notice is not None:
            self.notify(step.notice, severity="information", timeout=2)
        if step.entry is None:
            return
        library = next((s for s in self.screen_stack if isinstance(s, LibraryScreen)), None)
        if library is not None:  # parsed in its thread, then shown instead of this article
            library.open_in_thread(step.entry, replace=True)

    def on_unmount(self) -> None:
        if self.session is not None:
            self.unsaved_at_exit = _last_flush(self.session)
        if self.triage is not None:
            self.triage.close()
        thaw()

    # -- a bug in reader: in a key's action or a handler a notification (see contained.py); elsewhere
    #    one line on exit and a log

    async def run_action(self, action: str | ActionParseResult, default_namespace: DOMNode | None = None,
                         namespaces: Mapping[str, DOMNode] | None = None) -> bool:
        """A bug in what one key does costs that action, not the session: a notification, and the
        traceback in a log in the state folder; the library and every queued mark stay."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:
            report_bug(self, error, action if isinstance(action, str) else action[1])
            return True

    @property
    def crashed(self) -> bool:
        """Whether a bug outside reader's handlers is ending the app (see `_handle_exception`)."""
        return self._crash is not None

    def _handle_exception(self, error: Exception) -> None:
        """Keep the traceback for the crash log; Textual then exits (and Pilot re-raises in tests)."""
        self._crash = "".join(traceback.format_exception(error))
        self._crash_summary = f"{type(error).__name__}: {error}"
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        """After the terminal is restored: write the traceback to a log in the state folder, say where."""
        if self._crash is None:
            super()._print_error_renderables()
            return
        self._exit_renderables.clear()
        if self._crash_log is None:  # Textual may ask twice (run_test, then run's caller): one log
            self._crash_log = write_crash_log(self._crash)
        where = self._crash_log
        detail = f"details in {where}" if where is not None else "the log could not be written"
        print(f"reader: internal error: {one_line(self._crash_summary)[:200]} ({detail})", file=sys.stderr)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, then every key of the screen; a Textual command that one of ours
        names too ("Quit", "Keys") is left out, so the palette lists each command once."""
        ours = list(key_commands(screen))
        titles = {command.title for command in ours}
        yield from (command for command in super().get_system_commands(screen) if command.title not in titles)
        yield from ours


def make_app(paths: Sequence[str | os.PathLike[str]], theme: str | None = None, state: str | None = None) -> ReaderApp:
    """The app for `paths`; shared by the command line and the tests."""
    return ReaderApp(paths, theme=theme, state=state)


def run(paths: Sequence[str | os.PathLike[str]], theme: str | None = None, state: str | None = None) -> int:
    """Run the app until the user quits: 0, or 70 after a bug (reported in one line, with a log)."""
    app = make_app(paths, theme=theme, state=state)
    app.run()
    if app.unsaved_at_exit:
        print(f"reader: {app.unsaved_at_exit} triage change(s) could not be saved: the state database stayed locked",
              file=sys.stderr)
    return 70 if app.return_code else 0
