"""A feed's XML as a light tree of elements that know where they sit in the file, parsed safely.

feedparser is the usual feed parser, but it hands back decoded strings with no positions, and a
citation needs the file offsets of an item's text. expat (the standard library's C parser) reports
the byte index of every tag, so the tree below records each element's span and the text is read
from the file itself (source_map.xml_text). Safety is defusedxml's recipe, applied to the raw
parser: any entity declaration is refused (billion laughs, XXE), external entities and parameter
entities are never resolved, so nothing is read from disk or network; depth and size are bounded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat

MAX_DEPTH = 64
MAX_ELEMENTS = 200_000
_START_TAG = re.compile(rb"<[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>")


class FeedXmlError(ValueError):
    """The XML cannot be read (broken, hostile, too deep); the message is one plain phrase."""

    def __init__(self, message: str, elements: list[Element] | None = None, line: int = 0) -> None:
        super().__init__(message)
        self.elements = elements or []  # top-level elements read before the problem
        self.line = line


@dataclass(slots=True)
class Element:
    """An element: local name, namespace, attributes (local names), its children and character offsets.

    `inner_start`/`inner_end` bound what is between the start and end tags (empty for `<x/>`).
    """

    name: str
    namespace: str
    attrs: dict[str, str]
    start: int
    inner_start: int
    inner_end: int = -1
    end: int = -1
    children: list[Element] = field(default_factory=list)

    def child(self, *names: str) -> Element | None:
        """The first child with one of these local names, in the order of `names`."""
        for name in names:
            for node in self.children:
                if node.name == name:
                    return node
        return None

    def all(self, name: str) -> list[Element]:
        return [node for node in self.children if node.name == name]


def _split(name: str) -> tuple[str, str]:
    namespace, _, local = name.rpartition(" ")
    return local, namespace


def _refuse(*_args: object) -> None:
    raise FeedXmlError("it declares XML entities, refused as a guard against entity expansion and external entities")


class _Builder:
    """expat handlers that build the tree with byte offsets, converted to characters at the end."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.root: list[Element] = []
        self.stack: list[Element] = []
        self.count = 0
        self.parser = expat.ParserCreate(encoding="utf-8", namespace_separator=" ")
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.EntityDeclHandler = _refuse
        self.parser.UnparsedEntityDeclHandler = _refuse
        self.parser.ExternalEntityRefHandler = _refuse
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.count += 1
        if self.count > MAX_ELEMENTS:
            raise FeedXmlError(f"more than {MAX_ELEMENTS:,} XML elements")
        if len(self.stack) >= MAX_DEPTH:
            raise FeedXmlError(f"XML nested more than {MAX_DEPTH} deep")
        at = self.parser.CurrentByteIndex
        tag = _START_TAG.match(self.data, at)
        inner = tag.end() if tag else at
        local, namespace = _split(name)
        node = Element(local, namespace, {_split(k)[0]: v for k, v in attrs.items()}, at, inner)
        if tag and tag.group().endswith(b"/>"):
            node.inner_end = inner
        (self.stack[-1].children if self.stack else self.root).append(node)
        self.stack.append(node)

    def end(self, _name: str) -> None:
        node = self.stack.pop()
        at = self.parser.CurrentByteIndex
        if node.inner_end < 0:  # not <x/>: the end tag starts here
            node.inner_end = at
            close = self.data.find(b">", at)
            node.end = close + 1 if close >= 0 else len(self.data)
        else:
            node.end = node.inner_end


def parse_xml(text: str) -> list[Element]:
    """The top-level elements of `text` with character offsets; raises FeedXmlError (carrying the
    elements read before a break, offsets converted) on broken or hostile XML."""
    data = text.encode("utf-8", "surrogatepass")
    builder = _Builder(data)
    try:
        builder.parser.Parse(data, True)
    except FeedXmlError as exc:
        exc.elements = _chars(builder.root, data, text)
        raise
    except expat.ExpatError as exc:
        line = exc.lineno
        raise FeedXmlError(f"broken XML at line {line} ({expat.ErrorString(exc.code)})",
                           _chars(builder.root, data, text), line) from None
    except RecursionError:
        raise FeedXmlError("XML nested too deeply") from None
    return _chars(builder.root, data, text)


def _chars(roots: list[Element], data: bytes, text: str) -> list[Element]:
    """Byte offsets turned into character offsets (one pass in document order); unfinished elements keep -1 ends."""
    if len(data) == len(text):  # ASCII: bytes are characters
        return roots
    nodes: list[Element] = []
    todo = list(reversed(roots))
    while todo:
        node = todo.pop()
        nodes.append(node)
        todo.extend(reversed(node.children))
    marks = sorted({x for n in nodes for x in (n.start, n.inner_start, n.inner_end, n.end) if x >= 0})
    table: dict[int, int] = {}
    byte_at = char_at = 0
    for mark in marks:
        char_at += len(data[byte_at:mark].decode("utf-8", "surrogatepass"))
        byte_at = mark
        table[mark] = char_at
    for node in nodes:
        node.start, node.inner_start = table[node.start], table[node.inner_start]
        node.inner_end = table.get(node.inner_end, -1)
        node.end = table.get(node.end, -1)
    return roots
