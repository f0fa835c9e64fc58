"""One summary over several articles within a word budget: each sentence with every outlet that reports it.

The story is computed in a thread worker over the articles the library chose (the cursor article's
story, the selected or the filtered articles), parsed there (on every core when there are many) the first time. reader's own summarizer and `lead` grow linearly with the input, so they see every
article; sumy's baselines build dense sentence-by-sentence matrices, so for them a very large
selection is cut to its first `MAX_BASELINE_UNITS` candidate sentences, and the title says so.

`t` shows the story by date in the same list (`story_views`): under each date the facts first
reported that day, the undated articles apart; `t` again, or escape, is the summary again. It is
computed in its own worker over every article, parsed once for both (a lock keeps two workers
from parsing the same file twice). `N` in the same way shows only the facts that no article you
have read states (`new_to_you`), with the read marks the library holds when it is pressed.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from threading import Lock

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from reader.algorithms import SUMY_ALGORITHMS
from reader.ingest.loader import load_input
from reader.model import Article, LoadError
from reader.output.brief_file import default_brief_path
from reader.output.places import common_root
from reader.output.sanitize import one_line
from reader.output.story_facts import coverage_label, story_facts
from reader.output.story_text import story_markdown
from reader.paths import printable_path
from reader.parallel import ordered_map
from reader.summarize import ALGORITHMS, StorySummary, Unit, summarize_story
from reader.summarize.new_to_you import NewToYou, new_to_you
from reader.summarize.timeline import DEFAULT_DAY_WORDS, Timeline, story_timeline
from reader.triage.ingest_cache import Listing
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.export_dialog import ExportDialog
from reader.tui.screens.facts_screen import FactsScreen
from reader.tui.screens.breakpoints import PANE_BREAKPOINTS, preset_width_class
from reader.tui.keys import key_of
from reader.tui.screens.summary_screen import STORY_WORDS, SummaryScreen
from reader.tui.story_views import View, ViewResult, new_line, nothing_new, timeline_line, timeline_sections
from reader.tui.widgets.citation_list import CitationList
from reader.tui.widgets.left_out_note import LeftOutNote
from reader.tui.widgets.reader_footer import ReaderFooter
from reader.tui.widgets.summary_view import SummaryView
from reader.tui.contained import contained

MAX_BASELINE_UNITS = 2500  # candidate sentences; a sumy baseline's matrices are MAX_BASELINE_UNITS² floats


def within_budget(listings: Sequence[Listing], budget: int = MAX_BASELINE_UNITS) -> list[Listing]:
    """The leading articles whose sentences fit the budget (at least one article)."""
    kept: list[Listing] = []
    used = 0
    for listing in listings:
        if kept and used + listing.sentences > budget:
            break
        kept.append(listing)
        used += listing.sentences
    return kept


class StoryScreen(SummaryScreen[StorySummary]):
    """Story sentences on the left, the places the highlighted one is reported on the right."""

    LENGTH = STORY_WORDS

    HORIZONTAL_BREAKPOINTS = PANE_BREAKPOINTS

    BINDINGS: list[BindingType] = [
        Binding("q,escape", "back", "Back", tooltip="back to the library", id="story.back"),
        Binding("tab", "app.focus_next", "Switch pane", show=False, tooltip="focus the story or the places", id="story.focus_next"),
        # The keys only this screen has come first, so an 80-column footer, which shows what fits, keeps them.
        Binding("f", "facts", "Facts", tooltip="who reported what: the facts against the outlets, and "
                "where they disagree", id="story.facts"),
        Binding("t", "timeline", "Timeline", tooltip="the story by date: under each date the facts first reported "
                "that day, the undated apart (again: the summary)", id="story.timeline"),
        Binding("N", "new_to_you", "New to you", tooltip="only the facts that no article you have read states "
                "(again: the summary)", id="story.new_to_you"),
        Binding("e", "export", "Export", tooltip="save the story as a Markdown brief with footnote citations",
                id="story.export"),
        Binding("plus,equals_sign", "longer", "Longer", tooltip=f"{STORY_WORDS.step} more words", id="story.longer"),
        Binding("minus", "shorter", "Shorter", tooltip=f"{STORY_WORDS.step} fewer words", id="story.shorter"),
        Binding("A", "next_algorithm", "Algorithm", tooltip="next summarizer: " + ", ".join(ALGORITHMS), id="story.next_algorithm"),
        Binding("a", "next_algorithm", show=False, id="story.next_algorithm_alias"),  # the story's old key, kept for habit
    ]

    def __init__(self, listings: Sequence[Listing], which: str = "articles",
                 read_paths: Callable[[], set[str]] | None = None) -> None:
        super().__init__()
        preset_width_class(self)
        settings = self.configured()
        self.cap = settings.story_sentences if settings is not None else None  # sentences at most, within the words
        self.offered = list(listings)
        self.which = which  # what the articles are, for the title: "articles", "selected articles"...
        self._parsed: dict[int, Article | LoadError] = {}  # by place in `offered`, parsed once
        self.story_summary: StorySummary | None = None  # the last story computed
        self.ready = False
        self.view: View = "summary"  # what the story list shows
        self.timeline: Timeline | None = None  # the last timeline computed
        self.news: NewToYou | None = None  # the last "new to you" computed
        self.read_paths = read_paths  # the paths of the offered articles marked read now (the library's marks)
        self._summary_busy = True
        self._parsing = Lock()

    @property
    def chosen(self) -> list[Listing]:
        """What the current algorithm summarizes: every article, or for a sumy baseline the leading ones."""
        return within_budget(self.offered, MAX_BASELINE_UNITS) if self.algorithm in SUMY_ALGORITHMS else self.offered

    def articles(self, cancelled: Callable[[], bool] = lambda: False, every: bool = False) -> list[Article]:
        """The chosen articles (`every`: all offered) parsed in this worker thread; files that fail to parse are skipped."""
        count = len(self.offered) if every else len(self.chosen)
        with self._parsing:
            missing = [n for n in range(count) if n not in self._parsed]
            items = [(self.offered[n].path, self.offered[n].file or self.offered[n].path) for n in missing]
            for n, article in zip(missing, ordered_map(load_input, items, cancelled=cancelled)):
                self._parsed[n] = article
        return [a for n in range(count) if isinstance(a := self._parsed.get(n), Article)]

    def compose(self) -> ComposeResult:
        yield Static(id="story-title", markup=False)
        yield LeftOutNote(id="left-out")
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

    @contained
    def on_mount(self) -> None:
        self.query_one("#places-pane").border_title = "Reported at"
        base = common_root(a.path for a in self.offered)
        self.story.base = self.query_one(CitationList).base = self.query_one(LeftOutNote).base = base
        self.story.focus()
        self.resummarize()

    @property
    def words(self) -> int:
        """The story's word budget."""
        return self.length

    def set_summary_title(self, busy: bool) -> None:
        self._summary_busy = busy
        if self.view == "summary":  # the summary is computed on, shown when the user comes back to it
            self._summary_titles(busy)

    def _summary_titles(self, busy: bool) -> None:
        shown = len(self.chosen)
        which = self.which[:-1] if shown == 1 and self.which.endswith("s") else self.which  # 1 article
        text = f"Story over {shown:,} {which}"
        if shown < len(self.offered):
            text += f" ({self.algorithm}: the first {shown:,} of {len(self.offered):,}; filter to choose others)"
        facts = ""
        if self.story_summary is not None and not busy:  # the left-out inputs have their own line
            facts = f" · {story_facts(self.story_summary, self.words, with_left_out=False)}"
        self.query_one("#story-title", Static).update(Content.assemble((text, "bold"), (facts, "$text-muted")))
        pane = self.query_one("#story-pane")
        cap = f" · at most {self.cap} sentences" if self.cap else ""
        pane.border_title = f"Story · {self.algorithm} · {self.summary_length_label}{cap}"
        pane.border_subtitle = "computing…" if busy else f"enter opens · {self.keys_hint()}"
        pane.set_class(busy, "-busy")

    def compute_summary(self, worker: Worker[StorySummary]) -> StorySummary:
        """Parse the chosen files (once), then summarize them as one story."""
        return summarize_story(self.articles(lambda: worker.is_cancelled), self.algorithm, self.cap, self.words)

    def show_summary(self, result: StorySummary) -> None:
        self.story_summary = result
        if self.view == "summary":
            self.story.show_items(result.items, keep=self.story.highlighted_item or 0)
        self.query_one(LeftOutNote).show(result.left_out)
        self.ready = True
        self.set_summary_title(busy=False)

    # -- the other views ---------------------------------------------------------------------------

    def action_timeline(self) -> None:
        """t: the story by date; pressed in the timeline, back to the summary."""
        self.switch_view("summary" if self.view == "timeline" else "timeline")

    def action_new_to_you(self) -> None:
        """N: only what no read article states; pressed there, back to the summary."""
        if self.view != "new" and self.read_paths is None:
            self.notify("Which articles are read is not known here: open the story from the library.",
                        severity="warning", timeout=4)
            return
        self.switch_view("summary" if self.view == "new" else "new")

    def resummarize(self) -> None:
        """A new length or algorithm: the summary again, and "new to you" too (it has the story's word budget)."""
        super().resummarize()
        if self.view == "new":
            self.switch_view("new")

    def switch_view(self, view: View) -> None:
        """Show `view` in the story list: the summary at once (as last computed), another once its worker is done."""
        self.workers.cancel_group(self, "story-view")
        self.view = view
        self.query_one(CitationList).show_item(None)
        self.status(Content(""))
        if view == "summary":
            if self.story_summary is not None:
                self.story.show_items(self.story_summary.items, keep=0)
            else:
                self.story.show_items([])
            self._summary_titles(self._summary_busy)
            return
        self.story.show_items([], empty="Working it out…")
        self.set_view_title(busy=True)
        read = self.read_paths() if view == "new" and self.read_paths is not None else set()
        self.compute_view(view, read)

    @work(thread=True, exclusive=True, group="story-view", exit_on_error=False)
    def compute_view(self, view: View, read: set[str]) -> ViewResult:
        """The timeline, or what is new against the `read` paths, over every offered article (whatever the
        summarizer), off the UI thread."""
        worker = get_current_worker()
        articles = self.articles(lambda: worker.is_cancelled, every=True)
        if view == "new":
            return ViewResult(view, new_to_you(articles, read, self.words, self.cap))
        return ViewResult(view, story_timeline(articles, DEFAULT_DAY_WORDS))

    @on(Worker.StateChanged)
    @contained
    def view_computed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "story-view":
            return
        result = event.worker.result
        if event.state is WorkerState.SUCCESS and isinstance(result, ViewResult) and result.view == self.view:
            if isinstance(result.value, NewToYou):
                self.news = result.value
                self.story.show_items(result.value.summary.items, keep=0, empty=nothing_new(result.value))
            else:
                self.timeline = result.value
                self.story.show_sections(timeline_sections(result.value, self.story.base), keep=0)
            self.set_view_title(busy=False)
        elif event.state is WorkerState.ERROR and self.view != "summary":
            self.set_view_title(busy=False)
            self.status(Content.assemble((f"{self.view} failed: ", "$text-error bold"),
                                          one_line(str(event.worker.error))))

    def set_view_title(self, busy: bool) -> None:
        """The title line and pane titles of the timeline or of "new to you"."""
        if self.view == "new":
            heading, action = "New to you", "new_to_you"
            facts = "" if busy or self.news is None else f" · {new_line(self.news)}"
            pane_title = f"New to you · {self.summary_length_label}"
        else:
            heading, action = "Timeline of the story", "timeline"
            facts = "" if busy or self.timeline is None else f" · {timeline_line(self.timeline)}"
            pane_title = f"Timeline · by date · {DEFAULT_DAY_WORDS} words a day"
        self.query_one("#story-title", Static).update(Content.assemble((heading, "bold"), (facts, "$text-muted")))
        pane = self.query_one("#story-pane")
        pane.border_title = pane_title
        pane.border_subtitle = "computing…" if busy else f"enter opens · {key_of(self, action)} summary"
        pane.set_class(busy, "-busy")

    def action_back(self) -> None:
        """Back to the summary from another view, else back to the library."""
        if self.view != "summary":
            self.switch_view("summary")
        else:
            super().action_back()

    @on(SummaryView.SentenceHighlighted)
    @contained
    def show_places(self, event: SummaryView.SentenceHighlighted) -> None:
        self.query_one(CitationList).show_item(event.item)
        self.status(Content.assemble((f"sentence {event.index + 1}/{len(self.story.items)}", "bold"),
                                      f" · {coverage_label(event.item)}",
                                      ("  enter opens it at its line", "$text-muted")))

    @on(SummaryView.SentenceChosen)
    @contained
    def open_sentence(self, event: SummaryView.SentenceChosen) -> None:
        self.open_unit(event.item.unit)

    @on(CitationList.PlaceChosen)
    @contained
    def open_place(self, event: CitationList.PlaceChosen) -> None:
        self.open_unit(event.unit)

    def action_facts(self) -> None:
        """The story's facts against its outlets, over the articles of the summary shown."""
        if self.story_summary is None or not self.ready:
            self.notify("The story is still being computed.", severity="warning", timeout=3)
            return
        self.app.push_screen(FactsScreen(self.story_summary.articles))

    def action_export(self) -> None:
        """The story as it is shown now, as a Markdown brief (the same text as `summarize --story --format markdown`)."""
        if self.story_summary is None or not self.ready or not self.story_summary.items:
            self.notify("No story summary to export yet.", severity="warning", timeout=3)
            return
        brief = story_markdown(self.story_summary, self.words)
        self.app.push_screen(ExportDialog(brief, default_brief_path()), self._exported)

    def _exported(self, written: Path | None) -> None:
        if written is not None:
            self.notify(f"Brief saved to {printable_path(str(written))}", title="exported", timeout=6, markup=False)

    def open_unit(self, unit: Unit) -> None:
        span = unit.sentence.span
        self.app.push_screen(ArticleScreen(unit.article, line=span.start, cite=span))
