"""A line label may name the plan that holds the money: "after-tax contributions to my
401k: $10,000". The plan is where the money sits, not what the amount is, so the label
still gives the amount its role."""

import pytest

from nlu.reader import read


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("after-tax contributions to my 401k: $10,000 so far", "after_tax_contributions", 10000),
        ("After-tax contributions to my 401(k): $10,000 so far", "after_tax_contributions", 10000),
        ("Post-tax contributions in the plan: 12k", "after_tax_contributions", 12000),
        ("After-tax money in my 403b: $8,500", "after_tax_total", 8500),
        ("Basis in my 401k: $20,000", "after_tax_contributions", 20000),
        ("Earnings on the after-tax in my 401k: $3,100", "after_tax_earnings", 3100),
    ],
)
def test_a_label_ending_in_the_plan_that_holds_the_money_keeps_its_role(
    text: str, key: str, value: int
) -> None:
    assert read(text).facts.get(key) == value


@pytest.mark.parametrize(
    "text",
    ["Balance of my 401k: $90,000", "Total in the plan: $90,000", "My 401k: $90,000"],
)
def test_a_label_that_only_names_the_plan_gives_no_after_tax_fact(text: str) -> None:
    facts = read(text).facts
    assert not {"after_tax_contributions", "after_tax_total", "after_tax_earnings"} & set(facts)


def test_a_label_naming_two_kinds_of_money_stays_unread() -> None:
    facts = read("Pre-tax and after-tax contributions in my 401k: $50,000").facts
    assert "after_tax_contributions" not in facts
    assert "pretax_balance" not in facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("Employee After-Tax: $12,345.67", {"after_tax_total": 12345.67}),
        ("Employee Pre-Tax: $143,221.09", {"pretax_balance": 143221.09}),
    ],
)
def test_a_record_keepers_employee_source_label(text: str, facts: dict) -> None:
    # statements name sources "Employee After-Tax", "Employee Pre-Tax"
    assert read(text).facts == facts
