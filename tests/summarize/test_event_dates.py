"""Event days read against the publication date: the evidence that an earlier source cannot have told a fact."""
from __future__ import annotations

from datetime import date

import pytest

from reader.summarize.event_dates import dated_after, day_string, event_days, published_day

MONDAY = date(2026, 5, 18)


@pytest.mark.parametrize(("sentence", "days"), [
    ("A federal judge on Monday blocked the merger.", [date(2026, 5, 18)]),  # the article's own day
    ("Pellham terminated the agreement late Friday.", [date(2026, 5, 15)]),
    ("The suit was filed last Monday.", [date(2026, 5, 11)]),  # "last Monday" on a Monday: a week back
    ("The mayor spoke yesterday, and the council meets today.", [date(2026, 5, 17), date(2026, 5, 18)]),
    ("The order was lifted at 5 p.m. on May 15.", [date(2026, 5, 15)]),
    ("The shop is closed on Mondays.", []),  # a habit, no day
    ("Three berths will reopen on Thursday.", []),  # a plan: that Thursday is the coming one
    ("The port said on Monday that three berths would reopen.", [date(2026, 5, 18)]),  # said today, of a plan
    ("The hearing is set for June 9.", []),  # ahead of publication
])
def test_day_words_resolve_to_days_on_or_before_publication(sentence: str, days: list[date]) -> None:
    assert list(event_days(sentence, MONDAY)) == days


def test_a_month_and_day_far_ahead_are_last_year() -> None:
    assert event_days("The fund was set up on Dec. 30.", date(2027, 1, 4)) == (date(2026, 12, 30),)


def test_a_day_word_an_earlier_report_shares_is_that_reports_day() -> None:
    # A follow-up a week later that copies "voted on Monday" means the earlier Monday, not its own week's.
    follow_up, earlier = "The council voted on Monday to close the bridge.", "The council voted on Monday to close it."
    assert dated_after(follow_up, date(2026, 4, 9), "2026-04-01")
    assert not dated_after(follow_up, date(2026, 4, 9), "2026-04-01", earlier)
    assert dated_after("The council on Wednesday awarded the contract.", date(2026, 4, 9), "2026-04-01", earlier)


def test_published_day_reads_only_real_dates() -> None:
    assert published_day("2026-05-18T09:30:00Z") == date(2026, 5, 18)
    assert published_day("sometime in May") is None
    assert published_day(None) is None


@pytest.mark.parametrize(("given", "day"), [
    ("2026-03-01", "2026-03-01"), ("2026-03-01T10:00:00+02:00", "2026-03-01"),
    ("2026-02-30", None), ("2026-13-01", None), ("March 1", None), ("", None), (None, None),
])
def test_day_string_names_only_real_days(given: str | None, day: str | None) -> None:
    """The story filter, the timeline and novelty share this test: a date that names no real day is undated."""
    assert day_string(given) == day
