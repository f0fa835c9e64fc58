"""Summarizers: every algorithm by name, exact citations, identity not text, determinism, stories."""
from __future__ import annotations

from pathlib import Path

import pytest

from redundancy import redundant_pairs

from reader.ingest import load_article, load_paths
from reader.model import Article
from reader.summarize import ALGORITHMS, summarize_article, summarize_story, summarize_units
from reader.summarize.units import candidate_units

PROJECT = Path(__file__).resolve().parents[2]
WORDS = __import__("re").compile(r"[^\W_]+")


def holds(article: Article, text: str, start: int, end: int) -> bool:
    """Independent check: the sentence's words stand, in order, in the cited lines."""
    want = [w.lower() for w in WORDS.findall(text)]
    hay = [w.lower() for w in WORDS.findall(" ".join(article.lines[start - 1:end]))]
    return any(hay[i:i + len(want)] == want for i in range(len(hay) - len(want) + 1))


def write(tmp_path: Path, name: str, text: str) -> Article:
    path = tmp_path / name
    path.write_text(text)
    article = load_article(path)
    assert isinstance(article, Article)
    return article


STORY = {
    "a.txt": " date 2026-01-05 The city council approved a new bridge over the Kell River on Monday. "
             "The bridge will cost $42 million and open in 2028. Mayor Ana Ruiz called the vote historic. "
             "Construction starts in the spring.\n\nResidents had waited ten years for the crossing.\n",
    "b.txt": " date 2026-01-06 A new bridge over the Kell River was approved by the city council on Monday. "
             "The project will cost $42m and is due to open in 2028. "
             "Opponents said the money should go to buses instead.\n\nThe vote was 7-2.\n",
    "c.txt": " date 2026-01-06 On Monday the city council approved the Kell River bridge. "
             "Ruiz called the vote historic and thanked residents. The bridge is due to open in 2028 at a cost of $42 million.\n",
}


@pytest.fixture
def story(tmp_path: Path) -> list[Article]:
    return [write(tmp_path, name, text) for name, text in STORY.items()]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_cites_exact_lines(algorithm: str, story: list[Article]) -> None:
    for article in story:
        items = summarize_article(article, algorithm, count=2)
        assert 1 <= len(items) <= 2
        for item in items:
            own = item.citations[0]
            assert own.path == article.path
            assert holds(article, item.text, own.span.start, own.span.end)
        # Article order.
        starts = [item.unit.sentence.index for item in items]
        assert starts == sorted(starts)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_identical_sentences_keep_their_own_place(algorithm: str, tmp_path: Path) -> None:
    same = "The committee will publish its findings on Friday morning."
    one = write(tmp_path, "one.txt", f"Officials gathered at the hall today.\n\n{same}\n")
    two = write(tmp_path, "two.txt", f"A different opening line sits here first.\n\nSomething else was said.\n\n{same}\n")
    units = candidate_units([one, two])
    items = summarize_units(units, algorithm, count=len(units))
    cited = {(i.unit.article.path, i.unit.sentence.span.start) for i in items if i.text == same}
    if algorithm == "reader":  # reader never quotes one sentence twice: either place, but the right line
        assert len(cited) == 1 and cited <= {(one.path, 3), (two.path, 5)}
    else:
        assert cited == {(one.path, 3), (two.path, 5)}


def test_deterministic(story: list[Article]) -> None:
    first = [(i.text, i.score, [str(c.span) for c in i.citations]) for i in summarize_story(story).items]
    again = [(i.text, i.score, [str(c.span) for c in i.citations]) for i in summarize_story(story).items]
    assert first == again


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_words_budget_is_filled_and_never_exceeded(algorithm: str, story: list[Article]) -> None:
    # a.txt's sentences have 13, 10, 7, 5 and 8 words: every pick leaves room for another within 20.
    items = summarize_article(story[0], algorithm, words=20)
    used = sum(len(i.text.split()) for i in items)
    assert len(items) >= 2 and used <= 20, [i.text for i in items]
    chosen = {i.unit.sentence.index for i in items}
    left = [s for s in story[0].sentences if s.index not in chosen]
    assert all(len(s.text.split()) > 20 - used for s in left)  # greedy: nothing else would still fit


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_words_budget_is_a_hard_limit(algorithm: str, story: list[Article]) -> None:
    # a.txt's sentences have 13, 10, 7, 5 and 8 words: with 3 none fits, with 6 only the 5-word one.
    assert summarize_article(story[0], algorithm, words=3) == []
    (only,) = summarize_article(story[0], algorithm, words=6)
    assert len(only.text.split()) == 5


def test_unknown_algorithm(story: list[Article]) -> None:
    with pytest.raises(ValueError, match="unknown algorithm"):
        summarize_article(story[0], "nope")


def test_story_groups_equivalents_and_cites_corroboration(story: list[Article]) -> None:
    items = summarize_story(story, count=4).items
    texts = [i.text for i in items]
    assert redundant_pairs(texts) == 0
    approved = [i for i in items if "approved" in i.text]
    assert len(approved) == 1, texts  # three outlets, one fact, one sentence
    assert approved[0].source_count == 3
    assert {c.path for c in approved[0].citations} == {a.path for a in story}
    for item in items:
        by_path = {a.path: a for a in story}
        own = item.citations[0]
        assert holds(by_path[own.path], item.text, own.span.start, own.span.end)


def test_story_leaves_out_a_glued_in_unrelated_story(tmp_path: Path, story: list[Article]) -> None:
    glued = write(tmp_path, "glued.txt",
                  "The council approved the Kell River bridge on Monday, at a cost of $42 million.. "
                  "LONDON — Astronomers spotted a comet brightening near Jupiter this week. "
                  "The comet will be visible with binoculars until March. Observatories asked amateurs for photos.\n")
    items = summarize_story([*story, glued], count=10).items
    assert items
    assert not [i for i in items if any(w in i.text for w in ("comet", "Astronomers", "Observatories"))]


def test_story_never_quotes_boilerplate_or_repeats(tmp_path: Path) -> None:
    ad = write(tmp_path, "ad.txt",
               "The council approved the Kell River bridge on Monday.\n\nAdvertisement\n\n"
               "Sign up for our newsletter to get the latest news in your inbox. Subscribe today!\n\n"
               "The bridge will open in 2028.\n")
    items = summarize_story([ad], count=10).items
    assert all("newsletter" not in i.text and i.text != "Advertisement" for i in items)


def test_seeds_story_has_no_redundancy(shared_seeds: Path) -> None:
    articles = [a for a in load_paths([shared_seeds]) if isinstance(a, Article)]
    items = summarize_story(articles).items
    assert len(items) >= 5
    assert redundant_pairs([i.text for i in items]) == 0
    assert max(i.source_count for i in items) >= 3


def test_bundled_seeds_story_is_about_the_main_story() -> None:
    articles = [a for a in load_paths([PROJECT / "seeds"]) if isinstance(a, Article)]
    items = summarize_story(articles).items
    assert len(items) >= 5
    assert redundant_pairs([i.text for i in items]) == 0
    assert not [i for i in items if "meteorite" in i.text.lower()]


def test_one_article_summary_never_quotes_fragments_or_contact_lines(tmp_path: Path) -> None:
    """Asked for more sentences than the article has whole ones, reader gives fewer: never a list
    fragment or a byline (the contact line goes at ingest, as boilerplate). The anchors see every
    candidate as published."""
    path = tmp_path / "lanes.md"
    path.write_text(
        "# City approves bike lanes\n\n"
        "The city council on Wednesday approved a 40-mile network of protected bike lanes.\n\n"
        "The plan will cost $58 million over five years, the budget office said.\n\n"
        "* Concerns raised:\n    * loss of 300 parking spaces\n    * delivery access\n\n"
        "Business owners on Grand Avenue said the loss of parking would hurt trade.\n\n"
        "Send your views to letters@example.com or call 555-201-0142.\n\n"
        "Construction begins in April.\n")
    article = load_article(path)
    assert isinstance(article, Article)
    quoted = [item.text for item in summarize_article(article, "reader", count=8)]
    assert quoted == [
        "The city council on Wednesday approved a 40-mile network of protected bike lanes.",
        "The plan will cost $58 million over five years, the budget office said.",
        "Business owners on Grand Avenue said the loss of parking would hurt trade.",
        "Construction begins in April.",
    ]
    assert "loss of 300 parking spaces" in [item.text for item in summarize_article(article, "lead", count=8)]
