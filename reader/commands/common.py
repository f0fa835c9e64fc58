"""What every subcommand shares: default inputs, error reporting, consoles."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence

from rich.console import Console

from reader.model import Article, LoadError
from reader.output.sanitize import one_line


def default_paths(paths: Sequence[str]) -> list[str]:
    """PATHs as given, or the bundled sample corpus when none are."""
    if paths:
        return list(paths)
    from reader.resources import seeds_dir

    return [str(seeds_dir())]


def report(error: LoadError | str) -> None:
    """One line on stderr naming the file and the problem."""
    print(f"reader: {one_line(str(error))}", file=sys.stderr)


def load_reporting(paths: Iterable[str]) -> tuple[list[Article], list[LoadError]]:
    """Load all inputs; errors and warnings are reported on stderr as they come."""
    from reader.ingest import load_paths

    articles: list[Article] = []
    errors: list[LoadError] = []
    said: set[tuple[str, str]] = set()
    for item in load_paths(paths):
        if isinstance(item, LoadError):
            errors.append(item)
            report(item)
        else:
            articles.append(item)
            report_warnings(item.path, item.warnings, said)
    return articles, errors


def report_warnings(path: str, warnings: Iterable[str], said: set[tuple[str, str]]) -> None:
    """Each warning on stderr, naming the article; a warning about a whole feed or mailbox ("only the
    first 5,000 items are read"), which every item carries, is said once for the file, not per item."""
    file, mark, _ = path.rpartition("#")
    if not (mark and os.path.isfile(file)):
        file = path
    for warning in warnings:
        if (file, warning) not in said:
            said.add((file, warning))
            report(f"{path}: {warning}")


def output_closed() -> None:
    """The reader of stdout went away (`| head`): point stdout at /dev/null, so nothing written later
    (nor the flush at exit) fails or prints a traceback."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


class _PipeConsole(Console):
    """Leaves a closed pipe (`| head`) to the CLI, which stops quietly with status 0; rich would exit 1."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


def stdout_console() -> Console:
    """Rich output in a terminal; plain text (no escape codes) when piped. NO_COLOR is respected."""
    return _PipeConsole(highlight=False, markup=False, emoji=False, soft_wrap=True)
