"""YAML and TOML from outside (front matter, themes, config), loaded safely and in bounded work.

Data only: no YAML tags that build objects, a cap on aliases (a 365-byte "billion laughs" file
otherwise expands without end) and on nodes, and nesting too deep for the parser is an error
like any other. Dates stay the text they are and so do integers Python will not convert, so a
bad value costs that value, never the whole file; yes/no/on/off stay words (YAML 1.2).
"""
from __future__ import annotations

from typing import Any

MAX_YAML_ALIASES = 20
MAX_YAML_NODES = 50_000


class DataError(ValueError):
    """The text is not data reader can use; the message says why in a few words."""


def load_yaml(text: str) -> Any:  # noqa: ANN401 - whatever the document holds
    import yaml

    class BoundedLoader(yaml.SafeLoader):
        """SafeLoader that refuses alias bombs and huge documents."""

        aliases = 0
        nodes = 0

        def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: ANN401
            if self.check_event(yaml.AliasEvent):
                self.aliases += 1
                if self.aliases > MAX_YAML_ALIASES:
                    raise DataError("too many YAML aliases")
            self.nodes += 1
            if self.nodes > MAX_YAML_NODES:
                raise DataError("too many YAML nodes")
            return super().compose_node(parent, index)

    BoundedLoader.add_constructor("tag:yaml.org,2002:timestamp", BoundedLoader.construct_scalar)
    BoundedLoader.add_constructor("tag:yaml.org,2002:int", _int_or_text)
    BoundedLoader.add_constructor("tag:yaml.org,2002:bool", _bool_or_text)
    try:
        return yaml.load(text, Loader=BoundedLoader)  # noqa: S506 - a SafeLoader subclass
    except DataError:
        raise
    except yaml.constructor.ConstructorError as exc:
        tag = getattr(exc, "problem", "") or "unsupported tag"
        raise DataError(f"YAML refused ({tag.strip()})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise DataError(f"invalid YAML{where}: {problem}") from None
    except RecursionError:
        raise DataError("YAML nested too deeply") from None


def load_toml(text: str) -> dict[str, Any]:
    """tomllib's result; its errors (and nesting too deep for it) as DataError."""
    import tomllib

    try:
        return tomllib.loads(text)
    except RecursionError:
        raise DataError("TOML nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"invalid TOML: {exc}") from None


def _bool_or_text(loader: Any, node: Any) -> Any:  # noqa: ANN401
    """`true` and `false` are booleans; YAML 1.1's yes, no, on, off are words ("title: On", "source:
    No" name things), as YAML 1.2 reads them."""
    value = loader.construct_scalar(node)
    return {"true": True, "false": False}.get(value.lower(), value)


def _int_or_text(loader: Any, node: Any) -> Any:  # noqa: ANN401
    """YAML's own int, or the digits as text when Python refuses to convert them."""
    try:
        return loader.construct_yaml_int(node)
    except ValueError:
        return loader.construct_scalar(node)
