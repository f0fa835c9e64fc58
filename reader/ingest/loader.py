"""Read files and folders into Articles; every problem becomes a one-line LoadError, never a traceback."""
from __future__ import annotations

import os
import stat
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
        data = _read_regular(path)
    except _NotRegular:
        return LoadError(shown, "not a regular file")
    except _TooLarge as exc:
        return LoadError(shown, f"file is {exc.size / 1e6:.1f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit for an article")
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


class _NotRegular(Exception):
    """The path is a folder, a FIFO, a device or a socket: nothing to read as an article."""


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file, checked on the opened descriptor rather than on the path.

    A path checked first and opened after can be swapped in between (a FIFO put in its place would
    block the open and the read for ever), so the file is opened without blocking and what was
    actually opened is checked with fstat.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular()
        if info.st_size > MAX_FILE_BYTES:
            raise _TooLarge(info.st_size)
        chunks, left = [], MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        raise _TooLarge(len(data))
    return data


def load_input(item: tuple[str, str | os.PathLike[str]] | LoadError) -> Article | LoadError:
    """One (display path, file) pair from `iter_inputs` loaded, or the error it already is; picklable for a pool."""
    return item if isinstance(item, LoadError) else load_article(item[1], item[0])


def load_paths(paths: Iterable[str | os.PathLike[str]], workers: int | None = None) -> Iterator[Article | LoadError]:
    """Load every file under `paths` in a stable order, errors in line with articles (large sets in parallel)."""
    inputs = [item if isinstance(item, LoadError) else (item[0], os.fspath(item[1])) for item in iter_inputs(paths)]
    yield from ordered_map(load_input, inputs, workers=workers)
