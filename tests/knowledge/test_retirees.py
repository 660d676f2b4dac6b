"""Federal tax for everyone: 65 and older, blind, a spouse's age, the senior deduction of
2025-2028 and its phase-out, and the smaller rules around a cash-out. Each case runs
through ``calculate``, the path a reply takes; the taxable income comes from a $10,000
rollover to a Roth IRA (a separately accounted subaccount of $40,000, $30,000 basis)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from knowledge.income_tax import Household, income_tax, senior_deduction

ROLL_10000: dict[str, object] = {
    "after_tax_total": 40000,
    "after_tax_contributions": 30000,
    "after_tax_separately_accounted": True,
    "still_employed": False,
}


def tax_of_10000(calc, **facts) -> Decimal:
    return calc(**ROLL_10000, **facts).scenario("all_to_roth_ira").federal_tax


# -- 65 at the end of the year ---------------------------------------------------------


@pytest.mark.parametrize(
    ("birth_date", "tax"),
    [
        # 65 on Jan 1, 2026 means 65 on Dec 31, 2025: taxable income 36,250 -> 46,250,
        # all at 12% (standard 15,750 + 2,000 aged + 6,000 senior).
        pytest.param("1961-01-01", Decimal("1200"), id="born-jan-1-is-65-for-the-year-before"),
        # Born a day later: 44,250 -> 54,250 crosses 48,475 into 22%.
        pytest.param("1961-01-02", Decimal("1777.50"), id="born-jan-2-is-not-65-yet"),
    ],
)
def test_65_on_january_1_counts_for_the_year_before(calc, birth_date, tax):
    assert (
        tax_of_10000(calc, birth_date=birth_date, income=60000, filing_status="single", year=2025)
        == tax
    )


def test_the_senior_deduction_phase_out_makes_the_rollover_cost_more(calc):
    """Single, 70, 2025, MAGI 80,000 -> 90,000: the senior deduction falls from 5,700 to
    5,100, so 10,600 more is taxed at 22% (2,332), not 10,000 (2,200)."""
    result = calc(**ROLL_10000, age=70, income=80000, filing_status="single", year=2025)
    scenario = result.scenario("all_to_roth_ira")
    assert scenario.federal_tax == Decimal("2332")
    assert "irc_151_d_5" in result.rules
    assert any("Senior deduction $5,700 before and $5,100 after" in s.text for s in scenario.steps)


def test_the_senior_deduction_does_not_exist_in_2024(calc):
    """2024: only the additional 1,950. 60,000 - 14,600 - 1,950 = 43,450 -> 53,450: 3,700
    at 12% and 6,300 at 22% (47,150)."""
    result = calc(**ROLL_10000, age=70, income=60000, filing_status="single", year=2024)
    assert result.scenario("all_to_roth_ira").federal_tax == Decimal("1830")
    assert "irc_151_d_5" not in result.rules


@pytest.mark.parametrize(
    ("status", "magi", "aged", "expected"),
    [
        ("single", 75000, 1, 6000),
        ("single", 175000, 1, 0),
        ("mfj", 150000, 2, 12000),
        ("mfj", 200000, 2, 6000),  # each 6,000 less 6% of 50,000
        ("mfj", 250000, 2, 0),
        ("mfs", 50000, 1, 0),  # married: only on a joint return
        ("hoh", 100000, 1, 4500),
    ],
)
def test_senior_deduction_phase_out_edges(status, magi, aged, expected):
    household = Household(status, aged=aged)
    assert senior_deduction(2026, household, Decimal(magi)) == expected


def test_a_joint_return_with_both_65_gets_two_additions_and_two_senior_deductions():
    """2026, MFJ, MAGI 100,000: 32,200 + 2 x 1,650 + 2 x 6,000 = 47,500 of deductions;
    52,500 taxable: 2,480 + 12% x 27,700 = 5,804."""
    assert income_tax(2026, Household("mfj", aged=2), Decimal(100000)) == Decimal("5804")


def test_blindness_adds_the_additional_amount(calc):
    sighted = tax_of_10000(calc, age=40, income=56000, filing_status="single", year=2026)
    blind = tax_of_10000(calc, age=40, income=56000, filing_status="single", year=2026, blind=True)
    # 39,900 -> 49,900 at 12%, against 37,850 -> 47,850 (the $2,050 addition): both 12%
    # below 50,400, so the same; at 60,000 the addition moves $2,050 from 22% to 12%.
    assert sighted == blind == 1200
    at_60k = tax_of_10000(calc, age=40, income=60000, filing_status="single", year=2026)
    blind_60k = tax_of_10000(
        calc, age=40, income=60000, filing_status="single", year=2026, blind=True
    )
    assert at_60k - blind_60k == Decimal("205")


# -- a spouse's age, and ages the facts leave open ---------------------------------------


def test_a_joint_return_asks_for_the_spouses_age(calc):
    result = calc(**ROLL_10000, age=70, income=150000, filing_status="mfj", year=2026)
    assert "spouse_age" in result.missing
    assert any("your spouse is under 65" in a for a in result.assumptions)


def test_a_spouse_of_66_brings_a_senior_deduction_that_the_rollover_erodes(calc):
    """MFJ 2026, MAGI 150,000 -> 160,000, all in the 22% band. With a spouse of 66 the
    spouse's 6,000 senior deduction shrinks by 600, so 10,600 more is taxed: the same
    rollover costs 2,332 instead of 2,200."""
    younger = tax_of_10000(calc, age=60, spouse_age=60, income=150000, filing_status="mfj")
    older = tax_of_10000(calc, age=60, spouse_age=66, income=150000, filing_status="mfj")
    assert (younger, older) == (2200, 2332)


def test_a_64_year_old_whose_birthday_may_fall_before_year_end_gets_both_figures(calc):
    """Age 64 on 2026-11-27: 65 by Dec 31, 2026 only if born by Jan 1, 1962."""
    result = calc(**ROLL_10000, age=64, income=60000, filing_status="single", year=2026)
    said = [a for a in result.assumptions if "born on or before Jan 1, 1962" in a]
    assert len(said) == 1 and "under 65" in said[0]


def test_an_unknown_age_is_asked_for_when_the_brackets_are_used(calc):
    result = calc(**ROLL_10000, income=60000, filing_status="single", year=2026)
    assert "age" in result.missing


# -- the stated marginal rate is the user's own estimate ---------------------------------


def test_with_income_and_filing_status_the_brackets_win_over_a_stated_rate(calc):
    """Single, 2026, age 40, income 100,000, $150,000 taxable: taxable income 83,900 ->
    233,900 is 21,800 at 22%, 96,075 at 24% and 32,125 at 32%: 38,134. A flat 22% would
    say 33,000; it is shown as the person's own estimate beside the computed figure."""
    facts = {
        "after_tax_total": 200000,
        "after_tax_contributions": 50000,
        "after_tax_separately_accounted": True,
        "still_employed": False,
        "age": 40,
        "income": 100000,
        "filing_status": "single",
        "marginal_rate": "0.22",
        "year": 2026,
    }
    scenario = calc(**facts).scenario("all_to_roth_ira")
    assert scenario.taxable_income == 150000
    assert scenario.federal_tax == 38134
    assert any(
        "your own estimate of a 22% marginal rate it would be $33,000" in s.text
        for s in scenario.steps
    )


# -- withholding, NIIT, Social Security ----------------------------------------------


def test_no_withholding_on_a_distribution_under_200_dollars(calc):
    result = calc(
        after_tax_total=150,
        after_tax_contributions=100,
        after_tax_separately_accounted=True,
        still_employed=False,
        age=60,
        marginal_rate="0.22",
    )
    cash_out = result.scenario("cash_out")
    assert cash_out.withholding == 0
    assert "reg_31_3405_c_1_a14" in result.rules


def test_withholding_from_200_dollars_up(calc):
    result = calc(
        after_tax_total=200,
        after_tax_contributions=100,
        after_tax_separately_accounted=True,
        still_employed=False,
        age=60,
        marginal_rate="0.22",
    )
    assert result.scenario("cash_out").withholding == 20
    assert "reg_31_3405_c_1_a14" not in result.rules


def test_the_net_investment_income_tax_is_mentioned_above_its_threshold(calc):
    below = calc(**ROLL_10000, age=50, income=180000, filing_status="single", year=2026)
    above = calc(**ROLL_10000, age=50, income=195000, filing_status="single", year=2026)
    assert not any("3.8%" in w for w in below.warnings)
    assert any("3.8% net investment income tax" in w for w in above.warnings)
    assert "irc_1411" in above.rules


def test_social_security_and_capital_gains_are_named_as_what_would_move_the_figure(calc):
    result = calc(**ROLL_10000, age=70, income=60000, filing_status="single", year=2026)
    assert any("Social Security" in a and "capital gains" in a for a in result.assumptions)


def test_ages_are_taken_as_of_today_for_another_tax_year(calc):
    """Someone 65 on 2026-11-27 was 64 or 65 at the end of 2025: both figures are given."""
    result = calc(
        **ROLL_10000,
        age=65,
        income=60000,
        filing_status="single",
        year=2025,
        today=date(2026, 11, 27),
    )
    assert any("born on or before Jan 1, 1961" in a for a in result.assumptions)


# -- the facts this needs ---------------------------------------------------------------


def test_a_birth_date_is_an_iso_date_and_round_trips_through_json():
    from knowledge.facts import Facts

    facts = Facts.from_mapping({"birth_date": "1961-01-01", "blind": True, "separation_year": 2025})
    assert facts.birth_date == date(1961, 1, 1)
    assert Facts.from_mapping(facts.to_dict()) == facts
    assert facts.to_dict()["birth_date"] == "1961-01-01"


@pytest.mark.parametrize("raw", ["01/01/1961", "1961-02-30", "yesterday", 1961])
def test_a_bad_birth_date_gets_a_sentence_saying_what_to_send(raw):
    from knowledge.facts import Facts, InvalidFacts

    with pytest.raises(InvalidFacts, match="must be a date such as"):
        Facts.from_mapping({"birth_date": raw})


@pytest.mark.parametrize(
    ("birth_date", "max_recapture"),
    [
        pytest.param("1966-06-01", 0, id="past-59-and-half-by-birth-date-no-recapture"),
        pytest.param("1967-12-31", 1000, id="not-yet-59-and-half-recapture-window-bites"),
    ],
)
def test_a_birth_date_alone_settles_the_recapture_window(calc, birth_date, max_recapture):
    """Converting on 2026-11-27: born June 1, 1966 is 59½ since Dec 1, 2025."""
    result = calc(**ROLL_10000, birth_date=birth_date, marginal_rate="0.22")
    windows = {w["scenario"]: w for w in result.clocks["conversion_recapture"]}
    assert windows["all_to_roth_ira"]["max_recapture"] == max_recapture
    conditions = result.scenario("all_to_roth_ira").conditions
    assert any("before 59½ within five tax years" in c for c in conditions) is bool(max_recapture)
