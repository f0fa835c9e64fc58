"""Aligning a library's plain text with reader's blocks: which blocks it kept, in reading order."""
from __future__ import annotations

from reader.ingest.text_alignment import ANCHOR, matched_words, words

STORY = ["The council voted on Tuesday to close the old bridge for repairs.",
         "Engineers found cracks in two of its steel supports last month."]


def test_blocks_the_guide_holds_are_matched_in_full_and_others_not_at_all() -> None:
    blocks = ["Home News Sports Weather", STORY[0], "Advertisement", STORY[1], "Most read: ferry fares rise again"]
    hits = matched_words(blocks, "\n".join(STORY))
    assert hits == [0, len(words(STORY[0])), 0, len(words(STORY[1])), 0]


def test_a_short_block_inside_the_guide_is_matched_through_the_run() -> None:
    blocks = [STORY[0], "Background", STORY[1]]
    assert matched_words(blocks, " ".join(blocks)) == [len(words(b)) for b in blocks]


def test_a_phrase_repeated_in_a_teaser_before_the_story_does_not_pull_the_story_out_of_order() -> None:
    teaser = "The council voted on Tuesday to close"  # a card above the story, same opening words
    blocks = [teaser, "Related stories", STORY[0], STORY[1]]
    hits = matched_words(blocks, "\n".join(STORY))
    assert hits[2:] == [len(words(STORY[0])), len(words(STORY[1]))]
    assert hits[1] == 0


def test_case_and_punctuation_do_not_matter_but_words_do() -> None:
    assert matched_words([STORY[0]], STORY[0].upper().replace(" ", " , ")) == [len(words(STORY[0]))]
    assert matched_words([STORY[0]], "Entirely different words about another subject here.") == [0]


def test_edge_cases_empty_and_shorter_than_an_anchor() -> None:
    assert matched_words([], "some words of guide text") == []
    assert matched_words(["", "  "], STORY[0]) == [0, 0]
    short = " ".join(["word"] * (ANCHOR - 1))
    assert matched_words([short], short) == [0]  # fewer words than an anchor can never be told apart from chance
