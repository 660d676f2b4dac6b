"""Worked examples of tax-rules.md sections 1-11 that the vectors do not already cover."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest

from knowledge.limits import after_tax_room
from knowledge.params import param
from knowledge.result import CalcResult
from knowledge.tax import bracket_tax
from knowledge.withdrawals import Conversion, drac_withdrawal


@pytest.fixture
def forum_2026(forum: dict[str, Any]) -> dict[str, Any]:
    """The section 11 question with a plan that allows in-service withdrawals."""
    return {**forum, "plan_allows_in_service": True}


# -- section 11: the forum answer, both options -----------------------------------


def test_s11_forum_table_option_a_and_b(calc, forum_2026):
    result = calc(**forum_2026)
    a, b = result.scenario("split_rollover"), result.scenario("all_to_roth_ira")
    assert (a.taxable_income, a.federal_tax, a.penalty, a.withholding) == (0, 0, 0, 0)
    assert (b.taxable_income, b.federal_tax, b.penalty, b.withholding) == (10000, 2400, 0, 0)
    assert (a.to_roth_ira, a.to_traditional_ira) == (30000, 10000)
    assert (b.to_roth_ira, b.to_traditional_ira) == (40000, 0)
    assert result.scenario("cash_out").withholding == 2000


def test_s11_recapture_exposure_of_option_b_is_up_to_1000_in_2026_to_2030(calc, forum_2026):
    windows = calc(**forum_2026).clocks["conversion_recapture"]
    option_b = next(w for w in windows if w["scenario"] == "all_to_roth_ira")
    assert option_b["max_recapture"] == 1000
    assert (option_b["from"], option_b["through"]) == (date(2026, 1, 1), date(2030, 12, 31))
    assert not any(w["scenario"] == "split_rollover" for w in windows)


def test_s11_new_roth_ira_clock_starts_jan_1_2026_and_qualifies_at_the_later_of_2031_and_59_half(
    calc,
    forum_2026,
):
    clocks = calc(**forum_2026).clocks
    assert clocks["roth_ira_five_year"]["starts"] == date(2026, 1, 1)
    assert clocks["roth_ira_five_year"]["five_years_met_on"] == date(2031, 1, 1)
    qualified = clocks["roth_ira_qualified_from"]
    assert qualified["earliest"] == max(date(2031, 1, 1), date(2034, 5, 28))
    assert qualified["latest"] == date(2035, 5, 27)


def test_s11_f1_irr_of_a_20000_subaccount(calc):
    s = calc(
        after_tax_total=20000,
        after_tax_contributions=10000,
        after_tax_separately_accounted=True,
        plan_allows_in_plan_conversion=True,
        marginal_rate="0.24",
        year=2026,
    ).scenario("in_plan_conversion")
    assert (s.taxable_income, s.federal_tax, s.penalty, s.withholding) == (10000, 2400, 0, 0)


@pytest.mark.parametrize(
    ("exception", "additional"), [(False, 250), (True, 0)], ids=["before-55", "separated-at-55"]
)
def test_s11_f2_nonqualified_drac_withdrawal_is_pro_rata(exception, additional):
    tax = drac_withdrawal(
        balance=D(20000),
        basis=D(10000),
        conversions=[Conversion(2030, D(0), D(10000))],
        amount=D(5000),
        year=2031,
        qualified=False,
        exception_applies=exception,
        rate=D("0.10"),
    )
    assert (tax.income, tax.additional_tax) == (2500, additional)


# -- section 4.1: the Roth IRA clock counts from the year the contribution is FOR ----


def test_s4_1_a_2025_contribution_made_in_2026_starts_the_clock_in_2025(calc, forum_2026):
    result = calc(
        **{**forum_2026, "has_roth_ira": True, "roth_ira_first_year": 2025},
    )
    clock = result.clocks["roth_ira_five_year"]
    assert (clock["starts"], clock["five_years_met_on"]) == (date(2025, 1, 1), date(2030, 1, 1))


def test_s4_1_an_existing_roth_ira_of_unknown_age_asks_for_the_year(calc, forum_2026):
    result = calc(**{**forum_2026, "has_roth_ira": True})
    assert result.clocks["roth_ira_five_year"]["starts"] is None
    assert "roth_ira_first_year" in result.missing


# -- section 8.3: bracket worked examples, and the increment through the engine -------


@pytest.mark.parametrize(
    ("status", "year", "taxable", "tax"),
    [
        pytest.param("single", 2025, 100000, D("16914.00"), id="2025-single-100000"),
        pytest.param("mfj", 2024, 200000, D("34106"), id="2024-mfj-200000"),
        pytest.param("mfj", 2026, 217800, D("37468"), id="2026-mfj-wages-250000"),
    ],
)
def test_s8_3_bracket_examples(status, year, taxable, tax):
    assert bracket_tax(D(taxable), param(f"gov.irs.income.brackets.{status}", year)) == tax


def rollover_of_10000(calc: Callable[..., CalcResult], income: int, status: str) -> CalcResult:
    """The engine on $10,000 of taxable rollover (40,000 subaccount, 30,000 basis), 2026."""
    return calc(
        after_tax_total=40000,
        after_tax_contributions=30000,
        income=income,
        filing_status=status,
        year=2026,
    )


@pytest.mark.parametrize(
    ("status", "income", "tax"),
    [
        # 217,800 -> 227,800, all inside the 24% band
        pytest.param("mfj", 250000, 2400, id="mfj-inside-the-24-band"),
        # taxable 93,900 -> 103,900: all inside the 2026 single 22% band (50,400-105,700)
        pytest.param("single", 110000, 2200, id="single-inside-the-22-band"),
        # taxable 100,000 -> 110,000: 5,700 at 22% + 4,300 at 24% = 1,254 + 1,032
        pytest.param("single", 116100, 2286, id="single-crossing-into-24"),
        # taxable 95,700 -> 105,700: the last dollar is the 22% band's last
        pytest.param("single", 111800, 2200, id="single-ending-on-the-24-edge"),
        # 16,100 deduction: 6,000 of the 10,000 is covered; 4,000 at 10%
        pytest.param("single", 10100, 400, id="s8_2-deduction-absorbs-part"),
    ],
)
def test_s8_3_the_rollover_is_taxed_at_the_rates_of_the_bands_it_lands_in(
    calc, status, income, tax
):
    assert rollover_of_10000(calc, income, status).scenario("all_to_roth_ira").federal_tax == tax


def test_s8_3_income_and_filing_status_give_the_increment_after_the_standard_deduction(calc):
    result = rollover_of_10000(calc, 250000, "mfj")
    assert any("standard deduction" in a for a in result.assumptions)
    assert {"irc_1_j", "irc_63_c"} <= set(result.rules)


def test_s8_3_an_amount_ending_on_a_band_edge_reaches_only_the_lower_rate(calc):
    steps = rollover_of_10000(calc, 111800, "single").scenario("all_to_roth_ira").steps
    assert any("top rate reached 22%" in step.text for step in steps)


# -- section 9: mega-backdoor examples not among the vectors ----------------------


def test_s9_age_61_in_2026_uses_the_higher_catch_up_outside_415c(calc):
    result = calc(year=2026, age=61, employee_deferral=35750, employer_contribution=15000)
    assert result.limits["after_tax_room"] == 32500
    assert result.limits["catch_up_limit"] == 11250


def test_s9_pay_below_the_415c_dollar_limit_caps_the_room():
    room = after_tax_room(
        annual_additions_limit=D(72000),
        elective_deferral_limit=D(24500),
        employee_deferral=D(20000),
        employer_contribution=D(3000),
        catch_up_allowed=D(0),
        compensation=D(60000),
    )
    assert room.room == 37000


def test_s9_the_engine_does_not_use_household_income_as_pay_and_says_so(calc):
    result = calc(
        year=2026,
        age=45,
        employee_deferral=20000,
        employer_contribution=3000,
        income=60000,
        filing_status="single",
    )
    assert result.limits["after_tax_room"] == 72000 - 20000 - 3000
    assert any("100% of your pay" in a for a in result.assumptions)


def test_s9_planned_after_tax_contributions_above_the_room_are_warned(calc):
    result = calc(
        year=2026,
        age=45,
        employee_deferral=24500,
        employer_contribution=12000,
        annual_after_tax_contribution=40000,
    )
    assert any("more than the $35,500" in w for w in result.warnings)


# -- section 7: conversions have no income limit ----------------------------------


def test_s7_conversions_have_no_income_limit(calc):
    result = calc(year=2026, age=51, income=900000, filing_status="single")
    assert result.limits["roth_ira_contribution_limit"] == 0
    assert result.limits["conversion_income_limit"] is None
    assert any("no income limit" in n for n in result.limits["notes"])


# -- section 10: RMD applicable age -------------------------------------------------


@pytest.mark.parametrize(
    ("today", "age", "expected"),
    [
        pytest.param(date(2026, 6, 1), 70, [73], id="born-1955-or-1956"),
        pytest.param(date(2026, 6, 1), 66, [73, 75], id="born-1959-or-1960-ambiguous"),
        pytest.param(date(2026, 6, 1), 51, [75], id="born-1974-or-1975"),
    ],
)
def test_s10_rmd_applicable_age(calc, today, age, expected):
    rmd = calc(today=today, age=age).clocks["rmd"]
    assert rmd["possible_ages"] == expected
    assert rmd["applicable_age"] == (expected[0] if len(expected) == 1 else None)


# -- section 8.1: the Roth catch-up wage test is stated where it matters ------------


@pytest.mark.parametrize(
    ("year", "phrase"),
    [(2026, "in 2025 were above $150,000"), (2025, "not enforced in 2025")],
)
def test_s8_1_roth_catch_up_rule_is_explained_for_catch_up_ages(calc, year, phrase):
    notes = calc(year=year, age=55).limits["notes"]
    assert any(phrase in n for n in notes)
    assert not any("catch-up" in n for n in calc(year=year, age=40).limits["notes"])


# -- section 2.3: the 60-day route rolls pretax first ----------------------------------


def test_s2_3_cash_out_explains_that_a_60_day_rollover_is_pretax_first(calc, forum_2026):
    s = calc(**forum_2026).scenario("cash_out")
    assert any("pretax first" in c and "$10,000" in c for c in s.conditions)


@pytest.mark.parametrize(
    ("age", "recapture", "warns_in_conditions"),
    [(59, 1000, True), (60, 0, False), (None, 1000, True)],
    ids=["59-may-be-under-59-and-half", "60-past-59-and-half", "age-unknown"],
)
def test_s4_3_recapture_exposure_ends_at_59_and_half(
    calc, forum_2026, age, recapture, warns_in_conditions
):
    result = calc(**{**forum_2026, "age": age, "retire_age": None})
    window = next(
        w for w in result.clocks["conversion_recapture"] if w["scenario"] == "all_to_roth_ira"
    )
    assert window["max_recapture"] == recapture
    conditions = result.scenario("all_to_roth_ira").conditions
    assert any("before 59½" in c for c in conditions) is warns_in_conditions
