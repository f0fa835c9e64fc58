"""Split YAML (`---`) or TOML (`+++`) front matter from a body, and load it safely and bounded."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reader.bounded_data import DataError, load_toml, load_yaml

MAX_FRONT_MATTER_CHARS = 256 * 1024

_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|\Z)")
_OPEN = re.compile(r"\A(?:\ufeff)?(?:[ \t]*(?:\r\n|\r|\n))*(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")


class FrontMatterError(ValueError):
    """The front matter is present but cannot be used."""


@dataclass(slots=True)
class FrontMatterBlock:
    """Where front matter sits in the text, before it is parsed."""

    kind: str
    start: int
    content_start: int
    content_end: int
    end: int


def find_front_matter(text: str) -> FrontMatterBlock | None:
    """Locate a front matter block at the top of `text`; raise if it is opened but never closed."""
    opened = _OPEN.match(text)
    if not opened:
        return None
    fence = opened.group(1)
    closers = (fence, "...") if fence == "---" else (fence,)
    for found in _LINE.finditer(text, opened.end()):
        if found.group(1).rstrip(" \t") in closers:
            content_end, end = found.start(), found.end()
            break
    else:
        raise FrontMatterError(f"front matter opened with {fence!r} is never closed")
    return FrontMatterBlock("yaml" if fence == "---" else "toml", opened.start(1), opened.end(), content_end, end)


def parse_front_matter(text: str, block: FrontMatterBlock, problems: list[str] | None = None) -> dict[str, Any]:
    """Parse the located block; data only: no tags, no code, bounded size and aliases.

    Values that could not be read but cost only themselves are named in `problems`.
    """
    content = text[block.content_start:block.content_end]
    if len(content) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterError(f"front matter larger than {MAX_FRONT_MATTER_CHARS // 1024} KB")
    data = _load_toml(content, problems) if block.kind == "toml" else _load_yaml(content)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter is not a mapping of keys to values")
    return data


MAX_TOML_RETRIES = 8  # bad lines dropped, one at a time, before the whole front matter is given up
_TOML_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def _load_toml(content: str, dropped: list[str] | None = None) -> Any:
    """TOML front matter; a line tomllib refuses (a date like 2023-02-30) is dropped and named in
    `dropped`, so one bad value costs that field, not the article's metadata."""
    lines = content.splitlines(keepends=True)
    for _attempt in range(MAX_TOML_RETRIES + 1):
        try:
            return load_toml("".join(lines))
        except DataError as exc:
            problem = str(exc).removeprefix("invalid TOML: ")
            at = _TOML_AT_LINE.search(problem)
            number = int(at.group(1)) if at else 0
            if not 1 <= number <= len(lines) or dropped is None or lines[number - 1].lstrip().startswith("["):
                reason = f"invalid TOML front matter: {problem}" if at else f"front matter {exc}"
                raise FrontMatterError(reason) from None
            key = lines[number - 1].split("=", 1)[0].strip()[:40] or f"line {number}"
            dropped.append(f"front matter {key!r} could not be read ({_TOML_AT_LINE.sub('', problem).strip()}); ignored")
            lines[number - 1] = "\n"
    raise FrontMatterError("invalid TOML front matter: too many unreadable lines")


def _load_yaml(content: str) -> Any:
    try:
        return load_yaml(content)
    except DataError as exc:
        raise FrontMatterError(f"front matter {exc}") from None
