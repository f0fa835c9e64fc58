"""`reader search QUERY PATH...`: the sentences that match, best first, as `file:line: sentence` or JSON.

The index lives in the ingest cache beside the state database, so a second search over the same
files parses nothing. Exit status: 0 searched (with or without hits), 1 some input could not be
read, 2 the query means nothing or SQLite has no FTS5.
"""
from __future__ import annotations

import argparse
import sys

from reader.commands.common import default_paths, output_closed, report
from reader.output.places import common_root
from reader.output.sanitize import dumps, one_line
from reader.output.search_output import hits_text, search_document
from reader.output.story_facts import plural
from reader.triage.body_search import search_bodies
from reader.triage.fulltext import RANKED_MATCHES, FullTextUnavailable
from reader.triage.ingest_cache import IngestCache, cache_beside
from reader.triage.search_query import QueryError


def run_search(options: argparse.Namespace) -> int:
    paths = default_paths(options.paths)
    where = cache_beside(getattr(options, "state", None))
    cache = IngestCache.open(where) if where is not None else IngestCache(None)
    try:
        result = search_bodies(options.query, paths, cache, options.limit)
    except QueryError as exc:
        report(f"cannot search for {one_line(options.query)!r}: {exc}")
        return 2
    except FullTextUnavailable as exc:
        report(str(exc))
        return 2
    finally:
        cache.close()
    for error in result.errors:
        report(error)
    if not result.ranked:
        report(f"more than {RANKED_MATCHES:,} sentences match {one_line(options.query)!r}: shown in the order indexed, "
               "not ranked (add words to narrow the search)")
    try:
        if options.format == "json":
            print(dumps(search_document(options.query, result, result.errors)))
        else:
            sys.stdout.write(hits_text(result.hits, common_root(result.paths), options.query))
        sys.stdout.flush()
    except BrokenPipeError:  # `| head`: the hits not read are not needed; the status still counts
        output_closed()
    if not result.hits and options.format != "json":
        report(f"no sentence matches {one_line(options.query)!r} in {plural(result.files, 'article')}")
    return 1 if result.errors else 0
