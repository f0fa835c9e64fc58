"""HTML pages: main text only, metadata from the head, and every character traced back to the page source."""
from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import pytest

from reader.ingest.blocks import Block
from reader.ingest.html_meta import strip_site_suffix
from reader.ingest.html_page import HtmlPage, looks_like_html, parse_html
from reader.lines import LineIndex, split_lines

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


def load(name: str) -> str:
    """Decoded exactly as stored: no newline translation, so CRLF stays CRLF."""
    return (FIXTURES / name).read_bytes().decode("utf-8")


def texts(page: HtmlPage) -> list[tuple[str, str]]:
    """(kind, text with whitespace collapsed, as the caller will collapse it)."""
    return [(b.kind, " ".join(b.text.split())) for b in page.blocks]


def assert_maps_back(text: str, block: Block) -> None:
    """Exact pieces are slices of the file; decoded entities and <br> point at their '&' or '<'."""
    for i, char in enumerate(block.text):
        offset = block.to_file(i)
        piece = bisect_right(block.piece_starts, i) - 1
        if block.exact[piece]:
            assert text[offset] == char, (i, char, text[offset - 10:offset + 10])
        else:
            assert text[offset] in "&<", (i, char, text[offset:offset + 10])


def line_of_word(text: str, index: LineIndex, block: Block, word: str) -> int:
    at = block.text.index(word)
    return index.line_of(block.to_file(at))


def assert_words_on_their_lines(text: str, page: HtmlPage) -> None:
    """Every plain word of every block is found on the source line its first character maps to."""
    index = LineIndex(text)
    lines = split_lines(text)
    for block in page.blocks:
        assert_maps_back(text, block)
        cursor = 0
        for word in block.text.split():
            at = block.text.index(word, cursor)
            cursor = at + len(word)
            if not (word.isascii() and word.isalnum()):  # words with entities are spelled differently
                continue
            line = index.line_of(block.to_file(at))
            assert word in lines[line - 1], (word, line, lines[line - 1])


# -- a modern article page ------------------------------------------------------------------------

FERRY = "pike_island_ferry.html"


def test_ferry_metadata() -> None:
    page = parse_html(load(FERRY))
    assert page.meta == {
        "title": "Ferry service to Pike Island returns after two-year pause",
        "date": "2024-05-18",  # the day of article:published_time 2024-05-18T09:45:00Z
        "author": "Priya Natarajan",  # <meta name=author>, and the byline's rel=author link
        "source": "The Lakeside Gazette",
        "url": "https://lakesidegazette.example/news/2024/05/18/pike-island-ferry-returns",
        "topics": ["Transportation", "Pike Island", "ferries", "Lake Marren", "County budget"],
        "excerpt": "The county\u2019s new hybrid ferry made its first crossing on Saturday morning.",
    }


def test_ferry_blocks_are_the_story_only() -> None:
    page = parse_html(load(FERRY))
    assert texts(page) == [
        ("heading", "Ferry service to Pike Island returns after two-year pause"),
        ("paragraph", "The Marren Star, the county\u2019s first hybrid ferry, left the Dunmore pier at 7:05 a.m. "
                      "Saturday with 112 passengers & 14 bicycles aboard."),
        ("paragraph", "Service to Pike Island stopped in April 2022, when inspectors found corrosion in the hull "
                      "of the old diesel boat. Islanders have relied on a water taxi since\u2014a trip that costs "
                      "$18 each way."),
        ("paragraph", "\u201cWe\u2019ve waited a long time for this,\u201d said Tom\u00e1s Ruiz, who runs the "
                      "island\u2019s only grocery store. \u201cNow my deliveries come by boat again.\u201d"),
        ("heading", "What riders should know"),
        ("item", "Crossings leave every 90 minutes from 6:30 a.m."),
        ("item", "A round trip costs $6 for adults and $3 for children."),
        ("quote", "The hybrid engines cut fuel use by about 40 percent."),
        ("paragraph", "The county paid $9.4 million for the vessel, with 60 percent covered by a state grant."),
    ]


def test_ferry_furniture_is_dropped_with_reasons() -> None:
    text = load(FERRY)
    page = parse_html(text)
    joined = " ".join(b.text for b in page.blocks)
    for furniture in ("cookies", "Accept", "Weather", "Morning Brief", "newsletter", "Subscribe", "Share this story",
                      "Facebook", "Most read", "School board", "All rights reserved", "Privacy policy", "not text"):
        assert furniture not in joined
    assert [reason for _, _, reason in page.dropped] == [
        "header", "cookie notice", "link list", "newsletter form", "share buttons", "related links", "footer",
    ]
    spans = {reason: text[start:end] for start, end, reason in page.dropped}
    assert spans["cookie notice"] == "We use cookies to improve your experience on our site."
    assert spans["newsletter form"].startswith("Get the Morning Brief")
    assert spans["newsletter form"].endswith("Sign up for our free daily newsletter.")
    assert "Storm knocks out power" in spans["related links"]
    assert spans["footer"].startswith("&copy; 2024") and spans["footer"].endswith("Privacy policy")


def test_ferry_positions_point_at_the_html_source() -> None:
    text = load(FERRY)
    page = parse_html(text)
    assert_words_on_their_lines(text, page)
    index = LineIndex(text)
    headline, first, _, third, *_ = page.blocks
    assert line_of_word(text, index, headline, "Ferry") == 43
    assert line_of_word(text, index, first, "Dunmore") == 47
    assert line_of_word(text, index, first, "Saturday") == 48  # the paragraph wraps in the source
    assert line_of_word(text, index, third, "Ruiz") == 56
    # Decoded entities map to their ampersand: the "&" of "&amp;", the "\u2019" of "&#8217;".
    amp = first.text.index("&")
    assert text[first.to_file(amp):first.to_file(amp) + 5] == "&amp;"
    apostrophe = first.text.index("\u2019")
    assert text[first.to_file(apostrophe):].startswith("&#8217;s first hybrid")
    nbsp = page.blocks[-1].text.index("\u00a0")
    assert text[page.blocks[-1].to_file(nbsp):].startswith("&nbsp;million")
    assert text[first.file_start:].startswith("The <em>Marren Star</em>")


# -- an old table layout with CRLF line endings, no <article> or <main> ----------------------------

MILLBROOK = "millbrook_library_crlf.html"


def test_millbrook_is_really_crlf() -> None:
    raw = (FIXTURES / MILLBROOK).read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") > 30


def test_millbrook_metadata_from_title_and_plain_meta() -> None:
    page = parse_html(load(MILLBROOK))  # its JSON-LD is broken: ignored, no crash
    assert page.meta == {
        "title": "Millbrook council approves library budget",  # " - Millbrook Herald" is the site's name
        "date": "2023-11-02",
        "source": "Millbrook Herald",
        "topics": ["budget", "libraries", "city council"],
        "excerpt": "A 7-2 vote keeps branch libraries open on Sundays.",
    }


def test_millbrook_body_text_and_double_breaks() -> None:
    text = load(MILLBROOK)
    page = parse_html(text)
    assert texts(page) == [
        ("heading", "Millbrook council approves library budget"),
        ("paragraph", "The Millbrook City Council voted 7-2 on Tuesday to approve a $2.1 million library budget "
                      "for 2024."),
        ("paragraph", "The plan keeps all three branch libraries open on Sundays, reversing cuts proposed in "
                      "August. Council member Ada Okafor called it \"a small price for a big public good.\""),
        ("paragraph", "Two members voted no, citing rising pension costs."),
    ]
    assert [reason for _, _, reason in page.dropped] == ["navigation", "comments", "sidebar", "footer"]
    joined = " ".join(b.text for b in page.blocks)
    for furniture in ("Home", "Contact", "Reader comments", "Great news", "Advertise", "archive", "Copyright"):
        assert furniture not in joined
    assert all(b.text == b.text.strip() for b in page.blocks)  # no stray "\r" or "\n" at the edges


def test_millbrook_positions_with_crlf() -> None:
    text = load(MILLBROOK)
    page = parse_html(text)
    assert_words_on_their_lines(text, page)
    index = LineIndex(text)
    headline, first, second, third = page.blocks
    assert line_of_word(text, index, headline, "Millbrook") == 16
    assert line_of_word(text, index, first, "Tuesday") == 18
    assert line_of_word(text, index, second, "Okafor") == 20
    assert line_of_word(text, index, third, "pension") == 21


# -- a malformed blog page: unclosed <p>/<li>, stray end tags, role=main inside a "has-sidebar" wrapper --

TOMATO = "tomato_blog_malformed.html"


def test_tomato_metadata_from_json_ld_graph() -> None:
    page = parse_html(load(TOMATO))
    assert page.meta == {
        "title": "Why my tomatoes split this summer",  # JSON-LD headline beats <title>
        "date": "2022-08-30",
        "author": "Morag Ellis",  # the JSON-LD Person
        "source": "Green Row Blog",
        "topics": ["gardening", "tomatoes"],
    }


def test_tomato_malformed_markup_still_reads() -> None:
    text = load(TOMATO)
    page = parse_html(text)
    assert texts(page) == [
        ("heading", "Why my tomatoes split this summer"),
        ("paragraph", "After three dry weeks, the storm on 14 August dumped 40 mm of rain in one night."),
        ("paragraph", "By morning, half the Sungold fruit had cracked. The Brandywine plants were fine"),
        ("paragraph", "AT&T engineer turned gardener? No \u2014 just a retired teacher \u00a9 2022."),
        ("item", "Water deeply twice a week"),
        ("item", "Mulch to keep moisture even"),
        ("paragraph", "Next year I will try the grafted varieties."),
    ]
    assert [reason for _, _, reason in page.dropped] == ["comments", "sidebar", "outside main content"]
    assert_words_on_their_lines(text, page)
    index = LineIndex(text)
    assert line_of_word(text, index, page.blocks[2], "Brandywine") == 15
    assert line_of_word(text, index, page.blocks[3], "engineer") == 16
    at_t = page.blocks[3]
    assert text[at_t.to_file(2):at_t.to_file(2) + 2] == "&T"  # not an entity: kept verbatim, exact


# -- small pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("html", [
    "", "   \r\n  ", "<", "&", "<p>", "</p>", "<!--", "<![foo bar]><p>x", "<p>x<![ zz", "<p>a &#; b &#xZZ; c</p>",
    "<div><span><p>unclosed", "</div></div></span>text", "<html><head><title>t", "<script>never closed",
    "<p>a</br>b", "<a href='x'><a href='y'>z", "<table><tr><td>a<td>b<tr><td>c", "<svg/><p>after svg</p>",
    "<p class=\"unclosed>text", "<h1>a<h2>b</h1>c", "<!DOCTYPE html><p>&#0;&#x110000;&#150;&notanentity;",
    "<li>one<li>two</ul></ol>", "<body></body><p>after body</p></html>",
])
def test_malformed_never_crashes_and_stays_exact(html: str) -> None:
    page = parse_html(html)
    for block in page.blocks:
        assert block.text.strip()
        assert_maps_back(html, block)
    for start, end, _ in page.dropped:
        assert 0 <= start < end <= len(html)


def test_implied_end_tags_and_breaks() -> None:
    page = parse_html("<div>lead<p>one<p>two<br>still two<ul><li>a<li>b</ul>tail</div>")
    assert [(b.kind, b.text) for b in page.blocks] == [
        ("paragraph", "lead"), ("paragraph", "one"), ("paragraph", "two\nstill two"),
        ("item", "a"), ("item", "b"), ("paragraph", "tail"),
    ]


def test_text_after_a_stray_end_tag_and_after_body() -> None:
    page = parse_html("<body><article><p>First part of the story.</p></span></article></body><p>Late.</p>")
    assert [b.text for b in page.blocks][:1] == ["First part of the story."]


def test_empty_document() -> None:
    page = parse_html("")
    assert page.meta == {} and page.blocks == [] and page.dropped == []


def test_deep_nesting_keeps_both_texts() -> None:
    n = 20_000  # far past any recursion limit: the open elements are a list, never a call stack
    page = parse_html("<div>" * n + "deep text" + "</div>" * n + "<section>" * n + "<p>x")
    assert [b.text for b in page.blocks] == ["deep text", "x"]


def test_ten_megabytes_on_one_line() -> None:
    html = "<p>" + "word " * 2_000_000 + "</p>"
    page = parse_html(html)
    assert len(page.blocks) == 1 and page.blocks[0].length == 10_000_000 - 1
    assert page.blocks[0].to_file(5) == 3 + 5


def test_a_long_page_reads_every_copy_of_its_story_in_place() -> None:
    text = load(FERRY)
    story = text[text.index("<main"):text.index("</main>") + 7]
    big = text.replace(story, story * 16)
    page = parse_html(big)
    assert len(page.blocks) >= 9
    assert_words_on_their_lines(big, page)


# How fast these run is measured in tests/benchmarks/bench_html_page.py; here the work is counted.
# Python line events are the unit: deterministic, and what a quadratic loop over the open elements
# (the bug _SCAN guards against) multiplies. Doubling the input must about double the count.

def line_steps(parse: Callable[[], object]) -> int:
    """How many Python lines run inside `parse` (the tracer is the previous one again afterwards)."""
    steps = 0

    def local(frame: FrameType, event: str, arg: object) -> Callable[..., object]:
        nonlocal steps
        if event == "line":
            steps += 1
        return local

    previous = sys.gettrace()
    sys.settrace(lambda frame, event, arg: local)
    try:
        parse()
    finally:
        sys.settrace(previous)
    return steps


def _ferry_copies(n: int) -> str:
    text = load(FERRY)
    story = text[text.index("<main"):text.index("</main>") + 7]
    return text.replace(story, story * n)


GROWING = {  # name -> (page of size n, n)
    "nested divs, closed, then left open": (lambda n: "<div>" * n + "deep text" + "</div>" * n + "<section>" * n
                                            + "<p>x", 1000),
    "blocks opened below a <p> that a <marquee> scopes": (lambda n: "<p>a<marquee>" + "<div>" * n + "x", 1000),
    "end tags of an inline element below a block": (lambda n: "<i>a<div>" + "<b>" * n + "x" + "</i>" * n, 1000),
    "list items holding spans": (lambda n: "<ul>" + "<li><span>a" * n, 1000),
    "entities on one long line": (lambda n: "<p>" + "a &amp; b " * n + "</p>", 1000),
    "one long line of words": (lambda n: "<p>" + "word " * n + "</p>", 100_000),
    "copies of a real story": (_ferry_copies, 8),
}


@pytest.mark.parametrize("name", GROWING)
def test_parsing_work_grows_linearly(name: str) -> None:
    page, n = GROWING[name]
    once, twice = line_steps(lambda: parse_html(page(n))), line_steps(lambda: parse_html(page(2 * n)))
    assert twice < 2.3 * once, (once, twice)  # quadratic work would be about 4x


def test_step_counting_sees_quadratic_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: without the _SCAN bound, blocks below a scoped <p> cost 4x per doubling."""
    import reader.ingest.html_page as html_page

    monkeypatch.setattr(html_page, "_SCAN", 10**9)
    page, _ = GROWING["blocks opened below a <p> that a <marquee> scopes"]
    once, twice = line_steps(lambda: parse_html(page(400))), line_steps(lambda: parse_html(page(800)))
    assert twice > 3.5 * once, (once, twice)


# -- choosing the main text ------------------------------------------------------------------------

PARA = "<p>" + "Council members debated the plan for hours before the final vote was taken. " * 3 + "</p>"


def test_the_article_with_most_text_wins_over_teaser_cards() -> None:
    html = ("<body><article class='card'><h2><a href='/a'>Teaser</a></h2><p>Short teaser text.</p></article>"
            f"<article><h1>Real story</h1>{PARA}{PARA}<aside><p>Pull quote text</p></aside>"
            "<div class='related-links'><p>Other story, and more</p></div></article></body>")
    page = parse_html(html, library=False)  # reader's own rules: the fallback when the library cannot judge
    assert [b.text for b in page.blocks][0] == "Real story"
    assert len(page.blocks) == 3
    assert [r for _, _, r in page.dropped] == ["outside article", "sidebar", "related links"]


def test_an_article_holding_little_of_the_text_is_not_trusted() -> None:
    html = f"<body><article><p>Tiny teaser card.</p></article><div>{PARA}{PARA}{PARA}</div></body>"
    assert len(parse_html(html, library=False).blocks) == 4  # body mode: the teaser and the three paragraphs


def test_headline_above_the_article_is_kept() -> None:
    html = ("<head><meta property='og:title' content='Bridge reopens'></head><body><nav><h1>Site</h1></nav>"
            f"<header><h1>Bridge reopens</h1></header><article>{PARA}</article></body>")
    page = parse_html(html)
    assert [b.kind for b in page.blocks] == ["heading", "paragraph"]
    assert page.blocks[0].text == "Bridge reopens"


def test_a_class_wrapping_the_whole_story_is_not_furniture() -> None:
    html = f"<body><div class='layout with-sidebar'><div class='content'>{PARA}{PARA}</div>" \
           "<div class='sidebar'><p>Side</p></div></div></body>"
    page = parse_html(html)
    assert len(page.blocks) == 2
    assert page.dropped[-1][2] == "sidebar"


def test_hidden_story_behind_an_open_dialog_still_reads() -> None:
    html = f"<body><div aria-hidden='true'><article>{PARA}{PARA}</article></div>" \
           "<div role='dialog'><p>Subscribe to keep reading</p></div><p hidden>gone</p><span hidden>gone</span></body>"
    page = parse_html(html)
    assert len(page.blocks) == 2 and "gone" not in "".join(b.text for b in page.blocks)


def test_blog_theme_classes_name_topics_not_furniture() -> None:
    html = ("<body class='single nav-open'><div id='page'><header id='masthead' class='site-header'>"
            "<p class='site-title'>Allotment Diaries</p><nav class='main-navigation'><a href='/'>Home</a></nav>"
            "</header><div id='content' class='site-content'><main id='main' class='site-main'>"
            "<article class='post type-post hentry category-popular tag-social-media tag-comments'>"
            "<header class='entry-header'><h1 class='entry-title'>Seed swap</h1></header>"
            f"<div class='entry-content'>{PARA}{PARA}</div><footer class='entry-footer'>Posted in News</footer>"
            "</article><div id='comments' class='comments-area'><p>Nice post!</p></div></main></div>"
            "<aside id='secondary' class='widget-area'><p>Archives</p></aside></div></body>")
    page = parse_html(html)
    assert [b.kind for b in page.blocks] == ["heading", "paragraph", "paragraph"]
    assert [r for _, _, r in page.dropped] == ["header", "footer", "comments", "sidebar"]


def test_link_lists_dropped_and_neighbours_merged() -> None:
    html = ("<body><div><a href='/1'>One</a> <a href='/2'>Two</a></div><div><a href='/3'>Three</a></div>"
            f"<nav>Menu A</nav><nav>Menu B</nav>{PARA}<nav>Menu C</nav></body>")
    page = parse_html(html)
    assert len(page.blocks) == 1
    reasons = [(html[s:e], r) for s, e, r in page.dropped]
    assert reasons == [
        ("One</a> <a href='/2'>Two</a></div><div><a href='/3'>Three", "link list"),
        ("Menu A</nav><nav>Menu B", "navigation"),
        ("Menu C", "navigation"),
    ]


# -- metadata details ------------------------------------------------------------------------------


def test_json_ld_over_200k_is_skipped_and_bad_json_ignored() -> None:
    big = '{"@type": "NewsArticle", "headline": "From JSON-LD"' + " " * 210_000 + "}"
    html = (f"<title>From title</title><script type='application/ld+json'>{big}</script>"
            "<script type='application/ld+json'>{not json</script>"
            "<script type='application/ld+json'>" + "[" * 100_000 + "</script><p>Body text here.</p>")
    page = parse_html(html)
    assert page.meta == {"title": "From title"}
    assert [b.text for b in page.blocks] == ["Body text here."]


def test_json_ld_fills_what_meta_tags_lack() -> None:
    ld = ('{"@type": ["NewsArticle"], "headline": "LD headline", "datePublished": "2021-01-02",'
          '"publisher": [{"name": "Daily LD"}], "keywords": "a, b", "author": [{"name": "X"}, {"name": "Y"}]}')
    page = parse_html(f"<script type='application/ld+json'>{ld}</script><link rel='canonical' href='https://c/x'>")
    assert page.meta == {"title": "LD headline", "date": "2021-01-02", "source": "Daily LD", "url": "https://c/x",
                         "topics": ["a", "b"], "author": "X, Y"}


def test_site_suffix_only_stripped_when_it_is_the_site() -> None:
    assert strip_site_suffix("Vote delayed | City Times", "City Times") == "Vote delayed"
    assert strip_site_suffix("Vote delayed - city times", "City Times") == "Vote delayed"
    assert strip_site_suffix("Left - right", "City Times") == "Left - right"
    assert strip_site_suffix("Vote delayed | City Times", "") == "Vote delayed | City Times"


def test_looks_like_html() -> None:
    assert looks_like_html(load(FERRY)) and looks_like_html(load(MILLBROOK)) and looks_like_html(load(TOMATO))
    assert looks_like_html("\ufeff  <!doctype html><p>x")
    assert looks_like_html("<p>one</p>\n<p>two</p>\n<p>three</p>")
    assert not looks_like_html("Plain text about <html> tags.\n\nSecond paragraph.")
    assert not looks_like_html("# Title\n\nSome *markdown* with a <br> tag.")


def test_a_whole_page_saved_under_a_markdown_name_is_read_as_a_page(tmp_path: Path) -> None:
    from reader.ingest import load_article
    from reader.ingest.html_sniff import is_whole_page

    assert is_whole_page("\ufeff <!DOCTYPE html><html><body>x") and is_whole_page("<!-- saved --><html lang=en>")
    assert not is_whole_page("# Title\n\n<div>Some HTML in Markdown</div>") and not is_whole_page("<p>one</p><p>two</p><p>3</p>")
    saved = tmp_path / "page.md"
    saved.write_text(load(FERRY), encoding="utf-8")
    article = load_article(saved)
    assert article.format == "html" and article.title and article.sentences
    markdown = tmp_path / "note.md"
    markdown.write_text("# Title\n\n<div>Some HTML</div>\n\nThe council voted on Monday, officials said.\n")
    assert load_article(markdown).format == "markdown"


ARTICLE = "".join(f"<p>Sentence {i} about the council vote on Monday, officials said.</p>" for i in range(5))


@pytest.mark.parametrize("page", [
    f'<html><head><title>App</title></head><body><div id="app"></div><noscript>{ARTICLE}</noscript></body></html>',
    f'<html><frameset cols="50%,50%"><frame src="a.html"><noframes><body>{ARTICLE}</body></noframes></frameset></html>',
])
def test_a_page_whose_only_text_is_its_fallback_reads_the_fallback(page: str) -> None:
    assert [text for _, text in texts(parse_html(page))] == [
        f"Sentence {i} about the council vote on Monday, officials said." for i in range(5)]


def test_a_fallback_beside_article_text_stays_out() -> None:
    page = f"<html><body>{ARTICLE}<noscript><p>Please enable JavaScript to view the comments.</p></noscript></body></html>"
    assert not any("JavaScript" in text for _, text in texts(parse_html(page)))


TABLE_LAYOUT = """<html><head><title>Mill closure puts 400 jobs at risk - Valley Gazette</title></head>
<body><table><tr><td class="menu"><a href="/">Home</a><br><a href="/news">Valley Gazette</a></td>
<td class="content">
<font size="5"><b>Mill closure puts 400 jobs at risk</b></font><br>
<i>By Tom Reddy, Staff Writer</i><br><br>
The Harwick paper mill will close in June, putting about 400 jobs at risk, its owner announced Monday.<br><br>
The company said falling demand for newsprint made the plant
unprofitable, after a long slide in orders that began<br>in 2019 and never ended.<br><br>
Mayor Lena Ortiz said the town would seek state help to retrain workers.
</td></tr></table></body></html>"""


def test_an_old_table_layout_has_its_headline_byline_and_paragraphs_apart() -> None:
    """<br> lines: a short line that does not end as a sentence ends, before a capital, stands alone
    (a headline in <b>, a byline in <i>); <br><br> in a cell ends a paragraph; a sentence wrapped
    with one <br> before a lower-case word goes on."""
    page = parse_html(TABLE_LAYOUT)
    shown = texts(page)
    assert ("heading", "Mill closure puts 400 jobs at risk") in shown
    assert ("paragraph", "By Tom Reddy, Staff Writer") in shown
    assert ("paragraph", "The Harwick paper mill will close in June, putting about 400 jobs at risk, its owner "
            "announced Monday.") in shown
    assert ("paragraph", "The company said falling demand for newsprint made the plant unprofitable, after a long "
            "slide in orders that began in 2019 and never ended.") in shown
    assert page.meta["title"] == "Mill closure puts 400 jobs at risk"
    assert page.meta["author"] == "Tom Reddy"
    for block in page.blocks:
        assert_maps_back(TABLE_LAYOUT, block)


def test_the_site_name_in_a_menu_is_never_the_headline() -> None:
    page = parse_html(TABLE_LAYOUT.replace("<font size=\"5\"><b>Mill closure puts 400 jobs at risk</b></font><br>", ""))
    assert page.meta["title"] == "Mill closure puts 400 jobs at risk - Valley Gazette"
    assert ("heading", "Valley Gazette") not in texts(page)


def test_a_logo_set_as_h1_gives_way_to_the_headline_the_page_marks() -> None:
    """<h1 class="logo">Metro Daily</h1> in the masthead, <h2 class="headline"> over the story, and a
    <title> that is the site's name alone: the headline is the story's."""
    page = parse_html("<html><head><title>Metro Daily</title></head><body><header><h1 class='logo'>Metro Daily"
                      "</h1></header><main><h2 class='headline'>Water park to close for winter</h2><p>The Splash "
                      "water park will close from Oct. 1 to April 30, its owners said on Friday.</p><p>Season passes "
                      "will be valid next year.</p></main></body></html>")
    assert page.meta["title"] == "Water park to close for winter"
    plain = parse_html("<html><head><title>Metro Daily</title></head><body><header><h1>Metro Daily</h1></header>"
                       "<main><h2>Water park to close</h2><p>The park will close on Friday, its owners said.</p>"
                       "</main></body></html>")
    assert plain.meta["title"] == "Metro Daily"  # nothing marks the logo or the headline: the page's own h1


APP_SHELL = ('<html><head><title>Loading…</title>\n<script type="application/ld+json">{"@type":"NewsArticle",'
             '"headline":"Rail strike called off","articleBody":"A planned rail strike was called off early '
             'Tuesday after a late-night deal.\\nThe union\\u2019s members will vote on it, said \\"Ana\\" '
             'Ruiz.\\n\\n<p>Commuters had been <em>warned</em> to expect delays.</p> Trains run as normal \\ud83d\\ude86 '
             'today."}</script>\n</head><body><div id="root"></div><script src="/app.js"></script></body></html>')


def test_a_page_with_no_visible_text_reads_its_json_ld_article_body() -> None:
    page = parse_html(APP_SHELL)
    assert texts(page) == [
        ("paragraph", "A planned rail strike was called off early Tuesday after a late-night deal."),
        ("paragraph", "The union\u2019s members will vote on it, said \"Ana\" Ruiz."),
        ("paragraph", "Commuters had been warned to expect delays."),
        ("paragraph", "Trains run as normal \U0001f686 today."),
    ]
    for block in page.blocks:  # plain runs are slices of the file; each escape maps to its backslash
        for i, char in enumerate(block.text):
            offset = block.to_file(i)
            assert APP_SHELL[offset] == char or APP_SHELL[offset] == "\\", (char, APP_SHELL[offset:offset + 8])
    assert any("JSON-LD articleBody" in w for w in page.warnings)
    assert not any(start <= APP_SHELL.index("A planned") < end for start, end, _ in page.code)


def test_a_page_with_text_ignores_its_article_body() -> None:
    shown = APP_SHELL.replace('<div id="root"></div>', "<article><p>The strike is over, officials said on Tuesday "
                              "night after talks.</p></article>")
    assert texts(parse_html(shown)) == [("paragraph", "The strike is over, officials said on Tuesday night after talks.")]


@pytest.mark.parametrize("body", ['"articleBody":"unterminated', '"articleBody":"bad \\x escape"',
                                  '"articleBody":"line\nbreak"', '"articleBody":""'])
def test_a_broken_article_body_is_no_text(body: str) -> None:
    page = parse_html(f'<html><head><script type="application/ld+json">{{{body}}}</script></head><body></body></html>')
    assert page.blocks == [] or all(not b.text.strip() for b in page.blocks)


def test_a_program_in_pre_code_is_left_out_and_a_bare_pre_is_text() -> None:
    page = parse_html("<html><body><article><h1>Tunnel cost rises</h1><p>The cost has risen to $2.1 billion, the "
                      "authority said.</p><pre><code>def cost(year):\n    return base * 1.07 ** year  # Estimate.\n"
                      "</code></pre><pre>Dear editor,\nThe tunnel was a mistake from the start.</pre></article></body></html>")
    shown = [text for _, text in texts(page)]
    assert not any("def cost" in text for text in shown)
    assert "Dear editor, The tunnel was a mistake from the start." in shown
    assert [reason for _, _, reason in page.dropped].count("code block") == 1


def test_a_formula_within_a_sentence_is_read_as_its_words() -> None:
    """MathML left out would leave "The ratio is which engineers call ...", words the file does not hold in that order."""
    page = parse_html('<html><body><article><p>The ratio is <math><mfrac><mi>C</mi><mn>2</mn></mfrac></math> which '
                      'engineers call the margin.</p><p>It grows as <math><semantics><msup><mi>x</mi><mn>2</mn></msup>'
                      '<annotation encoding="application/x-tex">x^2</annotation></semantics></math> does.</p>'
                      '</article></body></html>')
    assert [text for _, text in texts(page)] == ["The ratio is C 2 which engineers call the margin.",
                                                  "It grows as x 2 x^2 does."]
