"""The five real articles the project was created from (../shared/seeds), with exact expectations."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.ingest import load_article
from reader.model import Article


def load(folder: Path, prefix: str) -> Article:
    (path,) = folder.glob(f"{prefix}_*.txt")
    article = load_article(path)
    assert isinstance(article, Article), article
    return article


def test_003_front_matter_only(shared_seeds: Path) -> None:
    article = load(shared_seeds, "003")
    assert article.title == (
        "FTC and Amazon negotiate $25 million fine over violations of child privacy involving Alexa voice assistant")
    assert article.date == "2023-06-01"
    assert article.source == "Alaska Dispatch News"
    assert article.url == ("https://www.adn.com/nation-world/2023/06/01/ftc-and-amazon-negotiate-25-million-fine-"
                           "over-violations-of-child-privacy-involving-alexa-voice-assistant/")
    assert article.topics == ["Natural Language Processing", "AI"]
    assert [r.source for r in article.related] == ["syracuse.com", "Detroit News", "Boston.com"]
    assert article.related[0].title == "Amazon fined $25M fine for violating child privacy with Alexa voice assistant"
    assert article.related[1].url.startswith("https://www.detroitnews.com/story/business/2023/06/01/")
    assert article.related[2].date == "2023-06-01"
    # No body: the excerpt is the text, cited at its front-matter line (line 4).
    assert article.sentences and all(s.kind == "excerpt" for s in article.sentences)
    assert article.sentences[0].text.startswith("Amazon kept the kids’ data to refine its voice recognition")
    assert {(s.span.start, s.span.end) for s in article.sentences} == {(4, 4)}


@pytest.mark.parametrize("prefix, date", [("000", "2023-07-19"), ("004", "2023-05-31")])
def test_date_prefix_is_metadata_not_text(shared_seeds: Path, prefix: str, date: str) -> None:
    article = load(shared_seeds, prefix)
    assert article.date == date
    first = article.sentences[0]
    assert first.span.start == 1
    assert "date" not in first.text.split()[:2] and date not in first.text
    assert first.text.startswith("The U.S. Justice Department" if prefix == "000" else "Amazon agreed to pay")


def test_002_globaldata_block_is_removed_as_boilerplate(shared_seeds: Path) -> None:
    article = load(shared_seeds, "002")
    removed_lines = {line for r in article.removed for line in range(r.span.start, r.span.end + 1)}
    lines = article.lines
    for needle in ("How well do you really know your competitors?", "powered by GlobalData", "free sample",
                   "Thank you!", "Your download email will arrive shortly", "By GlobalData",
                   "Visit our Privacy Policy"):
        numbers = [n for n, line in enumerate(lines, 1) if needle in line]
        assert numbers and set(numbers) <= removed_lines, needle
    text = " ".join(s.text for s in article.sentences)
    assert "GlobalData" not in text and "free sample" not in text
    # The news around it stays, including quotes and the story's own talk of privacy.
    assert "It will also have to delete inactive child accounts" in text
    assert "FTC Bureau of Consumer Protection director Samuel Levine said" in text
    assert "While we disagree with the FTC’s allegations" in text
    assert all(r.reason for r in article.removed)


def test_001_glued_copies_and_the_repeated_washington_copy(shared_seeds: Path) -> None:
    article = load(shared_seeds, "001")
    assert len(article.segments) >= 3
    first, second = article.segments[0], article.segments[1]
    assert first.duplicate_of is None and first.span.start == 1
    assert second.duplicate_of == 0
    assert article.lines[second.span.start - 1].find("WASHINGTON —") >= 0
    texts = [s.text for s in article.sentences]
    washington = [t for t in texts if t.startswith("WASHINGTON — Amazon will pay more than $30 million")]
    assert len(washington) == 1
    # The copy's one new sentence is kept; its repeats are recorded as removed.
    assert "Amazon didn’t immediately respond to a request for comment." in texts
    assert any(r.reason.startswith("repeats line") for r in article.removed)
    assert sum(t.startswith("“Nothing is more visceral") for t in texts) == 1
    # The seam leaves a sentence that ends with one full stop.
    assert "The proposed orders must be approved by federal judges." in texts


def test_other_seeds_have_no_boilerplate(shared_seeds: Path) -> None:
    for prefix in ("000", "001", "003", "004"):
        article = load(shared_seeds, prefix)
        assert not [r for r in article.removed if not r.reason.startswith("repeats")], prefix
