"""The library's stories mapped onto its rows, without Textual: badges, the grouped view's rows, story members.

`group_stories` (reader.summarize.grouping) names stories by article path; the library knows rows
(entries). A `StoryGroups` joins the two once per grouping: which story each row's article is in,
which of a story's rows are reprints, and the rows of the grouped view, where a story of several
articles is one row (expanded, its articles follow it) and an article alone stays an article row.
The grouped view keeps the library's order: a story stands where its first article would.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.summarize.grouping import Story
from reader.triage import ArticleState
from reader.tui.library import Entry

STORY_ROW = "story:"  # row keys of story rows; article rows are keyed by their load number


def story_row_key(story: Story) -> str:
    return STORY_ROW + story.id


def is_story_row(key: str | None) -> bool:
    return key is not None and key.startswith(STORY_ROW)


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One story of several articles as one row: `members` are all its rows (the marks and the triage
    keys cover them all), `shown` those the view keeps (what expanding shows), in the library's order."""

    key: str
    story: Story
    members: tuple[str, ...]
    shown: tuple[str, ...]
    expanded: bool
    words: int = 0  # of all its articles


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """An article: alone, or under its expanded story (`under`); `copy` when it reprints another."""

    entry: Entry
    under: str | None = None
    copy: bool = False


Row = StoryRow | ArticleRow


def story_state(states: Iterable[ArticleState]) -> ArticleState:
    """A story's marks: read, starred or archived when every article is (what its toggles then undo),
    tagged when any article is."""
    every = list(states)
    tags = frozenset().union(*(s.tags for s in every)) if every else frozenset()
    return ArticleState(read=bool(every) and all(s.read for s in every),
                        starred=bool(every) and all(s.starred for s in every),
                        archived=bool(every) and all(s.archived for s in every), tags=tags)


def sources_label(sources: int, articles: int) -> str:
    """The story badge: "4 sources", or "3 articles" when one outlet wrote them all; blank for one article."""
    if articles < 2:
        return ""
    return f"{sources} sources" if sources > 1 else f"{articles} articles"


def dates_label(story: Story) -> str:
    """The story's dates in the date column's eleven characters: one day, or its first and last day."""
    first, last = story.first_date, story.last_date
    if not first or not last or first == last:
        return first or ""
    if first[:4] == last[:4]:
        return f"{first[5:10]}–{last[5:10]}"
    return f"{first[:4]}–{last[:4]}"


class StoryGroups:
    """The stories of one grouping, by row: an article that arrived since is in none (until the next)."""

    def __init__(self, stories: Sequence[Story], entries: Iterable[Entry]) -> None:
        rows_of: dict[str, list[str]] = {}
        words: dict[str, int] = {}
        for entry in entries:
            rows_of.setdefault(entry.listing.path, []).append(entry.key)
            words[entry.key] = entry.words
        self.stories = list(stories)
        self._story: dict[str, Story] = {}  # row -> its story (only stories of several articles)
        self._members: dict[str, tuple[str, ...]] = {}  # story row key -> its articles' rows
        self._words: dict[str, int] = {}  # story row key -> the words of its articles
        self.copies: set[str] = set()  # rows that reprint another article of their story
        for story in stories:
            if len(story.articles) < 2:
                continue
            copies = {c.path for c in story.copies}
            keys: list[str] = []
            for path in story.articles:
                for key in rows_of.get(path, ()):
                    keys.append(key)
                    self._story[key] = story
                    if path in copies:
                        self.copies.add(key)
            self._members[story_row_key(story)] = tuple(keys)
            self._words[story_row_key(story)] = sum(words[k] for k in keys)

    @property
    def multi(self) -> int:
        """How many stories have several articles."""
        return len(self._members)

    def story_of(self, key: str) -> Story | None:
        """The story of several articles that the row's article is in (None: alone, or not grouped yet)."""
        return self._story.get(key)

    def badge(self, key: str) -> str:
        """The story column of an article row: "4 sources" in a story of several articles, else blank."""
        story = self._story.get(key)
        return "" if story is None else sources_label(len(story.sources), len(story.articles))

    def badges(self) -> dict[str, str]:
        return {key: self.badge(key) for key in self._story}

    def members(self, row: str) -> tuple[str, ...] | None:
        """Every row of a story row's articles; None when `row` is not a story row."""
        return self._members.get(row)

    def story_rows(self, keys: Iterable[str]) -> set[str]:
        """The story rows these article rows belong to."""
        return {story_row_key(story) for key in keys if (story := self._story.get(key)) is not None}

    def count(self, shown: Iterable[Entry]) -> int:
        """How many stories these rows tell (an article alone is a story of its own)."""
        return len({story.id if (story := self._story.get(e.key)) is not None else f"#{e.key}" for e in shown})

    def clustered(self, shown: Sequence[Entry]) -> list[Entry]:
        """The rows in the grouped view's order: each story's articles together, where its first stood."""
        together: dict[str, list[Entry]] = {}
        for entry in shown:
            story = self._story.get(entry.key)
            together.setdefault(story.id if story is not None else f"#{entry.key}", []).append(entry)
        return [entry for group in together.values() for entry in group]

    def rows(self, shown: Sequence[Entry], expanded: set[str]) -> list[Row]:
        """The grouped view: a row per story of several articles (its articles after it when expanded),
        an article row per article alone; `shown` is already clustered."""
        out: list[Row] = []
        by_story: dict[str, list[Entry]] = {}
        for entry in shown:
            story = self._story.get(entry.key)
            if story is not None:
                by_story.setdefault(story.id, []).append(entry)
        done: set[str] = set()
        for entry in shown:
            story = self._story.get(entry.key)
            if story is None:
                out.append(ArticleRow(entry))
                continue
            if story.id in done:
                continue
            done.add(story.id)
            key = story_row_key(story)
            members = by_story[story.id]
            out.append(StoryRow(key, story, self._members[key], tuple(e.key for e in members), key in expanded,
                                self._words[key]))
            if key in expanded:
                out.extend(ArticleRow(e, key, e.key in self.copies) for e in members)
        return out
