"""Opening a library entry: parse its file now, mark it read (when the settings say so), build its screen."""
from __future__ import annotations

from reader.model import LineSpan, LoadError
from reader.tui.library import Entry, open_article
from reader.tui.library_session import LibrarySession
from reader.tui.screens.article_screen import ArticleScreen


def article_screen_for(session: LibrarySession, entry: Entry, mark_read: bool,
                       at: LineSpan | None = None) -> ArticleScreen | LoadError:
    """The entry's article screen, or why its file can no longer be read (then nothing is marked);
    `at` (a full-text hit's lines) opens it there, highlighted."""
    article = open_article(entry)
    if isinstance(article, LoadError):
        return article
    if mark_read:
        session.mark_opened(entry)
    session.opened = entry.key
    if at is not None:
        return ArticleScreen(article, line=at.start, cite=at, session=session, entry_key=entry.key)
    return ArticleScreen(article, session=session, entry_key=entry.key)
