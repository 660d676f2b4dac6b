"""The 10% additional tax on money paid out of the plan before 59½ (IRC 72(t)).

Only the taxable part is charged (72(t)(1)). Two exceptions matter here: age 59½
(72(t)(2)(A)(i)) and leaving the employer in or after the calendar year of turning 55
(72(t)(2)(A)(v), plan money only). With an age in whole years, 59 cannot tell whether
59½ has passed, and 54 cannot tell whether 55 comes later in the year; the engine says
which way it assumed.
"""

from __future__ import annotations

from decimal import Decimal

from knowledge.context import Context
from knowledge.money import ZERO, cents, dollars
from knowledge.result import Step

#: (tax or None when the facts cannot tell, steps, conditions)
EarlyDistributionTax = tuple[Decimal | None, list[Step], list[str]]


def early_distribution_tax(ctx: Context, taxable: Decimal) -> EarlyDistributionTax:
    """10% of the taxable part of a cash distribution from the plan, unless 59½ or the
    age-55 separation exception applies. ``None`` when the facts cannot tell."""
    f = ctx.facts
    rate = ctx.param("gov.irs.early_distribution.additional_tax_rate")
    ctx.use("irc_72_t_1", "irc_72_t_2_a_i", "irc_72_t_2_a_v")
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
    if (
        f.age >= 54
        or (separated_at is not None and separated_at >= 54)
        or (f.retire_age is not None and 55 <= f.retire_age < 60)
    ):
        ctx.open("age_55_exception_and_recapture")
    if f.still_employed is False and separated_at is not None and separated_at >= 55:
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
    separation_unknown = f.still_employed is None or (
        f.still_employed is False and separated_at is None
    )
    if separation_unknown and f.age >= 54:
        ctx.need("separated_from_service_age" if f.still_employed is False else "still_employed")
        unless = "you are 59½ by then or " if f.age == 59 else ""
        return (
            None,
            [],
            [
                f"{dollars(applied)} of 10% additional tax unless {unless}you left this employer "
                "in or after the year you turned 55."
            ],
        )
    conditions: list[str] = []
    if f.age == 59:
        ctx.assume(
            "At 59 you may or may not be 59½ on the distribution date (only your age in years "
            "is known; see clocks.age_59_half). The cash-out figure assumes you are not yet "
            "59½; from that day the 10% is $0."
        )
        conditions.append("From the day you turn 59½ the 10% additional tax is $0.")
    if separated_at == 54 and f.still_employed is False:
        ctx.assume(
            "You left the employer at 54; the age-55 exception applies only if you turned "
            "55 later that same calendar year. The cash-out figure assumes you did not."
        )
    if f.still_employed is True:
        conditions.append(
            "Leaving the employer in or after the year you turn 55 removes the 10% on money "
            "paid from this plan."
        )
    return applied, [applies], conditions
