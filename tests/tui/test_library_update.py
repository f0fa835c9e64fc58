"""Arrivals applied to the library without an app: rows added, updated in place and hidden, marks kept, the notice."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import LoadError
from reader.triage import ArticleState
from reader.triage.ingest_cache import Listing
from reader.tui.arrivals import Arrivals, FileRows
from reader.tui.library_update import Applied, apply_arrivals, owner_of
from reader.tui.library_session import LibrarySession
from reader.tui.triage_session import TriageSession

UNREAD = ArticleState()
STARRED = ArticleState(starred=True)


def listing(path: str, title: str, fingerprint: str | None = None) -> Listing:
    return Listing(path, title, None, None, fingerprint or f"fp-{path}", 3, 30, search_text=title.casefold(), file=path)


@pytest.fixture
def session(tmp_path: Path) -> LibrarySession:
    triage = TriageSession.open(str(tmp_path / "state.sqlite3"))
    made = LibrarySession(triage)
    made.add([listing("news/a.txt", "Alpha"), listing("news/feed.xml#one", "Item one"),
              listing("news/feed.xml#two", "Item two"), listing("news/b.txt", "Beta")],
             [UNREAD, STARRED, UNREAD, UNREAD])
    made.arrange()
    yield made
    triage.close()


def titles(session: LibrarySession) -> list[str]:
    return [e.listing.title or "" for e in session.arrange()]


def test_a_new_file_is_a_new_row_with_its_stored_state(session: LibrarySession) -> None:
    applied = apply_arrivals(session, Arrivals((FileRows("news/c.txt", (listing("news/c.txt", "Gamma"),), (STARRED,)),)))
    assert (applied.new, applied.changed, applied.removed) == (1, 0, 0)
    assert applied.notice == "1 new article"
    session.show_view(session.view.ALL)
    assert titles(session) == ["Alpha", "Item one", "Item two", "Beta", "Gamma"]
    assert session.library.state_of(session.library.entries[-1]) == STARRED


def test_a_changed_file_keeps_its_row_key_and_marks(session: LibrarySession) -> None:
    a = session.library.entries[0]
    session.selected = {a.key}
    session.library.states[a.key] = STARRED
    edited = listing("news/a.txt", "Alpha, corrected", "fp-new")
    applied = apply_arrivals(session, Arrivals((FileRows("news/a.txt", (edited,), (UNREAD,)),)))
    assert (applied.new, applied.changed, applied.removed) == (0, 1, 0)
    assert applied.notice == "1 article changed"
    assert applied.redrawn == {a.key}
    assert session.library.entries[0] is a and a.listing.title == "Alpha, corrected"
    assert session.library.state_of(a) == STARRED  # the state shown, not the store's older one
    assert session.selected == {a.key}


def test_a_file_saved_unchanged_counts_nothing(session: LibrarySession) -> None:
    same = session.library.entries[0].listing
    applied = apply_arrivals(session, Arrivals((FileRows("news/a.txt", (same,), (UNREAD,)),)))
    assert applied == Applied() and applied.notice is None


def test_a_feed_resaved_adds_new_items_and_drops_removed_ones_keeping_marks(session: LibrarySession) -> None:
    one = session.library.entries[1]
    rows = (listing("news/feed.xml#three", "Item three"), listing("news/feed.xml#one", "Item one"))
    applied = apply_arrivals(session, Arrivals((FileRows("news/feed.xml", rows, (UNREAD, UNREAD)),)))
    assert (applied.new, applied.changed, applied.removed) == (1, 0, 1)
    assert applied.notice == "1 new article, 1 removed"
    session.show_view(session.view.ALL)
    assert titles(session) == ["Alpha", "Item one", "Beta", "Item three"]
    assert session.library.state_of(one) == STARRED  # item one's star survives the re-save


def test_a_removed_file_hides_its_rows_and_keeps_their_state(session: LibrarySession) -> None:
    b = session.library.entries[3]
    session.selected = {b.key}
    session.picked = b.key
    session.library.states[b.key] = STARRED
    applied = apply_arrivals(session, Arrivals((FileRows("news/b.txt"),)))
    assert applied.notice == "1 article removed"
    session.show_view(session.view.ALL)
    assert titles(session) == ["Alpha", "Item one", "Item two"]
    assert b.key in session.library.gone and session.selected == set() and session.picked is None
    assert [e.listing.title for e in session.library.live] == ["Alpha", "Item one", "Item two"]
    # the file comes back: the same row again, with the marks it had
    applied = apply_arrivals(session, Arrivals((FileRows("news/b.txt", (listing("news/b.txt", "Beta"),), (UNREAD,)),)))
    assert applied.notice == "1 new article"
    assert b.key not in session.library.gone and len(session.library.entries) == 4
    assert titles(session) == ["Alpha", "Item one", "Item two", "Beta"]


def test_a_removed_feed_hides_every_item(session: LibrarySession) -> None:
    applied = apply_arrivals(session, Arrivals((FileRows("news/feed.xml"),)))
    assert applied.notice == "2 articles removed"
    session.show_view(session.view.ALL)
    assert titles(session) == ["Alpha", "Beta"]


def test_an_unreadable_arrival_is_a_failure_and_a_fixed_one_leaves_the_list(session: LibrarySession) -> None:
    broken = LoadError("news/c.bin", "not text (binary data)")
    applied = apply_arrivals(session, Arrivals((FileRows("news/c.bin", failures=(broken,)),)))
    assert applied.notice == "1 could not be read" and applied.failures_changed
    assert session.library.failures == [broken]
    applied = apply_arrivals(session, Arrivals((FileRows("news/c.bin", (listing("news/c.bin", "Fixed"),), (UNREAD,)),)))
    assert applied.notice == "1 new article" and session.library.failures == []


def test_a_folder_that_fills_loses_its_empty_failure(session: LibrarySession) -> None:
    session.library.failures.append(LoadError("inbox", "folder holds no files"))
    arrived = FileRows("inbox/x.txt", (listing("inbox/x.txt", "X"),), (UNREAD,))
    apply_arrivals(session, Arrivals((arrived,), filled=("inbox",)))
    assert session.library.failures == []


def test_the_notice_counts_each_kind() -> None:
    assert Applied(new=2, changed=1, removed=1).notice == "2 new articles, 1 changed, 1 removed"
    assert Applied(changed=2, removed=1).notice == "2 articles changed, 1 removed"
    assert Applied(new=1, failed=2).notice == "1 new article, 2 could not be read"


def test_owner_of_a_row_is_its_file_or_the_file_of_its_item() -> None:
    owners = {"news/feed.xml", "news/odd#name.txt"}
    assert owner_of("news/feed.xml#ab12cd34", owners) == "news/feed.xml"
    assert owner_of("news/odd#name.txt", owners) == "news/odd#name.txt"  # a real name with # is its own
    assert owner_of("news/other.txt", owners) is None
