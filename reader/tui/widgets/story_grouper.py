"""The library's story grouping: an invisible widget whose thread groups the loaded articles and posts the stories.

Grouping needs every article's words, which the library's rows (from the ingest cache) do not
carry, so it runs once the library has loaded, never before its first rows: the thread has each
article's `Reading` read from the cache (parsing, on every core, only files not read before) and
grouped, in a child process for a large library (`story_inputs.group_apart`), and posts `Grouped`.
The thread begins once the screen has been drawn: a child starting (and importing) against the
first full repaint of a loaded library made that repaint take twice as long (0.1 -> 0.2-0.3 s). Files that arrive or change start it again;
a newer run replaces an older one (exclusive worker). A bug is one notification; the library goes on
without stories.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from time import monotonic

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from reader.output.sanitize import one_line
from reader.tui.contained import contained
from reader.tui.library import Entry
from reader.tui.story_groups import StoryGroups
from reader.tui.story_inputs import group_apart


DRAWN_WAIT = 1.0  # seconds the thread waits at most for the screen to be drawn before it starts


class StoryGrouper(Widget):
    """Groups the library into stories in a thread (shows nothing)."""

    class Grouped(Message):
        """The stories of the entries given to `group`, and how long grouping took (seconds)."""

        def __init__(self, groups: StoryGroups, seconds: float) -> None:
            super().__init__()
            self.groups = groups
            self.seconds = seconds

    class Failed(Message):
        """Grouping stopped because of a bug; `reason` is one plain line."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def group(self, entries: Sequence[Entry], cache_path: Path | None) -> None:
        """Group these entries (a copy made on the UI thread) once the screen is drawn; a newer call
        replaces a running one."""
        drawn = threading.Event()
        self.call_after_refresh(drawn.set)
        self._group(entries, cache_path, drawn)

    # A description of its own: Textual's default is the repr of every argument, here 2,225 entries
    # with their text (150 ms on the UI thread, measured).
    @work(thread=True, exclusive=True, group="stories", exit_on_error=False, description="grouping stories")
    def _group(self, entries: Sequence[Entry], cache_path: Path | None, drawn: threading.Event) -> None:
        """Read (or parse) every entry's article and group them."""
        worker = get_current_worker()
        drawn.wait(DRAWN_WAIT)
        started = monotonic()
        items = [(e.listing.path, e.listing.file or e.listing.path) for e in entries]
        stories = group_apart(items, cache_path, lambda: worker.is_cancelled)
        if stories is None or worker.is_cancelled:
            return
        groups = StoryGroups(stories, entries)
        if not worker.is_cancelled:
            self.post_message(self.Grouped(groups, monotonic() - started))

    @contained
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.group == "stories":
            error = event.worker.error
            self.post_message(self.Failed(one_line(f"{type(error).__name__}: {error}")))
