"""Numbers read into values: every format of one value reads alike, different values and kinds do not."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.summarize.number_match import compare, disputes, hedge_holds, key, rival_values, rounded
from reader.summarize.quantities import Quantity, quantities


def one(text: str) -> Quantity:
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("forms", [
    ["$4.2m", "$4.2 million", "4.2 million dollars", "US$4,200,000", "USD 4.2 million", "$4,200,000"],
    ["17%", "17 per cent", "17 percent", "17 percent of"],
    ["3,400 flights", "3400 flights"],
    ["1.5 million bags", "1,500,000 bags", "1.5m bags"],
    ["on Sept. 14", "on September 14th", "on 14 September", "on Sep 14", "on 2026-09-14"],
    ["at 4 p.m.", "at 4:00 p.m.", "at 4pm", "at 4 PM"],
    ["seven shelters", "7 shelters"],
    ["a 16-hour shift", "16 hours of shift"],
    ["voted 9-4", "voted 9-4 on", "voted 9–4"],  # the en dash is the typeset vote or score
    ["£70,000 fine", "70,000 pounds fine"],
])
def test_every_format_of_one_value_gives_one_key(forms: list[str]) -> None:
    keys = {key(one(f"It was {form} then.")) for form in forms}
    assert len(keys) == 1, keys


@pytest.mark.parametrize("a, b", [
    ("$30m", "$31m"), ("3,100 homes", "3,400 homes"), ("17%", "17 percentage points"), ("$30m", "£30m"),
    ("seven hours", "seven days"), ("40 mg", "40 lots"), ("Sept. 14", "Sept. 15"), ("9-4", "8-5"),
])
def test_different_values_units_or_kinds_differ(a: str, b: str) -> None:
    assert key(one(f"It was {a} then.")) != key(one(f"It was {b} then."))


def test_labels_are_one_canonical_form() -> None:
    assert one("It cost 4.2 million dollars.").label == "$4.2 million"
    assert one("About 12 per cent was lost.").label == "12%"
    assert one("It opens on 14 September.").label == "Sep 14"
    assert one("It failed at 4pm.").label == "4:00 p.m."
    assert one("A 4.2-square-mile zone.").label == "4.2 square miles"
    assert one("They waited 40 minutes.").label == "40 minutes"
    assert one("Reyes, a 41-year-old welder.").label == "age 41"
    assert one("The fee is $9.50 a day.").label == "$9.50" and one("The fee is $9.5m.").label == "$9.5 million"


def test_what_is_not_a_quantity() -> None:
    assert quantities("COVID-19 and F-35 jets in the 21st century, two-thirds of them") == ()
    assert quantities("") == ()


def test_hedges_and_words_beside_a_number() -> None:
    q = one("officials ordered about 2,300 residents to leave")
    assert q.hedge == "about" and {"resident", "order"} <= q.context
    assert one("more than 2,000 volunteers came").hedge == "over"
    assert one("up to 30 days of service").hedge == "under"


def test_a_hedge_that_holds_is_no_dispute() -> None:
    over, exact = one("more than 2,000 volunteers"), one("2,150 volunteers")
    assert hedge_holds(over, exact) and not disputes(over, exact, shared=1)
    assert not hedge_holds(one("more than 2,000 volunteers"), one("1,900 volunteers"))
    assert hedge_holds(one("at least 24 deckhands"), one("up to 30 deckhands"))


def test_rounding_is_half_a_step_of_the_coarser_value() -> None:
    assert rounded(one("about 90,000 people"), one("86,000 people"))
    assert rounded(one("nearly 1.4 million people"), one("1.38 million people"))
    assert not rounded(one("$30m"), one("$31m"))  # a bare round number is taken at its word
    assert not rounded(one("about 3,400 flights"), one("about 3,500 flights"))


def test_compare_pairs_one_quantity_and_leaves_the_rest() -> None:
    a = quantities("The flood damaged about 3,100 homes and closed seven shelters on Sept. 14.")
    b = quantities("About 3,400 homes were damaged; 7 shelters were closed on September 14.")
    agree, dispute = compare(a, b)
    assert [(a[i].label, b[j].label) for i, j in dispute] == [("3,100", "3,400")]
    assert {(a[i].label, b[j].label) for i, j in agree} == {("7", "7"), ("Sep 14", "Sep 14")}
    assert compare(a, a)[1] == []


def test_far_apart_values_are_other_quantities() -> None:
    a, b = quantities("cancelled 1,100 flights"), quantities("cancelled 3,400 flights")
    assert compare(a, b) == ([], [])


@pytest.mark.parametrize(("one_", "other"), [
    ("it will raise $118 million for the new downtown transit program", "it will raise $90 million for the new downtown transit program"),
    ("the city will install 212 cameras at entry points on the bridges", "the city will install 150 cameras at entry points on the bridges"),
    ("consultants project a 17% drop in vehicles entering the zone", "consultants project a 25% drop in vehicles entering the zone"),
])
def test_far_apart_values_with_the_same_words_beside_them_are_one_quantity_disputed(one_: str, other: str) -> None:
    a, b = quantities(one_), quantities(other)
    agree, dispute = compare(a, b)
    assert agree == [] and len(dispute) == 1


@pytest.mark.parametrize("text", [
    "The line said 22 containers had gone overboard, fewer than the 31 counted by the coastguard.",
    "Union officials said 1,200 workers walked out, not the 800 reported by the company.",
    "The firm put its losses at $40 million, rather than the regulator's $65 million.",
])
def test_a_sentence_reporting_a_dispute_sets_its_two_values_against_each_other(text: str) -> None:
    assert rival_values(quantities(text), text) == [(0, 1)]


@pytest.mark.parametrize("text", [
    "Profits were $3 billion, higher than the $2.5 billion expected by analysts.",  # a forecast, no one's count
    "About 2,300 people were evacuated, more than the 1,900 moved by the county in 2019.",  # another event
    "Sales rose to $3 billion, compared with $2.5 billion a year earlier.",  # a change, given to no one
    "It cancelled 40 flights, more than 30 of them on Friday.",  # a hedge
    "The coastguard said 31 containers fell, more than the 5 tonnes counted by the port.",  # another kind
])
def test_a_comparison_that_is_no_dispute_sets_nothing_against(text: str) -> None:
    assert rival_values(quantities(text), text) == []


def test_a_lone_amount_with_no_words_beside_it_is_the_fact_s_one_amount() -> None:
    a = quantities("They agreed to sell 579 stores to Ostrander, a chain with 142 supermarkets, for $2.9 billion.")
    b = quantities("Ostrander would pay $3.2 billion for 579 stores.")
    money = frozenset({"money"})
    assert compare(a, b, 1, sole=money)[1] == [(2, 0)]
    assert compare(a, b, 1)[1] == []  # no word in common beside the amounts
    c = quantities("New York began charging $9 in January.")  # words beside it, none shared: another amount
    d = quantities("Drivers will pay $9.50 a day.")
    assert compare(c, d, 1, sole=money)[1] == []


def test_digits_by_the_hundred_are_no_quantity() -> None:
    assert quantities("1" * 400 + " people") == ()
    assert quantities("$" + "9" * 400 + "m") == ()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789$£€%,.-: apmAPMSeptJanmillionbper cent٣²")), max_size=60))
def test_any_text_reads_without_error_and_every_value_has_a_label(text: str) -> None:
    for q in quantities(text):
        assert q.label and 0 <= q.start < q.end <= len(text)
