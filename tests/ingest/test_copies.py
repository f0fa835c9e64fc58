from __future__ import annotations

from reader.ingest.blocks import Block
from reader.ingest.copies import duplicate_segments, find_repeats, split_glued


def test_glue_splits_mid_line_and_keeps_positions() -> None:
    text = "First copy ends here.. SPRINGFIELD — Second copy starts."
    blocks = split_glued([Block.from_source(text, 0, len(text))])
    assert [b.text for b in blocks] == ["First copy ends here.", "SPRINGFIELD — Second copy starts."]
    assert [b.segment for b in blocks] == [0, 1]
    assert text[blocks[1].file_start:].startswith("SPRINGFIELD")


def test_ellipsis_and_abbreviations_are_not_glue() -> None:
    text = "He paused... Then spoke. Washington, D.C. is large. Version 2..3 is out."
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
