"""Files that could not be read, one a line with the reason, beside the library and never in its way."""
from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import LoadError
from reader.output.sanitize import one_line


def failure_prompt(error: LoadError) -> Content:
    return Content.assemble((one_line(error.path), "bold"), ("  " + one_line(error.error), "$text-warning"))


class FailureList(OptionList):
    """A scrollable list of load failures; its border title carries the count."""

    HELP_SECTION = "Failures"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.count = 0

    def add_failures(self, errors: Iterable[LoadError]) -> None:
        added = [Option(failure_prompt(e)) for e in errors]
        if not added:
            return
        self.add_options(added)
        self.count += len(added)
        self._title()

    def show_failures(self, errors: Iterable[LoadError]) -> None:
        """List exactly these failures (files that went or were fixed leave the list)."""
        self.clear_options()
        self.count = 0
        self.add_failures(errors)
        self._title()

    def _title(self) -> None:
        self.border_title = f"{self.count} file{'s' if self.count != 1 else ''} could not be read"
