"""A damaged, foreign or newer state database: kept aside or refused, never silently overwritten."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from triage_corpus import load, write_articles

from reader.triage import (
    MARK_READ, SCHEMA_VERSION, STAR, ArticleKey, ArticleState, TriageStore, TriageStoreError,
)
from reader.triage import schema


def _asides(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".corrupt-*"))


def test_garbage_file_is_moved_aside_and_a_fresh_store_works(tmp_path: Path) -> None:
    db = tmp_path / "state" / "state.sqlite3"
    db.parent.mkdir()
    garbage = b"this is not a database\x00" * 300
    db.write_bytes(garbage)
    (path,) = write_articles(tmp_path / "news", 1)
    with TriageStore.open(db) as store:
        (warning,) = store.warnings
        assert "state.sqlite3" in warning and "fresh" in warning and "corrupt-" in warning
        store.apply([load(path)], STAR)
        assert store.get(load(path)).starred
    (aside,) = _asides(db)
    assert aside.read_bytes() == garbage
    with TriageStore.open(db) as again:  # the fresh one is healthy and keeps what was written
        assert again.warnings == ()
        assert again.get(load(path)).starred


def test_truncated_database_is_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    with TriageStore.open(db) as store:
        store.apply([ArticleKey(f"{n:064x}", f"/n/{n}") for n in range(3000)], MARK_READ)
    data = db.read_bytes()
    assert len(data) > 8192
    db.write_bytes(data[: len(data) // 2])
    for companion in ("-wal", "-shm"):
        db.with_name(db.name + companion).unlink(missing_ok=True)
    with TriageStore.open(db) as fresh:
        assert len(fresh.warnings) == 1
        assert fresh.lookup([ArticleKey(f"{1:064x}", "/n/1")]) == [ArticleState()]
    assert len(_asides(db)) == 1


def test_newer_schema_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    with TriageStore.open(db):
        pass
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA journal_mode = DELETE")  # fold the WAL in so the file alone is the database
    raw.execute("PRAGMA user_version = 999")
    raw.close()
    before = db.read_bytes()
    with pytest.raises(TriageStoreError, match="999") as refused:
        TriageStore.open(db)
    assert "\n" not in str(refused.value) and "newer" in str(refused.value)
    assert db.read_bytes() == before
    assert _asides(db) == []


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "someone-elses.db"
    raw = sqlite3.connect(db)
    raw.execute("CREATE TABLE orders (id INTEGER)")
    raw.commit()
    raw.close()
    before = db.read_bytes()
    with pytest.raises(TriageStoreError, match="not reader's state"):
        TriageStore.open(db)
    assert db.read_bytes() == before


def test_an_empty_file_becomes_a_fresh_database(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    db.touch()
    with TriageStore.open(db) as store:
        assert store.warnings == ()
        assert schema.user_version(store._db) == SCHEMA_VERSION


def test_a_folder_where_the_database_should_be_is_an_error(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    db.mkdir()
    with pytest.raises(TriageStoreError):
        TriageStore.open(db)
    assert db.is_dir()


def test_an_uncreatable_state_folder_is_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(TriageStoreError, match="state folder"):
        TriageStore.open(blocker / "state.sqlite3")


def test_migrations_run_in_order_and_a_new_one_is_just_appended(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "state.sqlite3"
    with TriageStore.open(db) as store:
        store.apply([load(write_articles(tmp_path / "news", 1)[0])], STAR)

    def v2(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE article ADD COLUMN note TEXT")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, v2])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    with TriageStore.open(db) as upgraded:
        assert schema.user_version(upgraded._db) == 2
        columns = [row[1] for row in upgraded._db.execute("PRAGMA table_info(article)")]
        assert "note" in columns
        assert upgraded.get(load(tmp_path / "news" / "a0.txt")).starred  # data kept


def test_wal_mode_and_busy_timeout_are_set(tmp_path: Path) -> None:
    with TriageStore.open(tmp_path / "state.sqlite3") as store:
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_a_file_that_is_not_ours_is_refused_and_left_untouched(tmp_path: Path, run_reader) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not a database\n")
    with pytest.raises(TriageStoreError, match="not a reader state database"):
        TriageStore.open(notes)
    news = tmp_path / "news"
    write_articles(news, 1)
    for command in (["list", str(news)], ["mark", "--read", str(news)], ["summarize", str(news)]):
        done = run_reader("--state", str(notes), *command)
        assert "Traceback" not in done.err
        if command[0] != "summarize":  # summarize needs no state: it only skips the cache
            assert done.code == 1 and "not a reader state database" in done.err
    assert notes.read_text() == "my notes, not a database\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news", "notes.txt"]  # no .lock, no cache, no aside


def test_a_read_only_disk_still_reads_the_marks_and_refuses_writes_cleanly(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.triage.store as store_module

    db = tmp_path / "state.sqlite3"
    (path,) = write_articles(tmp_path / "news", 1)
    with TriageStore.open(db) as store:
        store.apply([load(path)], STAR)

    def refused(where: Path) -> None:
        raise TriageStoreError(f"cannot use state database {where}: unable to open database file")

    monkeypatch.setattr(store_module, "open_database", refused)  # what a read-only mount answers
    monkeypatch.setattr(store_module, "_writable_fs", lambda where: False)
    with TriageStore.open(db) as store:
        assert store.warnings == (f"state database {db} is read-only: marks are shown but cannot be saved",)
        assert store.get(load(path)).starred  # reading works
        with pytest.raises(TriageStoreError, match="readonly"):
            store.apply([load(path)], MARK_READ)
    with sqlite3.connect(db) as check:  # nothing was written
        assert check.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    monkeypatch.undo()
    with TriageStore.open(db) as store:
        assert store.get(load(path)) == ArticleState(starred=True)
