"""`reader summarize` output for articles: citations, the text layout and the Markdown with footnotes."""
from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from output_helpers import plain_console

from reader.model import LineSpan
from reader.output.summary_text import cite, footnote, markdown, md_code, md_text, print_digest
from reader.summarize.digest import ArticleDigest, DigestItem

FERRY = ArticleDigest(
    "news/ferry.txt", "Ferry *halted*", "2026-03-01", "Harbour Post", None, (),
    (DigestItem("Ferries stopped on Monday.", 3, 3, 0.9), DigestItem("Repairs take [two] weeks.", 5, 6, 0.5)),
)
UNTITLED = ArticleDigest("news/b.md", None, None, None, None, (), (DigestItem("One `line` here.", 1, 1, 1.0),))
EMPTY = ArticleDigest("news/empty.txt", "Nothing", None, None, None, (), ())


def test_cite_uses_the_base_name_and_a_range_only_when_needed() -> None:
    assert cite("news/deep/a.txt", 3, 3) == "a.txt:3"
    assert cite("a.txt", 3, 5) == "a.txt:3-5"
    assert cite("/abs/path/b.md", 12, 12) == "b.md:12"


@pytest.mark.parametrize(("raw", "escaped"), [
    ("plain text.", "plain text."),
    ("a *b* _c_ `d`", "a \\*b\\* \\_c\\_ \\`d\\`"),
    ("[link](x) <b> #tag a|b back\\slash", "\\[link\\](x) \\<b\\> \\#tag a\\|b back\\\\slash"),
    ("  two\n lines  ", "two lines"),
    ("esc \x1b[1m", "esc ^\\[\\[1m"),  # inert first (^[), then the bracket is escaped like any other
])
def test_md_text_keeps_quoted_text_literal(raw: str, escaped: str) -> None:
    assert md_text(raw) == escaped


def test_md_code_cannot_close_its_backticks() -> None:
    assert md_code("we`ird\x07.txt") == "``we`ird^G.txt``"  # the name as it is, not altered
    assert md_code("`start") == "`` `start ``"
    assert md_code("plain.txt") == "`plain.txt`"


def _rendered_text(markdown_source: str) -> str:
    """What a Markdown viewer shows of one line: the text of its inline tokens (markdown-it-py, CommonMark
    with the strikethrough and tables pasted documents commonly get)."""
    parser = MarkdownIt("commonmark").enable(["strikethrough", "table"])
    tokens = parser.parse(markdown_source)
    shown = []
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open") and shown:
            shown.append("<nested list>")
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                shown.append(child.content)
            elif child.type not in ("softbreak",):
                shown.append(f"<{child.type}>")
    return "".join(shown)


@pytest.mark.parametrize("raw", [
    "Fish &amp; chips &copy; 2026 & more",
    "- a dash that would nest a list",
    "1. a number that would nest a list",
    "12) another",
    "+ plus",
    "~~struck~~ and *stars* and __under__",
    "<b>tag</b> [link](http://x) ![img](y) a|b",
    "back\\slash \\* and `code`",
])
def test_md_text_renders_as_the_text_it_quotes(raw: str) -> None:
    assert _rendered_text(f"- {md_text(raw)}") == raw


@pytest.mark.parametrize("name", ["a`b.txt", "`x`.md", "two``ticks.txt", "a&amp;b *c*.txt"])
def test_md_code_renders_as_the_file_name(name: str) -> None:
    assert _rendered_text(f"[^1]: {md_code(name)} line 1").endswith(f"{name} line 1")


def test_footnote_numbers_marks_and_writes_lines() -> None:
    notes: list[str] = []
    assert footnote(notes, "a.txt", LineSpan(4, 4)) == "[^1]"
    assert footnote(notes, "dir/b.md", LineSpan(2, 7), "The *Wire*") == "[^2]"
    assert notes == ["[^1]: `a.txt` line 4", "[^2]: `dir/b.md` lines 2–7 — The \\*Wire\\*"]


def test_markdown_puts_every_footnote_after_all_the_articles() -> None:
    assert markdown([FERRY, UNTITLED]) == (
        "## Ferry \\*halted\\*\n"
        "*Harbour Post · 2026-03-01*\n"
        "\n"
        "- Ferries stopped on Monday.[^1]\n"
        "- Repairs take \\[two\\] weeks.[^2]\n"
        "\n"
        "## (untitled)\n"
        "\n"
        "- One \\`line\\` here.[^3]\n"
        "\n"
        "[^1]: `news/ferry.txt` line 3\n"
        "[^2]: `news/ferry.txt` lines 5–6\n"
        "[^3]: `news/b.md` line 1\n"
    )


def test_markdown_of_nothing_is_one_newline() -> None:
    assert markdown([]) == "\n"


def test_text_layout_numbers_sentences_and_cites_each() -> None:
    console, out = plain_console()
    print_digest(FERRY, console)
    print_digest(EMPTY, console, first=False)
    assert out.getvalue().splitlines() == [
        "Ferry *halted*",
        "Harbour Post · 2026-03-01 · news/ferry.txt",
        " 1. Ferries stopped on Monday.",
        "    ferry.txt:3",
        " 2. Repairs take [two] weeks.",
        "    ferry.txt:5-6",
        "",
        "",  # articles after the first are set apart
        "Nothing",
        "news/empty.txt",
        "    (no summary: no article text)",
    ]


def test_text_layout_makes_untrusted_titles_and_sentences_inert() -> None:
    digest = ArticleDigest("x\x1b.txt", "Title \x1b[2J\nsecond line", None, None, None, (),
                           (DigestItem("Bad \x9b sentence.", 1, 1, 1.0),))
    console, out = plain_console()
    print_digest(digest, console)
    text = out.getvalue()
    assert "\x1b" not in text and "\x9b" not in text
    assert text.splitlines()[:4] == ["Title ^[[2J second line", "x^[.txt", " 1. Bad <U+009B> sentence.",
                                     "    x^[.txt:1"]
