"""Files that are not regular files, or stop being one between the listing and the read."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reader.ingest import load_article
from reader.model import Article, LoadError

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def _load_within(path: Path, seconds: float = 10.0) -> Article | LoadError | None:
    """load_article in a thread; None when it has not returned in time (it blocked)."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(load_article(path)), daemon=True)
    worker.start()
    worker.join(seconds)
    return result[0] if result else None  # type: ignore[return-value]


def test_a_fifo_put_where_a_file_was_checked_is_refused_without_blocking(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # The race: the path looked like a regular file when checked, then a FIFO took its place.
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    monkeypatch.setattr(Path, "is_file", lambda self: True)
    monkeypatch.setattr(os.path, "isfile", lambda path: True)
    loaded = _load_within(fifo)
    assert loaded is not None, "reading a FIFO blocked"
    assert isinstance(loaded, LoadError) and loaded.error == "not a regular file"


def test_a_folder_and_a_device_are_not_articles(tmp_path: Path) -> None:
    assert _load_within(tmp_path) == LoadError(str(tmp_path), "not a regular file")
    if os.path.exists("/dev/zero"):
        loaded = _load_within(Path("/dev/zero"))
        assert isinstance(loaded, LoadError) and loaded.error == "not a regular file"


def test_a_file_that_vanished_after_the_listing_is_one_clear_error(tmp_path: Path) -> None:
    loaded = _load_within(tmp_path / "gone.txt")
    assert isinstance(loaded, LoadError) and "No such file" in loaded.error
