"""Whether each scenario can be done now: "yes", "unknown" (the plan decides) or "no"."""

from __future__ import annotations

import pytest

from knowledge.facts import Facts, InvalidFacts

MONEY = {
    "after_tax_total": 40000,
    "after_tax_contributions": 30000,
    "marginal_rate": "0.24",
    "age": 51,
}
OUT_OF_PLAN = ("split_rollover", "all_to_roth_ira", "cash_out")


@pytest.mark.parametrize(
    ("still_employed", "in_service", "separate", "expected", "asks"),
    [
        pytest.param(True, True, True, "yes", None, id="employed-plan-allows-separate"),
        pytest.param(
            True, None, True, "unknown", "plan_allows_in_service", id="employed-in-service-unknown"
        ),
        pytest.param(True, False, True, "no", None, id="employed-plan-forbids-until-separation"),
        pytest.param(False, None, True, "yes", None, id="separated-no-plan-question"),
        pytest.param(None, None, True, "unknown", "still_employed", id="employment-unknown"),
        pytest.param(None, True, True, "yes", None, id="plan-allows-either-way"),
        pytest.param(
            True,
            True,
            None,
            "unknown",
            "after_tax_separately_accounted",
            id="separate-accounting-unknown",
        ),
        pytest.param(True, False, None, "no", None, id="no-beats-unknown"),
    ],
)
def test_moving_money_out_of_the_plan(calc, still_employed, in_service, separate, expected, asks):
    facts = dict(MONEY)
    for key, value in (
        ("still_employed", still_employed),
        ("plan_allows_in_service", in_service),
        ("after_tax_separately_accounted", separate),
    ):
        if value is not None:
            facts[key] = value
    result = calc(**facts)
    for scenario_id in OUT_OF_PLAN:
        scenario = result.scenario(scenario_id)
        assert scenario.available == expected, scenario_id
        assert scenario.why.endswith((".", "?"))
    if asks:
        assert asks in result.missing


def test_until_separation_the_why_says_so(calc):
    result = calc(**MONEY, still_employed=True, plan_allows_in_service=False)
    assert "until you leave" in result.scenario("split_rollover").why


@pytest.mark.parametrize(
    ("allows", "expected"),
    [(True, "yes"), (False, "no"), (None, "unknown")],
)
def test_in_plan_conversion_depends_on_the_plan_offering_it(calc, allows, expected):
    facts = {**MONEY, "after_tax_separately_accounted": True}
    if allows is not None:
        facts["plan_allows_in_plan_conversion"] = allows
    result = calc(**facts)
    assert result.scenario("in_plan_conversion").available == expected
    assert ("plan_allows_in_plan_conversion" in result.missing) is (allows is None)


@pytest.mark.parametrize(
    ("still_employed", "expected"),
    [(True, "yes"), (False, "no"), (None, "unknown")],
)
def test_waiting_is_only_an_option_while_still_employed(calc, still_employed, expected):
    facts = {**MONEY, "retire_age": 55}
    if still_employed is not None:
        facts["still_employed"] = still_employed
    assert calc(**facts).scenario("wait_until_separation").available == expected


def test_unknown_separate_accounting_still_computes_the_separate_figures_and_warns(calc):
    result = calc(**MONEY, still_employed=True, plan_allows_in_service=True)
    split = result.scenario("split_rollover")
    assert (split.available, split.to_roth_ira, split.to_traditional_ira) == (
        "unknown",
        30000,
        10000,
    )
    assert any("72(d)(2)" in w for w in result.warnings)
    assert "after_tax_separately_accounted" in result.missing


def test_no_separate_accounting_needs_the_pretax_balance(calc):
    result = calc(**MONEY, after_tax_separately_accounted=False)
    split = result.scenario("split_rollover")
    assert split.to_roth_ira is None and split.taxable_income is None
    assert "pretax_balance" in result.missing


def test_roth_401k_money_is_left_out_of_the_pro_rata_base(calc):
    base = {**MONEY, "after_tax_separately_accounted": False, "pretax_balance": 460000}
    without = calc(**base).scenario("split_rollover")
    with_roth = calc(**base, roth_401k_balance=100000).scenario("split_rollover")
    assert without.to_roth_ira == with_roth.to_roth_ira == 2400
    assert any(s.rule == "irc_402a_d_4" for s in with_roth.steps)


def test_pre_1987_basis_comes_out_first(calc):
    base = {**MONEY, "after_tax_separately_accounted": False, "pretax_balance": 460000}
    plain = calc(**base).scenario("split_rollover").to_roth_ira
    grandfathered = calc(**base, pre_1987_basis=4000).scenario("split_rollover").to_roth_ira
    # 4,000 first, then 36,000 x 26,000 / 496,000 = 1,887.10
    assert plain == 2400
    assert str(grandfathered) == "5887.10"


def test_pre_1987_basis_above_contributions_derived_from_total_and_earnings_is_refused():
    """Contributions follow from total minus earnings; pre-1987 basis above them is a
    sentence for the person, not a crash in the pro-rata arithmetic."""
    with pytest.raises(InvalidFacts, match="Pre-1987 basis"):
        Facts.from_mapping(
            {"after_tax_total": 10000, "after_tax_earnings": 5000, "pre_1987_basis": 8000}
        )


@pytest.mark.parametrize("separate", [False, None], ids=["not-separate", "separate-unknown"])
def test_after_separation_the_whole_plan_route_keeps_all_the_basis(calc, separate):
    facts = {**MONEY, "still_employed": False, "separated_from_service_age": 50}
    if separate is not None:
        facts["after_tax_separately_accounted"] = separate
    result = calc(**facts)
    split = result.scenario("split_rollover")
    assert (split.available, split.to_roth_ira, split.to_traditional_ira) == ("yes", 30000, 10000)
    assert result.scenario("all_to_roth_ira").taxable_income == 10000
    assert any("whole plan paid out at once" in c for c in split.conditions)
    assert split.steps[0].rule == "notice_2014_54"
    assert "after_tax_separately_accounted" not in result.missing
    assert "pretax_balance" not in result.missing
    assert not any("72(d)(2)" in w for w in result.warnings)


def test_every_figure_that_rests_on_the_whole_plan_route_says_so(calc):
    """After separation without separate accounting, each costed move keeps all the basis
    only if the whole plan goes out at once; none may show those figures without saying it."""
    result = calc(
        **MONEY,
        still_employed=False,
        after_tax_separately_accounted=False,
        plan_allows_in_plan_conversion=True,
    )
    for scenario_id in ("split_rollover", "all_to_roth_ira", "in_plan_conversion", "cash_out"):
        scenario = result.scenario(scenario_id)
        assert scenario.taxable_income in (0, 10000), scenario_id
        assert any("whole plan paid out at once" in c for c in scenario.conditions), scenario_id


def test_while_employed_without_separate_accounting_the_basis_is_still_diluted(calc):
    facts = {
        **MONEY,
        "still_employed": True,
        "plan_allows_in_service": True,
        "after_tax_separately_accounted": False,
        "pretax_balance": 460000,
    }
    assert calc(**facts).scenario("split_rollover").to_roth_ira == 2400


@pytest.mark.parametrize(
    ("facts", "phrase"),
    [
        pytest.param({"after_tax_total": 40000}, "contributions and earnings", id="no-split"),
        pytest.param(
            {**MONEY, "after_tax_separately_accounted": False},
            "pre-tax balance",
            id="no-pretax-balance",
        ),
    ],
)
def test_unknown_amounts_say_which_fact_is_needed(calc, facts, phrase):
    split = calc(**facts).scenario("split_rollover")
    assert split.to_roth_ira is None
    assert any(phrase in c for c in split.conditions)
