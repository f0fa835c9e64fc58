"""The metadata above the article text: one line by default (star, title, source, date, author, tags), all of it on a key.

At 80x24 the full metadata (title, facts, URL, topics, related articles, warnings) took six of
the source pane's eleven rows; folded, it takes one and `i` unfolds it. Every value comes from
the file or the user's tags, so it is made inert and assembled as Content, never read as markup.
"""
from __future__ import annotations

import os
from collections.abc import Collection

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from reader.model import Article
from reader.output.sanitize import one_line
from reader.tui.contained import contained

STAR = "★"


def title_bar(article: Article) -> Content:
    """The pane's title: the file's name and the outlet, never the folder it was installed in."""
    name = one_line(os.path.basename(article.path) or article.path)
    return Content(f"{name} · {one_line(article.source)}" if article.source else name)


def _star(starred: bool) -> list[Content | str | tuple[str, str]]:
    return [(f"{STAR} ", "$mark-star bold")] if starred else []


def _tags(tags: Collection[str]) -> list[Content | str | tuple[str, str]]:
    return [(" · " + " ".join(f"#{one_line(t)}" for t in sorted(tags)), "$text-accent")] if tags else []


def _by(article: Article) -> list[str]:
    return [f"by {one_line(article.author)}"] if article.author else []


def folded_content(article: Article, starred: bool = False, tags: Collection[str] = ()) -> Content:
    """One line: star, title, then source, date and author, then tags (the line is cut at the pane's edge,
    so the author, the longest and least asked for, comes after the outlet and the day)."""
    facts = [one_line(x) for x in (article.source, article.date) if x] + _by(article)
    return Content.assemble(
        *_star(starred), (one_line(article.title or "(untitled)"), "bold"),
        (" · " + " · ".join(facts) if facts else "", "$text-muted"), *_tags(tags),
        (" · ⚠" if article.warnings else "", "$text-warning"),
    )


def header_content(article: Article, starred: bool = False, tags: Collection[str] = ()) -> Content:
    """One fact a line; every value is made inert first because it comes from the file."""
    parts: list[Content | str | tuple[str, str]] = [*_star(starred),
                                                    (one_line(article.title or "(untitled)"), "bold")]
    facts = _by(article) + [one_line(x) for x in (article.source, article.date) if x]
    facts.append(f"{article.format}, {article.encoding}")
    facts.append(f"{len(article.sentences)} sentences, {article.word_count:,} words")
    parts.extend(["\n", (" · ".join(facts), "$text-muted")])
    if tags:
        parts.extend(["\n", ("tags: ", "$text-muted"), (" ".join(f"#{one_line(t)}" for t in sorted(tags)), "$text-accent")])
    if article.url:
        parts.extend(["\n", (one_line(article.url), "$text-accent underline")])
    if article.topics:
        parts.extend(["\n", ("topics: ", "$text-muted"), ", ".join(one_line(t) for t in article.topics)])
    for related in article.related:
        label = " · ".join(one_line(x) for x in (related.title or related.url or "", related.source or "",
                                                  related.date or "") if x)
        parts.extend(["\n", ("related: ", "$text-muted"), label])
    for warning in article.warnings:
        parts.extend(["\n", (f"warning: {one_line(warning)}", "$text-warning")])
    return Content.assemble(*parts)


class ArticleHeader(Static):
    """Static text built from Content, so nothing in the file is read as markup; `expanded` unfolds it."""

    expanded: reactive[bool] = reactive(False, init=False)

    def __init__(self, article: Article, *, starred: bool = False, tags: Collection[str] = (),
                 expanded: bool = False, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.article = article
        self.starred = starred
        self.tags = frozenset(tags)
        self.set_reactive(ArticleHeader.expanded, expanded)
        self._show()

    def show_marks(self, starred: bool, tags: Collection[str]) -> None:
        """The article's star and tags changed (from this screen's keys)."""
        self.starred, self.tags = starred, frozenset(tags)
        self._show()

    @contained
    def watch_expanded(self) -> None:
        self._show()

    def _show(self) -> None:
        self.set_class(self.expanded, "-expanded")
        content = header_content if self.expanded else folded_content
        self.update(content(self.article, self.starred, self.tags))
