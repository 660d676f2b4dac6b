"""The federal tax a rollover adds, for the household the facts describe.

Who is 65 or older at the end of the tax year changes the deductions (IRC 63(f), and
151(d)(5) for 2025-2028), so the engine decides it from the birth date or the age in
years with ``knowledge.ages``. When the facts leave it open (a 64-year-old whose birthday
may fall before the year ends, an unknown age, a spouse's age not given) the figure takes
the person to be under 65 and states what the tax would be at 65, so the answer is never
silently wrong; the engine asks for the fact that settles it where the reader can take
it as an answer (the ages).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from knowledge.ages import (
    DateRange,
    add_years,
    attained_by_year_end,
    birth_dates_for_age,
    decided,
)
from knowledge.income_tax import Household, TaxableIncome, taxable_income
from knowledge.money import ZERO, dollars, percent
from knowledge.result import Step
from knowledge.tax import top_rate_reached

if TYPE_CHECKING:
    from knowledge.context import Context


def _aged(births: DateRange | None, age: Decimal, year: int) -> bool | None:
    """65 (``age``) before the close of ``year``: True, False, or None when the facts
    cannot tell (no age, or a birthday that may fall either side of the year end)."""
    if births is None:
        return None
    return decided(births, lambda birth: attained_by_year_end(birth, age, year))


def rollover_tax(
    ctx: Context, income: Decimal, status: str, taxable: Decimal
) -> tuple[Decimal, list[Step]]:
    """The increase in the year's regular tax when ``taxable`` is added to ``income``."""
    f = ctx.facts
    year = ctx.year
    age = ctx.param("gov.irs.income.aged_age")
    ctx.use("irc_1_j", "irc_63_c", "irc_63_f")
    if ctx.births is None:
        ctx.need("age")
    filer = _aged(ctx.births, age, year)
    spouse: bool | None = False
    if status == "mfj":
        if f.spouse_age is None:
            ctx.need("spouse_age")
            spouse = None
        else:
            spouse = _aged(birth_dates_for_age(f.spouse_age, ctx.today), age, year)
    blind = int(f.blind is True) + int(status == "mfj" and f.spouse_blind is True)
    household = Household(status, aged=int(filer is True) + int(spouse is True), blind=blind)
    before = taxable_income(year, household, income, ctx.param)
    after = taxable_income(year, household, income + taxable, ctx.param)
    tax = after.tax - before.tax
    rate = top_rate_reached(after.taxable_income, ctx.param(f"gov.irs.income.brackets.{status}"))
    steps = [
        Step(
            f"Taxable income {dollars(before.taxable_income)} before and "
            f"{dollars(after.taxable_income)} after adding {dollars(taxable)}; the {year} "
            f"{status} brackets give {dollars(tax)} more tax (top rate reached {percent(rate)}).",
            "irc_1_j",
        ),
        *_deduction_steps(ctx, household, before, after),
    ]
    if f.marginal_rate is not None:
        estimate = taxable * f.marginal_rate
        steps.append(
            Step(
                f"At your own estimate of a {percent(f.marginal_rate)} marginal rate it would "
                f"be {dollars(estimate)}; the figure above comes from the brackets.",
                "irc_1_j",
            )
        )
    ctx.assume(
        f"Federal tax is the increase in {year} tax when the taxable amount is added to "
        f"income of {dollars(income)} ({status}), after the standard deduction and the other "
        "deductions shown and no others (no itemized deductions, no blindness unless you "
        "said so) and no credits; the "
        "income is taken to exclude this rollover. State tax is not included."
    )
    ctx.assume(
        "The income is taken to be ordinary income with no Social Security benefits or "
        "capital gains: with them, added income can cost more (more of the benefits become "
        "taxable, and gains can move to a higher rate)."
    )
    _undecided_ages(ctx, household, filer, spouse, income, taxable, tax)
    _net_investment_income_tax(ctx, status, income + taxable)
    return tax, steps


def _deduction_steps(
    ctx: Context, household: Household, before: TaxableIncome, after: TaxableIncome
) -> list[Step]:
    year, status = ctx.year, household.filing_status
    steps = [Step(f"Standard deduction {dollars(before.standard)} ({year}, {status}).", "irc_63_c")]
    if before.additional:
        steps.append(
            Step(
                f"Plus {dollars(before.additional)} for age 65 or blindness "
                f"({household.aged + household.blind} on the return).",
                "irc_63_f",
            )
        )
    rule = ctx.param("gov.irs.income.senior_deduction") if household.aged else None
    if rule is not None:
        if before.senior == after.senior:
            text = f"Senior deduction {dollars(before.senior)} ({year})."
        else:
            text = (
                f"Senior deduction {dollars(before.senior)} before and {dollars(after.senior)} "
                f"after: each {dollars(rule['amount'])} shrinks by "
                f"{percent(rule['phase_out_rate'])} of modified AGI above the threshold, so the "
                "rollover also costs part of it."
            )
        steps.append(Step(text, "irc_151_d_5"))
    return steps


def _undecided_ages(
    ctx: Context,
    household: Household,
    filer: bool | None,
    spouse: bool | None,
    income: Decimal,
    taxable: Decimal,
    tax: Decimal,
) -> None:
    """Say what the tax would be for a person whose age-65 status the facts leave open."""
    year = ctx.year
    age = ctx.param("gov.irs.income.aged_age")
    cutoff = add_years(date(year + 1, 1, 1), -int(age))
    for who, status in (("you are", filer), ("your spouse is", spouse)):
        if status is not None:
            continue
        older = replace(household, aged=household.aged + 1)
        alt = (
            taxable_income(year, older, income + taxable, ctx.param).tax
            - taxable_income(year, older, income, ctx.param).tax
        )
        if alt == tax:
            continue
        ctx.assume(
            f"The tax takes it that {who} under {age} at the end of {year}; if {who} {age} "
            f"or older by then (born on or before {cutoff:%b} {cutoff.day}, {cutoff.year}), "
            f"it is {dollars(alt)} instead."
        )


def _net_investment_income_tax(ctx: Context, status: str, magi: Decimal) -> None:
    """1411: the rollover is not investment income (1411(c)(5)) but raises modified AGI,
    and above the threshold investment income owes the tax."""
    niit = ctx.param("gov.irs.investment_income.niit")
    threshold = niit["threshold"][status]
    if magi <= threshold or magi <= ZERO:
        return
    ctx.use("irc_1411")
    ctx.warn(
        f"With the rollover your modified AGI ({dollars(magi)}) is above the "
        f"{dollars(threshold)} threshold of the {percent(niit['rate'])} net investment income "
        "tax: interest, dividends and capital gains you have can owe it. The rollover is not "
        "investment income itself, but it raises the part of that income the tax reaches."
    )
