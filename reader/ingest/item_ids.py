"""Stable names for the items of a file that holds several (feed items, mailbox messages).

An item is addressed as `file#id`. A position (`#3`) would name another story as soon as the
feed is re-saved with new items on top; the id is a short hash of what identifies the item itself
(its guid, Atom id, JSON Feed id or Message-ID, else its link, else title and date), so a saved
address, a script's `reader mark feed.xml#id` and triage's path hint keep pointing at the same item.
Positions are still accepted as input (`resolve`).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

ID_CHARS = 8
_ID = re.compile(r"[0-9a-f]{8}(?:-[0-9]+)?")


def item_ids(keys: list[str]) -> list[str]:
    """One id per key, in order; a key seen before gets `-2`, `-3` (items without an identity of their own)."""
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        base = hashlib.sha256(" ".join(key.split()).encode("utf-8", "surrogatepass")).hexdigest()[:ID_CHARS]
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def resolve(ids: list[str], wanted: str, positions: Mapping[str, int] | None = None) -> str | None:
    """The id `wanted` names: an id itself, or a 1-based position among the items (`positions`, each
    id's index, makes the first test a lookup)."""
    if wanted in (positions if positions is not None else ids):
        return wanted
    if wanted.isdigit() and not _ID.fullmatch(wanted) and 1 <= int(wanted) <= len(ids):
        return ids[int(wanted) - 1]
    return None
