"""The data every part of reader shares: articles, their sentences and where they came from.

Positions are the data: a sentence's identity is (article path, index), never its text,
and its `LineSpan` points at 1-based, inclusive lines of the decoded file.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from reader.lines import LineIndex, index_of, split_lines
from reader.text_scripts import count_words

@dataclass(frozen=True, slots=True)
class LineSpan:
    """An inclusive, 1-based range of lines in the decoded source file."""

    start: int
    end: int

    def __str__(self) -> str:
        return f"L{self.start}" if self.start == self.end else f"L{self.start}-{self.end}"

    def contains(self, line: int) -> bool:
        return self.start <= line <= self.end


MAX_QUOTE_CHARS = 1500  # a longer "sentence" is a runaway line (a dump, a page of unpunctuated text), never quoted


@dataclass(frozen=True, slots=True)
class Sentence:
    """One kept sentence of an article, with its exact place in the file."""

    index: int
    text: str
    span: LineSpan
    start: int  # character offset in the decoded file
    end: int  # character offset one past the last character
    block: int  # paragraph number within the article
    segment: int  # which glued-in copy it belongs to
    kind: str = "text"  # "text", "heading" or "excerpt"

    @property
    def is_candidate(self) -> bool:
        """Whether a summarizer may quote it: real prose, not a heading or a runaway line."""
        if self.kind == "heading" or len(self.text) > MAX_QUOTE_CHARS or count_words(self.text) < 3:
            return False
        # A sentence that only introduces a list ("Other provisions:") says nothing on its own.
        if self.text.endswith(":"):
            return False
        # A front-matter excerpt cut off mid-sentence ("…to do ...") is not worth quoting.
        return not (self.kind == "excerpt" and self.text.endswith(("...", "…")))


@dataclass(frozen=True, slots=True)
class Removed:
    """Lines left out of the article text, and why."""

    span: LineSpan
    reason: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class Passage:
    """A kept paragraph as a reader sees it (markup gone, entities decoded), mapped back to the file.

    The same piecewise map as ingest's blocks, kept so a view can show the readable text and still
    label it with the file lines citations name: piece i covers characters `starts[i]` up to the
    next start; when `exact[i]`, character j of it sits at file offset `offsets[i] + j`, otherwise
    all of it maps to `offsets[i]` (a decoded entity, a rendered link). `Sentence.block` indexes these.
    """

    kind: str
    text: str
    starts: tuple[int, ...]
    offsets: tuple[int, ...]
    exact: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    """One outlet's copy inside a file that glues several together."""

    span: LineSpan
    duplicate_of: int | None = None
    echoes: int | None = None  # the earlier copy it repeats sentences of, when it repeats any


@dataclass(frozen=True, slots=True)
class Related:
    """A related article named in front matter (title, excerpt, provider, link)."""

    title: str | None = None
    excerpt: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(slots=True)
class Article:
    """A parsed input file: metadata, kept sentences, and everything that was left out."""

    path: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    topics: list[str] = field(default_factory=list)
    excerpt: str | None = None
    related: list[Related] = field(default_factory=list)
    encoding: str = "utf-8"
    format: str = "text"  # "text", "markdown" or "html"
    warnings: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    metadata_span: LineSpan | None = None  # front matter or date prefix lines
    passages: list[Passage] = field(default_factory=list)  # the kept text, block by block
    markup: list[Removed] = field(default_factory=list)  # HTML page code (head, scripts, styles): never text
    text: str = ""  # the decoded file, for showing source lines
    author: str | None = None
    # An item of a file that holds several (a feed's items, a mailbox's messages): `path` is then
    # `file#item`, and `item_lines` the lines of the file the item takes up.
    item: str | None = None
    item_lines: LineSpan | None = None
    _line_index: LineIndex | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def file(self) -> str:
        """The file the article is in: `path` without the `#item` of an item."""
        return path_file(self.path, self.item)

    @property
    def lines(self) -> list[str]:
        """The decoded file split the way citations count lines (\\n, \\r\\n or \\r)."""
        return split_lines(self.text)

    @property
    def line_index(self) -> LineIndex:
        """Where each line of `text` starts; built once (the builder's own), then shared by every screen."""
        if self._line_index is None:
            self._line_index = index_of(self.text)
        return self._line_index

    @property
    def full_title(self) -> str | None:
        """The title without the display cut: an untitled article is named by its first sentence, which
        ingest shortens for lists; JSON and the caches keep it whole."""
        title = self.title
        if title and title.endswith("…") and self.sentences:
            first = " ".join(self.sentences[0].text.split())
            if first != title and first.startswith(title[:-1]) and len(first) <= MAX_QUOTE_CHARS:
                return first  # a runaway line (a 2 MB "sentence") keeps the cut title everywhere
        return title

    @property
    def word_count(self) -> int:
        return sum(count_words(s.text) for s in self.sentences)


def path_file(path: str, item: str | None) -> str:
    """The file of an address: `feed.xml#3f9a1c2e` with item `3f9a1c2e` is `feed.xml`."""
    return path[:-len(item) - 1] if item and path.endswith(f"#{item}") else path


@dataclass(frozen=True, slots=True)
class LoadError:
    """A file that could not be read as an article, with a one-line reason."""

    path: str
    error: str

    def __str__(self) -> str:
        return f"{self.path}: {self.error}"
