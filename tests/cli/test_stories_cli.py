"""`reader stories` and `reader summarize --story ID` through the entry point, on real files."""
from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PROJECT

SEEDS = PROJECT / "seeds"


def test_stories_json_lists_every_article_once_with_the_documented_fields(run_reader) -> None:
    result = run_reader("stories", str(SEEDS), "--format", "json")
    assert result.code == 0, result.err
    stories = json.loads(result.out)
    for story in stories:
        assert set(story) == {"id", "title", "articles", "sources", "copies", "first_date", "last_date"}
        for copy in story["copies"]:
            assert copy["path"] in story["articles"] and copy["copy_of"] in story["articles"]
    listed = [p for s in stories for p in s["articles"]]
    files = sorted(str(p.relative_to(PROJECT)) for p in SEEDS.iterdir() if p.is_file())
    assert sorted(Path(p).name for p in listed) == sorted(Path(f).name for f in files)
    meteorite = [s for s in stories if any("meteorite" in p for p in s["articles"])]
    assert len(meteorite) == 1 and len(meteorite[0]["articles"]) == 2


def test_stories_text_names_each_story_and_marks_copies(run_reader) -> None:
    result = run_reader("stories", str(SEEDS))
    assert result.code == 0, result.err
    data = json.loads(run_reader("stories", str(SEEDS), "--format", "json").out)
    for story in data:
        assert f"{story['id']}  " in result.out
    if any(s["copies"] for s in data):
        assert "(copy of " in result.out


def test_summarize_one_story_by_its_id_cites_only_its_articles(run_reader) -> None:
    data = json.loads(run_reader("stories", str(SEEDS), "--format", "json").out)
    meteorite = next(s for s in data if any("meteorite" in p for p in s["articles"]))
    result = run_reader("summarize", "--story", meteorite["id"], str(SEEDS), "--format", "json")
    assert result.code == 0, result.err
    story = json.loads(result.out)["story"]
    paths = [a["path"] for a in story["articles"]]
    assert paths and all("meteorite" in p for p in paths)
    assert story["summary"]


def test_an_unknown_story_id_says_so_and_exits_2(run_reader) -> None:
    result = run_reader("summarize", "--story", "s00000000", str(SEEDS))
    assert result.code == 2
    assert "no story 's00000000'" in result.err and "Traceback" not in result.err


def test_story_followed_by_a_path_still_means_the_whole_input(run_reader) -> None:
    result = run_reader("summarize", "--story", str(SEEDS), "--format", "json")
    assert result.code == 0, result.err
    story = json.loads(result.out)["story"]
    assert story["summary"] and len(story["articles"]) > 2


def test_a_bad_file_is_one_line_and_the_rest_are_grouped(run_reader, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A bridge will close for repairs on Monday, the council said.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = run_reader("stories", str(tmp_path), "--format", "json")
    assert "Traceback" not in result.err
    stories = json.loads(result.out)
    assert any(p.endswith("good.txt") for s in stories for p in s["articles"])


def test_files_of_one_name_in_their_own_folders_are_different_sources(run_reader, tmp_path: Path) -> None:
    """Each site saved as index.txt in a folder of its own: two outlets, as `summarize --story` counts them."""
    for folder, seed in (("courier", "01-bellhaven-courier.txt"), ("journal", "06-bellhaven-business-journal.txt")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_bytes((SEEDS / seed).read_bytes())
    stories = run_reader("stories", "--format", "json", str(tmp_path)).json()
    story = next(s for s in stories if len(s["articles"]) == 2)
    assert len(story["sources"]) == 2
    summary = run_reader("summarize", "--story", "--format", "json", str(tmp_path)).json()["story"]
    assert summary["outlets"] == len(story["sources"])
