"""Asking whether withdrawals are tax free after five years and 59½ asks about qualified
distributions and the five-year rule, not only about the tax due."""

import pytest

from nlu.reader import read

FIVE_YEARS_AND_59 = [
    "If it stays in the plan five years and I am over 59½, are the withdrawals tax free?",
    "Once the Roth has been held for 5 years and I'm past 59 1/2, is the money tax-free "
    "when I take it out?",
    "If I leave the converted money there five years and I'm over 59.5, will distributions "
    "be tax free?",
    "When I'm older than 59 and a half and the account has been open 5 years, is it all tax-free?",
]


@pytest.mark.parametrize("text", FIVE_YEARS_AND_59)
def test_five_years_and_59_half_asks_about_qualified_distributions(text: str) -> None:
    intents = read(text).intents
    assert "qualified_distribution" in intents
    assert "five_year_rule" in intents


@pytest.mark.parametrize(
    "text",
    [
        "Will the earnings be tax free if I wait until 59½?",
        "Over 59½, are my withdrawals tax free?",
        "Is the money tax-free when I take it out?",
    ],
)
def test_tax_free_at_59_half_asks_about_qualified_distributions(text: str) -> None:
    assert "qualified_distribution" in read(text).intents


@pytest.mark.parametrize(
    "text",
    [
        "I left my employer five years ago.",
        "I have been working there 5 years.",
        "I kept my old 401k for five years after I quit.",
    ],
)
def test_five_years_of_something_else_is_not_the_five_year_rule(text: str) -> None:
    assert "five_year_rule" not in read(text).intents


@pytest.mark.parametrize(
    "text",
    ["I am over 59 and want a tax-free rollover.", "Is a tax-free conversion possible after 59½?"],
)
def test_a_tax_free_rollover_or_conversion_is_not_a_withdrawal(text: str) -> None:
    assert "qualified_distribution" not in read(text).intents
