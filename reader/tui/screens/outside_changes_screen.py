"""The library's answer to changes made outside it: marks set by another `reader`, files under its paths.

Marks are read again when the terminal regains focus or on `ctrl+r` (in a thread); files that arrive,
change or go are reported by the `FolderWatcher` the library screen mounts and applied here on the
UI thread (`library_update`): rows follow their files, the cursor and the selection stay on their
articles, and a notice counts what happened. `LibraryScreen` builds on this screen and provides the
session, the library, the table and its widgets.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message

from reader.triage import ArticleState
from reader.tui.contained import contained
from reader.tui.library_update import apply_arrivals
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.filtered_screen import FilteredScreen
from reader.tui.widgets.failure_list import FailureList
from reader.tui.widgets.folder_watcher import FolderWatcher

if TYPE_CHECKING:
    from reader.tui.library import Library


class OutsideChangesScreen(FilteredScreen):
    """A library screen that follows the store and the files while it is open."""

    if TYPE_CHECKING:
        library: Library
        paths: list[str]
        cache_path: Path | None

    class StatesReloaded(Message):
        """Every loaded article's state was read again from the store (another process changed it)."""

        def __init__(self, states: dict[str, ArticleState]) -> None:
            super().__init__()
            self.states = states

    # -- files under the paths ---------------------------------------------------------------------

    @on(FolderWatcher.Arrived)
    @contained
    def files_arrived(self, message: FolderWatcher.Arrived) -> None:
        """Files arrived, changed or went: the rows follow, the cursor and selection stay on their articles."""
        at, cursor = self.table.cursor_row, self.table.current_key
        gone_before = set(self.library.gone)
        applied = apply_arrivals(self.session, message.arrivals)
        self._tell_open_articles(applied.redrawn, self.library.gone - gone_before)
        self.table.forget(applied.redrawn)
        if applied.failures_changed:
            self.query_one(FailureList).show_failures(self.library.failures)
            self.set_class(bool(self.library.failures), "-has-failures")
        self._arrange()
        if cursor in self.library.gone and self.table.row_count:  # its article went: the row after it
            self.table.move_cursor(row=min(at, self.table.row_count - 1), animate=False)
        if self.full_text.index.ready:  # the text of what arrived becomes searchable
            self.full_text.prepare(self.paths, self.cache_path, self.library.live)
        if applied.notice:
            self.notify(applied.notice, title="files", timeout=4)

    def _tell_open_articles(self, changed: frozenset[str], went: set[str]) -> None:
        """An article screen open on a file that changed reads it again; on one that went, says so."""
        for screen in self.app.screen_stack:
            if not isinstance(screen, ArticleScreen) or screen.session is not self.session:
                continue
            if screen.entry_key in went:
                screen.file_gone()
            elif screen.entry_key in changed:
                screen.file_changed()

    @on(FolderWatcher.Failed)
    @contained
    def watching_failed(self, message: FolderWatcher.Failed) -> None:
        self.notify(message.reason, title="files are no longer watched", severity="error", timeout=10, markup=False)

    # -- marks set by another reader ---------------------------------------------------------------

    def action_refresh_states(self) -> None:
        self.session.triage.changed_outside()  # the reload reads everything anyway
        self.reload_states()

    @work(thread=True, exclusive=True, group="reload", exit_on_error=False)
    def reload_states(self) -> None:
        """Read every loaded article's state again, in a thread (another process changed the store)."""
        entries = list(self.library.entries)
        states = self.session.triage.lookup([e.triage_key for e in entries]) if entries else []
        self.post_message(self.StatesReloaded({e.key: s for e, s in zip(entries, states)}))

    @on(StatesReloaded)
    @contained
    def states_reloaded(self, message: StatesReloaded) -> None:
        if self.session.reloaded(message.states):
            self._arrange()
