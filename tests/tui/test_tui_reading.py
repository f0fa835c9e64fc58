"""Reading an article: readable text numbered with file lines, the file on `m`, the folded header,
search inside the article, copying a citation and opening the article's address (issue 12)."""
from __future__ import annotations

import html
import re
import webbrowser
from pathlib import Path

import pytest

from reader.tui.app import make_app
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.widgets.summary_view import SummaryView
from test_tui_article import METRO, open_article
from tui_helpers import SEEDS, WIDE, file_lines, notices, settle, shown_lines, words

HTML = SEEDS / "08-bellhaven-evening-star.html"
PLAIN = SEEDS / "01-bellhaven-courier.txt"
SMALL = (80, 24)
_TAG = re.compile(r"<[^>]*>")


def numbered_rows(rows: list[str], lines: int) -> list[tuple[int, str]]:
    """(file line, text) for each row that carries a line number in its gutter (as wide as the last number)."""
    digits = len(str(lines))
    found = []
    for row in rows:
        label, text = row[:digits].strip(), row[digits + 2:].strip()
        if label.isdigit() and text:
            found.append((int(label), text))
    return found


def visible(raw: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", raw)).split())


async def test_html_reads_as_text_numbered_with_its_file_lines() -> None:
    raw = file_lines(HTML)
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(pilot, HTML)
        text = "\n".join(shown_lines(screen.text_view))
        assert "<p>" not in text and "&ldquo;" not in text and "&rsquo;" not in text
        rows = numbered_rows(shown_lines(screen.text_view), len(raw))
        assert rows
        for line, shown in rows:  # each labelled row is the start of what that file line shows
            assert shown.split()[0] in visible(raw[line - 1]), (line, shown)
        chanting = next(line for line, shown in rows if shown.startswith("The chanting started"))
        assert raw[chanting - 1].lstrip().startswith("<p>The chanting started")


async def test_m_shows_the_page_head_and_scripts_as_removed_markup() -> None:
    raw = file_lines(HTML)
    meta = next(n for n, line in enumerate(raw, start=1) if line.lstrip().startswith("<meta "))
    script = next(n for n, line in enumerate(raw, start=1) if "<script" in line)
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(pilot, HTML)
        await pilot.press("m")
        await pilot.pause()
        view = screen.file_view
        assert view.display and not screen.text_view.display
        assert view.note_of(meta) == "page head" and view.note_of(script) == "page head"
        assert view.note_of(1) is not None  # <!DOCTYPE html>: markup
        cited = screen.query_one(SummaryView).items[0].citations[0].span
        assert view.note_of(cited.start) is None
        view.scroll_to(y=0, animate=False, immediate=True)
        await pilot.pause()
        assert any("<meta" in row for row in shown_lines(view))


async def test_choosing_a_summary_sentence_highlights_and_scrolls_the_readable_text() -> None:
    for path in (HTML, METRO):
        app = make_app([str(SEEDS)])
        async with app.run_test(size=SMALL) as pilot:
            screen = await open_article(pilot, path)
            view = screen.text_view
            summary = screen.query_one(SummaryView)
            for _ in range(len(summary.items) - 1):
                await pilot.press("j")
            await pilot.pause()
            item = summary.items[summary.highlighted]
            span = item.citations[0].span
            assert view.cited == span
            first, last = view.rows_of(span)
            top = int(view.scroll_offset.y)
            height = view.scrollable_content_region.height
            assert top <= first <= top + height - 1, (path.name, span)
            marked = [row for row in shown_lines(view)[first - top:last - top + 1] if "▌" in row]
            assert marked and set(words(item.text)) <= set(words(" ".join(marked))), (path.name, item.text)


async def test_title_bar_names_the_file_and_its_outlet_and_the_header_folds() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_article(pilot, HTML)
        title = str(screen.query_one("#source-pane").border_title)
        assert HTML.name in title and "The Bellhaven Evening Star" in title
        assert str(SEEDS) not in title and "seeds/" not in title
        header = screen.query_one("#meta")
        assert header.region.height == 1
        assert screen.text_view.region.height >= 8  # the text gets the rows the metadata gave up
        await pilot.press("s")  # starred from here, the header says so
        await pilot.pause()
        assert "★" in str(header.render())
        await pilot.press("i")
        await pilot.pause()
        assert header.region.height > 1 and "https://www.bellhaveneveningstar.com" in str(header.render())
        await pilot.press("i")
        await pilot.pause()
        assert header.region.height == 1


async def test_slash_finds_n_and_N_step_with_a_wrap_notice_and_escape_closes(monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app([str(SEEDS)])
    seen = notices(app, monkeypatch)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_article(pilot, HTML)
        view = screen.text_view
        expected = sum(view.text_of_entry(e).casefold().count("council") for e in range(1, view.line_count + 1)
                       if not view.is_hidden(e))
        assert expected >= 3
        await pilot.press("slash", *"council", "enter")
        await pilot.pause()
        assert view.has_focus
        status = str(screen.query_one("#status").render())
        assert f"/{expected}" in status, status
        stops = [view.cursor]
        assert "council" in view.text_of_entry(view.cursor).casefold()
        hit_rows = [row for row in shown_lines(view) if "ouncil" in row]
        assert hit_rows  # the hit is on screen
        for _ in range(expected - 1):
            await pilot.press("n")
            stops.append(view.cursor)
        assert all("council" in view.text_of_entry(e).casefold() for e in stops)
        assert stops == sorted(stops)
        await pilot.press("n")  # past the last hit: round to the first, with a notice
        await pilot.pause()
        assert any("wrapped" in message for message in seen)
        await pilot.press("N")
        assert view.cursor == stops[-1]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and not screen.has_class("-finding")
        assert screen.finder.query == ""
        await pilot.press("escape")
        assert not isinstance(app.screen, ArticleScreen)


async def test_c_copies_the_chosen_sentence_with_its_file_and_line() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(pilot, METRO)
        await pilot.press("j")
        await pilot.pause()
        summary = screen.query_one(SummaryView)
        item = summary.items[summary.highlighted]
        span = item.citations[0].span
        await pilot.press("c")
        copied = app.clipboard
        assert copied.startswith(f"{screen.article.path}:{span.start}")
        assert copied.endswith(item.text)
        line = file_lines(METRO)[span.start - 1]
        assert item.text.split()[0] in line


async def test_o_opens_the_url_in_a_worker_or_says_there_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(pilot, METRO)
        await pilot.press("o")
        await settle(pilot)
        assert opened == [screen.article.url] and screen.article.url
    app = make_app([str(SEEDS)])
    seen = notices(app, monkeypatch)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_article(pilot, PLAIN)
        assert screen.article.url is None
        await pilot.press("o")
        await settle(pilot)
        assert len(opened) == 1
        assert any("no URL" in message for message in seen)
