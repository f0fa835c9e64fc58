"""`reader facts PATH... [--story ID]`: a story's facts against its outlets, and where the outlets disagree.

Exit status: 0 compared, 1 some input could not be read (the rest are still compared), 2 no story ID.
"""
from __future__ import annotations

import argparse
import sys

from reader.commands.common import default_paths, load_reporting, output_closed, report, stdout_console
from reader.output.sanitize import dumps


def run_facts(options: argparse.Namespace) -> int:
    from reader.commands.summarize_command import _one_story  # the same choice of a story as `summarize --story ID`
    from reader.output.facts_output import facts_document, facts_text
    from reader.summarize.disagreements import table_disagreements
    from reader.summarize.facts import fact_table

    articles, errors = load_reporting(default_paths(options.paths))
    if options.story is not None:
        chosen = _one_story(options.story, articles)
        if chosen is None:
            return 2
        articles = chosen
    table = fact_table(articles)
    found = table_disagreements(table)
    try:
        if options.format == "json":
            print(dumps(facts_document(table, found, errors)))
        else:
            stdout_console().print(facts_text(table, found), end="")
        sys.stdout.flush()
    except BrokenPipeError:
        output_closed()
    if not articles and not errors:
        report("no articles to compare")
    return 1 if errors else 0
