"""The ways of moving after-tax 401(k) money toward a Roth, each costed and cited.

Every scenario moves the whole after-tax subaccount in the tax year. ``available`` says
whether the person can do it now (``knowledge.availability``: "unknown" whenever the
answer is in the plan document, never a guess); the amounts come from the basis split in
``knowledge.money_in_plan``, and a cash-out's 10% from ``knowledge.early_distribution``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from knowledge.ages import attained_on, surely_attained
from knowledge.availability import (
    in_plan_conversion_now,
    out_of_plan_now,
    with_separate_accounting,
)
from knowledge.context import Context
from knowledge.early_distribution import early_distribution_tax
from knowledge.money import ZERO, cents, dollars, percent
from knowledge.money_in_plan import AfterTaxMoney, SplitResult
from knowledge.params import lookup
from knowledge.result import Availability, Scenario, Step

ADDITIONAL_TAX = "gov.irs.early_distribution.additional_tax_rate"


def _amounts_unknown(
    scenario_id: str, available: Availability, why: str, money: AfterTaxMoney
) -> Scenario:
    """A scenario whose availability is known but whose amounts are not yet."""
    if money.known:
        need = (
            "The amounts need the plan's pre-tax balance: without separate accounting the "
            "after-tax money's basis is spread over the whole plan."
        )
    else:
        need = "The amounts need the split of the after-tax money into contributions and earnings."
    return Scenario(id=scenario_id, available=available, why=why, conditions=(need,))


def _costed(
    scenario_id: str,
    available: Availability,
    why: str,
    *,
    to_roth_ira: Decimal = ZERO,
    to_traditional_ira: Decimal = ZERO,
    to_roth_401k: Decimal = ZERO,
    cash: Decimal = ZERO,
    taxable_income: Decimal = ZERO,
    federal_tax: Decimal | None = ZERO,
    penalty: Decimal | None = ZERO,
    withholding: Decimal = ZERO,
    conditions: list[str],
    citations: tuple[str, ...],
    steps: list[Step],
    details: dict[str, Any] | None = None,
) -> Scenario:
    """A scenario with its amounts worked out. Every amount it does not name is $0, so
    each scenario states only where its money goes; federal tax adds the bracket rule."""
    if federal_tax:
        citations = (*citations, "irc_1_j")
    return Scenario(
        id=scenario_id,
        available=available,
        why=why,
        to_roth_ira=to_roth_ira,
        to_traditional_ira=to_traditional_ira,
        to_roth_401k=to_roth_401k,
        cash=cash,
        taxable_income=taxable_income,
        federal_tax=federal_tax,
        penalty=penalty,
        withholding=withholding,
        conditions=tuple(conditions),
        citations=tuple(dict.fromkeys(citations)),
        steps=tuple(steps),
        details=details or {},
    )


def _recapture_condition(ctx: Context, taxable: Decimal) -> list[str]:
    """408A(d)(3)(F): the taxable part of a conversion taken out before 59½ within its
    5-taxable-year period owes the additional tax; said unless the person is surely past
    59½ (60 or older, or a birth date that says so)."""
    half = ctx.param("gov.irs.early_distribution.age_59_half")
    age = ctx.facts.age
    births = ctx.births
    if births is not None and ctx.facts.birth_date is not None:
        past = attained_on(ctx.facts.birth_date, half, ctx.distribution_dates.earliest)
    else:
        past = age is not None and surely_attained(age, half)
    if taxable <= 0 or past:
        return []
    rate = ctx.param("gov.irs.early_distribution.additional_tax_rate")
    last = ctx.year + int(ctx.param("gov.irs.roth.five_year_periods.conversion_recapture")) - 1
    return [
        f"Taking out the {dollars(taxable)} taxable part before 59½ within five tax "
        f"years ({ctx.year}-{last}) costs {percent(rate)} unless an exception applies."
    ]


def split_rollover(ctx: Context, money: AfterTaxMoney, sub: SplitResult) -> Scenario:
    """Notice 2014-54: one distribution, basis to a Roth IRA, pretax to a traditional IRA."""
    available, why = out_of_plan_now(ctx)
    citations: tuple[str, ...] = (
        "notice_2014_54",
        "irs_after_tax_rollovers",
        "irc_402_c",
        "irc_72_d_2",
    )
    ctx.use(*citations)
    if sub.split is None:
        return _amounts_unknown("split_rollover", available, why, money)
    split = sub.split
    steps = [
        *sub.steps,
        Step(
            "Ask for one distribution paid as two direct rollovers; the pretax part goes to "
            "the direct rollover you name first.",
            "notice_2014_54",
        ),
        Step(
            f"{dollars(split.nontaxable)} basis by direct rollover to a Roth IRA: not taxed; "
            f"{dollars(split.pretax)} pretax by direct rollover to a traditional IRA: not taxed "
            "now.",
            "irc_402_c",
        ),
    ]
    conditions = [
        "The plan must pay it as one distribution with two direct rollovers.",
        f"The {dollars(split.pretax)} in the traditional IRA is taxed when you take it out, "
        "and makes a later backdoor Roth conversion partly taxable (IRA aggregation).",
    ]
    conditions += sub.conditions
    if not sub.separate:
        conditions.append(
            "Without separate accounting the split is pro-rata over the whole plan, so only "
            f"{dollars(split.nontaxable)} can go to the Roth IRA tax-free."
        )
        ctx.use("irc_72_e_8")
        citations = (*citations, "irc_72_e_8")
    return _costed(
        "split_rollover",
        available,
        why,
        to_roth_ira=split.nontaxable,
        to_traditional_ira=split.pretax,
        conditions=conditions,
        citations=citations,
        steps=steps,
    )


def all_to_roth_ira(ctx: Context, money: AfterTaxMoney, sub: SplitResult) -> Scenario:
    """Direct rollover of the whole subaccount to a Roth IRA: the pretax part is income."""
    available, why = out_of_plan_now(ctx)
    citations = ("irc_408a_d_3_a", "irc_408a_d_3_f", "irc_402_c")
    ctx.use(*citations)
    if sub.split is None:
        return _amounts_unknown("all_to_roth_ira", available, why, money)
    split = sub.split
    tax, tax_steps = ctx.federal_tax(split.pretax)
    steps = [
        *sub.steps,
        Step(
            f"All {dollars(split.distribution)} by direct rollover to a Roth IRA: the "
            f"{dollars(split.pretax)} pretax part is income this year, the basis is not.",
            "irc_408a_d_3_a",
        ),
        *tax_steps,
        Step(
            f"No {percent(ctx.param(ADDITIONAL_TAX))} additional tax on the rollover itself.",
            "irc_408a_d_3_a",
        ),
    ]
    conditions = ["No income limit applies to a rollover into a Roth IRA."]
    conditions += sub.conditions
    conditions += _recapture_condition(ctx, split.pretax)
    ctx.use("conversion_no_income_limit")
    return _costed(
        "all_to_roth_ira",
        available,
        why,
        to_roth_ira=split.distribution,
        taxable_income=split.pretax,
        federal_tax=tax,
        conditions=conditions,
        citations=citations,
        steps=steps,
    )


def in_plan_conversion(ctx: Context, money: AfterTaxMoney, sub: SplitResult) -> Scenario:
    """In-plan Roth rollover (IRR) of the subaccount into the plan's Roth 401(k)."""
    citations = ("irc_402a_c_4", "irc_408a_d_3_f", "reg_1_402a_1_a4", "reg_1_408a_10")
    ctx.use(*citations)
    available, why = with_separate_accounting(ctx, *in_plan_conversion_now(ctx))
    if sub.split is None:
        return _amounts_unknown("in_plan_conversion", available, why, money)
    split = sub.split
    if available != "no" and not ctx.facts.roth_401k_balance:
        ctx.open("drac_clock_irr_first_roth")
    if available != "no" and split.pretax > 0:
        ctx.open("irr_recapture_after_rollover")
    tax, tax_steps = ctx.federal_tax(split.pretax)
    steps = [
        *sub.steps,
        Step(
            f"Convert all {dollars(split.distribution)} inside the plan to the Roth 401(k): "
            f"the {dollars(split.pretax)} pretax part is income this year, the basis is not.",
            "irc_402a_c_4",
        ),
        *tax_steps,
        Step(
            f"No {percent(ctx.param(ADDITIONAL_TAX))} additional tax and no mandatory "
            "withholding on a direct in-plan rollover.",
            "irc_402a_c_4",
        ),
    ]
    conditions = [
        "An in-plan conversion cannot be undone.",
        "Later earnings grow tax-free in the Roth 401(k) once its 5-year period and age 59½ "
        "are met.",
        "Years in the Roth 401(k) do not count toward a Roth IRA's 5-year clock after a later "
        "rollover.",
    ]
    conditions += sub.conditions
    conditions += _recapture_condition(ctx, split.pretax)
    return _costed(
        "in_plan_conversion",
        available,
        why,
        to_roth_401k=split.distribution,
        taxable_income=split.pretax,
        federal_tax=tax,
        conditions=conditions,
        citations=citations,
        steps=steps,
    )


def cash_out(ctx: Context, money: AfterTaxMoney, sub: SplitResult) -> Scenario:
    """The subaccount paid to you: part of the taxable amount withheld (3405(c)), maybe
    the additional tax of 72(t) too."""
    available, why = out_of_plan_now(ctx)
    citations = ("irc_3405_c", "irc_72_t_1", "irc_402_c")
    ctx.use(*citations)
    if sub.split is None:
        return _amounts_unknown("cash_out", available, why, money)
    split = sub.split
    rate = ctx.param("gov.irs.withholding.eligible_rollover_rate")
    withholding = cents(split.pretax * rate)
    withheld_step = Step(
        f"{percent(rate)} of the taxable {dollars(split.pretax)} is withheld: "
        f"{dollars(withholding)}; the check is {dollars(split.distribution - withholding)}.",
        "irc_3405_c",
    )
    minimum = lookup("gov.irs.withholding.eligible_rollover_minimum", ctx.year).value
    if split.distribution < minimum:
        # Looked up again through the context only here, where it decides the figure, so
        # its rule is cited and its unverified status warned about only when it matters.
        minimum = ctx.param("gov.irs.withholding.eligible_rollover_minimum")
        withholding = ZERO
        withheld_step = Step(
            f"Nothing is withheld: eligible rollover distributions of less than "
            f"{dollars(minimum)} in a year need no withholding (if this is your only one "
            "this year).",
            "reg_31_3405_c_1_a14",
        )
    tax, tax_steps = ctx.federal_tax(split.pretax)
    penalty, penalty_steps, penalty_conditions = early_distribution_tax(ctx, split.pretax)
    steps = [
        *sub.steps,
        Step(
            f"Paid to you: {dollars(split.distribution)}; the {dollars(split.pretax)} pretax "
            "part is income.",
            "irc_402_c",
        ),
        withheld_step,
        *tax_steps,
        *penalty_steps,
    ]
    conditions = [
        "Withholding is a prepayment of tax, not an extra cost; it counts against the tax due.",
        "The money leaves the tax shelter for good unless you roll it over within 60 days "
        "(and replace the withholding from other funds).",
        f"Rolled over within 60 days, the amount rolled counts as pretax first: rolling "
        f"{dollars(split.pretax)} to a traditional IRA leaves the rest as tax-free basis.",
        *penalty_conditions,
    ]
    conditions += sub.conditions
    return _costed(
        "cash_out",
        available,
        why,
        cash=split.distribution,
        taxable_income=split.pretax,
        federal_tax=tax,
        penalty=penalty,
        withholding=withholding,
        conditions=conditions,
        citations=(*citations, *(step.rule for step in penalty_steps)),
        steps=steps,
    )


def wait_until_separation(ctx: Context, money: AfterTaxMoney, sub: SplitResult) -> Scenario:
    """What waiting costs: earnings until separation are pretax, not tax-free Roth growth."""
    f = ctx.facts
    citations = ("irc_408a_d_3_a", "notice_2014_54", "assumption_growth_rate")
    ctx.use(*citations)
    if f.still_employed is False:
        return Scenario(
            id="wait_until_separation",
            available="no",
            why="You have already left the employer; there is nothing to wait for.",
            citations=citations,
        )
    if f.still_employed is True:
        available: Availability = "yes"
        why = "You can leave the money in the plan and move it when you leave the employer."
    else:
        ctx.need("still_employed")
        available, why = "unknown", "This applies only if you still work for the plan sponsor."
    if not money.known or f.age is None or f.retire_age is None:
        if f.age is None:
            ctx.need("age")
        if f.retire_age is None:
            ctx.need("retire_age")
        return Scenario(
            id="wait_until_separation",
            available=available,
            why=why,
            conditions=(
                "The cost of waiting needs your age, the age you plan to leave, and "
                "the contributions/earnings split.",
            ),
            citations=citations,
        )
    assert money.total is not None and money.basis is not None
    years = max(0, f.retire_age - f.age)
    g = ctx.growth_rate
    factor = (1 + g) ** years
    value_then = cents(money.total * factor)
    earnings_then = max(ZERO, value_then - money.basis)  # a loss below basis is not income
    earnings_now = money.total - money.basis
    roth_growth_forgone = cents(money.basis * (factor - 1))
    separation_year = ctx.year + years
    tax, tax_steps = ctx.federal_tax(earnings_then)
    source = "the default" if ctx.growth_rate_is_default else "your"
    ctx.assume(
        f"Waiting assumes {source} growth rate of {percent(g)} a year for {years} years "
        f"(until age {f.retire_age}); it is an assumption, not a forecast, and can be changed "
        "(--growth-rate)."
    )
    if years:
        ctx.assume(
            f"Tax on a rollover in {separation_year} is figured with {ctx.year} rates and "
            "your current income."
        )
    steps = [
        Step(
            f"At {percent(g)} a year for {years} years the {dollars(money.total)} grows to "
            f"{dollars(value_then)}: {dollars(money.basis)} basis and {dollars(earnings_then)} "
            "pretax earnings.",
            "assumption_growth_rate",
        ),
        Step(
            f"Rolling all of it to a Roth IRA in {separation_year} makes "
            f"{dollars(earnings_then)} taxable, against {dollars(earnings_now)} if rolled now.",
            "irc_408a_d_3_a",
        ),
        *tax_steps,
        Step(
            f"Splitting now instead puts {dollars(money.basis)} in a Roth IRA where its growth "
            f"({dollars(roth_growth_forgone)} by {separation_year}) would be tax-free; waiting "
            "turns that growth into pretax money.",
            "notice_2014_54",
        ),
    ]
    conditions = [
        f"Split at separation instead: {dollars(money.basis)} to a Roth IRA and "
        f"{dollars(earnings_then)} to a traditional IRA, nothing taxable then, but the "
        "earnings stay pretax.",
        "After leaving, the whole plan can be distributed, so the pro-rata problem of a plan "
        "without separate accounting disappears.",
    ]
    return _costed(
        "wait_until_separation",
        available,
        why,
        to_roth_ira=value_then,
        taxable_income=earnings_then,
        federal_tax=tax,
        conditions=conditions,
        citations=citations,
        steps=steps,
        details={
            "growth_rate": g,
            "growth_rate_is_default": ctx.growth_rate_is_default,
            "years_waiting": years,
            "separation_year": separation_year,
            "value_at_separation": value_then,
            "earnings_at_separation": earnings_then,
            "taxable_if_all_rolled_now": earnings_now,
            "extra_taxable_from_waiting": earnings_then - earnings_now,
            "roth_growth_forgone": roth_growth_forgone,
        },
    )


ALL = (split_rollover, all_to_roth_ira, in_plan_conversion, cash_out, wait_until_separation)
