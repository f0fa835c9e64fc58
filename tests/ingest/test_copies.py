from __future__ import annotations

from pathlib import Path

from reader.ingest import load_article
from reader.ingest.blocks import Block
from reader.ingest.copies import duplicate_segments, find_repeats, split_glued
from reader.model import Article


def test_glue_splits_mid_line_and_keeps_positions() -> None:
    text = "First copy ends here.. SPRINGFIELD — Second copy starts."
    blocks = split_glued([Block.from_source(text, 0, len(text))])
    assert [b.text for b in blocks] == ["First copy ends here.", "SPRINGFIELD — Second copy starts."]
    assert [b.segment for b in blocks] == [0, 1]
    assert text[blocks[1].file_start:].startswith("SPRINGFIELD")


def test_ellipsis_and_abbreviations_are_not_glue() -> None:
    text = "He paused... Then spoke. Washington, D.C. is large. Version 2..3 is out."
    assert len(split_glued([Block.from_source(text, 0, len(text))])) == 1


def test_glue_with_no_space_between_a_word_and_a_capitalised_one_is_a_seam() -> None:
    text = "Critics said the fee was unfair..Commuters from Millbrook will pay the same charge."
    blocks = split_glued([Block.from_source(text, 0, len(text))])
    assert [b.text for b in blocks] == ["Critics said the fee was unfair.", "Commuters from Millbrook will pay the same charge."]
    assert [b.segment for b in blocks] == [0, 1]


def test_two_dots_with_no_space_elsewhere_are_not_glue() -> None:
    text = "See example..com and U.S..Then a range 1..N and node..js and e.g..x here."
    assert len(split_glued([Block.from_source(text, 0, len(text))])) == 1


def test_near_repeats_across_quote_styles() -> None:
    texts = [
        "Amazon said it “disagreed” with the FTC’s claims about the two devices.",
        "Something else entirely happened in the second paragraph today.",
        'Amazon said it "disagreed" with the FTC\'s claims about the two devices.',
        "Amazon said it disagreed with the FTC's claims about the two devices on Wednesday.",
        "A genuinely new sentence that only the second copy carries here.",
    ]
    repeats = find_repeats(texts, [0, 0, 1, 1, 1])
    assert repeats == [None, None, 0, 0, None]


def test_a_copy_with_one_added_sentence_is_a_duplicate_segment() -> None:
    segments = [0, 0, 0, 1, 1, 1, 1, 2, 2]
    repeats = [None, None, None, 0, 1, None, 2, None, None]
    assert duplicate_segments(segments, repeats, 3) == [None, 0, None]


def test_sentence_keys_ignore_case_quotes_and_punctuation() -> None:
    from reader.ingest.copies import sentence_key

    # ASCII goes by table lookup, other text by the word pattern: both give the same kind of key.
    assert sentence_key('"Rates rose 0.5%," the Bank said.') == ("rates", "rose", "0", "5", "the", "bank", "said")
    assert sentence_key("Rates rose 0.5% - the bank said") == sentence_key('"Rates rose 0.5%," the Bank said.')
    assert sentence_key("snake_case and O'Neill") == ("snake", "case", "and", "o", "neill")
    assert sentence_key("“Café prices rose,” she said") == ("café", "prices", "rose", "she", "said")
    assert sentence_key("") == () and sentence_key("-- ...") == ()


STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"


def _line_of(path: Path, wanted: str) -> int:
    """The 1-based number of the first line of the file that, stripped, equals `wanted`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.strip() == wanted)


def test_a_line_of_only_two_dots_is_a_seam_between_glued_copies() -> None:
    path = STORIES / "rate-cut-dissent" / "05-glued-copies.txt"
    article = load_article(path)
    assert isinstance(article, Article)
    seam = _line_of(path, "..")
    second = _line_of(path, "Northway under fire after passing on only part of the rate cut")
    assert [(g.span.start, g.span.end) for g in article.segments][0][1] < seam < article.segments[1].span.start
    assert article.segments[1].span.start == second
    assert [r.reason for r in article.removed if r.span.start == seam] == ["seam between glued copies"]
    # The second outlet's headline is a sentence of the second copy, not glued to the first.
    (headline,) = [s for s in article.sentences if s.span.start == second]
    assert headline.segment == 1


def test_the_same_copy_after_a_dots_line_is_a_duplicate(tmp_path: Path) -> None:
    copy = ("Lenders cut rates on Friday.\n\nThe biggest bank moved first, a day after the decision.\n\n"
            "A smaller rival said it would wait and see.\n")
    for name, seam in (("a.txt", "..\n"), ("b.txt", "  .. \n"), ("c.md", "..\n")):
        path = tmp_path / name
        path.write_text(copy + seam + copy + "It added one new line at the end.\n", encoding="utf-8")
        article = load_article(path)
        assert isinstance(article, Article)
        assert [g.duplicate_of for g in article.segments] == [None, 0], name
        texts = [s.text for s in article.sentences]
        assert texts.count("Lenders cut rates on Friday.") == 1
        assert "It added one new line at the end." in texts


def test_dots_inside_a_line_or_an_ellipsis_line_are_no_seam(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("He waited.\n...\nThen he spoke of versions 2..3 and the .. sign.\n", encoding="utf-8")
    article = load_article(path)
    assert isinstance(article, Article)
    assert len(article.segments) == 1


def test_markdown_soft_break_dots_line_splits_a_paragraph() -> None:
    block = Block()
    block.add("First copy ends.", 0)
    block.add(" ", 16, exact=False)  # a soft break, as markdown_body renders it
    block.add("..", 17)
    block.add(" ", 19, exact=False)
    block.add("Second copy starts.", 20)
    out = split_glued([block])
    assert [(b.kind, b.text, b.segment) for b in out] == [
        ("paragraph", "First copy ends. ", 0), ("seam", "..", 0), ("paragraph", " Second copy starts.", 1)]
    assert out[2].to_file(1) == 20  # positions kept


def test_a_dots_line_before_all_text_or_after_it_glues_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("..\n\nThe council met on Monday. It voted.\n\n..\n", encoding="utf-8")
    article = load_article(path)
    assert isinstance(article, Article)
    assert len(article.segments) == 1
    assert [s.text for s in article.sentences] == ["The council met on Monday.", "It voted."]
    assert {r.reason for r in article.removed} == {"no words"}


def test_an_abbreviation_before_a_doubled_stop_is_no_seam() -> None:
    """"Washington, D.C.. The move" and "at 5 p.m.. Crews": the first dot is the abbreviation's, the
    second ends the sentence; one article, not two glued copies. A word's doubled stop still is."""
    from reader.ingest.copies import GLUE

    for typo in ("to Washington, D.C.. The move is in March.", "at 5 p.m.. Crews worked overnight.",
                 "from the U.S.. Officials said so."):
        assert not GLUE.search(typo), typo
    for seam in ("geolocation information.. The Federal Trade Commission", "and videos.. Amazon agreed"):
        assert GLUE.search(seam), seam
