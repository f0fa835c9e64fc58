"""The library's full-text index without an app: prepared once, queried from other threads, one row per article."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.triage.body_search import Hit
from reader.triage.ingest_cache import Listing
from reader.triage.search_query import QueryError, QueryInterrupted
from reader.tui.full_text import LibraryIndex, rank_articles
from reader.tui.library import Entry


def hit(path: str, line: int, rank: float) -> Hit:
    return Hit(path, path, line, f"sentence {line}", line, line, rank)


def entry(number: int, path: str) -> Entry:
    return Entry(number, Listing(path, None, None, None, f"fp-{number}", 1, 1, file=path))


def test_one_row_per_article_in_the_order_of_its_best_sentence() -> None:
    rows = {"a.txt": [entry(0, "a.txt")], "b.txt": [entry(1, "b.txt"), entry(2, "b.txt")]}  # b given twice
    hits = [hit("b.txt", 9, -3.0), hit("a.txt", 2, -2.0), hit("b.txt", 4, -1.0), hit("gone.txt", 1, -0.5)]
    matches = rank_articles(hits, lambda path: rows.get(path, ()))
    assert [(m.key, m.hit.line_start, m.hits) for m in matches] == [("1", 9, 2), ("2", 9, 2), ("0", 2, 1)]


def test_prepared_in_one_thread_and_queried_in_others(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Harbour news\n\nThe ferry timetable changes on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Weather\n\nRain is expected at the ferry terminal.\n", encoding="utf-8")
    rows = {str(folder / name): [entry(n, str(folder / name))] for n, name in enumerate(["a.txt", "b.txt"])}
    index = LibraryIndex()
    cache = tmp_path / "state" / "ingest-cache.sqlite3"
    prepared = threading.Thread(target=lambda: index.prepare([str(folder)], cache, lambda: False))
    prepared.start()
    prepared.join()
    assert index.ready and cache.exists()
    answers: list[object] = []

    def ask(query: str) -> None:
        try:
            answers.append(index.find(query, lambda path: rows.get(path, ())))
        except QueryError as exc:
            answers.append(exc)

    threads = [threading.Thread(target=ask, args=(q,)) for q in ("timetable", '"ferry terminal"', '"ferry')]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    found = {a.query: [m.key for m in a.matches] for a in answers if not isinstance(a, Exception)}  # type: ignore[attr-defined]
    assert found == {"timetable": ["0"], '"ferry terminal"': ["1"]}
    assert any(isinstance(a, QueryError) for a in answers)
    index.close()


def test_no_cache_means_an_index_in_memory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nThe zeppelin landed.\n", encoding="utf-8")
    index = LibraryIndex()
    assert index.prepare([str(tmp_path)], None, lambda: False) == 1
    assert [m.hit.line_start for m in index.find("zeppelin", lambda p: [entry(0, p)]).matches] == [3]


def test_asking_before_the_index_is_prepared_is_a_bug_not_a_silent_empty_answer() -> None:
    with pytest.raises(RuntimeError):
        LibraryIndex().find("x", lambda path: ())


def test_a_newer_query_interrupts_the_one_running_and_the_next_still_answers(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nThe zeppelin landed at the ferry terminal.\n", encoding="utf-8")
    index = LibraryIndex()
    index.prepare([str(tmp_path)], None, lambda: False)
    rows = lambda p: [entry(0, p)]  # noqa: E731
    index.interrupt()  # nothing running: nothing happens, and nothing is left pending for the next query
    assert len(index.find("zeppelin", rows).matches) == 1
    connection = index._scope.index._db  # type: ignore[union-attr]  # to act while SQLite runs the query
    calls: list[int] = []

    def while_running() -> int:  # SQLite calls this between steps of the running statement
        if not calls:
            index.interrupt()  # as the UI thread does when the next key arrives
        calls.append(1)
        return 0

    connection.set_progress_handler(while_running, 1)
    with pytest.raises(QueryInterrupted):
        index.find("zeppelin", rows)
    connection.set_progress_handler(None, 1)
    assert len(index.find("ferry", rows).matches) == 1  # the connection is fine afterwards
