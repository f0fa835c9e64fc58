"""The story day by day: a follow-up's new facts under its date, the retold ones not, undated apart."""
from __future__ import annotations

import json
from pathlib import Path

from reader.ingest import load_paths
from reader.model import Article
from reader.summarize.news_signals import surely_new
from reader.summarize.story import story_units
from reader.summarize.timeline import new_on_their_day, story_timeline

FIRST = """---
title: Elm Street bridge to close for repairs
date: 2026-04-01
source: Harwick Courier
---

The Harwick city council voted on Monday to close the Elm Street bridge for two years of repairs.

Engineers found corrosion in four of the bridge's steel girders during an inspection in March.

Traffic will be diverted over the Mill Lane crossing, adding about ten minutes to commutes.
"""
SECOND = """---
title: Council closes Elm Street bridge
date: 2026-04-01
source: Harwick Gazette
---

The city council in Harwick voted Monday to shut the Elm Street bridge for two years of repair work.

Inspectors found corrosion in four steel girders of the bridge in March, engineers said.
"""
FOLLOW_UP = """---
title: Bridge contract awarded
date: 2026-04-09
source: Harwick Courier
---

The Harwick city council voted on Monday to close the Elm Street bridge for two years of repairs.

The council on Wednesday awarded the 14 million dollar repair contract to Brennan Steelworks of Oakport.

Work on the girders will begin on May 4, and a pedestrian ferry will run across the river during the closure.
"""
UNDATED = """Shop owners on Elm Street say they fear losing customers while the Elm Street bridge is closed for repairs.

The Harwick council voted to close the bridge after engineers found corrosion in its girders.
"""


def _folder(tmp_path: Path) -> Path:
    for name, text in (("a-first.md", FIRST), ("b-second.md", SECOND), ("c-follow-up.md", FOLLOW_UP),
                       ("d-undated.txt", UNDATED)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _articles(folder: Path) -> list[Article]:
    return [a for a in load_paths([str(folder)]) if isinstance(a, Article)]


def test_the_follow_up_gives_only_its_new_facts_under_its_date(tmp_path: Path) -> None:
    timeline = story_timeline(_articles(_folder(tmp_path)), words_per_day=80)
    dates = [day.date for day in timeline.days]
    assert dates == ["2026-04-01", "2026-04-09", None]  # undated last, never at the start
    later = " ".join(item.text for item in timeline.days[1].items)
    assert "Brennan Steelworks" in later or "May 4" in later
    assert "voted on Monday to close" not in later  # retold word for word: not new on the 9th
    first = " ".join(item.text for item in timeline.days[0].items)
    assert "voted" in first


def test_an_undated_article_gives_only_what_no_dated_source_said(tmp_path: Path) -> None:
    timeline = story_timeline(_articles(_folder(tmp_path)), words_per_day=80)
    undated = timeline.days[-1]
    assert [Path(a.path).name for a in undated.articles] == ["d-undated.txt"]
    texts = [item.text for item in undated.items]
    assert any("Shop owners" in t for t in texts)
    assert not any("corrosion" in t for t in texts)


def test_each_day_keeps_its_word_budget(tmp_path: Path) -> None:
    timeline = story_timeline(_articles(_folder(tmp_path)), words_per_day=20)
    for day in timeline.days:
        assert sum(len(item.text.split()) for item in day.items) <= 20


def test_timeline_through_the_entry_point(run_reader, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = run_reader("summarize", "--story", "--timeline", "--format", "json", str(folder))
    assert result.code == 0, result.err
    days = json.loads(result.out)["timeline"]["days"]
    assert [d["date"] for d in days] == ["2026-04-01", "2026-04-09", None]
    for day in days:
        for item in day["new"]:
            assert item["citations"][0]["path"].startswith(str(folder))
    text = run_reader("summarize", "--story", "--timeline", str(folder))
    assert "2026-04-09 · 1 article: c-follow-up.md" in text.out and "Undated" in text.out
    alone = run_reader("summarize", "--timeline", str(folder))
    assert alone.code == 2 and "--timeline goes with --story" in alone.err


def test_timeline_citations_hold(run_reader, check_citations, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = run_reader("summarize", "--story", "--timeline", "--format", "json", str(folder))
    days = json.loads(result.out)["timeline"]["days"]
    # The checker reads a story summary's shape: give it the timeline's sentences as one.
    document = {"story": {"summary": [item for day in days for item in day["new"]]}, "articles": []}
    ok, last = check_citations(json.dumps(document), tmp_path)
    assert ok, last


BUSY_FOLLOW_UP = """---
title: Bridge contract awarded, ferry and grants for shops
date: 2026-04-09
source: Harwick Gazette
---

Barriers went up at the Elm Street bridge, closed for two years of repairs to its corroded steel girders.

The council on Wednesday awarded the repair contract to Brennan Steelworks of Oakport for 14 million dollars.

Brennan will bring a floating crane up the river from Oakport on May 4 to lift out the first girder.

A pedestrian ferry will carry walkers and cyclists across the river at Quarry Landing until the bridge reopens.

Shops on Elm Street will get a city grant of 2,000 dollars each to cover lost trade during the closure.

The council also agreed to extend the Number 7 bus route over the Mill Lane crossing to the hospital.
"""
NEW_ON_THE_9TH = ("Brennan Steelworks", "floating crane", "pedestrian ferry", "city grant", "Number 7 bus")


def _busy(tmp_path: Path) -> Path:
    for name, text in (("a-first.md", FIRST), ("b-second.md", SECOND), ("c-busy.md", BUSY_FOLLOW_UP)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_busy_day_lists_every_new_fact_by_default(tmp_path: Path) -> None:
    # Five new facts, 94 words: the default budget is a cap, not a page, so none is dropped.
    timeline = story_timeline(_articles(_busy(tmp_path)))
    later = " ".join(item.text for item in timeline.days[1].items)
    for fact in NEW_ON_THE_9TH:
        assert fact in later, fact


def test_a_retelling_in_new_words_is_not_listed_as_new(tmp_path: Path) -> None:
    # "closed for two years of repairs ... steel girders" is the 1st's news in other words, with a
    # few new ones ("barriers went up"): no single earlier sentence is close to it, but most of
    # what it says was told, so even with room to spare it is not the 9th's news.
    timeline = story_timeline(_articles(_busy(tmp_path)), words_per_day=300)
    later = [item.text for item in timeline.days[1].items]
    assert not any(text.startswith("Barriers went up") for text in later)
    assert len(later) == len(NEW_ON_THE_9TH)


def test_words_caps_each_day_through_the_entry_point(run_reader, tmp_path: Path) -> None:
    folder = _busy(tmp_path)
    wide = run_reader("summarize", "--story", "--timeline", str(folder))
    assert wide.code == 0, wide.err
    assert "at most 160 words a day" in wide.out.splitlines()[0]
    narrow = run_reader("summarize", "--story", "--timeline", "--words", "40", "--format", "json", str(folder))
    days = json.loads(narrow.out)["timeline"]["days"]
    assert json.loads(narrow.out)["timeline"]["words_per_day"] == 40
    for day in days:
        assert 0 < sum(len(item["text"].split()) for item in day["new"]) <= 40


MERGER_RULING = Path(__file__).resolve().parents[1] / "fixtures" / "merger-ruling"  # a complaint, then the ruling


def _two_days(tmp_path: Path) -> list[Article]:
    return _articles(MERGER_RULING)


def test_an_event_dated_after_the_earlier_reports_is_news_in_their_words(tmp_path: Path) -> None:
    # "A federal judge on Monday blocked ..." shares most of its words with "asked a federal judge to
    # block ...", but nothing published on the 12th can have told Monday the 18th's ruling.
    timeline = story_timeline(_two_days(tmp_path), words_per_day=80)
    later = [item.text for item in timeline.days[1].items]
    assert timeline.days[1].date == "2026-05-18"
    assert any("on Monday blocked" in t for t in later)
    assert not any("raise prices" in t for t in later)  # retold: no date, no new number


def test_an_updated_count_is_news_on_its_day(tmp_path: Path) -> None:
    timeline = story_timeline(_two_days(tmp_path), words_per_day=80)
    assert any("96 people" in item.text for item in timeline.days[1].items)


def test_a_copied_sentence_keeps_its_earlier_weekday(tmp_path: Path) -> None:
    # The follow-up of the 9th repeats "voted on Monday" from the 1st: that is the Monday before the
    # 1st, not the 6th, so the sentence was told before and is not new on the 9th.
    timeline = story_timeline(_articles(_folder(tmp_path)), words_per_day=80)
    new = new_on_their_day(timeline.story)
    copied = [n for u, n in zip(timeline.story.units, new)
              if u.article.path.endswith("c-follow-up.md") and "voted on Monday" in u.text]
    assert copied == [False]


def test_a_number_stated_before_in_another_form_is_no_update(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Fire kills man\ndate: 2026-08-12\n---\n\n"
                                   "A 71-year-old man was found dead in his home in Fenner Flats as the fire spread.\n\n"
                                   "The fire had burned about 18,500 acres by Wednesday night, officials said.\n",
                                   encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: Neighbours mourn\ndate: 2026-08-13\n---\n\n"
                                   "Harold Pettibone, 71, a retired teacher, was found dead in his Fenner Flats home.\n\n"
                                   "The fire had burned about 24,000 acres by Thursday, officials said.\n",
                                   encoding="utf-8")
    story = story_units(_articles(tmp_path))
    days = [u.article.date[:10] for u in story.units]
    news = {story.units[i].text.split(",")[0] for i in surely_new(story, days, new_on_their_day(story))}
    assert "Harold Pettibone" not in news  # 71 was told as an age the day before
    assert any(t.startswith("The fire had burned about 24") for t in news)  # a new toll is an update


def test_on_a_busy_day_a_dated_event_comes_before_new_wording(tmp_path: Path) -> None:
    # At 16 words the 18th has room for one sentence: the ruling, dated that Monday, not the colour
    # piece whose words are merely new.
    (tmp_path / "a-asked.md").write_text((MERGER_RULING / "a-asked.md").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b-ruled.md").write_text(
        "---\ntitle: Judge blocks grocery merger\ndate: 2026-05-18\nsource: Continental Press\n---\n\n"
        "Shoppers in Hollisport shrugged, filling carts with strawberries, bread and discounted lemonade.\n\n"
        "A federal judge on Monday blocked Brightfield Markets from buying Pellham Grocers.\n", encoding="utf-8")
    timeline = story_timeline(_articles(tmp_path), words_per_day=16)
    assert [item.text for item in timeline.days[1].items] == [
        "A federal judge on Monday blocked Brightfield Markets from buying Pellham Grocers."]


def test_a_leaning_sentence_is_listed_when_its_self_contained_twin_is_on_another_day(tmp_path: Path) -> None:
    # The 19th first reports the suit as "Also on Friday, ..."; the 21st retells it self-contained.
    # The leaning form gives way only to a twin the same day could list, so the suit is under the 19th.
    def write(name: str, day: str, *sentences: str) -> None:
        body = "\n\n".join(sentences)
        (tmp_path / name).write_text(f"---\ntitle: Dunmere water\ndate: {day}\nsource: Wire {name}\n---\n\n{body}\n",
                                     encoding="utf-8")

    write("a.md", "2026-09-17", "The Dunmere Water Authority ordered residents to boil tap water after E. coli was found.")
    write("b.md", "2026-09-19", "The Dunmere Water Authority lifted its boil-water order for the north side on Friday.",
          "Also on Friday, four residents filed a class-action lawsuit accusing the authority of negligence.")
    write("c.md", "2026-09-21", "Four residents filed a class-action lawsuit accusing the Dunmere authority of negligence.")
    timeline = story_timeline(_articles(tmp_path), words_per_day=80)
    by_date = {day.date: " ".join(item.text for item in day.items) for day in timeline.days}
    assert "class-action lawsuit" in by_date["2026-09-19"]


def test_timeline_as_markdown_has_a_heading_per_day_and_footnotes_that_match_the_json(run_reader, tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    folder = _folder(tmp_path)
    days = json.loads(run_reader("summarize", "--story", "--timeline", "--format", "json", str(folder)).out)["timeline"]["days"]
    result = run_reader("summarize", "--story", "--timeline", "--format", "markdown", str(folder))
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("## Timeline\n")
    tokens = MarkdownIt("commonmark").parse(out)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h3"]
    assert [h.split(" · ")[0] for h in headings] == [d["date"] or "Undated" for d in days]
    items = [line for line in out.splitlines() if line.startswith("- ")]
    assert len(items) == sum(len(d["new"]) for d in days)
    notes = [line for line in out.splitlines() if line.startswith("[^")]
    assert len(notes) == sum(len(item["citations"]) for d in days for item in d["new"])  # its own place and each report


def _dated(name: str, date: str, outlet: str, body: str) -> str:
    return f"---\ntitle: Plant fire\ndate: {date}\nsource: {outlet}\n---\n\n{body}\n"


def test_a_contested_number_is_flagged_on_its_day_and_a_growing_count_is_not(tmp_path: Path) -> None:
    """Two outlets on one day give 212 and 240 homes: each sentence says the other value. A count
    that grows day by day (12 ill, then 30) is the timeline's news and is flagged nowhere."""
    texts = {
        "a.md": ("2026-05-01", "Dunmore Daily", "A fire at the Vexar chemical plant in Dunmore forced the evacuation of "
                 "212 homes on Wednesday, officials said. Health officials said 12 people were treated for smoke."),
        "b.md": ("2026-05-01", "Valley Wire", "A fire at the Vexar chemical plant in Dunmore forced the evacuation of "
                 "240 homes on Wednesday, county officials said."),
        "c.md": ("2026-05-02", "Dunmore Daily", "Health officials said 30 people were treated for smoke after the Vexar "
                 "chemical plant fire in Dunmore. Investigators began examining the storage building on Thursday."),
    }
    for name, (date, outlet, body) in texts.items():
        (tmp_path / name).write_text(_dated(name, date, outlet, body), encoding="utf-8")
    timeline = story_timeline(_articles(tmp_path))
    flagged = {item.text: sorted(own.label for _, own in item.contested) for day in timeline.days for item in day.items}
    homes = [text for text in flagged if "homes" in text]
    assert homes and all(flagged[text] in (["212"], ["240"]) for text in homes)
    assert all(not labels for text, labels in flagged.items() if "treated for smoke" in text)
