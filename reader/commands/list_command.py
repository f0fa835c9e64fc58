"""`reader list PATH...`: the articles found with their triage state, one per line or as JSON.

Archived articles are hidden unless asked for, the way an inbox hides archived mail.
"""
from __future__ import annotations

import argparse
import sys

from rich.text import Text

from reader.commands.common import default_paths, output_closed, stdout_console
from reader.ingest.title import shorten
from reader.commands.triage_common import open_store, scan_reporting, tag_options
from reader.output.sanitize import dumps, one_line
from reader.triage import ArticleState
from reader.triage.ingest_cache import Listing

UNREAD, READ, STARRED, ARCHIVED = "●", "·", "★", "▣"


def wanted(state: ArticleState, options: argparse.Namespace, tags: list[str]) -> bool:
    """Whether the filters keep this article: all given filters must hold."""
    if options.archived:
        if not state.archived:
            return False
    elif state.archived and not options.all:
        return False
    if options.unread and state.read:
        return False
    if options.starred and not state.starred:
        return False
    return all(tag in state.tags for tag in tags)


def _row(listing: Listing, state: ArticleState) -> Text:
    row = Text()
    row.append(READ if state.read else UNREAD, style="dim" if state.read else "bold cyan")
    row.append(STARRED if state.starred else " ", style="bold yellow")
    row.append(ARCHIVED if state.archived else " ", style="blue")
    row.append("  ")
    row.append(f"{one_line(listing.date or '')[:10]:10}  ", style="cyan")
    row.append(f"{one_line(listing.source or '-')[:24]:24}  ", style="magenta")
    row.append(one_line(shorten(listing.title)) if listing.title else "(untitled)", style="dim" if state.read else "bold")
    for tag in state.sorted_tags:
        row.append(f"  #{one_line(tag)}", style="green")
    row.append(f"  {one_line(listing.path)}", style="dim")
    return row


def run_list(options: argparse.Namespace) -> int:
    tags = tag_options(options, "tag")
    store = open_store(options)
    if store is None:
        return 1
    with store:
        listings, errors = scan_reporting(default_paths(options.paths), store)
        states = store.lookup([listing.key for listing in listings])
    shown = [(listing, state) for listing, state in zip(listings, states) if wanted(state, options, tags)]
    try:
        if options.format == "json":
            print(dumps([
                {"path": l.path, "title": l.title, "date": l.date, "source": l.source, "read": s.read,
                 "starred": s.starred, "archived": s.archived, "tags": s.sorted_tags,
                 "sentences": l.sentences, "words": l.words}
                for l, s in shown
            ]))
        else:
            console = stdout_console()
            for listing, state in shown:
                console.print(_row(listing, state))
        sys.stdout.flush()
    except BrokenPipeError:  # `| head`: the rows not read are not needed; the status still tells of bad files
        output_closed()
    return 1 if errors else 0
