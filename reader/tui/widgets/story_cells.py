"""The cells of the grouped view's rows: a story row (its title, outlets, dates, words, sources) and
an article row under its story (indented, a reprint marked "copy").

Kept apart from `ArticleTable`, which only places them. Every cell is `rich.text.Text` of inert text
(titles and outlets are the files' text), one line, ending in an ellipsis when cut.
"""
from __future__ import annotations

from rich.text import Text

from reader.output.sanitize import one_line
from reader.tui.story_groups import StoryRow, dates_label, sources_label

EXPANDED, COLLAPSED = "▾", "▸"
INDENT = "  "  # an article under its story
COPY = "copy"  # the story column of a reprint under its story


def _cut(text: str) -> Text:
    return Text(text, no_wrap=True, overflow="ellipsis")


def story_cells(row: StoryRow) -> tuple[Text, ...]:
    """Title (with the expander), outlets, dates, words and "N sources" of one story row."""
    story = row.story
    title = _cut(f"{EXPANDED if row.expanded else COLLAPSED} {one_line(story.title or '(untitled)')}")
    title.stylize("bold")
    return (
        title,
        _cut(", ".join(one_line(source) for source in story.sources)),
        Text(dates_label(story)),
        Text(f"{row.words:,}", justify="right"),
        Text(sources_label(len(story.sources), len(story.articles))),
    )


def member_cells(article: tuple[Text, ...], copy: bool) -> tuple[Text, ...]:
    """An article row under its story: the title indented, "copy" in the story column of a reprint."""
    title, *rest = article
    indented = Text(INDENT, no_wrap=True, overflow="ellipsis")
    indented.append_text(title)
    return (indented, *rest, Text(COPY if copy else "", style="italic"))
