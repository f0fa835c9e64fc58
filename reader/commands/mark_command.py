"""`reader mark PATH... --read --star --tag T ...`: change triage state from scripts, in one transaction.

Prints a one-line summary on stderr; stdout stays empty so the command composes in pipelines.
"""
from __future__ import annotations

import argparse
import sys

from reader.commands.triage_common import open_store, scan_reporting, tag_options
from reader.output.sanitize import one_line
from reader.triage import (
    ARCHIVE, MARK_READ, MARK_UNREAD, STAR, UNARCHIVE, UNSTAR, Action, TriageStoreError, add_tag, remove_tag,
)

_FLAGS = ((MARK_READ, "read"), (MARK_UNREAD, "unread"), (STAR, "star"), (UNSTAR, "unstar"),
          (ARCHIVE, "archive"), (UNARCHIVE, "unarchive"))
_WORDS = {"read": "read", "unread": "unread", "star": "starred", "unstar": "unstarred",
          "archive": "archived", "unarchive": "unarchived"}


def actions_of(options: argparse.Namespace) -> tuple[list[Action], list[str]]:
    """The actions asked for, in a fixed order, and the words that describe them."""
    actions: list[Action] = []
    words: list[str] = []
    for action, flag in _FLAGS:
        if getattr(options, flag):
            actions.append(action)
            words.append(_WORDS[flag])
    added, dropped = tag_options(options, "tag"), tag_options(options, "untag")
    both = sorted(set(added) & set(dropped))
    if both:
        options.usage_error(f"#{both[0]} is both added (--tag) and removed (--untag)")
    if added:
        actions.append(add_tag(added))
        words.append("tagged " + " ".join(f"#{t}" for t in dict.fromkeys(added)))
    if dropped:
        actions.append(remove_tag(dropped))
        words.append("untagged " + " ".join(f"#{t}" for t in dict.fromkeys(dropped)))
    if not actions:
        options.usage_error("give at least one of --read, --unread, --star, --unstar, --archive, --unarchive, "
                            "--tag T, --untag T")
    return actions, words


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def run_mark(options: argparse.Namespace) -> int:
    actions, words = actions_of(options)
    store = open_store(options)
    if store is None:
        return 1
    with store:
        listings, errors = scan_reporting(options.paths, store)
        try:
            changes = store.apply([listing.key for listing in listings], *actions)
        except TriageStoreError as exc:  # full disk, read-only, locked too long: the one transaction rolled back
            print(f"reader: {one_line(str(exc))}; nothing was marked "
                  f"({len(listings)} article{'' if len(listings) == 1 else 's'} unchanged)", file=sys.stderr)
            return 1
    count = len(changes)
    changed = sum(change.changed for change in changes)
    note = "" if changed == count else f" ({changed} changed)"
    print(one_line(f"marked {count} article{'' if count == 1 else 's'} {_join(words)}{note}"), file=sys.stderr)
    return 1 if errors else 0
