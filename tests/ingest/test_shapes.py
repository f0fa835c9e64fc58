"""Each input shape, with small fixtures written here, checked line by line."""
from __future__ import annotations

from pathlib import Path

from reader.ingest import load_article
from reader.model import Article


def load(tmp_path: Path, name: str, content: str | bytes) -> Article:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    article = load_article(path)
    assert isinstance(article, Article), article
    return article


def lines_of(article: Article, text: str) -> tuple[int, int]:
    (sentence,) = [s for s in article.sentences if s.text == text]
    return sentence.span.start, sentence.span.end


def test_plain_text_with_date_prefix_and_paragraphs(tmp_path: Path) -> None:
    article = load(tmp_path, "a.txt", " date 2024-02-29 Officials met on Monday. They agreed.\n\nA second paragraph\nwraps onto two lines.\n")
    assert article.date == "2024-02-29"
    assert [s.text for s in article.sentences] == [
        "Officials met on Monday.", "They agreed.", "A second paragraph wraps onto two lines."]
    assert lines_of(article, "A second paragraph wraps onto two lines.") == (3, 4)
    assert article.title == "Officials met on Monday."


def test_headline_line_becomes_the_title(tmp_path: Path) -> None:
    article = load(tmp_path, "bbc.txt", "Ad sales boost profit\n\nProfits rose 76% in the quarter. Sales grew.\n")
    assert article.title == "Ad sales boost profit"
    assert article.sentences[0].kind == "heading"


def test_markdown_with_yaml_front_matter(tmp_path: Path) -> None:
    text = (
        "---\n"
        "title: \"Council backs plan\"\n"
        "publishedDateTime: 2026-03-11T09:00:00Z\n"
        "provider:\n  name: The Courier\n  domain: courier.example\n"
        "topics: [Transport]\n"
        "---\n"
        "# Council backs plan\n"
        "\n"
        "The council voted **9-4** on *Tuesday* night.\n"
        "The charge starts in\n"
        "January. Read [the full report](https://example.org/report).\n"
        "\n"
        "- Cars pay $9.50 a day.\n"
        "- Trucks pay &dollar;21 a day.\n"
    )
    article = load(tmp_path, "a.md", text)
    assert (article.title, article.date, article.source, article.topics) == (
        "Council backs plan", "2026-03-11", "The Courier", ["Transport"])
    assert article.format == "markdown"
    assert article.metadata_span is not None and (article.metadata_span.start, article.metadata_span.end) == (1, 8)
    texts = [s.text for s in article.sentences]
    assert texts[0] == "Council backs plan" and article.sentences[0].kind == "heading"
    assert "The council voted 9-4 on Tuesday night." in texts
    assert lines_of(article, "The council voted 9-4 on Tuesday night.") == (11, 11)
    assert lines_of(article, "The charge starts in January.") == (12, 13)
    assert lines_of(article, "Read the full report (https://example.org/report).") == (13, 13)
    assert lines_of(article, "Cars pay $9.50 a day.") == (15, 15)
    assert lines_of(article, "Trucks pay $21 a day.") == (16, 16)


def test_toml_front_matter(tmp_path: Path) -> None:
    text = '+++\ntitle = "Rates set"\ndate = 2026-03-12\nsource = "Urbanist"\ntags = ["a", "b"]\n+++\nThe rates were set today.\n'
    article = load(tmp_path, "a.md", text)
    assert (article.title, article.date, article.source, article.topics) == ("Rates set", "2026-03-12", "Urbanist", ["a", "b"])
    assert lines_of(article, "The rates were set today.") == (7, 7)


def test_front_matter_only_uses_the_excerpt(tmp_path: Path) -> None:
    text = (
        "---\n"
        "title: Card\n"
        "excerpt: >-\n"
        "  The council voted to adopt the charge. It starts next\n"
        "  year.\n"
        "related:\n"
        "  - title: Other take\n"
        "    webUrl: https://other.example/a\n"
        "---\n"
    )
    article = load(tmp_path, "card.txt", text)
    assert [s.text for s in article.sentences] == ["The council voted to adopt the charge.", "It starts next year."]
    assert {(s.span.start, s.span.end) for s in article.sentences} == {(3, 5)}
    assert article.related[0].title == "Other take"
    assert not article.warnings


def test_crlf_and_cp1252(tmp_path: Path) -> None:
    crlf = load(tmp_path, "crlf.txt", b"Headline here\r\n\r\nFirst sentence here. Second one.\r\n\r\nThird one.\r\n")
    assert lines_of(crlf, "Third one.") == (5, 5)
    legacy = load(tmp_path, "legacy.txt", "“Quoted,” she said — £5.\n\nNext para here.".encode("cp1252"))
    assert legacy.encoding == "windows-1252"
    assert legacy.sentences[0].text == "“Quoted,” she said — £5."


def test_lone_cr_line_endings(tmp_path: Path) -> None:
    article = load(tmp_path, "mac.txt", b"One sentence here.\r\rAnother sentence.\r")
    assert lines_of(article, "Another sentence.") == (3, 3)


def test_unclosed_front_matter_is_read_as_text_with_a_warning(tmp_path: Path) -> None:
    article = load(tmp_path, "open.md", "---\ntitle: x\n\nThe body is still here.\n")
    assert any("never closed" in w for w in article.warnings)
    assert "The body is still here." in [s.text for s in article.sentences]


def test_malformed_yaml_keeps_the_body(tmp_path: Path) -> None:
    article = load(tmp_path, "bad.md", "---\ntitle: [oops\n---\nThe body survives.\n")
    assert any("invalid YAML" in w for w in article.warnings)
    assert [s.text for s in article.sentences] == ["The body survives."]


def test_glued_copies_in_a_file(tmp_path: Path) -> None:
    copy = "The mayor signed the order on Friday. “It is done,” she said. Critics vowed to appeal."
    straight = copy.replace("“", '"').replace("”", '"')
    text = f"{copy[:-1]}.. CITY — {straight} A new fact was added.\n"
    article = load(tmp_path, "glued.txt", text)
    assert [g.duplicate_of for g in article.segments] == [None, 0]
    texts = [s.text for s in article.sentences]
    assert texts.count("The mayor signed the order on Friday.") == 1
    assert "A new fact was added." in texts


def test_a_headline_ending_in_a_quote_is_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "bbc.txt"
    path.write_text("Greek sprinters 'won't run again'\n\nThe careers of the two sprinters are over, "
                    "says the head of the federation.\n\n'We will not appeal,' he said.'\n", encoding="utf-8")
    article = load_article(path)
    assert isinstance(article, Article)
    assert [s.kind for s in article.sentences][:2] == ["heading", "text"]
    assert article.title == "Greek sprinters 'won't run again'"


def test_a_form_is_not_joined_into_sentences_but_wrapped_prose_is(tmp_path: Path) -> None:
    form = (
        "Get the Harbourside Commercial Property Outlook 2027 report today\n"
        "First name\nLast name\nWork email\nCompany\n"
    )
    prose = (
        "The council approved the budget on Tuesday after a long debate about\n"
        "the cost of repairs to the harbour wall, which engineers say cannot\n"
        "wait another winter.\n"
    )
    article = load(tmp_path, "form.txt", "Harbour budget passes\n\n" + prose + "\n" + form)
    texts = [s.text for s in article.sentences]
    assert ("The council approved the budget on Tuesday after a long debate about the cost of repairs"
            " to the harbour wall, which engineers say cannot wait another winter.") in texts
    assert not any("First name" in t or "Work email" in t for t in texts), texts


def test_a_date_prefix_written_in_other_date_forms(tmp_path: Path) -> None:
    words = load(tmp_path, "words.txt", " date 19 July 2023 The council voted on Monday. It agreed.\n")
    assert (words.date, words.sentences[0].text) == ("2023-07-19", "The council voted on Monday.")
    slash = load(tmp_path, "slash.txt", "Date: 2023/07/19\nThe council voted on Monday. It agreed.\n")
    assert slash.date == "2023-07-19"
    assert [s.text for s in slash.sentences] == ["The council voted on Monday.", "It agreed."]
    timed = load(tmp_path, "timed.txt", "date 2023-07-19 2 people were hurt on Monday. Police came.\n")
    assert (timed.date, timed.sentences[0].text) == ("2023-07-19", "2 people were hurt on Monday.")


def test_a_first_word_date_that_is_no_date_is_text(tmp_path: Path) -> None:
    article = load(tmp_path, "night.txt", "Date night 12 Monkeys 2023 sold out.\n\nThe cinema was full on Friday.\n")
    assert article.date is None
    assert article.title == "Date night 12 Monkeys 2023 sold out."


def test_a_block_of_key_value_lines_heading_plain_text_is_its_metadata(tmp_path: Path) -> None:
    path = tmp_path / "clip.txt"
    path.write_text("Title: Council approves the congestion charge\nSource: Harbour Wire\nDate: 2026-03-01\n"
                    "By: Ana Ruiz\n\nThe council voted 9-4 on Tuesday to adopt the charge, officials said.\n")
    article = load_article(path)
    assert (article.title, article.source, article.date, article.author) == (
        "Council approves the congestion charge", "Harbour Wire", "2026-03-01", "Ana Ruiz")
    assert [(s.span.start, s.text) for s in article.sentences] == [
        (6, "The council voted 9-4 on Tuesday to adopt the charge, officials said.")]


def test_text_that_only_opens_like_fields_is_text(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"  # a single field line is no block: "Source:" may start a sentence
    one.write_text("Source: city records show the vote was 9-4.\n\nThe council voted on Tuesday, officials said.\n")
    assert load_article(one).source is None and len(load_article(one).sentences) == 2
    mixed = tmp_path / "mixed.txt"  # a block that is not all fields is the first paragraph
    mixed.write_text("Update: the council voted again.\nSource: city records.\n\nMore text about the vote on Monday.\n")
    assert load_article(mixed).source is None


PROSE = ("The council approved the budget on Tuesday after a long debate about\n"
         "the cost of repairs to the harbour wall, which engineers say cannot\n"
         "wait another winter.\n")
PROSE_SENTENCE = ("The council approved the budget on Tuesday after a long debate about the cost of repairs"
                  " to the harbour wall, which engineers say cannot wait another winter.")


def test_hard_wrapped_prose_with_crlf_line_ends_is_one_sentence(tmp_path: Path) -> None:
    """One CRLF is one line end: read as a CR and then an LF it made every wrapped line a paragraph."""
    for name, newline in (("lf.txt", "\n"), ("crlf.txt", "\r\n"), ("cr.txt", "\r")):
        text = ("Harbour budget passes\n\n" + PROSE).replace("\n", newline)
        article = load(tmp_path, name, text.encode())
        assert [s.text for s in article.sentences if s.kind == "text"] == [PROSE_SENTENCE], name
        assert lines_of(article, PROSE_SENTENCE) == (3, 5), name


def test_a_byline_under_the_headline_is_its_own_line_and_never_quoted(tmp_path: Path) -> None:
    for byline in ("By Jane Smith", "By JANE SMITH, Reuters.", "By Jane Smith and Tom Li"):
        for newline in ("\n", "\r\n"):
            text = f"Chemical plant fire{newline}{byline}{newline}{newline}" + PROSE.replace("\n", newline)
            article = load(tmp_path, "fire.txt", text.encode())
            assert article.title == "Chemical plant fire", (byline, newline)
            assert article.author is not None and article.author.startswith("Jane Smith"), byline
            assert [s.text for s in article.sentences if s.kind == "text"] == [PROSE_SENTENCE], (byline, newline)


def test_a_wrapped_line_that_opens_with_by_is_still_prose(tmp_path: Path) -> None:
    text = ("Budget passes\n\nThe council met for six hours on Tuesday and voted on the plan at last.\n"
            "By contrast, the harbour board has not met since the storm in March.\n")
    article = load(tmp_path, "by.txt", text)
    assert "By contrast, the harbour board has not met since the storm in March." in [s.text for s in article.sentences]


MARKDOWN_WITH_NOTES = """City approves bike lanes
========================

By *Sam Okafor*

The plan, backed by the mayor, will cost $58 million over five years[^1]. Work starts in April[^note-2].

[^1]: Figure from the city budget office, published January 2026.
[^note-2]: The council may still
    delay it.
"""


def test_markdown_footnotes_are_notes_not_sentences(tmp_path: Path) -> None:
    """GFM footnotes: a definition is left out as a footnote, and its mark is no part of the sentence."""
    article = load(tmp_path, "notes.md", MARKDOWN_WITH_NOTES)
    texts = [s.text for s in article.sentences if s.kind == "text"]
    assert texts == ["The plan, backed by the mayor, will cost $58 million over five years.", "Work starts in April."]
    assert lines_of(article, "Work starts in April.") == (6, 6)
    # CommonMark reads the two definitions and the indented line as one paragraph: one span, lines 8-10
    assert [(r.span.start, r.span.end) for r in article.removed if r.reason == "footnote"] == [(8, 10)]
    sentence = article.sentences[[s.text for s in article.sentences].index("Work starts in April.")]
    assert MARKDOWN_WITH_NOTES[sentence.start:sentence.end] == "Work starts in April[^note-2]."  # the source keeps it


def test_a_byline_in_markdown_or_html_is_never_a_sentence(tmp_path: Path) -> None:
    markdown = load(tmp_path, "notes.md", MARKDOWN_WITH_NOTES)
    assert [s.kind for s in markdown.sentences if s.text == "By Sam Okafor"] == ["heading"]
    page = load(tmp_path, "page.html", "<html><body><article><h1>Bike lanes</h1><p>By Sam Okafor, City Desk</p>"
                f"<p>{PROSE_SENTENCE}</p></article></body></html>")
    assert [s.text for s in page.sentences if s.kind == "text"] == [PROSE_SENTENCE]


def test_prose_opening_with_by_and_a_time_word_is_no_byline(tmp_path: Path) -> None:
    from reader.ingest.bylines import is_byline

    assert not is_byline("By Monday, officials had counted 200 homes.")
    assert not is_byline("By Jane Smith, who covers the courts")
    assert is_byline("By May Chen") and is_byline("By Jane Smith, for the Guardian")
    text = "Flood count rises\n\nBy Monday, officials had counted 200 homes.\n"
    article = load(tmp_path, "flood.txt", text)
    assert [s.kind for s in article.sentences if s.text.startswith("By Monday")] == ["text"]


def test_wire_copy_in_capitals_takes_its_headline_not_its_flag(tmp_path: Path) -> None:
    """"URGENT" over the headline is a flag; "BY WIRE STAFF" names a desk and stands alone."""
    text = ("URGENT\nEARTHQUAKE STRIKES OFF COAST\nBY WIRE STAFF\n\n"
            "TOKYO (WIRE) - A MAGNITUDE 6.8 EARTHQUAKE STRUCK OFF THE NORTHEAST COAST OF JAPAN ON FRIDAY, THE "
            "METEOROLOGICAL AGENCY SAID. NO TSUNAMI WARNING WAS ISSUED.\n")
    article = load(tmp_path, "wire.txt", text)
    assert article.title == "EARTHQUAKE STRIKES OFF COAST"
    assert [(s.kind, s.span.start) for s in article.sentences[:3]] == [("heading", 1), ("heading", 2), ("heading", 3)]
    one_word = load(tmp_path, "one.txt", "Politics\n\nThe council approved the budget on Tuesday.\n")
    assert one_word.title == "Politics"  # a one-word line with no headline under it is still the title


def test_a_byline_in_another_language_stands_apart_from_the_headline(tmp_path: Path) -> None:
    text = ("הממשלה אישרה תקציב חדש\nמאת דנה לוי\n\n"
            "הממשלה אישרה ביום ראשון תקציב של 500 מיליארד שקל לשנה הבאה. שר האוצר אמר כי התקציב יקטין את הגירעון.\n")
    article = load(tmp_path, "he.txt", text)
    assert article.title == "הממשלה אישרה תקציב חדש"
    assert article.author == "דנה לוי"


MARKDOWN_WITH_LINKS = """# Council approves the river plan

The council voted 7-2 on Monday to approve the [river plan](https://example.org/plan_(v2) "The plan"),
which will cost about $14 million. It was drafted by the [parks
department][1] after two years of hearings. The [mayor][] and [her staff] backed it.
Details are at <https://example.org/details>. [![chart](chart.png)](https://example.org/chart)

[1]: https://example.org/parks
[mayor]: https://example.org/mayor
[her staff]: https://example.org/staff
"""


def test_markdown_links_keep_their_targets_so_quotes_are_found_in_the_source(tmp_path: Path) -> None:
    """A link's target stands between its text and the rest of the sentence in the file: the
    sentence quotes it ("(https://...)", "[1]"), or its words would not be found in its lines."""
    article = load(tmp_path, "links.md", MARKDOWN_WITH_LINKS)
    texts = [s.text for s in article.sentences if s.kind == "text"]
    assert texts[0] == ('The council voted 7-2 on Monday to approve the river plan '
                        '(https://example.org/plan_(v2) "The plan"), which will cost about $14 million.')
    assert texts[1] == "It was drafted by the parks department [1] after two years of hearings."
    assert texts[2] == "The mayor and her staff backed it."  # collapsed and shortcut references add nothing
    assert not any("chart" in t for t in texts)  # a linked image alone is no text
    assert lines_of(article, texts[1]) == (4, 5)


def test_web_addresses_are_no_words_of_a_sentence() -> None:
    from reader.summarize.tokens import content_terms

    assert content_terms("Approve the river plan (https://example.org/plan) now, see www.city.gov/x") == \
        content_terms("Approve the river plan now, see")


def test_an_image_within_a_sentence_is_quoted_as_its_alt_text_and_target(tmp_path: Path) -> None:
    text = ("![Flooded street](flood.jpg) Residents waded through Main Street on Monday.\n\n"
            "A chart ![bar chart of costs](costs.png) shows the rise in costs since 2019.\n")
    article = load(tmp_path, "images.md", text)
    assert [s.text for s in article.sentences if s.kind == "text"] == [
        "Residents waded through Main Street on Monday.",  # a photo opening its caption is no text
        "A chart bar chart of costs (costs.png) shows the rise in costs since 2019."]


def test_a_linked_headline_gives_a_title_without_its_target(tmp_path: Path) -> None:
    text = ("# [Council approves river plan](https://example.org/story)\n\n"
            "The city council voted 7-2 on Monday to approve the plan, which costs $14 million.\n")
    article = load(tmp_path, "headline.md", text)
    assert article.title == "Council approves river plan"
    assert article.sentences[0].text == "Council approves river plan (https://example.org/story)"  # as the file has it


def test_raw_html_in_markdown_is_read_as_html(tmp_path: Path) -> None:
    """A clipped page pasted into Markdown keeps its headline and paragraphs, each at its own line;
    a block of HTML with no text (an embed) is left out as embedded HTML."""
    text = ('<div class="article">\n<h1>Airport unveils new terminal</h1>\n'
            "<p>The new terminal opened to passengers on Thursday, adding 14 gates.</p>\n</div>\n\n"
            '<iframe src="https://example.org/video"></iframe>\n\n'
            "The first flight left for Chicago at 6 a.m.\n")
    article = load(tmp_path, "clip.md", text)
    assert article.title == "Airport unveils new terminal"
    assert [s.text for s in article.sentences if s.kind == "text"] == [
        "The new terminal opened to passengers on Thursday, adding 14 gates.", "The first flight left for Chicago at 6 a.m."]
    assert lines_of(article, "The new terminal opened to passengers on Thursday, adding 14 gates.") == (3, 3)
    assert [(r.span.start, r.reason) for r in article.removed] == [(6, "embedded HTML")]


def test_a_br_tag_in_markdown_ends_a_line() -> None:
    from reader.ingest.markdown_body import markdown_blocks

    text = "The branch opened on Monday with 20,000 books.<br>It is open every day.\n"
    (block,), _ = markdown_blocks(text, 0, len(text))
    assert block.text == "The branch opened on Monday with 20,000 books.\nIt is open every day."


def test_a_header_of_byline_and_date_lines_over_the_headline_is_no_title(tmp_path: Path) -> None:
    text = ("By JOHN SMITH, Associated Press\nUpdated 3:15 PM EDT, June 12, 2023\n\n"
            "Senate passes bill to expand veterans' care\n\n"
            "WASHINGTON (AP) — The Senate voted 84-14 on Monday to pass a bill expanding health care for veterans.\n")
    assert load(tmp_path, "wire.txt", text).title == "Senate passes bill to expand veterans' care"


def test_headline_outlet_and_date_lines_are_lines_of_their_own(tmp_path: Path) -> None:
    """A headline over an outlet's name and a date does not wrap into them: three headings."""
    text = ("Wildfire near Pine Ridge forces evacuation of 3,000 residents\nPine Ridge Gazette\n2023-08-02\n\n"
            "PINE RIDGE — A fast-moving wildfire forced about 3,000 residents to leave on Wednesday.\n")
    article = load(tmp_path, "glued.txt", text)
    assert article.title == "Wildfire near Pine Ridge forces evacuation of 3,000 residents"
    assert [(s.kind, s.text) for s in article.sentences[:3]] == [
        ("heading", "Wildfire near Pine Ridge forces evacuation of 3,000 residents"),
        ("heading", "Pine Ridge Gazette"), ("heading", "2023-08-02")]


def test_a_skip_to_content_link_is_navigation(tmp_path: Path) -> None:
    text = "Skip to main content\n\nZoo welcomes rare snow leopard cubs\n\nThe city zoo announced two cubs on Friday.\n"
    article = load(tmp_path, "page.txt", text)
    assert article.title == "Zoo welcomes rare snow leopard cubs"
    assert [r.reason for r in article.removed] == ["navigation link"]


def test_a_page_marking_its_headline_by_class_takes_it_over_a_generic_title(tmp_path: Path) -> None:
    """No <h1>, <title>Home - Daily Planet</title>: the block in <div class="headline"> is the
    headline; the kicker over it and the date line under it are its header, not sentences."""
    page = ('<html><head><title>Home - Daily Planet</title></head><body><div class="story">'
            '<div class="kicker">BUSINESS</div><div class="headline">Grocery chain to close 40 stores</div>'
            '<div class="dateline">Updated 10:42 AM EDT, Thu August 17, 2023</div>'
            "<p>FreshMart said on Thursday it would close 40 stores across the Midwest by the end of the year.</p>"
            "<p>About 2,300 workers will be offered transfers where possible, the company said.</p></div></body></html>")
    article = load(tmp_path, "page.html", page)
    assert article.title == "Grocery chain to close 40 stores"
    assert article.date == "2023-08-17"
    assert [s.text for s in article.sentences if s.kind == "heading"] == [
        "BUSINESS", "Grocery chain to close 40 stores", "Updated 10:42 AM EDT, Thu August 17, 2023"]


def test_a_long_headline_in_title_case_is_a_heading_not_a_sentence(tmp_path: Path) -> None:
    headline = ("Breaking: Governor Declares State Of Emergency As Floodwaters Rise Across The Northern Counties "
                "And Thousands Are Ordered To Evacuate")
    text = f"{headline}\n\nThe governor declared a state of emergency on Sunday as rivers rose.\n\nRoads were closed in forty places\n"
    article = load(tmp_path, "flood.txt", text)
    assert article.sentences[0].kind == "heading"
    assert article.title is not None and article.title.startswith("Breaking: Governor Declares")


LONG_HEADLINE = "Utility says failed chlorine pump and broken backup left Dunmere water untreated for nine hours"


def test_a_long_unterminated_line_opening_a_text_or_a_glued_copy_is_its_headline(tmp_path: Path) -> None:
    """Fifteen words and no full stop, over the story: a headline longer than a heading (14 words),
    which a summary must not quote as the article's first sentence. A glued-in copy opens alike."""
    body = ("DUNMERE — A pump that feeds chlorine into the city's water shut down late Saturday, the utility said.\n\n"
            "The backup pump had been out of service for weeks.\n")
    article = load(tmp_path, "a.txt", f"{LONG_HEADLINE}\n\n{body}\n..\n\n{LONG_HEADLINE} again, in a reprint\n\n{body}")
    assert article.title == LONG_HEADLINE
    opening = [s for s in article.sentences if s.text.startswith(LONG_HEADLINE)]
    assert len(opening) == 2 and {s.kind for s in opening} == {"heading"}
    assert {s.kind for s in article.sentences if s.text.startswith("The backup pump")} == {"text"}


def test_an_unterminated_line_that_is_the_whole_text_or_prose_length_stays_text(tmp_path: Path) -> None:
    alone = load(tmp_path, "a.txt", LONG_HEADLINE + "\n")
    assert [s.kind for s in alone.sentences] == ["text"]  # nothing after it: it is the text
    rambling = " ".join(["the council met again and talked about the budget for the coming year"] * 3)
    article = load(tmp_path, "b.txt", f"{rambling}\n\nThe vote is next week.\n")
    assert article.sentences[0].kind == "text"  # 39 words: prose that lost its full stop


def test_markdown_nested_past_the_parsers_limit_keeps_the_rest_as_text_with_a_warning(tmp_path: Path) -> None:
    """markdown-it drops everything after a list nested 10 deep (its nesting limit), unsaid: the
    paragraphs after it must still be read, and the reader told."""
    items = "\n".join("  " * depth + f"- Point {depth} of the plan." for depth in range(12))
    text = f"# Council meets\n\nThe council met on Tuesday.\n\n{items}\n\nThe meeting ended at 9 p.m. after a debate.\n"
    article = load(tmp_path, "deep.md", text)
    texts = [s.text for s in article.sentences]
    assert "The meeting ended at 9 p.m. after a debate." in texts
    assert any(t.endswith("Point 11 of the plan.") for t in texts)
    assert any("nested too deep" in w for w in article.warnings)
    shallow = load(tmp_path, "shallow.md", "# T\n\n- a point.\n  - a sub-point.\n\nThe end of it.\n")
    assert not shallow.warnings


def test_a_date_line_under_a_headline_is_its_own_line_not_part_of_the_title(tmp_path: Path) -> None:
    for dated in ("Thu 17 Sep 2026 19.05 BST", "Published May 12, 2026, 4:15 p.m."):
        article = load(tmp_path, "a.txt", f"Shelter opens in Dunmore\n{dated}\n\nThe county opened a shelter on Monday.\n")
        assert article.title == "Shelter opens in Dunmore", dated
        assert article.date is not None and article.date[:4] == "2026"


def test_a_date_prefix_that_names_no_day_is_stripped_and_said(tmp_path: Path) -> None:
    article = load(tmp_path, "a.txt", " date 2023-02-30 The council approved a dog park on Thursday.\n\nIt opens in May.\n")
    assert article.date is None and article.title == "The council approved a dog park on Thursday."
    assert any("2023-02-30" in w and "not a date" in w for w in article.warnings)


def test_an_editors_note_between_rules_is_text_not_front_matter(tmp_path: Path) -> None:
    """YAML reads "Update: This story was updated ..." as a mapping; no field reader knows, every value
    a sentence: it is the page's note, shown, never silently taken for metadata. Keys reader does
    not use (layout) are still front matter."""
    note = "Update: This story was updated at 5 p.m. to add comments from the mayor."
    article = load(tmp_path, "a.txt", f"---\n{note}\n---\n\nShelter opens\n\nThe county opened a shelter on Monday.\n")
    assert article.metadata_span is None
    assert any(note in r.text for r in article.removed) or note in [s.text for s in article.sentences]
    jekyll = load(tmp_path, "b.md", "---\nlayout: post\ncomments: Comments are welcome on this page.\n---\n\nBody text here.\n")
    assert jekyll.metadata_span is not None and [s.text for s in jekyll.sentences] == ["Body text here."]
