"""Stories in the library (issue 14): the "N sources" column, the grouped view (z, enter/right, left),
triage on a story row, and S opening the story of the article under the cursor.

What the stories are comes from labels, not from the grouping code: the seeds' Bellhaven story is
files 01-10 from ten outlets (10 a British paper's take on it), 04 a reprint of 05; the meteorite
story is 11 and 12 (README, "The stories of a folder"). The invented corpus of
tests/cli/story_corpus.py has one fire told by three outlets and reprinted by a fourth
(d-dunmore-daily.md copies a-harbor-herald.md), and an unrelated library story.
"""
from __future__ import annotations

import json
from pathlib import Path

from reader.config import preferences_path
from reader.model import Article
from reader.triage import ArticleKey, TriageStore
from reader.tui.app import ReaderApp, make_app
from reader.tui.screens.story_screen import StoryScreen
from reader.tui.widgets.article_table import ArticleTable
from tui_helpers import SEEDS, WIDE, press, settle

BELLHAVEN = {p.name for p in SEEDS.iterdir() if p.name[:2] in {f"{n:02}" for n in range(1, 11)}}
METEORITE = {"11-skyline-science-meteorite.txt", "12-high-plains-observer-meteorite.md"}
FIRE = {"a-harbor-herald.md", "b-coast-gazette.md", "c-island-radio.md", "d-dunmore-daily.md"}


def table_of(app: ReaderApp) -> ArticleTable:
    return app.library_screen.query_one(ArticleTable)


def row_keys(table: ArticleTable) -> list[str]:
    return [str(table.coordinate_to_cell_key((i, 0)).row_key.value) for i in range(table.row_count)]


def file_of(app: ReaderApp, key: str) -> str:
    return Path(app.library.entry(key).listing.path).name


def rows(app: ReaderApp) -> list[tuple[str, str, str]]:
    """Each row as (file name, or "story" for a story row; title cell; story cell)."""
    table = table_of(app)
    out = []
    for i, key in enumerate(row_keys(table)):
        cells = table.get_row_at(i)
        out.append(("story" if key.startswith("story:") else file_of(app, key), cells[1].plain, cells[-1].plain))
    return out


def counts(app: ReaderApp) -> str:
    return str(app.library_screen.query_one("#counts").render())


async def cursor_to(pilot, app: ReaderApp, predicate) -> None:  # type: ignore[no-untyped-def]
    """Move the cursor down to the first row whose (file, title, story) matches."""
    table = table_of(app)
    index = next(i for i, row in enumerate(rows(app)) if predicate(row))
    table.move_cursor(row=index, animate=False)
    await pilot.pause()


def stored_read(paths: set[str]) -> dict[str, bool]:
    """Whether each article is read, as a separate store reads it (the files parsed here by path)."""
    with TriageStore.open() as store:
        out = {}
        for name in paths:
            path = SEEDS / name
            article = open_article_at(path)
            out[name] = store.get(ArticleKey.of(article)).read
        return out


def open_article_at(path: Path) -> Article:
    from reader.ingest import load_article

    article = load_article(path, str(path))
    assert isinstance(article, Article)
    return article


async def test_the_story_column_says_how_many_sources_once_grouped() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        shown = {name: badge for name, _, badge in rows(app)}
        assert {shown[name] for name in BELLHAVEN} == {"10 sources"}
        assert {shown[name] for name in METEORITE} == {"2 sources"}
        assert table_of(app).get_row_at(0)[-1].plain == "10 sources"
        assert not app.session.grouping and "grouping" not in counts(app)


async def test_z_shows_one_row_per_story_that_expands_and_collapses() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "z")
        shown = rows(app)
        assert [kind for kind, _, _ in shown] == ["story", "story"]
        assert shown[0][1].startswith("▸ ") and shown[0][2] == "10 sources"
        assert shown[1][1].startswith("▸ Rancher") and shown[1][2] == "2 sources"
        assert "2 stories" in counts(app) and "12 of 12" in counts(app)
        await press(pilot, "enter")  # the cursor is on the Bellhaven story
        shown = rows(app)
        assert shown[0][1].startswith("▾ ") and {f for f, _, _ in shown[1:11]} == BELLHAVEN
        assert all(title.startswith("  ") for _, title, _ in shown[1:11])  # under their story
        marked = {name: badge for name, _, badge in shown[1:11]}
        assert marked["04-valley-ledger-card.txt"] == "copy"  # the reprint of 05
        assert {badge for name, badge in marked.items() if name != "04-valley-ledger-card.txt"} == {""}
        assert [f for f, _, _ in shown[11:]] == ["story"]
        await press(pilot, "down", "down", "left")  # left on an article folds its story, the cursor on it
        assert len(rows(app)) == 2 and table_of(app).cursor_row == 0
        await press(pilot, "end", "right")  # right expands the meteorite story
        assert {f for f, _, _ in rows(app)[2:]} == METEORITE
        await press(pilot, "left")  # on the expanded story row itself: folds it
        assert len(rows(app)) == 2
        await press(pilot, "z")  # back to one row per article
        assert len(rows(app)) == 12 and all(kind != "story" for kind, _, _ in rows(app))


async def test_the_grouped_view_is_remembered_for_the_next_run() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await press(pilot, "z")
    assert json.loads(preferences_path().read_text(encoding="utf-8"))["library"]["grouped"] is True
    again = make_app([str(SEEDS)])
    async with again.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert [kind for kind, _, _ in rows(again)] == ["story", "story"]


async def test_read_on_a_story_row_marks_all_its_articles_and_undo_takes_them_back_at_once() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "z")
        await press(pilot, "r")  # the Bellhaven story row
        assert set(stored_read(BELLHAVEN).values()) == {True}
        assert not any(stored_read(METEORITE).values())
        assert "·" in table_of(app).get_row_at(0)[0].plain  # the story row is read too
        assert "2 unread" in counts(app)
        await press(pilot, "u")
        assert not any(stored_read(BELLHAVEN).values())
        assert "12 unread" in counts(app) and "●" in table_of(app).get_row_at(0)[0].plain


async def test_star_and_archive_on_a_story_cover_articles_the_view_hides() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await cursor_to(pilot, app, lambda row: row[0] == "12-high-plains-observer-meteorite.md")
        await press(pilot, "r")  # one meteorite article read: the unread view keeps it until the view changes
        await press(pilot, "v", "v", "v", "v", "z")  # round to unread again, grouped: only 11 is unread
        await cursor_to(pilot, app, lambda row: row[1].startswith("▸ Rancher"))
        await press(pilot, "s")
        with TriageStore.open() as store:
            starred = {name: store.get(ArticleKey.of(open_article_at(SEEDS / name))).starred for name in METEORITE}
        assert starred == {name: True for name in METEORITE}  # the read one, hidden here, too
        await press(pilot, "a")  # archived: the story leaves the unread view
        assert all(kind != "story" or not title.startswith("▸ Rancher") for kind, title, _ in rows(app))
        with TriageStore.open() as store:
            assert all(store.get(ArticleKey.of(open_article_at(SEEDS / name))).archived for name in METEORITE)


async def test_s_opens_on_the_story_of_the_article_under_the_cursor() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await cursor_to(pilot, app, lambda row: row[0] == "12-high-plains-observer-meteorite.md")
        await press(pilot, "S")
        screen = app.screen
        assert isinstance(screen, StoryScreen) and screen.ready
        assert {Path(listing.path).name for listing in screen.offered} == METEORITE
        assert not screen.story_summary.left_out  # type: ignore[union-attr]
        assert "Story over 2 articles" in str(screen.query_one("#story-title").render())
        await press(pilot, "q", "z", "home", "S")  # on a story row: that story
        assert {Path(listing.path).name for listing in app.screen.offered} == BELLHAVEN  # type: ignore[attr-defined]


async def test_s_on_an_article_in_no_others_story_opens_the_story_of_it_alone(story_news: Path) -> None:
    app = make_app([str(story_news)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await cursor_to(pilot, app, lambda row: row[0] == "e-library.txt")
        await press(pilot, "S")
        assert [Path(listing.path).name for listing in app.screen.offered] == ["e-library.txt"]  # type: ignore[attr-defined]
        await settle(pilot)
        assert str(app.screen.query_one("#story-title").render()).startswith("Story over 1 article ·")


async def test_s_with_a_selection_summarises_the_selection() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await cursor_to(pilot, app, lambda row: row[0] == "02-metro-transit-wire.md")
        await press(pilot, "space")
        await cursor_to(pilot, app, lambda row: row[0] == "11-skyline-science-meteorite.txt")
        await press(pilot, "space", "S")
        screen = app.screen
        assert isinstance(screen, StoryScreen)
        assert {Path(listing.path).name for listing in screen.offered} == {
            "02-metro-transit-wire.md", "11-skyline-science-meteorite.txt"}
        assert "selected articles" in str(screen.query_one("#story-title").render())


async def test_space_on_a_story_row_selects_its_articles() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "z", "end", "space")  # the meteorite story row
        assert {file_of(app, key) for key in app.session.selected} == METEORITE
        assert "2 selected" in counts(app)
        assert table_of(app).get_row_at(1)[0].plain.startswith("▸")
        await press(pilot, "space")  # still on it (the last row): all selected, so none now
        assert not app.session.selected and "selected" not in counts(app)


async def test_a_tmp_folder_story_with_a_reprint(story_news: Path) -> None:
    app = make_app([str(story_news)])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = {name: badge for name, _, badge in rows(app)}
        assert {shown[name] for name in FIRE} == {"4 sources"} and shown["e-library.txt"] == ""
        await press(pilot, "z", "enter")
        grouped = rows(app)
        assert grouped[0][0] == "story" and grouped[0][1].startswith("▾ Fire closes Port Dunmore")
        assert {name: badge for name, _, badge in grouped[1:5]} == {
            "a-harbor-herald.md": "", "b-coast-gazette.md": "", "c-island-radio.md": "", "d-dunmore-daily.md": "copy"}
        await press(pilot, "home", "t")
        assert app.screen.title_text == "Tags of 4 articles"  # type: ignore[attr-defined]
        await pilot.press(*"fire", "enter")
        await settle(pilot)
        with TriageStore.open() as store:
            tags = {p.name: store.get(ArticleKey.of(open_article_at(p))).tags for p in story_news.iterdir()}
        assert tags == {**{name: frozenset({"fire"}) for name in FIRE}, "e-library.txt": frozenset()}


async def test_a_large_library_is_grouped_in_a_child_process(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Above PARALLEL_MIN_ITEMS the readings are made and grouped apart (here: any library)."""
    from reader.tui import story_inputs

    apart: list[int] = []
    real = story_inputs.run_apart
    monkeypatch.setattr(story_inputs, "PARALLEL_MIN_ITEMS", 1)
    monkeypatch.setattr(story_inputs, "run_apart", lambda f, job, c: apart.append(len(job[0])) or real(f, job, c))
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert apart == [12]
        shown = {name: badge for name, _, badge in rows(app)}
        assert {shown[name] for name in METEORITE} == {"2 sources"} and {shown[n] for n in BELLHAVEN} == {"10 sources"}
