"""What waiting until separation costs, with the growth assumption visible and changeable."""

from __future__ import annotations

from decimal import Decimal

import pytest

from knowledge.facts import InvalidFacts


def test_default_growth_of_5_percent_for_4_years(calc, forum):
    s = calc(**forum).scenario("wait_until_separation")
    # 40,000 x 1.05^4 = 48,620.25; minus 30,000 basis
    assert s.details["value_at_separation"] == Decimal("48620.25")
    assert s.taxable_income == Decimal("18620.25")
    assert s.federal_tax == Decimal("4468.86")
    assert s.details["extra_taxable_from_waiting"] == Decimal("8620.25")
    # 30,000 x (1.05^4 - 1) = 6,465.1875 of growth that would have been tax-free in a Roth
    assert s.details["roth_growth_forgone"] == Decimal("6465.19")
    assert s.details["separation_year"] == 2030
    assert s.details["growth_rate_is_default"] is True


def test_the_growth_rate_is_stated_as_an_assumption(calc, forum):
    result = calc(**forum)
    assert any("5%" in a and "assumption" in a for a in result.assumptions)
    assert "assumption_growth_rate" in result.scenario("wait_until_separation").citations


@pytest.mark.parametrize(
    ("rate", "taxable"),
    [(Decimal(0), 10000), (Decimal("0.10"), Decimal("28564.00"))],
)
def test_a_user_growth_rate_replaces_the_default(calc, forum, rate, taxable):
    result = calc(growth_rate=rate, **forum)
    s = result.scenario("wait_until_separation")
    assert s.taxable_income == taxable
    assert s.details["growth_rate_is_default"] is False
    assert any("your growth rate" in a for a in result.assumptions)


def test_waiting_opens_its_own_recapture_window_in_the_separation_year(calc, forum):
    windows = calc(**forum).clocks["conversion_recapture"]
    waiting = next(w for w in windows if w["scenario"] == "wait_until_separation")
    assert (waiting["from"].year, waiting["through"].year) == (2030, 2034)


def test_leaving_after_59_and_half_opens_a_window_that_cannot_bite(calc, forum):
    """Rolled over at 62, the money is past 59½ for the whole window: no recapture, even
    though the person is 51 today (the all-to-Roth-now window still can)."""
    windows = calc(**{**forum, "retire_age": 62}).clocks["conversion_recapture"]
    waiting = next(w for w in windows if w["scenario"] == "wait_until_separation")
    now = next(w for w in windows if w["scenario"] == "all_to_roth_ira")
    assert waiting["max_recapture"] == 0
    assert "past 59½" in waiting["text"]
    assert now["max_recapture"] == 1000


def test_without_ages_the_cost_is_unknown_and_asked_for(calc, forum):
    result = calc(**{**forum, "retire_age": None})
    assert result.scenario("wait_until_separation").taxable_income is None
    assert "retire_age" in result.missing


def test_an_implausible_growth_rate_is_refused(calc, forum):
    with pytest.raises(InvalidFacts, match="growth rate"):
        calc(growth_rate=Decimal("0.9"), **forum)


def test_a_fall_below_basis_is_not_negative_income(calc, forum):
    s = calc(growth_rate=Decimal("-0.3"), **forum).scenario("wait_until_separation")
    # 40,000 x 0.7^4 = 9,604 < 30,000 basis
    assert s.details["value_at_separation"] == Decimal("9604.00")
    assert s.taxable_income == 0 and s.federal_tax == 0
