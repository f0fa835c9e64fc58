"""The folder watcher's stat-only snapshots: files named as the library names them, and what changed between two."""
from __future__ import annotations

import os
from pathlib import Path

from reader.ingest import iter_inputs
from reader.tui.folder_snapshot import UNSTATABLE, FileDiff, Seen, Snapshot, diff_snapshots, take_snapshot

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><guid>one</guid><title>First</title><description>The first item says something.</description></item>
<item><guid>two</guid><title>Second</title><description>The second item says more.</description></item>
</channel></rss>
"""


def folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    (news / ".hidden").mkdir()
    (news / "a.txt").write_text("A title\n\nSome text.\n")
    (news / "sub" / "b.md").write_text("# B\n\nMore text.\n")
    (news / ".swap.txt").write_text("an editor's temporary file")
    (news / ".hidden" / "c.txt").write_text("never read")
    (news / "feed.xml").write_text(FEED)
    return news


def test_files_are_named_as_the_library_names_its_rows(tmp_path: Path) -> None:
    news = folder(tmp_path)
    snapshot = take_snapshot([str(news)])
    assert sorted(snapshot.files) == sorted([str(news / "a.txt"), str(news / "feed.xml"), str(news / "sub" / "b.md")])
    rows = [item[0] for item in iter_inputs([str(news)]) if isinstance(item, tuple)]
    # every row the loader makes is a snapshot file itself or one of its items (`feed.xml#id`)
    assert all(row in snapshot.files or row.rpartition("#")[0] in snapshot.files for row in rows)
    assert len([r for r in rows if r.startswith(str(news / "feed.xml#"))]) == 2


def test_relative_paths_stay_relative(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    snapshot = take_snapshot(["news", "news/a.txt"])
    assert os.path.join("news", "sub", "b.md") in snapshot.files
    seen = snapshot.files[os.path.join("news", "a.txt")]
    assert seen.copies == 2  # given once in the folder and once by name: the library lists it twice
    assert seen.spec == os.path.join("news", "a.txt")


def test_a_stamp_changes_with_the_file_even_when_its_size_and_mtime_are_kept(tmp_path: Path) -> None:
    news = folder(tmp_path)
    path = news / "a.txt"
    first = take_snapshot([str(news)]).files[str(path)].stamp
    assert take_snapshot([str(news)]).files[str(path)].stamp == first  # untouched: the same stamp
    assert first[1] == len("A title\n\nSome text.\n")
    kept = path.stat()
    path.write_text("A title\n\nMore text.\n")  # same size; `cp -p` or `rsync -t` then restore the mtime
    os.utime(path, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    assert take_snapshot([str(news)]).files[str(path)].stamp != first


def test_a_dangling_link_is_still_a_file(tmp_path: Path) -> None:
    news = folder(tmp_path)
    (news / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert take_snapshot([str(news)]).files[str(news / "gone.txt")].stamp == UNSTATABLE


def test_an_item_address_is_watched_as_its_file(tmp_path: Path) -> None:
    news = folder(tmp_path)
    snapshot = take_snapshot([f"{news / 'feed.xml'}#2"])
    assert list(snapshot.files) == [str(news / "feed.xml")]  # the rows are feed.xml#<id>, not #2
    assert snapshot.files[str(news / "feed.xml")].spec == f"{news / 'feed.xml'}#2"


def test_missing_paths_and_empty_folders(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    snapshot = take_snapshot([str(tmp_path / "missing"), str(tmp_path / "empty")])
    assert snapshot.files == {}
    assert snapshot.empty_folders == {str(tmp_path / "empty")}


def test_diff_names_added_changed_and_removed_files(tmp_path: Path) -> None:
    news = folder(tmp_path)
    before = take_snapshot([str(news)])
    (news / "new.txt").write_text("New\n\nArrived later.\n")
    (news / "a.txt").write_text("A title\n\nSome text, and more of it now.\n")
    (news / "sub" / "b.md").unlink()
    (news / ".another-swap").write_text("hidden: not a change")
    diff = diff_snapshots(before, take_snapshot([str(news)]))
    assert [s.owner for s in diff.added] == [str(news / "new.txt")]
    assert [s.owner for s in diff.changed] == [str(news / "a.txt")]
    assert diff.removed == (str(news / "sub" / "b.md"),)
    assert set(diff.touched) == {str(news / "new.txt"), str(news / "a.txt"), str(news / "sub" / "b.md")}


def test_a_touched_file_is_changed_even_with_the_same_size(tmp_path: Path) -> None:
    news = folder(tmp_path)
    before = take_snapshot([str(news)])
    st = os.stat(news / "a.txt")
    os.utime(news / "a.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert [s.owner for s in diff_snapshots(before, take_snapshot([str(news)])).changed] == [str(news / "a.txt")]


def test_nothing_changed_is_an_empty_diff(tmp_path: Path) -> None:
    news = folder(tmp_path)
    assert not diff_snapshots(take_snapshot([str(news)]), take_snapshot([str(news)]))
    assert not FileDiff()


def test_a_folder_that_fills_is_named() -> None:
    seen = Seen("empty/a.txt", "empty/a.txt", (1, 2))
    diff = diff_snapshots(Snapshot({}, frozenset({"empty"})), Snapshot({"empty/a.txt": seen}))
    assert diff.filled == ("empty",) and diff.added == (seen,)


def test_a_link_to_a_folder_is_neither_read_nor_walked(tmp_path: Path) -> None:
    news = folder(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_text("X\n\nText.\n")
    (news / "link").symlink_to(elsewhere, target_is_directory=True)
    rows = {item[0] for item in iter_inputs([str(news)]) if isinstance(item, tuple)}
    files = set(take_snapshot([str(news)]).files)
    assert not any(name.startswith(str(news / "link")) for name in files | rows)
    assert {row.rpartition("#")[0] if "#" in row else row for row in rows} == files
