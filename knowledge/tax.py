"""Federal income tax on an added amount: the increment through the brackets.

A rollover's taxable part is taxed at the rates of the brackets it lands in, not at the
average rate of the whole return, so the engine computes tax(base + extra) - tax(base).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from knowledge.money import ZERO, cents


def bracket_tax(taxable_income: Decimal, brackets: Sequence[dict[str, Any]]) -> Decimal:
    """Tax on ``taxable_income`` under ``brackets`` ([{rate, from}], ascending), in cents."""
    income = max(ZERO, taxable_income)
    tax = ZERO
    for index, bracket in enumerate(brackets):
        start = Decimal(bracket["from"])
        if income <= start:
            break
        end = Decimal(brackets[index + 1]["from"]) if index + 1 < len(brackets) else None
        top = income if end is None else min(income, end)
        tax += (top - start) * Decimal(bracket["rate"])
    return cents(tax)


def tax_increment(
    base_taxable_income: Decimal, extra: Decimal, brackets: Sequence[dict[str, Any]]
) -> Decimal:
    """Extra tax caused by adding ``extra`` to ``base_taxable_income`` (both may be < 0
    before clamping: a base below zero means unused deduction absorbs part of extra)."""
    return bracket_tax(base_taxable_income + extra, brackets) - bracket_tax(
        base_taxable_income, brackets
    )


def top_rate_reached(taxable_income: Decimal, brackets: Sequence[dict[str, Any]]) -> Decimal:
    """The rate on the last dollar of ``taxable_income``: a band's rate applies above its
    lower bound, so income ending exactly on a bound has not reached the next rate."""
    rate = Decimal(brackets[0]["rate"])
    for bracket in brackets:
        if taxable_income > Decimal(bracket["from"]):
            rate = Decimal(bracket["rate"])
    return rate
