"""The federal tax a conversion of a stated amount adds: IRA or pretax plan money.

A conversion's taxable part is ordinary income in the year it is made (IRC 408A(d)(3)(A)),
taxed at the rates of the brackets it lands in: the engine's own increment through the
year's brackets (``Context.federal_tax``), never a rate times the amount unless the person
gave only their marginal rate. The whole amount is taken to be pretax money: after-tax
money in it (an IRA's nondeductible basis, a plan's after-tax contributions) is not taxed,
and the assumption says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from knowledge.money import dollars

if TYPE_CHECKING:
    from knowledge.context import Context


def conversion_tax(ctx: Context) -> dict[str, Any] | None:
    """``{"amount", "federal_tax", "basis"}`` for the stated conversion amount, or None when
    no amount is stated. ``federal_tax`` is None (and the facts that would give it are in
    ``missing``) when neither income and filing status nor a marginal rate is known;
    ``basis`` says how it was figured: ``"brackets"`` or ``"marginal_rate"``."""
    facts = ctx.facts
    amount = facts.conversion_amount
    if amount is None:
        return None
    ctx.use("conversion_income")
    tax, _steps = ctx.federal_tax(amount)
    brackets = facts.income is not None and facts.filing_status is not None
    if tax is not None:
        ctx.assume(
            f"The {dollars(amount)} conversion is taken to be all pretax money; any after-tax "
            "basis in it (an IRA's nondeductible contributions, Form 8606) is not taxed."
        )
    return {
        "amount": amount,
        "federal_tax": tax,
        "basis": None if tax is None else ("brackets" if brackets else "marginal_rate"),
    }
