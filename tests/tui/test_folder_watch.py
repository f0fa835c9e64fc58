"""The watcher thread without an app: it reports what changed, by polling or by notification, and stops at once."""
from __future__ import annotations

import os
import queue
from pathlib import Path

import pytest

from reader.tui.folder_snapshot import FileDiff, take_snapshot
from reader.tui.folder_watch import NOTIFY, OFF, POLL, FolderWatch, WatchChoice

WAIT = 20.0  # a guard against a watcher that never reports; far above a real wait, not a speed check


def watching(paths: list[str], choice: WatchChoice) -> tuple[FolderWatch, queue.Queue[FileDiff], list[BaseException]]:
    diffs: queue.Queue[FileDiff] = queue.Queue()
    errors: list[BaseException] = []
    watch = FolderWatch(paths, take_snapshot(paths), diffs.put, errors.append, choice)
    return watch, diffs, errors


def arrive(path: Path, text: str) -> None:
    """Write a file the way editors and downloaders do: whole, under a hidden name, then renamed."""
    temp = path.with_name(f".{path.name}.part")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def next_diff(diffs: queue.Queue[FileDiff]) -> FileDiff:
    try:
        return diffs.get(timeout=WAIT)
    except queue.Empty:
        raise AssertionError(f"nothing reported in {WAIT:g} s") from None


@pytest.mark.parametrize("mode", [POLL, NOTIFY])
def test_a_new_file_is_reported_then_a_removed_one(tmp_path: Path, mode: str) -> None:
    if mode == NOTIFY:
        pytest.importorskip("watchfiles")
    (tmp_path / "a.txt").write_text("A\n\nOld text.\n")
    watch, diffs, errors = watching([str(tmp_path)], WatchChoice(mode, 0.1))
    watch.start()
    try:
        arrive(tmp_path / "b.txt", "B\n\nNew text.\n")
        diff = next_diff(diffs)
        assert [s.owner for s in diff.added] == [str(tmp_path / "b.txt")] and not diff.removed
        (tmp_path / "a.txt").unlink()
        assert next_diff(diffs).removed == (str(tmp_path / "a.txt"),)
    finally:
        watch.stop()
    assert not watch.running and errors == []
    assert watch.mode == mode


def test_what_changed_before_watching_began_is_reported_first(tmp_path: Path) -> None:
    watch, diffs, _errors = watching([str(tmp_path)], WatchChoice(POLL, 3600))  # never polls: only the first scan
    (tmp_path / "early.txt").write_text("Early\n\nWritten while the library loaded.\n")
    watch.start()
    try:
        assert [s.owner for s in next_diff(diffs).added] == [str(tmp_path / "early.txt")]
    finally:
        watch.stop()
    assert not watch.running  # stop wakes the hour-long wait at once


def test_a_file_named_alone_is_stat_polled_in_notify_mode_too(tmp_path: Path) -> None:
    pytest.importorskip("watchfiles")
    (tmp_path / "news").mkdir()
    single = tmp_path / "single.txt"
    single.write_text("One\n\nText.\n")
    watch, diffs, _errors = watching([str(tmp_path / "news"), str(single)], WatchChoice(NOTIFY, 0.1))
    watch.start()
    try:
        arrive(single, "One\n\nText replaced by an editor's save, longer now.\n")  # a new inode
        assert [s.owner for s in next_diff(diffs).changed] == [str(single)]
    finally:
        watch.stop()


def test_off_starts_nothing(tmp_path: Path) -> None:
    watch, _diffs, _errors = watching([str(tmp_path)], WatchChoice(OFF))
    watch.start()
    assert not watch.running
    watch.stop()


def test_a_bug_in_reporting_ends_watching_and_is_reported_once(tmp_path: Path) -> None:
    errors: queue.Queue[BaseException] = queue.Queue()

    def broken(_diff: FileDiff) -> None:
        raise ValueError("a bug in listing")

    (tmp_path / "a.txt").write_text("A\n\nText.\n")
    watch = FolderWatch([str(tmp_path)], take_snapshot([]), broken, errors.put, WatchChoice(POLL, 0.1))
    watch.start()
    assert str(errors.get(timeout=WAIT)) == "a bug in listing"
    watch.stop()
    assert not watch.running and errors.empty()


def test_notify_falls_back_to_polling_without_watchfiles(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import builtins

    real_import = builtins.__import__

    def no_watchfiles(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "watchfiles":
            raise ImportError("not installed")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_watchfiles)
    watch, diffs, _errors = watching([str(tmp_path)], WatchChoice(NOTIFY, 0.1))
    watch.start()
    try:
        arrive(tmp_path / "b.txt", "B\n\nNew text.\n")
        assert [s.owner for s in next_diff(diffs).added] == [str(tmp_path / "b.txt")]
        arrive(tmp_path / "c.txt", "C\n\nLater text.\n")  # reported by a tick, after the fallback
        assert [s.owner for s in next_diff(diffs).added] == [str(tmp_path / "c.txt")]
        assert watch.mode == POLL
    finally:
        watch.stop()
