"""The data a chart is drawn from copies the engine: every clock date and amount in it is
the engine's own figure, and it is a pure function of the facts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from fact_sets import FACT_SETS, TODAY

from bot.charts.data import NEEDS, ChartUnavailable, chart_data, could_chart
from knowledge.engine import calculate
from knowledge.facts import Facts, InvalidFacts
from knowledge.outlook import outlook
from knowledge.result import jsonable


def _engine(facts, growth_rate=None):
    checked = Facts.from_mapping(facts)
    result = calculate(checked, today=TODAY, growth_rate=growth_rate)
    view = outlook(checked, result, today=TODAY, growth_rate=growth_rate).json()
    return result, jsonable(result.to_json()), view


def test_clock_bars_are_the_engines_clocks(facts):
    _, engine, _ = _engine(facts)
    data = chart_data(facts, today=TODAY)
    route = data["timeline"]["route"]
    clocks = engine["clocks"]
    for bar in data["timeline"]["clocks"]:
        if bar["id"] == "conversion_recapture":
            window = next(w for w in clocks["conversion_recapture"] if w["scenario"] == route)
            assert (bar["from"], bar["to"]) == (window["from"], window["through"])
            assert bar["amount"] == window["taxable_amount"]
            assert bar["max_recapture"] == window["max_recapture"]
        elif bar["from"] is not None:
            clock = clocks[bar["id"]]
            assert (bar["from"], bar["to"]) == (clock["starts"], clock["five_years_met_on"])
            assert bar["text"] == clock["text"]


def test_every_clock_of_the_route_is_drawn(facts):
    _, engine, _ = _engine(facts)
    for route in ("split_rollover", "all_to_roth_ira", "in_plan_conversion"):
        data = chart_data(facts, today=TODAY, route=route)
        if data["timeline"]["route"] != route:
            continue
        ids = {bar["id"] for bar in data["timeline"]["clocks"]}
        wanted = "roth_401k_five_year" if route == "in_plan_conversion" else "roth_ira_five_year"
        clock = engine["clocks"][wanted]
        assert (wanted in ids) == bool(clock and clock["starts"])
        windows = [
            w
            for w in engine["clocks"]["conversion_recapture"]
            if w["scenario"] == route and w["max_recapture"]
        ]
        assert ("conversion_recapture" in ids) == bool(windows)


def test_59_and_a_half_and_the_age_55_year_are_the_engines(facts):
    _, engine, view = _engine(facts)
    markers = {m["id"]: m for m in chart_data(facts, today=TODAY)["timeline"]["markers"]}
    half = engine["clocks"]["age_59_half"]
    assert (markers["age_59_half"]["from"], markers["age_59_half"]["to"]) == (
        half["earliest"],
        half["latest"],
    )
    if view["age_55_years"]:
        assert markers["age_55"]["years"] == view["age_55_years"]
    else:
        assert "age_55" not in markers


def test_route_rows_carry_the_engines_tax_penalty_and_values(facts):
    _, engine, view = _engine(facts)
    data = chart_data(facts, today=TODAY)
    scenarios = {s["id"]: s for s in engine["scenarios"]}
    outlooks = {r["id"]: r for r in view["routes"]}
    assert [row["id"] for row in data["routes"]["rows"]] == list(outlooks)
    for row in data["routes"]["rows"]:
        s = scenarios[row["id"]]
        assert row["taxable_now"] == s["taxable_income"]
        assert row["tax_now"] == s["federal_tax"]
        assert row["penalty_now"] == s["penalty"]
        assert row["cash_now"] == s["cash"]
        assert row["roth_at_59_half"] == outlooks[row["id"]]["roth_at_59_half"]
        assert row["pretax_at_59_half"] == outlooks[row["id"]]["pretax_at_59_half"]
    assert data["routes"]["growth_rate"] == view["growth_rate"]
    assert data["routes"]["assumptions"] == view["assumptions"]


def test_the_timelines_moves_and_parts_are_the_outlooks(facts):
    _, _, view = _engine(facts)
    data = chart_data(facts, today=TODAY)
    route = next(r for r in view["routes"] if r["id"] == data["timeline"]["route"])
    assert data["timeline"]["moves"] == route["moves"]
    assert data["timeline"]["parts"] == route["parts"]


def test_every_rule_the_chart_uses_is_cited():
    from knowledge.citations import cite

    for facts in FACT_SETS.values():
        for rule in chart_data(facts, today=TODAY)["rules"]:
            assert cite(rule).url


def test_same_facts_same_data_and_the_growth_rate_is_honoured():
    facts = FACT_SETS["seed"]
    assert chart_data(facts, today=TODAY) == chart_data(dict(facts), today=TODAY)
    faster = chart_data(facts, today=TODAY, growth_rate=Decimal("0.07"))
    assert faster["routes"]["growth_rate"] == 0.07
    assert faster["routes"]["growth_rate_is_default"] is False
    _, _, view = _engine(facts, Decimal("0.07"))
    assert faster["routes"]["rows"][0]["roth_at_59_half"] == view["routes"][0]["roth_at_59_half"]


@pytest.mark.parametrize(
    "facts",
    [
        {},
        {"age": 51},
        {"after_tax_contributions": 30000, "after_tax_earnings": 10000},
    ],
    ids=["nothing", "age only", "no age"],
)
def test_too_few_facts_say_what_a_chart_needs(facts):
    with pytest.raises(ChartUnavailable, match="needs your age and the after-tax money"):
        chart_data(facts, today=TODAY)


def test_an_unknown_route_is_refused_with_the_choices():
    with pytest.raises(ChartUnavailable, match="split_rollover"):
        chart_data(FACT_SETS["seed"], today=TODAY, route="backdoor")


def test_invalid_facts_are_the_engines_message():
    with pytest.raises(InvalidFacts):
        chart_data({"age": 500}, today=TODAY)


def test_the_timeline_runs_from_today_past_the_last_date():
    data = chart_data(FACT_SETS["seed"], today=date(2026, 12, 6))
    assert data["timeline"]["from"] == "2026-12-06"
    assert data["timeline"]["to"] == "2036-01-01"  # 59½ ends by Jun 6, 2035


def test_ask_json_carries_the_chart_data_of_its_facts():
    from bot.terminal import ask_once

    turn = ask_once(
        "I am 51 with $30,000 after-tax contributions and $10,000 earnings", today=TODAY
    )
    assert turn["chart"] == chart_data(turn["facts"], today=TODAY)
    assert ask_once("I am 51", today=TODAY)["chart"] == {"unavailable": NEEDS}


@pytest.mark.parametrize(
    ("facts", "could"),
    [
        (FACT_SETS["seed"], True),
        ({"age": 51, "after_tax_total": 40000, "after_tax_earnings": 10000}, True),
        ({"age": 51, "after_tax_total": 40000}, False),
        ({"after_tax_contributions": 1, "after_tax_earnings": 1}, False),
    ],
)
def test_a_chart_is_offered_only_with_an_age_and_the_split(facts, could):
    assert could_chart(facts) is could
