"""The library's filter box in its two modes: titles as you type (`/`), or the articles' whole text (`F`).

The title filter is the session's plain substring match over listings (instant, on the UI thread).
The full-text mode asks the FTS5 index through `FullTextLine`'s workers, one query per keystroke,
and shows the articles found best first, the line under the box giving the cursor article's best
sentence with its file line; enter opens the article there (`LibraryScreen.open_entry`). Both modes
share the box, so switching keeps what was typed; escape clears it and returns to titles.
`LibraryScreen` builds on this screen and provides the session, the table and `_arrange`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Input

from reader.tui.contained import contained
from reader.tui.widgets.full_text_line import FullTextLine

if TYPE_CHECKING:
    from reader.tui.library_session import LibrarySession
    from reader.tui.widgets.article_table import ArticleTable

PLACEHOLDERS = {False: "filter: title, source, topics, text · F searches the articles' whole text",
                True: 'full text: words, "a phrase", prefix*, -word, OR · / filters titles again'}


class FilteredScreen(Screen[None]):
    """A screen with the library's filter box (`#filter`) and full-text line (`FullTextLine`)."""

    BINDINGS: list[BindingType] = [
        Binding("slash", "filter", "Filter", tooltip="filter by title, source, topics and text as you type", id="library.filter"),
        Binding("F", "full_text", "Full text", show=False,
                tooltip='search the articles\' whole text: words, "a phrase", prefix*, -word, OR; enter opens a hit at its line',
                id="library.full_text"),
    ]

    query_text: reactive[str] = reactive("", init=False)  # what the box holds, in either mode

    if TYPE_CHECKING:
        session: LibrarySession

        @property
        def table(self) -> ArticleTable: ...

        def _show_counts(self) -> None: ...

    def _arrange(self, keep_cursor: bool = True) -> None:
        """Show the session's rows again (the library screen's own)."""
        raise NotImplementedError

    @property
    def full_text(self) -> FullTextLine:
        return self.query_one(FullTextLine)

    def action_filter(self, full_text: bool = False) -> None:
        """/ filters titles, F searches the whole text; the box keeps what was typed when the mode changes."""
        self._use_full_text(full_text)
        self.add_class("-filtering")
        box = self.query_one("#filter", Input)
        # Shown and focused now, not after the keys already queued: typed fast, the letters after
        # `/` or `F` would reach the library's keys (d sorts, t tags...). Widget.focus() is deferred.
        self.app.stylesheet.update_nodes([box])
        self.set_focus(box)

    def _use_full_text(self, on: bool) -> None:
        if on == self.session.full_text:
            return
        rows_change = bool(self.session.typed.strip()) or self.session.ranked is not None
        self.session.use_full_text(on)
        self.set_class(on, "-full-text")
        self.query_one("#filter", Input).placeholder = PLACEHOLDERS[on]
        self.full_text.clear()
        if rows_change:  # an empty box shows every row in both modes: 10,000 rows are not made again
            self._arrange()
        self._search_text()

    def action_full_text(self) -> None:
        self.action_filter(full_text=True)

    @on(Input.Changed, "#filter")
    @contained
    def filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value

    @contained
    def watch_query_text(self) -> None:
        if self.session.full_text:
            self.session.text_query = self.query_text
            self._search_text()
        else:
            self.session.query = self.query_text
            self._arrange()

    def _search_text(self) -> None:
        """Search the whole text for what the box holds (in a worker); an empty box shows every row."""
        if not self.session.full_text:
            return
        query = self.session.text_query
        if query.strip():
            self.full_text.search(query)
        else:
            was_ranked = self.session.ranked is not None
            self.session.found(query, [])
            self.full_text.clear()
            if was_ranked:  # back to every row; rows not ranked are already every row
                self._arrange()
        self._show_counts()
        self._show_hit()

    @on(FullTextLine.Ready)
    @contained
    def index_ready(self) -> None:
        self._search_text()  # what was typed while the index was being prepared

    @on(FullTextLine.Answered)
    @contained
    def text_found(self, message: FullTextLine.Answered) -> None:
        """The newest query's articles, best first, the cursor on the best."""
        found = message.found
        keys = [m.key for m in found.matches]
        same = keys == self.session.ranked  # `interest` then `interest `: the rows need not be made again
        if self.session.found(found.query, keys):
            self.full_text.take(found)
            if same and keys:
                self.table.move_cursor(row=0)
                self._show_counts()
                self._show_hit()
            else:
                self._arrange(keep_cursor=False)

    @on(FullTextLine.Refused)
    @contained
    def text_refused(self, message: FullTextLine.Refused) -> None:
        if self.session.full_text and message.query == self.session.text_query:
            self.full_text.refuse(message.reason)
            self._show_hit()

    @on(DataTable.RowHighlighted, "#articles")
    @contained
    def row_highlighted(self) -> None:
        self._show_hit()

    def _show_hit(self) -> None:
        """In full-text mode, the line under the box shows the cursor article's best sentence."""
        if self.session.full_text:
            self.full_text.show_status(self.session.text_query, self.table.current_key)

    @on(Input.Submitted, "#filter")
    @contained
    def filter_done(self) -> None:
        self.table.focus()

    def leave_filter(self) -> None:
        """Escape: the box empty and back to titles (the library screen then focuses the table)."""
        self.session.text_query = ""
        self._use_full_text(False)
        self.query_one("#filter", Input).value = ""
        self.remove_class("-filtering")
