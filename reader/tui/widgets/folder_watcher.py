"""The library's watch on its paths: an invisible widget that owns the watcher thread and posts what arrived.

It is started once the library has loaded, from the snapshot taken before loading began, so a file
that arrived meanwhile is reported too. The thread lists the touched files (through the ingest
cache, with their stored marks) and posts `Arrived` to the library screen, which applies it on the
UI thread; a bug in the thread is one `Failed` message. Unmounting (leaving the app) stops the thread.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.message import Message
from textual.widget import Widget

from reader.output.sanitize import one_line
from reader.tui.arrivals import Arrivals, Lookup, list_arrivals
from reader.tui.contained import contained
from reader.tui.folder_snapshot import FileDiff, Snapshot
from reader.tui.folder_watch import OFF, FolderWatch, WatchChoice


class FolderWatcher(Widget):
    """Watches the opened paths in a thread while the library is open (shows nothing)."""

    class Arrived(Message):
        """Files under the opened paths arrived, changed or went: their rows, listed in the thread."""

        def __init__(self, arrivals: Arrivals) -> None:
            super().__init__()
            self.arrivals = arrivals

    class Failed(Message):
        """Watching stopped because of a bug; `reason` is one plain line."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.folder_watch: FolderWatch | None = None

    def start(self, paths: Sequence[str], baseline: Snapshot, cache_path: Path | None, lookup: Lookup,
              choice: WatchChoice) -> None:
        """Begin watching (once); `lookup` gives stored marks and is called from the watcher's thread."""
        if self.folder_watch is not None or choice.mode == OFF:
            return

        def changed(diff: FileDiff) -> None:
            arrivals = list_arrivals(diff, cache_path, lookup, lambda: watch.stopped)
            if arrivals is not None and not watch.stopped:
                self.post_message(self.Arrived(arrivals))

        def failed(error: BaseException) -> None:
            self.post_message(self.Failed(one_line(f"{type(error).__name__}: {error}")))

        watch = self.folder_watch = FolderWatch(paths, baseline, changed, failed, choice)
        watch.start()

    @contained
    def on_unmount(self) -> None:
        if self.folder_watch is not None:
            self.folder_watch.stop()
