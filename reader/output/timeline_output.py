"""`reader summarize --story --timeline`: the story day by day, as text, Markdown and JSON."""
from __future__ import annotations

from typing import Any

from rich.text import Text

from reader.output.places import below, common_root
from reader.output.story_facts import plural
from reader.output.story_text import append_item, markdown_items, markdown_left_out
from reader.output.summary_text import md_text
from reader.output.summary_json import story_item_dict
from reader.summarize.timeline import Day, Timeline


def timeline_root(timeline: Timeline) -> str | None:
    return common_root([a.path for day in timeline.days for a in day.articles])


NOTHING_NEW = "nothing that an earlier source had not said"


def _facts(timeline: Timeline) -> str:
    sources = len(timeline.story.outlets.name)
    return (f"{plural(len(timeline.days), 'day')} · {plural(sources, 'source')} · "
            f"at most {plural(timeline.words_per_day, 'word')} a day, only what no earlier source said")


def _day_line(day: Day, root: str | None) -> str:
    names = ", ".join(below(a.file, root) for a in day.articles)
    return f"{day.date or 'Undated'} · {plural(len(day.articles), 'article')}: {names}"


def timeline_text(timeline: Timeline) -> Text:
    """Each date with its articles, then the sentences first reported that day with their places."""
    root = timeline_root(timeline)
    out = Text()
    out.append(f"Timeline · {_facts(timeline)}\n", style="bold")
    for day in timeline.days:
        out.append(f"\n{_day_line(day, root)}\n", style="bold")
        if not day.items:
            out.append(f"    ({NOTHING_NEW})\n", style="dim")
        for number, item in enumerate(day.items, start=1):
            append_item(out, number, item, root)
    return out


def timeline_markdown(timeline: Timeline) -> str:
    """The same day by day, each day a heading, with footnote citations, ready to paste into a document."""
    root = timeline_root(timeline)
    lines = ["## Timeline", "", f"*{md_text(_facts(timeline))}*"]
    notes: list[str] = []
    for day in timeline.days:
        lines += ["", f"### {md_text(_day_line(day, root))}", ""]
        lines += markdown_items(day.items, notes, root) if day.items else [f"*({NOTHING_NEW})*"]
    lines += markdown_left_out(timeline.story.left_out, root)
    lines.append("")
    return "\n".join(lines + notes) + "\n"


def timeline_dict(timeline: Timeline) -> dict[str, Any]:
    return {
        "words_per_day": timeline.words_per_day,
        "days": [
            {"date": day.date, "articles": [a.path for a in day.articles],
             "new": [story_item_dict(item) for item in day.items]}
            for day in timeline.days
        ],
        "left_out": [{"path": x.path, "reason": x.reason} for x in timeline.story.left_out],
    }
