"""The metadata above the source lines: title, source, date, URL, topics, related articles, warnings."""
from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.model import Article
from reader.output.sanitize import one_line


def header_content(article: Article) -> Content:
    """One fact a line; every value is made inert first because it comes from the file."""
    parts: list[Content | str | tuple[str, str]] = [(one_line(article.title or "(untitled)"), "bold")]
    facts = [one_line(x) for x in (article.source, article.date) if x]
    facts.append(f"{article.format}, {article.encoding}")
    facts.append(f"{len(article.sentences)} sentences, {article.word_count:,} words")
    parts.extend(["\n", (" · ".join(facts), "$text-muted")])
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
    """Static text built from Content, so nothing in the file is read as markup."""

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        super().__init__(header_content(article), id=id, markup=False)
