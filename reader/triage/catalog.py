"""Articles under PATHs as Listings (title, date, source, fingerprint, filter text), from the cache when unchanged.

`reader list`, `reader mark` and the library screen need no sentences, so an unchanged file is not
parsed again: a stat and one cache lookup replace decoding and sentence splitting. Files that are
new or changed are parsed on every core, and each worker sends back the small Listing, never the
whole Article. `through_cache` is the same walk for anything else derived from a file (summaries).
"""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from reader.ingest import iter_inputs, load_article, split_address
from reader.model import Article, LoadError
from reader.parallel import ordered_map
from reader.paths import printable_path
from reader.triage.ingest_cache import FileStamp, IngestCache, Listing
from reader.triage.stamps import changed_ns
from reader.triage.state import fingerprint

_FLUSH_EVERY = 256  # cache writes are batched, but an interrupted run keeps most of its work

Input = tuple[str, str] | LoadError  # (display path, file) or a path that already failed
T = TypeVar("T")


def search_text(article: Article) -> str:
    """Title, source, topics and kept text, case-folded once so filtering as you type is cheap."""
    parts = [article.full_title or "", article.source or "", " ".join(article.topics)]
    parts.extend(s.text for s in article.sentences)
    return "\n".join(parts).casefold()


def listing_of(article: Article, file: str = "") -> Listing:
    return Listing(article.path, article.full_title, article.date, article.source, fingerprint(article),
                   len(article.sentences), article.word_count, tuple(article.warnings), tuple(article.topics),
                   search_text(article), file or article.path)


def inputs_of(paths: Iterable[str | os.PathLike[str]]) -> list[Input]:
    """Every file under `paths` as (display path, file), in load order; missing paths as LoadErrors."""
    return [item if isinstance(item, LoadError) else (item[0], os.fspath(item[1])) for item in iter_inputs(paths)]


def stamp_of(path: str) -> FileStamp | None:
    """(absolute path, size, mtime) of a readable regular file; None sends it through the full loader.

    An item of a feed or mailbox (`file#id`) is stamped with its file's size and mtime, under its own
    address: re-saving the file makes every item of it fresh."""
    if (address := split_address(path)) is not None:
        found = stamp_of(address[0])
        return None if found is None else (f"{found[0]}#{address[1]}", found[1], found[2])
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) or not os.access(path, os.R_OK):
        return None
    return (printable_path(os.path.abspath(path)), st.st_size, changed_ns(st))


def through_cache(inputs: Sequence[Input], lookup: Callable[[list[FileStamp]], dict[FileStamp, T]],
                  compute: Callable[[tuple[str, str]], T | LoadError], store: Callable[[list[tuple[FileStamp, T]]], None],
                  shown: Callable[[T, str, str], T], cancelled: Callable[[], bool] = lambda: False,
                  ) -> Iterator[T | LoadError]:
    """For each input in order: the cached value of an unchanged file, else `compute` in a worker.

    `compute` must be a module-level function (it runs in pool processes); `shown(value, path, file)`
    gives a cached value the display path of this run; fresh values are stored in batches.
    """
    stamps = [None if isinstance(item, LoadError) else stamp_of(item[1]) for item in inputs]
    cached = lookup([s for s in stamps if s is not None])
    misses = [item for item, stamp in zip(inputs, stamps)
              if not isinstance(item, LoadError) and (stamp is None or stamp not in cached)]
    computed = ordered_map(compute, misses, cancelled=cancelled)  # type: ignore[arg-type]
    fresh: list[tuple[FileStamp, T]] = []
    try:
        for item, stamp in zip(inputs, stamps):
            if cancelled():
                return
            if isinstance(item, LoadError):
                yield item
                continue
            hit = cached.get(stamp) if stamp is not None else None
            if hit is not None:
                yield shown(hit, item[0], item[1])
                continue
            value = next(computed, None)
            if value is None:  # cancelled while computing
                return
            if not isinstance(value, LoadError) and stamp is not None:
                fresh.append((stamp, value))
                if len(fresh) >= _FLUSH_EVERY:
                    store(fresh)
                    fresh = []
            yield value
    finally:
        store(fresh)


def listing_input(item: tuple[str, str]) -> Listing | LoadError:
    """Parse one file in a worker and keep only its Listing."""
    loaded = load_article(Path(item[1]), item[0])
    return loaded if isinstance(loaded, LoadError) else listing_of(loaded, item[1])


def _with_path(listing: Listing, path: str, file: str) -> Listing:
    return Listing(path, listing.title, listing.date, listing.source, listing.fingerprint, listing.sentences,
                   listing.words, listing.warnings, listing.topics, listing.search_text, file)


def scan_inputs(inputs: Sequence[Input], cache: IngestCache | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> Iterator[Listing | LoadError]:
    """Each input, in order, as a Listing or the LoadError the loader gives."""
    if cache is None:
        return through_cache(inputs, lambda stamps: {}, listing_input, lambda rows: None, _with_path, cancelled)
    return through_cache(inputs, cache.get_many, listing_input, cache.put_many, _with_path, cancelled)


def scan(paths: Iterable[str], cache: IngestCache | None = None) -> Iterator[Listing | LoadError]:
    """Every file under `paths`, in load order, as a Listing or the LoadError the loader gives."""
    return scan_inputs(inputs_of(paths), cache)
