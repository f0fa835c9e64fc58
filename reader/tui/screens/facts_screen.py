"""Who reported what: the story's facts as rows, its outlets as columns, a mark where an outlet states a fact.

Opened from the story screen on the articles of its story. The table is computed in a thread worker
(`reader.summarize.facts`, `disagreements`): the same facts and disagreements as `reader facts`. The
line under the table says what the cell under the cursor holds (the outlet's places, or the fact
with its disagreements); `enter` opens that outlet's sentence, or on the fact itself its central
sentence, in the article at its line.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import Worker, WorkerState

from reader.model import Article
from reader.output.disagreement_text import CONTESTED, UPDATED, mark, notes, shown_values, tally, value_places, vs
from reader.output.facts_output import fact_label, facts_root, outlet_ids, statement_place
from reader.output.sanitize import one_line
from reader.summarize.disagreements import Disagreement, table_disagreements
from reader.summarize.facts import Fact, FactTable, Statement, fact_table
from reader.summarize.units import Unit
from reader.tui.contained import contained
from reader.tui.keys import key_of
from reader.tui.screens.article_screen import ArticleScreen
from reader.tui.widgets.reader_footer import ReaderFooter

MARK = "●"
FACT_WIDTH = 96  # characters of a fact's sentence in its row; the line under the table has all of it


@dataclass(slots=True)
class FactsResult:
    table: FactTable
    disagreements: list[Disagreement]


class FactsScreen(Screen[None]):
    """The fact-by-outlet matrix of one story, with where its outlets disagree."""

    CSS_PATH = "facts_screen.tcss"

    BINDINGS: list[BindingType] = [
        Binding("q,escape", "back", "Back", tooltip="back to the story", id="facts.back"),
        Binding("d", "next_disagreement", "Next disagreement",
                tooltip="the next fact whose outlets give a number differently", id="facts.next_disagreement"),
    ]

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__()
        self.articles = list(articles)
        self.result: FactsResult | None = None
        self.ready = False

    def compose(self) -> ComposeResult:
        yield Static(id="facts-title", markup=False)
        yield Static(id="facts-outlets", markup=False)
        yield DataTable(id="facts", cursor_type="cell", zebra_stripes=True)
        yield Static(id="facts-cell", markup=False)
        yield Static(id="status", markup=False)
        yield ReaderFooter()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#facts", DataTable)

    @contained
    def on_mount(self) -> None:
        self.query_one("#facts-title", Static).update(
            Content(f"Facts of {len(self.articles):,} articles · finding who reported what…"))
        self.table.focus()
        self.compute()

    @work(thread=True, exclusive=True, group="facts", exit_on_error=False)
    def compute(self) -> FactsResult:
        table = fact_table(self.articles)
        return FactsResult(table, table_disagreements(table))

    @contained
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "facts":
            return
        if event.state is WorkerState.SUCCESS and isinstance(event.worker.result, FactsResult):
            self.show(event.worker.result)
        elif event.state is WorkerState.ERROR:
            self.status(Content.assemble(("facts failed: ", "$text-error bold"), one_line(str(event.worker.error))))

    def show(self, result: FactsResult) -> None:
        self.result = result
        table, found = result.table, result.disagreements
        ids = outlet_ids(len(table.outlets))
        self.query_one("#facts-title", Static).update(Content.assemble(
            (f"Facts · {len(table.facts):,} facts · {len(table.outlets):,} outlets", "bold"),
            (" · " + " · ".join(tally(found)) if found else " · no number differs between outlets",
             "$text-warning" if found else "$text-muted")))
        self.query_one("#facts-outlets", Static).update(Content.assemble(*[
            piece for outlet, i in zip(table.outlets, ids)
            for piece in ((f"{i} ", "bold"), one_line(outlet.name), "   ")]))
        grid = self.table
        grid.clear(columns=True)
        grid.add_column(Text("#"), key="number")
        for outlet, i in zip(table.outlets, ids):
            grid.add_column(Text(i), key=f"outlet-{outlet.voice}")
        grid.add_column(Text("Fact"), key="fact", width=FACT_WIDTH)
        marks_of: dict[int, str] = {}
        for d in found:  # a contested number outranks a running figure in the same fact
            for f in d.facts:
                marks_of[f] = CONTESTED if CONTESTED in (marks_of.get(f), mark(d)) else UPDATED
        for fact in table.facts:
            number = Text(f"{fact.number}{marks_of.get(fact.number, '')}", justify="right")
            marks = [Text(MARK if outlet.voice in fact.voices else "·", justify="center") for outlet in table.outlets]
            text = Text(one_line(fact.center.unit.text), no_wrap=True, overflow="ellipsis")
            grid.add_row(number, *marks, text, key=str(fact.number))
        self.ready = True
        self.status(Content.assemble(("enter opens the sentence at its line", "$text-muted"),
                                     (f" · {key_of(self, 'next_disagreement')} next disagreement", "$text-muted")))
        if table.facts:
            grid.move_cursor(row=0, column=1)
            self.describe(0, 1)

    def cell_at(self, row: int, column: int) -> tuple[Fact, list[Statement], int | None] | None:
        """The fact of a row, the statements of the outlet in a column (none for the fact's own columns)."""
        if self.result is None or not 0 <= row < len(self.result.table.facts):
            return None
        table = self.result.table
        fact = table.facts[row]
        if 1 <= column <= len(table.outlets):
            voice = table.outlets[column - 1].voice
            return fact, fact.cell(voice), voice
        return fact, [], None

    @on(DataTable.CellHighlighted)
    @contained
    def highlighted(self, event: DataTable.CellHighlighted) -> None:
        self.describe(event.coordinate.row, event.coordinate.column)

    def describe(self, row: int, column: int) -> None:
        """The line under the table: the outlet's places and words, or the fact and its disagreements."""
        found = self.cell_at(row, column)
        if found is None or self.result is None:
            return
        fact, cell, voice = found
        root = facts_root(self.result.table)
        line = self.query_one("#facts-cell", Static)
        if voice is not None:
            outlet = self.result.table.outlet(voice)
            if not cell:
                line.update(Content.assemble((one_line(outlet.name), "bold"), f" does not state fact {fact.number}"))
                return
            places = ", ".join(statement_place(s, root) for s in cell)
            line.update(Content.assemble((one_line(outlet.name), "bold"), " · ", (places, "$text-accent"),
                                         "\n", one_line(cell[0].unit.text)))
            return
        pieces: list[str | tuple[str, str]] = [(f"fact {fact.number}", "bold"), f" · {fact_label(fact)}"]
        for d in self.result.disagreements:
            if fact.number in d.facts:
                values = "; ".join(f"{v.label} in {value_places(v, root)}" for v in shown_values(d))
                extra = f" ({'; '.join(notes(d))})" if notes(d) else ""
                pieces += ["\n", (f"{mark(d)} {vs(d)}: ", "$text-muted bold" if d.updated else "$text-warning bold"),
                           values + extra]
        pieces += ["\n", one_line(fact.center.unit.text)]
        line.update(Content.assemble(*pieces))

    @on(DataTable.CellSelected)
    @contained
    def chosen(self, event: DataTable.CellSelected) -> None:
        found = self.cell_at(event.coordinate.row, event.coordinate.column)
        if found is None:
            return
        fact, cell, voice = found
        if voice is not None and not cell:
            self.notify(f"{one_line(self.result.table.outlet(voice).name) if self.result else 'This outlet'} "
                        f"does not state this fact.", timeout=3, markup=False)
            return
        self.open_unit((cell[0] if cell else fact.center).unit)

    def open_unit(self, unit: Unit) -> None:
        span = unit.sentence.span
        self.app.push_screen(ArticleScreen(unit.article, line=span.start, cite=span))

    def action_next_disagreement(self) -> None:
        """Move to the next fact (after the cursor's, coming round) that a disagreement is in."""
        if self.result is None:
            return
        disputed = sorted({f for d in self.result.disagreements for f in d.facts})
        if not disputed:
            self.notify("No number differs between the outlets of this story.", timeout=3)
            return
        row = self.table.cursor_coordinate.row
        later = [f for f in disputed if f - 1 > row]
        target = (later or disputed)[0] - 1
        self.table.move_cursor(row=target, column=0)

    def status(self, content: Content) -> None:
        self.query_one("#status", Static).update(content)

    def action_back(self) -> None:
        self.dismiss(None)
