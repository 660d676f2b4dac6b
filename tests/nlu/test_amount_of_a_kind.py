""" "$10,000 of after-tax contributions": the noun after "of" (or "in", "worth of") says
what the sum is, even after a verb such as "made" that would otherwise read as income.
An age attached to the contributing ("at 55", "when I was 55") is not the asker's age."""

import pytest

from nlu.reader import read


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I made $10,000 of after-tax contributions to my 401k.", "after_tax_contributions", 10000),
        ("We earned 8k in after-tax contributions.", "after_tax_contributions", 8000),
        ("I put $12,000 worth of after-tax contributions in", "after_tax_contributions", 12000),
        ("She made $3,000 of after-tax earnings on it.", "after_tax_earnings", 3000),
    ],
)
def test_the_noun_after_of_names_the_sum(text: str, key: str, value: int) -> None:
    facts = read(text).facts
    assert facts.get(key) == value
    assert "income" not in facts


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("I made $150k last year and have 20k in basis.", 150000),
        ("I make $200,000 of salary.", 200000),
        ("We earn $180,000 a year.", 180000),
    ],
)
def test_income_verbs_still_give_income(text: str, income: int) -> None:
    assert read(text).facts.get("income") == income


@pytest.mark.parametrize(
    "text",
    [
        "I made $10,000 of after-tax contributions to my 401k and want to convert at 55",
        "I made $10,000 of after-tax contributions at 55",
        "I made $10,000 of after-tax contributions when I was 55",
        "I made $10,000 of after-tax contributions starting at 55",
    ],
)
def test_an_age_tied_to_contributing_is_not_the_askers_age(text: str) -> None:
    facts = read(text).facts
    assert facts.get("after_tax_contributions") == 10000
    assert "age" not in facts


def test_an_age_presented_as_the_askers_own_is_kept() -> None:
    facts = read("I'm 55 and made $10,000 of after-tax contributions.").facts
    assert facts.get("age") == 55
    assert facts.get("after_tax_contributions") == 10000


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("52, single, making 230k.", 230000),
        ("Does the mega backdoor make sense at 26 making $95,000?", 95000),
    ],
)
def test_making_an_amount_is_income(text: str, income: int) -> None:
    assert read(text).facts.get("income") == income


def test_making_a_rollover_is_no_income() -> None:
    assert "income" not in read("I'm making a 10k rollover to my Roth IRA.").facts
