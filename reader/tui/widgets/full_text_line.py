"""The full-text mode's line under the library's filter box, and the workers that search behind it.

The index is prepared once, in a thread worker, after the library has loaded; until then the line
says "indexing…" and the query typed waits. Every keystroke then starts a query worker (exclusive:
only the newest one's answer is posted, and the query it replaces is interrupted); answers go up
to the screen as `Found` or `Refused`, and the screen says which row the cursor is on so the line shows that article's best sentence.
Everything shown here comes from files (sentences) or the user (queries): always `Content`, never markup.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from textual import work
from textual.content import Content
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from reader.output.sanitize import one_line
from reader.triage.fulltext import RANKED_MATCHES, FullTextUnavailable
from reader.triage.search_query import QueryError, QueryInterrupted
from reader.tui.contained import contained
from reader.tui.full_text import Found, LibraryIndex, Match
from reader.tui.library import Entry

SENTENCE_CHARS = 240  # of the best sentence on the line: two lines at 120 columns
PREPARE, QUERY = "full-text-index", "full-text-query"


class FullTextLine(Static):
    """What the full-text search is doing, and the best sentence of the article under the cursor."""

    class Ready(Message):
        """The index is prepared: queries typed meanwhile can run now."""

    class Answered(Message):
        """The articles a query found, best first (posted only by the newest query)."""

        def __init__(self, found: Found) -> None:
            super().__init__()
            self.found = found

    class Refused(Message):
        """The query means nothing (an unclosed quote, only exclusions); `reason` is one plain sentence."""

        def __init__(self, query: str, reason: str) -> None:
            super().__init__()
            self.query = query
            self.reason = reason

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.index = LibraryIndex()
        self.indexing = False
        self.problem: str | None = None  # why full-text search cannot be used in this run
        self.files = 0
        self.matches: dict[str, Match] = {}
        self.found: Found | None = None
        self.refused: str | None = None  # why the query typed last cannot be searched
        self._rows: dict[str, list[Entry]] = {}

    # -- workers -----------------------------------------------------------------------------------

    def prepare(self, paths: Sequence[str], cache_path: Path | None, entries: Iterable[Entry]) -> None:
        """Start indexing the library's files (once its rows are all loaded)."""
        self._rows = {}
        for entry in entries:
            self._rows.setdefault(entry.listing.path, []).append(entry)
        self.indexing = True
        self._prepare(list(paths), cache_path)

    @work(thread=True, exclusive=True, group=PREPARE, exit_on_error=False)
    def _prepare(self, paths: list[str], cache_path: Path | None) -> int:
        worker = get_current_worker()
        return self.index.prepare(paths, cache_path, lambda: worker.is_cancelled)

    def search(self, query: str) -> None:
        """Run `query` in a worker when the index is ready (else when it becomes ready)."""
        if self.index.ready:
            self.index.interrupt()  # the query this one replaces need not finish first
            self._search(query)

    @work(thread=True, exclusive=True, group=QUERY, exit_on_error=False)
    def _search(self, query: str) -> None:
        worker = get_current_worker()
        rows = self._rows
        try:
            found = self.index.find(query, lambda path: rows.get(path, ()))
        except QueryInterrupted:
            return  # a newer query replaced this one
        except QueryError as exc:
            if not worker.is_cancelled:
                self.post_message(self.Refused(query, str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(self.Answered(found))

    @contained
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        group = event.worker.group
        if group not in (PREPARE, QUERY) or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        if group == PREPARE:
            self.indexing = False
        if event.state is WorkerState.SUCCESS:
            if group == PREPARE:
                self.files = int(event.worker.result or 0)
                self.post_message(self.Ready())
            return
        error = event.worker.error
        if isinstance(error, FullTextUnavailable):
            self.problem = str(error)
        else:  # a bug: say what failed, keep the library going
            self.problem = one_line(f"full-text search failed: {type(error).__name__}: {error}")
        self.show_status()

    @contained
    def on_unmount(self) -> None:
        self.index.close()

    # -- what the line shows -----------------------------------------------------------------------

    def take(self, found: Found) -> None:
        """The answer the screen shows now: its matches are what the cursor row's line is made of."""
        self.found, self.refused = found, None
        self.matches = {m.key: m for m in found.matches}

    def refuse(self, reason: str) -> None:
        """The query typed cannot be searched: the line says why; the rows found before stay."""
        self.refused = reason

    def clear(self) -> None:
        self.found, self.matches, self.refused = None, {}, None

    def show_status(self, query: str = "", cursor: str | None = None) -> None:
        """The line for the box holding `query` with the cursor on row `cursor`: a problem, the wait,
        why the query cannot be searched, or the cursor article's best sentence."""
        self.update(self.status(query, cursor))

    def status(self, query: str, cursor: str | None) -> Content:
        head = ("full text", "bold $text-accent")
        if self.problem is not None:
            return Content.assemble(head, " · ", (one_line(self.problem), "$text-error"))
        if self.refused is not None and query.strip():
            return Content.assemble(head, " · ", (f"cannot search: {one_line(self.refused)}", "$text-warning"))
        if self.indexing or not self.index.ready:
            return Content.assemble(head, " · ", ("indexing the articles' text…", "$text-muted"),
                                    (" the query runs when it is done" if query.strip() else "", "$text-muted"))
        if not query.strip():
            return Content.assemble(head, (f" · {self.files:,} files indexed: type to search their sentences", "$text-muted"))
        match = self.matches.get(cursor) if cursor is not None else None
        if match is None:
            said = "searching…" if self.found is None else "no sentence matches" if not self.found.matches else ""
            return Content.assemble(head, (f" · {said}" if said else "", "$text-muted"))
        return match_line(match, self.found, self._order(match.key))

    def _order(self, key: str) -> tuple[int, int]:
        found = self.found
        keys = [m.key for m in found.matches] if found is not None else []
        return (keys.index(key) + 1 if key in keys else 0, len(keys))


def match_line(match: Match, found: Found | None, order: tuple[int, int]) -> Content:
    """`line 29: the sentence · 3 hits`, with the article's place in the ranking."""
    hit = match.hit
    sentence = one_line(hit.text)
    if len(sentence) > SENTENCE_CHARS:
        sentence = sentence[:SENTENCE_CHARS - 1].rstrip() + "…"
    where = f"line {hit.line_start}" if hit.line_start == hit.line_end else f"lines {hit.line_start}-{hit.line_end}"
    place = "in index order" if found is not None and not found.ranked else f"{order[0]}/{order[1]}"
    more = f" · {match.hits} sentences match" if match.hits > 1 else ""
    unranked = f" (over {RANKED_MATCHES:,} sentences match: add words)" if found is not None and not found.ranked else ""
    shown = f"{order[1]} article{' is' if order[1] == 1 else 's are'}"
    capped = (f" · only the {'best' if found.ranked else 'first'} {shown} shown: add words to narrow"
              if found is not None and found.more and not unranked else "")
    return Content.assemble(("full text", "bold $text-accent"), (f" · {place} · ", "$text-muted"),
                            (f"{where}: ", "bold"), sentence,
                            (more + unranked + capped, "$text-muted"))
