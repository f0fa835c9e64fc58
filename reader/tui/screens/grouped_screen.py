"""The library's stories: the story column, the grouped view, and story summaries from the cursor.

Once the library has loaded, `StoryGrouper` groups its articles in a thread (again when files
arrive or change); the story column then says "4 sources" on every article of a story of several.
`z` toggles the grouped view, where such a story is one row (remembered with the view and sort):
`enter` or `right` shows its articles under it, `left` folds them again, and the triage keys on a
story row act on all its articles as one undoable step (`LibrarySession.toggle_at`). `S` summarizes
the selected articles, else the filtered ones, else the story of the article under the cursor.
`LibraryScreen` builds on this screen and provides the table, `_arrange` and the counts line.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on

from reader.tui.contained import contained
from reader.tui.keys import key_of
from reader.tui.library import Entry
from reader.tui.screens.outside_changes_screen import OutsideChangesScreen
from reader.tui.screens.story_screen import StoryScreen
from reader.tui.story_groups import story_row_key
from reader.tui.widgets.article_table import ArticleTable
from reader.tui.widgets.folder_watcher import FolderWatcher
from reader.tui.widgets.story_grouper import StoryGrouper


class GroupedScreen(OutsideChangesScreen):
    """A library screen that groups its articles into stories and can show one row per story."""

    if TYPE_CHECKING:
        @property
        def shown(self) -> list[Entry]: ...

        def _remember(self) -> None: ...

    def group_stories(self) -> None:
        """Group the loaded articles (again) in the grouper's thread; a newer call replaces a running one."""
        if not self.library.loaded:
            return
        self.session.grouping = True
        self.query_one(StoryGrouper).group(list(self.library.live), self.cache_path)
        self._show_counts()

    @on(StoryGrouper.Grouped)
    @contained
    def stories_grouped(self, message: StoryGrouper.Grouped) -> None:
        """The stories are known: every article's badge, and the grouped view's rows if it is shown."""
        session = self.session
        session.stories, session.grouping = message.groups, False
        self.table.set_badges(message.groups.badges())
        if session.grouped:
            self._arrange()
        else:
            self._show_counts()

    @on(StoryGrouper.Failed)
    @contained
    def grouping_failed(self, message: StoryGrouper.Failed) -> None:
        self.session.grouping = False
        self._show_counts()
        self.notify(message.reason, title="stories not grouped", severity="error", timeout=10, markup=False)

    @on(FolderWatcher.Arrived)
    @contained
    def regroup(self) -> None:
        """Files arrived or changed: group again once their rows are in (`files_arrived` runs first)."""
        self.call_later(self.group_stories)

    def show_rows(self, entries: Sequence[Entry], keep: str | None) -> None:
        """The session's rows in the table: as they are, or in the grouped view once stories are known."""
        session, states = self.session, self.library.states
        if session.grouped and session.stories is not None:
            self.table.show_rows(session.stories.rows(entries, session.expanded), states, session.selected, keep)
        else:
            self.table.show(entries, states, session.selected, keep=keep)

    def action_grouped(self) -> None:
        """z: one row per story (or back to one row per article), the cursor on the same article's row."""
        session = self.session
        session.grouped = not session.grouped
        cursor = self.table.current_key
        members = session.story_members(cursor) if cursor is not None else None
        self._arrange()
        if members:  # leaving the grouped view on a story row: its first article shown
            first = next((e.key for e in self.shown if e.key in members), None)
            if first is not None:
                self.table.move_to(first)
        self._remember()
        if session.grouped and session.stories is None:
            self.notify("Grouping stories… the rows follow when it is done.", severity="information", timeout=3)

    @on(ArticleTable.StoryToggled)
    @contained
    def story_toggled(self, message: ArticleTable.StoryToggled) -> None:
        """enter / right / left on a story: show its articles under it, or fold them, the cursor on it."""
        key, expanded = message.story_key, self.session.expanded
        if message.expand if message.expand is not None else key not in expanded:
            expanded.add(key)
        else:
            expanded.discard(key)
        self._arrange(keep_cursor=False)
        self.table.move_to(key)

    def action_story(self) -> None:
        """S: one summary over the selected articles, else the filtered ones, else the cursor article's story."""
        session = self.session
        if not self.shown:
            self.notify("No articles to summarize.", severity="warning")
            return
        if session.selected:
            chosen, which = [e for e in self.shown if e.key in session.selected], "selected articles"
        elif session.filtered:
            chosen, which = list(self.shown), "filtered articles"
        else:
            found = self._cursor_story()
            if found is None:
                self.notify(f"Stories are still being grouped; {key_of(self, 'select')} selects articles to "
                            "summarize now.", severity="information", timeout=4)
                return
            chosen, which = found, "articles"
        library = self.library

        def read_paths() -> set[str]:  # asked when "new to you" is: the marks as the library holds them then
            return {e.listing.path for e in chosen if library.state_of(e).read}

        self.app.push_screen(StoryScreen([e.listing for e in chosen], which=which, read_paths=read_paths))

    def _cursor_story(self) -> list[Entry] | None:
        """Every article of the cursor row's story (the article alone when it is in none); None while
        the stories are not known yet."""
        session, key = self.session, self.table.current_key
        if session.stories is None or key is None:
            return None
        members = session.story_members(key)
        if members is None:
            story = session.stories.story_of(key)
            members = session.stories.members(story_row_key(story)) if story is not None else (key,)
        return [self.library.entry(k) for k in members or () if k not in self.library.gone]
