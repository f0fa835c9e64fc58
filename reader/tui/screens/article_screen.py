"""One article side by side: its readable text numbered with file lines, and a summary whose sentences point at them.

The screen coordinates: a summary sentence highlighted in the summary pane becomes a cited span in
the source pane, and a line under the cursor points back at the sentence quoting it. The source
pane holds two views of the same lines, the readable text (default) and the file as it is (`m`),
both cited at once so switching keeps the place. The summary is computed in a thread worker
(`SummaryScreen`), so changing its length or algorithm never blocks a key; only reader's own and
`lead`, on a news-sized article, run before the first frame. Searching, copying a citation and
opening the article's address are this screen's too (`/`, `c`, `o`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import asyncio
import webbrowser

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from reader.lines import exact_ranges
from reader.model import Article, LineSpan, LoadError
from reader.output.sanitize import inert, one_line
from reader.summarize import ALGORITHMS, DEFAULT_ALGORITHM, SummaryItem, summarize_article
from reader.tui.find import Finder, Hit
from reader.tui.library import open_article
from reader.tui.messages import MarksChanged, StepRequested
from reader.tui.notes import file_notes
from reader.tui.readable_text import readable_text
from reader.tui.screens.breakpoints import PANE_BREAKPOINTS, preset_width_class
from reader.tui.screens.summary_screen import SENTENCES, SummaryScreen
from reader.tui.screens.tag_dialog import TagDialog
from reader.tui.widgets.article_header import ArticleHeader, title_bar
from reader.tui.widgets.reader_footer import ReaderFooter
from reader.tui.widgets.source_view import SourceView
from reader.tui.widgets.summary_view import SummaryView
from reader.tui.contained import contained

if TYPE_CHECKING:
    from reader.tui.library_session import LibrarySession

INLINE_SENTENCES = 150  # up to this many candidates, the first summary is computed before the first frame
INLINE_ALGORITHMS = (DEFAULT_ALGORITHM, "lead")  # milliseconds; sumy's LSA or KL can take a second or more


class ArticleScreen(SummaryScreen[list[SummaryItem]]):
    """Source pane and summary pane; escape returns to the library."""

    HORIZONTAL_BREAKPOINTS = PANE_BREAKPOINTS

    BINDINGS: list[BindingType] = [
        Binding("q,escape", "back", "Back", tooltip="back to the previous screen, cursor where it was", id="article.back"),
        Binding("tab", "app.focus_next", "Switch pane", show=False, tooltip="focus the source or the summary", id="article.focus_next"),
        Binding("plus,equals_sign", "longer", "Longer", tooltip="one more summary sentence", id="article.longer"),
        Binding("minus", "shorter", "Shorter", tooltip="one fewer summary sentence", id="article.shorter"),
        Binding("A", "next_algorithm", "Algorithm", tooltip="next summarizer: " + ", ".join(ALGORITHMS), id="article.next_algorithm"),
        Binding("b", "toggle_removed", "Removed lines", tooltip="show or hide front matter, boilerplate and repeats", id="article.toggle_removed"),
        Binding("m", "toggle_markdown", "File", tooltip="the file as it is (markup and all) or its readable text", id="article.toggle_markdown"),
        Binding("i", "toggle_header", "Info", show=False, tooltip="all of the article's metadata, or one line of it", id="article.toggle_header"),
        Binding("slash", "find", "Find", tooltip="search this article; n/N next/previous hit, escape closes", id="article.find"),
        Binding("N", "find_step(-1)", "Previous hit", show=False, tooltip="the previous hit of the search", id="article.find_previous"),
        Binding("c", "copy_citation", "Copy", show=False, tooltip="copy file:line and the chosen summary sentence", id="article.copy_citation"),
        Binding("o", "open_url", "Open URL", show=False, tooltip="open the article's address in a browser", id="article.open_url"),
        Binding("r", "triage('read')", "Read", show=False, tooltip="mark read / unread", id="article.toggle_read"),
        Binding("s", "triage('star')", "Star", tooltip="star / unstar", id="article.toggle_star"),
        Binding("a", "triage('archive')", "Archive", show=False, tooltip="archive / unarchive", id="article.toggle_archive"),
        Binding("t", "tags", "Tags", show=False, tooltip="edit this article's tags", id="article.tags"),
        Binding("n", "step_unread(1)", "Next unread", tooltip="the next search hit while searching, else the next unread article", id="article.next_unread"),
        Binding("p", "step_unread(-1)", "Previous unread", show=False, tooltip="open the previous unread article", id="article.previous_unread"),
    ]

    LENGTH = SENTENCES

    def __init__(self, article: Article, *, line: int | None = None, cite: LineSpan | None = None,
                 session: LibrarySession | None = None, entry_key: str | None = None,
                 top: int | None = None, file_view: bool = False) -> None:
        """`line` (and `cite`): open there, highlighted; `top`: open with the cursor on that file line,
        nothing highlighted (the place kept when the file is read again); `file_view`: the file as it is."""
        super().__init__()
        self.top_line = top
        self.file_view_chosen = file_view
        self.session = session  # the library's, when opened from it: triage keys act on this entry
        self.entry_key = entry_key
        preset_width_class(self)
        self.article = article
        self.start_line = line
        self.start_cite = cite
        self.lines = article.lines
        self.readable = readable_text(article)
        self.finder = Finder()
        self._pointed: int | None = None  # summary sentence the source cursor just pointed at
        self.summary_ready = False
        self.stale = False  # its file changed while another screen was on top: read again on return
        self.gone = False  # its file was removed: what is shown is the text as it was opened

    def compose(self) -> ComposeResult:
        readable = self.readable
        if not readable.text or self.file_view_chosen:  # nothing readable to show (an excerpt, no text
            self.add_class("-raw")  # found): the file it is
        with Horizontal(id="panes"):
            with Vertical(id="source-pane", classes="pane"):
                yield ArticleHeader(self.article, **self._marks(), id="meta")
                text = SourceView(readable.lines, readable.removed, numbers=readable.numbers,
                                  headings=readable.headings, through=readable.through, id="text")
                text.show_removed = False  # left-out text is one marker line until `b`
                yield text
                shown_at = {t.line for t in readable.text.values()}
                yield SourceView(self.lines, file_notes(self.article, shown_at), id="source")
                yield Input(placeholder="find in this article · enter: go · escape: close", id="find",
                            select_on_focus=False)  # letters typed right after `/` are kept, not selected
            with Vertical(id="summary-pane", classes="pane"):
                yield SummaryView(id="summary")
        yield Static(id="status", markup=False)
        yield ReaderFooter()

    @property
    def source(self) -> SourceView:
        """The view shown in the source pane: the readable text, or the file (`m`)."""
        return self.file_view if self.has_class("-raw") else self.text_view

    @property
    def text_view(self) -> SourceView:
        return self.query_one("#text", SourceView)

    @property
    def file_view(self) -> SourceView:
        return self.query_one("#source", SourceView)

    @property
    def views(self) -> tuple[SourceView, SourceView]:
        return self.text_view, self.file_view

    @property
    def summary(self) -> SummaryView:
        return self.query_one("#summary", SummaryView)

    @contained
    def on_mount(self) -> None:
        self._show_title()
        if self.start_line is not None:
            cite = self.start_cite or LineSpan(self.start_line, self.start_line)
            for view in self.views:
                view.go_to_line(self.start_line)
                view.cite(cite)
            self.source.focus()
        elif self.top_line is not None:
            for view in self.views:
                view.go_to_line(self.top_line)
            self.source.focus()
        else:
            self.summary.focus()
        fast = self.algorithm in INLINE_ALGORITHMS
        if fast and sum(1 for s in self.article.sentences if s.is_candidate) <= INLINE_SENTENCES:
            # A news-sized article summarises in a few milliseconds: do it before the first frame, so
            # the screen appears with its summary instead of painting an empty pane and then again.
            self.show_summary(summarize_article(self.article, self.algorithm, self.count))
        else:
            self.resummarize()

    @property
    def count(self) -> int:
        """Sentences in the summary."""
        return self.length

    # -- summary -----------------------------------------------------------------------------------

    def set_summary_title(self, busy: bool) -> None:
        pane = self.query_one("#summary-pane")
        pane.border_title = f"Summary · {self.algorithm} · {self.summary_length_label}"
        pane.border_subtitle = "computing…" if busy else self.keys_hint()
        pane.set_class(busy, "-busy")

    def compute_summary(self, worker: Worker[list[SummaryItem]]) -> list[SummaryItem]:
        return summarize_article(self.article, self.algorithm, self.count)

    def show_summary(self, items: list[SummaryItem]) -> None:
        """Show new sentences, keeping the highlight's place (or, opened at a line, the sentence quoting it)."""
        keep = self.summary.highlighted
        self.summary.show_items(items)
        if keep is None and self.start_line is not None:
            keep = self.summary.index_citing(self.article.path, self.start_line)
        elif keep is None:
            keep = 0
        if keep is not None and self.summary.items:
            self.summary.highlighted = min(keep, len(self.summary.items) - 1)
        self.summary_ready = True
        self.set_summary_title(busy=False)

    # -- panes talking through the screen ----------------------------------------------------------

    @on(SummaryView.SentenceHighlighted)
    @contained
    def cite_sentence(self, event: SummaryView.SentenceHighlighted) -> None:
        sentence = event.item.unit.sentence
        following = self._pointed == event.index  # the source cursor chose it: keep its place and status
        self._pointed = None
        span = sentence.span
        exact = exact_ranges(self.article.line_index, self.lines, sentence.start, sentence.end, span.start, span.end)
        self.file_view.cite(span, exact, scroll=not following and self.source is self.file_view)
        words = self.readable.exact(self.text_view.entries_of(span), sentence.start, sentence.end)
        self.text_view.cite(span, words, scroll=not following and self.source is self.text_view)
        if following:
            return
        self.status(Content.assemble(
            (f"summary {event.index + 1}/{len(self.summary.items)}", "bold"),
            f" · cites {sentence.span}",
            (f" · score {event.item.score:g}", "$text-muted"),
        ))

    @on(SourceView.CursorMoved)
    @contained
    def point_at_sentence(self, event: SourceView.CursorMoved) -> None:
        if not self.source.has_focus:
            return
        line = event.line
        parts: list[Content | str | tuple[str, str]] = [(f"L{line}", "bold")]
        if self.finder.label:
            parts.append((f" · {self.finder.label}", "$text-accent"))
        quoted = self.summary.index_citing(self.article.path, line)
        if quoted is not None:
            parts.append(f" · quoted by summary sentence {quoted + 1}")
            if self.summary.highlighted != quoted:
                self._pointed = quoted
                self.summary.highlighted = quoted
        elif (why := self.source.note_of(line)) is not None:
            parts.append((f" · removed: {inert(why)}", "$text-muted"))
        else:
            parts.append((" · not in the summary", "$text-muted"))
        self.status(Content.assemble(*parts))

    # -- view toggles ------------------------------------------------------------------------------

    def action_toggle_removed(self) -> None:
        self.source.show_removed = not self.source.show_removed
        hidden = "shown" if self.source.show_removed else "hidden"
        self.status(Content(f"removed lines {hidden}"))

    def action_toggle_markdown(self) -> None:
        """The file as it is, or its readable text: the other view takes the cursor's file line and focus."""
        if not self.readable.text:
            self.notify("This article has no readable text apart from its file lines.", severity="warning")
            return
        was = self.source
        raw = not self.has_class("-raw")
        self.set_class(raw, "-raw")
        shown = self.source
        shown.go_to_line(was.cursor_line)
        if shown.cited is not None:
            shown.scroll_to_lines(shown.cited)
        self._clear_find()
        if was.has_focus or not self.summary.has_focus:
            shown.focus()
        self.status(Content("the file as it is, markup included" if raw else "readable text, numbered with file lines"))

    def action_toggle_header(self) -> None:
        header = self.query_one("#meta", ArticleHeader)
        header.expanded = not header.expanded

    # -- search in the article ---------------------------------------------------------------------

    def action_find(self) -> None:
        self.add_class("-finding")
        box = self.query_one("#find", Input)
        # Show and focus it now, not after the keys already queued: typed fast, the letters after `/`
        # would otherwise reach the screen's bindings (r, a, c ...). Widget.focus() is deferred.
        self.app.stylesheet.update_nodes([box])
        self.set_focus(box)

    @on(Input.Changed, "#find")
    @contained
    def find_changed(self, event: Input.Changed) -> None:
        """As the query is typed: every hit in the shown view, the first at or after the cursor shown."""
        view = self.source
        self.finder.search(view.searchable(), event.value)
        self._show_hit(self.finder.first_from(view.cursor))

    @on(Input.Submitted, "#find")
    @contained
    def find_done(self) -> None:
        self.source.focus()  # n/N now step through the hits

    def action_find_step(self, delta: int) -> None:
        found = self.finder.step(delta)
        if found is None:
            self.notify("No search hit." if self.finder.query.strip() else "Search first with /.", timeout=2)
            return
        hit, wrapped = found
        if wrapped:
            self.notify("Search wrapped to the " + ("top." if delta > 0 else "bottom."), timeout=2)
        self._show_hit(hit)

    def _show_hit(self, hit: Hit | None) -> None:
        self.source.mark_match(None if hit is None else hit.entry, *((hit.start, hit.end) if hit else ()))
        where = f" · L{self.source.cursor_line}" if hit is not None else ""
        self.status(Content.assemble((f"find “{one_line(self.finder.query)}”", "bold"),
                                     (f" · {self.finder.label}{where}" if self.finder.label else "", "$text-accent")))

    def _clear_find(self) -> None:
        for view in self.views:
            view.mark_match(None)
        self.finder = Finder()
        self.query_one("#find", Input).value = ""
        self.remove_class("-finding")

    # -- its file changing while it is open ------------------------------------------------------

    def _show_title(self) -> None:
        title = title_bar(self.article)  # Content: literal, never markup
        if self.gone:
            title = Content.assemble(title, (" · file removed", "$text-warning"))
        self.query_one("#source-pane").border_title = title

    def file_changed(self) -> None:
        """Its file was edited outside: read it again now, or when this screen is shown again."""
        self.gone = False
        if self.app.screen is self:
            self.reload()
        else:
            self.stale = True

    def file_gone(self) -> None:
        """Its file was removed: keep showing the text as it was opened, and say so."""
        self.gone = True
        self.stale = False
        self._show_title()
        self.notify(f"{one_line(self.article.path)} was removed: showing it as it was when opened",
                    title="file removed", severity="warning", timeout=6, markup=False)

    @contained
    def on_screen_resume(self) -> None:
        if self.stale:
            self.reload()

    @work(exclusive=True, group="reload", exit_on_error=False)
    async def reload(self) -> None:
        """Parse the file again and show it instead of this screen, at the line under the cursor, with the
        same summary length, algorithm and view: a new screen, so no key ever meets half-built panes."""
        self.stale = False
        session, key = self.session, self.entry_key
        if session is None or key is None:
            return
        article = await asyncio.to_thread(open_article, session.library.entry(key))  # parsing off the UI thread
        if isinstance(article, LoadError):
            self.notify(f"{article} — showing it as it was when opened", title="cannot read it again",
                        severity="warning", timeout=6, markup=False)
            return
        if self.app.screen is not self:  # covered meanwhile: read again on return
            self.stale = True
            return
        fresh = ArticleScreen(article, session=session, entry_key=key, top=self.source.cursor_line,
                              file_view=self.has_class("-raw") and bool(self.readable.text))
        fresh.set_reactive(SummaryScreen.length, self.length)
        fresh.set_reactive(SummaryScreen.algorithm, self.algorithm)
        self.app.switch_screen(fresh)
        self.notify(f"{one_line(article.path)} changed on disk: read again", title="file changed", timeout=3,
                    markup=False)

    def action_back(self) -> None:
        """Escape (or q) closes an open search first; then back to the previous screen."""
        if self.has_class("-finding") or self.finder.query:
            self._clear_find()
            self.source.focus()
            self.status(Content("search closed"))
            return
        super().action_back()

    # -- copy a citation, open the address ---------------------------------------------------------

    def action_copy_citation(self) -> None:
        """The chosen summary sentence as `path:line: sentence`, to the clipboard (OSC 52 via the terminal)."""
        index = self.summary.highlighted
        if index is None or not 0 <= index < len(self.summary.items):
            self.notify("Choose a summary sentence first.", severity="warning", timeout=2)
            return
        sentence = self.summary.items[index].unit.sentence
        span = sentence.span
        lines = f"{span.start}" if span.start == span.end else f"{span.start}-{span.end}"
        self.app.copy_to_clipboard(f"{one_line(self.article.path)}:{lines}: {one_line(sentence.text)}")
        self.notify(f"Copied {one_line(self.article.path)}:{lines} and its sentence.", timeout=2, markup=False)

    def action_open_url(self) -> None:
        if not self.article.url:
            self.notify("This article has no URL to open.", severity="warning", timeout=3)
            return
        self.open_in_browser(self.article.url)

    @work(thread=True, group="browser", exit_on_error=False)
    def open_in_browser(self, url: str) -> bool:
        """webbrowser can block while it starts a browser: never on the UI thread."""
        return webbrowser.open(url)

    @on(Worker.StateChanged)
    @contained
    def browser_done(self, event: Worker.StateChanged) -> None:
        """(SummaryScreen's own handler takes the summary worker; Textual calls both.)"""
        if event.worker.group != "browser":
            return
        if event.state is WorkerState.SUCCESS and event.worker.result:
            self.notify(f"Opened {one_line(self.article.url or '')}", timeout=2, markup=False)
        elif event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self.notify("No browser could be started for this URL.", severity="warning", timeout=3)

    # -- triage (the library session's, when opened from the library) ------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step_unread" and self.finder.query:
            return True  # n steps through the search hits
        if action in ("triage", "tags", "step_unread"):
            return self.session is not None and self.entry_key is not None
        return True

    def _marks(self) -> dict[str, object]:
        """The article's star and tags for the header, when opened from the library."""
        if self.session is None or self.entry_key is None:
            return {}
        state = self.session.library.state_of(self.session.library.entry(self.entry_key))
        return {"starred": state.starred, "tags": state.tags}

    def _show_marks(self) -> None:
        marks = self._marks()
        if marks:
            self.query_one("#meta", ArticleHeader).show_marks(bool(marks["starred"]), marks["tags"])  # type: ignore[arg-type]

    def action_triage(self, name: str) -> None:
        if self.session is not None and self.entry_key is not None:
            self.session.toggle_one(self.entry_key, name)
            self._show_marks()
            self.post_message(MarksChanged())
            self.notify(f"{name}: done (u in the library undoes)", timeout=2)

    def action_tags(self) -> None:
        session, key = self.session, self.entry_key
        if session is None or key is None:
            return
        entry = session.library.entry(key)
        common = session.common_tags([entry])

        def done(tags: frozenset[str] | None) -> None:
            if tags is not None:
                session.retag([entry], tags, here=False)
                self._show_marks()
                self.post_message(MarksChanged())

        self.app.push_screen(TagDialog(common, [t.tag for t in session.triage.all_tags()], "Tags"), callback=done)

    def action_step_unread(self, step: int) -> None:
        if self.finder.query:
            self.action_find_step(step)
            return
        if self.session is not None and self.entry_key is not None:
            self.post_message(StepRequested(self.entry_key, step))


