"""Properties every hostile input must keep, shared by the short fuzz tests and the long fuzz benchmark.

For any generated input: a result or one clean error, never another exception; citations inside
the file; text shown anywhere is printable. Each property is a plain function of the input, so
the test module and `tests/benchmarks/bench_fuzz.py` run the same checks at different sizes.
"""
from __future__ import annotations

from hypothesis import strategies as st

from reader.bounded_data import DataError, load_toml, load_yaml
from reader.ingest.article_builder import build_article
from reader.ingest.decode import DecodeError, decode_bytes
from reader.lines import split_lines
from reader.paths import printable_path
from reader.summarize import summarize_article

# Pieces that make parsers branch: fences, markup, separators, odd line ends, controls, bidi.
PIECES = ["---\n", "+++\n", "title: x\n", "date: 2023-02-30\n", "..\n", ".. \n", "\r", "\r\n", "\n\n",
          "<p>", "</p>", "<", ">", "<script>", "&amp;", "&#", "# ", "* ", "> ", "[a](b)", "`", "\t", "\x00",
          "\x1b[31m", "\u202e", "\ufeff", "The council voted on Tuesday. ", "It passed 9-4. ", "“Quote,” she said. ",
          "$30m ", "1.3 million ", "Mr. Smith ", "e.g. ", "¹", "日本語。", "\ud800"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), max_size=60).map("".join)
suffixes = st.sampled_from(["", ".txt", ".md", ".html", ".htm", ".markdown"])


def article_holds(text: str, suffix: str) -> None:
    """Any text parses; every sentence has words and sits inside the file's lines and characters."""
    article = build_article(text, "fuzz" + suffix, suffix=suffix)
    lines = len(split_lines(text))
    for sentence in article.sentences:
        assert sentence.text.strip()
        assert 1 <= sentence.span.start <= sentence.span.end <= max(lines, 1)
        assert 0 <= sentence.start <= sentence.end <= len(text)
    for removed in article.removed:
        assert 1 <= removed.span.start <= removed.span.end <= max(lines, 1)


def summary_holds(text: str, suffix: str) -> None:
    """reader's and lead's summaries of any article quote its own sentences."""
    article = build_article(text, "fuzz" + suffix, suffix=suffix)
    quoted = {s.index for s in article.sentences}
    for algorithm in ("reader", "lead"):
        for item in summarize_article(article, algorithm, 3):
            assert item.unit.sentence.index in quoted and item.text.strip()


def decode_holds(data: bytes) -> None:
    """Any bytes: text, or a DecodeError with its reason."""
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
        return
    assert isinstance(decoded.text, str) and decoded.encoding


def data_holds(text: str) -> None:
    """Any YAML or TOML text: data, or a DataError (never a RecursionError, ValueError or hang)."""
    for load in (load_yaml, load_toml):
        try:
            load(text)
        except DataError as exc:
            assert str(exc)


def path_holds(path: str) -> None:
    """Any name Python can hold becomes text every terminal, JSON encoder and SQLite column takes."""
    shown = printable_path(path)
    shown.encode("utf-8")
    assert printable_path(shown) == shown
