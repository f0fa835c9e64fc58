"""Tests for boilerplate detection: invented articles with spliced boilerplate, and the real seeds."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.ingest.boilerplate import find_boilerplate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "boilerplate"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
GLOBALDATA_SEED = "002_05ca7d6b824c41c9.txt"


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines (a paragraph may keep single newlines)."""
    return [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def load_fixture(name: str) -> tuple[list[str], list[str]]:
    """Fixture paragraphs and kinds: '## ' marks a heading and '> ' a block quote."""
    paragraphs, kinds = [], []
    for p in split_paragraphs((FIXTURES / name).read_text(encoding="utf-8")):
        kind = "heading" if p.startswith("## ") else "quote" if p.startswith("> ") else "paragraph"
        paragraphs.append(p[3:] if kind == "heading" else p[2:] if kind == "quote" else p)
        kinds.append(kind)
    return paragraphs, kinds


def flagged(reasons: list[str | None]) -> list[int]:
    return [i for i, reason in enumerate(reasons) if reason is not None]


# Expected indices written by hand from reading each fixture.
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wire_city_council.txt", [3, 6, 8, 10, 11, 12]),
        ("tech_newsletter.txt", [3, 4, 5, 6, 7, 8, 9, 14, 15]),
        ("energy_report_download.txt", [0, 5, 6, 7, 8, 9, 10, 15]),
        ("magazine_donation.txt", [3, 4, 5, 7, 8, 9, 11, 12]),
        ("genre_news.txt", []),
    ],
)
def test_fixture_flags_exactly_the_spliced_boilerplate(name: str, expected: list[int]) -> None:
    paragraphs, kinds = load_fixture(name)
    assert flagged(find_boilerplate(paragraphs, kinds)) == expected


def test_reasons_name_the_kind() -> None:
    paragraphs, kinds = load_fixture("wire_city_council.txt")
    reasons = find_boilerplate(paragraphs, kinds)
    assert reasons[3] == reasons[10] == "advertisement label"
    assert reasons[6] == "read-more link"
    assert reasons[8] == "image credit"
    assert reasons[11] == "share prompt"
    assert reasons[12] == "copyright notice"
    paragraphs, kinds = load_fixture("tech_newsletter.txt")
    reasons = find_boilerplate(paragraphs, kinds)
    assert reasons[5] == "newsletter/subscription pitch"
    assert reasons[8] == "privacy/cookie notice"
    assert reasons[9] == "promotional block"  # "Thanks for signing up!" absorbed into the run


def test_heading_next_to_a_run_stays_when_it_belongs_to_the_story() -> None:
    paragraphs, kinds = load_fixture("energy_report_download.txt")
    reasons = find_boilerplate(paragraphs, kinds)
    assert kinds[11] == "heading" and reasons[10] is not None
    assert reasons[11] is None


def test_kinds_default_to_paragraphs() -> None:
    paragraphs, _ = load_fixture("magazine_donation.txt")
    assert find_boilerplate(paragraphs) == find_boilerplate(paragraphs, ["paragraph"] * len(paragraphs))


def _seed(name: str) -> list[str]:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed {path} not available")
    return split_paragraphs(path.read_text(encoding="utf-8"))


def test_seed_globaldata_block_is_flagged_and_news_kept() -> None:
    paragraphs = _seed(GLOBALDATA_SEED)
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("How well do you really know"))
    end = next(i for i, p in enumerate(paragraphs) if "Visit our Privacy Policy" in p)
    reasons = find_boilerplate(paragraphs)
    assert end - start >= 6
    assert flagged(reasons) == list(range(start, end + 1))
    kept = [p for p, r in zip(paragraphs, reasons) if r is None]
    assert any("While we disagree with the FTC’s allegations" in p for p in kept)
    assert any("sacrificed privacy for profits" in p for p in kept)
    assert any("enhance its privacy and security programme" in p for p in kept)


def test_other_seeds_have_nothing_flagged() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seeds {SEEDS} not available")
    names = sorted(p.name for p in SEEDS.glob("*.txt") if p.name != GLOBALDATA_SEED)
    assert names
    for name in names:
        paragraphs = _seed(name)
        assert flagged(find_boilerplate(paragraphs)) == [], name


def test_quotes_addressed_to_you_and_our_are_kept() -> None:
    paragraphs = [
        "The mayor unveiled a plan on Monday to plant 10,000 street trees across the city by 2030.",
        "“If you want cooler streets, you have to plant trees now. Our children will thank us,” the mayor said.",
        '"We want you to join us," said Ana Ruiz, who leads a volunteer group that waters young trees. '
        '"Sign up at any library and we will give you a watering can."',
        "We have to act before the summer, she added, because our streets are getting hotter every year.",
        "The city will spend $4 million on the trees, which officials say will cut summer street temperatures.",
    ]
    assert flagged(find_boilerplate(paragraphs)) == []
    kinds = ["paragraph", "quote", "quote", "paragraph", "paragraph"]
    assert flagged(find_boilerplate(paragraphs, kinds)) == []


def test_whitespace_inside_paragraphs_is_collapsed() -> None:
    story = [
        "Shares in the carmaker rose 4% after it reported record quarterly deliveries of electric vans.",
        "By signing up, you agree to our Terms of\nUse and Privacy\n  Policy. You may\tunsubscribe at any time.",
        "The carmaker said deliveries of electric vans would rise again next quarter as a new plant opens.",
    ]
    assert flagged(find_boilerplate(story)) == [1]


def test_empty_input() -> None:
    assert find_boilerplate([]) == []
    assert find_boilerplate([""]) == [None]
    assert find_boilerplate(["•", "* * *", "?", "   \n"]) == [None, None, None, None]


def test_single_paragraph() -> None:
    assert find_boilerplate(["The central bank held interest rates at 4.5% on Thursday."]) == [None]
    assert find_boilerplate(["Advertisement"]) == ["advertisement label"]


@pytest.mark.parametrize("ad", [
    "Advertisement – Harbour Marine Supplies: lifejackets and hi-vis for every crew. Trade accounts welcome.",
    "ADVERTISEMENT: Ashby Credit Union. Remortgage with a local lender. Rates from 4.19%. Terms apply.",
    "Sponsored: Try the new Lakeside Roasters blend. Free delivery this week.",
    "Advertisement - Open a savings account today. Terms apply.",
])
def test_a_short_paragraph_behind_an_ad_label_is_an_ad_whatever_its_copy_says(ad: str) -> None:
    news = "The council voted 9-4 on Tuesday to close the Pier 9 ferry terminal, the mayor's office said."
    assert find_boilerplate([news, ad, news]) == [None, "advertisement label", None]


@pytest.mark.parametrize("text", [
    "Advertising revenue at the group rose 4% to $1.2 billion in the quarter, the company said.",
    "Ad spending by the campaign topped $3 million in the final week, according to filings.",
    "Sponsored by the council, the festival drew 12,000 people to the waterfront on Saturday.",
])
def test_news_about_advertising_is_no_ad_label(text: str) -> None:
    assert find_boilerplate([text]) == [None]


NEWS = "The council voted 9-4 on Tuesday to close the Pier 9 ferry terminal, the mayor's office said."


def test_form_fields_in_one_paragraph_are_a_form_with_the_pitch_above_it() -> None:
    paragraphs = [NEWS, "Get the Harbourside Property Outlook 2027", "Sixty pages on rents, yields and vacancies.",
                  "First name\nLast name\nWork email\nCompany\nDownload now", NEWS]
    assert flagged(find_boilerplate(paragraphs)) == [1, 2, 3]
    assert find_boilerplate(paragraphs)[3] == "sign-up form"


def test_form_fields_one_per_paragraph_are_a_form() -> None:
    paragraphs = [NEWS, "Full name*", "Email address:", "Job title", "Country/Region", "Submit", NEWS]
    assert flagged(find_boilerplate(paragraphs)) == [1, 2, 3, 4, 5]


def test_one_field_word_alone_is_kept() -> None:
    paragraphs = [NEWS, "Company", NEWS, "Job title", NEWS]
    assert find_boilerplate(paragraphs) == [None] * 5


def test_news_before_a_form_is_not_its_pitch() -> None:
    """Only a short paragraph that opens with a call to action is the form's pitch; the news above stays."""
    paragraphs = [NEWS, "First name\nLast name\nWork email", NEWS]
    assert flagged(find_boilerplate(paragraphs)) == [1]


def test_a_sentence_naming_fields_is_news_not_a_form() -> None:
    text = ("The leaked file held each customer's first name, last name, email address and phone number,"
            " the regulator said.")
    assert find_boilerplate([NEWS, text, NEWS]) == [None, None, None]


def test_share_buttons_one_per_line_are_a_share_prompt() -> None:
    paragraphs = [NEWS, "Share this article", "Facebook", "X", "LinkedIn", "Email", NEWS]
    assert find_boilerplate(paragraphs) == [None] + ["share prompt"] * 5 + [None]
    assert find_boilerplate([NEWS, "Reddit", "Pinterest", NEWS]) == [None, "share prompt", "share prompt", None]


def test_one_network_name_alone_is_kept() -> None:
    """'X' or 'Threads' on its own line may be a heading or a quote's subject: a widget needs two."""
    assert find_boilerplate([NEWS, "Threads", NEWS]) == [None, None, None]


def test_the_call_to_action_above_a_newsletter_box_goes_with_it() -> None:
    story = ["Harbourside business owners are bracing for a $9.50 daily congestion charge after the council"
             " approved it late Tuesday.",
             "The Harbourside business association, which represents 1,100 firms, lobbied against the charge.",
             "Freight operators could come out ahead if the charge cuts the hours their trucks spend idling."]
    box = ["Sign up for The Morning Ledger", "Harbourside business news in five minutes, every weekday before 7 a.m.",
           "Enter your email", "Subscribe",
           "By subscribing you agree to our Terms of Use and Privacy Policy. You can unsubscribe at any time."]
    assert flagged(find_boilerplate(story[:2] + box + story[2:])) == [2, 3, 4, 5, 6]


def test_news_above_a_newsletter_box_stays() -> None:
    paragraphs = [NEWS, "The ferry will resume sailings on Friday, the operator said.", "Enter your email",
                  "Subscribe", "By subscribing you agree to our Terms of Use and Privacy Policy.", NEWS]
    assert flagged(find_boilerplate(paragraphs))[0] >= 2


def test_a_news_sentence_opening_with_a_verb_is_no_pitch_for_the_form_after_it() -> None:
    """'Support for a ban has fallen.' opens with a call-to-action verb but is a sentence, not a heading."""
    paragraphs = ["Hunt ban support is in decline", "Support for a ban on hunting has fallen in six years, a poll says.",
                  "Download our free 2025 sector report today.", "First name\nLast name\nWork email", NEWS]
    assert find_boilerplate(paragraphs)[:2] == [None, None]
