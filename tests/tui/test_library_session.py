"""The library session without an app: views, selection, triage, undo, and writes that wait for a locked store."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import reader.triage.opening as opening
from reader.triage import ARCHIVE, ArticleKey, ArticleState, TriageStore
from reader.triage.ingest_cache import Listing
from reader.tui.library import SortKey, View
from reader.tui.library_session import LibrarySession
from reader.tui.triage_session import TriageSession

UNREAD = ArticleState()


def listing(name: str, title: str, date: str | None = None, words: int = 100) -> Listing:
    return Listing(name, title, date, None, f"fp-{name}", 5, words, search_text=title.casefold(), file=name)


@pytest.fixture
def state_path(tmp_path: Path) -> Path:
    return tmp_path / "state.sqlite3"


@pytest.fixture
def session(state_path: Path) -> LibrarySession:
    triage = TriageSession.open(str(state_path))
    made = LibrarySession(triage)
    made.add([listing("a.txt", "Oil prices rise", "2024-01-02"), listing("b.txt", "Council votes", "2024-01-05"),
              listing("c.txt", "Oil and gas", None, 40)], [UNREAD] * 3)
    made.arrange()
    yield made
    triage.close()


def stored(state_path: Path, name: str) -> ArticleState:
    """What another process would read from the store."""
    with TriageStore.open(state_path) as store:
        return store.get(ArticleKey(f"fp-{name}", name))


def names(session: LibrarySession) -> list[str]:
    return [e.listing.path for e in session.shown]


def test_filter_sort_and_views(session: LibrarySession) -> None:
    session.query = "oil"
    session.arrange()
    assert names(session) == ["a.txt", "c.txt"]
    session.query = ""
    session.sort_by(SortKey.DATE)  # dates start newest first; undated last
    session.arrange()
    assert names(session) == ["b.txt", "a.txt", "c.txt"]
    session.sort_by(SortKey.DATE)  # again: reversed
    session.arrange()
    assert names(session) == ["c.txt", "a.txt", "b.txt"]
    session.next_view()
    assert session.view is View.STARRED and session.arrange() == []


def test_a_toggle_changes_the_state_at_once_and_the_store_on_flush(session: LibrarySession, state_path: Path) -> None:
    first = session.shown[0]
    result = session.toggle("star", session.targets(first.key))
    assert result.rows == {first.key} and not result.arrange
    assert session.library.state_of(first).starred
    assert not stored(state_path, "a.txt").starred  # not written until flushed
    assert session.unsaved == 1
    flushed = session.flush()
    assert flushed.waiting == 0 and flushed.problem is None
    assert [c.after.starred for c in flushed.changes] == [True]
    assert stored(state_path, "a.txt").starred and session.unsaved == 0


def test_a_toggle_over_a_selection_follows_the_first_row_and_clears_it(session: LibrarySession,
                                                                        state_path: Path) -> None:
    a, b, c = session.shown
    session.toggle("read", [b])
    session.toggle_selected(a.key)
    session.toggle_selected(b.key)
    result = session.toggle("read", session.targets(c.key))  # the selection, not the cursor row
    assert result.rows == {a.key, b.key} and not session.selected
    assert [session.library.state_of(e).read for e in (a, b, c)] == [True, True, False]
    session.flush()
    assert [stored(state_path, n).read for n in ("a.txt", "b.txt", "c.txt")] == [True, True, False]


def test_archiving_moves_rows_out_of_the_view_and_reading_keeps_them(session: LibrarySession) -> None:
    a, b, _ = session.shown
    assert session.toggle("read", [a]).arrange is False
    assert session.keeps(a)  # read, but stays shown in the unread view until the view changes
    assert session.toggle("archive", [b]).arrange is True
    session.arrange()
    assert names(session) == ["a.txt", "c.txt"]
    session.show_view(View.UNREAD)
    assert a not in session.arrange()


def test_undo_restores_even_before_the_write_reached_the_store(session: LibrarySession, state_path: Path) -> None:
    a = session.shown[0]
    session.toggle("star", [a])
    session.retag([a], frozenset({"energy", "markets"}))
    assert session.library.state_of(a).tags == {"energy", "markets"}
    assert session.undo().notice == "Undone (1 article)."
    assert session.library.state_of(a).tags == frozenset() and session.library.state_of(a).starred
    session.flush()
    assert stored(state_path, "a.txt") == ArticleState(starred=True)
    session.undo()
    session.flush()
    assert stored(state_path, "a.txt") == UNREAD
    assert session.undo().notice == "Nothing to undo."


def test_an_article_screen_change_marks_its_row_stale_for_the_library(session: LibrarySession) -> None:
    a = session.shown[0]
    assert session.toggle_one(a.key, "star").rows == frozenset()  # nothing to redraw now
    assert session.take_stale() == {a.key} and session.take_stale() == set()
    session.mark_opened(session.shown[1])
    assert session.library.state_of(session.shown[1]).read and session.take_stale() == {session.shown[1].key}


def test_a_locked_store_keeps_the_marks_queued_in_order_until_it_frees(
        session: LibrarySession, state_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session.triage.store._db.execute("PRAGMA busy_timeout = 50")  # fail fast instead of waiting 5 s
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 50)
    a, b, _ = session.shown
    other = sqlite3.connect(state_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another reader holds the write lock
    session.toggle("star", [a])
    session.toggle("read", [b])
    flushed = session.flush()
    assert flushed.waiting == 2 and flushed.problem is not None and "locked" in flushed.problem
    assert session.library.state_of(a).starred and session.unsaved == 2  # shown, kept, undoable
    session.undo()  # undo the read of b while nothing is stored yet
    other.execute("ROLLBACK")
    other.close()
    assert session.flush().waiting == 0
    assert stored(state_path, "a.txt").starred and not stored(state_path, "b.txt").read


def test_stored_states_from_another_process_are_taken_unless_a_write_is_queued(
        session: LibrarySession, state_path: Path) -> None:
    a, b, _ = session.shown
    with TriageStore.open(state_path) as store:  # another process tags b
        from reader.triage import add_tag

        store.apply([ArticleKey("fp-b.txt", "b.txt")], add_tag("elsewhere"))
    session.toggle("star", [b])
    flushed = session.flush()
    assert session.stored(flushed.changes).rows == {b.key}  # the store composed both changes
    assert session.library.state_of(b) == ArticleState(starred=True, tags=frozenset({"elsewhere"}))
    session.toggle("star", [a])  # queued: a reload must not undo it on screen
    assert not session.reloaded({a.key: UNREAD, b.key: session.library.state_of(b)})
    assert session.library.state_of(a).starred


def test_next_unread_wraps_around_and_says_so(session: LibrarySession) -> None:
    a, b, c = (e.key for e in session.shown)
    session.toggle_one(b, "read")
    forward = session.step_unread(a, 1)
    assert forward.entry is not None and forward.entry.key == c and not forward.wrapped and forward.notice is None
    around = session.step_unread(c, 1)  # past the last row: back to the first unread one
    assert around.entry is not None and around.entry.key == a and around.wrapped
    assert around.notice is not None and "first" in around.notice
    back = session.step_unread(a, -1)  # before the first row: round to the last unread one
    assert back.entry is not None and back.entry.key == c and back.wrapped and "last" in (back.notice or "")


def test_next_unread_never_answers_the_row_itself(session: LibrarySession) -> None:
    a, b, c = (e.key for e in session.shown)
    session.toggle_one(b, "read")
    session.toggle_one(c, "read")
    alone = session.step_unread(a, 1)  # the only unread article is the cursor's own
    assert alone.entry is None and alone.notice is not None
    session.toggle_one(a, "read")
    none = session.step_unread(None, 1)
    assert none.entry is None and not none.wrapped and none.notice is not None


def test_full_text_rows_come_in_their_rank_order_within_the_view(session: LibrarySession) -> None:
    session.sort_by(SortKey.TITLE)
    session.use_full_text(True)
    session.text_query = "oil"
    assert session.found("oil", ["2", "0"])
    session.arrange()
    assert names(session) == ["c.txt", "a.txt"]  # best first, not by title
    session.apply([session.library.entry("2")], ARCHIVE)
    session.arrange()
    assert names(session) == ["a.txt"]  # an archived hit leaves the unread view


def test_a_late_full_text_answer_is_not_taken(session: LibrarySession) -> None:
    session.use_full_text(True)
    session.text_query = "oil gas"
    assert not session.found("oil", ["0"])  # the box says something else by now
    assert session.ranked is None
    session.use_full_text(False)
    assert not session.found("oil gas", ["0"])  # and not once the mode is left


def test_switching_modes_keeps_what_was_typed_and_drops_the_rows(session: LibrarySession) -> None:
    session.query = "oil"
    session.use_full_text(True)
    assert (session.query, session.text_query, session.typed) == ("", "oil", "oil")
    assert session.found("oil", ["1"]) and session.filtered
    session.use_full_text(False)
    assert (session.query, session.ranked) == ("oil", None)
    session.arrange()
    assert names(session) == ["a.txt", "c.txt"]
    session.use_full_text(True)
    assert session.found("oil", []) and session.filtered and session.arrange() == []
    session.text_query = ""
    assert session.found("", []) and not session.filtered  # an empty box shows every row
