"""Readable text lines: markup gone, entities decoded, each line labelled with the file line it came from."""
from __future__ import annotations

import html
import re
from pathlib import Path

from reader.ingest import load_article
from reader.ingest.article_builder import build_article
from reader.ingest.readable import text_lines

PROJECT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT / "seeds"
HTML_SEED = SEEDS / "08-bellhaven-evening-star.html"
_TAG = re.compile(r"<[^>]*>")


def raw_lines(path: Path) -> list[str]:
    return re.split(r"\r\n|\r|\n", path.read_text(encoding="utf-8"))


def visible(raw: str) -> str:
    """What a browser would show of one line of HTML, computed here without reader's parser."""
    return " ".join(html.unescape(_TAG.sub(" ", raw)).split())


def test_html_lines_have_no_tags_or_entities_and_name_their_file_line() -> None:
    article = load_article(HTML_SEED)
    lines = text_lines(article)
    raw = raw_lines(HTML_SEED)
    assert lines
    for text_line in lines:
        assert "<" not in text_line.text and "&ldquo;" not in text_line.text and "&rsquo;" not in text_line.text
        assert text_line.text in visible(raw[text_line.line - 1]), text_line
    chanting = next(t for t in lines if t.text.startswith("The chanting started"))
    assert "“Move Bellhaven”" in chanting.text
    assert "&ldquo;Move Bellhaven&rdquo;" in raw[chanting.line - 1]


def test_every_sentence_is_found_on_the_lines_it_cites() -> None:
    for path in (HTML_SEED, SEEDS / "02-metro-transit-wire.md", SEEDS / "09-millbrook-examiner-crlf.txt"):
        article = load_article(path)
        lines = text_lines(article)
        for sentence in article.sentences:
            found = [(t, t.columns(sentence.start, sentence.end)) for t in lines if t.passage == sentence.block]
            found = [(t, c) for t, c in found if c is not None]
            assert found, sentence
            assert {t.line for t, _ in found} <= set(range(sentence.span.start, sentence.span.end + 1))
            shown = " ".join(t.text[a:b] for t, (a, b) in found)
            assert " ".join(shown.split()) == sentence.text, (path.name, sentence.span)


def test_a_hard_wrapped_paragraph_keeps_one_line_per_file_line() -> None:
    text = "Title line here\n\nThe first half of a sentence\nends on the next line. Another one follows.\n"
    article = build_article(text, "wrapped.txt")
    by_line = {t.line: t.text for t in text_lines(article)}
    assert by_line[3] == "The first half of a sentence"
    assert by_line[4] == "ends on the next line. Another one follows."


def test_minified_html_gives_one_line_per_paragraph_on_the_same_file_line() -> None:
    text = ("<html><body><p>First paragraph has enough words to be kept here.</p>"
            "<p>Second paragraph says &amp; more, also with words.</p></body></html>")
    article = build_article(text, "one-line.html", suffix=".html")
    lines = text_lines(article)
    assert [t.line for t in lines] == [1, 1]
    assert lines[1].text == "Second paragraph says & more, also with words."
    amp = lines[1].text.index("&")
    assert lines[1].columns(text.index("&amp;"), text.index("&amp;") + 5) == (amp, amp + 1)


def test_markdown_links_and_emphasis_show_as_text() -> None:
    text = "# A heading\n\nSee the [full report](https://example.org/r) for **all** the figures today.\n"
    article = build_article(text, "links.md", suffix=".md")
    lines = text_lines(article)
    assert lines[0].kind == "heading" and lines[0].text == "A heading"
    # the target is quoted with its link: the sentence's words stand in that order in the file
    assert lines[1].text == "See the full report (https://example.org/r) for all the figures today."
    assert lines[1].line == 3


def test_html_head_scripts_and_styles_are_markup() -> None:
    article = load_article(HTML_SEED)
    raw = raw_lines(HTML_SEED)
    head = next(m for m in article.markup if m.reason == "page head")
    assert raw[head.span.start - 1].strip() == "<head>" and raw[head.span.end - 1].strip() == "</head>"
    text = ("<html>\n<head>\n<title>T</title>\n</head>\n<body>\n<p>Words of the story are here, enough of them.</p>\n"
            "<script>\nvar x = 1;\n</script>\n<style>p { color: red }</style>\n</body>\n</html>\n")
    spans = {(m.span.start, m.span.end, m.reason) for m in build_article(text, "p.html", suffix=".html").markup}
    assert spans == {(2, 4, "page head"), (7, 9, "script"), (10, 10, "style")}


def test_markup_and_passages_do_not_change_what_is_cited() -> None:
    article = load_article(HTML_SEED)
    cited = {line for s in article.sentences for line in range(s.span.start, s.span.end + 1)}
    assert not cited & {line for m in article.markup for line in range(m.span.start, m.span.end + 1)}
    assert all(s.block < len(article.passages) for s in article.sentences)
