"""The library screen's triage half: read, star, archive, tags, selection, undo, views, next unread.

LibraryScreen inherits this; it keeps loading, filtering, sorting and opening, and supplies the table.
"""
from __future__ import annotations

from textual.screen import Screen

from reader.triage import (
    ARCHIVE, MARK_READ, MARK_UNREAD, STAR, TOGGLE_ARCHIVE, TOGGLE_READ, TOGGLE_STAR, UNARCHIVE, UNSTAR, Action,
    ArticleState, Change, add_tag, remove_tag,
)
from reader.tui.library import VIEW_CYCLE, Entry, Library, View, in_view
from reader.tui.screens.tag_dialog import TagDialog
from reader.tui.screens.tag_picker import TagPicker
from reader.tui.triage_session import TriageSession
from reader.tui.widgets.article_table import ArticleTable


class LibraryTriage(Screen[None]):
    """Triage actions over the library's rows; the subclass shows rows and counts."""

    library: Library
    triage: TriageSession
    shown: list[Entry]
    selected: set[str]
    view: View
    view_tag: str | None
    _stale: set[str]
    _sticky: set[str]

    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    def _arrange(self) -> None:
        raise NotImplementedError

    def _show_counts(self) -> None:
        raise NotImplementedError

    def _keeps(self, entry: Entry) -> bool:
        """In the view, or changed here since the view was chosen (see `_take`)."""
        return entry.key in self._sticky or in_view(self.library.state_of(entry), self.view, self.view_tag)

    # -- triage ------------------------------------------------------------------------------------

    def _targets(self) -> list[Entry]:
        """The selected rows in table order, or else the cursor row."""
        if self.selected:
            return [e for e in self.shown if e.key in self.selected]
        key = self.table.current_key
        return [self.library.entry(key)] if key is not None else []

    def _apply(self, entries: list[Entry], *actions: Action, redraw: bool = True) -> list[Change]:
        """Apply actions to entries in the store and keep the library's states in step."""
        changes = self.triage.apply([e.triage_key for e in entries], *actions)
        self._take(changes, redraw)
        return changes

    def _take(self, changes: list[Change], redraw: bool = True) -> None:
        """Record each change's new state for every entry of that article, then redraw or re-arrange.

        Rows read, starred or tagged stay shown until the view changes (so `u` and a second look work
        in place); archiving or unarchiving moves rows in or out of the view at once.
        """
        if not changes:
            return
        after = {c.key: c.after for c in changes}
        moved = {c.key for c in changes if c.before.archived != c.after.archived}
        touched: set[str] = set()
        shifted = False
        for entry in self.library.entries:
            state = after.get(entry.triage_key)
            if state is None:
                continue
            self.library.states[entry.key] = state
            touched.add(entry.key)
            if entry.triage_key in moved:
                self._sticky.discard(entry.key)
                shifted = True
            else:
                self._sticky.add(entry.key)
        if not redraw:
            self._stale |= touched
        elif shifted:
            self._arrange()
        else:
            self._redraw(touched)
            self._show_counts()

    def _shown_keys(self) -> set[str]:
        return {e.key for e in self.shown}

    def _redraw(self, keys: set[str]) -> None:
        states, selected = self.library.states, self.selected
        for key in keys:
            self.table.set_state(key, states[key], key in selected)

    def _triage(self, entries: list[Entry], *actions: Action) -> None:
        """Apply to the targets, then drop the selection."""
        if not entries:
            return
        cleared, self.selected = self.selected, set()
        self._apply(entries, *actions)
        self._redraw(cleared & self.library.states.keys())  # unchanged rows lose their mark too
        self._show_counts()

    def triage_entry(self, key: str, name: str, redraw: bool = True) -> None:
        """One toggle on one entry (also called by the article screen, which redraws on return)."""
        entry = self.library.entry(key)
        self._apply([entry], TOGGLES[name], redraw=redraw)

    def action_triage(self, name: str) -> None:
        """r, s, a: toggle read, star or archived on the selection or the cursor row.

        Over several rows a toggle follows the first row, so mixed rows all end up the same.
        """
        targets = self._targets()
        if not targets:
            return
        first = self.library.state_of(targets[0])
        self._triage(targets, _settle(name, first))

    def action_read_all(self) -> None:
        self._triage(list(self.shown), MARK_READ)

    def action_select(self) -> None:
        key = self.table.current_key
        if key is None:
            return
        self.selected ^= {key}
        self._redraw({key})
        self.table.action_cursor_down()
        self._show_counts()

    def action_select_all(self) -> None:
        before = self.selected
        self.selected = set() if self.selected else self._shown_keys()
        self._redraw(before | self.selected)
        self._show_counts()

    def action_undo(self) -> None:
        restored = self.triage.undo()
        if not restored:
            self.notify("Nothing to undo.", severity="information")
            return
        self._take(restored)
        self.notify(f"Undone ({len(restored)} article{'s' if len(restored) != 1 else ''}).", timeout=2)

    def action_tags(self) -> None:
        self.edit_tags(self._targets())

    def edit_tags_of(self, key: str) -> None:
        """From an article screen: edit that article's tags; the row is redrawn on return."""
        self.edit_tags([self.library.entry(key)], redraw=False)

    def edit_tags(self, entries: list[Entry], redraw: bool = True) -> None:
        """Open the tag dialog; tags common to all targets are shown, added and removed ones applied."""
        if not entries:
            return
        common = frozenset.intersection(*(self.library.state_of(e).tags for e in entries))
        title = "Tags" if len(entries) == 1 else f"Tags of {len(entries)} articles"

        def done(tags: frozenset[str] | None) -> None:
            if tags is None:
                return
            actions = [a for a in (add_tag(tags - common) if tags - common else None,
                                   remove_tag(common - tags) if common - tags else None) if a is not None]
            if actions:
                if redraw:
                    self._triage(entries, *actions)
                else:
                    self._apply(entries, *actions, redraw=False)

        self.app.push_screen(TagDialog(common, [t.tag for t in self.triage.all_tags()], title), callback=done)

    # -- views -------------------------------------------------------------------------------------

    def action_next_view(self) -> None:
        at = VIEW_CYCLE.index(self.view) if self.view in VIEW_CYCLE else -1
        self.show_view(VIEW_CYCLE[(at + 1) % len(VIEW_CYCLE)])

    def show_view(self, view: View, tag: str | None = None) -> None:
        self.view, self.view_tag = view, tag
        self._sticky.clear()
        self._arrange()

    def action_tag_view(self) -> None:
        tags = self.triage.all_tags()
        if not tags:
            self.notify("No tags yet: press t on an article to add some.", severity="information")
            return

        def done(tag: str | None) -> None:
            if tag is not None:
                self.show_view(View.TAG, tag)

        self.app.push_screen(TagPicker(tags), callback=done)

    def _unread_after(self, key: str | None, step: int) -> Entry | None:
        """The next unread shown entry after `key` in the direction of `step` (not wrapping)."""
        order = self.shown if step > 0 else self.shown[::-1]
        keys = [e.key for e in order]
        start = keys.index(key) + 1 if key in keys else 0
        states = self.library.states
        for entry in order[start:]:
            state = states[entry.key]
            if not state.read and not state.archived:
                return entry
        return None

    def action_step_unread(self, step: int) -> None:
        found = self._unread_after(self.table.current_key, step)
        if found is None:
            self.notify("No more unread articles this way.", severity="information", timeout=2)
        else:
            self.table.move_to(found.key)


TOGGLES: dict[str, Action] = {"read": TOGGLE_READ, "star": TOGGLE_STAR, "archive": TOGGLE_ARCHIVE}


def _settle(name: str, first: ArticleState) -> Action:
    """The toggle as a set action decided by the first target, so mixed selections end up alike."""
    if name == "read":
        return MARK_UNREAD if first.read else MARK_READ
    if name == "star":
        return UNSTAR if first.starred else STAR
    return UNARCHIVE if first.archived else ARCHIVE
