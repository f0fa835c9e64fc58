"""Dates read from the header line a saved article shows under its headline, when metadata has none."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.ingest import load_article
from reader.ingest.dateline import header_date
from reader.model import Article

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"


@pytest.mark.parametrize(("header", "date"), [
    ("Published September 19, 2026, 9:10 a.m. | By Everett Sloane, Gazette editor", "2026-09-19"),
    ("Thu 17 Sep 2026 19.05 BST", "2026-09-17"),
    ("Wednesday 13 May 2026", "2026-05-13"),
    ("July 20, 2026", "2026-07-20"),
    ("Brennock Daily News | May 12, 2026, 4:05 p.m.", "2026-05-12"),
    ("Published May 12, 2026 at 4:15 p.m.", "2026-05-12"),
    ("Updated: Sept. 3, 2025", "2025-09-03"),
    ("2024-02-29 08:00 UTC", "2024-02-29"),
])
def test_a_date_line_under_the_headline_dates_the_article(header: str, date: str) -> None:
    text = f"Council approves the budget\n\nBy A. Writer\n{header}\n\nThe council voted 7-2 on Monday.\n"
    assert header_date(text) == date


@pytest.mark.parametrize("text", [
    # a sentence that mentions a date is story, not header
    "Council approves the budget\n\nOn May 3, 2020, the council voted 7-2 to approve it.\n",
    # the headline itself is about a date
    "Remembering the flood of March 3, 2020\n\nThe river rose nine feet in one night.\n",
    # far below the headline, a date is part of the story
    "Headline\n\n" + "".join(f"Paragraph {n} of the story goes on.\n\n" for n in range(12)) + "May 12, 2026\n",
    # a date that does not exist
    "Headline\n\nFebruary 30, 2026\n\nText.\n",
    "Headline\n\nRoute 66, 2024 | By A. Writer\n\nText.\n",
    "",
])
def test_no_header_date(text: str) -> None:
    assert header_date(text) is None


def _load(tmp_path: Path, name: str, text: str) -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article = load_article(path)
    assert isinstance(article, Article)
    return article


def test_plain_text_and_markdown_get_the_header_date(tmp_path: Path) -> None:
    body = "Ferry service resumes\n\nBy Dana Cole\nFriday 5 June 2026\n\nFerries ran again on Friday after the strike.\n"
    assert _load(tmp_path, "a.txt", body).date == "2026-06-05"
    front = "---\ntitle: Ferry service resumes\n---\n\n# Ferry service resumes\n\nJune 5, 2026\n\nFerries ran again.\n"
    assert _load(tmp_path, "b.md", front).date == "2026-06-05"


def test_metadata_dates_come_first(tmp_path: Path) -> None:
    front = "---\ntitle: T\ndate: 2026-06-01\n---\n\n# T\n\nJune 5, 2026\n\nFerries ran again.\n"
    assert _load(tmp_path, "c.md", front).date == "2026-06-01"
    prefix = " date 2026-06-02 Ferries ran again.\n\nJune 5, 2026\n\nMore text here.\n"
    assert _load(tmp_path, "d.txt", prefix).date == "2026-06-02"


@pytest.mark.parametrize(("name", "date"), [
    ("water-contamination/08-harlow-gazette-partial-lift-crlf.txt", "2026-09-19"),  # "Published September 19, 2026, 9:10 a.m. | By ..."
    ("water-contamination/06-northern-review-cp1252.txt", "2026-09-17"),  # "Thu 17 Sep 2026 19.05 BST", cp1252
    ("airline-outage/08-meridian-press-ceo-apology.txt", "2026-07-20"),  # "July 20, 2026" under the byline
    ("plant-fire/03-brennock-daily-news-crlf.txt", "2026-05-12"),  # "Brennock Daily News | May 12, 2026, 4:05 p.m."
    ("water-contamination/05-wire-copies-glued.txt", None),  # wire copies with no header date
])
def test_fixture_articles_dated_by_their_header(name: str, date: str | None) -> None:
    article = load_article(STORIES / name)
    assert isinstance(article, Article) and article.date == date
