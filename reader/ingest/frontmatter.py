"""Split YAML (`---`) or TOML (`+++`) front matter from a body, and load it safely and bounded."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MAX_FRONT_MATTER_CHARS = 256 * 1024
MAX_YAML_ALIASES = 20  # guards against "billion laughs" alias bombs
MAX_YAML_NODES = 50_000

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


def parse_front_matter(text: str, block: FrontMatterBlock) -> dict[str, Any]:
    """Parse the located block; data only: no tags, no code, bounded size and aliases."""
    content = text[block.content_start:block.content_end]
    if len(content) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterError(f"front matter larger than {MAX_FRONT_MATTER_CHARS // 1024} KB")
    data = _load_toml(content) if block.kind == "toml" else _load_yaml(content)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter is not a mapping of keys to values")
    return data


def _load_toml(content: str) -> Any:
    import tomllib

    try:
        return tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        raise FrontMatterError(f"invalid TOML front matter: {exc}") from None


def _load_yaml(content: str) -> Any:
    import yaml

    class BoundedLoader(yaml.SafeLoader):
        """SafeLoader that refuses alias bombs and huge documents."""

        aliases = 0
        nodes = 0

        def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: ANN401
            if self.check_event(yaml.AliasEvent):
                self.aliases += 1
                if self.aliases > MAX_YAML_ALIASES:
                    raise FrontMatterError("front matter uses too many YAML aliases")
            self.nodes += 1
            if self.nodes > MAX_YAML_NODES:
                raise FrontMatterError("front matter has too many YAML nodes")
            return super().compose_node(parent, index)

    try:
        return yaml.load(content, Loader=BoundedLoader)  # noqa: S506 - a SafeLoader subclass
    except FrontMatterError:
        raise
    except yaml.constructor.ConstructorError as exc:
        tag = getattr(exc, "problem", "") or "unsupported tag"
        raise FrontMatterError(f"front matter YAML refused ({tag.strip()})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at front-matter line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise FrontMatterError(f"invalid YAML front matter{where}: {problem}") from None
    except RecursionError:
        raise FrontMatterError("front matter YAML nested too deeply") from None
