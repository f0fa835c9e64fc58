"""The article header names the author: after the outlet and day when folded, first of the facts unfolded.

The sample page 08 has a byline (By <a rel=author>Owen Castellanos</a>, City Hall reporter); 02 has
none. At 80x24 the folded header stays one row, so the text keeps its rows, and `i` shows the author.
"""
from __future__ import annotations

from pathlib import Path

from reader.tui.app import make_app
from test_tui_article import open_article
from tui_helpers import SEEDS, screen_rows

HTML = SEEDS / "08-bellhaven-evening-star.html"
METRO = SEEDS / "02-metro-transit-wire.md"
SMALL = (80, 24)


async def test_unfolding_at_80x24_shows_the_author_and_folding_gives_the_rows_back() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_article(pilot, HTML)
        header = screen.query_one("#meta")
        assert header.region.height == 1
        text_rows = screen.text_view.region.height
        await pilot.press("i")
        await pilot.pause()
        shown = "\n".join(screen_rows(app))
        assert "by Owen Castellanos · The Bellhaven Evening Star · 2026-03-11" in shown
        assert 1 < header.region.height <= 6 and screen.text_view.region.height >= 4
        await pilot.press("i")
        await pilot.pause()
        assert header.region.height == 1 and screen.text_view.region.height == text_rows


async def test_the_folded_line_names_the_author_when_the_pane_is_wide_enough() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=(260, 30)) as pilot:
        screen = await open_article(pilot, HTML)
        folded = str(screen.query_one("#meta").render())
        assert "congestion charge · The Bellhaven Evening Star · 2026-03-11 · by Owen Castellanos" in folded


async def test_no_author_no_by(tmp_path: Path) -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=(260, 30)) as pilot:
        screen = await open_article(pilot, METRO)
        assert " by " not in str(screen.query_one("#meta").render())
        await pilot.press("i")
        await pilot.pause()
        assert " by " not in str(screen.query_one("#meta").render()).split("\n")[1]
