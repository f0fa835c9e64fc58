"""The article screen: source and summary side by side, citations followed both ways, layout, inert text."""
from __future__ import annotations

from pathlib import Path

from reader.model import LineSpan
from reader.summarize import ALGORITHMS
from reader.tui.app import make_app
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.widgets.article_table import ArticleTable
from reader.tui.widgets.source_view import SourceView
from reader.tui.widgets.summary_view import SummaryView
from tui_helpers import SEEDS, WIDE, file_lines, settle, shown_lines, words

METRO = SEEDS / "02-metro-transit-wire.md"


async def open_article(pilot, path: Path) -> ArticleScreen:  # type: ignore[no-untyped-def]
    """Move the library cursor onto `path`'s row with the arrow keys and press enter."""
    await settle(pilot)
    table = pilot.app.screen.query_one(ArticleTable)
    target = next(i for i in range(table.row_count)
                  if pilot.app.screen.library.entry(table.coordinate_to_cell_key((i, 0)).row_key.value)
                  .listing.path.endswith(path.name))
    await pilot.press(*["down"] * target, "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


async def test_article_shows_source_lines_and_summary() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(pilot, METRO)
        source = screen.text_view
        summary = screen.query_one(SummaryView)
        assert screen.file_view.line_count == len(file_lines(METRO))
        assert len(summary.items) == 3
        assert summary.has_focus
        meta = str(screen.query_one("#meta").render())
        assert "Metro Transit Wire" in meta and "2026-03-11" in meta
        await pilot.press("i")  # the folded header unfolds
        await pilot.pause()
        meta = str(screen.query_one("#meta").render())
        assert "topics:" in meta and "https://www.metrotransitwire.com/" in meta
        rows = shown_lines(source)
        assert any(row.lstrip().startswith(str(summary.items[0].citations[0].span.start)) for row in rows)


async def test_j_and_k_highlight_the_cited_lines_which_hold_the_sentence() -> None:
    lines = file_lines(METRO)
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(pilot, METRO)
        source = screen.query_one(SourceView)
        summary = screen.query_one(SummaryView)
        seen: list[LineSpan] = []
        for key in ("j", "j", "k"):
            await pilot.press(key)
            await pilot.pause()
            item = summary.items[summary.highlighted]
            cited = source.cited
            assert cited is not None
            assert cited == item.citations[0].span
            held = set(words(" ".join(lines[cited.start - 1:cited.end])))
            assert set(words(item.text)) <= held, (item.text, cited)
            # The highlighted rows are on screen, and the status line names the span.
            first, last = source.rows_of(cited)
            top = int(source.scroll_offset.y)
            assert top <= first and last < top + source.scrollable_content_region.height
            assert f"cites {cited}" in str(screen.query_one("#status").render())
            seen.append(cited)
        assert seen[0] != seen[1] and seen[2] == seen[0]


async def test_clicking_a_summary_sentence_highlights_its_lines() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(pilot, METRO)
        summary = screen.query_one(SummaryView)
        last = len(summary.items) - 1
        y = summary._index_to_line[last]  # the first row of the last sentence
        await pilot.click(SummaryView, offset=(2, y))
        await pilot.pause()
        assert summary.highlighted == last
        assert screen.query_one(SourceView).cited == summary.items[last].citations[0].span


async def test_source_cursor_points_at_the_summary_sentence_quoting_it() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(pilot, METRO)
        source = screen.query_one(SourceView)
        summary = screen.query_one(SummaryView)
        target = summary.items[1].citations[0].span.start
        await pilot.press("tab")
        assert source.has_focus
        for _ in range(len(file_lines(METRO))):  # the readable view: one press a line of text
            if source.cursor_line >= target:
                break
            await pilot.press("down")
        await pilot.pause()
        assert source.cursor_line == target
        assert summary.highlighted == 1
        assert "quoted by summary sentence 2" in str(screen.query_one("#status").render())


async def test_length_and_algorithm_keys_recompute_in_a_worker() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(pilot, METRO)
        summary = screen.query_one(SummaryView)
        await pilot.press("plus", "plus")
        await settle(pilot)
        assert len(summary.items) == 5
        await pilot.press("minus")
        await settle(pilot)
        assert len(summary.items) == 4
        await pilot.press("A")
        await settle(pilot)
        assert screen.algorithm == ALGORITHMS[1]
        assert ALGORITHMS[1] in str(screen.query_one("#summary-pane").border_title)
        assert len(summary.items) == 4


async def test_removed_lines_dimmed_with_reason_and_b_hides_them() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(pilot, METRO)
        await pilot.press("m")  # the file as it is: removed lines shown, dimmed, by default
        await pilot.pause()
        source = screen.file_view
        assert source.display and source.note_of(1) == "front matter"
        source.scroll_to(y=0, animate=False, immediate=True)
        await pilot.pause()
        assert "[front matter]" in shown_lines(source)[0]
        await pilot.press("b")
        await pilot.pause()
        source.scroll_to(y=0, animate=False, immediate=True)
        await pilot.pause()
        first = shown_lines(source)[0]
        assert "hidden: front matter" in first
        await pilot.press("b")
        await pilot.pause()
        assert source.show_removed


async def test_m_toggles_the_readable_text_and_the_file() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(pilot, METRO)
        assert screen.text_view.display and not screen.file_view.display
        assert not any(row.lstrip(" 0123456789").startswith("#") for row in shown_lines(screen.text_view))
        await pilot.press("m")
        await pilot.pause()
        assert screen.has_class("-raw")
        assert screen.file_view.display and not screen.text_view.display
        await pilot.press("m")
        await pilot.pause()
        assert screen.text_view.display


async def test_escape_returns_to_the_library() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await open_article(pilot, METRO)
        await pilot.press("escape")
        assert not isinstance(app.screen, ArticleScreen)


async def test_narrow_terminal_stacks_the_panes() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await open_article(pilot, METRO)
        source = screen.query_one("#source-pane").region
        summary = screen.query_one("#summary-pane").region
        assert screen.has_class("-narrow")
        assert summary.y >= source.bottom  # below, not beside
        assert source.width == summary.width == 80


async def test_wide_terminal_puts_the_panes_side_by_side() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(pilot, METRO)
        source = screen.query_one("#source-pane").region
        summary = screen.query_one("#summary-pane").region
        assert summary.x >= source.right and summary.y == source.y
        await pilot.resize_terminal(90, 40)
        await pilot.pause()
        assert screen.has_class("-narrow")
        assert screen.query_one("#summary-pane").region.y >= screen.query_one("#source-pane").region.bottom


async def test_untrusted_markup_and_escapes_are_shown_inert(untrusted_article: Path) -> None:
    app = make_app([str(untrusted_article)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        assert "[bold]x[/bold]" in table.get_row_at(0)[1].plain
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        source = screen.query_one(SourceView)
        rows = "\n".join(shown_lines(source))
        assert "[bold]x[/bold]" in rows
        assert "[link=evil]y[/link]" in rows
        assert "^[[31mred^[[0m" in rows
        assert "\x1b" not in rows
        summary = screen.query_one(SummaryView)
        prompts = " ".join(str(summary.get_option_at_index(i).prompt) for i in range(summary.option_count))
        assert "[bold]x[/bold]" in prompts and "\x1b" not in prompts
        assert "[bold]x[/bold]" in str(screen.query_one("#meta").render())
        # Nothing on the whole screen carries a raw escape character.
        screenshot = app.export_screenshot()
        assert "\x1b" not in screenshot
