"""`reader stories PATH...`: the stories of a folder, each with its articles, outlets, reprints and dates.

Exit status: 0 grouped, 1 some input could not be read (the rest are still grouped).
"""
from __future__ import annotations

import argparse
import sys

from reader.commands.common import default_paths, load_reporting, output_closed, report
from reader.output.places import common_root
from reader.output.sanitize import dumps
from reader.output.stories_output import stories_document, stories_text
from reader.summarize.grouping import group_stories


def run_stories(options: argparse.Namespace) -> int:
    articles, errors = load_reporting(default_paths(options.paths))
    stories = group_stories(articles)
    try:
        if options.format == "json":
            print(dumps(stories_document(stories)))
        else:
            sys.stdout.write(stories_text(stories, common_root(a.path for a in articles)))
        sys.stdout.flush()
    except BrokenPipeError:
        output_closed()
    if not articles and not errors:
        report("no articles to group")
    return 1 if errors else 0
