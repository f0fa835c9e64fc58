"""Feed files through ingest: one article per item, metadata from item and channel, citations at the feed's lines."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from reader.ingest import iter_inputs, load_article
from reader.ingest.feed_json import JsonError, parse_json
from reader.ingest.feed_xml import FeedXmlError, parse_xml
from reader.ingest.item_ids import item_ids, resolve
from reader.model import Article, LoadError

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^>]*>")


def items(path: Path) -> list[Article]:
    """Every item of a feed, loaded the way the commands load them (expanded inputs, one at a time)."""
    out = []
    for entry in iter_inputs([path]):
        assert not isinstance(entry, LoadError), entry
        loaded = load_article(entry[1], entry[0])
        assert isinstance(loaded, Article), loaded
        out.append(loaded)
    return out


def source_words(text: str) -> list[str]:
    """Words of raw feed text with every layer of escaping taken off (JSON, XML, HTML)."""
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text).replace("\\n", " ")
    text = html.unescape(html.unescape(_TAG.sub(" ", html.unescape(text))))
    return [w.lower() for w in _WORD.findall(_TAG.sub(" ", text))]


def assert_cited_exactly(article: Article) -> None:
    """Each sentence's words are, in order, in the file's characters from its start to its end offset,
    and its lines are the lines holding those offsets."""
    assert article.sentences
    index = article.line_index
    for sentence in article.sentences:
        raw = article.text[sentence.start:sentence.end]
        want = [w.lower() for w in _WORD.findall(sentence.text)]
        assert " ".join(want) in " ".join(source_words(raw)), (sentence.text, raw)
        assert sentence.span.start == index.line_of(sentence.start)
        assert sentence.span.end == index.line_of(sentence.end - 1)


@pytest.mark.parametrize("name", ["rss2.xml", "rss1.rdf", "atom.atom", "jsonfeed.json", "escapes-jsonfeed.json",
                                  "escapes-rss1.rdf", "bylines.xml", "feed-author.atom", "feed-author.json"])
def test_every_item_cites_the_feed_lines_that_hold_it(name: str) -> None:
    for article in items(FEEDS / name):
        assert article.file == str(FEEDS / name)
        assert article.path == f"{article.file}#{article.item}"
        assert_cited_exactly(article)


def test_rss2_items_carry_item_and_channel_metadata() -> None:
    first, second, third = items(FEEDS / "rss2.xml")
    assert first.title == "Tide gauge upgrade finished ahead of winter storms"
    assert (first.date, first.author, first.source) == ("2026-09-14", "Mara Quinlan", "The Harbour Gazette")
    assert first.url == "https://harbour-gazette.example/tide-gauge"
    assert first.topics == ["Coast"]
    assert second.title == "Ferry timetable changes & new Sunday crossings"  # &amp; decoded
    assert third.url is None and third.date == "2026-09-12"
    # content:encoded wins over description; the share prompt inside it is left out as on a page
    assert first.sentences[0].text.startswith("Engineers finished replacing")
    assert not any("Share this story" in s.text for s in first.sentences)
    assert any(r.reason == "share prompt" and r.span.start == 18 for r in first.removed)
    assert first.item_lines is not None and (first.item_lines.start, first.item_lines.end) == (7, 20)


def test_escaped_html_description_is_read_as_paragraphs_on_their_own_lines() -> None:
    second = items(FEEDS / "rss2.xml")[1]
    assert [s.span.start for s in second.sentences] == [27, 28, 29]  # the lines of the three escaped <p>s
    assert second.format == "html"


def test_atom_html_xhtml_and_text_content() -> None:
    glacier, seabirds, note = items(FEEDS / "atom.atom")
    assert glacier.title == "Glacier survey finds faster retreat"  # type="html" title, tags dropped
    assert glacier.date == "2026-09-15"  # published, not updated
    assert (glacier.author, glacier.source) == ("Priya Lindqvist", "Northern Science Desk")
    assert glacier.url == "https://science-desk.example/glacier"  # rel=alternate
    assert [s.span.start for s in seabirds.sentences] == [27, 28]  # inline XHTML, cited where it is written
    assert note.sentences[0].text.startswith("The public lecture")  # a summary when there is no content


def test_rss1_items_sit_beside_the_channel() -> None:
    bridge, orchard = items(FEEDS / "rss1.rdf")
    assert (bridge.title, bridge.author, bridge.date) == ("Footbridge reopens after repairs", "Ines Okafor", "2026-09-10")
    assert bridge.source == "Valley Record"
    assert orchard.sentences[1].text.endswith("kept alive for decades.")


def test_json_feed_escapes_map_to_their_place() -> None:
    bakery, parking = items(FEEDS / "escapes-jsonfeed.json")
    assert "founder’s" in bakery.sentences[1].text  # \u2019 decoded
    assert [s.span.start for s in bakery.sentences] == [13, 13, 13]
    assert (bakery.author, bakery.date, bakery.topics) == ("Lena Hartmann", "2026-09-11", ["business"])
    assert parking.author == "Karl Weber" and parking.format == "text"
    assert [s.text.split()[0] for s in parking.sentences] == ["Parking", "Shop"]  # "\n\n" is a paragraph break


def test_item_addresses_by_id_and_by_position() -> None:
    path = FEEDS / "rss2.xml"
    by_walk = [entry[0] for entry in iter_inputs([path])]
    second = [entry for entry in iter_inputs([f"{path}#2"])]
    assert len(second) == 1 and second[0][0] == by_walk[1]  # a position is made the item's id
    again = load_article(Path(by_walk[1]), by_walk[1])
    assert isinstance(again, Article) and again.title.startswith("Ferry")
    missing = list(iter_inputs([f"{path}#9"]))
    assert isinstance(missing[0], LoadError) and "no item 9" in missing[0].error
    whole = load_article(path)
    assert isinstance(whole, LoadError) and "holds 3 items" in whole.error


def test_item_ids_are_stable_and_distinct() -> None:
    ids = item_ids(["a", "b", "a"])
    assert ids[0] == item_ids(["z", "a"])[1]  # the same key, the same id, wherever it stands
    assert ids[2] == f"{ids[0]}-2" and len(set(ids)) == 3
    assert resolve(ids, "2") == ids[1] and resolve(ids, ids[2]) == ids[2]
    assert resolve(ids, "4") is None and resolve(ids, "0") is None


def test_a_resaved_feed_keeps_item_ids_and_numbers_new_items(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    original = (FEEDS / "rss2.xml").read_text(encoding="utf-8")
    feed.write_text(original, encoding="utf-8")
    before = {a.title: a.item for a in items(feed)}
    extra = "<item><title>A new story on top</title><guid>new-1</guid><description>Fresh words here today.</description></item>"
    feed.write_text(original.replace("<item>", extra + "\n    <item>", 1), encoding="utf-8")
    after = {a.title: a.item for a in items(feed)}
    assert len(after) == 4
    assert all(after[title] == item for title, item in before.items())


def test_non_feed_xml_and_json_stay_single_articles(tmp_path: Path) -> None:
    note = tmp_path / "note.xml"
    note.write_text("<note><body>Call the harbour office before noon about the mooring fees.</body></note>\n")
    data = tmp_path / "data.json"
    data.write_text(json.dumps({"title": "not a feed", "text": "The harbour office will raise its mooring fees in May."}))
    assert [entry[0] for entry in iter_inputs([note, data])] == [str(note), str(data)]
    assert isinstance(load_article(note), Article) and isinstance(load_article(data), Article)


def test_data_files_with_no_prose_are_refused_with_a_reason_not_read_as_an_article(tmp_path: Path) -> None:
    """A sitemap or a package manifest named .xml / .json: read as text, its markup or keys were
    the headline ("<?xml version=... <urlset ...>"). Each is one clear message instead."""
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<?xml version="1.0"?><urlset><url><loc>https://news.example/a</loc>'
                       "<lastmod>2024-01-01</lastmod></url></urlset>\n")
    manifest = tmp_path / "package.json"
    manifest.write_text(json.dumps({"name": "package", "version": "1.0", "dependencies": {"a": "1"}}))
    for path, why in ((sitemap, "XML that is not a feed (its root is <urlset>)"), (manifest, "JSON that is not a feed")):
        loaded = load_article(path)
        assert isinstance(loaded, LoadError) and why in loaded.error, loaded


def test_xml_positions_survive_multibyte_text() -> None:
    text = "<a><b>café</b><c>naïve</c></a>"
    (root,) = parse_xml(text)
    b, c = root.children
    assert text[b.inner_start:b.inner_end] == "café" and text[c.inner_start:c.inner_end] == "naïve"


def test_xml_guards() -> None:
    with pytest.raises(FeedXmlError, match="declares XML entities"):
        parse_xml('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    with pytest.raises(FeedXmlError, match="nested more than"):
        parse_xml("<a>" * 100 + "</a>" * 100)
    with pytest.raises(FeedXmlError) as broken:
        parse_xml("<rss><channel><item><title>t</title></item><item><title>")
    assert broken.value.elements[0].children[0].children[0].end > 0  # the whole first item is kept


def test_json_reader_is_bounded_and_keeps_spans() -> None:
    text = '{"a": ["x\\u00e9y", 1.5, true, null]}'
    doc = parse_json(text)
    value = doc["a"][0]
    assert value == "xéy" and text[value.start:value.end] == "x\\u00e9y"
    with pytest.raises(JsonError, match="nested"):
        parse_json("[" * 100 + "]" * 100)
    with pytest.raises(JsonError):
        parse_json('{"a": 1,}')


def test_an_items_byline_or_author_element_is_its_author() -> None:
    """The feed names no author: each item's own, from its author element, else the byline its HTML shows."""
    frost, bus, library = items(FEEDS / "bylines.xml")
    assert frost.author == "Hanna Ostrowski"  # <p class="byline"> in content:encoded, no author element
    assert bus.author == "Piet van Aalst"  # RSS 2.0 <author>: "address (Name)", the name
    assert library.author == "Marta Ruiz"  # dc:creator beats a byline in the text


def test_atom_entries_without_an_author_take_the_feeds() -> None:
    """RFC 4287: an entry without atom:author has the feed's; its own author or byline comes first."""
    ramp, lido, pier = items(FEEDS / "feed-author.atom")
    assert (ramp.author, lido.author, pier.author) == ("Edith Marlowe", "Oskar Lind", "Ruth Abebe")
    path, bells = items(FEEDS / "feed-author.json")  # JSON Feed's top-level authors, the same way
    assert (path.author, bells.author) == ("Gwen Tallis", "Amos Reid")


def test_an_item_is_named_by_its_id_or_its_position_with_or_without_the_index() -> None:
    from reader.ingest.item_ids import resolve
    ids = ["a1", "b2", "7", "b2"]
    positions = {"a1": 0, "b2": 1, "7": 2}
    for index in (None, positions):
        assert resolve(ids, "b2", index) == "b2"
        assert resolve(ids, "1", index) == "a1"  # a position
        assert resolve(ids, "7", index) == "7"  # an id wins over a position
        assert resolve(ids, "9", index) is None and resolve(ids, "zz", index) is None
