from __future__ import annotations

from reader.summarize.tokens import content_terms, words


def test_number_formats_meet() -> None:
    assert "30" in words("$30m") and "million" in words("$30m")
    assert set(content_terms("Amazon will pay $30 million")) >= {"amazon", "pay", "30", "million"}
    assert set(content_terms("$5.8m in refunds")) >= {"5.8", "million", "refund"}


def test_apostrophes_and_case() -> None:
    assert words("FTC’s Claims") == words("FTC's claims") == ["ftc", "claims"]
    assert content_terms("violations") == content_terms("violation")
