from __future__ import annotations

from reader.summarize.tokens import content_terms, words


def test_number_formats_meet() -> None:
    assert "30" in words("$30m") and "million" in words("$30m")
    assert set(content_terms("Amazon will pay $30 million")) >= {"amazon", "pay", "30", "million"}
    assert set(content_terms("$5.8m in refunds")) >= {"5.8", "million", "refund"}


def test_apostrophes_and_case() -> None:
    assert words("FTC’s Claims") == words("FTC's claims") == ["ftc", "claims"]
    assert content_terms("violations") == content_terms("violation")


def test_superscripts_and_other_scripts_digits_do_not_break_tokens() -> None:
    from reader.summarize.tokens import words

    assert words("the company said.¹ Revenue rose ² percent") == ["the", "company", "said", "¹", "revenue", "rose",
                                                                  "²", "percent"]
    assert words("٣ items and ½ of them")[0] == "٣"


def test_ascii_text_splits_as_the_token_pattern_does() -> None:
    """ASCII text takes a str-method path; these are the cases where it must still agree with the pattern."""
    assert words("Said. Then, he left") == ["said", "then", "he", "left"]
    assert words("Amazon's rock'n'roll don't 'quoted'") == ["amazon", "rock'n", "roll", "don", "quoted"]
    assert words("$1,000.5bn and 9bn_x and 30M, 5.8m. U.S.") == ["1000.5", "billion", "and", "9", "bn", "x", "and",
                                                                "30", "million", "5.8", "million", "u", "s"]
    assert words("9's x9a's abc9 9abc") == ["9", "s", "x", "9", "s", "abc", "9", "9", "abc"]
    assert words("") == [] and words("... -- !!") == []
    assert words("Café's menu") == ["café", "menu"]  # not ASCII: the pattern itself


def test_invisible_characters_inside_words_do_not_split_them() -> None:
    from reader.summarize.tokens import cased_words
    for mark in ("\u00ad", "\u200b", "\u200d", "\u2060", "\ufeff"):
        assert words(f"Ama{mark}zon paid “$30m”") == ["amazon", "paid", "30", "million"]
        assert cased_words(f"Ama{mark}zon paid") == [("amazon", True), ("paid", False)]


def test_chinese_and_japanese_runs_are_their_character_pairs() -> None:
    assert words("通过了拥堵费方案") == ["通过", "过了", "了拥", "拥堵", "堵费", "费方", "方案"]
    assert words("東京タワー and Tokyo") == ["東京", "京タ", "タワ", "ワー", "and", "tokyo"]
    assert words("以9比4") == ["以", "9", "比", "4"]  # a character alone between numbers stays itself
