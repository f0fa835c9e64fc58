"""Story summaries: the word budget, coverage of the story's parts, honest corroboration, reprints, left-out inputs."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from redundancy import redundant_pairs

from reader.ingest import load_article, load_paths
from reader.model import Article
from reader.summarize import summarize_story
from reader.summarize.compare import shared_sentences

WORDS = re.compile(r"[^\W_]+")
PROJECT = Path(__file__).resolve().parents[2]


def write(folder: Path, name: str, text: str) -> Article:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    article = load_article(path)
    assert isinstance(article, Article), article
    return article


def holds(article: Article, text: str, start: int, end: int) -> bool:
    want = [w.lower() for w in WORDS.findall(text)]
    hay = [w.lower() for w in WORDS.findall(" ".join(article.lines[start - 1:end]))]
    return any(hay[i:i + len(want)] == want for i in range(len(hay) - len(want) + 1))


# Four outlets on one event (a harbour bridge closure) with two threads: the closure itself, and the
# ferry service the city adds; a later follow-up reports the reopening date; one outlet alone reports
# the contractor's fine. A fifth file is about something else entirely.
BRIDGE = {
    "a-courier.txt": (
        " date 2026-04-02 Harbour officials closed the Kestrel Bridge to all traffic on Wednesday after inspectors "
        "found cracks in two steel girders.\n\n"
        "About 48,000 vehicles cross the bridge on a typical weekday, according to the city transport office.\n\n"
        "The city will run extra ferries between Lowtown and the Quays every 15 minutes while the bridge is shut.\n\n"
        "Mayor Ines Calloway said the closure would last at least six weeks.\n"),
    "b-wire.md": (
        "---\ntitle: \"Kestrel Bridge shut after girder cracks found\"\npublishedDateTime: 2026-04-02T15:00:00Z\n"
        "provider:\n  name: Harbour Wire\n---\n\n"
        "The Kestrel Bridge was closed to traffic on Wednesday after inspectors discovered cracks in two of its "
        "steel girders, harbour officials said.\n\n"
        "Some 48,000 vehicles use the crossing each weekday.\n\n"
        "Extra ferries will sail between Lowtown and the Quays every 15 minutes during the closure.\n\n"
        "Calloway said repairs would take at least six weeks.\n"),
    "c-radio.txt": (
        " date 2026-04-03 Commuters queued for the new ferries on Thursday, a day after the Kestrel Bridge was closed "
        "when cracks were found in two steel girders.\n\n"
        "The city added ferries every 15 minutes between Lowtown and the Quays.\n\n"
        "“It took me an hour longer,” said Dana Whitlow, a nurse who lives in Lowtown.\n\n"
        "The bridge's maintenance contractor, Greyline Works, was fined $2.1 million in 2024 for missed inspections.\n"),
    "d-follow-up.txt": (
        " date 2026-04-20 The Kestrel Bridge will reopen to cars on May 18, harbour officials said on Monday, after "
        "crews replaced the two cracked girders.\n\n"
        "Trucks heavier than 20 tonnes will stay banned until June.\n"),
    "e-unrelated.txt": (
        " date 2026-04-02 The Lowtown Lions beat the Quay Rovers 3-1 in the regional cup final on Saturday.\n\n"
        "Striker Amos Pell scored twice in the second half as the Lions won their first title since 2011.\n\n"
        "The team will parade through the old town on Sunday afternoon.\n"),
}


@pytest.fixture
def bridge(tmp_path: Path) -> list[Article]:
    return [write(tmp_path, name, text) for name, text in BRIDGE.items()]


def test_budget_is_never_exceeded_and_n_caps_inside_it(bridge: list[Article]) -> None:
    for words in (10, 25, 40, 60, 160):
        summary = summarize_story(bridge, words=words)
        assert sum(len(i.text.split()) for i in summary.items) <= words
    capped = summarize_story(bridge, count=2, words=160)
    assert len(capped.items) == 2
    assert sum(len(i.text.split()) for i in capped.items) <= 160


def test_a_budget_smaller_than_every_sentence_quotes_nothing(bridge: list[Article]) -> None:
    assert summarize_story(bridge, words=3).items == []


def test_unrelated_input_is_left_out_with_a_reason_and_never_quoted(bridge: list[Article]) -> None:
    summary = summarize_story(bridge, words=400)
    left = {Path(x.path).name: x.reason for x in summary.left_out}
    assert set(left) == {"e-unrelated.txt"}
    assert "another story" in left["e-unrelated.txt"]
    cited = {Path(c.path).name for i in summary.items for c in i.citations}
    assert "e-unrelated.txt" not in cited
    assert {a.path for a in summary.articles} == {a.path for a in bridge}  # every input is named


def test_short_on_topic_follow_up_is_kept_and_its_development_quoted(bridge: list[Article]) -> None:
    summary = summarize_story(bridge, words=160)
    assert "d-follow-up.txt" not in {Path(x.path).name for x in summary.left_out}
    assert any("May 18" in i.text for i in summary.items), [i.text for i in summary.items]


def test_a_lone_file_dated_before_the_story_began_is_no_follow_up(tmp_path: Path) -> None:
    # The follow-up's words, dated before the closure: a file that shares the story's vocabulary but
    # resembles no report of it (an earlier piece on the same bridge) is left out, and says why.
    texts = dict(BRIDGE)
    texts["d-follow-up.txt"] = texts["d-follow-up.txt"].replace("2026-04-20", "2026-03-30")
    summary = summarize_story([write(tmp_path, name, text) for name, text in texts.items()], words=160)
    left = {Path(x.path).name: x.reason for x in summary.left_out}
    assert set(left) == {"d-follow-up.txt", "e-unrelated.txt"}
    assert "dated 2026-03-30, before this story's first report on 2026-04-02" in left["d-follow-up.txt"]



def test_a_lone_file_on_another_event_in_the_same_words_is_left_out(tmp_path: Path) -> None:
    """A file on another closure, dated after the story began and in its words ("closed to traffic",
    "cracks", "girders"), names none of its places or people: another story, and it says why. The
    real follow-up names the Kestrel Bridge and is kept."""
    texts = dict(BRIDGE)
    texts["f-other-bridge.txt"] = (
        " date 2026-04-09 Engineers shut the Marlow Viaduct on Tuesday after finding cracks in a support beam, "
        "officials said.\n\nDrivers face a long detour while repairs last, which could be six weeks.\n")
    summary = summarize_story([write(tmp_path, name, text) for name, text in texts.items()], words=160)
    left = {Path(x.path).name: x.reason for x in summary.left_out}
    assert set(left) == {"e-unrelated.txt", "f-other-bridge.txt"}
    assert "names no one and nothing it names" in left["f-other-bridge.txt"]

def test_both_threads_are_covered_without_repeating_a_fact(bridge: list[Article]) -> None:
    summary = summarize_story(bridge, words=160)
    texts = [i.text for i in summary.items]
    assert any("crack" in t for t in texts), texts  # the closure
    assert any("ferr" in t for t in texts), texts  # the ferries
    assert redundant_pairs(texts) == 0
    assert sum("15 minutes" in t for t in texts) <= 1


def test_corroboration_is_counted_both_ways_and_cited_exactly(bridge: list[Article]) -> None:
    summary = summarize_story(bridge, words=160)
    by_path = {a.path: a for a in bridge}
    ferry = next(i for i in summary.items if "ferr" in i.text and "15 minutes" in i.text)
    assert ferry.source_count == 3 and ferry.only_in is None  # a, b and c all report the ferries
    assert {Path(r.unit.article.path).name for r in ferry.reports} | {Path(ferry.unit.article.path).name} == {
        "a-courier.txt", "b-wire.md", "c-radio.txt"}
    for item in summary.items:
        own = item.citations[0]
        assert holds(by_path[own.path], item.text, own.span.start, own.span.end)
        assert (item.only_in is not None) == (item.source_count == 1)
        for report in item.reports:
            assert report.unit.article.path != item.unit.article.path or report.unit.sentence.segment != \
                item.unit.sentence.segment


def test_a_fact_only_one_outlet_has_says_only_in(bridge: list[Article]) -> None:
    summary = summarize_story(bridge, words=400)
    fine = [i for i in summary.items if "Greyline" in i.text]
    assert fine and fine[0].source_count == 1 and fine[0].reports == ()
    assert fine[0].only_in == "c-radio.txt"  # no publisher in the file: the file names the outlet


def test_money_in_any_format_corroborates(tmp_path: Path) -> None:
    arts = [
        write(tmp_path, "x.txt", "The regulator fined Norvik Shipping $30m on Tuesday for dumping fuel oil in the bay.\n\n"
                                 "Norvik said it would appeal the decision in court.\n"),
        write(tmp_path, "y.txt", "Norvik Shipping was fined $30 million by the regulator for dumping fuel oil in the "
                                 "bay.\n\nThe company plans to appeal.\n"),
        write(tmp_path, "z.txt", "Officials fined Norvik Shipping 30 million dollars over fuel oil dumped in the bay.\n"
                                 "\nNorvik will appeal, a spokesman said.\n"),
    ]
    summary = summarize_story(arts, words=40)
    fined = next(i for i in summary.items if "fine" in i.text)
    assert fined.source_count == 3


def test_a_reprint_counts_once_and_is_labelled_a_copy(tmp_path: Path) -> None:
    body = ("Harbour officials closed the Kestrel Bridge on Wednesday after inspectors found cracks in two girders.\n\n"
            "About 48,000 vehicles cross the bridge on a typical weekday.\n\n"
            "Extra ferries will run between Lowtown and the Quays every 15 minutes.\n\n"
            "Repairs are expected to take at least six weeks, the city said.\n")
    arts = [
        write(tmp_path, "wire.txt", " date 2026-04-02 " + body),
        write(tmp_path, "paper.txt", " date 2026-04-03 Lowtown commuters face delays. " + body),
        write(tmp_path, "radio.txt", " date 2026-04-02 The Kestrel Bridge was shut to traffic on Wednesday after cracks "
                                     "were found in two of its girders.\n\nThe city is adding ferries every 15 "
                                     "minutes.\n"),
    ]
    summary = summarize_story(arts, words=80)
    assert summary.sources == 3 and summary.voices == 2
    closed = next(i for i in summary.items if "crack" in i.text)
    assert closed.source_count == 2  # wire + its reprint, and radio
    assert sorted(Path(u.article.path).name for u in (closed.unit, *closed.corroborating)) == \
        ["paper.txt", "radio.txt", "wire.txt"]
    # Every label names the paper a copy of the wire (never the other way round), on at least one sentence.
    labels = {(Path(r.unit.article.path).name, r.copy_of) for i in summary.items for r in i.reports if r.copy_of}
    assert labels == {("paper.txt", "wire.txt")}


def test_same_publisher_twice_is_one_voice(tmp_path: Path) -> None:
    def md(title: str, body: str) -> str:
        return f"---\ntitle: \"{title}\"\nprovider:\n  name: Harbour Wire\n---\n\n{body}\n"

    arts = [
        write(tmp_path, "one.md", md("Bridge shut", "Harbour officials closed the Kestrel Bridge after cracks were "
                                     "found in two girders.")),
        write(tmp_path, "two.md", md("Bridge still shut", "The Kestrel Bridge stayed closed on Thursday after cracks "
                                     "were found in two girders.")),
        write(tmp_path, "three.txt", "Officials shut the Kestrel Bridge when inspectors found cracks in two girders.\n"),
    ]
    summary = summarize_story(arts, words=40)
    assert summary.voices == 2
    assert summary.items[0].source_count == 2


def test_sentences_that_cannot_stand_alone_are_not_quoted(tmp_path: Path) -> None:
    arts = [
        write(tmp_path, "p.txt", "By Jana Roe, Staff Writer\n\nThe council approved the Kell River bridge on Monday.\n\n"
                                 "It will also have to find $4 million for the approach roads.\n\n"
                                 "The plan requires the city to:\n\n- build two new bus lanes;\n\n"
                                 "- Require the contractor to publish monthly progress reports;\n"),
        write(tmp_path, "q.txt", "The council approved the Kell River bridge on Monday night.\n\n"
                                 "The city must also find $4 million for the approach roads, officials said.\n"),
    ]
    texts = [i.text for i in summarize_story(arts, words=200).items]
    assert texts
    assert not any(t.startswith(("By Jana", "It will", "build", "Require", "The plan requires")) for t in texts), texts


def test_a_dangling_sentence_is_kept_when_nothing_else_says_it(tmp_path: Path) -> None:
    arts = [
        write(tmp_path, "p.txt", "The council approved the Kell River bridge on Monday.\n\n"
                                 "It will cost $42 million and open in 2028.\n"),
        write(tmp_path, "q.txt", "The council approved the Kell River bridge on Monday night.\n"),
    ]
    texts = [i.text for i in summarize_story(arts, words=100).items]
    assert any("$42 million" in t for t in texts), texts


def test_a_piece_of_a_quotation_no_other_source_reports_is_never_quoted(tmp_path: Path) -> None:
    arts = [
        write(tmp_path, "p.txt", "The council approved the Kell River bridge on Monday.\n\n"
                                 "“I waited twenty years for this. I crossed by ferry every day.”\n"),
        write(tmp_path, "q.txt", "The council approved the Kell River bridge on Monday night.\n"),
    ]
    texts = [i.text for i in summarize_story(arts, words=100).items]
    assert texts and not any("ferry" in t or "twenty years" in t for t in texts), texts


def test_story_counts_agree_with_compare(bridge: list[Article]) -> None:
    a, b = bridge[0], bridge[1]
    summary = summarize_story([a, b], words=400)
    shared_from_a = {s.index: t.index for s, t in shared_sentences(a, b)}
    shared_from_b = {s.index: t.index for s, t in shared_sentences(b, a)}
    for item in summary.items:
        other = [r.unit for r in item.reports]
        own = item.unit
        if own.article is a:
            assert bool(other) == (own.sentence.index in shared_from_a)
        else:
            assert bool(other) == (own.sentence.index in shared_from_b)


def test_deterministic(bridge: list[Article]) -> None:
    first = [(i.text, [str(c.span) for c in i.citations]) for i in summarize_story(bridge).items]
    assert first == [(i.text, [str(c.span) for c in i.citations]) for i in summarize_story(list(bridge)).items]


def test_sample_corpus_leaves_out_the_meteorite_story() -> None:
    articles = [a for a in load_paths([PROJECT / "seeds"]) if isinstance(a, Article)]
    summary = summarize_story(articles)
    assert {Path(x.path).name for x in summary.left_out} == {"11-skyline-science-meteorite.txt",
                                                             "12-high-plains-observer-meteorite.md"}
    assert not [i for i in summary.items if "meteorite" in i.text.lower()]
    assert sum(len(i.text.split()) for i in summary.items) <= 160


def test_shared_seeds_story_counts_the_outlets_that_report_each_fact(shared_seeds: Path) -> None:
    articles = [a for a in load_paths([shared_seeds]) if isinstance(a, Article)]
    summary = summarize_story(articles)
    assert summary.left_out == []
    assert redundant_pairs([i.text for i in summary.items]) == 0
    names = {i.text: {Path(u.article.path).name[:3] for u in (i.unit, *i.corroborating)} for i in summary.items}
    total = [t for t in names if "30 million" in t]
    assert total and {"001", "002", "004"} <= names[total[0]]  # all three open with the $30M
    penalty = [t for t in names if "25 million" in t]
    assert penalty and len(names[penalty[0]]) >= 3  # four files report the $25M penalty


def test_a_glued_copy_that_repeats_the_story_is_not_left_out() -> None:
    """rate-cut-dissent/05 glues a second outlet's copy after a '..' line; once its sentences that repeat
    the first copy are dropped, what is left (Northway's history, its chief's quotes) is little of the
    story's vocabulary, but the repeats say it tells this story. The Christmas market is still left out."""
    folder = PROJECT / "tests" / "fixtures" / "stories" / "rate-cut-dissent"
    articles = [a for a in load_paths([folder]) if isinstance(a, Article)]
    glued = next(a for a in articles if Path(a.path).name == "05-glued-copies.txt")
    assert len(glued.segments) == 2 and glued.segments[1].echoes == 0 and glued.segments[1].duplicate_of is None
    summary = summarize_story(articles)
    left = {(Path(x.path).name, x.segment) for x in summary.left_out}
    assert ("05-glued-copies.txt", 1) not in left and ("10-lindhaven-herald-christmas-market.md", None) in left


def test_a_glued_unrelated_story_is_still_left_out(tmp_path: Path) -> None:
    folder = PROJECT / "tests" / "fixtures" / "stories" / "rate-cut-dissent"
    market = (folder / "10-lindhaven-herald-christmas-market.md").read_text(encoding="utf-8").split("+++")[-1]
    first = (folder / "01-estmark-financial-wire.txt").read_text(encoding="utf-8")
    (tmp_path / "glued.txt").write_text(first.rstrip() + "\n..\n" + market, encoding="utf-8")
    for name in ("02-lindhaven-herald.md", "06-estmark-public-radio.md", "08-estmark-financial-wire-minutes.txt"):
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    articles = [a for a in load_paths([tmp_path]) if isinstance(a, Article)]
    summary = summarize_story(articles)
    assert {(Path(x.path).name, x.segment) for x in summary.left_out} == {("glued.txt", 1)}


REPRINTED = ("The city council voted 9-4 on Tuesday to approve the new budget.\n\n"
             "Mayor Jane Doe said the plan would save $4.2 million a year.\n\n"
             "Critics said the cuts would hurt libraries and parks across the county.\n\n"
             "The measure takes effect on Jan. 4, 2027, officials said.\n")


def test_a_reprint_is_never_quoted_for_what_its_original_says_word_for_word(tmp_path: Path) -> None:
    # The reprint sorts first, so path order alone would quote it and call its facts "only in" it.
    arts = [write(tmp_path, "a-reprint.txt", " date 2026-05-02 " + REPRINTED),
            write(tmp_path, "b-original.txt", " date 2026-05-01 " + REPRINTED),
            write(tmp_path, "c-other.txt", " date 2026-05-01 The council approved the budget 9-4 on Tuesday, "
                                           "after a long debate about parks.\n")]
    summary = summarize_story(arts, words=160)
    assert summary.items
    for item in summary.items:
        assert Path(item.unit.article.path).name != "a-reprint.txt", item.text
        if item.only_in:
            assert item.only_in == "b-original.txt", (item.text, item.only_in)
    mayor = next(i for i in summary.items if "Mayor" in i.text)
    assert [(Path(r.unit.article.path).name, r.copy_of) for r in mayor.reports] == [("a-reprint.txt", "b-original.txt")]


def test_a_reworded_line_of_a_reprint_is_only_in_the_original(tmp_path: Path) -> None:
    from reader.summarize.story import build_items, story_units

    lines = ["The Bellhaven City Council voted 9-4 late Tuesday to adopt a daily congestion charge for its downtown core.",
             "Mayor Alicia Moreno-Hart said the plan would save lives.",
             "Critics said the fee would hit working people hardest.",
             "The state Transportation Commission will review the plan in June.",
             "Heavy trucks will pay $21 a day and motorcycles $4.75."]
    (tmp_path / "a.txt").write_text("Charge approved\n\n" + "\n\n".join(lines) + "\n")
    reworded = "The Bellhaven City Council voted 9-4 late Tuesday to adopt a daily congestion charge."
    (tmp_path / "b.txt").write_text("Charge approved\n\n" + "\n\n".join([reworded, *lines[1:]]) + "\n")
    story = story_units([load_article(tmp_path / "a.txt"), load_article(tmp_path / "b.txt")])
    assert story.outlets.copy_of, "b.txt should be found a reprint of a.txt"
    i = next(n for n, u in enumerate(story.units) if u.text == reworded)
    item = build_items(story, [(i, 1.0)])[0]
    assert (item.outlet, item.copy_of, item.only_in) == ("b.txt", "a.txt", "a.txt")


def test_a_story_of_chinese_articles_quotes_and_corroborates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("北京市议会通过拥堵费方案\n\n北京市议会周二以九票对四票通过了拥堵收费方案。"
                                    "该方案将于明年一月生效。市长表示，这项收费将用于公共交通建设。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: 北京拥堵费获批\nsource: 新华社\n---\n\n北京市议会周二通过了拥堵收费方案，投票结果为九比四。"
                                   "该方案将于明年一月生效。收入将主要用于公交和轻轨。\n", encoding="utf-8")
    summary = summarize_story([load_article(tmp_path / "a.txt"), load_article(tmp_path / "b.md")])
    assert summary.items, "a Chinese story has sentences to quote"
    assert any(item.voices == 2 for item in summary.items)  # the shared fact is found in both outlets
