"""Grouping a library into stories: one story per event, reprints marked, ids stable, dates respected."""
from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np
import pytest

from reader.ingest import load_paths
from reader.model import Article
from reader.summarize import grouping
from reader.summarize.grouping import group_stories, story_id

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"


def _load(*paths: Path | str) -> list[Article]:
    return [a for a in load_paths([str(p) for p in paths]) if isinstance(a, Article)]


def _story_of(stories, path: str):
    return next(s for s in stories if path in s.articles)


def _fixture(name: str) -> tuple[list[Path], set[str]]:
    data = tomllib.loads((STORIES / f"{name}.nuggets.toml").read_text(encoding="utf-8"))
    files = sorted(p for p in (STORIES / name).iterdir() if p.is_file())
    return files, set(data.get("off_topic", []))


def test_three_mixed_stories_come_apart_with_their_off_topic_files_elsewhere() -> None:
    names = ("drug-recall", "ferry-strike", "plant-fire")
    folders = {name: _fixture(name) for name in names}
    stories = group_stories(_load(*(STORIES / name for name in names)))
    for name, (files, off_topic) in folders.items():
        on_topic = [str(f) for f in files if f.name not in off_topic]
        story = _story_of(stories, on_topic[0])
        assert set(on_topic) <= set(story.articles), name
        for f in files:
            if f.name in off_topic:
                assert str(f) not in story.articles, f.name
    assert len({_story_of(stories, str(folders[n][0][0])).id for n in names}) == 3


FIXTURE_STORIES = sorted(p.name.removesuffix(".nuggets.toml") for p in STORIES.glob("*.nuggets.toml")
                         if (STORIES / p.name.removesuffix(".nuggets.toml")).is_dir())


@pytest.mark.parametrize("name", FIXTURE_STORIES)
def test_a_folder_kept_for_one_story_is_one_story_follow_ups_and_all(name: str) -> None:
    """Opened alone, a story's folder has its own words in every article, so plain idf would weigh
    them as nothing and split it (the water story's order-lifted follow-ups came apart); its off-topic
    file stays apart."""
    files, off_topic = _fixture(name)
    stories = group_stories(_load(STORIES / name))
    on_topic = [str(f) for f in files if f.name not in off_topic]
    assert set(_story_of(stories, on_topic[0]).articles) == set(on_topic)


def _joined(pairs: list[tuple[int, int]], dated: list[bool]) -> list[list[int]]:
    """Stories {0, 1, 2} and {3, 4} (linked within), joined or not by `pairs` of weak likeness."""
    groups = grouping._Groups(len(dated))
    for a, b in ((0, 1), (1, 2), (3, 4)):
        groups.union(a, b)
    grouping._join_corroborated(groups, np.array(pairs, dtype=np.int64).reshape(-1, 2), np.array(dated))
    return sorted(groups.members())


def test_two_stories_join_when_most_of_their_dated_pairs_are_alike_and_not_on_one_pair() -> None:
    dated = [True] * 5
    assert _joined([(0, 3), (1, 3), (2, 4), (1, 4)], dated) == [[0, 1, 2, 3, 4]]  # 4 of 6 pairs
    assert _joined([(0, 3), (1, 4)], dated) == [[0, 1, 2], [3, 4]]  # 2 of 6: chance
    assert _joined([(0, 3)], [True, False, False, True, False]) == [[0, 1, 2], [3, 4]]  # one pair is never enough
    # The undated articles are not counted: 2 of the 2 x 2 dated pairs (articles 0, 1 and 3, 4)
    assert _joined([(0, 3), (1, 4)], [True, True, False, True, True]) == [[0, 1, 2, 3, 4]]


def test_the_five_shared_seeds_are_one_story(shared_seeds: Path) -> None:
    articles = _load(shared_seeds)
    stories = group_stories(articles)
    assert len(stories) == 1
    assert len(stories[0].articles) == len(articles) == 5


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


BODY = [
    "The Harwick city council voted on Monday to close the Elm Street bridge for two years of repairs.",
    "Engineers found corrosion in four of the bridge's steel girders during an inspection in March.",
    "Traffic will be diverted over the Mill Lane crossing, adding about ten minutes to commutes.",
    "The repairs are expected to cost 14 million dollars, paid mostly by a state grant.",
    "Shop owners on Elm Street said they feared losing customers during the closure.",
]
OTHER = [
    "A family of otters has returned to the Brenna river for the first time in forty years.",
    "Volunteers counted three adults and two cubs near the old weir last weekend.",
    "Ecologists credit a decade of work to clean up runoff from nearby farms.",
    "The county plans to open a viewing platform on the east bank next spring.",
]


def test_a_reprint_is_a_copy_of_the_earlier_original(tmp_path: Path) -> None:
    original = _write(tmp_path, "courier.md", "---\ntitle: Bridge to close\ndate: 2026-04-01\n---\n\n" + "\n\n".join(BODY))
    reprint = _write(tmp_path, "gazette.md", "---\ntitle: Elm Street bridge closing\ndate: 2026-04-02\n---\n\n"
                     + "\n\n".join(BODY[:4]) + "\n\nThe Gazette will follow the story.")
    other = _write(tmp_path, "otters.txt", "\n\n".join(OTHER))
    stories = group_stories(_load(tmp_path))
    bridge = _story_of(stories, str(original))
    assert set(bridge.articles) == {str(original), str(reprint)}
    assert [(c.path, c.copy_of) for c in bridge.copies] == [(str(reprint), str(original))]
    assert _story_of(stories, str(other)).articles == (str(other),)
    assert (bridge.first_date, bridge.last_date) == ("2026-04-01", "2026-04-02")


def test_a_short_card_inside_a_long_article_is_the_copy(tmp_path: Path) -> None:
    card = _write(tmp_path, "a-card.md", "---\ntitle: Bridge card\ndate: 2026-03-30\n---\n\n" + "\n\n".join(BODY[:2]))
    long = _write(tmp_path, "z-long.md", "---\ntitle: Bridge closing\ndate: 2026-04-01\n---\n\n" + "\n\n".join(
        BODY + ["Council members said the vote was the hardest of their term, with nine residents speaking against.",
                "The bridge opened in 1931 and was last rebuilt in 1978 after a flood damaged its piers."]))
    (story,) = group_stories(_load(card, long))
    assert [(c.path, c.copy_of) for c in story.copies] == [(str(card), str(long))]


def test_the_same_story_told_again_a_year_later_is_another_event(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.md", "---\ntitle: Bridge\ndate: 2025-01-05\n---\n\n" + "\n\n".join(BODY))
    # Not a reprint (no sentence is the same), but the same subject in the same words.
    retold = [" ".join(reversed(s.rstrip(".").split(", "))) + " again." for s in BODY]
    second = _write(tmp_path, "b.md", "---\ntitle: Bridge again\ndate: 2026-02-20\n---\n\n" + "\n\n".join(retold))
    assert len(group_stories(_load(first, second))) == 2
    second.write_text(second.read_text(encoding="utf-8").replace("2026-02-20", "2025-01-20"), encoding="utf-8")
    assert len(group_stories(_load(first, second))) == 1


def test_ids_are_stable_for_the_same_articles_wherever_the_folder_is(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder / "news").mkdir(parents=True)
        _write(tmp_path / folder / "news", "bridge.txt", "\n\n".join(BODY))
        _write(tmp_path / folder / "news", "otters.txt", "\n\n".join(OTHER))
    first = {s.title: s.id for s in group_stories(_load(tmp_path / "one"))}
    again = {s.title: s.id for s in group_stories(_load(tmp_path / "two" / "news" / "otters.txt",
                                                        tmp_path / "two" / "news" / "bridge.txt"))}
    assert first == again and len(set(first.values())) == 2


def test_same_file_names_in_two_folders_get_different_ids() -> None:
    assert story_id(["business/001.txt"]) != story_id(["sport/001.txt"])
    assert story_id(["/a/b/x.txt", "/a/b/y.txt"]) == story_id(["/c/b/y.txt", "/c/b/x.txt"])


def test_no_articles_no_stories() -> None:
    assert group_stories([]) == []


def test_a_markdown_headline_names_the_story_before_an_untitled_files_first_sentence(tmp_path: Path) -> None:
    """An H1 that repeats the front matter title is a headline; a plain file's first sentence is not."""
    _write(tmp_path, "a-plain.txt", "\n\n".join(BODY))
    _write(tmp_path, "b-titled.md", "---\ntitle: Elm Street bridge to close for two years\n---\n\n"
           "# Elm Street bridge to close for two years\n\n" + "\n\n".join(BODY[1:] + BODY[:1]))
    (story,) = group_stories(_load(tmp_path))
    assert story.title == "Elm Street bridge to close for two years"
