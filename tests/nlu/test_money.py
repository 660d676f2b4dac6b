"""Amounts of money in every form people write them (nlu.money)."""

from decimal import Decimal

import pytest

from nlu.money import find_amounts, words_to_number
from nlu.pipeline import build


def one_amount(text: str) -> Decimal:
    amounts = find_amounts(text)
    assert len(amounts) == 1, amounts
    return amounts[0].value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$40K", 40_000),
        ("40k", 40_000),
        ("40,000", 40_000),
        ("$40,000.00", 40_000),
        ("1.2M", 1_200_000),
        ("$1.2 million", 1_200_000),
        ("$1MM", 1_000_000),
        ("forty thousand", 40_000),
        ("forty-five thousand dollars", 45_000),
        ("two hundred fifty thousand", 250_000),
        ("a hundred grand", 100_000),
        ("half a million", 500_000),
        ("40 grand", 40_000),
        ("$17.5k", 17_500),
        ("$.01", Decimal("0.01")),
        ("$314,536.42", Decimal("314536.42")),
        ("USD 40,000", 40_000),
        ("40000", 40_000),
        ("$5500", 5_500),
        # "k" may stand apart from its number (the whole expression is the evidence)
        ("$40 k", 40_000),
        ("40 K", 40_000),
        ("1.2 k", 1_200),
    ],
)
def test_money_forms(text: str, value: Decimal) -> None:
    assert one_amount(text) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("30-35k", 30_000, 35_000),
        ("40K-50K", 40_000, 50_000),
        ("$30k to $35k", 30_000, 35_000),
        ("10,000-12,000", 10_000, 12_000),
        ("30 k - 35 k", 30_000, 35_000),
        ("between 40 and 45k", 40_000, 45_000),
        ("between $40,000 and $45,000", 40_000, 45_000),
    ],
)
def test_narrow_ranges_use_the_midpoint(text: str, low: int, high: int) -> None:
    (amount,) = find_amounts(text)
    assert (amount.low, amount.high) == (low, high)
    assert amount.value == Decimal(low + high) / 2
    assert amount.approximate


def test_wide_range_is_too_vague_to_be_a_fact() -> None:
    assert find_amounts("somewhere between 30-100k") == []
    assert find_amounts("between 30 and 100k") == []


def test_and_joins_a_range_only_after_between() -> None:
    assert [a.value for a in find_amounts("40k and 45k")] == [40_000, 45_000]


@pytest.mark.parametrize("text", ["about 40,000", "roughly $40k", "~$40k", "approximately 40k"])
def test_approximations_are_flagged_and_kept_in_the_span(text: str) -> None:
    (amount,) = find_amounts(text)
    assert amount.value == 40_000
    assert amount.approximate
    assert text[amount.start : amount.end] == text


@pytest.mark.parametrize(
    "text",
    [
        "my 401k",
        "a 401(k) plan",
        "my 403b and 457b",
        "my 401 k",  # a plan, however spaced
        "I am 40 M",  # a lone "m" is as often "male" as million
        "40 km",
        # a point grouping thousands, as much of Europe writes them: $40,000 or $40? ask
        "$40.000",
        "$1.500 after tax",
        "Form 5498",
        "IRS Notice 2014-54",
        "in 2010",
        "I am 51",
        "59.5",
        "1e308",
        "24%",
        "https://example.com/?p=20896",
        "Box 5",
        "rule of 55",
    ],
)
def test_things_that_are_not_money(text: str) -> None:
    assert find_amounts(text) == []


def test_an_amount_followed_by_a_plan_name_is_not_a_range() -> None:
    (amount,) = find_amounts("I moved $10,000 to 401k")
    assert amount.value == 10_000


def test_bare_small_numbers_only_when_asked_for() -> None:
    assert find_amounts("500") == []
    assert [a.value for a in find_amounts("500", bare_ok=True)] == [500]


@pytest.mark.parametrize(
    ("words", "number"),
    [("forty", 40), ("forty-five", 45), ("two hundred fifty", 250), ("a hundred", 100)],
)
def test_number_words(words: str, number: int) -> None:
    assert words_to_number(words) == number


@pytest.mark.parametrize("text", ["$40K", "40K-50K", "30-35k", "$1.2 million", "$40,000.00"])
def test_money_spans_cover_the_whole_expression_despite_the_tokenizer(text: str) -> None:
    # the blank tokenizer splits "40K-50K" into "40K-50" + "K" and "$40K" into three
    # tokens; the money span must still cover all of it
    doc = build()(f"I have {text} after-tax.")
    (span,) = doc.spans["money"]
    assert span.text == text


@pytest.mark.parametrize("text", ["10000000000000000000000000000", "$99999999999999999999k"])
def test_absurdly_long_numbers_are_not_money(text: str) -> None:
    assert find_amounts(text) == []
