"""A story summary of only what the articles you have read do not already say.

The triage state knows which articles are read. Their sentences count as told: a sentence of an
unread article is a candidate only when no read article says the same and can have (`novelty`: one
published before the day the sentence dates its event to cannot, "a judge on Monday blocked the
deal"; such a read article is then not listed as reporting it either). The selection is the story
summary's, with the read articles' concepts already covered, so what is chosen is what reading the
rest would add. With everything read, there is nothing new.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.model import Article
from reader.summarize.equivalence import SAME_FACT
from reader.summarize.novelty import told_by
from reader.summarize.story import DEFAULT_STORY_WORDS, StorySummary, build_items, select_story, story_units


@dataclass(slots=True)
class NewToYou:
    summary: StorySummary  # the new facts, cited with who reports them (read articles included)
    read: list[Article]
    unread: list[Article]


def new_to_you(articles: Sequence[Article], read_paths: set[str], words: int = DEFAULT_STORY_WORDS,
               count: int | None = None) -> NewToYou:
    story = story_units(articles)
    is_read = [u.article.path in read_paths for u in story.units]
    fresh = {i for i in range(len(story.units))
             if not is_read[i] and not told_by(story, i, lambda j: is_read[j], SAME_FACT)}
    known = {i for i, r in enumerate(is_read) if r}
    picked = select_story(story, words, count, among=fresh, known=known) if fresh else []
    # A read article matching a fresh sentence was published before its event: it does not report it.
    summary = StorySummary(build_items(story, picked, unless=lambda j: is_read[j]), list(articles), story.left_out,
                           len({u.source_key for u in story.units}), story.outlets.voices, words)
    kept = {u.article.path for u in story.units}
    return NewToYou(summary, [a for a in articles if a.path in read_paths and a.path in kept],
                    [a for a in articles if a.path not in read_paths and a.path in kept])
