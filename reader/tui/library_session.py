"""The library's state and triage actions, without Textual: the screens show it and post keys to it.

One object per app run holds what the library shows (view, filter, sort, selection, rows that stay
shown until the view changes) and does what the triage keys do (read, star, archive, tags, undo,
next unread). Every action updates the in-memory states at once and queues its write; `flush`
writes the queue to the store and is meant for a worker thread, so a key press never waits on
SQLite. A write refused (another `reader` holds the database) stays queued, in order, and the
next flush tries again: a mark is never lost and can still be undone meanwhile.
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.triage import (
    ARCHIVE, MARK_READ, MARK_UNREAD, STAR, TOGGLE_ARCHIVE, TOGGLE_READ, TOGGLE_STAR, UNARCHIVE, UNSTAR, Action,
    ArticleKey, ArticleState, Change, TriageStoreError, add_tag, remove_tag,
)
from reader.triage.actions import apply_all
from reader.triage.ingest_cache import Listing
from reader.tui.library import VIEW_CYCLE, Entry, Library, SortKey, View, arrange, in_view
from reader.tui.story_groups import StoryGroups, is_story_row, story_state
from reader.tui.triage_session import TriageSession

UNDO_LEVELS = 50
TOGGLES: dict[str, Action] = {"read": TOGGLE_READ, "star": TOGGLE_STAR, "archive": TOGGLE_ARCHIVE}


@dataclass(frozen=True, slots=True)
class Redraw:
    """What the screen must do after an action: redraw these rows, or re-arrange them all."""

    rows: frozenset[str] = frozenset()
    arrange: bool = False
    notice: str | None = None


@dataclass(frozen=True, slots=True)
class UnreadStep:
    """Where `n`/`p` go: the unread entry found (None: no other unread one), and whether the search
    went past the end of the list and came round from the other end (the user is told)."""

    entry: Entry | None
    step: int
    wrapped: bool = False

    @property
    def notice(self) -> str | None:
        """What to tell the user: nothing when the step simply moved on."""
        if self.entry is None:
            return "No other unread article in this view."
        if self.wrapped:
            return f"Wrapped around to the {'first' if self.step > 0 else 'last'} unread article."
        return None


@dataclass(slots=True)
class _Write:
    """A queued store write: actions applied to keys, or (undo) states put back."""

    keys: list[ArticleKey]
    actions: tuple[Action, ...] = ()
    restore: list[Change] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Flushed:
    """The outcome of one flush: the stored states (the store composes with other processes' changes),
    the writes still waiting, and why they wait."""

    changes: list[Change]
    waiting: int
    problem: str | None = None


class LibrarySession:
    """What the library shows and what its keys do; the screens own only their widgets."""

    def __init__(self, triage: TriageSession, library: Library | None = None) -> None:
        self.triage = triage
        self.library = library if library is not None else Library()
        self.view = View.UNREAD
        self.view_tag: str | None = None
        self.query = ""
        self.full_text = False  # the filter box searches article text, not titles
        self.text_query = ""  # what it searches for in that mode
        self.ranked: list[str] | None = None  # full-text rows, best first; None: the title filter applies
        self.sort_key = SortKey.FILE
        self.reverse = False
        self.shown: list[Entry] = []
        self.selected: set[str] = set()
        self.sticky: set[str] = set()  # rows changed here that stay shown until the view changes
        self.stale: set[str] = set()  # rows changed while another screen was on top
        self.picked: str | None = None  # the first article chosen for a comparison
        self.opened: str | None = None  # the last article opened: the library's cursor goes there on return
        self.grouped = False  # the grouped view: a story of several articles is one row (story_groups)
        self.stories: StoryGroups | None = None  # the last grouping of the library; None until one is done
        self.grouping = False  # a grouping is being computed
        self.expanded: set[str] = set()  # story rows showing their articles
        self._undo: list[list[Change]] = []
        self._queue: deque[_Write] = deque()
        self._writing = threading.Lock()  # one flush at a time, in queue order

    # -- rows --------------------------------------------------------------------------------------

    def add(self, listings: Sequence[Listing], states: Sequence[ArticleState]) -> list[Entry]:
        """Append listed articles with their stored states; returns those the current view keeps."""
        new = [self.library.add(listing, state) for listing, state in zip(listings, states)]
        return [entry for entry in new if self.keeps(entry)]

    def keeps(self, entry: Entry) -> bool:
        """In the view, or changed here since the view was chosen; never a row whose file went."""
        if entry.key in self.library.gone:
            return False
        return entry.key in self.sticky or in_view(self.library.state_of(entry), self.view, self.view_tag)

    def arrange(self) -> list[Entry]:
        """Re-filter and re-sort every entry: the rows to show, also kept as `shown`.

        With full-text results the rows are those found, best first (relevance is the order), in the view.
        """
        if self.ranked is not None:
            self.shown = [entry for entry in map(self.library.entry, self.ranked) if self.keeps(entry)]
        else:
            self.shown = arrange(self.library.entries, self.query, self.sort_key, self.reverse, keep=self.keeps)
        if self.grouped and self.stories is not None:  # a story's articles together, where its first stood
            self.shown = self.stories.clustered(self.shown)
        return self.shown

    def sort_by(self, key: SortKey) -> None:
        """Sort by `key`; asking again for the same key reverses the order. Dates start newest first."""
        if key is self.sort_key:
            self.reverse = not self.reverse
        else:
            self.sort_key, self.reverse = key, key is SortKey.DATE

    def show_view(self, view: View, tag: str | None = None) -> None:
        self.view, self.view_tag = view, tag
        self.sticky.clear()

    def next_view(self) -> None:
        """unread → starred → archived → all → unread (a tag view continues at unread)."""
        at = VIEW_CYCLE.index(self.view) if self.view in VIEW_CYCLE else -1
        self.show_view(VIEW_CYCLE[(at + 1) % len(VIEW_CYCLE)])

    def use_full_text(self, on: bool) -> None:
        """Switch what the filter box searches (titles or article text); what was typed is kept and
        searched anew in the other mode."""
        typed = self.typed
        self.full_text = on
        self.query, self.text_query, self.ranked = ("", typed, None) if on else (typed, "", None)

    def found(self, query: str, keys: list[str]) -> bool:
        """Take the full-text rows found for `query`; False (nothing taken) when the box says
        something else by now, so a late answer never replaces a newer one."""
        if not self.full_text or query != self.text_query:
            return False
        self.ranked = keys if query.strip() else None
        return True

    @property
    def typed(self) -> str:
        """What the filter box holds, in either mode."""
        return self.text_query if self.full_text else self.query

    @property
    def filtered(self) -> bool:
        """Whether the rows are a subset chosen by what was typed (title filter or full text)."""
        return bool(self.query.strip()) or self.ranked is not None

    @property
    def view_label(self) -> str:
        return f"#{self.view_tag}" if self.view is View.TAG else self.view.value

    def unread_after(self, key: str | None, step: int) -> Entry | None:
        """The next unread shown entry after `key` in the direction of `step` (not wrapping)."""
        order = self.shown if step > 0 else self.shown[::-1]
        keys = [e.key for e in order]
        if is_story_row(key):  # from a story row: on from its last article shown (first, going back)
            members = set(self.story_members(key) or ())
            key = next((k for k in reversed(keys) if k in members), None)
        start = keys.index(key) + 1 if key in keys else 0
        for entry in order[start:]:
            state = self.library.state_of(entry)
            if not state.read and not state.archived:
                return entry
        return None

    def step_unread(self, key: str | None, step: int) -> UnreadStep:
        """Like `unread_after`, but past the last (or first) row it comes round from the other end,
        as mail readers do; the row at `key` itself is never the answer."""
        found = self.unread_after(key, step)
        if found is not None:
            return UnreadStep(found, step)
        around = self.unread_after(None, step) if key is not None else None
        if around is None or around.key == key:
            return UnreadStep(None, step)
        return UnreadStep(around, step, wrapped=True)

    # -- selection ---------------------------------------------------------------------------------

    def targets(self, cursor: str | None) -> list[Entry]:
        """The selected rows in the order shown, or else the cursor row."""
        if self.selected:
            return [e for e in self.shown if e.key in self.selected]
        if cursor is None:
            return []
        members = self.story_members(cursor)
        if members is not None:  # a story row: every article of the story, also those the view hides
            return [self.library.entry(key) for key in members if key not in self.library.gone]
        return [self.library.entry(cursor)]

    def story_members(self, row: str) -> tuple[str, ...] | None:
        """The article rows of a story row; None for an article row."""
        return self.stories.members(row) if self.stories is not None and is_story_row(row) else None

    def toggle_selected(self, key: str) -> Redraw:
        """Select or unselect a row; a story row selects (or, all selected, unselects) its articles shown."""
        members = self.story_members(key)
        if members is None:
            self.selected ^= {key}
            return Redraw(frozenset({key}))
        shown = {e.key for e in self.shown} & set(members)
        self.selected = self.selected - shown if shown <= self.selected else self.selected | shown
        return Redraw(frozenset(shown))

    def select_all(self) -> Redraw:
        """Select every row shown, or (when some are selected) none."""
        before = self.selected
        self.selected = set() if self.selected else {e.key for e in self.shown}
        return Redraw(frozenset(before | self.selected))

    # -- triage ------------------------------------------------------------------------------------

    def toggle(self, name: str, targets: list[Entry]) -> Redraw:
        """r, s, a over the targets; over several rows the toggle follows the first, so all end up alike."""
        if not targets:
            return Redraw()
        return self._on_targets(targets, _settle(name, self.library.state_of(targets[0])))

    def toggle_at(self, name: str, cursor: str | None) -> Redraw:
        """r, s, a on the selection or the cursor row; on a story row, on all the story's articles,
        turned by the story's marks (read when any is unread, unread when all are read)."""
        targets = self.targets(cursor)
        if not self.selected and is_story_row(cursor) and targets:
            return self._on_targets(targets, _settle(name, story_state(map(self.library.state_of, targets))))
        return self.toggle(name, targets)

    def read_all(self) -> Redraw:
        return self._on_targets(list(self.shown), MARK_READ)

    def retag(self, targets: list[Entry], tags: frozenset[str], here: bool = True) -> Redraw:
        """Give the targets `tags` in place of the tags they all share (others are kept)."""
        common = self.common_tags(targets)
        actions = [a for a in (add_tag(tags - common) if tags - common else None,
                               remove_tag(common - tags) if common - tags else None) if a is not None]
        if not actions:
            return Redraw()
        return self._on_targets(targets, *actions) if here else self.apply(targets, *actions, here=False)

    def common_tags(self, targets: Iterable[Entry]) -> frozenset[str]:
        sets = [self.library.state_of(e).tags for e in targets]
        return frozenset.intersection(*sets) if sets else frozenset()

    def toggle_one(self, key: str, name: str) -> Redraw:
        """From an article screen: one toggle on one article; its row is redrawn when the library returns."""
        return self.apply([self.library.entry(key)], TOGGLES[name], here=False)

    def mark_opened(self, entry: Entry) -> None:
        """Opening an article marks it read; its row is redrawn when the library returns."""
        if not self.library.state_of(entry).read:
            self.apply([entry], MARK_READ, here=False)

    def _on_targets(self, targets: list[Entry], *actions: Action) -> Redraw:
        """Apply to the targets, then drop the selection (unchanged rows lose their mark too)."""
        cleared, self.selected = self.selected, set()
        result = self.apply(targets, *actions)
        return Redraw(result.rows | (cleared & self.library.states.keys()), result.arrange, result.notice)

    def apply(self, entries: Iterable[Entry], *actions: Action, here: bool = True) -> Redraw:
        """Apply actions to the entries' articles now, and queue the write; remembered for undo."""
        changes: list[Change] = []
        seen: set[ArticleKey] = set()
        for entry in entries:
            key = entry.triage_key
            if key in seen:
                continue
            seen.add(key)
            before = self.library.state_of(entry)
            after = apply_all(before, actions)
            if after != before:
                changes.append(Change(key, before, after))
        if not changes:
            return Redraw()
        self._undo.append(changes)
        del self._undo[:-UNDO_LEVELS]
        self._queue.append(_Write([c.key for c in changes], tuple(actions)))
        return self._take(changes, here)

    def undo(self) -> Redraw:
        """Put back the states before the last action (stored or still queued)."""
        if not self._undo:
            return Redraw(notice="Nothing to undo.")
        changes = self._undo.pop()
        back = [Change(c.key, c.after, c.before) for c in changes]
        self._queue.append(_Write([c.key for c in back], restore=changes))
        result = self._take(back, True)
        count = len(changes)
        return Redraw(result.rows, result.arrange, f"Undone ({count} article{'s' if count != 1 else ''}).")

    def _take(self, changes: Sequence[Change], here: bool) -> Redraw:
        """Each change's new state for every entry of that article. Rows read, starred or tagged stay
        shown until the view changes; archiving or unarchiving moves rows in or out of the view."""
        after = {c.key: c.after for c in changes}
        moved = {c.key for c in changes if c.before.archived != c.after.archived}
        touched: set[str] = set()
        for entry in self.library.entries:
            state = after.get(entry.triage_key)
            if state is None:
                continue
            self.library.states[entry.key] = state
            touched.add(entry.key)
            if entry.triage_key in moved:
                self.sticky.discard(entry.key)
            else:
                self.sticky.add(entry.key)
        if not here:
            self.stale |= touched
            return Redraw()
        return Redraw(frozenset(touched), arrange=bool(moved))

    def take_stale(self) -> set[str]:
        """Rows changed while another screen was on top, once."""
        stale, self.stale = self.stale, set()
        return stale

    # -- the store ---------------------------------------------------------------------------------

    @property
    def unsaved(self) -> int:
        """Writes queued and not yet in the store."""
        return len(self._queue)

    def flush(self) -> Flushed:
        """Write the queue to the store in order; safe from a worker thread (the UI thread only appends).

        A refused write stops the flush and stays first in the queue for the next one.
        """
        stored: list[Change] = []
        with self._writing:
            while self._queue:
                write = self._queue[0]
                try:
                    if write.restore:
                        stored.extend(self.triage.store.restore(write.restore))
                    else:
                        stored.extend(self.triage.store.apply(write.keys, *write.actions))
                except TriageStoreError as exc:
                    return Flushed(stored, len(self._queue), str(exc))
                self._queue.popleft()
        return Flushed(stored, 0)

    def stored(self, changes: Sequence[Change]) -> Redraw:
        """Take the states the store ended with (another process may have changed an article too),
        except for articles with writes still queued: their newest state is the one shown."""
        queued = {k for w in list(self._queue) for k in w.keys}
        final = {c.key: c.after for c in changes if c.key not in queued}
        touched: set[str] = set()
        for entry in self.library.entries:
            state = final.get(entry.triage_key)
            if state is not None and self.library.states.get(entry.key) != state:
                self.library.states[entry.key] = state
                touched.add(entry.key)
        return Redraw(frozenset(touched))

    def reloaded(self, states: dict[str, ArticleState]) -> bool:
        """Every entry's state as read again from the store; whether any row changed."""
        queued = {k for w in list(self._queue) for k in w.keys}
        changed = False
        for entry in self.library.entries:
            state = states.get(entry.key)
            if state is None or entry.triage_key in queued:
                continue
            if self.library.states.get(entry.key) != state:
                self.library.states[entry.key] = state
                changed = True
        return changed


def _settle(name: str, first: ArticleState) -> Action:
    """The toggle as a set action decided by the first target, so mixed selections end up alike."""
    if name == "read":
        return MARK_UNREAD if first.read else MARK_READ
    if name == "star":
        return UNSTAR if first.starred else STAR
    return UNARCHIVE if first.archived else ARCHIVE
