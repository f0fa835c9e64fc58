"""Facts against outlets, and where outlets disagree, on the fixture stories.

The planted numbers are listed by hand in tests/fixtures/stories/planted-numbers.toml; nothing here
is computed by the code under test.
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.ingest import load_paths
from reader.model import Article
from reader.summarize.disagreements import Disagreement, contested, disagreements, table_disagreements
from reader.summarize.facts import FactTable, fact_table

PROJECT = Path(__file__).resolve().parents[2]
STORIES = PROJECT / "tests" / "fixtures" / "stories"
PLANTED = tomllib.loads((STORIES / "planted-numbers.toml").read_text(encoding="utf-8"))
FLOOD = STORIES / "merrow-flood"


def folder(entry: dict[str, Any]) -> Path:
    return PROJECT / entry["folder"] if "folder" in entry else STORIES / entry["story"]


_TABLES: dict[Path, tuple[FactTable, list[Disagreement]]] = {}


def analysed(path: Path) -> tuple[FactTable, list[Disagreement]]:
    if path not in _TABLES:
        articles = [a for a in load_paths([str(path)]) if isinstance(a, Article)]
        table = fact_table(articles)
        _TABLES[path] = (table, table_disagreements(table))
    return _TABLES[path]


def planted_ids(entry: dict[str, Any]) -> str:
    return f"{entry['story']}:{'/'.join(entry.get('values') or entry.get('written'))}"


def _found(entry: dict[str, Any]) -> Disagreement | None:
    _, found = analysed(folder(entry))
    for d in found:
        files = {v.label: {Path(c.unit.article.path).name for c in v.claims} for v in d.values}
        if all(value in files and name in files[value] for value, name in zip(entry["values"], entry["files"])):
            return d
    return None


@pytest.mark.parametrize("entry", [
    pytest.param(e, marks=pytest.mark.xfail(strict=True, reason=e["missed"])) if "missed" in e else e
    for e in PLANTED["planted"]], ids=planted_ids)
def test_a_planted_disagreement_is_found_with_each_value_where_it_is_stated(entry: dict[str, Any]) -> None:
    assert _found(entry) is not None


@pytest.mark.parametrize("entry", PLANTED["same"], ids=planted_ids)
def test_a_value_written_in_other_formats_is_never_a_disagreement(entry: dict[str, Any]) -> None:
    _, found = analysed(folder(entry))
    texts = {w.lower() for w in entry["written"]}
    for d in found:  # a disagreement may hold them, all on one side (state aid: $30m, 30 million dollars vs $31m)
        sides = {v.label for v in d.values for c in v.claims if c.quantity.text.lower() in texts}
        assert len(sides) <= 1, (entry["what"], sides)
    table, _ = analysed(folder(entry))
    assert table.story is not None
    every = " ".join(u.text for u in table.story.units)  # the forms really are in the story's sentences
    assert all(w in every for w in entry["written"])


def test_the_flood_story_has_exactly_its_two_planted_disagreements() -> None:
    _, found = analysed(FLOOD)
    assert sorted(tuple(sorted(v.label for v in d.values)) for d in found) == [
        ("$30 million", "$31 million"), ("3,100", "3,400")]


def test_each_value_lists_every_outlet_stating_it_and_reprints_as_copies() -> None:
    _, found = analysed(FLOOD)
    homes = next(d for d in found if {v.label for v in d.values} == {"3,100", "3,400"})
    by_label = {v.label: v for v in homes.values}
    assert set(by_label["3,100"].outlets) == {"01-merrow-gazette.txt", "Valley Wire Service"}
    assert by_label["3,400"].outlets == ["Riverside Public Radio"]
    copies = [c for c in by_label["3,100"].claims if c.copy_of]
    assert [(Path(c.unit.article.path).name, c.copy_of) for c in copies] == [
        ("04-valley-wire-reprint.txt", "Valley Wire Service")]
    assert homes.values[0].label == "3,100"  # most outlets first
    assert not homes.rounding and not homes.later  # one day, and 3,100 is no rounding of 3,400


def test_facts_are_groups_of_one_sentence_per_source_ordered_by_outlets() -> None:
    table, _ = analysed(FLOOD)
    assert [o.name for o in table.outlets] == ["01-merrow-gazette.txt", "Valley Wire Service", "Riverside Public Radio"]
    voices = [len(f.voices) for f in table.facts]
    assert voices == sorted(voices, reverse=True)
    seen: set[tuple[str, int]] = set()
    for fact in table.facts:
        for s in fact.statements:
            where = (s.unit.article.path, s.unit.sentence.index)
            assert where not in seen  # each sentence in one fact
            seen.add(where)
    assert table.story is not None
    assert {(u.article.path, u.sentence.index) for u in table.story.units} <= seen
    aid = next(f for f in table.facts if "Calloway" in f.center.unit.text)
    assert len(aid.voices) == 3 and aid.only_in is None
    reprint = [s for s in aid.statements if s.copy_of]
    assert [Path(s.unit.article.path).name for s in reprint] == ["04-valley-wire-reprint.txt"]
    wire = table.outlets[1].voice
    assert [Path(s.unit.article.path).name for s in aid.cell(wire)] == ["02-valley-wire.md", "04-valley-wire-reprint.txt"]


def test_only_in_means_no_other_outlet_states_it() -> None:
    table, _ = analysed(STORIES / "plant-fire")
    assert table.story is not None
    singles = [f for f in table.facts if f.only_in is not None]
    assert singles and any(len(f.voices) > 1 for f in table.facts)
    for fact in singles:
        for s in fact.statements:
            others = {table.story.outlets.voice[table.story.indexed(j).source_key]
                      for j in table.neighbours[s.unit.number]}
            assert others <= fact.voices


def test_a_summary_sentence_takes_a_side_in_the_disagreements_it_states() -> None:
    table, found = analysed(FLOOD)
    assert table.story is not None
    radio = next(u for u in table.story.units if "3,400 homes" in u.text)
    sides = contested(found, radio.number)
    assert [(v.label, sorted(x.label for x in d.values if x is not v)) for d, v in sides] == [("3,400", ["3,100"])]
    plain = next(u for u in table.story.units if "Route 9" in u.text)
    assert contested(found, plain.number) == []


def test_two_numbers_of_one_sentence_are_never_one_disputed_quantity() -> None:
    # rate-cut-dissent/01 says "Six of its seven members voted for the cut": 6 and 7 are a part and
    # its whole, however other sentences pair "the six members who backed the cut" with "all seven members"
    _, found = analysed(STORIES / "rate-cut-dissent")
    assert not [d for d in found if {v.label for v in d.values} >= {"6", "7"}], [[v.label for v in d.values] for d in found]


def test_empty_and_single_source_stories() -> None:
    table = fact_table([])
    assert table.facts == [] and table_disagreements(table) == []
    one = [a for a in load_paths([str(FLOOD / "01-merrow-gazette.txt")]) if isinstance(a, Article)]
    table = fact_table(one)
    assert table.facts and all(f.only_in == "01-merrow-gazette.txt" for f in table.facts)
    assert table_disagreements(table) == []


@pytest.mark.parametrize("name", ["merrow-flood", "plant-fire", "airline-outage"])
def test_without_a_fact_table_the_same_disagreements_are_found(name: str) -> None:
    table, found = analysed(STORIES / name)
    assert table.story is not None
    alone = disagreements(table.story)
    def values(ds: list[Disagreement]) -> list[list[tuple[str, list[int]]]]:  # in any order: facts number the table's
        return sorted([(v.label, [c.unit.number for c in v.claims]) for v in d.values] for d in ds)

    assert values(alone) == values(found) and all(not d.facts for d in alone)


_WORDS = ["the", "council", "voted", "homes", "flooded", "about", "3,100", "3,400", "$30m", "$31 million",
          "30 million dollars", "on", "Sept. 14", "14 September", "seven", "7", "shelters", "more than", "2,000",
          "2,150", "volunteers", "per cent", "12%", "12", "Gazette", "said", "levee", "failed", "at", "4pm", "4:00 p.m."]
_SENTENCE = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
_ARTICLE = st.lists(_SENTENCE, min_size=1, max_size=6).map(lambda ss: "\n\n".join(ss) + "\n")


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ARTICLE, min_size=1, max_size=4))
def test_any_story_gives_one_fact_per_sentence_and_disagreements_of_different_values(texts: list[str]) -> None:
    import tempfile

    from reader.ingest import load_article

    with tempfile.TemporaryDirectory() as folder:
        articles = []
        for n, text in enumerate(texts):
            path = Path(folder) / f"{n:02d}-outlet.txt"
            path.write_text(text, encoding="utf-8")
            article = load_article(path)
            assert isinstance(article, Article)
            articles.append(article)
        table = fact_table(articles)
        found = table_disagreements(table)
    assert table.story is not None
    stated = [(s.unit.article.path, s.unit.sentence.index) for f in table.facts for s in f.statements if not s.heading]
    assert sorted(stated) == sorted((u.article.path, u.sentence.index) for u in table.story.units)
    for d in found:
        labels = [v.label for v in d.values]
        assert len(labels) == len(set(labels)) >= 2
        assert len({voice for v in d.values for voice in v.voices}) >= 2


def test_only_in_names_the_original_and_a_sentence_given_twice_is_one_fact(tmp_path: Path) -> None:
    body = ("The city council voted 9-4 on Tuesday to approve the new budget.\n\n"
            "Mayor Jane Doe said the plan would save $4.2 million a year.\n\n"
            "Critics said the cuts would hurt libraries and parks across the county.\n")
    (tmp_path / "a-reprint.txt").write_text(" date 2026-05-02 " + body, encoding="utf-8")
    (tmp_path / "b-original.txt").write_text(" date 2026-05-01 " + body, encoding="utf-8")
    # A page whose table repeats its cells: the same sentence three times is one statement of one fact.
    (tmp_path / "c-table.txt").write_text("The council voted on the budget on Tuesday. Deep cell text here.\n\n" * 3,
                                          encoding="utf-8")
    articles = [a for a in load_paths([str(tmp_path)]) if isinstance(a, Article)]
    table = fact_table(articles)
    mayor = next(f for f in table.facts if "Mayor" in f.center.unit.text)
    assert mayor.only_in == "b-original.txt"
    cells = [f for f in table.facts if "Deep cell" in f.center.unit.text]
    assert len(cells) == 1 and len(cells[0].statements) == 1


def test_a_reprint_that_changes_a_figure_disagrees_with_its_original(tmp_path: Path) -> None:
    """Eight files of one wire story, two giving 240 homes where six give 212: the copies are one
    outlet, and the changed figure (a correction or a slip) is still a disagreement, each value
    cited where it is written. Their repeated words do not all count as common."""
    for i in range(1, 9):
        homes = "240" if i > 6 else "212"
        (tmp_path / f"0{i}-outlet.txt").write_text(
            f"Chemical plant fire forces evacuation\n\nFirefighters battled a blaze at the Vexar chemical plant in "
            f"Dunmore on Wednesday, forcing the evacuation of {homes} homes, officials said.\n\nThe fire broke out at "
            "about 3 a.m. in a storage building and sent a plume of black smoke over the town.\n\nResidents were "
            "allowed to return home on Thursday morning after air tests came back clear.\n", encoding="utf-8")
    articles = [a for a in load_paths([str(tmp_path)]) if isinstance(a, Article)]
    found = table_disagreements(fact_table(articles))
    assert [[v.label for v in d.values] for d in found] == [["212", "240"]]
    cited = {v.label: sorted(c.unit.article.path.rsplit("/", 1)[-1] for c in v.claims) for v in found[0].values}
    assert cited["240"] == ["07-outlet.txt", "08-outlet.txt"]
    assert len(cited["212"]) == 6



def test_a_total_and_its_part_told_apart_by_outlets_are_no_disagreement(shared_seeds: Path) -> None:
    """The Amazon settlements: outlets give "$30 million" (both settlements) and "$25 million" (the
    Alexa penalty in it) in sentences of their own, so the two are two quantities, not rival accounts.
    (One article giving two figures in turn may be reporting a dispute: the rate-cut story's planted
    1.1 million vs 1.4 million households, found above, is such a case.)"""
    _, found = analysed(shared_seeds)
    assert not [d for d in found if {v.label for v in d.values} >= {"$30 million", "$25 million"}]


ASIDES = ["Schools across Dunmere remained closed while crews flushed the water mains.",
          "Restaurants poured out ice and coffee made with tap water.",
          "The utility blamed a failed chlorine pump at its treatment plant.",
          "Residents lined up for bottled water at the fire station on Elm Street.",
          "A state laboratory was testing samples from every neighbourhood."]


def _tally_story(tmp_path: Path, counts: list[tuple[str | None, str]]) -> list[Disagreement]:
    """One outlet a file, each giving the ill count of an outbreak on its day (None: an undated file)."""
    for n, (day, count) in enumerate(counts, 1):
        prefix = f" date {day} " if day else ""
        (tmp_path / f"0{n}-outlet-{n}.txt").write_text(
            f"{prefix}Health officials said {count} people had reported illness in the Dunmere outbreak of "
            f"E. coli, and the city's boil-water order stayed in place.\n\n{ASIDES[n - 1]}\n",
            encoding="utf-8")
    articles = [a for a in load_paths([str(tmp_path)]) if isinstance(a, Article)]
    return [d for d in table_disagreements(fact_table(articles)) if d.kind == "count"]


def test_a_count_rising_day_after_day_is_a_running_figure_not_a_dispute(tmp_path: Path) -> None:
    """38, 96, 141 ill on three days, an undated outlet repeating 96: each value has its day and they
    rise in order, so the figure was updated. The undated file places nothing and blocks nothing."""
    found = _tally_story(tmp_path, [("2026-09-15", "38"), ("2026-09-16", "96"), (None, "96"), ("2026-09-22", "141")])
    assert len(found) == 1
    d = found[0]
    assert d.later and d.series and d.updated
    from reader.summarize.disagreements import in_order_of_days
    assert [v.label for v in in_order_of_days(d)] == ["38", "96", "141"]
    assert {c.day for v in d.values for c in v.claims} == {"2026-09-15", "2026-09-16", None, "2026-09-22"}


@pytest.mark.parametrize("counts", [
    [("2026-09-15", "38"), ("2026-09-16", "96")],  # two values of two days: an update or two estimates
    [("2026-09-15", "38"), ("2026-09-16", "96"), ("2026-09-17", "52")],  # up and down again: not one way
    [("2026-09-15", "38"), ("2026-09-15", "96"), ("2026-09-16", "141")],  # two values one day: rival accounts
    [(None, "38"), ("2026-09-16", "96"), ("2026-09-17", "141")],  # a value no dated source gives
], ids=["two-days", "up-and-down", "same-day", "undated-value"])
def test_what_is_not_a_running_figure_stays_contested(tmp_path: Path, counts: list[tuple[str | None, str]]) -> None:
    found = _tally_story(tmp_path, counts)
    assert len(found) == 1 and not found[0].updated


def test_the_water_story_tells_its_rising_counts_as_updates_and_its_planted_dispute_as_contested() -> None:
    """tests/fixtures/stories/water-contamination: the health department's counts (38 ill on Sept. 15
    ... 141 on Sept. 22; 11 ... 16 in hospital) rise from article to article; 86,000 against 90,000
    people under the order is the planted dispute (planted-numbers.toml), given on one day by both."""
    _, found = analysed(STORIES / "water-contamination")
    labels = {frozenset(v.label for v in d.values): d for d in found}
    ill = next(d for k, d in labels.items() if {"38", "141"} <= k)
    hospital = next(d for k, d in labels.items() if {"11", "16"} <= k)
    order = next(d for k, d in labels.items() if {"86,000", "90,000"} <= k)
    assert ill.updated and hospital.updated and not order.updated
