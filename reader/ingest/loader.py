"""Read files and folders into Articles; every problem becomes a one-line LoadError, never a traceback."""
from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.ingest.article_builder import build_article
from reader.ingest.decode import MAX_FILE_BYTES, DecodeError, decode_bytes
from reader.model import Article, LoadError
from reader.parallel import ordered_map
from reader.paths import printable_path


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, Path] | LoadError]:
    """Files named, and files inside folders named (recursively, sorted, hidden names skipped).

    Each file comes with its display path: as given on the command line, so relative stays relative.
    """
    for given in paths:
        given_text = os.fspath(given)
        shown = printable_path(given_text)
        path = Path(given_text).expanduser()
        if path.is_dir():
            found = False
            refused: list[OSError] = []  # folders os.walk could not list: each is one clear error
            denied = 0
            for root, dirs, files in os.walk(path, onerror=refused.append):
                denied += len(refused)
                yield from _refusals(refused, given_text, path)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    found = True
                    full = Path(root) / name
                    yield printable_path(os.path.join(given_text, os.path.relpath(full, path))), full
            denied += len(refused)
            yield from _refusals(refused, given_text, path)
            if not found and not denied:
                yield LoadError(shown, "folder holds no files")
        elif path.exists() or path.is_symlink():
            yield shown, path
        else:
            yield LoadError(shown, "no such file or folder")


def _refusals(refused: list[OSError], given: str, top: Path) -> Iterator[LoadError]:
    """The folders a walk could not read, as errors naming them (then forgotten)."""
    while refused:
        error = refused.pop(0)
        where = os.fspath(error.filename) if error.filename is not None else given
        shown = printable_path(os.path.normpath(os.path.join(given, os.path.relpath(where, top))))
        reason = "permission denied" if isinstance(error, PermissionError) else f"cannot read folder ({error.strerror})"
        yield LoadError(shown, reason)


def load_article(path: str | os.PathLike[str], shown: str | None = None) -> Article | LoadError:
    """Parse one file; a file that cannot be read as text comes back as a LoadError."""
    path = Path(path)
    shown = shown if shown is not None else printable_path(os.fspath(path))
    try:
        if not path.is_file():
            return LoadError(shown, "not a regular file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return LoadError(shown, f"file is {size / 1e6:.1f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit for an article")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        return LoadError(shown, "permission denied")
    except OSError as exc:
        return LoadError(shown, f"cannot read file ({exc.strerror or exc.__class__.__name__})")
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return LoadError(shown, str(exc))
    try:
        return build_article(decoded.text, shown, decoded.encoding, decoded.warnings, path.suffix)
    except RecursionError:
        return LoadError(shown, "structure nested too deeply to read")
    except MemoryError:
        return LoadError(shown, "too large to read in memory")
    except Exception as exc:  # a parser bug must cost one file, not the whole run
        if os.environ.get("READER_DEBUG"):  # but a developer wants to see where it broke (as in cli.main)
            traceback.print_exc(file=sys.stderr)
        return LoadError(shown, f"could not be parsed ({type(exc).__name__}: {exc})")


def load_input(item: tuple[str, str | os.PathLike[str]] | LoadError) -> Article | LoadError:
    """One (display path, file) pair from `iter_inputs` loaded, or the error it already is; picklable for a pool."""
    return item if isinstance(item, LoadError) else load_article(item[1], item[0])


def load_paths(paths: Iterable[str | os.PathLike[str]], workers: int | None = None) -> Iterator[Article | LoadError]:
    """Load every file under `paths` in a stable order, errors in line with articles (large sets in parallel)."""
    inputs = [item if isinstance(item, LoadError) else (item[0], os.fspath(item[1])) for item in iter_inputs(paths)]
    yield from ordered_map(load_input, inputs, workers=workers)
