"""`reader summarize --story --timeline`: the story day by day, as text and as JSON."""
from __future__ import annotations

from typing import Any

from rich.text import Text

from reader.output.places import below, common_root
from reader.output.story_facts import plural
from reader.output.story_text import append_item
from reader.output.summary_json import story_item_dict
from reader.summarize.timeline import Timeline


def timeline_root(timeline: Timeline) -> str | None:
    return common_root([a.path for day in timeline.days for a in day.articles])


def timeline_text(timeline: Timeline) -> Text:
    """Each date with its articles, then the sentences first reported that day with their places."""
    root = timeline_root(timeline)
    out = Text()
    sources = len(timeline.story.outlets.name)
    out.append(f"Timeline · {plural(len(timeline.days), 'day')} · {plural(sources, 'source')} · "
               f"at most {plural(timeline.words_per_day, 'word')} a day, only what no earlier source said\n",
               style="bold")
    for day in timeline.days:
        names = ", ".join(below(a.file, root) for a in day.articles)
        out.append(f"\n{day.date or 'Undated'} · {plural(len(day.articles), 'article')}: {names}\n", style="bold")
        if not day.items:
            out.append("    (nothing that an earlier source had not said)\n", style="dim")
        for number, item in enumerate(day.items, start=1):
            append_item(out, number, item, root)
    return out


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
