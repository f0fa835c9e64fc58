"""The library's status line and compare prompt as Content, built from the session (no widgets here).

Kept apart from the screen so that it only puts them on screen. Titles and queries are the user's
or the files' text: they go in as plain Content parts (never parsed as markup), made inert first.
The status line is a `FittedLine`: at 80 columns a long query is shortened with `…` (then the
sort order left out) so the counts before it always show.
"""
from __future__ import annotations

from textual.content import Content

from reader.output.sanitize import one_line
from reader.tui.fitted_line import FittedLine
from reader.tui.library import SortKey
from reader.tui.library_session import LibrarySession
from reader.tui.loader_worker import Batch

PROMPT_TITLE = 50  # characters of the first article's title in the compare prompt: two lines at 80 columns
SORT_LABELS = {SortKey.FILE: "file", SortKey.DATE: "date", SortKey.SOURCE: "source",
               SortKey.TITLE: "title", SortKey.LENGTH: "length"}

Part = Content | str | tuple[str, str]


def counts_line(session: LibrarySession, batch: Batch | None = None) -> FittedLine:
    """View, rows shown of loaded, unread and starred, selection, failures, loading, stories, unsaved marks,
    filter, order."""
    library = session.library
    live = library.live
    states = [library.state_of(e) for e in live] if library.gone else library.states.values()
    starred = sum(1 for s in states if s.starred and not s.archived)
    unread = sum(1 for s in states if not s.read and not s.archived)
    parts: list[Part] = [
        ("view: ", "$text-muted"), (session.view_label, "bold $text-accent"),
        (f" · {len(session.shown):,} of {len(live):,}", "bold"),
        (f" · {unread:,} unread · {starred:,} starred", "$text-muted")]
    if session.selected:
        parts.append((f" · {len(session.selected):,} selected", "$text-accent"))
    if library.failures:
        parts.append((f" · {len(library.failures)} failed", "$text-warning"))
    if not library.loaded and batch is not None:
        parts.append((f" · loading {batch.done:,}/{batch.total:,}", "$text-muted"))
    elif not library.loaded:
        parts.append((" · loading…", "$text-muted"))
    if session.grouping:
        parts.append((" · grouping stories…", "$text-muted"))
    elif session.grouped and session.stories is not None:
        count = session.stories.count(session.shown)
        parts.append((f" · {count:,} {'story' if count == 1 else 'stories'}", "$text-muted"))
    if session.unsaved:
        parts.append((f" · {session.unsaved} change{'s' if session.unsaved != 1 else ''} not saved yet",
                      "$text-warning"))
    label, query = "", ""
    if session.full_text and session.text_query.strip():
        label, query = " · text: ", one_line(session.text_query)
    elif session.query.strip():
        label, query = " · filter: ", one_line(session.query)
    if session.ranked is not None:
        order = Content.styled(" · best first", "$text-muted")
    else:
        arrow = "↓" if session.reverse else "↑"
        order = Content.styled(f" · sorted by {SORT_LABELS[session.sort_key]} {arrow}", "$text-muted")
    return FittedLine(Content.assemble(*parts), label, query, order)


def compare_prompt(title: str | None, compare_key: str, clear_key: str) -> Content:
    """The pending comparison: the first article's title (shortened) and the keys that go on or cancel."""
    shown = one_line(title or "(untitled)")
    if len(shown) > PROMPT_TITLE:
        shown = shown[:PROMPT_TITLE - 1].rstrip() + "…"
    return Content.assemble(("compare ", "bold"), f"“{shown}” ",
                            (f"— {compare_key} on a second article, {clear_key} cancels", "$text-muted"))
