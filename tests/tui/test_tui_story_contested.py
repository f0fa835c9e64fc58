"""The story screen flags a sentence stating a number other outlets give otherwise (the flood story:
3,100 vs 3,400 homes, tests/fixtures/stories/merrow-flood and planted-numbers.toml)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.tui.app import make_app
from reader.tui.screens.story_screen import StoryScreen
from reader.tui.widgets.summary_view import SummaryView
from tui_helpers import WIDE, press, settle

FLOOD = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "merrow-flood"


@pytest.fixture
def flood(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FLOOD, tmp_path / "flood"))


async def story_prompts(folder: Path) -> list[str]:
    """The story screen's sentences, as shown, for the story of the folder's first article."""
    app = make_app([str(folder)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "S")
        screen = app.screen
        assert isinstance(screen, StoryScreen) and screen.ready
        story = screen.query_one(SummaryView)
        return [str(story.get_option_at_index(i).prompt) for i in range(story.option_count)
                if story.get_option_at_index(i).prompt]


async def test_the_story_shows_a_contested_number_with_the_other_value(flood: Path) -> None:
    prompts = await story_prompts(flood)
    homes = [p for p in prompts if "3,100 homes" in p or "3,400 homes" in p]
    assert homes and all("≠ contested: " in p for p in homes)
    assert any("3,400 in Riverside Public Radio (03-riverside-radio.md:7)" in p or
               "3,100 in " in p for p in homes)
    assert all("≠" not in p for p in prompts if "sandbags" in p)


WATER = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "water-contamination"


async def test_a_count_that_rose_day_by_day_shows_as_updated_not_contested(tmp_path: Path) -> None:
    """The water story's illness count (38, 96, 127, 134, 141 on five days): the sentence stating it
    is marked updated, with the other values; the planted 86,000 against 90,000 stays contested."""
    prompts = await story_prompts(Path(shutil.copytree(WATER, tmp_path / "water")))
    ill = [p for p in prompts if "reported illness" in p.split("\n")[0]]
    # the story gives the figure once, at its latest value, the earlier ones in its note by day
    assert len(ill) == 1 and "→ updated: 141 here (2026-09-22); 38 on 2026-09-15 in " in ill[0]
    assert all("≠ contested: " in p for p in prompts if "86,000" in p.split("\n")[0])
