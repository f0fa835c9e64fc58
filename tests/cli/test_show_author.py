"""`reader show` names the byline's people, in text and JSON, through the installed entry point."""
from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "metadata"


def test_show_text_names_the_authors(run_reader) -> None:
    result = run_reader("show", str(FIXTURES / "ld_author_array.html"))
    assert result.code == 0, result.err
    facts = result.out.splitlines()[1]
    assert facts.startswith("ld_author_array.html · by Ana Ruiz, Lee Chen · Valley Dispatch · 2025-06-02 · html")


def test_show_json_author_and_null_when_none(run_reader) -> None:
    result = run_reader("show", "--format", "json", str(FIXTURES / "ld_graph_author_ref.html"),
                        str(FIXTURES / "og_only.html"))
    assert result.code == 0, result.err
    first, second = result.json()
    assert (first["title"], first["author"], first["date"]) == (
        "Harbor board delays dredging vote again", "Imogen Hartley", "2025-03-14")
    assert second["author"] is None and second["date"] == "2025-09-12"


def test_show_front_matter_author(run_reader, tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("---\ntitle: Wall vote\nauthors:\n  - name: Ana Ruiz\n  - Lee Chen\n---\n"
                     "The council put off its vote on the harbour wall.\n", encoding="utf-8")
    result = run_reader("show", "--format", "json", str(story))
    assert result.code == 0, result.err
    assert result.json()["author"] == "Ana Ruiz, Lee Chen"
    text = run_reader("show", str(story))
    assert "story.md · by Ana Ruiz, Lee Chen ·" in text.out


def test_a_byline_of_markup_and_escapes_is_no_name_and_never_reaches_the_terminal(run_reader, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Wall vote</title><meta name='author' content='[bold]Ana[/bold] \x1b[31mRuiz'>"
                    "</head><body><h1>Wall vote</h1><p>The council put off its vote on the harbour wall.</p>"
                    "</body></html>", encoding="utf-8")
    result = run_reader("show", "--format", "json", str(page))
    assert result.code == 0, result.err
    assert result.json()["author"] is None
    text = run_reader("show", str(page))
    assert "\x1b" not in text.out  # the source line shows it as ^[
    assert text.out.splitlines()[1].startswith("page.html · html, utf-8")  # no "by" fact
