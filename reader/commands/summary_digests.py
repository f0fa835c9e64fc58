"""Per-article summaries of many files for `reader summarize`: through the cache, made in workers.

An unchanged file summarized before with the same algorithm and length is read back from the
cache; the rest are parsed and summarized on every core, each worker sending back a small digest.
Results come in input order as soon as they are ready, so output can stream (`| head` is quick).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from reader.ingest import load_article
from reader.model import MAX_QUOTE_CHARS, Article, LoadError
from reader.output.story_facts import plural
from reader.output.summary_text import NO_FIT, NO_PROSE
from reader.summarize import summarize_article
from reader.summarize.digest import ArticleDigest, digest_of
from reader.triage.catalog import Input, through_cache
from reader.triage.ingest_cache import FileStamp, IngestCache


def summary_digest(article: Article, algorithm: str, count: int | None, words: int | None) -> ArticleDigest:
    """The digest `reader summarize` prints: the full title (text output shortens it), the hard word limit,
    and a warning when no sentence is short enough for it."""
    items = summarize_article(article, algorithm, count, words)  # --words is a hard limit there
    digest = digest_of(article, items)
    warnings = digest.warnings
    if not items and article.sentences and not any(s.is_candidate for s in article.sentences):
        warnings += (f"{NO_PROSE}: {_why_none(article)}",)
    elif words is not None and not items and article.sentences:
        warnings += (f"{NO_FIT} {plural(words, 'word')}",)
    return replace(digest, title=article.full_title, warnings=warnings)


def _why_none(article: Article) -> str:
    """What the article's sentences are instead of prose, naming only the kinds it has."""
    long = f"over {MAX_QUOTE_CHARS:,} characters"
    kinds = []
    if any(s.kind == "heading" for s in article.sentences):
        kinds.append(("a heading", "headings"))
    if any(s.kind != "heading" and len(s.text) > MAX_QUOTE_CHARS for s in article.sentences):
        kinds.append((f"a runaway line ({long})", f"runaway lines ({long})"))
    if any(s.kind != "heading" and len(s.text) <= MAX_QUOTE_CHARS for s in article.sentences):
        kinds.append(("a fragment (under three words, or a list's lead-in)", "fragments"))
    if len(article.sentences) == 1:
        return f"its only sentence is {kinds[0][0]}"
    return f"its {len(article.sentences)} sentences are all " + " or ".join(plural for _, plural in kinds)


def digest_input(algorithm: str, count: int | None, words: int | None, item: tuple[str, str]) -> ArticleDigest | LoadError:
    """Parse and summarize one file (in a worker); only the digest travels back."""
    article = load_article(Path(item[1]), item[0])
    if isinstance(article, LoadError):
        return article
    try:
        return summary_digest(article, algorithm, count, words)
    except Exception as exc:  # a summarizer bug must cost one file, not the run
        return LoadError(item[0], f"could not be summarized ({type(exc).__name__}: {exc})")


def _decoded(data: dict[FileStamp, dict[str, Any]]) -> dict[FileStamp, ArticleDigest]:
    """Stored digests that still read as digests; anything else is recomputed."""
    out = {}
    for stamp, value in data.items():
        try:
            out[stamp] = ArticleDigest.from_data(stamp[0], value)
        except (KeyError, TypeError, ValueError):
            continue
    return out


def _shown(digest: ArticleDigest, path: str, file: str) -> ArticleDigest:
    return replace(digest, path=path)


def digests(inputs: Sequence[Input], algorithm: str, count: int | None, words: int | None,
            cache: IngestCache | None, cancelled: Callable[[], bool] = lambda: False,
            ) -> Iterator[ArticleDigest | LoadError]:
    """Each input's summary digest (or its error), in input order."""
    compute = partial(digest_input, algorithm, count, words)
    if cache is None:
        return through_cache(inputs, lambda stamps: {}, compute, lambda rows: None, _shown, cancelled)
    settings = f"{algorithm}|sentences={count}|words={words}"
    return through_cache(
        inputs, lambda stamps: _decoded(cache.get_digests(stamps, settings)), compute,
        lambda rows: cache.put_digests([(stamp, d.to_data()) for stamp, d in rows], settings), _shown, cancelled)
