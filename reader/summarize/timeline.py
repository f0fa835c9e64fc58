"""A story day by day: for each publication date, the facts first reported that day.

A follow-up retells most of what was known and adds a few facts; read in date order, the retold
part hides the new. This is update summarization (TAC 2008-2011): a sentence is a candidate on its
article's date when no source dated earlier says the same (`equivalence`, in any wording) and can
have: a sentence that dates its event after an earlier article was published ("a judge on Monday
blocked the deal") is not told by it, and one with a figure no earlier day states ("141 people",
after "96 people") is an update (`news_signals`). Each day's sentences are chosen by the story
summary's own concept coverage, with the concepts told on earlier days already covered. A later
day lists first the sentences with such evidence of news, each mostly untold by the day's list so
far, then every other candidate whose concept weight is mostly (more than half) untold, by earlier
days or by the day's sentences listed before it, so the list ends when the day's news is told. The
word budget is a cap, as large as a story summary by default, and the first day, where everything
is new, is the story summary at that budget. Undated articles are not put at the start: their sentences that
no dated source says are listed apart, under "undated". A sentence stating a number other outlets
give otherwise is flagged as contested, as in the story summary.

Measured on the key-fact stories (tests/benchmarks/bench_timeline.py): most later facts come
under their date; some retold ones still pass as new, told in other words than any earlier
sentence, or beside a new fact in one sentence (see the benchmark for figures).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.model import Article
from reader.summarize.disagreements import contested, disagreements
from reader.summarize.event_dates import day_string
from reader.summarize.news_signals import surely_new, told_before
from reader.summarize.story import DEFAULT_STORY_WORDS, StoryUnits, build_items, select_story, story_units
from reader.summarize.units import SummaryItem

DEFAULT_DAY_WORDS = DEFAULT_STORY_WORDS  # a cap per date: a day's news ends the list before it, mostly
MOSTLY_NEW = 0.5  # a later day's sentence is listed when more than this share of its concept weight is untold


@dataclass(slots=True)
class Day:
    """One publication date (None: undated) with its articles and the facts first reported in them."""

    date: str | None
    articles: list[Article]
    items: list[SummaryItem]
    new_sentences: int  # candidate sentences of that day that no earlier source states


@dataclass(slots=True)
class Timeline:
    days: list[Day]
    story: StoryUnits
    words_per_day: int


def day_of(article: Article) -> str | None:
    """The publication day (YYYY-MM-DD) of an article, None when it has no usable date."""
    return day_string(article.date)


def new_on_their_day(story: StoryUnits) -> list[bool]:
    """For each candidate sentence: is it new on its date, said by no source dated earlier that can
    have said it (`news_signals.told_before`)? Undated sentences are new when no dated source says them."""
    days = [day_of(u.article) for u in story.units]
    return [not told_before(story, days, i) for i in range(len(days))]


def _day_list(story: StoryUnits, fresh: set[int], known: set[int], news: set[int], words: int,
              count: int | None) -> list[tuple[int, float]]:
    """One day's list. The first day is the story summary of its candidates. A later day lists first
    the sentences with evidence of news (`news_signals`), then, in the words left, those only worded
    unlike anything earlier: lexical novelty is the weaker evidence, and on a busy day a paraphrase
    of old news would otherwise take the place of a dated event."""
    if not known:
        return select_story(story, words, count, among=fresh)
    first = select_story(story, words, count, among=fresh & news, known=known, mostly_new=MOSTLY_NEW,
                         surely_new=news) if fresh & news else []
    used = sum(story.terms[i].word_count for i, _ in first)
    rest = fresh - {i for i, _ in first}
    left = None if count is None else count - len(first)
    if not rest or used >= words or left == 0:
        return first
    return first + select_story(story, words - used, left, among=rest, known=known | {i for i, _ in first},
                                mostly_new=MOSTLY_NEW, surely_new=news)


def story_timeline(articles: Sequence[Article], words_per_day: int = DEFAULT_DAY_WORDS,
                   count: int | None = None) -> Timeline:
    """The story's days in order (undated last), each with its new facts, at most `words_per_day` words."""
    story = story_units(articles)
    new = new_on_their_day(story)
    news = surely_new(story, [day_of(u.article) for u in story.units], new)
    new = [n or i in news for i, n in enumerate(new)]
    by_day: dict[str | None, list[int]] = {}
    for i, unit in enumerate(story.units):
        by_day.setdefault(day_of(unit.article), []).append(i)
    kept = {id(u.article): u.article for u in story.units}
    # A day's sentence carrying a number other outlets give otherwise says so; a figure that changes
    # from day to day in order (`later`: 38, then 96, then 127 ill) is the timeline's own news, not a dispute.
    found = [d for d in disagreements(story) if not d.later]
    days = []
    known: set[int] = set()
    for date in sorted(by_day, key=lambda d: (d is None, d or "")):
        fresh = {i for i in by_day[date] if new[i]}
        picked = _day_list(story, fresh, known, news, words_per_day, count) if fresh else []
        if date is not None:
            known |= set(by_day[date])
        day_articles = [a for a in kept.values() if day_of(a) == date]
        items = [replace(item, contested=tuple(contested(found, item.unit.number))) for item in build_items(story, picked)]
        days.append(Day(date, sorted(day_articles, key=lambda a: a.path), items, len(fresh)))
    return Timeline(days, story, words_per_day)

