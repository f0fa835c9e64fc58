"""What the article and story screens share: summary length and algorithm keys, and the user's defaults.

An article summary's length is a sentence count, a story's is a word budget: each screen names its
`Length` (which reactive, which config field, the step and bounds of +/-). The screens declare the
`algorithm` reactive and their length reactive themselves (Textual reactives belong to the widget
class); this mixin supplies the watchers, the actions and the config defaults.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.algorithms import ALGORITHMS
from reader.config import Settings


@dataclass(frozen=True, slots=True)
class Length:
    """How +/- change a summary's length, and where the starting length comes from."""

    attribute: str  # the screen's reactive holding the length
    setting: str  # the config field it starts from
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


SENTENCES = Length("count", "summary_sentences", step=1, low=1, high=30, unit="sentences")
STORY_WORDS = Length("words", "story_words", step=40, low=40, high=1000, unit="words")


class SummaryControls:
    """Mixin for a Screen with an `algorithm` reactive, the reactive its `LENGTH` names, `summarize()`
    and `_set_summary_title()`."""

    algorithm: Any
    LENGTH: Length = SENTENCES

    @property
    def summary_length(self) -> int:
        return int(getattr(self, self.LENGTH.attribute))

    @property
    def summary_length_label(self) -> str:
        """`3 sentences`, `160 words`: for the pane title."""
        return self.LENGTH.label(self.summary_length)

    def configured(self) -> Settings | None:
        """The user's settings, when run inside ReaderApp (tests may mount the screen in another app)."""
        config = getattr(getattr(self, "app", None), "config", None)
        return None if config is None else config.settings

    def use_config_defaults(self) -> None:
        """Start from the user's configured algorithm and length."""
        settings = self.configured()
        if settings is not None:
            self.set_reactive(type(self).algorithm, settings.algorithm)  # type: ignore[attr-defined]
            self.set_reactive(getattr(type(self), self.LENGTH.attribute),  # type: ignore[attr-defined]
                              getattr(settings, self.LENGTH.setting))

    def _resummarize(self) -> None:
        self._set_summary_title(busy=True)  # type: ignore[attr-defined]
        self.summarize()  # type: ignore[attr-defined]

    # Textual calls watch_<reactive>; each screen has one of the two length reactives.
    watch_algorithm = watch_count = watch_words = _resummarize

    def action_longer(self) -> None:
        setattr(self, self.LENGTH.attribute, self.LENGTH.longer(self.summary_length))

    def action_shorter(self) -> None:
        setattr(self, self.LENGTH.attribute, self.LENGTH.shorter(self.summary_length))

    def action_next_algorithm(self) -> None:
        self.algorithm = ALGORITHMS[(ALGORITHMS.index(self.algorithm) + 1) % len(ALGORITHMS)]
