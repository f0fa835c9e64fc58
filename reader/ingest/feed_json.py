"""JSON read with the file span of every string, in bounded work, for JSON Feed items.

`json.loads` gives values without positions; an item's `content_html` must cite the lines that
hold it. This small recursive-descent reader uses the standard library's own string scanner and
keeps each string's span; `json_text` then maps the string's characters (escapes included) back
to the file. Depth and the number of values are capped, so a hostile file costs bounded time.
"""
from __future__ import annotations

import json
import re
from json.decoder import scanstring
from typing import Any

from reader.ingest.blocks import Block

MAX_DEPTH = 64
MAX_VALUES = 500_000
_SPACE = re.compile(r"[ \t\r\n]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}(?:\\u[dD][c-fC-F][0-9a-fA-F]{2})?|.)", re.DOTALL)
_WORDS = {"true": True, "false": False, "null": None}


class JsonError(ValueError):
    """Not JSON reader can read; the message is one plain phrase."""


class Text(str):
    """A JSON string value that remembers where it sits in the file (between its quotes)."""

    start: int
    end: int


class Object(dict):  # type: ignore[type-arg]
    """A JSON object that remembers its span in the file (braces included)."""

    start: int
    end: int


def parse_json(text: str) -> Any:  # noqa: ANN401 - whatever the document holds
    """The document's value, strings as `Text`; raises JsonError on bad or too deep JSON."""
    reader = _Reader(text)
    value = reader.value(0)
    reader.skip()
    if reader.pos != len(text):
        raise JsonError(f"extra data after the JSON value at offset {reader.pos}")
    return value


class _Reader:
    def __init__(self, text: str) -> None:
        self.text, self.pos, self.count = text, 0, 0

    def skip(self) -> None:
        self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def value(self, depth: int) -> Any:  # noqa: ANN401
        if depth > MAX_DEPTH:
            raise JsonError(f"JSON nested more than {MAX_DEPTH} deep")
        self.count += 1
        if self.count > MAX_VALUES:
            raise JsonError(f"more than {MAX_VALUES:,} JSON values")
        self.skip()
        text, pos = self.text, self.pos
        char = text[pos:pos + 1]
        if char == '"':
            return self.string()
        if char in "{[":
            return self.container(char, depth)
        for word, value in _WORDS.items():
            if text.startswith(word, pos):
                self.pos = pos + len(word)
                return value
        number = _NUMBER.match(text, pos)
        if number and number.end() > pos:
            self.pos = number.end()
            return json.loads(number.group())
        raise JsonError(f"unexpected {char!r} at offset {pos}" if char else "JSON ends too soon")

    def string(self) -> Text:
        try:
            raw, end = scanstring(self.text, self.pos + 1, True)
        except json.JSONDecodeError as exc:
            raise JsonError(f"bad JSON string at offset {exc.pos}") from None
        out = Text(raw)
        out.start, out.end = self.pos + 1, end - 1
        self.pos = end
        return out

    def container(self, opener: str, depth: int) -> Any:  # noqa: ANN401
        closer = "}" if opener == "{" else "]"
        items: list[Any] = []
        pairs = Object()
        pairs.start = self.pos
        self.pos += 1
        self.skip()
        if self.text.startswith(closer, self.pos):
            self.pos += 1
            pairs.end = self.pos
            return pairs if opener == "{" else items
        while True:
            if opener == "{":
                self.skip()
                if not self.text.startswith('"', self.pos):
                    raise JsonError(f"expected a key at offset {self.pos}")
                key = self.string()
                self.skip()
                if not self.text.startswith(":", self.pos):
                    raise JsonError(f"expected ':' at offset {self.pos}")
                self.pos += 1
                pairs[str(key)] = self.value(depth + 1)
            else:
                items.append(self.value(depth + 1))
            self.skip()
            char = self.text[self.pos:self.pos + 1]
            self.pos += 1
            if char == closer:
                pairs.end = self.pos
                return pairs if opener == "{" else items
            if char != ",":
                raise JsonError(f"expected ',' or {closer!r} at offset {self.pos - 1}" if char else "JSON ends too soon")


def json_text(text: str, value: Text) -> Block:
    """A string value's characters mapped to the file: plain runs exact, each escape at its backslash."""
    out = Block()
    pos = value.start
    for found in _ESCAPE.finditer(text, value.start, value.end):
        out.add(text[pos:found.start()], pos)
        try:
            decoded = json.loads(f'"{found.group()}"')
        except ValueError:
            decoded = "\ufffd"
        out.add(decoded, found.start(), False)
        pos = found.end()
    out.add(text[pos:value.end], pos)
    return out
