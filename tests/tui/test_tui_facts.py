"""The facts matrix, opened from the story screen on the flood story (tests/fixtures/stories/merrow-flood).

Three outlets (the Gazette, Valley Wire with its reprint, Riverside Radio) state nine facts; two
numbers are given differently (3,100 vs 3,400 homes, $30m vs $31m). Expectations come from the files.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from reader.tui.app import make_app
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.facts_screen import FactsScreen
from reader.tui.screens.story_screen import StoryScreen
from tui_helpers import WIDE, file_lines, notices, press, settle, shown_lines

FLOOD = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "merrow-flood"


@pytest.fixture
def flood(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FLOOD, tmp_path / "flood"))


async def open_facts(pilot) -> FactsScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await press(pilot, "S")
    assert isinstance(pilot.app.screen, StoryScreen) and pilot.app.screen.ready
    await press(pilot, "f")
    screen = pilot.app.screen
    assert isinstance(screen, FactsScreen) and screen.ready
    return screen


def row_of(grid: DataTable, words: str) -> int:  # type: ignore[type-arg]
    last = len(grid.columns) - 1
    return next(r for r in range(grid.row_count) if words in str(grid.get_cell_at(Coordinate(r, last))))


async def test_the_matrix_shows_a_mark_where_an_outlet_states_a_fact(flood: Path) -> None:
    app = make_app([str(flood)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_facts(pilot)
        grid = screen.query_one(DataTable)
        assert [str(c.label) for c in grid.columns.values()] == ["#", "A", "B", "C", "Fact"]
        assert grid.row_count == 9
        legend = str(screen.query_one("#facts-outlets", Static).render())
        assert "A 01-merrow-gazette.txt" in legend and "B Valley Wire Service" in legend
        assert "C Riverside Public Radio" in legend
        title = str(screen.query_one("#facts-title", Static).render())
        assert "9 facts · 3 outlets · 2 disagreements" in title
        rows = shown_lines(grid)
        homes = next(line for line in rows if "3,100 homes" in line)
        assert homes.count("●") == 3 and "≠" in homes  # all three outlets, and a disputed number
        sandbags = next(line for line in rows if "sandbags" in line)
        assert sandbags.count("●") == 3 and "≠" not in sandbags


async def test_enter_on_a_mark_opens_that_outlets_sentence_at_its_line(flood: Path) -> None:
    app = make_app([str(flood)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_facts(pilot)
        grid = screen.query_one(DataTable)
        row = row_of(grid, "Calloway")
        grid.move_cursor(row=row, column=3)  # C: Riverside Public Radio
        await settle(pilot)
        detail = str(screen.query_one("#facts-cell", Static).render())
        assert detail.startswith("Riverside Public Radio · 03-riverside-radio.md:11")
        await press(pilot, "enter")
        article = app.screen
        assert isinstance(article, ArticleScreen)
        assert Path(article.article.path).name == "03-riverside-radio.md"
        assert article.start_cite is not None and article.start_line == article.start_cite.start == 11
        assert "$31 million" in file_lines(flood / "03-riverside-radio.md")[10]
        await press(pilot, "q")
        assert app.screen is screen  # back to the matrix


async def test_the_fact_column_tells_the_disagreement_and_d_goes_to_the_next(flood: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app([str(flood)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_facts(pilot)
        grid = screen.query_one(DataTable)
        sandbags = row_of(grid, "sandbags")
        grid.move_cursor(row=sandbags, column=0)
        await press(pilot, "d")  # to the next disputed fact, coming round after the last
        row = grid.cursor_coordinate.row
        assert "≠" in str(grid.get_cell_at(Coordinate(row, 0)))
        detail = str(screen.query_one("#facts-cell", Static).render())
        assert "≠ 3,100 vs 3,400" in detail or "≠ $30 million vs $31 million" in detail
        assert "03-riverside-radio.md:" in detail
        await press(pilot, "enter")  # on the fact itself: its central sentence
        assert isinstance(app.screen, ArticleScreen)
        await press(pilot, "q")
        seen = notices(app, monkeypatch)
        grid.move_cursor(row=row_of(grid, "sandbags"), column=2)  # B: Valley Wire states it
        await press(pilot, "enter")
        assert isinstance(app.screen, ArticleScreen) and Path(app.screen.article.path).name == "02-valley-wire.md"
        assert not seen
        await press(pilot, "q", "q")
        assert isinstance(app.screen, StoryScreen)


async def test_an_empty_cell_says_the_outlet_does_not_state_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = Path(shutil.copytree(FLOOD, tmp_path / "flood"))
    (folder / "02-valley-wire.md").unlink()
    (folder / "04-valley-wire-reprint.txt").unlink()
    gazette = folder / "01-merrow-gazette.txt"
    gazette.write_text(gazette.read_text(encoding="utf-8") + "\nThe Gazette alone reports a heron colony drowned.\n",
                       encoding="utf-8")
    app = make_app([str(folder)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_facts(pilot)
        grid = screen.query_one(DataTable)
        row = row_of(grid, "heron")
        assert str(grid.get_cell_at(Coordinate(row, 2))) == "·"
        seen = notices(app, monkeypatch)
        grid.move_cursor(row=row, column=2)
        await settle(pilot)
        assert "Riverside Public Radio does not state fact" in str(screen.query_one("#facts-cell", Static).render())
        await press(pilot, "enter")
        assert app.screen is screen and seen == ["Riverside Public Radio does not state this fact."]



async def test_the_story_screens_help_names_the_facts_key(flood: Path) -> None:
    from reader.tui.screens.help_screen import HelpScreen

    app = make_app([str(flood)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "S")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        assert "Facts" in text and "who reported what" in text


async def test_a_running_figure_is_marked_apart_from_a_disputed_number(tmp_path: Path) -> None:
    """The water story: its fact of the ill count carries `→` (updated day by day), the planted
    86,000 against 90,000 `≠`; the title counts them apart."""
    import shutil

    water = Path(shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures" / "stories" /
                                 "water-contamination", tmp_path / "water"))
    app = make_app([str(water)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_facts(pilot)
        title = str(screen.query_one("#facts-title", Static).render())
        assert "1 disagreement · 2 updated figures" in title
        grid = screen.query_one(DataTable)
        number = str(grid.get_cell_at(Coordinate(row_of(grid, "reported illness"), 0)))
        assert number.endswith("→")
        grid.move_cursor(row=row_of(grid, "reported illness"), column=len(grid.columns) - 1)  # on the fact itself
        await settle(pilot)
        line = str(screen.query_one("#facts-cell", Static).render())
        assert "→ 38 → 96 → 127 → 134 → 141: 38 in " in line and "≠" not in line.split("\n")[1]
