"""Terminal conventions (issue 12): q backs out one level and quits only from the library, escape backs
out too, one summarizer key on every screen, the footer keeps ? and q in sight at 80 columns, and the
palette lists each command once; in a text box the footer shows f1 for help and what escape does."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from textual import events
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Input

from reader.tui.app import make_app
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.screens.compare_screen import CompareScreen
from reader.tui.screens.help_screen import HelpScreen
from reader.tui.screens.library_screen import LibraryScreen
from reader.tui.screens.story_screen import StoryScreen
from reader.tui.screens.tag_picker import TagPicker
from tui_helpers import SEEDS, WIDE, press, screen_rows, settle, write_config

SMALL = (80, 24)


def declared(screen: type, action: str) -> list[Binding]:
    return [b for b in Binding.make_bindings(screen.BINDINGS) if b.action == action]


# -- q and escape -----------------------------------------------------------------------------------

async def test_q_backs_out_one_level_and_quits_only_from_the_library() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        assert isinstance(app.screen, ArticleScreen)
        await press(pilot, "q")
        assert isinstance(app.screen, LibraryScreen) and app.is_running
        await press(pilot, "S")
        assert isinstance(app.screen, StoryScreen)
        await press(pilot, "enter")  # the story's first sentence, opened in its article
        assert isinstance(app.screen, ArticleScreen)
        await press(pilot, "q")
        assert isinstance(app.screen, StoryScreen)
        await press(pilot, "q")
        assert isinstance(app.screen, LibraryScreen) and app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert app._exit or not app.is_running


@pytest.mark.parametrize("key", ["q", "escape"])
async def test_q_and_escape_leave_the_compare_screen(key: str) -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "c", "down", "c")
        assert isinstance(app.screen, CompareScreen)
        await press(pilot, key)
        assert isinstance(app.screen, LibraryScreen) and app.is_running


async def test_escape_backs_out_of_article_and_story() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await press(pilot, "escape")
        assert isinstance(app.screen, LibraryScreen)
        await press(pilot, "S")
        await press(pilot, "escape")
        assert isinstance(app.screen, LibraryScreen) and app.is_running


async def test_q_closes_help_and_the_tag_picker_without_quitting() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "q")
        assert isinstance(app.screen, ArticleScreen)
        await press(pilot, "q", "t", *"local", "enter", "number_sign")
        assert isinstance(app.screen, TagPicker)
        await press(pilot, "q")
        assert isinstance(app.screen, LibraryScreen) and app.is_running


async def test_help_says_what_q_does_on_each_screen() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        library_help = str(app.screen.query_one("#help-keys").render())
        await press(pilot, "escape", "enter", "question_mark")
        article_help = str(app.screen.query_one("#help-keys").render())
    quit_line = [line for line in library_help.splitlines() if " Quit" in line]
    assert quit_line and quit_line[0].split()[0] == "q"
    back_line = [line for line in article_help.splitlines() if " Back" in line]
    assert back_line and back_line[0].split()[0] == "q"
    assert not any(line.split()[:1] == ["q"] and "Quit" in line for line in article_help.splitlines())


async def test_a_rebound_back_key_backs_out_and_the_help_shows_it(private_home: Path) -> None:
    write_config(private_home, '[keymap]\n"article.back" = "backspace"\n')
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "question_mark")
        help_text = str(app.screen.query_one("#help-keys").render())
        assert any("Back" in line and "⌫" in line for line in help_text.splitlines())
        await press(pilot, "escape")  # closes the help; escape no longer leaves the article
        assert isinstance(app.screen, ArticleScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, ArticleScreen)
        await press(pilot, "backspace")
        assert isinstance(app.screen, LibraryScreen)


# -- one summarizer key -----------------------------------------------------------------------------

def test_article_and_story_declare_the_same_summarizer_key() -> None:
    shown = [{b.key for b in declared(screen, "next_algorithm") if b.description}
             for screen in (ArticleScreen, StoryScreen)]
    assert shown[0] and shown[0] == shown[1]


async def test_the_summarizer_key_changes_the_algorithm_in_article_and_story() -> None:
    key = next(b.key for b in declared(StoryScreen, "next_algorithm") if b.description)
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        article = app.screen
        assert isinstance(article, ArticleScreen)
        before = article.algorithm
        await press(pilot, key)
        assert article.algorithm != before
        await press(pilot, "q", "S")
        story = app.screen
        assert isinstance(story, StoryScreen)
        first = story.algorithm
        await press(pilot, key)
        second = story.algorithm
        await press(pilot, "a")  # the story's old key still works
        assert len({first, second, story.algorithm}) == 3
        subtitle = str(story.query_one("#story-pane").border_subtitle)
        assert f"{app.get_key_display(Binding(key, ''))} algorithm" in subtitle


async def test_the_pane_hint_follows_a_rebound_summarizer_key(private_home: Path) -> None:
    write_config(private_home, '[keymap]\n"story.next_algorithm" = "x"\n"article.next_algorithm" = "x"\n')
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await press(pilot, "S")
        assert "x algorithm" in str(app.screen.query_one("#story-pane").border_subtitle)
        await press(pilot, "q", "enter")
        assert "x algorithm" in str(app.screen.query_one("#summary-pane").border_subtitle)


# -- the footer ---------------------------------------------------------------------------------------

async def open_screen(pilot: Pilot[object], name: str) -> None:
    keys = {"library": [], "article": ["enter"], "story": ["S"], "compare": ["c", "down", "c"]}[name]
    await settle(pilot)
    if keys:
        await press(pilot, *keys)


@pytest.mark.parametrize("size", [SMALL, (120, 40)])
@pytest.mark.parametrize("name", ["library", "article", "story", "compare"])
async def test_the_footer_keeps_help_and_q_in_sight(name: str, size: tuple[int, int]) -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=size) as pilot:
        await open_screen(pilot, name)
        footer = screen_rows(app)[-1]
    q_means = "Quit" if name == "library" else "Back"
    assert "? Keys" in footer and f"q {q_means}" in footer, footer
    assert len(footer.rstrip()) <= size[0]


# While a text box has the focus, letters are typed into it: the footer then shows help on f1 and
# what escape does there, never a letter key that would only be typed.
TEXT_BOXES = {"library filter": ["slash"], "full text": ["F"], "article find": ["enter", "slash"],
              "tag dialog": ["t"], "story export": ["S", "e"]}
WAY_OUT = {"library filter": "esc Clear filter", "full text": "esc Clear filter", "article find": "esc Back",
           "tag dialog": "esc Cancel", "story export": "esc Cancel"}


@pytest.mark.parametrize("name", list(TEXT_BOXES))
async def test_in_a_text_box_the_footer_shows_help_and_the_way_out(name: str) -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        for key in TEXT_BOXES[name]:  # each screen ready before the next key (a story is summarized in a worker)
            await press(pilot, key)
            await settle(pilot)
        assert isinstance(app.screen.focused, Input)
        footer = screen_rows(app)[-1]
    assert WAY_OUT[name] in footer, footer
    if name in ("tag dialog", "story export"):  # a dialog's other keys are on its own line
        assert "Keys" not in footer and "Quit" not in footer, footer
    else:
        assert "f1 Keys" in footer, footer
    shown_keys = [word for word in footer.split() if len(word) == 1 and word.isprintable() and word != "▏"]
    assert shown_keys == [], footer  # / Filter, + Longer, q Quit...: they would be typed into the box
    assert len(footer.rstrip()) <= SMALL[0]


@pytest.mark.parametrize("opening, box_key", [([], "slash"), ([], "F"), (["enter"], "slash")])
async def test_letters_sent_at_once_after_the_box_key_are_typed_into_the_box(opening: list[str], box_key: str) -> None:
    """A burst (`/ast` pasted, or typed fast through tmux) reaches the app before the box has the
    focus: each key went to the table or the source first. They are typed into the box, and none
    of them acts on the screen (a archives, s stars, t tags)."""
    app = make_app([str(SEEDS)])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, *opening)
        states = dict(app.library.states)
        for key in [box_key, *"ast"]:
            app.post_message(events.Key(key, {"slash": "/"}.get(key, key)))  # queued together, as a terminal sends them
        await settle(pilot)
        box = app.screen.focused
        assert isinstance(box, Input) and box.value == "ast"
        assert app.library.states == states


async def test_f1_opens_the_keys_from_the_filter_box_and_question_mark_is_typed() -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "slash", "question_mark", "q")
        assert isinstance(app.screen, LibraryScreen) and app.is_running
        assert app.screen.query_one("#filter", Input).value == "?q"
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        assert "q Close help" in screen_rows(app)[-1]
        await press(pilot, "f1")
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("#filter", Input).value == "?q"


# -- the palette --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["library", "article", "story", "compare"])
async def test_the_palette_lists_each_command_once(name: str) -> None:
    app = make_app([str(SEEDS)])
    async with app.run_test(size=WIDE) as pilot:
        await open_screen(pilot, name)
        titles = Counter(command.title for command in app.get_system_commands(app.screen))
    assert titles and max(titles.values()) == 1, [t for t, n in titles.items() if n > 1]
    assert "Quit" in titles and "Keys" in titles
