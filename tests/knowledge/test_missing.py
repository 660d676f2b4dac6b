"""``missing``: the facts whose absence changes the answer, most decision-changing first."""

from __future__ import annotations

import pytest

from knowledge.missing import PRIORITY, order_missing


def test_order_follows_the_priority_and_drops_duplicates():
    assert order_missing(["age", "marginal_rate", "after_tax_contributions", "age"]) == (
        "after_tax_contributions",
        "marginal_rate",
        "age",
    )


def test_unlisted_keys_sort_after_listed_ones_alphabetically():
    assert order_missing(["year", "provider", "age"]) == ("age", "provider", "year")


def test_priority_names_only_real_facts():
    from knowledge.facts import Facts

    assert set(PRIORITY) <= set(Facts.keys())


def test_an_empty_question_asks_for_the_split_first(calc):
    result = calc()
    assert result.missing[:2] == ("after_tax_contributions", "after_tax_earnings")
    assert result.scenario("split_rollover").to_roth_ira is None


def test_forum_question_asks_about_the_plan_before_the_tax_rate(calc):
    result = calc(
        age=51,
        retire_age=55,
        after_tax_total=40000,
        after_tax_contributions=30000,
        still_employed=True,
        has_roth_ira=False,
    )
    assert result.missing[:3] == (
        "plan_allows_in_service",
        "after_tax_separately_accounted",
        "marginal_rate",
    )
    assert "still_employed" not in result.missing


@pytest.mark.parametrize(
    ("facts", "asks"),
    [
        pytest.param({}, ["marginal_rate", "income", "filing_status"], id="nothing-known"),
        pytest.param({"income": 120000}, ["marginal_rate", "filing_status"], id="income-only"),
    ],
)
def test_federal_tax_is_null_and_names_the_facts_that_would_give_it(calc, facts, asks):
    result = calc(after_tax_total=40000, after_tax_contributions=30000, **facts)
    assert result.scenario("all_to_roth_ira").federal_tax is None
    assert result.scenario("all_to_roth_ira").taxable_income == 10000
    for key in asks:
        assert key in result.missing
    assert "income" not in result.missing or "income" not in facts


def test_zero_taxable_needs_no_tax_facts(calc):
    result = calc(after_tax_total=30000, after_tax_contributions=30000)
    assert result.scenario("all_to_roth_ira").federal_tax == 0
    assert "marginal_rate" not in result.missing


def test_a_known_split_is_never_asked_for(calc):
    result = calc(after_tax_total=40000, after_tax_earnings=10000)
    assert not {"after_tax_contributions", "after_tax_earnings"} & set(result.missing)
    assert result.scenario("split_rollover").to_roth_ira == 30000
