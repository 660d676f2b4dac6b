"""knowledge.outlook: when each part of a route's money is free, and what each route
holds at 59½. The figures are worked by hand here from the rules the module cites."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from fact_sets import FACT_SETS, TODAY

from knowledge.engine import calculate
from knowledge.facts import Facts
from knowledge.outlook import outlook


def _outlook(growth_rate=None, **facts):
    checked = Facts.from_mapping(facts)
    result = calculate(checked, today=TODAY, growth_rate=growth_rate)
    return outlook(checked, result, today=TODAY, growth_rate=growth_rate)


SEED = FACT_SETS["seed"]


def test_seed_split_grows_basis_in_the_roth_and_earnings_pretax_for_eight_years():
    view = _outlook(**SEED)
    split = view.route("split_rollover")
    assert view.years_to_59_half == 8  # 59 - 51: the middle of Jun 2034 - Jun 2035
    assert split.roth_at_59_half == Decimal("44323.66")  # 30,000 x 1.05^8
    assert split.pretax_at_59_half == Decimal("14774.55")  # 10,000 x 1.05^8
    assert split.tax_free_at_59_half == "yes"  # 5-year date Jan 1, 2031 is before 59½


def test_all_to_roth_and_in_plan_hold_the_whole_subaccount_in_a_roth():
    view = _outlook(**SEED)
    for route_id in ("all_to_roth_ira", "in_plan_conversion"):
        route = view.route(route_id)
        assert route.roth_at_59_half == Decimal("59098.22")  # 40,000 x 1.05^8
        assert route.pretax_at_59_half == 0


def test_cash_out_leaves_nothing_in_a_roth():
    route = _outlook(**SEED).route("cash_out")
    assert (route.roth_at_59_half, route.pretax_at_59_half) == (0, 0)
    assert route.tax_free_at_59_half == "no"


def test_the_basis_is_free_at_once_and_the_converted_part_after_its_window():
    route = _outlook(**SEED).route("all_to_roth_ira")
    parts = {p.id: p for p in route.parts}
    assert parts["basis"].amount == 30000
    assert parts["basis"].penalty_free_from.earliest == TODAY
    converted = parts["converted_earnings"]
    assert converted.amount == 10000
    # 408A(d)(3)(F): the window of a 2026 conversion runs through Dec 31, 2030
    assert converted.penalty_free_from.earliest == date(2031, 1, 1)
    growth = parts["growth"]
    assert growth.tax_free_from.earliest == date(2034, 6, 7)  # 59½, later than Jan 1, 2031


def test_pretax_earnings_are_never_tax_free_but_lose_the_10_at_59_half():
    parts = {p.id: p for p in _outlook(**SEED).route("split_rollover").parts}
    pretax = parts["pretax_earnings"]
    assert pretax.tax_free_from is None
    assert (pretax.penalty_free_from.earliest, pretax.penalty_free_from.latest) == (
        date(2034, 6, 7),
        date(2035, 6, 6),
    )


def test_waiting_until_58_starts_the_roth_ira_clock_too_late_for_59_half():
    view = _outlook(**FACT_SETS["leaves_at_58"])
    wait = view.route("wait_until_separation")
    assert wait.moves[0].on == date(2039, 1, 1)
    assert wait.roth_five_year_met_on == date(2044, 1, 1)
    assert wait.tax_free_at_59_half == "no"
    # the engine's $150,851.93 at separation (80,000 x 1.05^13), one more year to 59½
    assert wait.roth_at_59_half == Decimal("158394.53")


def test_leaving_after_59_half_keeps_the_money_in_the_plan_then():
    view = _outlook(
        age=50,
        retire_age=62,
        after_tax_contributions=30000,
        after_tax_earnings=10000,
        still_employed=True,
    )
    wait = view.route("wait_until_separation")
    assert wait.roth_at_59_half == 0
    assert wait.pretax_at_59_half == Decimal("62053.13")  # 40,000 x 1.05^9, in the plan


def test_a_roth_ira_of_2015_means_growth_is_free_at_once_past_59_half():
    view = _outlook(**FACT_SETS["retiree"])
    split = view.route("split_rollover")
    assert view.years_to_59_half == 0
    assert split.roth_at_59_half == 50000
    assert split.tax_free_at_59_half == "yes"
    assert view.age_55_years == ()


def test_a_stated_growth_rate_is_used_and_said():
    view = _outlook(growth_rate=Decimal("0"), **SEED)
    assert view.route("all_to_roth_ira").roth_at_59_half == 40000
    assert "your growth rate of 0%" in view.assumptions[0]


def test_a_roth_ira_withdrawal_takes_the_converted_part_before_the_basis():
    # Treas. Reg. 1.408A-6 Q&A-8: the taxable part of a conversion comes out first
    parts = {p.id: p for p in _outlook(**SEED).route("all_to_roth_ira").parts}
    assert "takes the $10,000 converted first" in parts["basis"].text
    split = {p.id: p for p in _outlook(**SEED).route("split_rollover").parts}
    assert "converted first" not in split["basis"].text  # nothing taxable was converted
