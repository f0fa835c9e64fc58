"""What a key press or `reader mark` can do to an article's state, as pure functions of that state.

Actions are data, so the store can apply them inside a transaction to the row it has just
re-read: two processes toggling or tagging the same article compose instead of overwriting.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from reader.triage.state import ArticleState

Verb = Literal[
    "mark_read", "mark_unread", "toggle_read",
    "star", "unstar", "toggle_star",
    "archive", "unarchive", "toggle_archive",
    "add_tag", "remove_tag", "set_tags",
]
MAX_TAG_LENGTH = 64


class TagError(ValueError):
    """A tag that cannot be stored: empty, too long, or containing spaces or control characters."""


def normalize_tag(tag: str) -> str:
    """The tag as stored: surrounding space and one leading '#' dropped; case kept."""
    cleaned = tag.strip()
    if cleaned.startswith("#"):
        cleaned = cleaned[1:]
    if not cleaned:
        raise TagError("a tag cannot be empty")
    if len(cleaned) > MAX_TAG_LENGTH:
        raise TagError(f"a tag is at most {MAX_TAG_LENGTH} characters")
    if any(ch.isspace() or not ch.isprintable() for ch in cleaned):
        raise TagError(f"a tag cannot contain spaces or control characters: {cleaned!r}")
    if "," in cleaned:  # the tag dialog and --tag read "a,b" as two tags: a stored "a,b" could never be edited
        raise TagError(f"a tag cannot contain a comma, which separates tags: {cleaned!r}")
    return cleaned


@dataclass(frozen=True, slots=True)
class Action:
    """One change to make; build tag actions with `add_tag`, `remove_tag` and `set_tags`."""

    verb: Verb
    tags: frozenset[str] = frozenset()

    def apply_to(self, state: ArticleState) -> ArticleState:
        """The state after this action (toggles flip each article's own value)."""
        verb = self.verb
        if verb in ("mark_read", "mark_unread", "toggle_read"):
            read = not state.read if verb == "toggle_read" else verb == "mark_read"
            return dataclasses.replace(state, read=read)
        if verb in ("star", "unstar", "toggle_star"):
            starred = not state.starred if verb == "toggle_star" else verb == "star"
            return dataclasses.replace(state, starred=starred)
        if verb in ("archive", "unarchive", "toggle_archive"):
            archived = not state.archived if verb == "toggle_archive" else verb == "archive"
            return dataclasses.replace(state, archived=archived)
        if verb == "add_tag":
            return dataclasses.replace(state, tags=state.tags | self.tags)
        if verb == "remove_tag":
            return dataclasses.replace(state, tags=state.tags - self.tags)
        if verb == "set_tags":
            return dataclasses.replace(state, tags=self.tags)
        raise ValueError(f"unknown triage action: {verb!r}")


def _tags(tags: Iterable[str] | str) -> frozenset[str]:
    return frozenset(normalize_tag(t) for t in ([tags] if isinstance(tags, str) else tags))


def add_tag(tags: Iterable[str] | str) -> Action:
    """Add one tag (a string) or several; raises TagError for a tag that cannot be stored."""
    return Action("add_tag", _tags(tags))


def remove_tag(tags: Iterable[str] | str) -> Action:
    return Action("remove_tag", _tags(tags))


def set_tags(tags: Iterable[str]) -> Action:
    """Replace the article's tags with exactly these."""
    return Action("set_tags", _tags(tags))


MARK_READ = Action("mark_read")
MARK_UNREAD = Action("mark_unread")
TOGGLE_READ = Action("toggle_read")
STAR = Action("star")
UNSTAR = Action("unstar")
TOGGLE_STAR = Action("toggle_star")
ARCHIVE = Action("archive")
UNARCHIVE = Action("unarchive")
TOGGLE_ARCHIVE = Action("toggle_archive")


def apply_all(state: ArticleState, actions: Iterable[Action]) -> ArticleState:
    """Apply several actions in order (e.g. `reader mark --read --star --tag x`)."""
    for action in actions:
        state = action.apply_to(state)
    return state
