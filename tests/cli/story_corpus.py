"""A small invented story for the story-summary tests, written into tmp_path.

Three outlets report one ferry-terminal fire in their own words; Island Radio alone adds a fact
(failed alarm test); Dunmore Daily reprints the Harbor Herald almost word for word; a fifth file is
about a library reopening, another story; an optional sixth file glues a short fire report to
the library story. Tests assert structure and invariants on it, never which
sentences the summarizer picks.
"""
from __future__ import annotations

from pathlib import Path

HERALD = """---
title: Fire closes Port Dunmore ferry terminal pier
source: Harbor Herald
date: 2026-03-14
---

A fire broke out at the Port Dunmore ferry terminal early Saturday, forcing the evacuation of about 300 passengers.
Firefighters brought the blaze under control within two hours, officials said.

No one was seriously injured, although four workers were treated for smoke inhalation.
The terminal's north pier will stay closed until at least Wednesday while inspectors check the structure.

Ferry services to Kell Island have been moved to the south pier for the rest of the week.
"""

GAZETTE = """---
title: Passengers evacuated as fire sweeps ferry terminal
source: Coast Gazette
date: 2026-03-14
---

About 300 passengers were evacuated on Saturday morning when fire swept through the ferry terminal in Port Dunmore.
Crews had the fire under control in roughly two hours, according to the fire service.

Four terminal workers were treated for smoke inhalation, but nobody was badly hurt.
Inspectors will examine the north pier, which remains shut until Wednesday at the earliest.

Kell Island ferries are leaving from the south pier until the inspection is finished.
"""

RADIO = """---
title: Ferry terminal fire under investigation
source: Island Radio
date: 2026-03-15
---

Saturday's fire at the Port Dunmore ferry terminal led to the evacuation of roughly 300 passengers.
The fire service said the blaze at the terminal was under control after about two hours.

Four workers at the terminal were treated for smoke inhalation.
The north pier is expected to stay closed until Wednesday for safety checks by inspectors.

Island Radio has learned that the terminal's sprinkler pumps failed a routine pressure test in March, records show.
"""

# A near-verbatim reprint of the Herald under another publisher's name: one word changed.
DAILY = HERALD.replace("Harbor Herald", "Dunmore Daily").replace("early Saturday", "early on Saturday")

LIBRARY = """Milltown library reopens after renovation

The Milltown public library reopened on Monday after an eighteen-month renovation that added a children's wing and a rooftop reading garden.
Librarians said more than 2,000 visitors came through the doors on the first day.

The project cost 4.1 million dollars, most of it raised by a local charitable trust.
Opening hours now run until 9 p.m. on weekdays, and the café on the ground floor opens next month.
"""

# One file, two copies glued with ".. " mid-line: a short fire report, then the library story.
GLUED = (
    "Harbour fire latest\n\n"
    "Fire crews spent two hours fighting a blaze at the Port Dunmore ferry terminal on Saturday, "
    "and about 300 passengers had to leave the building.\n"
    "Four workers needed treatment for smoke inhalation and the north pier stays closed until Wednesday.. "
    "The Milltown public library reopened on Monday after an eighteen-month renovation that added a children's "
    "wing and a rooftop reading garden.\n"
    "Librarians said more than 2,000 visitors came through the doors on the first day.\n"
    "The project cost 4.1 million dollars, most of it raised by a local charitable trust.\n"
)

FILES = {
    "a-harbor-herald.md": HERALD,
    "b-coast-gazette.md": GAZETTE,
    "c-island-radio.md": RADIO,
    "d-dunmore-daily.md": DAILY,
    "e-library.txt": LIBRARY,
}
UNRELATED = "e-library.txt"
REPRINT = "d-dunmore-daily.md"
ONLY_RADIO = "Island Radio"


GLUED_NAME = "f-glued.txt"


def write_story_folder(folder: Path, glued: bool = False) -> Path:
    """Write the five files (and the glued one when asked) into `folder` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in {**FILES, **({GLUED_NAME: GLUED} if glued else {})}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
