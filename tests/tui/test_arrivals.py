"""Listing what arrived: only the files the diff names are read, each row with its stored state."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

import reader.tui.arrivals as arrivals_module
from reader.triage import ArticleKey, ArticleState
from reader.tui.arrivals import list_arrivals
from reader.tui.folder_snapshot import diff_snapshots, take_snapshot

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><guid>one</guid><title>First item</title><description>The first item says something new.</description></item>
<item><guid>two</guid><title>Second item</title><description>The second item says something more.</description></item>
</channel></rss>
"""


def no_states(keys: Sequence[ArticleKey]) -> list[ArticleState]:
    return [ArticleState() for _ in keys]


def test_only_the_touched_files_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(5):
        (tmp_path / f"old-{n}.txt").write_text(f"Old {n}\n\nAn old story, number {n}.\n")
    before = take_snapshot([str(tmp_path)])
    (tmp_path / "new.txt").write_text("New\n\nA new story arrives.\n")
    (tmp_path / "old-0.txt").unlink()
    listed: list[str] = []
    real = arrivals_module.scan_inputs

    def recording(inputs, cache=None, cancelled=lambda: False):  # type: ignore[no-untyped-def]
        listed.extend(item[0] for item in inputs if isinstance(item, tuple))
        return real(inputs, cache, cancelled)

    monkeypatch.setattr(arrivals_module, "scan_inputs", recording)
    found = list_arrivals(diff_snapshots(before, take_snapshot([str(tmp_path)])), None, no_states)
    assert listed == [str(tmp_path / "new.txt")]
    assert found is not None
    by_owner = {f.owner: f for f in found.files}
    assert [row.title for row in by_owner[str(tmp_path / "new.txt")].listings] == ["New"]
    assert by_owner[str(tmp_path / "old-0.txt")].listings == () and by_owner[str(tmp_path / "old-0.txt")].failures == ()


def test_a_feed_gives_one_row_per_item_with_the_stored_states(tmp_path: Path) -> None:
    before = take_snapshot([str(tmp_path)])
    (tmp_path / "desk.xml").write_text(FEED)
    asked: list[ArticleKey] = []

    def lookup(keys: Sequence[ArticleKey]) -> list[ArticleState]:
        asked.extend(keys)
        return [ArticleState(starred=n == 0) for n in range(len(keys))]  # the store has the first one starred

    found = list_arrivals(diff_snapshots(before, take_snapshot([str(tmp_path)])), tmp_path / "cache.sqlite3", lookup)
    assert found is not None
    (rows,) = found.files
    assert [row.title for row in rows.listings] == ["First item", "Second item"]
    assert all(row.path.startswith(f"{tmp_path / 'desk.xml'}#") for row in rows.listings)
    assert [key.path for key in asked] == [row.path for row in rows.listings]
    assert [state.starred for state in rows.states] == [True, False]


def test_a_file_gone_before_it_is_listed_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    before = take_snapshot([str(tmp_path)])
    (tmp_path / "brief.txt").write_text("Brief\n\nHere for a moment.\n")
    diff = diff_snapshots(before, take_snapshot([str(tmp_path)]))
    (tmp_path / "brief.txt").unlink()
    found = list_arrivals(diff, None, no_states)
    assert found is not None
    (rows,) = found.files
    assert rows.listings == () and [f.path for f in rows.failures] == [str(tmp_path / "brief.txt")]


def test_cancelled_while_listing_reports_nothing(tmp_path: Path) -> None:
    before = take_snapshot([str(tmp_path)])
    (tmp_path / "a.txt").write_text("A\n\nText.\n")
    assert list_arrivals(diff_snapshots(before, take_snapshot([str(tmp_path)])), None, no_states, lambda: True) is None
