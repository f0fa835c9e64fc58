"""Feeds through the installed `reader` entry point: list, show and summarize by item address, mark by item."""
from __future__ import annotations

from pathlib import Path

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
CHECKED = ["rss2.xml", "rss1.rdf", "atom.atom", "jsonfeed.json"]  # no JSON or doubled escapes: the checker reads raw lines


def test_summarize_json_citations_hold_on_every_feed(run_reader, check_citations) -> None:
    result = run_reader("summarize", "--format", "json", *(str(FEEDS / name) for name in CHECKED))
    assert result.code == 0, result.err
    doc = result.json()
    assert len(doc["articles"]) == 10  # 3 + 2 + 3 + 2 items
    for article in doc["articles"]:
        for item in article["summary"]:
            assert all(c["path"] in {str(FEEDS / n) for n in CHECKED} for c in item["citations"])
    ok, summary = check_citations(result.out)
    assert ok, summary


def test_list_shows_one_row_per_item_and_show_takes_an_address(run_reader, check_citations) -> None:
    listed = run_reader("list", str(FEEDS / "atom.atom"))
    assert listed.code == 0, listed.err
    rows = listed.out.splitlines()
    assert len(rows) == 3 and all(f"{FEEDS / 'atom.atom'}#" in row for row in rows)
    address = rows[1].split()[-1]
    shown = run_reader("show", "--format", "json", address)
    assert shown.code == 0, shown.err
    doc = shown.json()
    assert doc["path"] == str(FEEDS / "atom.atom") and doc["address"] == address
    assert doc["title"] == "Seabird colony counts recover on outer islands" and doc["author"] == "Jonas Aalto"
    ok, summary = check_citations(shown.out)
    assert ok, summary
    by_number = run_reader("show", "--format", "json", f"{FEEDS / 'atom.atom'}#2")
    assert by_number.json()["address"] == address
    text = run_reader("show", address)
    assert "Seabird colony" in text.out and "<title>Glacier" not in text.out  # only the item's own lines


def test_summarize_text_cites_the_feed_file(run_reader) -> None:
    result = run_reader("summarize", "-n", "1", f"{FEEDS / 'rss2.xml'}#3")
    assert result.code == 0, result.err
    assert "rss2.xml:" in result.out and "rss2.xml#" in result.out  # cited by file line, headed by address


def test_mark_by_item_survives_a_resave_with_new_items(run_reader, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    original = (FEEDS / "rss2.xml").read_text(encoding="utf-8")
    feed.write_text(original, encoding="utf-8")
    state = str(tmp_path / "state.sqlite3")
    assert run_reader("--state", state, "mark", "--star", f"{feed}#2").code == 0
    extra = "<item><title>A newer story</title><guid>n-1</guid><description>It arrived later on.</description></item>"
    feed.write_text(original.replace("<item>", extra + "\n    <item>", 1), encoding="utf-8")
    assert run_reader("--state", state, "mark", "--read", f"{feed}#2").code == 0  # now the old first item
    rows = run_reader("--state", state, "list", str(feed)).out.splitlines()
    starred = [row for row in rows if "★" in row]
    assert len(rows) == 4 and len(starred) == 1 and "Ferry timetable" in starred[0]
    newer = next(row for row in rows if "A newer story" in row)
    assert "★" not in newer and newer.startswith("●")  # the new item took nobody's state


def test_hostile_feeds_are_one_line_each_and_the_rest_loads(run_reader) -> None:
    result = run_reader("list", str(FEEDS / "hostile"))
    assert result.code == 1
    errors = [line for line in result.err.splitlines() if "entities" in line]
    assert len(errors) == 3 and all(line.startswith("reader: ") for line in errors)
    assert "The first item was saved whole" in result.out


def test_search_cites_each_feed_hit_by_item_address_and_line_that_show_opens(run_reader, tmp_path: Path) -> None:
    """`reader search` over a folder holding a feed: a hit on an item reads `feed.xml#id:line: sentence`;
    the address is the one `reader list` gives, `reader show` opens it, and the lines hold the sentence."""
    import re

    folder = tmp_path / "inbox"
    folder.mkdir()
    feed = folder / "feed.xml"
    feed.write_text((FEEDS / "rss2.xml").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "note.txt").write_text("Pier notes\n\nThe harbour master asked boat owners to check the tide tables.\n",
                                     encoding="utf-8")
    result = run_reader("search", "harbour OR ferry", str(folder))
    assert result.code == 0, result.err
    hit = re.compile(r"^(feed\.xml#[0-9a-f]{8}(?:-\d+)?):(\d+)(?:-(\d+))?: (.+)$")
    feed_hits = [m for line in result.out.splitlines() if (m := hit.match(line))]
    assert "note.txt:3: The harbour master" in result.out
    assert len(feed_hits) >= 2 and len({m.group(1) for m in feed_hits}) >= 2  # the ferry item and the tide gauge item
    listed = {row.split()[-1] for row in run_reader("list", str(folder)).out.splitlines()}
    lines = feed.read_text(encoding="utf-8").splitlines()
    for match in feed_hits:
        address, first, last, sentence = match.group(1), int(match.group(2)), int(match.group(3) or match.group(2)), match.group(4)
        assert f"{folder}/{address}" in listed
        cited = " ".join(lines[first - 1:last])
        assert sentence.split()[0] in cited and sentence.split()[-1].rstrip(".") in cited, (sentence, cited)
        shown = run_reader("show", "--format", "json", address, cwd=folder)  # the address as printed, from the root
        assert shown.code == 0, shown.err
        doc = shown.json()
        assert doc["address"] == address
        assert any(s["text"] == sentence and s["line_start"] == first for s in doc["sentences"]), sentence
    as_json = run_reader("search", "--format", "json", "ferry", str(folder)).json()
    (ferry,) = {h["path"] for h in as_json["hits"]}
    assert ferry.startswith(f"{folder}/feed.xml#") and run_reader("show", ferry).code == 0
