"""The listing cache: hits for unchanged files, misses for changed ones, and harmless when damaged."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from triage_corpus import TOPICS, article_text, write_articles

from reader.model import LoadError
from reader.triage import ingest_cache
from reader.triage.catalog import scan
from reader.triage.ingest_cache import IngestCache


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "ingest-cache.sqlite3"


def _scan(paths: list[str], cache_path: Path) -> list:
    cache = IngestCache.open(cache_path)
    try:
        return list(scan(paths, cache))
    finally:
        cache.close()


def facts(listing: object) -> tuple:
    """The fields a listing must get right, in a form written by hand below."""
    assert not isinstance(listing, LoadError), listing
    return (listing.path, listing.title, listing.date, listing.source, listing.fingerprint,  # type: ignore[attr-defined]
            listing.sentences, listing.words, listing.warnings)  # type: ignore[attr-defined]


def expected(path: Path, number: int) -> tuple:
    """What a{number}.txt of triage_corpus holds, worked out by hand from its text.

    Five sentences (the title line, three sentences, "Item N."), 5 + 10 + 10 + 11 + 2 = 38 words
    for a two-word topic, no date or source; the fingerprint is sha256 of the sentences joined
    by newlines (reader.triage.state.fingerprint's documented basis).
    """
    topic = TOPICS[number]
    sentences = [f"Town debates the {topic}", f"The council met on Tuesday to discuss the {topic}.",
                 f"Residents asked questions about the {topic} for two hours.",
                 f"A final vote on the {topic} is due next month.", f"Item {number}."]
    digest = hashlib.sha256("\n".join(sentences).encode("utf-8")).hexdigest()
    return (str(path), f"Town debates the {topic}", None, None, digest, 5, 38, ())


def test_cached_listing_equals_a_fresh_parse(tmp_path: Path, cache_path: Path) -> None:
    folder = tmp_path / "news"
    paths = write_articles(folder, 3)
    cold = _scan([str(folder)], cache_path)
    warm = _scan([str(folder)], cache_path)
    assert cold == warm
    assert [facts(listing) for listing in warm] == [expected(p, n) for n, p in enumerate(paths)]


def test_a_hit_does_not_parse_and_keeps_the_path_as_given(tmp_path: Path, cache_path: Path, monkeypatch) -> None:
    folder = tmp_path / "news"
    write_articles(folder, 2)
    _scan([str(folder)], cache_path)
    monkeypatch.chdir(tmp_path)
    import reader.triage.catalog as catalog

    monkeypatch.setattr(catalog, "load_article", lambda *a: pytest.fail("parsed a cached file"))
    listings = _scan(["news"], cache_path)
    assert [listing.path for listing in listings] == [os.path.join("news", "a0.txt"), os.path.join("news", "a1.txt")]


def test_a_changed_file_is_parsed_again(tmp_path: Path, cache_path: Path) -> None:
    (path,) = write_articles(tmp_path / "news", 1)
    first = _scan([str(path)], cache_path)[0]
    path.write_text(article_text("a different subject entirely"))
    second = _scan([str(path)], cache_path)[0]
    assert second.fingerprint != first.fingerprint and "different subject" in (second.title or "")


def test_a_file_rewritten_with_its_old_size_and_mtime_is_parsed_again(tmp_path: Path, cache_path: Path) -> None:
    # `cp -p`, `rsync -t` or an editor that keeps times: same size, same mtime, new words; only ctime moved.
    path = tmp_path / "a.txt"
    path.write_text("Alpha council voted on Monday. It was close.\n")
    first = _scan([str(path)], cache_path)[0]
    kept = path.stat()
    path.write_text("Omega council voted on Monday. It was close.\n")
    os.utime(path, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    assert path.stat().st_size == kept.st_size and path.stat().st_mtime_ns == kept.st_mtime_ns
    second = _scan([str(path)], cache_path)[0]
    assert first.title.startswith("Alpha") and second.title.startswith("Omega")


def test_errors_are_never_cached(tmp_path: Path, cache_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    assert isinstance(_scan([str(bad)], cache_path)[0], LoadError)
    bad.write_text(article_text("river flood"))
    (listing,) = _scan([str(bad)], cache_path)
    assert not isinstance(listing, LoadError)
    assert isinstance(_scan([str(tmp_path / "missing.txt")], cache_path)[0], LoadError)


def test_a_corrupt_cache_is_rebuilt(tmp_path: Path, cache_path: Path) -> None:
    (path,) = write_articles(tmp_path / "news", 1)
    cache_path.parent.mkdir(parents=True)
    cache_path.write_bytes(b"garbage" * 1000)
    assert [facts(listing) for listing in _scan([str(path)], cache_path)] == [expected(path, 0)]
    cache = IngestCache.open(cache_path)
    assert len(cache.get_many([(str(path), path.stat().st_size, path.stat().st_mtime_ns)])) == 1
    cache.close()


def test_an_unusable_cache_location_only_costs_speed(tmp_path: Path) -> None:
    (path,) = write_articles(tmp_path / "news", 1)
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    assert [facts(listing) for listing in _scan([str(path)], blocker / "cache.sqlite3")] == [expected(path, 0)]


def test_new_code_clears_the_cache(tmp_path: Path, cache_path: Path, monkeypatch) -> None:
    (path,) = write_articles(tmp_path / "news", 1)
    _scan([str(path)], cache_path)
    stamp = (str(path), path.stat().st_size, path.stat().st_mtime_ns)
    monkeypatch.setattr(ingest_cache, "_code_stamp", lambda: "another version")
    cache = IngestCache.open(cache_path)
    assert cache.get_many([stamp]) == {}
    cache.close()


def test_code_installed_over_a_running_reader_does_not_change_its_stamp(monkeypatch) -> None:
    """A running reader keeps stamping with the code it loaded: newer files on disk are another version's."""
    before = ingest_cache._code_stamp()
    real_stat = Path.stat

    def newer(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        result = real_stat(self, *args, **kwargs)
        if self.suffix == ".py":  # the package's sources, just reinstalled
            fields = list(result)
            return os.stat_result((*fields[:7], *(f + 60 for f in fields[7:10])), {"st_mtime_ns": 2**62})
        return result

    monkeypatch.setattr(Path, "stat", newer)
    assert ingest_cache._code_stamp() == before
