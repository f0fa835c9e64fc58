"""`reader list PATH...`: the articles found, one per line or as JSON."""
from __future__ import annotations

import argparse

from rich.text import Text

from reader.commands.common import default_paths, load_reporting, stdout_console
from reader.output.sanitize import dumps, one_line


def run_list(options: argparse.Namespace) -> int:
    articles, errors = load_reporting(default_paths(options.paths))
    if options.format == "json":
        print(dumps([
            {"path": a.path, "title": a.title, "date": a.date, "source": a.source,
             "sentences": len(a.sentences), "words": a.word_count}
            for a in articles
        ]))
        return 1 if errors else 0
    console = stdout_console()
    for article in articles:
        row = Text()
        row.append(f"{article.date or '':10}  ", style="cyan")
        row.append(f"{one_line(article.source or '-')[:24]:24}  ", style="magenta")
        row.append(one_line(article.title or "(untitled)"), style="bold")
        row.append(f"  {one_line(article.path)}", style="dim")
        console.print(row)
    return 1 if errors else 0
