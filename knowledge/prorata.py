"""How much of a plan distribution is after-tax basis: IRC 72(e)(8).

``basis_in_distribution`` says which part of the money leaving the plan is basis
(72(e)(8)(B) ratio, after the pre-1987 grandfathered basis of 72(e)(8)(D)). Where that
basis and the pretax part land when one distribution goes to several places (Notice
2014-54 sec. III: pretax goes to the direct rollovers first) is each scenario's business
(``knowledge.scenarios``), so there is one implementation of the assignment.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from knowledge.money import ZERO, cents


@dataclass(frozen=True, slots=True)
class BasisSplit:
    """A distribution split into nontaxable basis and pretax (taxable if not rolled)."""

    distribution: Decimal
    nontaxable: Decimal
    pretax: Decimal


def basis_in_distribution(
    distribution: Decimal,
    basis: Decimal,
    balance: Decimal,
    pre_1987_basis: Decimal = ZERO,
) -> BasisSplit:
    """Split ``distribution`` from a contract worth ``balance`` holding ``basis``.

    ``pre_1987_basis`` (part of ``basis``) comes out first and tax-free (72(e)(8)(D),
    for plans that allowed in-service withdrawals on May 5, 1986); the rest of the
    distribution carries basis in the ratio of the remaining basis to the remaining
    balance (72(e)(8)(B)). Raises ValueError for impossible inputs.
    """
    if balance <= 0 or distribution < 0 or basis < 0:
        raise ValueError("balance must be positive; distribution and basis not negative")
    if distribution > balance or basis > balance or pre_1987_basis > basis:
        raise ValueError("distribution and basis cannot exceed the balance")
    first = min(distribution, pre_1987_basis)
    rest = distribution - first
    rest_balance = balance - first
    rest_basis = basis - first
    ratio_part = rest * rest_basis / rest_balance if rest_balance > 0 else ZERO
    nontaxable = cents(first + ratio_part)
    return BasisSplit(distribution, nontaxable, distribution - nontaxable)
