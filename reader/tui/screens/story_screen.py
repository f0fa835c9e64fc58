"""One summary over several articles: each sentence with every file:line that reports it and a source count.

The story is computed in a thread worker over the articles the library showed (all, or the
filtered set). Its similarity matrix grows with the square of the sentences, so a very large
selection is cut to its first `MAX_UNITS` candidate sentences, and the title says so.
"""
from __future__ import annotations

from collections.abc import Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from reader.model import Article
from reader.output.sanitize import one_line
from reader.summarize import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_STORY_SENTENCES, SummaryItem, Unit
from reader.summarize import summarize_story
from reader.tui.memory import release_render_caches
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.summary_controls import SummaryControls
from reader.tui.screens.breakpoints import PANE_BREAKPOINTS, preset_width_class
from reader.tui.widgets.citation_list import CitationList
from reader.tui.widgets.reader_footer import ReaderFooter
from reader.tui.widgets.summary_view import SummaryView, common_base, sources_label

MAX_UNITS = 2500  # candidate sentences; the similarity matrix is MAX_UNITS² floats


def within_budget(articles: Sequence[Article], budget: int = MAX_UNITS) -> list[Article]:
    """The leading articles whose candidate sentences fit the budget (at least one article)."""
    kept: list[Article] = []
    used = 0
    for article in articles:
        size = sum(1 for s in article.sentences if s.is_candidate)
        if kept and used + size > budget:
            break
        kept.append(article)
        used += size
    return kept


class StoryScreen(SummaryControls, Screen[None]):
    """Story sentences on the left, the places the highlighted one is reported on the right."""

    COUNT_SETTING = "story_sentences"

    HORIZONTAL_BREAKPOINTS = PANE_BREAKPOINTS

    BINDINGS: list[BindingType] = [
        Binding("escape", "back", "Back", tooltip="back to the library", id="story.back"),
        Binding("tab", "app.focus_next", "Switch pane", show=False, tooltip="focus the story or the places", id="story.focus_next"),
        Binding("plus,equals_sign", "longer", "Longer", tooltip="one more story sentence", id="story.longer"),
        Binding("minus", "shorter", "Shorter", tooltip="one fewer story sentence", id="story.shorter"),
        Binding("a", "next_algorithm", "Algorithm", tooltip="next summarizer: " + ", ".join(ALGORITHMS), id="story.next_algorithm"),
    ]

    algorithm: reactive[str] = reactive(DEFAULT_ALGORITHM, init=False)
    count: reactive[int] = reactive(DEFAULT_STORY_SENTENCES, init=False)

    def __init__(self, articles: Sequence[Article], filtered: bool = False) -> None:
        super().__init__()
        preset_width_class(self)
        self.use_config_defaults()
        self.offered = len(articles)
        self.articles = within_budget(articles)
        self.filtered = filtered
        self.ready = False

    def compose(self) -> ComposeResult:
        yield Static(id="story-title", markup=False)
        with Horizontal(id="panes"):
            with Vertical(id="story-pane", classes="pane"):
                yield SummaryView(story=True, id="story")
            with Vertical(id="places-pane", classes="pane"):
                yield CitationList(id="places")
        yield Static(id="status", markup=False)
        yield ReaderFooter()

    @property
    def story(self) -> SummaryView:
        return self.query_one("#story", SummaryView)

    def on_mount(self) -> None:
        self.query_one("#places-pane").border_title = "Reported at"
        base = common_base([a.path for a in self.articles])
        self.story.base = self.query_one(CitationList).base = base
        self.story.focus()
        self._set_summary_title(busy=True)
        self.summarize()

    def _set_summary_title(self, busy: bool) -> None:
        which = "filtered articles" if self.filtered else "articles"
        text = f"Story over {len(self.articles):,} {which}"
        if len(self.articles) < self.offered:
            text += f" (the first {len(self.articles):,} of {self.offered:,}: filter to choose others)"
        self.query_one("#story-title", Static).update(Content.assemble((text, "bold")))
        pane = self.query_one("#story-pane")
        pane.border_title = f"Story · {self.algorithm} · {self.count} sentences"
        pane.border_subtitle = "computing…" if busy else "enter opens · +/- length · a algorithm"
        pane.set_class(busy, "-busy")

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def summarize(self) -> list[SummaryItem]:
        return summarize_story(self.articles, self.algorithm, self.count)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "story":
            return
        if event.state is WorkerState.SUCCESS:
            keep = self.story.highlighted
            self.story.show_items(event.worker.result or [])
            if self.story.items:
                self.story.highlighted = min(keep or 0, len(self.story.items) - 1)
            self.ready = True
            self._set_summary_title(busy=False)
        elif event.state is WorkerState.ERROR:
            self._set_summary_title(busy=False)
            self._status(Content.assemble(("story failed: ", "$text-error bold"), one_line(str(event.worker.error))))

    @on(SummaryView.SentenceHighlighted)
    def show_places(self, event: SummaryView.SentenceHighlighted) -> None:
        self.query_one(CitationList).show_item(event.item)
        self._status(Content.assemble((f"sentence {event.index + 1}/{len(self.story.items)}", "bold"),
                                      f" · {sources_label(event.item.source_count)}",
                                      ("  enter opens it at its line", "$text-muted")))

    @on(SummaryView.SentenceChosen)
    def open_sentence(self, event: SummaryView.SentenceChosen) -> None:
        self.open_unit(event.item.unit)

    @on(CitationList.PlaceChosen)
    def open_place(self, event: CitationList.PlaceChosen) -> None:
        self.open_unit(event.unit)

    def open_unit(self, unit: Unit) -> None:
        span = unit.sentence.span
        self.app.push_screen(ArticleScreen(unit.article, line=span.start, cite=span))

    def _status(self, content: Content) -> None:
        self.query_one("#status", Static).update(content)

    def action_back(self) -> None:
        self.dismiss(None)

    def on_unmount(self) -> None:
        release_render_caches()
