"""Where a saved page keeps its code rather than its text: the head, scripts, styles, widgets.

The file view dims these lines as markup; they are not listed with the text left out (`removed`),
since they never were text. Spans are recorded by the HTML parser as it passes the tags.
"""
from __future__ import annotations

REASONS = {
    "head": "page head", "script": "script", "style": "style", "noscript": "script fallback",
    "template": "template", "svg": "drawing", "iframe": "embedded frame",
    "object": "embedded object", "canvas": "drawing", "video": "media", "audio": "media",
}
DEFAULT_REASON = "page code"


class CodeSpans:
    """(start, end, reason) offsets of the page head and of each outermost hidden element outside it."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int, str]] = []
        self._head = -1
        self._hidden: tuple[int, str] | None = None

    def head_opened(self, at: int) -> None:
        if self._head < 0 and not self.spans:
            self._head = at

    def head_closed(self, at: int) -> None:
        """At `</head>` or, when it was left out, at `<body>`."""
        if self._head >= 0:
            self.spans.append((self._head, at + 1, REASONS["head"]))
            self._head = -1

    def hidden_opened(self, tag: str, at: int) -> None:
        """An outermost hidden element (script, style, ...); inside the head the head's span covers it."""
        if self._head < 0 and self._hidden is None:
            self._hidden = (at, REASONS.get(tag, DEFAULT_REASON))

    def hidden_closed(self, at: int) -> None:
        if self._hidden is not None:
            start, reason = self._hidden
            self.spans.append((start, max(at, start) + 1, reason))
            self._hidden = None
