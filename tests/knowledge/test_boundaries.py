"""Boundaries: 59½ to the day, the year of turning 55, catch-up ages, phase-out edges,
year changes and years the data does not cover."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from knowledge.ages import (
    age_on,
    birth_dates_for_age,
    date_attaining,
    dates_attaining,
)
from knowledge.limits import catch_up_limit, roth_ira_contribution_limit
from knowledge.params import UnknownYear, param

HALF = param("gov.irs.early_distribution.age_59_half", 2026)

# -- age 59½ to the day ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "turns_59_and_half"),
    [
        pytest.param(date(1966, 7, 15), date(2026, 1, 15), id="mid-month"),
        pytest.param(date(1966, 8, 31), date(2026, 2, 28), id="month-end-clamped-to-february"),
        pytest.param(date(1968, 8, 31), date(2028, 2, 29), id="month-end-into-leap-february"),
        pytest.param(date(1968, 2, 29), date(2027, 8, 29), id="leap-day-birthday"),
        pytest.param(date(1967, 1, 1), date(2026, 7, 1), id="new-year-birthday"),
    ],
)
def test_59_and_half_is_six_calendar_months_after_the_59th_birthday(birth, turns_59_and_half):
    assert date_attaining(birth, HALF) == turns_59_and_half


def test_from_an_integer_age_the_59_and_half_date_is_a_range_of_one_year():
    today = date(2026, 11, 27)
    span = dates_attaining(birth_dates_for_age(59, today), HALF)
    assert span.earliest == date(2026, 5, 28)
    assert span.latest == date(2027, 5, 27)
    births = birth_dates_for_age(59, today)
    assert age_on(births.earliest, today) == 59
    assert age_on(births.latest, today) == 59
    assert age_on(births.earliest - timedelta(days=1), today) == 60
    assert age_on(births.latest + timedelta(days=1), today) == 58


@pytest.mark.parametrize(
    "today",
    [date(2027, 2, 28), date(2028, 2, 28), date(2028, 2, 29), date(2027, 3, 1)],
    ids=["feb-28-common-year", "feb-28-leap-year", "leap-day", "mar-1"],
)
def test_the_birth_date_range_agrees_with_age_on_around_leap_days(today):
    """age_on counts a Feb 29 birthday on Feb 28 in common years; the range of birth
    dates for an age must use the same convention, or a leap-day birth drops out."""
    for age in (58, 59, 60):
        births = birth_dates_for_age(age, today)
        assert age_on(births.earliest, today) == age
        assert age_on(births.latest, today) == age
        assert age_on(births.earliest - timedelta(days=1), today) == age + 1
        assert age_on(births.latest + timedelta(days=1), today) == age - 1


def test_someone_59_on_feb_28_may_have_a_leap_day_birthday():
    span = dates_attaining(birth_dates_for_age(59, date(2027, 2, 28)), HALF)
    assert span.latest == date_attaining(date(1968, 2, 29), HALF) == date(2027, 8, 29)


# A separately accounted $40,000 subaccount with $30,000 basis: a cash-out has $10,000
# taxable, so the 10% is $1,000 where it applies.
CASH_OUT_10000_TAXABLE = {
    "after_tax_total": 40000,
    "after_tax_contributions": 30000,
    "after_tax_separately_accounted": True,
    "marginal_rate": "0.22",
}


@pytest.mark.parametrize(
    ("age", "penalty", "assumed"),
    [
        pytest.param(58, 1000, False, id="58-owes-10-percent"),
        pytest.param(59, 1000, True, id="59-assumes-not-yet-59-and-half-and-says-so"),
        pytest.param(60, 0, False, id="60-is-past-59-and-half"),
    ],
)
def test_cash_out_at_ages_around_59_and_half(calc, age, penalty, assumed):
    result = calc(
        **CASH_OUT_10000_TAXABLE, age=age, still_employed=True, plan_allows_in_service=True
    )
    assert result.scenario("cash_out").penalty == penalty
    assert any("59½" in a and "assumes" in a for a in result.assumptions) is assumed


@pytest.mark.parametrize(
    ("today", "penalty"),
    [
        pytest.param(date(2026, 1, 14), 1000, id="the-day-before-59-and-half-owes-10-percent"),
        pytest.param(date(2026, 1, 15), 0, id="the-day-of-59-and-half-owes-nothing"),
    ],
)
def test_cash_out_the_day_before_and_the_day_of_59_and_half(calc, today, penalty):
    """Born July 15, 1966: 59½ on Jan 15, 2026. The reply's own path decides it."""
    result = calc(
        **CASH_OUT_10000_TAXABLE,
        birth_date="1966-07-15",
        still_employed=True,
        plan_allows_in_service=True,
        today=today,
    )
    assert result.scenario("cash_out").penalty == penalty
    assert result.clocks["age_59_half"]["earliest"] == "2026-01-15"


# -- the year of turning 55 -------------------------------------------------------------


@pytest.mark.parametrize(
    ("separation_year", "penalty"),
    [
        pytest.param(2029, 1000, id="year-before-turning-55-owes-10-percent"),
        pytest.param(2030, 0, id="year-of-turning-55-even-before-the-birthday"),
        pytest.param(2031, 0, id="after-turning-55"),
    ],
)
def test_age_55_exception_counts_the_calendar_year(calc, separation_year, penalty):
    """Born Dec 20, 1975: turns 55 on Dec 20, 2030. Leaving on any day of 2030 is enough
    (72(t)(2)(A)(v) as Notice 87-13 reads it); leaving in 2029 is not."""
    result = calc(
        **CASH_OUT_10000_TAXABLE,
        birth_date="1975-12-20",
        still_employed=False,
        separation_year=separation_year,
        today=date(2031, 3, 1),
        year=2026,
    )
    assert result.scenario("cash_out").penalty == penalty


@pytest.mark.parametrize(
    ("public_safety", "separation_year", "penalty"),
    [
        pytest.param(True, 2025, 0, id="public-safety-left-in-the-year-of-turning-50"),
        pytest.param(True, 2024, 1000, id="public-safety-left-the-year-before-50"),
        pytest.param(False, 2025, 1000, id="others-wait-for-55"),
    ],
)
def test_public_safety_employees_count_from_the_year_of_turning_50(
    calc, public_safety, separation_year, penalty
):
    result = calc(
        **CASH_OUT_10000_TAXABLE,
        birth_date="1975-12-20",
        still_employed=False,
        separation_year=separation_year,
        public_safety_employee=public_safety,
        year=2026,
    )
    cash_out = result.scenario("cash_out")
    assert cash_out.penalty == penalty
    if not public_safety:
        assert any("public safety" in c for c in cash_out.conditions)


@pytest.mark.parametrize(
    ("separated_at", "penalty", "note"),
    [
        pytest.param(54, 1000, "54", id="left-at-54-assumed-not-55-that-year"),
        pytest.param(55, 0, None, id="left-at-55"),
        pytest.param(None, None, None, id="left-at-unknown-age-asks"),
    ],
)
def test_cash_out_after_leaving_around_55(calc, separated_at, penalty, note):
    result = calc(
        **CASH_OUT_10000_TAXABLE,
        age=56,
        still_employed=False,
        separated_from_service_age=separated_at,
    )
    assert result.scenario("cash_out").penalty == penalty
    if separated_at is None:
        assert "separated_from_service_age" in result.missing
    if note:
        assert any("left the employer at 54" in a for a in result.assumptions)


def test_at_59_leaving_at_55_or_later_still_removes_the_10_percent(calc):
    """The age-55 separation rule does not wait for 59½: at 59, not yet known to be 59½,
    money paid from the plan after leaving at 56 owes no 10%."""
    result = calc(
        **CASH_OUT_10000_TAXABLE, age=59, still_employed=False, separated_from_service_age=56
    )
    assert result.scenario("cash_out").penalty == 0
    assert not any("59½" in a and "assumes" in a for a in result.assumptions)


@pytest.mark.parametrize(
    ("still_employed", "asks"),
    [(False, "separated_from_service_age"), (None, "still_employed")],
    ids=["left-at-unknown-age", "employment-unknown"],
)
def test_at_59_an_unknown_separation_is_asked_for_as_from_54_to_58(calc, still_employed, asks):
    """At 59 the age-55 rule can still remove the 10%, so, as at 54-58, the figure waits
    for the fact instead of assuming the rule does not apply."""
    result = calc(**CASH_OUT_10000_TAXABLE, age=59, still_employed=still_employed)
    cash_out = result.scenario("cash_out")
    assert cash_out.penalty is None
    assert asks in result.missing
    assert any("59½" in c and "55" in c for c in cash_out.conditions)


# -- catch-up ages --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "age", "expected"),
    [
        (2024, 49, 0),
        (2024, 50, 7500),
        (2024, 60, 7500),
        (2024, 63, 7500),
        (2025, 49, 0),
        (2025, 50, 7500),
        (2025, 59, 7500),
        (2025, 60, 11250),
        (2025, 63, 11250),
        (2025, 64, 7500),
        (2026, 50, 8000),
        (2026, 59, 8000),
        (2026, 60, 11250),
        (2026, 63, 11250),
        (2026, 64, 8000),
    ],
)
def test_catch_up_limit_by_age_at_year_end(year, age, expected):
    limit = catch_up_limit(
        age,
        param("gov.irs.retirement.catch_up.age_50", year),
        param("gov.irs.retirement.catch_up.age_60_to_63", year),
        param("gov.irs.retirement.catch_up.ages", year),
    )
    assert limit == expected


# -- Roth IRA phase-out edges for every year and filing status ------------------------


EDGES = [
    (year, status) for year in (2024, 2025, 2026) for status in ("single", "hoh", "mfj", "mfs")
]


@pytest.mark.parametrize(("year", "status"), EDGES)
def test_phase_out_edges(year, status):
    band = param(f"gov.irs.ira.roth.phase_out.{status}", year)
    limit = param("gov.irs.ira.contribution_limit", year)
    start, end = band["start"], band["end"]

    def allowed(magi: Decimal) -> Decimal:
        return roth_ira_contribution_limit(
            magi=magi,
            phase_out_start=start,
            phase_out_end=end,
            limit=limit,
            **param("gov.irs.ira.roth.phase_out_rounding", year),
        )

    assert allowed(start) == limit, "at the start of the range nothing is phased out"
    assert allowed(start + 1) == limit, "one dollar in rounds back up to the full limit"
    assert allowed(end - 1) == 200, "just below the end the $200 floor holds"
    assert allowed(end) == 0, "at the end it is fully phased out"
    middle = allowed((start + end) / 2)
    assert middle == limit / 2 and middle % 10 == 0


def test_phase_out_rounds_the_exact_amount_up_not_a_cent_rounded_one():
    """1.408A-3 Q&A-3(b) rounds the exact remaining amount up to $10. MAGI $21.42 into
    the 2024 single range leaves 7,000 - 7,000 x 21.42 / 15,000 = $6,990.004, which
    rounds up to $7,000; rounding to cents first would lose the $0.004 and give $6,990."""
    allowed = roth_ira_contribution_limit(
        magi=Decimal("146021.42"),
        phase_out_start=Decimal(146000),
        phase_out_end=Decimal(161000),
        limit=Decimal(7000),
        **param("gov.irs.ira.roth.phase_out_rounding", 2024),
    )
    assert allowed == 7000


@pytest.mark.parametrize(
    ("year", "age", "expected"),
    [(2026, 49, 7500), (2026, 50, 8600), (2024, 50, 8000), (2025, 50, 8000)],
)
def test_roth_ira_limit_adds_the_catch_up_from_age_50(calc, year, age, expected):
    result = calc(year=year, age=age, income=50000, filing_status="single")
    assert result.limits["roth_ira_contribution_limit"] == expected


# -- years --------------------------------------------------------------------------


def test_without_a_year_the_tax_year_is_todays(calc):
    assert calc(today=date(2025, 3, 1), age=40).tax_year == 2025


@pytest.mark.parametrize(
    ("year", "room"), [(2024, 69000 - 23000), (2025, 70000 - 23500), (2026, 72000 - 24500)]
)
def test_the_same_facts_use_each_years_limits(calc, year, room):
    result = calc(year=year, age=40, employee_deferral=30000, employer_contribution=0)
    assert result.limits["after_tax_room"] == room


@pytest.mark.parametrize(
    "facts",
    [
        pytest.param({"year": 2023}, id="year-before-the-data"),
        pytest.param({"year": 2027}, id="year-after-the-data"),
    ],
)
def test_a_year_outside_the_data_is_a_clear_error(calc, facts):
    with pytest.raises(UnknownYear, match="2024, 2025, 2026"):
        calc(**facts)


def test_a_today_outside_the_data_without_a_year_is_a_clear_error(calc):
    with pytest.raises(UnknownYear, match="2027"):
        calc(today=date(2027, 1, 2), age=40)
