"""Disagreements as every view states them: `3,100 vs 3,400`, each value with its outlets and places.

Shared by `reader facts`, the story summary's contested-number flag (text, Markdown, JSON) and the
TUI, so a disagreement reads alike everywhere. Outlet names and quoted numbers come from files:
they are made inert here.
"""
from __future__ import annotations

import os
from typing import Any

from reader.output.places import cite
from reader.output.sanitize import one_line
from reader.summarize.disagreements import Claim, Disagreement, Value, in_order_of_days

CONTESTED = "≠"  # the mark of a contested number, in the summary and the facts table
UPDATED = "→"  # the mark of a figure that changed from day to day (38, then 96, then 141 ill)


def mark(d: Disagreement) -> str:
    """`≠` by a contested number, `→` by a running figure."""
    return UPDATED if d.updated else CONTESTED


def shown_values(d: Disagreement) -> list[Value]:
    """The values as listed: most outlets first; a running figure's by day."""
    return in_order_of_days(d) if d.updated else list(d.values)


def tally(found: list[Disagreement]) -> list[str]:
    """`1 disagreement`, `2 updated figures`: what a facts view's header counts."""
    disputes = sum(not d.updated for d in found)
    updates = len(found) - disputes
    out = [f"{disputes} disagreement{'s' if disputes != 1 else ''}"]
    if updates:
        out.append(f"{updates} updated figure{'s' if updates != 1 else ''}")
    return out


def flag(d: Disagreement) -> str:
    """How a summary sentence's number is marked: contested, or updated on other days."""
    return f"{mark(d)} {'updated' if d.updated else 'contested'}"


def vs(d: Disagreement) -> str:
    """`3,100 vs 3,400`: the values, most outlets first; a figure that changed, `38 → 96 → 141`, by day."""
    return (f" {UPDATED} " if d.updated else " vs ").join(v.label for v in shown_values(d))


def notes(d: Disagreement) -> list[str]:
    """What the reader should weigh: values that may be one rounded, values from different days."""
    found = []
    if d.rounding:
        found.append("may be rounding")
    if d.updated:
        found.append("a running figure: one value a day, all one way")
    elif d.later:
        found.append("from different days: maybe an update")
    return found


def claim_place(claim: Claim, root: str | None) -> str:
    span = claim.unit.sentence.span
    extra = [f"copy of {one_line(claim.copy_of)}"] if claim.copy_of else []
    if claim.heading:
        extra.append("headline")
    place = cite(claim.unit.article.file, span.start, span.end, root)
    return place + (f" ({', '.join(extra)})" if extra else "")


def value_places(value: Value, root: str | None) -> str:
    """`Riverside Radio (r.md:7); Valley Wire (w.md:12, reprint.txt:3 (copy of Valley Wire)); gazette.txt:1`:
    each outlet with its places, an outlet known only by its file name by its places alone."""
    by_outlet: dict[str, list[Claim]] = {}
    for claim in value.claims:
        by_outlet.setdefault(claim.copy_of or claim.outlet, []).append(claim)
    shown = []
    for outlet, claims in by_outlet.items():
        places = ", ".join(claim_place(c, root) for c in claims)
        named_by_file = all(os.path.basename(c.unit.article.path) == outlet for c in claims)
        shown.append(places if named_by_file else f"{one_line(outlet)} ({places})")
    return ", ".join(shown)


def first_day(value: Value) -> str | None:
    return min((c.day for c in value.claims if c.day), default=None)


def contested_note(d: Disagreement, own: Value, root: str | None) -> str:
    """For a summary sentence stating one side: `3,400 here; 3,100 in Gazette (a.txt:1); ...`. For a
    figure that changed, the values by day, so the latest stands last: `96 here (2026-09-16); 38 on
    2026-09-15 in ...; 141 on 2026-09-22 in ...`."""
    if d.updated:
        others = [f"{v.label} on {first_day(v) or 'an unknown day'} in {value_places(v, root)}"
                  for v in shown_values(d) if v is not own]
        day = first_day(own)
        return f"{own.label} here" + (f" ({day})" if day else "") + "; " + "; ".join(others)
    others = [f"{v.label} in {value_places(v, root)}" for v in d.values if v is not own]
    extra = notes(d)
    return f"{own.label} here; " + "; ".join(others) + (f" ({'; '.join(extra)})" if extra else "")


def claim_dict(claim: Claim) -> dict[str, Any]:
    span = claim.unit.sentence.span
    return {"outlet": claim.outlet, "path": claim.unit.article.file, "line_start": span.start, "line_end": span.end,
            "as_written": claim.quantity.text, "text": claim.unit.text, "copy_of": claim.copy_of,
            "headline": claim.heading, "date": claim.day}


def disagreement_dict(d: Disagreement, number: int | None = None) -> dict[str, Any]:
    """One disagreement: its kind, the facts it is in, notes, and each value with every statement of it."""
    return {
        **({"number": number} if number is not None else {}),
        "kind": d.kind,
        "facts": list(d.facts),
        "rounding": d.rounding,
        "later": d.later,
        "updated": d.updated,
        "values": [{"value": v.label, "outlets": v.outlets, "statements": [claim_dict(c) for c in v.claims]}
                   for v in d.values],
    }
