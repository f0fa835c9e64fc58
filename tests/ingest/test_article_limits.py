"""One file read as an article only up to a limit: the rest is kept as removed lines, with the reason."""
from __future__ import annotations

from reader.ingest.article_builder import MAX_ARTICLE_CHARS, MAX_ARTICLE_LINES, build_article


def test_lines_past_the_limit_are_removed_with_the_reason_and_a_warning() -> None:
    lines = [f"Line {n} says a little more." for n in range(1, MAX_ARTICLE_LINES + 501)]
    article = build_article("\n".join(lines) + "\n", "dump.txt")
    assert max(s.span.end for s in article.sentences) == MAX_ARTICLE_LINES
    last = article.removed[-1]
    assert (last.span.start, last.span.end) == (MAX_ARTICLE_LINES + 1, MAX_ARTICLE_LINES + 500)
    assert "read as an article" in last.reason
    assert any(w.startswith(f"only lines 1-{MAX_ARTICLE_LINES:,} read") for w in article.warnings)


def test_a_long_text_is_cut_at_a_line_start_past_the_character_limit() -> None:
    def line(n: int) -> str:  # 1,000 characters, every line different (a repeat would be dropped)
        return f"Meeting {n:07d} voted on the charge. ".ljust(999, "x") + "\n"

    count = MAX_ARTICLE_CHARS // 1000 + 50
    article = build_article("".join(line(n) for n in range(count)), "long.txt")
    kept_to = max(s.span.end for s in article.sentences)
    assert kept_to * 1000 <= MAX_ARTICLE_CHARS < (kept_to + 1) * 1000
    assert article.removed[-1].span.start == kept_to + 1 and article.removed[-1].span.end == count


def test_an_ordinary_article_is_read_whole_without_a_warning() -> None:
    article = build_article("Ferries stopped on Monday.\n\nRepairs take two weeks.\n", "ferry.txt")
    assert [s.text for s in article.sentences] == ["Ferries stopped on Monday.", "Repairs take two weeks."]
    assert article.warnings == [] and article.removed == []


def test_a_runaway_line_is_cut_where_a_sentence_ends_and_its_length_is_told_exactly() -> None:
    """One line of 400,000 characters: read in pieces for bounded time, each cut after a sentence,
    so no sentence comes out in halves; the warning gives the line's length without its break."""
    body = " ".join(f"Officials said on day {i} that the transit authority would add buses." for i in range(5400))
    article = build_article(f"Transit plan\n\n{body}\n", "dump.txt")
    texts = [s.text for s in article.sentences if s.kind == "text"]
    assert all(t.startswith("Officials said on day ") and t.endswith("would add buses.") for t in texts)
    assert len(texts) == 5400
    assert f"line 3 is {len(body):,} characters long" in " ".join(article.warnings)
