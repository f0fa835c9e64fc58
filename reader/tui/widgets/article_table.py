"""The library's table of articles: triage state, title, source, date, length and story, one row per article.

Cells are `rich.text.Text` built from inert text, never strings, because DataTable parses strings as
markup. The table knows nothing of filtering or sorting; it shows the entries it is given and reports
which one the user chose or which column header they clicked. In the grouped view it shows the rows
`StoryGroups.rows` gives: a story row (cells from `story_cells`) marks what all its articles share,
and `enter`, `right` and `left` ask the screen to expand or collapse it (`StoryToggled`).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist, RowKey

from reader.output.sanitize import one_line
from reader.triage import ArticleState
from reader.tui.library import UNTOUCHED, Entry, SortKey
from reader.tui.contained import contained
from reader.tui.story_groups import ArticleRow, Row, StoryRow, story_state
from reader.tui.widgets.story_cells import member_cells, story_cells

COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("mark", "●★#", 4),
    ("title", "Title", None),
    ("source", "Source", 22),
    ("date", "Date", 11),  # a story's days: 03-11–03-12
    ("length", "Words", 6),
    ("story", "Story", 10),
)
NARROW_SOURCE, NARROW = 15, 100  # below NARROW columns the source column gives the title room
# Below COMPACT columns (a split pane, a phone's terminal) the words and story columns give way too:
# the title, its source and date are what a row must show; the story is in the status line and `z`.
COMPACT, COMPACT_SOURCE = 76, 12
FOLDED = ("length", "story")  # the columns a compact table leaves empty
LABELS = {key: label for key, label, _ in COLUMNS}
SORT_OF_COLUMN = {"title": SortKey.TITLE, "source": SortKey.SOURCE, "date": SortKey.DATE,
                  "length": SortKey.LENGTH, "mark": SortKey.FILE}
TITLE_MIN = 16
CACHE_SIZES = {"_cell_render_cache": 1000, "_row_render_cache": 120, "_row_renderable_cache": 120, "_line_cache": 120}


SELECTED, UNREAD, READ, ARCHIVED, STAR, TAGGED = "▸", "●", "·", "▣", "★", "#"
PARTS = ("selected", "unread", "read", "archived", "star", "tag")


def state_symbols(state: ArticleState, selected: bool = False) -> list[tuple[str, str]]:
    """The state column as (symbol, part) pairs: selection, read/archived, star, tags; blanks keep places."""
    return [
        (SELECTED if selected else " ", "selected"),
        (ARCHIVED, "archived") if state.archived else (READ, "read") if state.read else (UNREAD, "unread"),
        (STAR if state.starred else " ", "star"),
        (TAGGED if state.tags else " ", "tag"),
    ]


def cells(entry: Entry) -> tuple[Text, ...]:
    """Title, source, date and words of one article; long titles end in an ellipsis so rows stay one line."""
    article = entry.listing
    return (
        Text(one_line(article.title or "(untitled)"), no_wrap=True, overflow="ellipsis"),
        Text(one_line(article.source or "—"), no_wrap=True, overflow="ellipsis"),
        Text(one_line(article.date or "")[:10]),
        Text(f"{entry.words:,}", justify="right"),
    )


class ArticleTable(DataTable[Text]):
    """Rows of articles keyed by their load order; `enter` or a click on the cursor row chooses one."""

    HELP_SECTION = "Article table"

    COMPONENT_CLASSES = {f"article-table--{part}" for part in PARTS}  # coloured in reader.tcss

    BINDINGS: list[BindingType] = [
        Binding("enter", "select_cursor", "Open", show=False, tooltip="read the article beside its summary"),
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("home,g", "first_row", "First article", show=False),
        Binding("end,G", "last_row", "Last article", show=False),
        Binding("right", "expand(True)", "Expand story", show=False, tooltip="a story row: show its articles"),
        Binding("left", "expand(False)", "Collapse story", show=False, tooltip="back to the story row"),
    ]

    class EntryChosen(Message):
        """The user chose an article to read."""

        def __init__(self, entry_key: str) -> None:
            super().__init__()
            self.entry_key = entry_key

    class StoryToggled(Message):
        """The user asked to expand (True), collapse (False) or flip (None) a story row."""

        def __init__(self, story_key: str, expand: bool | None) -> None:
            super().__init__()
            self.story_key = story_key
            self.expand = expand

    class SortChosen(Message):
        """The user clicked a column header to sort by it."""

        def __init__(self, key: SortKey) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._shrink_render_caches()
        self._entries: dict[str, Entry] = {}
        self._marked: dict[str, tuple[ArticleState, bool]] = {}  # what each shown row's state cell shows
        self._cells: dict[str, tuple[Text, ...]] = {}  # built once per article: filtering re-adds rows often
        self._state_cells: dict[tuple[ArticleState, bool], Text] = {}  # few distinct states; reset with the theme
        self._badges: dict[str, str] = {}  # each article row's story column ("4 sources")
        self._stories: dict[str, StoryRow] = {}  # story rows shown, by row key
        self._in_story: dict[str, str] = {}  # article row -> the story row shown for it (expanded or not)
        self._states: dict[str, ArticleState] = {}  # the library's states, as last given
        self._selected: set[str] = set()  # a copy, kept up to date by `set_state`

    def _shrink_render_caches(self) -> None:
        """Keep DataTable's render caches to a few screens' worth.

        DataTable keys them on a counter that every added row or changed mark bumps, so old entries
        are never hit again; at the default sizes (10,000 cells, 1,000 rows) they only kept garbage
        alive, and with 2,225 articles the garbage collector's full passes grew past 200 ms.
        """
        for name, size in CACHE_SIZES.items():
            cache = getattr(self, name, None)
            if isinstance(cache, LRUCache):
                cache.maxsize = size

    @contained
    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        for key, label, width in COLUMNS:
            self.add_column(Text(label), width=width if width is not None else self._title_width(), key=key)

    def _widths(self) -> dict[str, int]:
        """Every column's width: the title takes what the fixed columns leave."""
        region = self.scrollable_content_region.width
        widths = {key: width or 0 for key, _, width in COLUMNS}
        if region < COMPACT:
            widths.update({key: 0 for key in FOLDED}, source=COMPACT_SOURCE)
        elif region < NARROW:
            widths["source"] = NARROW_SOURCE
        fixed = sum(w for key, w in widths.items() if key != "title")
        widths["title"] = max(TITLE_MIN, region - fixed - 2 * self.cell_padding * len(COLUMNS) - 2)
        return widths

    def _title_width(self) -> int:
        return self._widths()["title"]

    @property
    def current_key(self) -> str | None:
        """The row key under the cursor, if there are rows."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    @property
    def current_entry_key(self) -> str | None:
        """The article row under the cursor; None on a story row (or with no rows)."""
        key = self.current_key
        return None if key is None or key in self._stories else key

    def _theme_changed(self, _theme: object) -> None:
        self._state_cells.clear()
        for key, (state, selected) in self._marked.items():
            self.update_cell(key, "mark", self.state_cell(state, selected))

    def state_cell(self, state: ArticleState, selected: bool = False) -> Text:
        """The state column's cell, coloured by the component classes (theme variables in reader.tcss)."""
        cell = self._state_cells.get((state, selected))
        if cell is None:
            styles: dict[str, Style] = {}
            cell = Text(no_wrap=True)
            for symbol, part in state_symbols(state, selected):
                if part not in styles:
                    styles[part] = self.get_component_rich_style(f"article-table--{part}", partial=True)
                cell.append(symbol, styles[part])
            self._state_cells[(state, selected)] = cell
        return cell

    def show(self, entries: Sequence[Entry], states: dict[str, ArticleState], selected: set[str],
             keep: str | None = None) -> None:
        """Replace the rows with `entries`, keeping the cursor on `keep` (a row key) when it is still shown."""
        self.show_rows([ArticleRow(entry) for entry in entries], states, selected, keep)

    def show_rows(self, rows: Sequence[Row], states: dict[str, ArticleState], selected: set[str],
                  keep: str | None = None) -> None:
        """Replace the rows with the grouped view's `rows` (story rows and article rows), as `show` does."""
        self.clear()
        self._entries.clear()
        self._marked.clear()
        self._stories.clear()
        self._in_story.clear()
        self._states, self._selected = states, set(selected)
        for row in rows:
            if isinstance(row, StoryRow):
                self._add_story(row)
            else:
                self._add_article(row)
        if keep is not None:
            self.move_to(keep)

    def append(self, entries: Iterable[Entry], states: dict[str, ArticleState], selected: set[str]) -> None:
        """Add rows at the bottom (as files finish loading)."""
        self._states, self._selected = states, set(selected)
        for entry in entries:
            self._add_article(ArticleRow(entry))

    def _add_article(self, row: ArticleRow) -> None:
        """An article row: alone with its story badge, or under its expanded story."""
        entry = row.entry
        key = entry.key
        self._entries[key] = entry
        article = self._cells.get(key)
        if article is None:
            article = self._cells[key] = cells(entry)
        shown = member_cells(article, row.copy) if row.under is not None else (
            *article, Text(self._badges.get(key, "")))
        marks = self._marked[key] = (self._states.get(key, UNTOUCHED), key in self._selected)
        self.add_row(self.state_cell(*marks), *shown, key=key)

    def _add_story(self, row: StoryRow) -> None:
        self._stories[row.key] = row
        for member in row.members:
            self._in_story[member] = row.key
        marks = self._marked[row.key] = self._story_marks(row)
        self.add_row(self.state_cell(*marks), *story_cells(row), key=row.key)

    def _story_marks(self, row: StoryRow) -> tuple[ArticleState, bool]:
        """What a story row's state cell shows: the marks all its articles share, selected when all shown are."""
        state = story_state(self._states.get(k, UNTOUCHED) for k in row.members)
        return state, bool(row.shown) and all(k in self._selected for k in row.shown)

    def _mark_story(self, key: str) -> None:
        marks = self._story_marks(self._stories[key])
        if self._marked.get(key) != marks:
            self._marked[key] = marks
            self.update_cell(key, "mark", self.state_cell(*marks))

    def set_badges(self, badges: dict[str, str]) -> None:
        """The story column of every article row ("4 sources"), filled in when grouping is done."""
        old, self._badges = self._badges, badges
        for key in self._entries:
            if key not in self._in_story and old.get(key, "") != badges.get(key, ""):
                self.update_cell(key, "story", Text(badges.get(key, "")))

    def forget(self, keys: Iterable[str]) -> None:
        """Drop the cells built for these rows (their file changed): the next `show` builds them anew."""
        for key in keys:
            self._cells.pop(key, None)

    def move_to(self, key: str) -> None:
        """The cursor to the row `key`, or to the story row an article is folded into."""
        try:
            self.move_cursor(row=self.get_row_index(key if key in self.rows else self._in_story.get(key, key)),
                             animate=False, scroll=True)
        except RowDoesNotExist:
            pass

    @property
    def shown_keys(self) -> set[str]:
        """Row keys of the rows shown now."""
        return set(self._entries)

    def set_state(self, key: str, state: ArticleState, selected: bool = False) -> None:
        """Redraw one row's state cell, if shown and changed."""
        if selected:
            self._selected.add(key)
        else:
            self._selected.discard(key)
        if key in self._entries and self._marked.get(key) != (state, selected):
            self._marked[key] = (state, selected)
            self.update_cell(key, "mark", self.state_cell(state, selected))
        if key in self._in_story:  # the story row shows what its articles share
            self._mark_story(self._in_story[key])

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Skip DataTable's per-cell measuring: every column here has a set width and every row one line.

        DataTable measures each new cell (about 0.25 ms a row), which made re-filtering 2,225 rows take
        half a second; with fixed widths the virtual size is known without looking at a cell.
        """
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width + self._row_label_column_width, self._total_row_height + header)

    @contained
    def on_resize(self) -> None:
        if "title" in self.columns:
            widths = self._widths()
            if any(self.columns[key].width != width for key, width in widths.items()):
                for key, width in widths.items():
                    self.columns[key].width = width
                    self.columns[key].label = Text("" if width == 0 else LABELS[key])
                self._clear_caches()
                self._require_update_dimensions = True
                self.refresh()

    def action_first_row(self) -> None:
        self.move_cursor(row=0, animate=False)

    def action_last_row(self) -> None:
        self.move_cursor(row=max(0, self.row_count - 1), animate=False)

    def action_expand(self, expand: bool) -> None:
        """right / left: expand the story row under the cursor, or collapse the story of its row."""
        key = self.current_key or ""
        story = key if key in self._stories else None
        if story is None and not expand and key in self._entries:  # an article under its story
            story = self._in_story.get(key)
        if story is not None and (expand or self._stories[story].expanded):
            self.post_message(self.StoryToggled(story, expand))
        elif expand:
            self.scroll_right()
        else:
            self.scroll_left()

    @contained
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        if key in self._stories:
            self.post_message(self.StoryToggled(key, None))
        elif key is not None:
            self.post_message(self.EntryChosen(key))

    @contained
    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.post_message(self.SortChosen(SORT_OF_COLUMN.get(str(event.column_key.value), SortKey.FILE)))
