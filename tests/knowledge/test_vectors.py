"""The 25 test vectors of tax-rules.md section 12, one parametrized table per topic.

Each row names the vector number and what it checks; the numbers are the document's.
"""

from __future__ import annotations

import re
from decimal import Decimal as D
from pathlib import Path

import pytest

from knowledge.limits import roth_catch_up_required
from knowledge.params import param
from knowledge.prorata import basis_in_distribution
from knowledge.tax import bracket_tax, tax_increment
from knowledge.withdrawals import (
    Conversion,
    drac_rollover_to_roth_ira,
    drac_withdrawal,
    five_taxable_years,
    roth_ira_withdrawal,
)

FORUM = {
    "after_tax_contributions": 30000,
    "after_tax_earnings": 10000,
    "after_tax_separately_accounted": True,
    "marginal_rate": "0.24",
    "year": 2026,
    "age": 51,
    "still_employed": True,
    "plan_allows_in_service": True,
    "plan_allows_in_plan_conversion": True,
}
TEN_PCT = D("0.10")


# -- 1-4: pro-rata and Notice 2014-54 assignment ------------------------------------


def test_v01_pro_rata_partial_distribution_carries_basis_in_proportion():
    split = basis_in_distribution(D(50000), D(20000), D(100000))
    assert (split.nontaxable, split.pretax) == (D(10000), D(40000))


def test_v02_after_leaving_the_pretax_goes_to_the_traditional_ira_and_basis_to_roth(calc):
    """$100,000 plan, $80,000 pretax and $20,000 after-tax: after separation one
    distribution with the pretax rolled directly to a traditional IRA leaves the whole
    $20,000 of after-tax money as basis to roll to a Roth IRA, nothing taxable."""
    s = calc(
        age=50,
        still_employed=False,
        after_tax_contributions=20000,
        after_tax_earnings=0,
        pretax_balance=80000,
        marginal_rate="0.24",
    ).scenario("split_rollover")
    assert (s.to_roth_ira, s.taxable_income, s.withholding) == (20000, 0, 0)


# Vectors the engine does not cost: a split into a direct rollover plus cash (3, 4) is
# not one of its scenarios, and later withdrawals (11, 14-16) are worked by
# knowledge.withdrawals, which no reply uses yet.
NOT_A_SCENARIO = {3, 4}


# -- 5-10: the forum's options through the engine ----------------------------------


def test_v05_forum_option_a_split_is_not_taxable(calc):
    s = calc(**FORUM).scenario("split_rollover")
    assert (s.to_roth_ira, s.to_traditional_ira) == (30000, 10000)
    assert (s.taxable_income, s.federal_tax, s.penalty) == (0, 0, 0)
    assert "notice_2014_54" in s.citations


def test_v06_forum_option_b_all_to_roth_taxes_the_earnings_without_the_10_percent(calc):
    s = calc(**FORUM).scenario("all_to_roth_ira")
    assert (s.to_roth_ira, s.taxable_income, s.federal_tax, s.penalty) == (40000, 10000, 2400, 0)
    assert "irc_408a_d_3_a" in s.citations


def test_v07_without_separate_contract_basis_is_diluted_over_the_whole_plan(calc):
    facts = {**FORUM, "after_tax_separately_accounted": False, "pretax_balance": 460000}
    result = calc(**facts)
    split = result.scenario("split_rollover")
    assert (split.to_roth_ira, split.to_traditional_ira, split.taxable_income) == (2400, 37600, 0)
    all_roth = result.scenario("all_to_roth_ira")
    assert (all_roth.taxable_income, all_roth.federal_tax) == (37600, 9024)
    assert all_roth.steps[0].rule == "irc_72_e_8"


def test_v08_partial_distribution_of_a_separate_subaccount_is_pro_rata_within_it():
    split = basis_in_distribution(D(20000), D(30000), D(40000))
    assert (split.nontaxable, split.pretax) == (D(15000), D(5000))


def test_v09_check_instead_of_direct_rollover_withholds_20_percent_of_the_taxable_part(calc):
    s = calc(**FORUM).scenario("cash_out")
    assert s.withholding == 2000
    assert s.cash - s.withholding == 38000


def test_v10_in_plan_conversion_taxes_earnings_without_10_percent_or_withholding(calc):
    s = calc(**FORUM).scenario("in_plan_conversion")
    assert (s.to_roth_401k, s.taxable_income, s.penalty, s.withholding) == (40000, 10000, 0, 0)


# -- 11-17: later withdrawals, clocks and exceptions --------------------------------


@pytest.mark.parametrize(
    ("age_59_half_or_other_exception", "recapture"),
    [
        pytest.param(False, 1000, id="v11-separated-at-53-recapture"),
        pytest.param(True, 0, id="v11-same-at-60-no-recapture"),
    ],
)
def test_v11_irr_recapture_when_whole_drac_is_taken_within_five_years(
    age_59_half_or_other_exception, recapture
):
    tax = drac_withdrawal(
        balance=D(40000),
        basis=D(40000),
        conversions=[Conversion(2026, D(10000), D(30000))],
        amount=D(40000),
        year=2028,
        qualified=False,
        exception_applies=age_59_half_or_other_exception,
        rate=TEN_PCT,
    )
    assert tax.income == 0
    assert tax.additional_tax == recapture


def test_v12_first_designated_roth_deferral_in_december_starts_the_period_that_january(calc):
    first, last = five_taxable_years(2026)
    assert (first, last) == (2026, 2030)
    result = calc(**{**FORUM, "year": 2026})
    clock = result.clocks["roth_401k_five_year"]
    assert clock["five_years_met_on"].isoformat() == "2031-01-01"


def test_v13_drac_years_do_not_carry_into_a_first_roth_ira(calc):
    result = calc(**{**FORUM, "has_roth_ira": False, "roth_401k_balance": 80000})
    clock = result.clocks["roth_ira_five_year"]
    assert clock["starts"].isoformat() == "2026-01-01"
    assert clock["five_years_met_on"].isoformat() == "2031-01-01"
    assert "reg_1_408a_10" in result.rules


@pytest.mark.parametrize(
    ("qualified", "regular", "earnings"),
    [
        pytest.param(False, 40000, 10000, id="v14-nonqualified-basis-becomes-regular"),
        pytest.param(True, 50000, 0, id="v14-qualified-is-all-regular"),
    ],
)
def test_v14_drac_rollover_to_roth_ira_layers(qualified, regular, earnings):
    landed = drac_rollover_to_roth_ira(D(50000), D(40000), qualified=qualified)
    assert (landed.regular_contributions, landed.earnings) == (regular, earnings)


@pytest.mark.parametrize(
    ("vector", "conversion", "earnings", "amount", "year", "income", "additional"),
    [
        pytest.param(
            15,
            Conversion(2026, D(10000), D(30000)),
            0,
            12000,
            2028,
            0,
            1000,
            id="v15-taxable-conversion-first-recaptured",
        ),
        pytest.param(
            16,
            Conversion(2026, D(0), D(30000)),
            15000,
            35000,
            2029,
            5000,
            500,
            id="v16-basis-then-earnings-taxed-and-penalised",
        ),
    ],
)
def test_v15_v16_roth_ira_ordering_rules(
    vector, conversion, earnings, amount, year, income, additional
):
    tax = roth_ira_withdrawal(
        regular=D(0),
        conversions=[conversion],
        earnings=D(earnings),
        amount=D(amount),
        year=year,
        qualified=False,
        exception_applies=False,
        rate=TEN_PCT,
    )
    assert (tax.income, tax.additional_tax) == (income, additional)


@pytest.mark.parametrize(
    ("separated_from_service_age", "penalty"),
    [
        pytest.param(55, 0, id="v17-from-the-401k-after-separating-in-year-of-55"),
        pytest.param(53, 1000, id="v17-separated-too-early"),
    ],
)
def test_v17_age_55_exception_for_plan_money(calc, separated_from_service_age, penalty):
    result = calc(
        age=56,
        still_employed=False,
        separated_from_service_age=separated_from_service_age,
        after_tax_total=10000,
        after_tax_contributions=0,
        after_tax_separately_accounted=True,
        marginal_rate="0.24",
    )
    assert result.scenario("cash_out").penalty == penalty


def test_v17_the_same_money_rolled_to_an_ira_first_loses_the_exception(calc):
    """72(t)(3)(A): the separation exception covers plan money only, and the reply says so
    where it removes the 10%."""
    result = calc(
        age=56,
        still_employed=False,
        separated_from_service_age=55,
        after_tax_total=10000,
        after_tax_contributions=0,
        after_tax_separately_accounted=True,
        marginal_rate="0.24",
    )
    assert any("IRA first" in c for c in result.scenario("cash_out").conditions)


# -- 18-22: contribution limits ----------------------------------------------------


@pytest.mark.parametrize(
    ("year", "age", "magi", "allowed"),
    [
        pytest.param(2026, 51, 160500, 4300, id="v18-half-way-through-2026-range-with-catch-up"),
        pytest.param(2024, 40, 160000, 470, id="v19-rounds-up-to-next-10"),
        pytest.param(2026, 40, 167800, 200, id="v20-200-dollar-floor"),
    ],
)
def test_v18_to_v20_roth_ira_phase_out(calc, year, age, magi, allowed):
    result = calc(year=year, age=age, income=magi, filing_status="single")
    assert result.limits["roth_ira_contribution_limit"] == allowed
    assert {"irc_408a_c_3", "reg_1_408a_3_a3b"} <= set(result.rules)


@pytest.mark.parametrize(
    ("year", "age", "deferral", "employer", "room", "total"),
    [
        pytest.param(2026, 45, 24500, 12000, 35500, 72000, id="v21-2026-age-45"),
        pytest.param(2025, 52, 31000, 10000, 36500, 77500, id="v22-catch-up-outside-415c"),
    ],
)
def test_v21_v22_mega_backdoor_room(calc, year, age, deferral, employer, room, total):
    result = calc(year=year, age=age, employee_deferral=deferral, employer_contribution=employer)
    assert result.limits["after_tax_room"] == room
    assert result.limits["total_in_plan"] == total


# -- 23-25: brackets and the Roth catch-up wage test --------------------------------


def test_v23_2026_single_tax_on_100000():
    assert bracket_tax(D(100000), param("gov.irs.income.brackets.single", 2026)) == 16712


def test_v24_conversion_inside_the_24_percent_band_costs_24_percent():
    brackets = param("gov.irs.income.brackets.single", 2026)
    assert tax_increment(D(150000), D(10000), brackets) == 2400


@pytest.mark.parametrize(
    ("wages", "must_be_roth"),
    [
        pytest.param(160000, True, id="v25-above-150000"),
        pytest.param(148000, False, id="v25-below-150000"),
    ],
)
def test_v25_roth_catch_up_wage_test_2026(wages, must_be_roth):
    rule = param("gov.irs.retirement.catch_up.roth_wage_threshold", 2026)
    assert param("gov.irs.retirement.catch_up.age_50", 2026) == 8000
    assert roth_catch_up_required(D(wages), rule["threshold"], rule["enforced"]) is must_be_roth


def test_every_vector_in_tax_rules_md_has_a_test(tax_rules_text):
    section = tax_rules_text.split("## 12.", 1)[1].split("## 13.", 1)[0]
    numbers = {int(n) for n in re.findall(r"^(\d+)\. ", section, flags=re.M)}
    here = Path(__file__).read_text(encoding="utf-8")
    tested = {int(n) for n in re.findall(r"test_v(\d\d)", here)}
    tested |= {int(n) for n in re.findall(r"id=\"v(\d\d)-", here)}
    ranges = re.findall(r"test_v(\d\d)_to_v(\d\d)", here)
    for low, high in ranges:
        tested |= set(range(int(low), int(high) + 1))
    assert numbers == set(range(1, 26))
    assert numbers <= tested | NOT_A_SCENARIO
