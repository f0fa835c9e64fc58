"""The library's remembered view and sort, without an app: what is stored, and what a damaged file loads as."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.config import preferences_path, save_preference
from reader.tui import library_prefs
from reader.tui.library import SortKey, View
from reader.tui.library_prefs import LibraryPrefs, load_library_prefs, parse

DEFAULT = LibraryPrefs()


def test_nothing_stored_loads_the_defaults() -> None:
    assert not preferences_path().exists()
    assert load_library_prefs() == LibraryPrefs(View.UNREAD, None, SortKey.FILE, False)


def test_what_is_remembered_loads_again_beside_other_preferences() -> None:
    save_preference("theme", "reader-light")
    chosen = LibraryPrefs(View.TAG, "council", SortKey.DATE, True)
    library_prefs.remember(chosen)
    assert load_library_prefs() == chosen
    assert json.loads(preferences_path().read_text(encoding="utf-8"))["theme"] == "reader-light"


@pytest.mark.parametrize("stored", [
    None, 3, "starred", [], {"view": 7}, {"view": "nonsense"}, {"sort": "colour"}, {"reverse": "yes"},
    {"view": "tag"}, {"view": "tag", "tag": ""}, {"view": "tag", "tag": 5},
])
def test_a_bad_value_loads_as_its_default(stored: object) -> None:
    assert parse(stored) == DEFAULT


def test_each_field_is_checked_on_its_own() -> None:
    prefs = parse({"view": "archived", "sort": "colour", "reverse": True, "tag": "ignored"})
    assert prefs == LibraryPrefs(View.ARCHIVED, None, SortKey.FILE, True)


def test_a_corrupt_preferences_file_loads_the_defaults(private_home: Path) -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"library": {"view": "starred", ', encoding="utf-8")  # cut off mid-write
    assert load_library_prefs() == DEFAULT


def test_the_grouped_view_is_remembered_and_a_bad_value_is_not_grouped() -> None:
    library_prefs.remember(LibraryPrefs(grouped=True))
    assert load_library_prefs() == LibraryPrefs(grouped=True)
    assert parse({"grouped": "yes"}) == DEFAULT and parse({"grouped": 1}) == DEFAULT
