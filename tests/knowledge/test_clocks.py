"""Clocks: each carries its dates and a sentence a reply can use as is."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.mark.parametrize(
    ("clock", "phrase"),
    [
        ("roth_ira_five_year", "from Jan 1, 2026, met on Jan 1, 2031"),
        ("age_59_half", "between May 28, 2034 and May 27, 2035"),
        ("roth_401k_five_year", "do not carry over to a Roth IRA"),
        ("rmd", "start at 75"),
        ("roth_ira_qualified_from", "between May 28, 2034 and May 27, 2035"),
    ],
)
def test_every_clock_has_a_sentence_with_its_dates(calc, forum, clock, phrase):
    assert phrase in calc(**forum).clocks[clock]["text"]


def test_each_taxable_conversion_has_its_own_recapture_window(calc, forum):
    windows = calc(**forum).clocks["conversion_recapture"]
    assert [w["scenario"] for w in windows] == [
        "all_to_roth_ira",
        "in_plan_conversion",
        "wait_until_separation",
    ]
    assert windows[0]["text"].startswith("All to a Roth IRA: the $10,000 taxable part")
    assert "up to $1,000" in windows[0]["text"]


def test_no_recapture_window_for_a_scenario_that_is_not_possible(calc, forum):
    windows = calc(**forum, plan_allows_in_plan_conversion=False).clocks["conversion_recapture"]
    assert "in_plan_conversion" not in [w["scenario"] for w in windows]


def test_an_existing_roth_401k_means_the_period_started_earlier(calc, forum):
    clock = calc(**forum, roth_401k_balance=5000).clocks["roth_401k_five_year"]
    assert clock["starts"] is None
    assert clock["starts_no_later_than"] == date(2026, 1, 1)


def test_with_no_age_there_is_no_59_and_half_or_rmd_clock(calc, forum):
    clocks = calc(**{**forum, "age": None, "retire_age": None}).clocks
    assert clocks["age_59_half"] is None and clocks["rmd"] is None
    assert clocks["roth_ira_qualified_from"] is None
