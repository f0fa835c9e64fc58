"""What the article and story screens share: summary length and algorithm keys, and the user's defaults.

The screens declare the `algorithm` and `count` reactives themselves (Textual reactives belong to
the widget class); this mixin supplies the watchers, the actions and the config defaults.
"""
from __future__ import annotations

from typing import Any

from reader.algorithms import ALGORITHMS

MAX_SENTENCES = 30


class SummaryControls:
    """Mixin for a Screen with `algorithm`/`count` reactives, `summarize()` and `_set_summary_title()`."""

    algorithm: Any
    count: Any
    COUNT_SETTING = "summary_sentences"  # which config field sets the starting length

    def use_config_defaults(self) -> None:
        """Start from the user's configured algorithm and length, when run inside ReaderApp."""
        config = getattr(getattr(self, "app", None), "config", None)
        if config is not None:
            self.set_reactive(type(self).algorithm, config.settings.algorithm)  # type: ignore[attr-defined]
            self.set_reactive(type(self).count, getattr(config.settings, self.COUNT_SETTING))  # type: ignore[attr-defined]

    def watch_algorithm(self) -> None:
        self._set_summary_title(busy=True)  # type: ignore[attr-defined]
        self.summarize()  # type: ignore[attr-defined]

    def watch_count(self) -> None:
        self._set_summary_title(busy=True)  # type: ignore[attr-defined]
        self.summarize()  # type: ignore[attr-defined]

    def action_longer(self) -> None:
        self.count = min(MAX_SENTENCES, self.count + 1)

    def action_shorter(self) -> None:
        self.count = max(1, self.count - 1)

    def action_next_algorithm(self) -> None:
        self.algorithm = ALGORITHMS[(ALGORITHMS.index(self.algorithm) + 1) % len(ALGORITHMS)]
