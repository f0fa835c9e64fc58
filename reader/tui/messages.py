"""Messages screens post to the app, so screens never call each other: the app owns the session."""
from __future__ import annotations

from textual.message import Message


class MarksChanged(Message):
    """Triage states changed in the session: the app writes them to the store in a worker."""


class StepRequested(Message):
    """From an article: open the next (step 1) or previous (step -1) unread article of the library."""

    def __init__(self, key: str, step: int) -> None:
        super().__init__()
        self.key = key
        self.step = step
