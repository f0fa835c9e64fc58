"""Triage: read, starred, archived and tags per article, kept in the user's data dir across restarts.

UI-free (never imports Textual): the TUI and `reader list` / `reader mark` share this core.
"""
from __future__ import annotations

import logging

from reader.triage.actions import (
    ARCHIVE, MARK_READ, MARK_UNREAD, STAR, TOGGLE_ARCHIVE, TOGGLE_READ, TOGGLE_STAR, UNARCHIVE, UNSTAR,
    Action, TagError, add_tag, normalize_tag, remove_tag, set_tags,
)
from reader.triage.schema import SCHEMA_VERSION, TriageStoreError
from reader.triage.state import ArticleKey, ArticleState, Change, TagCount, fingerprint
from reader.triage.store import TriageStore

# Warnings are also returned (TriageStore.warnings) for the caller to show; don't let Python's
# last-resort handler print them a second time on stderr.
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "ARCHIVE", "MARK_READ", "MARK_UNREAD", "STAR", "TOGGLE_ARCHIVE", "TOGGLE_READ", "TOGGLE_STAR", "UNARCHIVE",
    "UNSTAR", "Action", "ArticleKey", "ArticleState", "Change", "SCHEMA_VERSION", "TagCount", "TagError",
    "TriageStore", "TriageStoreError", "add_tag", "fingerprint", "normalize_tag", "remove_tag", "set_tags",
]
