"""Per-article summaries for `reader summarize`: right sentences and lines, in input order, from the cache when unchanged."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from command_helpers import write_news

import reader.commands.summary_digests as summary_digests
from reader.commands.summary_digests import digests
from reader.model import LoadError
from reader.summarize.digest import ArticleDigest
from reader.triage.catalog import inputs_of
from reader.triage.ingest_cache import IngestCache


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[IngestCache]:
    opened = IngestCache.open(tmp_path / "cache" / "ingest-cache.sqlite3")
    yield opened
    opened.close()


def sentences(item: ArticleDigest | LoadError) -> list[tuple[str, int, int]]:
    assert isinstance(item, ArticleDigest), item
    return [(i.text, i.line_start, i.line_end) for i in item.items]


FERRY_SENTENCES = [("Ferries stopped running on Monday.", 3, 3), ("Engineers found cracks in the pier.", 3, 3)]
BUDGET_SENTENCES = [("The council approved the school budget on Tuesday.", 3, 3), ("Teachers welcomed the vote.", 3, 3)]


def test_every_input_in_order_errors_in_place(tmp_path: Path, cache: IngestCache) -> None:
    a, b = write_news(tmp_path / "news")
    (tmp_path / "news" / "aa-empty.txt").write_bytes(b"")
    out = list(digests(inputs_of([str(tmp_path / "news")]), "reader", 3, None, cache))
    assert [x.path for x in out] == [str(a), str(tmp_path / "news" / "aa-empty.txt"), str(b)]
    assert out[1] == LoadError(str(tmp_path / "news" / "aa-empty.txt"), "empty file")
    assert sentences(out[0]) == FERRY_SENTENCES  # the title line is a heading, never quoted
    assert sentences(out[2]) == BUDGET_SENTENCES
    assert isinstance(out[0], ArticleDigest) and out[0].title == "Harbour ferry halted"


def test_an_unchanged_file_comes_from_the_cache(tmp_path: Path, cache: IngestCache, monkeypatch) -> None:
    a, b = write_news(tmp_path / "news")
    first = list(digests(inputs_of([str(a), str(b)]), "lead", 1, None, cache))
    assert [sentences(x) for x in first] == [FERRY_SENTENCES[:1], BUDGET_SENTENCES[:1]]

    def no_parsing(*args: object) -> None:
        pytest.fail(f"parsed a cached file: {args}")

    monkeypatch.setattr(summary_digests, "digest_input", no_parsing)
    assert list(digests(inputs_of([str(a), str(b)]), "lead", 1, None, cache)) == first


def test_other_settings_or_a_changed_file_are_summarized_again(tmp_path: Path, cache: IngestCache,
                                                               monkeypatch) -> None:
    a, b = write_news(tmp_path / "news")
    list(digests(inputs_of([str(a), str(b)]), "lead", 1, None, cache))
    parsed: list[str] = []
    real = summary_digests.digest_input
    monkeypatch.setattr(summary_digests, "digest_input",
                        lambda *args: parsed.append(args[-1][0]) or real(*args))  # type: ignore[func-returns-value]
    out = list(digests(inputs_of([str(a)]), "lead", 2, None, cache))  # two sentences now, not one
    assert parsed == [str(a)] and sentences(out[0]) == FERRY_SENTENCES
    b.write_text("Rail strike called off\n\nUnions called off the rail strike late on Sunday.\n", encoding="utf-8")
    parsed.clear()
    out = list(digests(inputs_of([str(a), str(b)]), "lead", 1, None, cache))
    assert parsed == [str(b)]  # a.txt with these settings is cached from the first run
    assert sentences(out[1]) == [("Unions called off the rail strike late on Sunday.", 3, 3)]


def test_the_path_is_shown_as_given_even_from_the_cache(tmp_path: Path, cache: IngestCache, monkeypatch) -> None:
    a, _ = write_news(tmp_path / "news")
    list(digests(inputs_of([str(a)]), "reader", 3, None, cache))
    monkeypatch.chdir(tmp_path)
    (again,) = digests(inputs_of(["news/a.txt"]), "reader", 3, None, cache)
    assert again.path == "news/a.txt" and sentences(again) == FERRY_SENTENCES


def test_without_a_cache_every_file_is_summarized(tmp_path: Path) -> None:
    a, b = write_news(tmp_path / "news")
    # lead with a 6-word budget: the ferry's first sentence (5 words) leaves no room for its second (6);
    # the budget's first (8 words) is over the hard limit, so its second (4 words) is the summary.
    out = list(digests(inputs_of([str(a), str(b)]), "lead", None, 6, None))
    assert [sentences(x) for x in out] == [FERRY_SENTENCES[:1], BUDGET_SENTENCES[1:]]
