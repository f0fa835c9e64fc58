"""What `reader list` and `reader mark` share: opening the state database and scanning with the cache."""
from __future__ import annotations

import argparse
from collections.abc import Iterable

from reader.commands.common import report, report_warnings
from reader.model import LoadError
from reader.triage import TriageStore, TriageStoreError
from reader.triage.catalog import scan
from reader.triage.ingest_cache import CACHE_FILE, IngestCache, Listing


def open_store(options: argparse.Namespace) -> TriageStore | None:
    """The store named by `--state` (or the default); None after a one-line message if refused."""
    try:
        store = TriageStore.open(getattr(options, "state", None))
    except TriageStoreError as exc:
        report(str(exc))
        return None
    for warning in store.warnings:
        report(warning)
    return store


def scan_reporting(paths: Iterable[str], store: TriageStore) -> tuple[list[Listing], list[LoadError]]:
    """Listings for every article under `paths`; errors and warnings reported on stderr as they come.

    The ingest cache lives beside the state database, so `--state` keeps every file reader writes together.
    """
    cache = IngestCache.open(store.path.parent / CACHE_FILE)
    listings: list[Listing] = []
    errors: list[LoadError] = []
    said: set[tuple[str, str]] = set()
    try:
        for item in scan(paths, cache):
            if isinstance(item, LoadError):
                errors.append(item)
                report(item)
            else:
                listings.append(item)
                report_warnings(item.path, item.warnings, said)
    finally:
        cache.close()
    return listings, errors


def tag_options(options: argparse.Namespace, name: str) -> list[str]:
    """The normalised tags given with --NAME, each value split at commas as the tag dialog splits
    what is typed ("--tag energy,policy" is two tags); a bad tag is a usage error (exit 2)."""
    from reader.triage import TagError, normalize_tag

    values = getattr(options, name, None) or []
    try:
        if any(not value.strip(" ,") for value in values):
            raise TagError("a tag cannot be empty")
        return [normalize_tag(tag) for value in values for tag in value.split(",") if tag.strip()]
    except TagError as exc:
        options.usage_error(f"--{name}: {exc}")
        raise  # usage_error exits; this keeps type checkers informed
