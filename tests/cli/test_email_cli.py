"""Newsletters through the installed `reader` entry point: list and summarize .eml and .mbox files."""
from __future__ import annotations

from pathlib import Path

EMAIL = Path(__file__).resolve().parents[1] / "fixtures" / "email"


def test_list_shows_each_message(run_reader) -> None:
    result = run_reader("list", str(EMAIL))
    assert result.code == 0, result.err
    rows = result.out.splitlines()
    assert len(rows) == 5  # three .eml files and the two messages of weekly.mbox
    assert sum("weekly.mbox#" in row for row in rows) == 2
    assert any("Breakwater vote — the morning briefing" in row and "The Harbour Gazette" in row for row in rows)


def test_plain_messages_pass_the_citation_checker(run_reader, check_citations) -> None:
    # 7bit and 8bit bodies only: the checker reads raw lines and cannot decode quoted-printable or base64
    result = run_reader("summarize", "--format", "json", str(EMAIL / "forwarded.eml"), f"{EMAIL / 'weekly.mbox'}#1")
    assert result.code == 0, result.err
    doc = result.json()
    assert [c["path"] for a in doc["articles"] for i in a["summary"] for c in i["citations"]][-1] == str(EMAIL / "weekly.mbox")
    ok, summary = check_citations(result.out)
    assert ok, summary


def test_show_leaves_the_footer_out(run_reader) -> None:
    result = run_reader("show", "--format", "json", str(EMAIL / "newsletter-qp.eml"))
    assert result.code == 0, result.err
    doc = result.json()
    assert doc["format"] == "email" and doc["source"] == "The Harbour Gazette"
    assert not any("nsubscribe" in s["text"] for s in doc["sentences"])
