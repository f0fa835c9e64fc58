"""One article side by side: the source lines as in the file, and a summary whose sentences point at them.

The screen coordinates: a summary sentence highlighted in the summary pane becomes a cited span in
the source pane, and a source line under the cursor points back at the sentence quoting it. The
summary is computed in a thread worker (`SummaryScreen`), so changing its length or algorithm never
blocks a key; only reader's own and `lead`, on a news-sized article, run before the first frame.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Markdown, Static
from textual.worker import Worker

from reader.lines import exact_ranges
from reader.model import Article, LineSpan
from reader.output.sanitize import inert, one_line
from reader.summarize import ALGORITHMS, DEFAULT_ALGORITHM, SummaryItem, summarize_article
from reader.tui.messages import MarksChanged, StepRequested
from reader.tui.notes import removed_spans
from reader.tui.screens.breakpoints import PANE_BREAKPOINTS, preset_width_class
from reader.tui.screens.summary_screen import SENTENCES, SummaryScreen
from reader.tui.screens.tag_dialog import TagDialog
from reader.tui.widgets.article_header import ArticleHeader
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
        Binding("escape", "back", "Back", tooltip="back to the previous screen, cursor where it was", id="article.back"),
        Binding("tab", "app.focus_next", "Switch pane", show=False, tooltip="focus the source or the summary", id="article.focus_next"),
        Binding("plus,equals_sign", "longer", "Longer", tooltip="one more summary sentence", id="article.longer"),
        Binding("minus", "shorter", "Shorter", tooltip="one fewer summary sentence", id="article.shorter"),
        Binding("A", "next_algorithm", "Algorithm", tooltip="next summarizer: " + ", ".join(ALGORITHMS), id="article.next_algorithm"),
        Binding("b", "toggle_removed", "Removed lines", tooltip="show or hide front matter, boilerplate and repeats", id="article.toggle_removed"),
        Binding("m", "toggle_markdown", "Rendered", tooltip="Markdown articles: rendered or source lines", id="article.toggle_markdown"),
        Binding("r", "triage('read')", "Read", show=False, tooltip="mark read / unread", id="article.toggle_read"),
        Binding("s", "triage('star')", "Star", tooltip="star / unstar", id="article.toggle_star"),
        Binding("a", "triage('archive')", "Archive", show=False, tooltip="archive / unarchive", id="article.toggle_archive"),
        Binding("t", "tags", "Tags", show=False, tooltip="edit this article's tags", id="article.tags"),
        Binding("n", "step_unread(1)", "Next unread", tooltip="open the next unread article of the library", id="article.next_unread"),
        Binding("p", "step_unread(-1)", "Previous unread", show=False, tooltip="open the previous unread article", id="article.previous_unread"),
    ]

    LENGTH = SENTENCES

    def __init__(self, article: Article, *, line: int | None = None, cite: LineSpan | None = None,
                 session: LibrarySession | None = None, entry_key: str | None = None) -> None:
        super().__init__()
        self.session = session  # the library's, when opened from it: triage keys act on this entry
        self.entry_key = entry_key
        preset_width_class(self)
        self.article = article
        self.start_line = line
        self.start_cite = cite
        self.lines = article.lines
        self._pointed: int | None = None  # summary sentence the source cursor just pointed at
        self.summary_ready = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="source-pane", classes="pane"):
                yield ArticleHeader(self.article, id="meta")
                yield SourceView(self.lines, removed_spans(self.article), id="source")
            with Vertical(id="summary-pane", classes="pane"):
                yield SummaryView(id="summary")
        yield Static(id="status", markup=False)
        yield ReaderFooter()

    @property
    def source(self) -> SourceView:
        return self.query_one("#source", SourceView)

    @property
    def summary(self) -> SummaryView:
        return self.query_one("#summary", SummaryView)

    @contained
    def on_mount(self) -> None:
        self.query_one("#source-pane").border_title = Content(one_line(self.article.path))  # literal, never markup
        if self.start_line is not None:
            self.source.cursor_line = self.start_line
            self.source.cite(self.start_cite or LineSpan(self.start_line, self.start_line))
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
        pane.border_subtitle = "computing…" if busy else "+/- length · A algorithm"
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
        self.source.cite(span, exact, scroll=not following)
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
        if self.article.format != "markdown":
            self.notify("Only Markdown articles have a rendered view.", severity="warning")
            return
        if not self.query("#rendered"):
            self.query_one("#source-pane").mount(Markdown(self._markdown_body(), id="rendered", open_links=False))
        rendered = not self.has_class("-rendered")
        self.set_class(rendered, "-rendered")
        (self.query_one("#rendered") if rendered else self.source).focus()

    def _markdown_body(self) -> str:
        """The Markdown after any front matter, made inert (never raw control characters).

        The widget is created with `open_links=False`: a click in an untrusted article opens nothing.
        """
        skip = self.article.metadata_span
        kept = [line for number, line in enumerate(self.lines, start=1) if skip is None or not skip.contains(number)]
        return inert("\n".join(kept))

    # -- triage (the library session's, when opened from the library) ------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("triage", "tags", "step_unread"):
            return self.session is not None and self.entry_key is not None
        return True

    def action_triage(self, name: str) -> None:
        if self.session is not None and self.entry_key is not None:
            self.session.toggle_one(self.entry_key, name)
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
                self.post_message(MarksChanged())

        self.app.push_screen(TagDialog(common, [t.tag for t in session.triage.all_tags()], "Tags"), callback=done)

    def action_step_unread(self, step: int) -> None:
        if self.session is not None and self.entry_key is not None:
            self.post_message(StepRequested(self.entry_key, step))


