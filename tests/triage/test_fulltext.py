"""The search index over real parsed files: ranking, lines that hold the sentence, and staying in step
with the files (changed ones re-indexed, vanished ones dropped), in the ingest cache and without it."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reader.ingest import load_article
from reader.model import LoadError
from reader.triage import fulltext, ingest_cache
from reader.triage.body_search import search_bodies, search_index
from reader.triage.fulltext import FullTextIndex, FullTextUnavailable
from reader.triage.ingest_cache import IngestCache
from reader.triage.search_query import QueryError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    write(root / "business" / "001.txt", "Markets rally\n\nShares rose sharply on Monday.\n"
                                         "The central bank held interest rates.\n\nBond yields fell.\n")
    write(root / "sport" / "001.txt", "Cup final\n\nThe home side won the cup final.\n\n"
                                      "Interest in the league rose, and interest rates on tickets did not.\n")
    write(root / "tech" / "robots.md", "# Robots at work\n\nFactory robots now assemble phones.\n")
    return root


@pytest.fixture
def cache(tmp_path: Path):
    opened = IngestCache.open(tmp_path / "state" / ingest_cache.CACHE_FILE)
    yield opened
    opened.close()


def holds(hit) -> bool:
    """The hit's lines of its file carry the sentence's words."""
    lines = Path(hit.file).read_text(encoding="utf-8").splitlines()[hit.line_start - 1:hit.line_end]
    return " ".join(hit.text.split()) in " ".join(" ".join(lines).split())


def test_hits_are_sentences_at_their_lines_best_first(corpus: Path, cache: IngestCache) -> None:
    result = search_bodies("interest rates", [str(corpus)], cache)
    assert [(Path(h.path).relative_to(corpus).as_posix(), h.line_start) for h in result.hits] == [
        ("business/001.txt", 4), ("sport/001.txt", 5)]
    assert all(holds(h) for h in result.hits) and result.files == 3 and not result.errors
    ranks = [h.rank for h in result.hits]
    assert ranks == sorted(ranks)
    # bm25: the sentence where the words are a larger share ranks first
    assert result.hits[0].text == "The central bank held interest rates."


def test_phrase_prefix_and_exclusion(corpus: Path, cache: IngestCache) -> None:
    def texts(query: str) -> list[str]:
        return sorted(h.text for h in search_bodies(query, [str(corpus)], cache).hits)

    assert texts('"rates on tickets"') == ["Interest in the league rose, and interest rates on tickets did not."]
    assert texts("robo*") == ["Factory robots now assemble phones.", "Robots at work"]
    assert texts("interest -league") == ["The central bank held interest rates."]
    assert texts("cup OR bond") == ["Bond yields fell.", "Cup final", "The home side won the cup final."]


def test_a_changed_file_is_indexed_again_and_a_vanished_one_drops_out(corpus: Path, cache: IngestCache) -> None:
    assert search_bodies("robots", [str(corpus)], cache).hits
    index = cache.fulltext()
    assert index is not None and len(index.paths_under(str(corpus))) == 3
    robots = corpus / "tech" / "robots.md"
    write(robots, "# Drones at work\n\nDrones now carry parcels.\n")
    os.utime(robots, ns=(1, 10**18))  # a different mtime even on a coarse clock
    assert not search_bodies("robots", [str(corpus)], cache).hits
    assert [h.line_start for h in search_bodies("parcels", [str(corpus)], cache).hits] == [3]
    (corpus / "sport" / "001.txt").unlink()
    assert [h.path for h in search_bodies("interest", [str(corpus)], cache).hits] == [
        str(corpus / "business" / "001.txt")]
    assert sorted(Path(p).name for p in index.paths_under(str(corpus))) == ["001.txt", "robots.md"]


def test_an_unchanged_file_is_not_parsed_again(corpus: Path, cache: IngestCache, monkeypatch) -> None:
    search_bodies("rates", [str(corpus)], cache)
    from reader.triage import body_search

    def refuse(item):
        raise AssertionError(f"parsed again: {item}")

    monkeypatch.setattr(body_search, "indexed_input", refuse)
    assert len(search_bodies("rates", [str(corpus)], cache).hits) == 2


def test_only_the_paths_asked_for_are_searched(corpus: Path, cache: IngestCache) -> None:
    search_bodies("rates", [str(corpus)], cache)
    hits = search_bodies("rates", [str(corpus / "sport")], cache).hits
    assert [Path(h.path).parent.name for h in hits] == ["sport"]


def test_unreadable_input_is_an_error_and_the_rest_is_searched(corpus: Path, cache: IngestCache) -> None:
    (corpus / "tech" / "blob.bin").write_bytes(b"\x00\x01binary\x00" * 50)
    result = search_bodies("robots", [str(corpus), str(corpus / "missing.txt")], cache)
    assert [h.line_start for h in result.hits] == [1, 3]
    assert sorted(Path(e.path).name for e in result.errors) == ["blob.bin", "missing.txt"]


def test_without_a_cache_the_search_runs_in_memory(corpus: Path) -> None:
    assert [h.line_start for h in search_bodies("phones", [str(corpus)], None).hits] == [3]


def test_too_many_matches_come_in_index_order_unranked(corpus: Path, cache: IngestCache, monkeypatch) -> None:
    monkeypatch.setattr(fulltext, "RANKED_MATCHES", 2)
    result = search_bodies("the OR at", [str(corpus)], cache)
    assert not result.ranked and {h.rank for h in result.hits} == {0.0}
    places = [(h.path, h.line_start) for h in result.hits]
    assert places == sorted(places) and len(places) == 4
    assert search_bodies("cup", [str(corpus)], cache).ranked


def test_a_bad_query_fails_before_any_indexing(corpus: Path, cache: IngestCache) -> None:
    with pytest.raises(QueryError):
        search_bodies('"open', [str(corpus)], cache)
    index = cache.fulltext()
    assert index is not None and index.paths_under(str(corpus)) == []


def test_sqlite_without_fts5_is_said_plainly(monkeypatch) -> None:
    monkeypatch.setattr(fulltext, "create_tables", lambda db: False)
    with pytest.raises(FullTextUnavailable, match="FTS5"):
        FullTextIndex.in_memory()


def test_this_python_has_fts5() -> None:
    assert fulltext.fts5_available()


def test_an_older_cache_is_rebuilt_with_the_index(tmp_path: Path) -> None:
    """A format-2 cache (no index tables, short titles) is started afresh, as the cache's stamp promises."""
    where = tmp_path / ingest_cache.CACHE_FILE
    db = sqlite3.connect(where)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO meta VALUES ('stamp', '2:0.0:1')")
    db.execute("CREATE TABLE entry (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, title TEXT)")
    db.execute("INSERT INTO entry VALUES ('/x', 1, 1, 'old')")
    db.commit()
    db.close()
    cache = IngestCache.open(where)
    try:
        assert cache.fulltext() is not None
    finally:
        cache.close()
    db = sqlite3.connect(where)
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"entry", "summary", "ft_file", "ft_sentence"} <= tables
    assert db.execute("SELECT count(*) FROM entry").fetchone()[0] == 0
    db.close()


def test_the_shared_seeds_are_searchable(shared_seeds: Path) -> None:
    """Each real seed's longest sentence is found by its words, at the lines the parser gives it."""
    index = FullTextIndex.in_memory()
    files = sorted(p for p in shared_seeds.iterdir() if p.is_file())
    for file in files:
        article = load_article(file)
        assert not isinstance(article, LoadError) and article.sentences
        sentence = max(article.sentences, key=lambda s: len(s.text))
        words = [w for w in sentence.text.split() if w.isalpha() and len(w) > 3][:6]
        result = search_index(index, " ".join(words), [str(shared_seeds)], limit=50)
        assert result.files == len(files) and not result.errors
        assert (str(file), sentence.span.start, sentence.span.end) in {
            (h.file, h.line_start, h.line_end) for h in result.hits}, (file, words)
