"""Read files and folders into Articles; every problem becomes a one-line LoadError, never a traceback."""
from __future__ import annotations

import os
import stat
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from reader.ingest.article_builder import build_article, replace_surrogates
from reader.ingest.containers import Container, ContainerError, container_of, may_hold_items
from reader.ingest.decode import MAX_FILE_BYTES, DecodeError, Decoded, decode_bytes
from reader.ingest.email_message import looks_like_email, message_article
from reader.ingest.item_ids import resolve
from reader.model import Article, LoadError
from reader.parallel import ordered_map
from reader.paths import printable_path


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, Path] | LoadError]:
    """Files named, and files inside folders named (recursively, sorted, hidden names skipped).

    Each file comes with its display path: as given on the command line, so relative stays relative.
    A file named twice (`f f`, a folder and a file in it, a relative and an absolute path) is one
    input, the first time it is named: two would be one article counted twice, and a copy of itself.
    """
    seen: set[str] = set()
    for found in _named_inputs(paths):
        if not isinstance(found, LoadError):
            key = os.path.realpath(found[1])
            if key in seen:
                continue
            seen.add(key)
        yield found


def _named_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, Path] | LoadError]:
    for given in paths:
        given_text = os.fspath(given)
        shown = printable_path(given_text)
        if not given_text.strip():  # Path("") is ".": an empty argument (an unset $VAR) must not read the folder
            yield LoadError(repr(given_text), "empty path: name a file or folder")
            continue
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
                    if name.startswith(".") or editor_leftover(name):
                        continue
                    found = True
                    full = Path(root) / name
                    yield from _items(printable_path(os.path.join(given_text, os.path.relpath(full, path))), full)
            denied += len(refused)
            yield from _refusals(refused, given_text, path)
            if not found and not denied:
                yield LoadError(shown, "folder holds no files")
        elif path.exists() or path.is_symlink():
            yield from _items(shown, path)
        elif (address := split_address(given_text)) is not None:
            yield _item_input(shown, *address)
        else:
            yield LoadError(shown, "no such file or folder")


def editor_leftover(name: str) -> bool:
    """An editor's backup or autosave beside an article (`a.txt~`, `#a.txt#`): a stale copy of it, not
    another article, so a folder is read without it (named on the command line, it is still read)."""
    return name.endswith("~") or (name.startswith("#") and name.endswith("#") and len(name) > 2)


def split_address(path: str) -> tuple[str, str] | None:
    """(file, item) of `feed.xml#id` or `feed.xml#3` when that file exists (a real file named so wins)."""
    file, mark, item = path.rpartition("#")
    if not mark or not item or "/" in item or os.sep in item or os.path.lexists(path):
        return None
    return (file, item) if os.path.isfile(os.path.expanduser(file)) else None


def _items(shown: str, path: Path) -> Iterator[tuple[str, Path] | LoadError]:
    """A file as one input, or a feed or mailbox as one input per item (`file#id`)."""
    if not may_hold_items(os.fspath(path)):
        yield shown, path
        return
    opened = open_container(path, shown)
    if isinstance(opened, LoadError):
        yield opened
    elif opened[1] is None:
        yield shown, path
    else:
        for item in opened[1].ids:
            yield f"{shown}#{item}", Path(f"{os.fspath(path)}#{item}")


def _item_input(shown: str, file: str, wanted: str) -> tuple[str, Path] | LoadError:
    """`feed.xml#3` or `feed.xml#id` named on the command line, as the input of that item (by id)."""
    opened = open_container(Path(file).expanduser(), shown)
    if isinstance(opened, LoadError):
        return opened
    if opened[1] is None:
        return LoadError(shown, f"{printable_path(file)} holds one article, not items")
    item = resolve(opened[1].ids, wanted, opened[1].positions)
    if item is None:
        count = len(opened[1].ids)
        return LoadError(shown, f"no item {wanted} (the file holds items 1-{count}; `reader list` shows their ids)")
    base = shown[:len(shown) - len(wanted) - 1]
    return f"{base}#{item}", Path(f"{os.path.expanduser(file)}#{item}")


_OPENED: dict[tuple[str, int, int], tuple[Decoded, Container | None] | LoadError] = {}
_OPENED_KEEP = 4  # containers kept parsed per process: expanding and then loading each item parse once


def open_container(path: Path, shown: str) -> tuple[Decoded, Container | None] | LoadError:
    """The decoded file and its items (None when it is a single article); parsed once per file version."""
    try:
        info = os.stat(path)
        stamp = (os.path.abspath(path), info.st_size, info.st_mtime_ns)
    except OSError:
        stamp = None
    found = _OPENED.get(stamp) if stamp else None
    if found is None:
        found = _open(path, shown)
        if stamp:
            while len(_OPENED) >= _OPENED_KEEP:
                _OPENED.pop(next(iter(_OPENED)))
            _OPENED[stamp] = found
    return LoadError(shown, found.error) if isinstance(found, LoadError) else found


def _open(path: Path, shown: str) -> tuple[Decoded, Container | None] | LoadError:
    read = _read_decoded(path, shown)
    if isinstance(read, LoadError):
        return read
    decoded = Decoded(replace_surrogates(read.text), read.encoding, read.warnings)
    try:
        return decoded, container_of(decoded.text, path.suffix)
    except ContainerError as exc:
        return LoadError(shown, str(exc))
    except (RecursionError, MemoryError):
        return LoadError(shown, "too large or too deeply nested to read")
    except Exception as exc:  # a parser bug must cost one file, not the walk
        if os.environ.get("READER_DEBUG"):
            traceback.print_exc(file=sys.stderr)
        return LoadError(shown, f"could not be parsed ({type(exc).__name__}: {exc})")


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
    address = split_address(os.fspath(path))
    if address is not None:
        return _load_item(Path(address[0]), address[1], shown)
    if may_hold_items(os.fspath(path)):
        opened = open_container(path, shown)
        if isinstance(opened, LoadError):
            return opened
        decoded, container = opened
        if container is not None:
            return LoadError(shown, f"holds {len(container.ids)} items: name one as {shown}#1"
                                    " (`reader list` shows their ids)")
    else:
        read = _read_decoded(path, shown)
        if isinstance(read, LoadError):
            return read
        decoded = read
    if looks_like_email(decoded.text, path.suffix):
        return _guarded(shown, lambda: message_article(replace_surrogates(decoded.text), shown, 0, None, decoded.encoding,
                                                       decoded.warnings))
    return _guarded(shown, lambda: build_article(decoded.text, shown, decoded.encoding, decoded.warnings, path.suffix))


def _load_item(file: Path, wanted: str, shown: str) -> Article | LoadError:
    """One item of a feed or mailbox, by id or position."""
    opened = open_container(file, shown)
    if isinstance(opened, LoadError):
        return opened
    decoded, container = opened
    if container is None:
        return LoadError(shown, "holds one article, not items")
    item = resolve(container.ids, wanted, container.positions)
    if item is None:
        return LoadError(shown, f"no item {wanted} in this file")
    number = container.positions[item]
    if shown.endswith(f"#{wanted}") and wanted != item:
        shown = f"{shown[:-len(wanted) - 1]}#{item}"
    warnings = [*decoded.warnings, *container.warnings]
    return _guarded(shown, lambda: container.build(number, shown, decoded.encoding, warnings))


def _read_decoded(path: Path, shown: str) -> Decoded | LoadError:
    """The file's text, or the one-line reason it cannot be read."""
    try:
        return decode_bytes(_read_regular(path))
    except DecodeError as exc:
        return LoadError(shown, str(exc))
    except _NotRegular:
        return LoadError(shown, "not a regular file")
    except _TooLarge as exc:
        return LoadError(shown, f"file is {exc.size / 1e6:.1f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit for an article")
    except PermissionError:
        return LoadError(shown, "permission denied")
    except OSError as exc:
        return LoadError(shown, f"cannot read file ({exc.strerror or exc.__class__.__name__})")


def _guarded(shown: str, build: Callable[[], Article]) -> Article | LoadError:
    """Build an article; a parser bug costs one file (or item), never the run."""
    try:
        return build()
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
