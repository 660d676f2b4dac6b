"""The after-tax money in the plan, and how much of it is basis when it comes out.

People state two of contributions, earnings and total; the third follows. Whether the
after-tax subaccount is a separate contract (72(d)(2)) decides whether its basis ratio
is its own (usually most of it) or diluted over the whole non-Roth balance (72(e)(8)).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from knowledge.context import Context
from knowledge.money import ZERO, dollars
from knowledge.prorata import BasisSplit, basis_in_distribution
from knowledge.result import Step

WHOLE_PLAN = (
    "The figures take the whole plan paid out at once, the other pretax money by direct "
    "rollover to a traditional IRA or another employer plan (in an IRA it loses the age-55 "
    "exception)."
)


@dataclass(frozen=True, slots=True)
class AfterTaxMoney:
    total: Decimal | None
    basis: Decimal | None
    earnings: Decimal | None

    @property
    def known(self) -> bool:
        return self.total is not None and self.basis is not None


def after_tax_money(ctx: Context) -> AfterTaxMoney:
    """Contributions, earnings and total, filling in the third from the other two."""
    f = ctx.facts
    c, e, t = f.after_tax_contributions, f.after_tax_earnings, f.after_tax_total
    if t is None and c is not None and e is not None:
        t = c + e
    if c is None and t is not None and e is not None:
        c = t - e
    if e is None and t is not None and c is not None:
        e = t - c
    if c is None or t is None:
        if c is None:
            ctx.need("after_tax_contributions")
        if e is None and t is None:
            ctx.need("after_tax_earnings")
    return AfterTaxMoney(t, c, e)


@dataclass(frozen=True, slots=True)
class SplitResult:
    split: BasisSplit | None
    steps: tuple[Step, ...]
    separate: bool  # the after-tax money keeps all its own basis (separate contract or whole plan)
    conditions: tuple[str, ...] = ()  # what every scenario built on this split must say


def split_subaccount(ctx: Context, money: AfterTaxMoney) -> SplitResult:
    """Basis and pretax in a distribution of the whole after-tax subaccount."""
    f = ctx.facts
    if not money.known:
        return SplitResult(None, (), True)
    assert money.total is not None and money.basis is not None
    pre_1987 = f.pre_1987_basis or ZERO
    steps: list[Step] = []
    if pre_1987:
        steps.append(
            Step(
                f"The first {dollars(pre_1987)} (after-tax contributions made before 1987) "
                "comes out tax-free before any pro-rata split.",
                "irc_72_e_8_d",
            )
        )
        ctx.assume(
            "Pre-1987 basis is treated as recoverable first; that holds only if the plan "
            "allowed in-service withdrawals of employee contributions on May 5, 1986."
        )
    if money.total == ZERO:
        return SplitResult(BasisSplit(ZERO, ZERO, ZERO), tuple(steps), True)
    if f.still_employed is False and f.after_tax_separately_accounted is not True:
        return _whole_plan_after_separation(ctx, money)
    if f.after_tax_separately_accounted is False:
        if f.pretax_balance is None:
            ctx.need("pretax_balance")
            return SplitResult(None, tuple(steps), False)
        balance = money.total + f.pretax_balance
        split = basis_in_distribution(money.total, money.basis, balance, pre_1987)
        steps.append(
            Step(
                f"The plan does not treat the after-tax money as a separate contract, so a "
                f"{dollars(money.total)} distribution carries basis in the ratio of all basis "
                f"({dollars(money.basis)}) to the whole non-Roth balance ({dollars(balance)}): "
                f"{dollars(split.nontaxable)} basis and {dollars(split.pretax)} pretax.",
                "irc_72_e_8",
            )
        )
        if f.roth_401k_balance:
            steps.append(
                Step(
                    f"The Roth 401(k) balance ({dollars(f.roth_401k_balance)}) is left out: "
                    "a designated Roth account is a separate contract.",
                    "irc_402a_d_4",
                )
            )
        ctx.use("irc_72_e_8")
        return SplitResult(split, tuple(steps), False)
    split = basis_in_distribution(money.total, money.basis, money.total, pre_1987)
    steps.append(
        Step(
            f"Treated as a separate contract, the {dollars(money.total)} after-tax subaccount "
            f"is {dollars(split.nontaxable)} basis (your contributions) and "
            f"{dollars(split.pretax)} pretax earnings.",
            "irc_72_d_2",
        )
    )
    if f.after_tax_separately_accounted is None:
        ctx.need("after_tax_separately_accounted")
        ctx.warn(
            "The figures assume the plan accounts for the after-tax money separately "
            "(IRC 72(d)(2)); if it does not, far less of a withdrawal is basis. Ask the plan "
            "administrator."
        )
    return SplitResult(split, tuple(steps), True)


def _whole_plan_after_separation(ctx: Context, money: AfterTaxMoney) -> SplitResult:
    """After separation the plan can pay out its whole non-Roth balance at once; with the
    other pretax money rolled directly to a traditional IRA or another plan, Notice 2014-54
    assigns pretax to that rollover first, so separate accounting no longer matters."""
    assert money.total is not None and money.basis is not None
    split = BasisSplit(money.total, money.basis, money.total - money.basis)
    pretax = ctx.facts.pretax_balance
    other = f" ({dollars(pretax)})" if pretax is not None else ""
    ctx.use("notice_2014_54", "irc_72_e_8")
    step = Step(
        "You have left the employer, so the plan can pay out its whole non-Roth balance at "
        f"once. With the other pretax money{other} rolled directly to a traditional IRA or "
        "another employer plan in the same distribution, the pretax amount is assigned to "
        f"that rollover first, so the {dollars(money.total)} after-tax money carries all "
        f"{dollars(split.nontaxable)} of basis and {dollars(split.pretax)} of pretax earnings.",
        "notice_2014_54",
    )
    return SplitResult(split, (step,), separate=True, conditions=(WHOLE_PLAN,))
