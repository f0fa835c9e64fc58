"""The library: every article found under the paths, filterable and sortable, with failures listed apart.

Files are read by a thread worker that posts batches; rows are appended as they arrive, so the first
rows show while the rest of a large folder is still being parsed and the UI keeps answering keys.
"""
from __future__ import annotations

from time import monotonic

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, ProgressBar, Static
from textual.worker import get_current_worker

from reader.output.sanitize import one_line
from reader.tui.library import Entry, Library, Mark, SortKey, arrange
from reader.tui.loader_worker import Batch, load_batches
from reader.tui.memory import settle_library
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.compare_screen import CompareScreen
from reader.tui.screens.story_screen import StoryScreen
from reader.tui.widgets.article_table import ArticleTable
from reader.tui.widgets.failure_list import FailureList
from reader.tui.widgets.reader_footer import ReaderFooter

TABLE_INTERVAL = 1.0  # seconds between table top-ups while a large folder loads
SORT_LABELS = {SortKey.FILE: "file", SortKey.DATE: "date", SortKey.SOURCE: "source",
               SortKey.TITLE: "title", SortKey.LENGTH: "length"}


class LibraryScreen(Screen[None]):
    """The article table with its status line, filter box and failure list."""

    BINDINGS: list[BindingType] = [
        Binding("slash", "filter", "Filter", tooltip="filter by title, source, topics and text as you type", id="library.filter"),
        Binding("escape", "clear", "Clear filter", show=False, tooltip="clear the filter, or a pending comparison", id="library.clear"),
        Binding("d", "sort('date')", "By date", tooltip="sort by date, newest first (again: reverse)", id="library.sort_date"),
        Binding("o", "sort('source')", "By source", tooltip="sort by source (again: reverse)", id="library.sort_source"),
        Binding("t", "sort('title')", "By title", tooltip="sort by title (again: reverse)", id="library.sort_title"),
        Binding("l", "sort('length')", "By length", show=False, tooltip="sort by words (again: reverse)", id="library.sort_length"),
        Binding("f", "sort('file')", "By file", show=False, tooltip="the order the files were read", id="library.sort_file"),
        Binding("S", "story", "Story", tooltip="one summary over the articles shown, citing every source", id="library.story"),
        Binding("c", "compare", "Compare", tooltip="press on two articles to see the sentences they share", id="library.compare"),
    ]

    class BatchLoaded(Message):
        """A batch of files has been read by the loader thread."""

        def __init__(self, batch: Batch) -> None:
            super().__init__()
            self.batch = batch

    query_text: reactive[str] = reactive("", init=False)

    def __init__(self, paths: list[str], library: Library) -> None:
        super().__init__()
        self.paths = paths
        self.library = library
        self.sort_key = SortKey.FILE
        self.reverse = False
        self.shown: list[Entry] = []
        self.picked: str | None = None  # first article chosen for a comparison
        self._unshown: list[Entry] = []  # loaded, not yet in the table
        self._flushed = 0.0

    def compose(self) -> ComposeResult:
        yield Static(id="counts", markup=False)
        yield ProgressBar(id="progress", show_eta=False)
        yield Input(placeholder="filter: title, source, topics, text", id="filter")
        yield ArticleTable(id="articles")
        yield FailureList(id="failures")
        yield ReaderFooter()

    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    def on_mount(self) -> None:
        self.add_class("-loading")
        self.table.focus()
        self._show_counts()
        self.load()

    # -- loading -----------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        """Read every file in a thread and post the batches to the screen."""
        worker = get_current_worker()
        for batch in load_batches(self.paths, cancelled=lambda: worker.is_cancelled):
            self.post_message(self.BatchLoaded(batch))

    @on(BatchLoaded)
    def add_batch(self, message: BatchLoaded) -> None:
        batch = message.batch
        library = self.library
        library.total = batch.total
        new = [library.add(article, searched, words) for article, searched, words in batch.articles]
        library.failures.extend(batch.failures)
        self.query_one(FailureList).add_failures(batch.failures)
        self.set_class(bool(library.failures), "-has-failures")
        self._unshown.extend(new)
        if batch.finished:
            library.loaded = True
            self.remove_class("-loading")
        if self._unshown and self._table_due(batch.finished):
            self._flush_rows()
        self.query_one(ProgressBar).update(total=max(1, batch.total), progress=batch.done)
        self._show_counts(batch)
        if batch.finished:
            settle_library()

    def _table_due(self, finished: bool) -> bool:
        """Whether loaded rows should go into the table now.

        Adding rows makes DataTable re-render every visible cell, so once a screenful is shown the
        table is topped up once a second (and at the end) while the status line counts every batch.
        """
        if finished or self.table.row_count < self.table.size.height + 1:
            return True
        return monotonic() - self._flushed >= TABLE_INTERVAL

    def _flush_rows(self) -> None:
        new, self._unshown = self._unshown, []
        self._flushed = monotonic()
        if self.query_text.strip() or self.sort_key is not SortKey.FILE:
            self._arrange()
        else:
            self.shown.extend(new)
            self.table.append(new, self.library.marks)

    def _show_counts(self, batch: Batch | None = None) -> None:
        library = self.library
        parts: list[Content | str | tuple[str, str]] = [
            (f"{len(library.entries):,} article{'s' if len(library.entries) != 1 else ''}", "bold")]
        if library.failures:
            parts.append((f" · {len(library.failures)} failed", "$text-warning"))
        if not library.loaded and batch is not None:
            parts.append((f" · loading {batch.done:,}/{batch.total:,}", "$text-muted"))
        elif not library.loaded:
            parts.append((" · loading…", "$text-muted"))
        if self.query_text.strip():
            parts.append(f" · filter: “{one_line(self.query_text)}” ({len(self.shown):,} shown)")
        arrow = "↓" if self.reverse else "↑"
        parts.append((f" · sorted by {SORT_LABELS[self.sort_key]} {arrow}", "$text-muted"))
        if self.picked is not None:
            title = one_line(self.library.entry(self.picked).article.title or "(untitled)")[:40]
            parts.append((f" · compare: “{title}” — press c on a second article", "$text-accent"))
        self.query_one("#counts", Static).update(Content.assemble(*parts))

    def _arrange(self) -> None:
        """Re-filter and re-sort all entries, keeping the cursor on the same article."""
        keep = self.table.current_key
        self._unshown = []  # every loaded entry is considered here
        self.shown = arrange(self.library.entries, self.query_text, self.sort_key, self.reverse)
        self.table.show(self.shown, self.library.marks, keep=keep)
        self._show_counts()

    # -- filter and sort ---------------------------------------------------------------------------

    def action_filter(self) -> None:
        self.add_class("-filtering")
        self.query_one("#filter", Input).focus()

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value

    def watch_query_text(self) -> None:
        self._arrange()

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.table.focus()

    def action_clear(self) -> None:
        """Escape: clear the filter (or a pending comparison) and go back to the table."""
        box = self.query_one("#filter", Input)
        if self.picked is not None and not box.has_focus:
            self.picked = None
            self._show_counts()
            return
        box.value = ""
        self.remove_class("-filtering")
        self.table.focus()

    def action_sort(self, key: str) -> None:
        self.sort_by(SortKey(key))

    def sort_by(self, key: SortKey) -> None:
        """Sort by `key`; asking again for the same key reverses the order. Dates start newest first."""
        if key is self.sort_key:
            self.reverse = not self.reverse
        else:
            self.sort_key, self.reverse = key, key is SortKey.DATE
        self._arrange()

    @on(ArticleTable.SortChosen)
    def header_clicked(self, event: ArticleTable.SortChosen) -> None:
        self.sort_by(event.key)

    # -- opening -----------------------------------------------------------------------------------

    @on(ArticleTable.EntryChosen)
    def open_entry(self, event: ArticleTable.EntryChosen) -> None:
        entry = self.library.entry(event.entry_key)
        # Marked read on the way back: changing a cell now would re-render the table under the new screen.
        self.app.push_screen(ArticleScreen(entry.article), callback=lambda _: self.mark_read(entry))

    def mark_read(self, entry: Entry) -> None:
        self.library.set_mark(entry.article, Mark.READ)
        self.table.set_mark(entry.key, Mark.READ)

    def action_story(self) -> None:
        if not self.shown:
            self.notify("No articles to summarise.", severity="warning")
            return
        self.app.push_screen(StoryScreen([e.article for e in self.shown], filtered=bool(self.query_text.strip())))

    def action_compare(self) -> None:
        key = self.table.current_key
        if key is None:
            return
        if self.picked is None or self.picked == key:
            self.picked = None if self.picked == key else key
            self._show_counts()
            return
        first, second = self.library.entry(self.picked), self.library.entry(key)
        self.picked = None
        self._show_counts()
        self.app.push_screen(CompareScreen(first.article, second.article))
