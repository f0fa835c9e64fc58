"""Opening a library entry: parse its file, mark it read (when the settings say so), build its screen.

Parsing may take seconds (a 12 MB file), so the library does it in a thread (`open_article`) and builds
the screen on the UI thread (`screen_for_parsed`), which is also where the entry is marked."""
from __future__ import annotations

from reader.model import Article, LineSpan, LoadError
from reader.tui.library import Entry
from reader.tui.library_session import LibrarySession
from reader.tui.screens.article_screen import ArticleScreen


def screen_for_parsed(session: LibrarySession, entry: Entry, article: Article | LoadError, mark_read: bool,
                      at: LineSpan | None = None) -> ArticleScreen | LoadError:
    """The entry's article screen, or why its file can no longer be read (then nothing is marked);
    `at` (a full-text hit's lines) opens it there, highlighted. On the UI thread: it marks the entry."""
    if isinstance(article, LoadError):
        return article
    if mark_read:
        session.mark_opened(entry)
    session.opened = entry.key
    if at is not None:
        return ArticleScreen(article, line=at.start, cite=at, session=session, entry_key=entry.key)
    return ArticleScreen(article, session=session, entry_key=entry.key)
