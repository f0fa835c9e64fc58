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
