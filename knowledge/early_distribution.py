"""The additional tax on money paid out of the plan before 59½ (IRC 72(t)).

Only the taxable part is charged (72(t)(1)). Three exceptions matter here, each tested on
dates by ``knowledge.ages`` from the birth date (or the range an age in years allows):
59½ on the distribution date (72(t)(2)(A)(i)); leaving the employer in or after the
calendar year of turning 55 (72(t)(2)(A)(v), plan money only); and 50 instead of 55 for
qualified public safety employees (72(t)(10)). When the facts cannot tell (a 59-year-old
without a birth date, a separation at 54), the engine says which way it assumed.
"""

from __future__ import annotations

from decimal import Decimal

from knowledge.ages import (
    DateRange,
    attained_on,
    dates_attaining,
    decided,
    separated_in_or_after_year_attaining,
    surely_attained,
)
from knowledge.clocks import day
from knowledge.context import Context
from knowledge.money import ZERO, cents, dollars, percent
from knowledge.result import Step

#: (tax or None when the facts cannot tell, steps, conditions)
EarlyDistributionTax = tuple[Decimal | None, list[Step], list[str]]


def _past_59_and_half(ctx: Context, births: DateRange, on: DateRange) -> bool | None:
    """59½ attained on every possible distribution date (True), on none (False), or it
    depends on the birthday or the day (None)."""
    age = ctx.param("gov.irs.early_distribution.age_59_half")
    if decided(births, lambda birth: attained_on(birth, age, on.earliest)):
        return True
    if decided(births, lambda birth: attained_on(birth, age, on.latest)) is False:
        return False
    return None


def _separation_exception(ctx: Context, births: DateRange) -> tuple[bool | None, Decimal]:
    """Whether leaving the employer came in or after the year of turning 55 (50 for a
    public safety employee), and that age. ``None`` when the facts cannot tell."""
    f = ctx.facts
    age = ctx.param("gov.irs.early_distribution.separation_age")
    if f.public_safety_employee:
        age = ctx.param("gov.irs.early_distribution.public_safety_separation_age")
        ctx.use("irc_72_t_10")
    if f.separation_year is not None:
        year = f.separation_year
        return decided(births, lambda b: separated_in_or_after_year_attaining(year, b, age)), age
    at = f.separated_from_service_age
    if at is None:
        return None, age
    if surely_attained(at, age):
        return True, age
    if not surely_attained(at + 1, age):
        return False, age
    return None, age  # left at 54: 55 may have come later that year


def early_distribution_tax(ctx: Context, taxable: Decimal) -> EarlyDistributionTax:
    """The additional tax on the taxable part of a cash distribution from the plan, unless
    59½ or the separation exception applies. ``None`` when the facts cannot tell."""
    f = ctx.facts
    rate = ctx.param("gov.irs.early_distribution.additional_tax_rate")
    half = ctx.param("gov.irs.early_distribution.age_59_half")
    age_55 = ctx.param("gov.irs.early_distribution.separation_age")
    extra = f"{percent(rate)} additional tax"
    ctx.use("irc_72_t_1", "irc_72_t_2_a_i", "irc_72_t_2_a_v")
    if taxable == ZERO:
        return ZERO, [Step(f"Nothing taxable, so no {extra}.", "irc_72_t_1")], []
    applied = cents(taxable * rate)
    applies = Step(
        f"{extra.capitalize()} on the taxable {dollars(taxable)}: {dollars(applied)}.",
        "irc_72_t_1",
    )
    births = ctx.births
    if births is None:
        ctx.need("age")
        return (
            None,
            [],
            [
                f"The {extra} ({dollars(applied)}) applies unless you are 59½ or left this "
                f"employer in or after the year you turned {age_55}."
            ],
        )
    past_half = _past_59_and_half(ctx, births, ctx.distribution_dates)
    if past_half:
        return ZERO, [Step(f"You are past 59½: no {extra}.", "irc_72_t_2_a_i")], []
    turning_55 = dates_attaining(births, age_55)
    if (
        turning_55.earliest.year <= ctx.year + 1
        or (
            f.separated_from_service_age is not None
            and surely_attained(f.separated_from_service_age + 1, age_55)
        )
        or (
            f.retire_age is not None
            and surely_attained(f.retire_age, age_55)
            and not surely_attained(f.retire_age, half)
        )
    ):
        ctx.open("age_55_exception_and_recapture")
    left = f.still_employed is False
    exception, age = _separation_exception(ctx, births) if left else (None, age_55)
    if left and exception:
        when = (
            f"in {f.separation_year}"
            if f.separation_year is not None
            else f"at {f.separated_from_service_age}"
        )
        return (
            ZERO,
            [
                Step(
                    f"You left the employer {when}, in or after the year you turned {age}: "
                    f"no {percent(rate)} on money paid from this plan.",
                    "irc_72_t_10" if f.public_safety_employee else "irc_72_t_2_a_v",
                )
            ],
            ["Rolled to an IRA first, the money loses the age-55 exception."],
        )
    could_be_55 = turning_55.earliest.year <= ctx.year
    separation_unknown = f.still_employed is None or (
        left and f.separated_from_service_age is None and f.separation_year is None
    )
    if separation_unknown and could_be_55:
        ctx.need("separated_from_service_age" if left else "still_employed")
        unless = "you are 59½ by then or " if past_half is None else ""
        return (
            None,
            [],
            [
                f"{dollars(applied)} of {extra} unless {unless}you left this employer "
                f"in or after the year you turned {age_55}."
            ],
        )
    conditions: list[str] = []
    if past_half is None:
        span = dates_attaining(births, half)
        when = day(span.earliest) if span.exact else "that day"
        ctx.assume(
            "You may or may not be 59½ on the distribution date (only your age in years "
            "is known; see clocks.age_59_half). The cash-out figure assumes you are not yet "
            f"59½; from {when} the {percent(rate)} is $0."
            if not span.exact
            else f"The cash-out figure assumes the money is paid before you turn 59½ on "
            f"{day(span.earliest)}; from that day the {percent(rate)} is $0."
        )
        conditions.append(f"From the day you turn 59½ the {extra} is $0.")
    if left and exception is None:
        ctx.assume(
            f"You left the employer at {f.separated_from_service_age}; the age-{age} exception "
            f"applies only if you turned {age} later that same calendar year. The cash-out "
            "figure assumes you did not."
            if f.separation_year is None
            else f"You left the employer in {f.separation_year}, the year you may have turned "
            f"{age}; the exception applies only if you did. The cash-out figure assumes not."
        )
    if f.still_employed is True:
        conditions.append(
            f"Leaving the employer in or after the year you turn {age_55} removes the "
            f"{percent(rate)} on money paid from this plan."
        )
    if not f.public_safety_employee and exception is not True:
        conditions += _public_safety_condition(ctx, births, rate)
    return applied, [applies], conditions


def _public_safety_condition(ctx: Context, births: DateRange, rate: Decimal) -> list[str]:
    """72(t)(10): a public safety employee who left in or after the year of turning 50 owes
    no additional tax on money from a governmental plan. Said only where it changes the
    answer: the person left in such a year, before the year of turning 55."""
    f = ctx.facts
    if f.still_employed is not False:
        return []
    age_50 = ctx.param("gov.irs.early_distribution.public_safety_separation_age")
    if f.separation_year is not None:
        year = f.separation_year
        if not decided(births, lambda b: separated_in_or_after_year_attaining(year, b, age_50)):
            return []
    elif f.separated_from_service_age is None or not surely_attained(
        f.separated_from_service_age, age_50
    ):
        return []
    ctx.use("irc_72_t_10")
    return [
        f"A qualified public safety employee (police, firefighter, EMS) paid from a "
        f"governmental plan owes no {percent(rate)} after leaving in or after the year of "
        f"turning {age_50}."
    ]
