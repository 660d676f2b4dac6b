"""The ways of moving after-tax 401(k) money toward a Roth, each costed and cited.

Every scenario moves the whole after-tax subaccount in the tax year. ``available`` says
whether the person can do it now: "unknown" whenever the answer is in the plan document
(in-service withdrawals, separate accounting, in-plan conversions), never a guess.
"""

from __future__ import annotations

from decimal import Decimal

from knowledge.context import Context
from knowledge.money import ZERO, cents, dollars, percent
from knowledge.money_in_plan import AfterTaxMoney, SplitResult
from knowledge.result import Availability, Scenario, Step

ASK_ADMIN_SEPARATE = (
    "The figures assume the plan accounts for the after-tax money separately; ask the "
    "plan administrator."
)
WHOLE_PLAN = (
    "The figures take the whole plan paid out at once, the other pretax money by direct "
    "rollover to a traditional IRA or another employer plan (in an IRA it loses the age-55 "
    "exception)."
)


def _worst(a: Availability, b: Availability) -> Availability:
    order = {"yes": 0, "unknown": 1, "no": 2}
    return a if order[a] >= order[b] else b


def distribution_now(ctx: Context) -> tuple[Availability, str]:
    """Can the after-tax money leave the plan now? Only the plan document says, while
    the person still works for the sponsor."""
    f = ctx.facts
    if f.still_employed is False:
        return "yes", "You have left the employer, so the plan can pay out the after-tax money."
    if f.plan_allows_in_service is True:
        return "yes", "Your plan allows in-service withdrawals of after-tax money."
    ctx.use("plan_document")
    ctx.open("plan_document_dependence")
    if f.still_employed is True:
        if f.plan_allows_in_service is False:
            return "no", (
                "Your plan does not allow in-service withdrawals of after-tax money, so this "
                "has to wait until you leave the employer."
            )
        ctx.need("plan_allows_in_service")
        return "unknown", (
            "While you still work there, this depends on whether your plan allows "
            "in-service withdrawals of after-tax money."
        )
    ctx.need("still_employed")
    if f.plan_allows_in_service is False:
        return "unknown", (
            "Your plan does not allow in-service withdrawals, so this works only after you "
            "leave the employer; do you still work there?"
        )
    ctx.need("plan_allows_in_service")
    return "unknown", (
        "This depends on whether you still work for the plan sponsor and, if you do, "
        "whether the plan allows in-service withdrawals of after-tax money."
    )


def _with_separate_accounting(
    ctx: Context, available: Availability, why: str
) -> tuple[Availability, str]:
    if ctx.facts.after_tax_separately_accounted is None and ctx.facts.still_employed is not False:
        ctx.open("plan_document_dependence")
        return _worst(available, "unknown"), f"{why} {ASK_ADMIN_SEPARATE}"
    return available, why


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


def _may_be_under_59_and_half(ctx: Context) -> bool:
    """False only when the age shows the person is surely past 59½ (60 or older)."""
    return ctx.facts.age is None or ctx.facts.age < 60


def split_rollover(ctx: Context, money: AfterTaxMoney, sub: SplitResult) -> Scenario:
    """Notice 2014-54: one distribution, basis to a Roth IRA, pretax to a traditional IRA."""
    available, why = _with_separate_accounting(ctx, *distribution_now(ctx))
    citations = ("notice_2014_54", "irs_after_tax_rollovers", "irc_402_c", "irc_72_d_2")
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
    if sub.whole_plan:
        conditions.append(WHOLE_PLAN)
    if not sub.separate:
        conditions.append(
            "Without separate accounting the split is pro-rata over the whole plan, so only "
            f"{dollars(split.nontaxable)} can go to the Roth IRA tax-free."
        )
        ctx.use("irc_72_e_8")
    return Scenario(
        id="split_rollover",
        available=available,
        why=why,
        to_roth_ira=split.nontaxable,
        to_traditional_ira=split.pretax,
        to_roth_401k=ZERO,
        cash=ZERO,
        taxable_income=ZERO,
        federal_tax=ZERO,
        penalty=ZERO,
        withholding=ZERO,
        conditions=tuple(conditions),
        citations=citations + (("irc_72_e_8",) if not sub.separate else ()),
        steps=tuple(steps),
    )


def all_to_roth_ira(ctx: Context, money: AfterTaxMoney, sub: SplitResult) -> Scenario:
    """Direct rollover of the whole subaccount to a Roth IRA: the pretax part is income."""
    available, why = _with_separate_accounting(ctx, *distribution_now(ctx))
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
        Step("No 10% additional tax on the rollover itself.", "irc_408a_d_3_a"),
    ]
    conditions = [
        "No income limit applies to a rollover into a Roth IRA.",
    ]
    if sub.whole_plan:
        conditions.append(WHOLE_PLAN)
    if split.pretax > 0 and _may_be_under_59_and_half(ctx):
        conditions.append(
            f"Taking out the {dollars(split.pretax)} taxable part before 59½ within five tax "
            f"years ({ctx.year}-{ctx.year + 4}) costs 10% unless an exception applies."
        )
    ctx.use("conversion_no_income_limit")
    return Scenario(
        id="all_to_roth_ira",
        available=available,
        why=why,
        to_roth_ira=split.distribution,
        to_traditional_ira=ZERO,
        to_roth_401k=ZERO,
        cash=ZERO,
        taxable_income=split.pretax,
        federal_tax=tax,
        penalty=ZERO,
        withholding=ZERO,
        conditions=tuple(conditions),
        citations=(*citations, "irc_1_j") if tax else citations,
        steps=tuple(steps),
    )


def in_plan_conversion(ctx: Context, money: AfterTaxMoney, sub: SplitResult) -> Scenario:
    """In-plan Roth rollover (IRR) of the subaccount into the plan's Roth 401(k)."""
    f = ctx.facts
    citations = ("irc_402a_c_4", "irc_408a_d_3_f", "reg_1_402a_1_a4", "reg_1_408a_10")
    ctx.use(*citations)
    if f.plan_allows_in_plan_conversion is True:
        available: Availability = "yes"
        why = "Your plan allows in-plan Roth conversions (in-plan Roth rollovers)."
    elif f.plan_allows_in_plan_conversion is False:
        available, why = "no", "Your plan does not offer in-plan Roth conversions."
    else:
        ctx.need("plan_allows_in_plan_conversion")
        ctx.open("plan_document_dependence")
        ctx.use("plan_document")
        available, why = (
            "unknown",
            (
                "This depends on whether your plan offers in-plan Roth conversions of after-tax "
                "money."
            ),
        )
    available, why = _with_separate_accounting(ctx, available, why)
    if sub.split is None:
        return _amounts_unknown("in_plan_conversion", available, why, money)
    split = sub.split
    if available != "no" and not f.roth_401k_balance:
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
            "No 10% additional tax and no mandatory withholding on a direct in-plan rollover.",
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
    if split.pretax > 0 and _may_be_under_59_and_half(ctx):
        conditions.append(
            f"Taking the {dollars(split.pretax)} taxable part out before 59½ within five tax "
            f"years ({ctx.year}-{ctx.year + 4}) costs 10% unless an exception applies."
        )
    return Scenario(
        id="in_plan_conversion",
        available=available,
        why=why,
        to_roth_ira=ZERO,
        to_traditional_ira=ZERO,
        to_roth_401k=split.distribution,
        cash=ZERO,
        taxable_income=split.pretax,
        federal_tax=tax,
        penalty=ZERO,
        withholding=ZERO,
        conditions=tuple(conditions),
        citations=(*citations, "irc_1_j") if tax else citations,
        steps=tuple(steps),
    )


def _early_distribution_tax(
    ctx: Context, taxable: Decimal
) -> tuple[Decimal | None, list[Step], list[str]]:
    """10% of the taxable part of a cash distribution from the plan, unless 59½ or the
    age-55 separation exception applies. ``None`` when the facts cannot tell."""
    f = ctx.facts
    rate = ctx.param("gov.irs.early_distribution.additional_tax_rate")
    ctx.use("irc_72_t_1", "irc_72_t_2_a_i", "irc_72_t_2_a_v")
    conditions: list[str] = []
    if taxable == ZERO:
        return ZERO, [Step("Nothing taxable, so no 10% additional tax.", "irc_72_t_1")], []
    applied = cents(taxable * rate)
    applies = Step(
        f"10% additional tax on the taxable {dollars(taxable)}: {dollars(applied)}.",
        "irc_72_t_1",
    )
    if f.age is None:
        ctx.need("age")
        return (
            None,
            [],
            [
                f"The 10% additional tax ({dollars(applied)}) applies unless you are 59½ or "
                "left this employer in or after the year you turned 55."
            ],
        )
    if f.age >= 60:
        return ZERO, [Step("You are past 59½: no 10% additional tax.", "irc_72_t_2_a_i")], []
    separated_at = f.separated_from_service_age
    left_at_55_or_later = (
        f.still_employed is False and separated_at is not None and separated_at >= 55
    )
    if f.age == 59 and not left_at_55_or_later:
        ctx.assume(
            "At 59 you may or may not be 59½ on the distribution date (only your age in years "
            "is known; see clocks.age_59_half). The cash-out figure assumes you are not yet "
            "59½; from that day the 10% is $0."
        )
        conditions.append("From the day you turn 59½ the 10% additional tax is $0.")
        return applied, [applies], conditions
    if (
        f.age >= 54
        or (separated_at is not None and separated_at >= 54)
        or (f.retire_age is not None and 55 <= f.retire_age < 60)
    ):
        ctx.open("age_55_exception_and_recapture")
    if f.still_employed is False and separated_at is not None:
        if left_at_55_or_later:
            return (
                ZERO,
                [
                    Step(
                        f"You left the employer at {separated_at}, in or after the year you turned "
                        "55: no 10% on money paid from this plan.",
                        "irc_72_t_2_a_v",
                    )
                ],
                ["Rolled to an IRA first, the money loses the age-55 exception."],
            )
        if separated_at == 54:
            ctx.assume(
                "You left the employer at 54; the age-55 exception applies only if you turned "
                "55 later that same calendar year. The cash-out figure assumes you did not."
            )
        return applied, [applies], conditions
    if f.still_employed is False or f.still_employed is None:
        if f.age >= 54:
            asked = "separated_from_service_age" if f.still_employed is False else "still_employed"
            ctx.need(asked)
            return (
                None,
                [],
                [
                    f"{dollars(applied)} of 10% additional tax unless you left this employer in or "
                    "after the year you turned 55."
                ],
            )
        return applied, [applies], conditions
    conditions.append(
        "Leaving the employer in or after the year you turn 55 removes the 10% on money paid "
        "from this plan."
    )
    return applied, [applies], conditions


def cash_out(ctx: Context, money: AfterTaxMoney, sub: SplitResult) -> Scenario:
    """The subaccount paid to you: 20% withheld from the taxable part, maybe 10% more."""
    available, why = _with_separate_accounting(ctx, *distribution_now(ctx))
    citations = ("irc_3405_c", "irc_72_t_1", "irc_402_c")
    ctx.use(*citations)
    if sub.split is None:
        return _amounts_unknown("cash_out", available, why, money)
    split = sub.split
    rate = ctx.param("gov.irs.withholding.eligible_rollover_rate")
    withholding = cents(split.pretax * rate)
    tax, tax_steps = ctx.federal_tax(split.pretax)
    penalty, penalty_steps, penalty_conditions = _early_distribution_tax(ctx, split.pretax)
    steps = [
        *sub.steps,
        Step(
            f"Paid to you: {dollars(split.distribution)}; the {dollars(split.pretax)} pretax "
            "part is income.",
            "irc_402_c",
        ),
        Step(
            f"{percent(rate)} of the taxable {dollars(split.pretax)} is withheld: "
            f"{dollars(withholding)}; the check is {dollars(split.distribution - withholding)}.",
            "irc_3405_c",
        ),
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
    if sub.whole_plan:
        conditions.append(WHOLE_PLAN)
    penalty_rules = tuple(s.rule for s in penalty_steps if s.rule not in citations)
    return Scenario(
        id="cash_out",
        available=available,
        why=why,
        to_roth_ira=ZERO,
        to_traditional_ira=ZERO,
        to_roth_401k=ZERO,
        cash=split.distribution,
        taxable_income=split.pretax,
        federal_tax=tax,
        penalty=penalty,
        withholding=withholding,
        conditions=tuple(conditions),
        citations=tuple(dict.fromkeys(citations + penalty_rules + (("irc_1_j",) if tax else ()))),
        steps=tuple(steps),
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
    return Scenario(
        id="wait_until_separation",
        available=available,
        why=why,
        to_roth_ira=value_then,
        to_traditional_ira=ZERO,
        to_roth_401k=ZERO,
        cash=ZERO,
        taxable_income=earnings_then,
        federal_tax=tax,
        penalty=ZERO,
        withholding=ZERO,
        conditions=tuple(conditions),
        citations=(*citations, "irc_1_j") if tax else citations,
        steps=tuple(steps),
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
