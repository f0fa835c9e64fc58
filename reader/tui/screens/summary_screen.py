"""What the article and story screens share: one summary, its length and algorithm keys, its worker.

An article summary's length is a sentence count, a story's is a word budget: each screen names its
`LENGTH` (which config field, the step and bounds of +/-), and both keep the value in the one
`length` reactive. The summary is computed by `compute_summary` in a thread worker, so changing
length or algorithm never blocks a key; the result arrives at `show_summary`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from textual import work
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from reader.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from reader.config import Settings
from reader.output.sanitize import one_line
from reader.tui.keys import key_of
from reader.tui.memory import release_render_caches
from reader.tui.contained import contained

Result = TypeVar("Result")


@dataclass(frozen=True, slots=True)
class Length:
    """How +/- change a summary's length, and where the starting length comes from."""

    setting: str  # the config field it starts from
    default: int
    step: int
    low: int
    high: int
    unit: str  # "sentences", "words"

    def longer(self, value: int) -> int:
        """One step up, never above `high` (a configured length beyond it is kept, not cut)."""
        return max(value, min(self.high, value + self.step))

    def shorter(self, value: int) -> int:
        """One step down, never below `low`."""
        return min(value, max(self.low, value - self.step))

    def label(self, value: int) -> str:
        return f"{value} {self.unit}"


SENTENCES = Length("summary_sentences", 3, step=1, low=1, high=30, unit="sentences")
STORY_WORDS = Length("story_words", 160, step=40, low=40, high=1000, unit="words")


class SummaryScreen(Screen[None], Generic[Result]):
    """A screen built around one summary; subclasses say how to compute it and how to show it."""

    LENGTH: ClassVar[Length] = SENTENCES

    algorithm: reactive[str] = reactive(DEFAULT_ALGORITHM, init=False)
    length: reactive[int] = reactive(SENTENCES.default, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.set_reactive(SummaryScreen.length, self.LENGTH.default)
        settings = self.configured()
        if settings is not None:  # start from the user's configured algorithm and length
            self.set_reactive(SummaryScreen.algorithm, settings.algorithm)
            self.set_reactive(SummaryScreen.length, int(getattr(settings, self.LENGTH.setting)))

    def configured(self) -> Settings | None:
        """The user's settings, when run inside ReaderApp (tests may mount the screen in another app)."""
        config = getattr(getattr(self, "app", None), "config", None)
        return config.settings if isinstance(getattr(config, "settings", None), Settings) else None

    @property
    def summary_length_label(self) -> str:
        """`3 sentences`, `160 words`: for the pane title."""
        return self.LENGTH.label(self.length)

    def keys_hint(self) -> str:
        """`+/- length · A algorithm` for the pane's subtitle, with the keys as bound now (keymap included)."""
        return (f"{key_of(self, 'longer')}/{key_of(self, 'shorter')} length · "
                f"{key_of(self, 'next_algorithm')} algorithm")

    # -- what a subclass supplies ----------------------------------------------------------------

    def compute_summary(self, worker: Worker[Result]) -> Result:
        """The summary for the current algorithm and length; runs in a thread worker."""
        raise NotImplementedError

    def show_summary(self, result: Result) -> None:
        """Put a computed summary on screen (on the UI thread)."""
        raise NotImplementedError

    def set_summary_title(self, busy: bool) -> None:
        """Name the summary's algorithm and length, and whether it is being computed."""
        raise NotImplementedError

    # -- shared behaviour --------------------------------------------------------------------------

    def resummarize(self) -> None:
        self.set_summary_title(busy=True)
        self.summarize()

    @contained
    def watch_algorithm(self) -> None:
        self.resummarize()

    @contained
    def watch_length(self) -> None:
        self.resummarize()

    @work(thread=True, exclusive=True, group="summary", exit_on_error=False)
    def summarize(self) -> Result:
        from textual.worker import get_current_worker

        return self.compute_summary(get_current_worker())

    @contained
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "summary":
            return
        if event.state is WorkerState.SUCCESS:
            self.show_summary(event.worker.result)  # type: ignore[arg-type]
        elif event.state is WorkerState.ERROR:
            self.set_summary_title(busy=False)
            self.status(Content.assemble(("summary failed: ", "$text-error bold"), one_line(str(event.worker.error))))

    def status(self, content: Content) -> None:
        self.query_one("#status", Static).update(content)

    def action_longer(self) -> None:
        self.length = self.LENGTH.longer(self.length)

    def action_shorter(self) -> None:
        self.length = self.LENGTH.shorter(self.length)

    def action_next_algorithm(self) -> None:
        self.algorithm = ALGORITHMS[(ALGORITHMS.index(self.algorithm) + 1) % len(ALGORITHMS)]

    def action_back(self) -> None:
        self.dismiss(None)

    @contained
    def on_unmount(self) -> None:
        release_render_caches()

