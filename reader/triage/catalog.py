"""Find articles under PATHs as Listings (title, date, source, fingerprint), from the cache when unchanged.

`reader list` and `reader mark` need no sentences, so an unchanged file is not parsed again:
a stat and one cache lookup replace decoding and sentence splitting.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.ingest import iter_inputs
from reader.ingest.parallel import load_items
from reader.model import Article, LoadError
from reader.triage.ingest_cache import FileStamp, IngestCache, Listing
from reader.triage.state import fingerprint

_FLUSH_EVERY = 256  # cache writes are batched, but an interrupted run keeps most of its work


def listing_of(article: Article) -> Listing:
    return Listing(article.path, article.title, article.date, article.source, fingerprint(article),
                   len(article.sentences), article.word_count, tuple(article.warnings))


def _stamp(path: Path) -> FileStamp | None:
    """(absolute path, size, mtime) of a readable regular file; None sends it through the full loader."""
    try:
        st = path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) or not os.access(path, os.R_OK):
        return None
    return (os.path.abspath(path), st.st_size, st.st_mtime_ns)


def scan(paths: Iterable[str], cache: IngestCache | None = None) -> Iterator[Listing | LoadError]:
    """Every file under `paths`, in load order, as a Listing or the LoadError the loader gives."""
    inputs = list(iter_inputs(paths))
    stamps = [None if isinstance(item, LoadError) else _stamp(item[1]) for item in inputs]
    cached = cache.get_many([s for s in stamps if s is not None]) if cache else {}
    misses = [item for item, stamp in zip(inputs, stamps)
              if not isinstance(item, LoadError) and (stamp is None or stamp not in cached)]
    loaded_misses = load_items(misses)  # type: ignore[arg-type]
    fresh: list[tuple[FileStamp, Listing]] = []
    try:
        for item, stamp in zip(inputs, stamps):
            if isinstance(item, LoadError):
                yield item
                continue
            shown, full = item
            hit = cached.get(stamp) if stamp is not None else None
            if hit is not None:
                yield Listing(shown, hit.title, hit.date, hit.source, hit.fingerprint, hit.sentences, hit.words,
                              hit.warnings)
                continue
            loaded = next(loaded_misses)
            if isinstance(loaded, LoadError):
                yield loaded
                continue
            listing = listing_of(loaded)
            if stamp is not None and cache is not None:
                fresh.append((stamp, listing))
                if len(fresh) >= _FLUSH_EVERY:
                    cache.put_many(fresh)
                    fresh = []
            yield listing
    finally:
        if cache is not None:
            cache.put_many(fresh)
