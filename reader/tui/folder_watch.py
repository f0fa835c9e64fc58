"""Watch the opened paths while the library is open: which files arrived, changed or went.

A daemon thread waits for something to happen, then compares a stat-only snapshot of the paths
with the last one (`folder_snapshot`): nothing is opened to find out what changed. How it waits:

- `notify` (the default): filesystem notifications from watchfiles (inotify, FSEvents,
  ReadDirectoryChangesW) on the opened folders, so a file shows up in well under a second. Files
  named on the command line are stat'ed every `seconds` instead (an editor's save replaces the file,
  which a notification on the file itself stops seeing), and the folders are too every
  SAFETY_SECONDS (a folder removed and made again is no longer watched). Without watchfiles, or
  when the system refuses to watch (too many folders for inotify), it polls.
- `poll`: a snapshot every `seconds`, for network file systems where notifications do not arrive,
  and for tests, which need to know exactly how it works.
- `off`: nothing is watched.

Each difference goes to `changed(diff)` on the watcher's thread (which lists the touched files
there, off the UI thread); a bug there ends watching and goes to `failed(error)`, never further.
`stop` wakes the thread at once, so quitting never waits for it. Textual-free.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.config import WATCH_MODES
from reader.tui.folder_snapshot import FileDiff, Snapshot, diff_snapshots, take_snapshot

log = logging.getLogger(__name__)

NOTIFY, POLL, OFF = WATCH_MODES
DEFAULT_SECONDS = 2.0
SAFETY_SECONDS = 10.0  # a full stat scan even while notifications are working
STEP_MS = 100  # watchfiles yields once changes pause this long (a file written in a few chunks is one change)
JOIN_SECONDS = 1.0  # how long `stop` waits for the thread; it is a daemon, so exit never hangs on it


@dataclass(frozen=True, slots=True)
class WatchChoice:
    """How the library watches its paths (the config's `watch` and `watch_seconds`)."""

    mode: str = NOTIFY
    seconds: float = DEFAULT_SECONDS


DEFAULT_WATCH = WatchChoice()


class FolderWatch:
    """Reports differences under `paths` from `baseline` on, from its own thread, until stopped."""

    def __init__(self, paths: Sequence[str], baseline: Snapshot, changed: Callable[[FileDiff], None],
                 failed: Callable[[BaseException], None], choice: WatchChoice = DEFAULT_WATCH) -> None:
        self.paths = list(paths)
        self.choice = choice
        self.mode = choice.mode  # the way it ends up watching: notify falls back to poll
        self._last = baseline
        self._changed = changed
        self._failed = failed
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def start(self) -> None:
        if self.choice.mode == OFF or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="reader-folder-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching; waits a moment for the thread (it checks every STEP_MS while it waits)."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(JOIN_SECONDS)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def rescan(self) -> FileDiff:
        """Compare a new snapshot with the last one and report the difference (if any)."""
        now = take_snapshot(self.paths)
        diff = diff_snapshots(self._last, now)
        self._last = now
        if diff and not self.stopped:
            self._changed(diff)
        return diff

    def _run(self) -> None:
        try:
            self.rescan()  # what changed while the library was loading
            for _tick in self._ticks():
                if self.stopped:
                    break
                self.rescan()
        except Exception as error:  # a bug: watching ends, the library stays as it is
            log.exception("folder watch failed")
            if not self.stopped:
                self._failed(error)

    def _ticks(self) -> Iterator[None]:
        if self.choice.mode == NOTIFY:
            yield from self._notified()
            if self.stopped:
                return
            self.mode = POLL
        yield from self._polled()

    def _polled(self) -> Iterator[None]:
        while not self._stop.wait(self.choice.seconds):
            yield None

    def _notified(self) -> Iterator[None]:
        """A tick per batch of notifications, and one every so often anyway; returns to fall back to polling."""
        folders = [p for p in (Path(p).expanduser() for p in self.paths) if p.is_dir()]
        if not folders:
            return
        try:
            import watchfiles
        except ImportError:
            log.info("watchfiles is not installed: polling the folders")
            return
        others = any(not Path(p).expanduser().is_dir() for p in self.paths)
        timeout = self.choice.seconds if others else max(self.choice.seconds, SAFETY_SECONDS)
        try:
            for _changes in watchfiles.watch(*folders, watch_filter=None, stop_event=self._stop, step=STEP_MS,
                                             rust_timeout=int(timeout * 1000), yield_on_timeout=True,
                                             raise_interrupt=False, debug=False):
                yield None
        except (OSError, RuntimeError) as refused:  # watch limit reached, a folder gone before watching began
            log.info("filesystem notifications unavailable (%s): polling the folders", refused)

