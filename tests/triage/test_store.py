"""TriageStore behaviour: state that follows content through renames and edits, undo, tags, persistence."""
from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Sequence
from pathlib import Path

from triage_corpus import article_text, load, write_articles

from reader.model import Article
from reader.paths import default_state_path
from reader.triage import (
    ARCHIVE, MARK_READ, STAR, TOGGLE_READ, TOGGLE_STAR, ArticleKey, ArticleState, TagCount, TriageStore,
    add_tag, remove_tag, set_tags,
)


def states_by_path(store: TriageStore, articles: Sequence[Article | ArticleKey]) -> dict[str, ArticleState]:
    """States keyed by each article's path as given (what a listing shows)."""
    keys = [a if isinstance(a, ArticleKey) else ArticleKey.of(a) for a in articles]
    return {key.path: state for key, state in zip(keys, store.lookup(keys))}


def test_default_location_is_under_reader_home(private_home: Path, store: TriageStore) -> None:
    assert store.path == default_state_path() == private_home / "state" / "state.sqlite3"
    assert store.path.is_file()
    assert store.warnings == ()


def test_unknown_article_is_untouched_and_nothing_is_written(store: TriageStore, tmp_path: Path) -> None:
    (path,) = write_articles(tmp_path / "news", 1)
    assert store.get(load(path)) == ArticleState()
    assert states_by_path(store, []) == {} and store.lookup([]) == []
    assert store.apply([]) == []
    assert store._db.execute("SELECT count(*) FROM article").fetchone()[0] == 0


def test_apply_returns_before_and_after(store: TriageStore, tmp_path: Path) -> None:
    articles = [load(p) for p in write_articles(tmp_path / "news", 2)]
    changes = store.apply(articles, MARK_READ, STAR, add_tag("x"))
    assert [c.key.path for c in changes] == [a.path for a in articles]
    assert all(c.before == ArticleState() and c.changed for c in changes)
    assert changes[0].after == ArticleState(read=True, starred=True, tags=frozenset({"x"}))
    assert changes[0].after.updated_at is not None
    again = store.apply(articles, MARK_READ)
    assert not any(c.changed for c in again)


def test_lookup_keeps_the_path_as_given(store: TriageStore, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_articles(tmp_path / "news", 3)
    articles = [load(Path("news") / f"a{n}.txt") for n in range(3)]
    store.apply(articles[1:2], ARCHIVE)
    states = states_by_path(store, articles)
    assert list(states) == ["news/a0.txt", "news/a1.txt", "news/a2.txt"]
    assert states["news/a1.txt"].archived and not states["news/a0.txt"].archived
    assert store.get(ArticleKey.of(articles[1])).archived  # keys work wherever articles do


def test_toggles_are_per_article(store: TriageStore, tmp_path: Path) -> None:
    one, two = (load(p) for p in write_articles(tmp_path / "news", 2))
    store.apply([one], MARK_READ)
    store.apply([one, two], TOGGLE_READ)
    assert not store.get(one).read and store.get(two).read
    store.apply([one], TOGGLE_STAR)
    store.apply([one], TOGGLE_STAR)
    assert not store.get(one).starred


def test_tags_and_all_tags_with_counts(store: TriageStore, tmp_path: Path) -> None:
    one, two, three = (load(p) for p in write_articles(tmp_path / "news", 3))
    store.apply([one, two], add_tag(["climate", "Local"]))
    store.apply([three], add_tag("climate"))
    store.apply([two], remove_tag("climate"))
    assert store.get(two).tags == {"Local"}
    assert store.all_tags() == [TagCount("climate", 2), TagCount("Local", 2)]
    store.apply([one], set_tags(["only"]))
    assert store.get(one).tags == {"only"}
    assert store.all_tags() == [TagCount("climate", 1), TagCount("Local", 1), TagCount("only", 1)]


def test_restore_undoes_and_returns_the_redo(store: TriageStore, tmp_path: Path) -> None:
    one, two = (load(p) for p in write_articles(tmp_path / "news", 2))
    store.apply([one], STAR, add_tag("keep"))
    before = states_by_path(store, [one, two])
    changes = store.apply([one, two], MARK_READ, add_tag("new"), remove_tag("keep"))
    assert store.get(one) == ArticleState(read=True, starred=True, tags=frozenset({"new"}))
    redo = store.restore(changes)
    assert states_by_path(store, [one, two]) == before
    store.restore(redo)
    assert store.get(two) == ArticleState(read=True, tags=frozenset({"new"}))


def test_state_survives_rename_and_move(store: TriageStore, tmp_path: Path) -> None:
    (path,) = write_articles(tmp_path / "news", 1)
    store.apply([load(path)], STAR, add_tag("later"))
    moved = tmp_path / "archive" / "2026" / "renamed.md"
    moved.parent.mkdir(parents=True)
    path.rename(moved)
    article = load(moved)
    assert store.get(article) == ArticleState(starred=True, tags=frozenset({"later"}))
    (recorded,) = store._db.execute("SELECT path FROM article").fetchone()
    assert recorded == str(moved)  # the last seen path is recorded on lookup


def test_edit_in_place_keeps_state_and_then_survives_a_rename(store: TriageStore, tmp_path: Path) -> None:
    (path,) = write_articles(tmp_path / "news", 1)
    store.apply([load(path)], MARK_READ)
    path.write_text(article_text("harbour ferry", " A correction was appended."))
    edited = load(path)
    assert store.get(edited).read  # found by path; fingerprint updated
    moved = tmp_path / "moved.txt"
    path.rename(moved)
    assert store.get(load(moved)).read  # found by the new fingerprint


def test_identical_copies_share_state_and_change_once(store: TriageStore, tmp_path: Path) -> None:
    (path,) = write_articles(tmp_path / "news", 1)
    copy = tmp_path / "news" / "copy.txt"
    shutil.copy(path, copy)
    original, duplicate = load(path), load(copy)
    changes = store.apply([original, duplicate], TOGGLE_READ)
    assert [c.after.read for c in changes] == [True, True]  # toggled once, not twice
    assert store.get(duplicate).read
    hint = store._db.execute("SELECT path FROM article").fetchall()
    states_by_path(store, [original, duplicate])
    assert store._db.execute("SELECT path FROM article").fetchall() == hint  # listing both writes nothing


def test_swapped_files_in_one_batch_keep_their_own_state(store: TriageStore, tmp_path: Path) -> None:
    first, second = write_articles(tmp_path / "news", 2)
    store.apply([load(first)], STAR)
    store.apply([load(second)], ARCHIVE)
    parked = tmp_path / "parked.txt"
    first.rename(parked)
    second.rename(first)
    parked.rename(second)
    states = states_by_path(store, [load(first), load(second)])
    assert states[str(first)] == ArticleState(archived=True)
    assert states[str(second)] == ArticleState(starred=True)


def test_state_persists_across_store_instances(tmp_path: Path) -> None:
    (path,) = write_articles(tmp_path / "news", 1)
    with TriageStore.open() as first:
        first.apply([load(path)], STAR, add_tag("t"))
    with TriageStore.open() as second:
        assert second.get(load(path)) == ArticleState(starred=True, tags=frozenset({"t"}))


def test_explicit_path_overrides_the_default(tmp_path: Path) -> None:
    (path,) = write_articles(tmp_path / "news", 1)
    elsewhere = tmp_path / "custom" / "mine.sqlite3"
    with TriageStore.open(elsewhere) as custom:
        custom.apply([load(path)], STAR)
    assert elsewhere.is_file()
    with TriageStore.open() as default:
        assert not default.get(load(path)).starred


def test_data_version_moves_when_another_connection_writes(store: TriageStore, tmp_path: Path) -> None:
    (path,) = write_articles(tmp_path / "news", 1)
    seen = store.data_version()
    store.apply([load(path)], STAR)
    assert store.data_version() == seen  # our own writes do not count
    with TriageStore.open(store.path) as other:
        other.apply([load(path)], MARK_READ)
    assert store.data_version() != seen
    assert store.get(load(path)).read


def test_many_articles_in_one_transaction(store: TriageStore) -> None:
    keys = [ArticleKey(f"{n:064x}", f"/news/{n}.txt") for n in range(2500)]
    changes = store.apply(keys, MARK_READ, add_tag("bulk"))
    assert len(changes) == 2500
    assert all(state.read for state in store.lookup(keys))
    assert store.all_tags() == [TagCount("bulk", 2500)]


def test_store_can_be_used_from_worker_threads(store: TriageStore) -> None:
    keys = [ArticleKey(f"{n:064x}", f"/news/{n}.txt") for n in range(4)]
    errors: list[BaseException] = []

    def work(tag: str) -> None:
        try:
            for _ in range(25):
                store.apply(keys, add_tag(tag), TOGGLE_READ)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(f"t{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert all(s.tags == {"t0", "t1", "t2", "t3"} and not s.read for s in store.lookup(keys))  # 100 toggles


def test_nothing_is_written_beside_the_articles(store: TriageStore, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    paths = write_articles(folder, 2)
    before = sorted(os.listdir(folder))
    store.apply([load(p) for p in paths], MARK_READ, add_tag("x"))
    assert sorted(os.listdir(folder)) == before
