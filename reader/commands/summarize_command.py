"""`reader summarize PATH...`: per-article summaries, or one story summary with --story."""
from __future__ import annotations

import argparse
import sys

from reader.commands.common import default_paths, load_reporting, report, stdout_console
from reader.output.sanitize import dumps


def run_summarize(options: argparse.Namespace) -> int:
    from reader.output.summary_json import summary_document
    from reader.output.summary_text import markdown, print_text
    from reader.summarize import summarize_article, summarize_story

    from reader.config import load_config

    config = load_config()
    for problem in config.problems:
        report(problem)
    settings = config.settings
    options.algorithm = options.algorithm or settings.algorithm
    articles, errors = load_reporting(default_paths(options.paths))
    story_mode = options.story and len(articles) > 1
    count = options.sentences
    if count is None and options.words is None:
        count = settings.story_sentences if story_mode else settings.summary_sentences
    per_article = [] if story_mode else [
        (a, summarize_article(a, options.algorithm, count, options.words)) for a in articles
    ]
    story = summarize_story(articles, options.algorithm, count, options.words) if story_mode else None
    if options.format == "json":
        print(dumps(summary_document(per_article, story, errors, options.algorithm)))
    elif options.format == "markdown":
        sys.stdout.write(markdown(per_article, story))
    else:
        print_text(per_article, story, stdout_console())
    if not articles and not errors:
        report("nothing to summarize")
    return 1 if errors else 0
