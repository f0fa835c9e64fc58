"""`reader facts`: a story's facts against its outlets, and where the outlets disagree, as text and JSON.

Text: the outlets lettered A, B, …; each fact with its row of the matrix (`[AB·]`: the outlets
stating it), its label ("3 outlets", "only in X") and one line per outlet citing its sentences;
then the disagreements, each value with its outlets and places. JSON keeps paths as given, so every
cell's `path:line_start-line_end` opens from where the command ran.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text

from reader.model import LoadError
from reader.output.disagreement_text import (disagreement_dict, first_day, mark, notes, shown_values, tally,
                                             value_places, vs)
from reader.output.places import cite, common_root
from reader.output.sanitize import inert, one_line
from reader.output.story_facts import left_out_name, plural
from reader.summarize.disagreements import Disagreement
from reader.summarize.facts import Fact, FactTable, Statement


def outlet_ids(count: int) -> list[str]:
    """A, B, …, Z, AA, AB, …: short column names that stay one per outlet however many there are."""
    ids = []
    for n in range(count):
        name = ""
        n += 1
        while n:
            n, r = divmod(n - 1, 26)
            name = chr(65 + r) + name
        ids.append(name)
    return ids


def facts_root(table: FactTable) -> str | None:
    return common_root([a.path for a in table.articles] + [x.path for x in table.left_out])


def fact_label(fact: Fact) -> str:
    """`3 outlets`, or `only in X` when one outlet alone states it."""
    if fact.only_in is not None:
        return f"only in {one_line(fact.only_in)}"
    return plural(len(fact.voices), "outlet")


def statement_place(s: Statement, root: str | None) -> str:
    span = s.unit.sentence.span
    extra = [f"copy of {one_line(s.copy_of)}"] if s.copy_of else []
    if s.heading:
        extra.append("headline")
    return cite(s.unit.article.file, span.start, span.end, root) + (f" ({', '.join(extra)})" if extra else "")


def fact_disagreements(table: FactTable, found: Sequence[Disagreement]) -> dict[int, list[int]]:
    """Fact number -> the numbers (from 1) of the disagreements among its sentences."""
    out: dict[int, list[int]] = {}
    for k, d in enumerate(found, start=1):
        for f in d.facts:
            out.setdefault(f, []).append(k)
    return out


def facts_text(table: FactTable, found: Sequence[Disagreement]) -> Text:
    """The outlets, every fact with its matrix row and cells, then the disagreements."""
    root = facts_root(table)
    ids = outlet_ids(len(table.outlets))
    letter = {o.voice: i for o, i in zip(table.outlets, ids)}
    out = Text()
    head = [plural(len(table.facts), "fact"), f"{plural(len(table.outlets), 'outlet')}", *tally(list(found))]
    if table.left_out:
        head.append(f"{plural(len(table.left_out), 'input')} left out")
    out.append(f"Facts · {' · '.join(head)}\n", style="bold")
    for outlet, i in zip(table.outlets, ids):
        sources = f" ({len(outlet.sources)} sources)" if len(outlet.sources) > 1 else ""
        out.append(f"  {i:>2}  {one_line(outlet.name)}{sources}\n")
    disputed = fact_disagreements(table, found)
    for fact in table.facts:
        row = "".join(i if o.voice in fact.voices else "·" for o, i in zip(table.outlets, ids))
        out.append(f"\n{fact.number:>2}. ", style="bold")
        out.append(f"[{row}] ", style="cyan")
        out.append(inert(fact.center.unit.text))
        out.append(f"\n    {fact_label(fact)}", style="dim" if fact.only_in else "cyan")
        for k in disputed.get(fact.number, []):
            out.append(f" · {mark(found[k - 1])} {vs(found[k - 1])} (disagreement {k})", style="yellow")
        out.append("\n")
        for outlet in table.outlets:
            cell = fact.cell(outlet.voice)
            if cell:
                places = ", ".join(statement_place(s, root) for s in cell)
                out.append(f"    {letter[outlet.voice]:>2}  {places}\n", style="dim")
    updates = any(d.updated for d in found)
    out.append("\nWhere sources disagree" + (", and figures updated day by day" if updates else "") + "\n", style="bold")
    if not found:
        out.append("    (no number differs between outlets)\n", style="dim")
    for k, d in enumerate(found, start=1):
        facts = ", ".join(str(f) for f in d.facts)
        extra = "".join(f" · {n}" for n in notes(d))
        out.append(f"{k:>2}. {vs(d)}", style="bold yellow")
        out.append(f" · {d.kind} · {'fact' if len(d.facts) == 1 else 'facts'} {facts}{extra}\n", style="dim")
        for value in shown_values(d):
            day = f" ({first_day(value) or 'undated'})" if d.updated else ""
            out.append(f"    {value.label}{day}: {value_places(value, root)}\n")
    for left in table.left_out:
        out.append(f"Left out: {left_out_name(left, root)} — {one_line(left.reason)}\n", style="yellow")
    return out


def statement_dict(s: Statement) -> dict[str, Any]:
    span = s.unit.sentence.span
    return {"text": s.unit.text, "path": s.unit.article.file, "line_start": span.start, "line_end": span.end,
            "outlet": s.outlet, "copy_of": s.copy_of, "headline": s.heading, "similarity": round(s.similarity, 4)}


def facts_document(table: FactTable, found: Sequence[Disagreement], errors: Sequence[LoadError]) -> dict[str, Any]:
    """`{"outlets", "facts", "disagreements", "articles", "left_out", "errors"}`; each fact's `cells` by outlet id."""
    ids = outlet_ids(len(table.outlets))
    letter = {o.voice: i for o, i in zip(table.outlets, ids)}
    disputed = fact_disagreements(table, found)
    return {
        "outlets": [{"id": i, "name": o.name, "sources": sorted({p for p, _ in o.sources})}
                    for o, i in zip(table.outlets, ids)],
        "facts": [
            {"number": f.number, "text": f.center.unit.text, "outlets": len(f.voices), "only_in": f.only_in,
             "disagreements": disputed.get(f.number, []),
             "cells": [{"outlet": letter[o.voice], "name": o.name, "statements": [statement_dict(s) for s in cell]}
                       for o in table.outlets if (cell := f.cell(o.voice))]}
            for f in table.facts
        ],
        "disagreements": [disagreement_dict(d, k) for k, d in enumerate(found, start=1)],
        "articles": [{"path": a.path, "title": a.full_title, "source": a.source, "date": a.date} for a in table.articles],
        "left_out": [{"path": x.path, "reason": x.reason, **({"segment": x.segment} if x.segment is not None else {})}
                     for x in table.left_out],
        "errors": [{"path": e.path, "error": e.error} for e in errors],
    }
