"""`reader summarize PATH...`: per-article summaries, or one story summary with --story.

Per-article summaries stream: each is printed as soon as it and those before it are ready, read
from the cache when the file and the settings are unchanged (`summary_digests`). Citations name
files below the folder all inputs share (`business/001.txt:3`), so same-named files stay apart.
A reader of the output that goes away (`| head`) ends the run quietly; the status still says
whether some input failed.
"""
from __future__ import annotations

import argparse
import os
import sys

from reader.commands.common import default_paths, load_reporting, output_closed, report, report_warnings, stdout_console
from reader.model import Article, LoadError
from reader.output.places import common_root
from reader.output.sanitize import dumps


def run_summarize(options: argparse.Namespace) -> int:
    from reader.config import load_config

    config = load_config()
    for problem in config.problems:
        report(problem)
    settings = config.settings
    options.algorithm = options.algorithm or settings.algorithm
    if isinstance(options.story, str) and os.path.exists(options.story):
        options.paths = [options.story, *options.paths]  # `--story PATH`: a path, not a story id
        options.story = True
    if options.story == "":  # `--story ""` (an unset $ID) names no story: never a silent per-article run
        report("--story '': no story id given (`reader stories` lists them)")
        return 2
    paths = default_paths(options.paths)
    count = options.sentences
    if count is None and options.words is None:
        count = settings.summary_sentences
    errors: list[LoadError] = []
    try:
        timeline, new = getattr(options, "timeline", False), getattr(options, "new", False)
        if (timeline or new) and not options.story:
            report(f"--{'timeline' if timeline else 'new'} goes with --story (it is about one story)")
            return 2
        if options.story:
            status = _story(options, paths, options.words or settings.story_words, settings.story_sentences, count)
        else:
            status = _per_article(options, paths, count, errors)
        sys.stdout.flush()  # a closed pipe shows here, not in an exit-time flush that prints a traceback
        return status
    except BrokenPipeError:
        output_closed()
        return 1 if errors else 0


def _per_article(options: argparse.Namespace, paths: list[str], count: int | None, errors: list[LoadError]) -> int:
    """Each input's summary as soon as it is ready; `errors` gets every failed input, those named on
    the command line that do not exist first (so a closed pipe still knows of them)."""
    from reader.commands.summary_digests import digests
    from reader.output.summary_json import summary_document
    from reader.output.summary_text import markdown_block, print_digest
    from reader.summarize.digest import ArticleDigest
    from reader.triage.catalog import inputs_of
    from reader.triage.ingest_cache import IngestCache, cache_beside

    inputs = inputs_of(paths)
    missing = [item for item in inputs if isinstance(item, LoadError)]
    errors.extend(missing)
    root = common_root(item[0] for item in inputs if not isinstance(item, LoadError))
    done: list[ArticleDigest] = []
    notes: list[str] = []
    console = stdout_console() if options.format == "text" else None
    where = cache_beside(getattr(options, "state", None))
    cache = IngestCache.open(where) if where is not None else IngestCache(None)
    try:
        said: set[tuple[str, str]] = set()
        for item in digests(inputs, options.algorithm, count, options.words, cache):
            if isinstance(item, LoadError):
                if item not in missing:
                    errors.append(item)
                report(item)
                continue
            report_warnings(item.path, item.warnings, said)
            if console is not None:
                print_digest(item, console, first=not done, root=root)
            elif options.format == "markdown":
                sys.stdout.write(markdown_block(item, notes, root))
            if options.format == "json" or console is not None:
                done.append(item)  # JSON is one document; text only needs to know one came before
    finally:
        cache.close()
    if options.format == "json":
        budget = options.words or 0
        print(dumps(summary_document(done, None, errors, options.algorithm, budget)))
    elif options.format == "markdown":
        sys.stdout.write("\n".join(notes) + "\n")
    if not done and not errors and not notes and options.format != "markdown":
        report("nothing to summarize")
    return 1 if errors else 0


def _story(options: argparse.Namespace, paths: list[str], budget: int, cap: int | None, count: int | None) -> int:
    from reader.output.story_text import print_story, story_markdown
    from reader.output.summary_json import summary_document
    from reader.commands.summary_digests import summary_digest
    from reader.output.summary_text import print_digest, markdown
    from reader.summarize import summarize_story

    articles, errors = load_reporting(paths)
    if isinstance(options.story, str):
        chosen = _one_story(options.story, articles)
        if chosen is None:
            return 2
        articles = chosen
    if getattr(options, "timeline", False):
        return _timeline(options, articles, errors)
    if getattr(options, "new", False):
        return _new_to_you(options, articles, errors, budget, cap)
    if len(articles) == 1:  # a story of one article is that article's summary
        digests = [summary_digest(articles[0], options.algorithm, count, options.words)]
        for warning in digests[0].warnings[len(articles[0].warnings):]:
            report(f"{articles[0].path}: {warning}")
        root = common_root([articles[0].path])
        if options.format == "json":
            print(dumps(summary_document(digests, None, errors, options.algorithm, budget)))
        elif options.format == "markdown":
            sys.stdout.write(markdown(digests, root))
        else:
            print_digest(digests[0], stdout_console(), root=root)
        return 1 if errors else 0
    # A story is a word budget; -n (or the config's story_sentences) caps its sentences within it.
    story = summarize_story(articles, options.algorithm, options.sentences or cap, budget) if articles else None
    if options.format == "json":
        print(dumps(summary_document([], story, errors, options.algorithm, budget)))
    elif story is not None:
        if options.format == "markdown":
            sys.stdout.write(story_markdown(story, budget))
        else:
            print_story(story, budget, stdout_console())
    if not articles and not errors:
        report("nothing to summarize")
    return 1 if errors else 0


def _one_story(wanted: str, articles: list[Article]) -> list[Article] | None:
    """The articles of story `wanted` (an id from `reader stories`), or None after saying why not."""
    from reader.output.sanitize import one_line
    from reader.summarize.grouping import group_stories

    stories = group_stories(articles)
    for story in stories:
        if story.id == wanted:
            members = set(story.articles)
            return [a for a in articles if a.path in members]
    report(f"no story {one_line(wanted)!r} among these {len(articles)} articles "
           "(`reader stories PATH...` lists their stories and ids)")
    return None


def _timeline(options: argparse.Namespace, articles: list[Article], errors: list[LoadError]) -> int:
    from reader.output.timeline_output import timeline_dict, timeline_markdown, timeline_text
    from reader.summarize.timeline import DEFAULT_DAY_WORDS, story_timeline

    timeline = story_timeline(articles, options.words or DEFAULT_DAY_WORDS, options.sentences)
    if options.format == "json":
        print(dumps({"timeline": timeline_dict(timeline), "errors": [str(e) for e in errors]}))
    elif options.format == "markdown":
        sys.stdout.write(timeline_markdown(timeline))
    else:
        stdout_console().print(timeline_text(timeline), end="")
    if not articles and not errors:
        report("nothing to summarize")
    return 1 if errors else 0


def _new_to_you(options: argparse.Namespace, articles: list[Article], errors: list[LoadError], budget: int,
                cap: int | None) -> int:
    from reader.commands.triage_common import open_store
    from reader.output.story_text import print_story, story_markdown
    from reader.output.summary_json import summary_document
    from reader.summarize.new_to_you import new_to_you

    store = open_store(options)
    if store is None:
        return 1
    with store:
        states = store.lookup(articles)
    read = {a.path for a, state in zip(articles, states) if state.read}
    found = new_to_you(articles, read, budget, options.sentences or cap)
    if options.format == "json":
        document = summary_document([], found.summary, errors, options.algorithm, budget)
        document["new_to_you"] = {"read": [a.path for a in found.read], "unread": [a.path for a in found.unread]}
        print(dumps(document))
        return 1 if errors else 0
    total = len(found.read) + len(found.unread)
    if not found.unread:
        sys.stdout.write(f"Nothing new: all {total} articles of this story are read.\n")
        return 1 if errors else 0
    facts = f"{len(found.read)} of {total} articles read · only what the {len(found.unread)} unread add"
    if options.format == "markdown":
        sys.stdout.write(story_markdown(found.summary, budget, title="New to you", facts=facts))
    else:
        sys.stdout.write(f"New to you · {facts}\n")
        print_story(found.summary, budget, stdout_console())
    return 1 if errors else 0
