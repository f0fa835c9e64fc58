"""The library: every article found under the paths, filterable and sortable, with failures listed apart.

Files are listed by a thread worker that posts batches; rows are appended as they arrive, so the first
rows show while the rest of a large folder is still being parsed and the UI keeps answering keys.
Rows come from the ingest cache when a file is unchanged; an article is parsed when it is opened.
Once loaded, files that arrive, change or go under the paths follow within seconds (`FolderWatcher`),
and the articles are grouped into stories in a thread (`GroupedScreen`: story column, grouped view).
What the library shows and what its triage keys do (read, star, archive, tags, views, undo) live in
the app's `LibrarySession`; this screen turns keys into session calls and session results into rows.
"""
from __future__ import annotations

from pathlib import Path
from time import monotonic

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from reader.output.sanitize import one_line
from reader.triage import ArticleState
from reader.model import Article, LineSpan, LoadError
from reader.tui import library_prefs
from reader.tui.empty_note import EmptyKeys, empty_note
from reader.tui.keys import key_of
from reader.tui.folder_watch import DEFAULT_WATCH, OFF, WatchChoice
from reader.tui.library import Entry, SortKey, View, open_article
from reader.tui.library_session import LibrarySession, Redraw
from reader.tui.library_status import compare_prompt, counts_line
from reader.tui.loader_worker import Batch, load_batches
from reader.tui.memory import settle_library
from reader.tui.messages import MarksChanged
from reader.tui.screens.article_opening import screen_for_parsed
from reader.tui.screens.tag_dialog import TagDialog
from reader.tui.screens.tag_picker import TagPicker
from reader.tui.screens.compare_screen import CompareScreen
from reader.tui.screens.filtered_screen import PLACEHOLDERS
from reader.tui.screens.grouped_screen import GroupedScreen
from reader.tui.widgets.article_table import ArticleTable
from reader.tui.widgets.failure_list import FailureList
from reader.tui.widgets.folder_watcher import FolderWatcher
from reader.tui.widgets.full_text_line import FullTextLine
from reader.tui.widgets.reader_footer import ReaderFooter
from reader.tui.widgets.story_grouper import StoryGrouper
from reader.tui.contained import contained

OPENING_NOTICE_SECONDS = 0.5  # a parse that takes longer says what it is opening
TABLE_INTERVAL = 1.0  # seconds between table top-ups while a large folder loads


class LibraryScreen(GroupedScreen):
    """The article table with its status line, filter box and failure list."""

    AUTO_FOCUS = "#articles"  # not Textual's first focusable: the hidden filter box would take keys typed at start

    BINDINGS: list[BindingType] = [
        Binding("escape", "clear", "Clear filter", show=False, tooltip="clear the filter (back to titles), or a pending comparison", id="library.clear"),
        Binding("d", "sort('date')", "By date", tooltip="sort by date, newest first (again: reverse)", id="library.sort_date"),
        Binding("o", "sort('source')", "By source", tooltip="sort by source (again: reverse)", id="library.sort_source"),
        Binding("T", "sort('title')", "By title", show=False, tooltip="sort by title (again: reverse)", id="library.sort_title"),
        Binding("l", "sort('length')", "By length", show=False, tooltip="sort by words (again: reverse)", id="library.sort_length"),
        Binding("f", "sort('file')", "By file", show=False, tooltip="the order the files were read", id="library.sort_file"),
        Binding("S", "story", "Story", tooltip="one summary of the cursor article's story, citing every source (of the selected or filtered articles when there are)", id="library.story"),
        Binding("z", "grouped", "Stories", tooltip="one row per story (enter/right shows its articles, left folds them), or per article", id="library.grouped"),
        Binding("c", "compare", "Compare", show=False, tooltip="press on two articles to see the sentences they share", id="library.compare"),
        Binding("r", "triage('read')", "Read", tooltip="mark read / unread (the selection, or the cursor row)", id="library.toggle_read"),
        Binding("s", "triage('star')", "Star", tooltip="star / unstar", id="library.toggle_star"),
        Binding("a", "triage('archive')", "Archive", tooltip="archive / unarchive: archived articles leave the other views", id="library.toggle_archive"),
        Binding("t", "tags", "Tags", tooltip="edit tags, comma-separated, with completion", id="library.tags"),
        Binding("u", "undo", "Undo", tooltip="undo the last read/star/archive/tag change (several levels)", id="library.undo"),
        Binding("space", "select", "Select", show=False, tooltip="select or unselect the row; r/s/a/t then act on every selected row", id="library.select"),
        Binding("asterisk", "select_all", "Select all", show=False, tooltip="select every article shown (again: none)", id="library.select_all"),
        Binding("R", "read_all", "All read", show=False, tooltip="mark every article shown as read (undo with u)", id="library.read_all"),
        Binding("v", "next_view", "View", tooltip="view unread → starred → archived → all", id="library.next_view"),
        Binding("number_sign", "tag_view", "Tag view", show=False, tooltip="view the articles with one tag", id="library.tag_view"),
        Binding("n", "step_unread(1)", "Next unread", show=False, tooltip="cursor to the next unread article", id="library.next_unread"),
        Binding("p", "step_unread(-1)", "Previous unread", show=False, tooltip="cursor to the previous unread article", id="library.previous_unread"),
        Binding("ctrl+r", "refresh_states", "Refresh", show=False, tooltip="reload marks changed by another reader (also on focus)", id="library.refresh_states"),
    ]

    class BatchLoaded(Message):
        """A batch of files has been listed by the loader thread, with each article's stored state."""

        def __init__(self, batch: Batch, states: list[ArticleState]) -> None:
            super().__init__()
            self.batch = batch
            self.states = states

    def __init__(self, paths: list[str], session: LibrarySession, mark_read_on_open: bool = True,
                 cache_path: Path | None = None, watch: WatchChoice = DEFAULT_WATCH) -> None:
        super().__init__()
        self.watch_choice = watch
        self.paths = paths
        self.session = session
        self.library = session.library
        self.cache_path = cache_path
        self.mark_read_on_open = mark_read_on_open
        self._unshown: list[Entry] = []  # loaded, not yet in the table
        self._flushed = 0.0

    @property
    def shown(self) -> list[Entry]:
        return self.session.shown

    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    def compose(self) -> ComposeResult:
        yield Static(id="counts", markup=False)
        yield Static(id="compare-prompt", markup=False)
        yield ProgressBar(id="progress", show_eta=False)
        yield Input(placeholder=PLACEHOLDERS[False], id="filter", select_on_focus=False)  # typed-ahead letters kept
        yield FullTextLine(id="full-text")
        yield ArticleTable(id="articles")
        yield Static(id="empty", markup=False)
        yield FailureList(id="failures")
        yield ReaderFooter()
        yield FolderWatcher()
        yield StoryGrouper()

    def action_full_text(self) -> None:
        """F: search the articles' whole text; the index is made the first time it is asked for."""
        super().action_full_text()
        self._index_full_text()

    def _index_full_text(self) -> None:
        """Index the library's text once it has loaded, and only when full-text search is used: a
        first index parses every file again, which a reader who never presses F should not pay for."""
        line = self.full_text
        if self.library.loaded and not (line.indexing or line.index.ready):
            line.prepare(self.paths, self.cache_path, self.library.entries)

    @contained
    def on_mount(self) -> None:
        self.add_class("-loading")
        self.table.focus()
        self._show_counts()
        self.load()

    # -- loading -----------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load(self) -> None:
        """List every file in a thread and post the batches to the screen."""
        worker = get_current_worker()
        triage = self.session.triage
        for batch in load_batches(self.paths, cancelled=lambda: worker.is_cancelled, cache_path=self.cache_path,
                                  snapshot=self.watch_choice.mode != OFF):
            keys = [listing.key for listing in batch.listings]
            self.post_message(self.BatchLoaded(batch, triage.lookup(keys) if keys else []))

    _FAILED = {"load": "loading stopped", "reload": "marks not read again"}

    @contained
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A bug in a worker is a notification: what was loaded stays, and the app goes on."""
        if event.state is WorkerState.ERROR and event.worker.group in self._FAILED:
            error = event.worker.error
            self.notify(one_line(f"{type(error).__name__}: {error}"), title=self._FAILED[event.worker.group],
                        severity="error", timeout=10, markup=False)
            if event.worker.group == "load":  # show what came in; the library is not complete
                self.remove_class("-loading")
                if self._unshown:
                    self._flush_rows()
                self._show_counts()

    @on(BatchLoaded)
    @contained
    def add_batch(self, message: BatchLoaded) -> None:
        batch = message.batch
        library = self.library
        library.total = batch.total
        new = self.session.add(batch.listings, message.states)
        library.failures.extend(batch.failures)
        self.query_one(FailureList).add_failures(batch.failures)
        self.set_class(bool(library.failures), "-has-failures")
        self._unshown.extend(new)
        if batch.finished:
            library.loaded = True
            self.remove_class("-loading")
            if self.session.full_text:  # F was pressed while the library loaded
                self._index_full_text()
            self.group_stories()
        if self._unshown and self._table_due(batch.finished):
            self._flush_rows()
        self.query_one(ProgressBar).update(total=max(1, batch.total), progress=batch.done)
        self._show_counts(batch)
        if batch.finished:
            settle_library()
        if batch.snapshot is not None:  # from here on, files that arrive under the paths show up
            self.query_one(FolderWatcher).start(self.paths, batch.snapshot, self.cache_path,
                                                self.session.triage.lookup, self.watch_choice)

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
        if self.session.filtered or self.session.sort_key is not SortKey.FILE:
            self._arrange()
        else:
            self.session.shown.extend(new)
            self.table.append(new, self.library.states, self.session.selected)

    def _show_counts(self, batch: Batch | None = None) -> None:
        self.query_one("#counts", Static).update(counts_line(self.session, batch))
        self._show_compare_prompt()
        self._show_empty_note()

    def _show_compare_prompt(self) -> None:
        """The pending comparison on a line of its own (it wraps rather than being cut at 80 columns)."""
        picked = self.session.picked
        self.set_class(picked is not None, "-comparing")
        if picked is not None:
            self.query_one("#compare-prompt", Static).update(compare_prompt(
                self.library.entry(picked).listing.title, key_of(self, "compare"), key_of(self, "clear")))

    def _show_empty_note(self) -> None:
        """Once loading is over, an empty table says why and which key shows something."""
        empty = not self.shown and not self.has_class("-loading")
        self.set_class(empty, "-empty")
        if empty:
            session, keys = self.session, EmptyKeys(key_of(self, "next_view"), key_of(self, "clear"))
            typed = session.typed if session.filtered else ""
            note = empty_note(session.view, session.view_tag, typed, len(self.library.live),
                              len(self.library.failures), keys)
            self.query_one("#empty", Static).update(Content(note))

    def _arrange(self, keep_cursor: bool = True) -> None:
        """Re-filter and re-sort all entries, keeping the cursor on the same article (or on the first row)."""
        keep = self.table.current_key if keep_cursor else None
        self._unshown = []  # every loaded entry is considered here
        self.show_rows(self.session.arrange(), keep)
        self._show_counts()
        self._show_hit()

    def _redraw(self, keys: set[str] | frozenset[str]) -> None:
        states, selected = self.library.states, self.session.selected
        for key in keys:
            self.table.set_state(key, states[key], key in selected)

    def show_result(self, result: Redraw, saved: bool = False) -> None:
        """Show what a session action changed; a change of marks is handed to the app to store."""
        if result.arrange:
            self._arrange()
        else:
            self._redraw(result.rows & self.library.states.keys())
            self._show_counts()
        if result.notice:
            self.notify(result.notice, severity="information", timeout=2)
        if not saved and (result.rows or result.arrange):
            self.post_message(MarksChanged())

    # -- filter and sort ---------------------------------------------------------------------------

    def action_clear(self) -> None:
        """Escape: clear the filter (or a pending comparison) and go back to the table."""
        box = self.query_one("#filter", Input)
        if self.session.picked is not None and not box.has_focus:
            self.session.picked = None
            self._show_counts()
            return
        self.leave_filter()
        self.table.focus()

    def action_sort(self, key: str) -> None:
        self.sort_by(SortKey(key))

    def sort_by(self, key: SortKey) -> None:
        if self.session.ranked is not None:
            self.notify(f"Full-text hits are shown best first; {key_of(self, 'clear')} returns to the sorted list.",
                        severity="information", timeout=3)
        self.session.sort_by(key)
        self._arrange()
        self._remember()

    def _remember(self) -> None:
        """Keep the view and sort for the next run."""
        library_prefs.remember(library_prefs.of(self.session))

    @on(ArticleTable.SortChosen)
    @contained
    def header_clicked(self, event: ArticleTable.SortChosen) -> None:
        self.sort_by(event.key)

    # -- triage ------------------------------------------------------------------------------------

    def _targets(self) -> list[Entry]:
        return self.session.targets(self.table.current_key)

    def action_triage(self, name: str) -> None:
        """r, s, a: toggle read, star or archived on the selection, the cursor row or the cursor story."""
        self.show_result(self.session.toggle_at(name, self.table.current_key))

    def action_read_all(self) -> None:
        self.show_result(self.session.read_all())

    def action_undo(self) -> None:
        self.show_result(self.session.undo())

    def action_select(self) -> None:
        key = self.table.current_key
        if key is None:
            return
        self._redraw(self.session.toggle_selected(key).rows)
        self.table.action_cursor_down()
        self._show_counts()

    def action_select_all(self) -> None:
        self._redraw(self.session.select_all().rows)
        self._show_counts()

    def action_tags(self) -> None:
        """Open the tag dialog; tags common to all targets are shown, added and removed ones applied."""
        targets = self._targets()
        if not targets:
            return
        common = self.session.common_tags(targets)
        title = "Tags" if len(targets) == 1 else f"Tags of {len(targets)} articles"

        def done(tags: frozenset[str] | None) -> None:
            if tags is not None:
                self.show_result(self.session.retag(targets, tags))

        self.app.push_screen(TagDialog(common, [t.tag for t in self.session.triage.all_tags()], title), callback=done)

    def action_next_view(self) -> None:
        self.session.next_view()
        self._arrange()
        self._remember()

    def show_view(self, view: View, tag: str | None = None) -> None:
        self.session.show_view(view, tag)
        self._arrange()
        self._remember()

    def action_tag_view(self) -> None:
        tags = self.session.triage.all_tags()
        if not tags:
            self.notify("No tags yet: press t on an article to add some.", severity="information")
            return

        def done(tag: str | None) -> None:
            if tag is not None:
                self.show_view(View.TAG, tag)

        self.app.push_screen(TagPicker(tags), callback=done)

    def action_step_unread(self, step: int) -> None:
        found = self.session.step_unread(self.table.current_key, step)
        if found.notice is not None:
            self.notify(found.notice, severity="information", timeout=2)
        if found.entry is not None:
            self.table.move_to(found.entry.key)

    # -- opening -----------------------------------------------------------------------------------

    @on(ArticleTable.EntryChosen)
    @contained
    def open_entry(self, event: ArticleTable.EntryChosen) -> None:
        match = self.full_text.matches.get(event.entry_key) if self.session.ranked is not None else None
        at = LineSpan(match.hit.line_start, match.hit.line_end) if match is not None else None
        self.open_in_thread(self.library.entry(event.entry_key), at)

    def open_in_thread(self, entry: Entry, at: LineSpan | None = None, replace: bool = False) -> None:
        """Parse the entry's file in a thread, then show its screen over the screen on top now (`replace`:
        instead of it); keys work meanwhile, and a parse that takes a while says what it is opening."""
        origin = self.app.screen
        worker = self._parse_for_opening(entry, at, replace, origin)

        def still_opening() -> None:
            if worker.is_running:
                self.notify(f"opening {one_line(entry.listing.path)}…", timeout=3, markup=False)

        self.set_timer(OPENING_NOTICE_SECONDS, still_opening)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _parse_for_opening(self, entry: Entry, at: LineSpan | None, replace: bool, origin: Screen[object]) -> None:
        article = open_article(entry)
        if not get_current_worker().is_cancelled:  # another article was chosen meanwhile: that one opens
            self.post_message(self.Parsed(entry, article, at, replace, origin))

    class Parsed(Message):
        """An entry's file, parsed in a thread, ready to be shown over (or instead of) `origin`."""

        def __init__(self, entry: Entry, article: Article | LoadError, at: LineSpan | None, replace: bool,
                     origin: Screen[object]) -> None:
            super().__init__()
            self.entry, self.article, self.at, self.replace, self.origin = entry, article, at, replace, origin

    @on(Parsed)
    @contained
    def show_parsed(self, message: Parsed) -> None:
        if self.app.screen is not message.origin:  # the reader went elsewhere while it was parsed
            return
        screen = screen_for_parsed(self.session, message.entry, message.article, self.mark_read_on_open, message.at)
        if isinstance(screen, LoadError):
            self.notify(one_line(str(screen)), title="cannot open", severity="error", markup=False)
            return
        self.post_message(MarksChanged())
        if message.replace:
            self.app.switch_screen(screen)
        else:
            self.app.push_screen(screen)

    def _parsed(self, entry: Entry) -> Article | None:
        """The entry's article, parsed now; a file that can no longer be read is a notice, not a crash."""
        article = open_article(entry)
        if isinstance(article, LoadError):
            self.notify(one_line(str(article)), title="cannot open", severity="error", markup=False)
            return None
        return article

    @contained
    def on_screen_resume(self) -> None:
        """Back from another screen: redraw rows changed there and put the cursor on the last article read."""
        stale = self.session.take_stale()
        if any(not self.session.keeps(self.library.entry(key)) or key not in self.table.shown_keys for key in stale):
            self._arrange()
        else:
            self._redraw(stale)
            self._show_counts()
        if self.session.opened is not None:
            self.table.move_to(self.session.opened)
            self.session.opened = None

    def action_compare(self) -> None:
        key = self.table.current_entry_key
        session = self.session
        if key is None:
            return
        if session.picked is None or session.picked == key:
            session.picked = None if session.picked == key else key
            self._show_counts()
            return
        first, second = self._parsed(self.library.entry(session.picked)), self._parsed(self.library.entry(key))
        session.picked = None
        self._show_counts()
        if first is not None and second is not None:
            self.app.push_screen(CompareScreen(first, second))
