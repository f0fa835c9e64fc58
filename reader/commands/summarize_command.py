"""`reader summarize PATH...`: per-article summaries, or one story summary with --story."""
from __future__ import annotations

import argparse
import sys

from reader.commands.common import default_paths, load_reporting, report, stdout_console
from reader.output.sanitize import dumps


def run_summarize(options: argparse.Namespace) -> int:
    from reader.config import load_config
    from reader.output.story_text import print_story, story_markdown
    from reader.output.summary_json import summary_document
    from reader.output.summary_text import markdown, print_text
    from reader.summarize import summarize_article, summarize_story

    config = load_config()
    for problem in config.problems:
        report(problem)
    settings = config.settings
    options.algorithm = options.algorithm or settings.algorithm
    articles, errors = load_reporting(default_paths(options.paths))
    budget = options.words or settings.story_words
    story = None
    per_article = []
    if options.story and len(articles) > 1:
        # A story is a word budget; -n (or the config's story_sentences) caps its sentences within it.
        story = summarize_story(articles, options.algorithm, options.sentences or settings.story_sentences, budget)
    else:
        count = options.sentences
        if count is None and options.words is None:
            count = settings.summary_sentences
        per_article = [(a, summarize_article(a, options.algorithm, count, options.words)) for a in articles]
    if options.format == "json":
        print(dumps(summary_document(per_article, story, errors, options.algorithm, budget)))
    elif options.format == "markdown":
        sys.stdout.write(story_markdown(story, budget) if story is not None else markdown(per_article))
    elif story is not None:
        print_story(story, budget, stdout_console())
    else:
        print_text(per_article, stdout_console())
    if not articles and not errors:
        report("nothing to summarize")
    return 1 if errors else 0
