from __future__ import annotations

import datetime as dt

import pytest

from reader.ingest.metadata import date_problem, from_mapping, normalize_date


def test_publisher_variants_map_to_the_same_fields() -> None:
    a = from_mapping({
        "title": "A", "excerpt": "E", "publishedDateTime": "2023-06-01T14:21:00Z",
        "originalUrl": "https://a.example/x", "provider": {"name": "Outlet A", "domain": "a.example"},
        "topics": ["AI", "Privacy"],
    })
    b = from_mapping({
        "headline": "A", "summary": "E", "date": dt.date(2023, 6, 1), "url": "https://a.example/x",
        "source": "Outlet A", "tags": "AI, Privacy",
    })
    for meta in (a, b):
        assert (meta.title, meta.excerpt, meta.date, meta.url, meta.source) == (
            "A", "E", "2023-06-01", "https://a.example/x", "Outlet A")
        assert meta.topics == ["AI", "Privacy"]


def test_related_entries() -> None:
    meta = from_mapping({"related": [
        {"title": "R1", "excerpt": "x", "publishedDateTime": "2023-06-01T10:45:00Z",
         "webUrl": "https://r.example/1", "provider": {"name": "R News"}},
        "https://r.example/2",
        {"nothing": "useful"},
    ]})
    assert [(r.title, r.date, r.url, r.source) for r in meta.related] == [
        ("R1", "2023-06-01", "https://r.example/1", "R News"),
        (None, None, "https://r.example/2", None),
    ]


@pytest.mark.parametrize("value, expected", [
    ("2023-07-19", "2023-07-19"),
    ("2023-07-19T23:59:00-05:00", "2023-07-19"),
    ("June 1, 2023", "2023-06-01"),
    ("1 June 2023", "2023-06-01"),
    ("2023-02-30", None),
    ("soon", None),
    (dt.datetime(2020, 1, 2, 3, 4), "2020-01-02"),
    (True, None),
])
def test_dates(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_generic_category_is_not_a_topic() -> None:
    assert from_mapping({"category": "news", "tags": ["Courts"]}).topics == ["Courts"]


def test_non_text_values_are_ignored() -> None:
    meta = from_mapping({"title": {"nested": 1}, "url": "not a url", "source": ["S1", "S2"]})
    assert meta.title is None and meta.url is None and meta.source == "S1"


@pytest.mark.parametrize(("raw", "says"), [
    ([2023, 7, 19], "front matter date is a list, not a date; ignored"),
    ({"year": 2023}, "front matter date is a mapping, not a date; ignored"),
    (True, "front matter date is true, not a date; ignored"),
    ("2023-02-30", "front matter date '2023-02-30' is not a date; ignored"),
])
def test_a_date_that_is_no_date_is_named_in_its_warning(raw: object, says: str) -> None:
    assert date_problem({"date": raw}) == says


def test_a_title_given_as_a_list_is_its_first_text() -> None:
    meta = from_mapping({"title": ["Council approves the charge", "A subtitle"], "excerpt": [None, "The vote was 9-4."]})
    assert (meta.title, meta.excerpt) == ("Council approves the charge", "The vote was 9-4.")


@pytest.mark.parametrize(("raw", "day"), [
    (1689760800, "2023-07-19"), (1689760800000, "2023-07-19"), (1689760800.5, "2023-07-19"),  # Unix seconds, ms
    (20230719, "2023-07-19"), (20230230, None),  # YYYYMMDD as a number; no 30 February
    (2023, None), (42, None), (True, None),  # a year alone, a small number, a boolean: no day
])
def test_dates_written_as_numbers(raw: object, day: str | None) -> None:
    assert normalize_date(raw) == day
