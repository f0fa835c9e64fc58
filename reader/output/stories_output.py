"""The shapes of `reader stories`: a text listing a person reads, and the JSON scripts read.

Paths are shown below the folder all inputs share (as citations are), so `business/001.txt` and
`sport/001.txt` stay apart; JSON keeps the paths as given, so a script can open them.
"""
from __future__ import annotations

from collections.abc import Sequence

from reader.output.places import below
from reader.output.sanitize import one_line
from reader.output.story_facts import plural
from reader.summarize.grouping import Story


def _dates(story: Story) -> str:
    if not story.first_date:
        return "undated"
    return story.first_date if story.first_date == story.last_date else f"{story.first_date} to {story.last_date}"


def stories_text(stories: Sequence[Story], root: str | None) -> str:
    """One block per story: id, counts and dates, the title, then its files (reprints marked)."""
    blocks = []
    for story in stories:
        copy_of = {c.path: c.copy_of for c in story.copies}
        head = (f"{story.id}  {plural(len(story.articles), 'article')} · {plural(len(story.sources), 'source')}"
                f" · {_dates(story)}")
        lines = [head, f"  {one_line(story.title)}"]
        for path in story.articles:
            note = f"  (copy of {below(copy_of[path], root)})" if path in copy_of else ""
            lines.append(f"    {below(path, root)}{note}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def story_record(story: Story) -> dict[str, object]:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "sources": list(story.sources),
        "copies": [{"path": c.path, "copy_of": c.copy_of} for c in story.copies],
        "first_date": story.first_date,
        "last_date": story.last_date,
    }


def stories_document(stories: Sequence[Story]) -> list[dict[str, object]]:
    return [story_record(s) for s in stories]
