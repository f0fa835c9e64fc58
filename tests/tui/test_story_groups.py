"""The library's stories without an app: rows of the grouped view, badges, and readings kept in the ingest cache."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from reader.ingest import load_article
from reader.model import Article
from reader.summarize.grouping import Copy, Story, group_readings, group_stories
from reader.triage import ArticleState
from reader.triage.catalog import inputs_of, stamp_of
from reader.triage.ingest_cache import IngestCache, Listing
from reader.tui import story_inputs
from reader.tui.library import Entry
from reader.tui.story_groups import ArticleRow, StoryGroups, StoryRow, dates_label, story_state
from reader.tui.story_inputs import SETTINGS, from_data, readings
from tui_helpers import SEEDS


def entry(number: int, path: str, words: int = 10) -> Entry:
    return Entry(number, Listing(path, f"title {number}", None, None, f"fp{number}", 1, words, file=path))


def story(sid: str, paths: tuple[str, ...], sources: tuple[str, ...], copies: tuple[Copy, ...] = (),
          first: str | None = None, last: str | None = None) -> Story:
    return Story(sid, f"story {sid}", paths, sources, copies, first, last)


ENTRIES = [entry(0, "a.txt"), entry(1, "lone.txt", 5), entry(2, "b.txt", 20), entry(3, "c.txt", 30)]
STORIES = [story("s1", ("a.txt", "b.txt", "c.txt"), ("A", "B"), (Copy("c.txt", "b.txt"),), "2026-03-11", "2026-03-12"),
           story("s2", ("lone.txt",), ("L",))]


def test_badges_name_the_sources_of_stories_of_several_articles_only() -> None:
    groups = StoryGroups(STORIES, ENTRIES)
    assert groups.badges() == {"0": "2 sources", "2": "2 sources", "3": "2 sources"}
    assert groups.badge("1") == "" and groups.story_of("1") is None
    one_outlet = StoryGroups([story("s3", ("a.txt", "b.txt"), ("A",))], ENTRIES)
    assert one_outlet.badge("0") == "2 articles"


def test_rows_put_a_story_where_its_first_article_stood_and_expand_to_its_articles() -> None:
    groups = StoryGroups(STORIES, ENTRIES)
    shown = groups.clustered([ENTRIES[2], ENTRIES[1], ENTRIES[0], ENTRIES[3]])  # e.g. sorted by date
    assert [e.key for e in shown] == ["2", "0", "3", "1"]
    folded = groups.rows(shown, set())
    assert [type(r) for r in folded] == [StoryRow, ArticleRow]
    head = folded[0]
    assert isinstance(head, StoryRow) and head.members == ("0", "2", "3") and head.shown == ("2", "0", "3")
    assert head.words == 60 and not head.expanded
    opened = groups.rows(shown, {head.key})
    assert [(r.entry.key, r.under, r.copy) for r in opened[1:4] if isinstance(r, ArticleRow)] == [
        ("2", head.key, False), ("0", head.key, False), ("3", head.key, True)]
    assert isinstance(opened[4], ArticleRow) and opened[4].under is None
    assert groups.count(shown) == 2 and groups.members(head.key) == ("0", "2", "3")
    assert groups.members("0") is None


def test_a_row_that_arrived_after_the_grouping_is_its_own_row() -> None:
    groups = StoryGroups(STORIES, ENTRIES)
    late = entry(4, "new.txt")
    rows = groups.rows(groups.clustered([*ENTRIES, late]), set())
    assert isinstance(rows[-1], ArticleRow) and rows[-1].entry is late and groups.badge("4") == ""


def test_a_path_listed_twice_is_in_its_story_twice() -> None:
    twice = [*ENTRIES, entry(4, "a.txt")]
    groups = StoryGroups(STORIES, twice)
    assert groups.members("story:s1") == ("0", "4", "2", "3") and groups.badge("4") == "2 sources"


def test_story_marks_are_what_every_article_shares() -> None:
    read, unread = ArticleState(read=True, starred=True), ArticleState(tags=frozenset({"x"}))
    assert story_state([read, read]) == ArticleState(read=True, starred=True)
    assert story_state([read, unread]) == ArticleState(tags=frozenset({"x"}))
    assert story_state([]) == ArticleState()


@pytest.mark.parametrize(("first", "last", "shown"), [
    ("2026-03-11", "2026-03-11", "2026-03-11"), ("2026-03-11", "2026-04-02", "03-11–04-02"),
    ("2025-12-30", "2026-01-02", "2025–2026"), (None, None, "")])
def test_dates_fit_the_date_column(first: str | None, last: str | None, shown: str) -> None:
    label = dates_label(story("s", ("a", "b"), ("A",), (), first, last))
    assert label == shown and len(label) <= 11


# -- readings in the ingest cache ------------------------------------------------------------------

def seed_inputs() -> list[tuple[str, str]]:
    return [item for item in inputs_of([str(SEEDS)]) if isinstance(item, tuple)]


def test_readings_from_the_cache_group_as_parsed_articles_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    items = seed_inputs()
    parsed = [a for a in (load_article(Path(f), p) for p, f in items) if isinstance(a, Article)]
    cache = IngestCache.open(tmp_path / "cache.sqlite3")
    first = list(readings(items, cache))
    calls: list[str] = []
    real = story_inputs.reading_input
    monkeypatch.setattr(story_inputs, "reading_input", lambda item: calls.append(item[0]) or real(item))
    again = list(readings(items, cache))
    cache.close()
    assert calls == []  # nothing parsed the second time
    assert again == first
    assert repr(group_readings(again)) == repr(group_stories(parsed))  # titles, ids, copies and dates kept


def test_a_changed_file_is_read_again_and_a_damaged_reading_is_parsed(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("01-bellhaven-courier.txt", "11-skyline-science-meteorite.txt"):
        (folder / name).write_bytes((SEEDS / name).read_bytes())
    items = [item for item in inputs_of([str(folder)]) if isinstance(item, tuple)]
    cache = IngestCache.open(tmp_path / "cache.sqlite3")
    list(readings(items, cache))
    (folder / "01-bellhaven-courier.txt").write_text("Changed\n\nA new first sentence about the harbour today.\n")
    meteorite = stamp_of(items[1][1])
    assert meteorite is not None
    cache.put_digests([(meteorite, {"prints": "not a list"})], SETTINGS)
    calls: list[str] = []
    real = story_inputs.reading_input
    monkeypatch.setattr(story_inputs, "reading_input", lambda item: calls.append(item[0]) or real(item))
    values = list(readings(items, cache))
    cache.close()
    assert sorted(Path(c).name for c in calls) == ["01-bellhaven-courier.txt", "11-skyline-science-meteorite.txt"]
    assert values[0].title == "Changed"  # type: ignore[union-attr]


@pytest.mark.parametrize("data", [
    None, [], {"prints": [], "counts": []}, {"prints": [1], "counts": {}}, {"prints": [], "counts": {"a": "2"}},
    {"prints": [], "counts": {}, "title": 3}])
def test_stored_data_that_is_not_a_reading_is_none(data: object) -> None:
    assert from_data(data) is None


def test_a_stored_reading_loads_with_its_fields() -> None:
    value = from_data({"title": "T", "date": "2026-03-11", "source": None, "headline": True,
                       "prints": ["one two three four five six"], "counts": {"harbour": 2}}, "x.txt")
    assert value is not None and value.path == value.file == "x.txt" and value.headline
    assert value.prints == frozenset({"one two three four five six"}) and value.counts == Counter({"harbour": 2})
