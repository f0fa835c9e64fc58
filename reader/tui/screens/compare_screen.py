"""Two articles side by side with the sentences they share marked in both.

Shared pairs come from `reader.summarize.compare` in a thread worker. `n`/`p` step through the
pairs, citing each pair's lines in both panes; moving the cursor onto a shared line in either pane
shows its counterpart in the other.
"""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from reader.lines import exact_ranges
from reader.model import Article, Sentence
from reader.output.sanitize import one_line
from reader.summarize.compare import shared_sentences
from reader.tui.memory import release_render_caches
from reader.tui.notes import removed_spans
from reader.tui.screens.breakpoints import PANE_BREAKPOINTS, preset_width_class
from reader.tui.widgets.article_header import ArticleHeader
from reader.tui.widgets.reader_footer import ReaderFooter
from reader.tui.widgets.source_view import SourceView
from reader.tui.contained import contained

Pair = tuple[Sentence, Sentence]


class CompareScreen(Screen[None]):
    """Article A on the left, B on the right (stacked when narrow); shared sentences marked in both."""

    HORIZONTAL_BREAKPOINTS = PANE_BREAKPOINTS

    BINDINGS: list[BindingType] = [
        Binding("q,escape", "back", "Back", tooltip="back to the library", id="compare.back"),
        Binding("tab", "app.focus_next", "Switch pane", show=False, tooltip="focus the other article", id="compare.focus_next"),
        Binding("n", "step(1)", "Next shared", tooltip="cite the next shared sentence in both articles", id="compare.step_next"),
        Binding("p", "step(-1)", "Previous shared", tooltip="cite the previous shared sentence in both", id="compare.step_previous"),
        Binding("b", "toggle_removed", "Removed lines", tooltip="show or hide front matter, boilerplate and repeats", id="compare.toggle_removed"),
    ]

    def __init__(self, a: Article, b: Article) -> None:
        super().__init__()
        preset_width_class(self)
        self.articles = (a, b)
        self.lines = (a.lines, b.lines)
        self.pairs: list[Pair] = []
        self.current: int | None = None
        self.ready = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            for side, article in zip("ab", self.articles):
                with Vertical(id=f"pane-{side}", classes="pane"):
                    yield ArticleHeader(article, id=f"meta-{side}")
                    yield SourceView(article.lines, removed_spans(article), id=f"source-{side}")
        yield Static(id="status", markup=False)
        yield ReaderFooter()

    def view(self, side: int) -> SourceView:
        return self.query_one(f"#source-{'ab'[side]}", SourceView)

    @contained
    def on_mount(self) -> None:
        for side, article in enumerate(self.articles):
            self.query_one(f"#pane-{'ab'[side]}").border_title = Content(one_line(article.path))  # literal
        self.view(0).focus()
        self._status(Content("finding shared sentences…"))
        self.compare()

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def compare(self) -> list[Pair]:
        return shared_sentences(*self.articles)

    @contained
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "compare":
            return
        if event.state is WorkerState.SUCCESS:
            self.pairs = list(event.worker.result or [])
            for side in (0, 1):
                self.view(side).mark_shared({line for pair in self.pairs
                                             for line in range(pair[side].span.start, pair[side].span.end + 1)})
                pane = self.query_one(f"#pane-{'ab'[side]}")
                pane.border_subtitle = f"{len({id(p[side]) for p in self.pairs})} shared sentences"
            self.ready = True
            if self.pairs:
                self.show_pair(0)
            else:
                self._status(Content("These two articles share no sentence."))
        elif event.state is WorkerState.ERROR:
            self._status(Content.assemble(("compare failed: ", "$text-error bold"), one_line(str(event.worker.error))))

    def show_pair(self, index: int, scroll: tuple[bool, bool] = (True, True)) -> None:
        """Cite pair `index` in both panes (exact characters included) and say where it is."""
        self.current = index
        pair = self.pairs[index]
        for side in (0, 1):
            sentence, span = pair[side], pair[side].span
            exact = exact_ranges(self.articles[side].line_index, self.lines[side], sentence.start, sentence.end,
                                 span.start, span.end)
            self.view(side).cite(span, exact, scroll=scroll[side])
        self._status(Content.assemble((f"shared {index + 1}/{len(self.pairs)}", "bold"),
                                      f" · A {pair[0].span} ↔ B {pair[1].span}",
                                      ("  n/p next/previous", "$text-muted")))

    def action_step(self, delta: int) -> None:
        if not self.pairs:
            return
        start = -1 if self.current is None and delta > 0 else (self.current or 0)
        self.show_pair((start + delta) % len(self.pairs))

    @on(SourceView.CursorMoved)
    @contained
    def follow_cursor(self, event: SourceView.CursorMoved) -> None:
        side = 0 if event.view is self.view(0) else 1
        if not event.view.has_focus:
            return
        for index, pair in enumerate(self.pairs):
            if pair[side].span.contains(event.line):
                if index != self.current:
                    self.show_pair(index, scroll=(side != 0, side != 1))
                return

    def action_toggle_removed(self) -> None:
        for side in (0, 1):
            self.view(side).show_removed = not self.view(side).show_removed

    def _status(self, content: Content) -> None:
        self.query_one("#status", Static).update(content)

    def action_back(self) -> None:
        self.dismiss(None)

    @contained
    def on_unmount(self) -> None:
        release_render_caches()
