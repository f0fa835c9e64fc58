"""Page metadata: the headline, the published day, the byline's people and the outlet, as a reader sees them.

The fixtures in tests/fixtures/html/metadata/ each hold one way publishers state these (a JSON-LD
@graph naming its author by reference, an author array with an organisation in it, Open Graph tags
only, a visible byline only, modified dates before the published one); the expectations are
written from reading the pages. The inline pages below change one thing at a time.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.ingest.bylines import byline_names
from reader.ingest.html_page import parse_html
from reader.ingest.loader import load_article
from reader.ingest.metadata import normalize_date
from reader.ingest.page_fields import url_date

METADATA = Path(__file__).resolve().parent.parent / "fixtures" / "html" / "metadata"


@pytest.mark.parametrize(("name", "title", "date", "author", "source"), [
    ("ld_graph_author_ref.html", "Harbor board delays dredging vote again", "2025-03-14", "Imogen Hartley",
     "Port Ellery Ledger"),
    ("ld_author_array.html", "Two plants cut shifts as orders slow", "2025-06-02", "Ana Ruiz, Lee Chen",
     "Valley Dispatch"),
    ("og_only.html", "Library extends weekend hours", "2025-09-12", None, "Millbrook Courier"),
    ("byline_only.html", "Night buses return to the east side", "2025-11-04", "Dana Okafor, Sam Whitfield",
     "The Riverton Post"),
    ("modified_vs_published.html", "Council approves new bike lanes", "2025-04-08", "Priya Raman",
     "Eastbrook Observer"),
    ("time_only.html", "Ferry timetable changes for winter", "2025-11-28", None, None),
])
def test_fixture_pages(name: str, title: str, date: str, author: str | None, source: str | None) -> None:
    article = load_article(METADATA / name)
    assert (article.title, article.date, article.author, article.source) == (title, date, author, source)
    assert article.sentences and not article.warnings


def meta(body: str, head: str = "") -> dict[str, object]:
    return parse_html(f"<html><head>{head}</head><body>{body}</body></html>", library=False).meta


STORY = "<p>The council met on Tuesday and voted on the plan for the new harbour wall.</p>" * 3


# -- title ------------------------------------------------------------------------------------------

def test_the_visible_headline_beats_a_social_media_title() -> None:
    head = "<meta property='og:title' content='You will not believe what the council did'>" \
           "<title>Council votes to rebuild the harbour wall | City Times</title>"
    assert meta(f"<h1>Council votes to rebuild the harbour wall</h1>{STORY}", head)["title"] == \
        "Council votes to rebuild the harbour wall"


def test_an_h1_the_metadata_does_not_know_is_not_the_title() -> None:
    head = "<meta property='og:title' content='Council votes to rebuild the harbour wall'>"
    found = meta(f"<h1>City Times</h1><h1>Most read this week</h1>{STORY}", head)
    assert found["title"] == "Council votes to rebuild the harbour wall"


def test_a_logo_h1_is_never_the_title() -> None:
    head = "<meta property='og:site_name' content='City Times'><title>Wall vote | City Times</title>"
    assert meta(f"<h1>City Times</h1>{STORY}", head)["title"] == "Wall vote"


# -- date -------------------------------------------------------------------------------------------

def test_a_modified_date_is_used_only_when_no_published_one_exists() -> None:
    modified = "<meta property='article:modified_time' content='2024-02-10T10:00:00Z'>"
    assert meta(STORY, modified)["date"] == "2024-02-10"
    both = modified + "<meta property='article:published_time' content='2024-01-31T10:00:00Z'>"
    assert meta(STORY, both)["date"] == "2024-01-31"


def test_impossible_dates_are_not_dates() -> None:
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"}</script>'
    assert "date" not in meta(STORY, ld)


def test_the_date_in_the_url_when_the_page_states_none() -> None:
    head = "<link rel='canonical' href='https://times.example/world/2019/nov/18/harbour-wall'>"
    assert meta(STORY, head)["date"] == "2019-11-18"
    assert url_date("https://times.example/2021/03/07/x.html") == "2021-03-07"
    assert url_date("https://times.example/id/20210307") is None


def test_itemprop_date_published_on_visible_text() -> None:
    body = ("<h1>Wall vote</h1><div><span itemprop='datePublished'>Fri 6:45 PM, Feb 16, 2018</span>"
            f"<span itemprop='dateModified'>Sat 8:31 PM, Feb 17, 2018</span></div>{STORY}")
    assert meta(body, "<title>Wall vote</title>")["date"] == "2018-02-16"


def test_date_words_with_ordinals_and_european_day_dots() -> None:
    assert normalize_date("Monday, November 18th, 2019 at 11:08 a.m.") == "2019-11-18"
    assert normalize_date("publiziert am 25. September 2018") == "2018-09-25"
    assert normalize_date("30. Juli 2018") == "2018-07-30"


# -- author -----------------------------------------------------------------------------------------

def test_an_organisation_is_no_author() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Wall vote",'
          '"author": {"@type": "NewsMediaOrganization", "name": "City Times"}}</script>')
    assert "author" not in meta(STORY, ld)


def test_the_visible_byline_adds_the_people_json_ld_leaves_out() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Wall vote",'
          '"author": {"@type": "Person", "name": "Ana Ruiz"}}</script>')
    body = f"<h1>Wall vote</h1><p class='byline'>By Ana Ruiz, Lee Chen and Sam Okafor</p>{STORY}"
    assert meta(body, ld)["author"] == "Ana Ruiz, Lee Chen, Sam Okafor"


def test_a_profile_url_or_a_one_word_account_in_meta_is_no_author() -> None:
    head = "<meta property='article:author' content='https://social.example/citytimes'><meta name='author' content='CTWEB'>"
    assert "author" not in meta(STORY, head)


def test_rel_author_link_in_a_sentence() -> None:
    body = f"<h1>Wall vote</h1><p>Posted by <a rel='author' href='/u/1'>Michael Smith</a> on November 19, 2019</p>{STORY}"
    found = meta(body, "<title>Wall vote</title>")
    assert (found["author"], found["date"]) == ("Michael Smith", "2019-11-19")


def test_prose_that_starts_with_by_is_no_byline() -> None:
    body = "<h1>Wall vote</h1><p>By the time the council voted, most residents had gone home.</p>" + STORY
    assert "author" not in meta(body, "<title>Wall vote</title>")


def test_comment_authors_far_below_the_headline_are_not_the_byline() -> None:
    comments = "".join(f"<p>Reply {n}: I was at the meeting and it went on far too long.</p>" for n in range(40))
    body = f"<h1>Wall vote</h1>{STORY}{comments}<p class='comment-author'>By Jo Bloggs</p>"
    assert "author" not in meta(body, "<title>Wall vote</title>")


@pytest.mark.parametrize(("byline", "names"), [
    ("By TOM KRISHER, AP Auto Writer", ["Tom Krisher"]),
    ("Amy Kuperinsky | NJ Advance Media for NJ.com", ["Amy Kuperinsky"]),
    ("Catherine Shu @catherineshu / 2 days", ["Catherine Shu"]),
    ("Rachael Link, MS, RD", ["Rachael Link"]),
    ("Troy L. Smith, Cleveland.com", ["Troy L. Smith"]),
    ("Written by Lia Eustachewich and Yaron Steinbuch", ["Lia Eustachewich", "Yaron Steinbuch"]),
    ("BY: Ilana Muhlstein, MS, RDN", ["Ilana Muhlstein"]),
    ("Von Moritz Bachmann publiziert am 25. September 2018", ["Moritz Bachmann"]),
    ("Chris Davies - Nov 19, 2019, 10:31 pm CST", ["Chris Davies"]),
    ("Finian Cunningham. Sputnik International", ["Finian Cunningham"]),
    ("Ludwig van Beethoven", ["Ludwig van Beethoven"]),
    ("Associated Press", ["Associated Press"]),
    ("By JOHN SMITH, Associated Press", ["John Smith"]),  # the outlet beside the name is no second person
    ("By Anna Press", ["Anna Press"]),  # alone, a person
    ("Science X staff", []),
    ("kevin-r", []),
    ("admin", []),
    ("Updated on: November 19, 2019", []),
    ("[The Palace: Tale of Jang Noksu] More Reviews", []),
    ("", []),
])
def test_byline_names(byline: str, names: list[str]) -> None:
    assert byline_names(byline) == names


def test_the_outlet_beside_a_name_is_left_out() -> None:
    assert byline_names("Charlie Wood, Business Insider", site="Business Insider Deutschland") == ["Charlie Wood"]
    assert byline_names("Jill Disis, CNN Business", site="CNN") == ["Jill Disis"]


# -- site -------------------------------------------------------------------------------------------

def test_site_name_without_its_tagline_or_handle_sign() -> None:
    assert meta(STORY, "<meta property='og:site_name' content='@citytimes'>")["source"] == "citytimes"
    head = "<meta property='og:site_name' content='City Times | The valley\u2019s own paper'>"
    assert meta(STORY, head)["source"] == "City Times"


def test_site_name_from_the_title_after_the_headline() -> None:
    body = f"<h1>Wall vote delayed</h1>{STORY}"
    assert meta(body, "<title>Wall vote delayed - City Times</title>")["source"] == "City Times"


# -- front matter -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("lines", "author"), [
    ("author: Ana Ruiz", "Ana Ruiz"),
    ("authors: [Ana Ruiz, Lee Chen]", "Ana Ruiz, Lee Chen"),
    ("byline: By Ana Ruiz and Lee Chen", "Ana Ruiz, Lee Chen"),
    ("creator:\n  name: Ana Ruiz", "Ana Ruiz"),
    ("authors:\n  - name: Ana Ruiz\n  - name: Lee Chen", "Ana Ruiz, Lee Chen"),
    ("title: No byline", None),
])
def test_front_matter_author_keys(tmp_path: Path, lines: str, author: str | None) -> None:
    path = tmp_path / "story.md"
    path.write_text(f"---\n{lines}\n---\nThe council voted on the harbour wall on Tuesday night.\n", encoding="utf-8")
    assert load_article(path).author == author


def test_toml_front_matter_author(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text('+++\ntitle = "Wall"\nauthor = "Ana Ruiz"\n+++\nThe council voted on Tuesday.\n', encoding="utf-8")
    assert load_article(path).author == "Ana Ruiz"


def test_a_byline_with_the_role_beside_the_name() -> None:
    body = ("<h1>Wall vote</h1><div class='byline'>By <a rel='author' href='/staff/ana'>Ana Ruiz</a>"
            "<span class='role'>City Hall reporter</span><time datetime='2026-03-11T17:30:00-07:00'>March 11</time>"
            f"</div>{STORY}")
    found = meta(body, "<title>Wall vote</title>")
    assert (found["author"], found["date"]) == ("Ana Ruiz", "2026-03-11")


def test_a_paragraph_of_prose_that_starts_with_by_and_names_someone() -> None:
    body = ("<h1>Wall vote</h1><p>By declaring the wall unsafe, Mayor Ana Ruiz forced the vote.</p>"
            "<p>By any measure, New Yorker Dick Morris is a winner.</p>" + STORY)
    assert "author" not in meta(body, "<title>Wall vote</title>")


# -- plain text -------------------------------------------------------------------------------------

def test_a_text_files_byline_under_its_headline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Wall vote delayed\n\nBy Janelle Whitaker, Examiner staff writer\n\n"
                    "The council put off its vote on the harbour wall on Tuesday night.\n", encoding="utf-8")
    assert load_article(path).author == "Janelle Whitaker"


def test_a_text_whose_first_paragraph_starts_with_by_has_no_author(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Georgia plans tax amnesty\n\nBy declaring their assets, people could legalise their "
                    "property, Mr Saakashvili said.\n\nBy any measure, New Yorker Dick Morris is a winner.\n",
                    encoding="utf-8")
    assert load_article(path).author is None
