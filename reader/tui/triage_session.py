"""The app's store, kept free of Textual: one open store for the run, with outside-change polling.

What is changed and undone, and when it is written, is `LibrarySession`'s business.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from reader.triage import ArticleKey, ArticleState, TagCount, TriageStore, TriageStoreError


class TriageSession:
    """The store for one app run; falls back to a throwaway database when the real one refuses."""

    def __init__(self, store: TriageStore, problems: Sequence[str] = (), scratch: Path | None = None) -> None:
        self.store = store
        self.problems = list(problems)  # shown once as notifications
        self.persistent = scratch is None
        self._scratch = scratch
        self._version = self._data_version()

    @classmethod
    def open(cls, path: str | None) -> TriageSession:
        """Open the user's store, or a scratch one (nothing kept) with the reason when that fails."""
        try:
            store = TriageStore.open(path)
        except TriageStoreError as exc:
            scratch = Path(tempfile.mkdtemp(prefix="reader-triage-"))
            problem = f"{exc} — marks are kept for this run only"
            return cls(TriageStore.open(scratch / "state.sqlite3"), [problem], scratch)
        return cls(store, store.warnings)

    def close(self) -> None:
        self.store.close()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    def lookup(self, keys: Sequence[ArticleKey]) -> list[ArticleState]:
        return self.store.lookup(keys)

    def all_tags(self) -> list[TagCount]:
        return self.store.all_tags()

    def _data_version(self) -> int:
        return self.store.data_version()

    def changed_outside(self) -> bool:
        """Whether another process committed since the last call."""
        version = self._data_version()
        changed, self._version = version != self._version, version
        return changed
