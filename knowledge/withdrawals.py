"""Taking Roth money out later: Roth IRA ordering, Roth 401(k) pro-rata, recapture.

These answer the follow-up questions ("what if I take $12,000 out at 53?"). They take an
``exception_applies`` flag rather than an age: whether 59½, the age-55 separation rule or
another 72(t) exception covers the distribution is decided by the one implementation of
those tests (``knowledge.ages`` through ``knowledge.early_distribution``), because the
age-55 rule also depends on where the money sits (plan, not IRA: 72(t)(3)(A)). The
length of a recapture period is the year's ``gov.irs.roth.five_year_periods`` parameter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from knowledge.money import ZERO, cents
from knowledge.params import param


def recapture_years(year: int) -> int:
    """The conversion year and the years after it in its recapture period (408A(d)(3)(F))."""
    return int(param("gov.irs.roth.five_year_periods.conversion_recapture", year))


@dataclass(frozen=True, slots=True)
class Conversion:
    """One conversion or plan-to-Roth rollover: its year and its taxable/nontaxable parts."""

    year: int
    taxable: Decimal
    nontaxable: Decimal = ZERO

    def in_recapture_window(self, year: int) -> bool:
        """408A(d)(3)(F): within the 5-taxable-year period starting with its own year."""
        return self.year <= year < self.year + recapture_years(self.year)


@dataclass(frozen=True, slots=True)
class WithdrawalTax:
    income: Decimal  # includible in gross income
    additional_tax: Decimal  # 10% on income plus the recapture, where no exception applies
    recaptured: Decimal  # taxable conversion amounts reached within their windows


def _with_additional_tax(
    income: Decimal, recaptured: Decimal, *, exception_applies: bool, rate: Decimal
) -> WithdrawalTax:
    """72(t)(1) charges 10% on the income, and 408A(d)(3)(F) on the recaptured conversion
    amounts as if they were income; a 72(t) exception removes both."""
    if exception_applies:
        return WithdrawalTax(income, ZERO, ZERO)
    return WithdrawalTax(income, cents((income + recaptured) * rate), recaptured)


def roth_ira_withdrawal(
    *,
    regular: Decimal,
    conversions: Sequence[Conversion],
    earnings: Decimal,
    amount: Decimal,
    year: int,
    qualified: bool,
    exception_applies: bool,
    rate: Decimal,
) -> WithdrawalTax:
    """Tax on taking ``amount`` out of the Roth IRAs (aggregated) in ``year``.

    Ordering (408A(d)(4), Treas. Reg. 1.408A-6 Q&A-8): regular contributions, then
    conversions oldest first (taxable part before nontaxable), then earnings. Earnings are
    income unless the distribution is qualified; the taxable part of a conversion still in
    its 5-year window is recaptured at 10% unless an exception applies (408A(d)(3)(F)).
    """
    if amount > regular + sum(c.taxable + c.nontaxable for c in conversions) + earnings:
        raise ValueError("the withdrawal is larger than the Roth IRA")
    left = amount - min(amount, regular)
    recaptured = ZERO
    for conversion in sorted(conversions, key=lambda c: c.year):
        taken = min(left, conversion.taxable)
        left -= taken
        if conversion.in_recapture_window(year):
            recaptured += taken
        left -= min(left, conversion.nontaxable)
    earnings_out = min(left, earnings)
    income = ZERO if qualified else earnings_out
    return _with_additional_tax(income, recaptured, exception_applies=exception_applies, rate=rate)


def drac_withdrawal(
    *,
    balance: Decimal,
    basis: Decimal,
    conversions: Sequence[Conversion],
    amount: Decimal,
    year: int,
    qualified: bool,
    exception_applies: bool,
    rate: Decimal,
) -> WithdrawalTax:
    """Tax on a distribution of ``amount`` from a designated Roth account (Roth 401(k)).

    Nonqualified distributions are pro-rata between basis and earnings (402A(d)(4),
    72(e)(8)); there are no Roth IRA ordering rules inside the plan. ``basis`` includes
    the amounts already taxed at in-plan conversions. The basis part is taken to reach
    the conversions' taxable amounts first for the recapture; Notice 2010-84's exact
    allocation was not retrieved (see notes/irr_recapture_after_rollover.md).
    """
    if amount > balance or basis > balance:
        raise ValueError("the withdrawal and the basis cannot exceed the balance")
    if qualified or amount == ZERO:
        return WithdrawalTax(ZERO, ZERO, ZERO)
    nontaxable = cents(amount * basis / balance)
    income = amount - nontaxable
    in_window = sum((c.taxable for c in conversions if c.in_recapture_window(year)), start=ZERO)
    recaptured = min(nontaxable, in_window)
    return _with_additional_tax(income, recaptured, exception_applies=exception_applies, rate=rate)


@dataclass(frozen=True, slots=True)
class DracRollover:
    regular_contributions: Decimal
    earnings: Decimal


def drac_rollover_to_roth_ira(amount: Decimal, basis: Decimal, *, qualified: bool) -> DracRollover:
    """How a Roth 401(k) rollover lands in a Roth IRA (Treas. Reg. 1.408A-10 Q&A-3(a)):
    the investment in the contract becomes regular contributions, the rest earnings; a
    qualified distribution is regular contributions in full."""
    if qualified:
        return DracRollover(amount, ZERO)
    return DracRollover(basis, amount - basis)


def five_taxable_years(first_year: int) -> tuple[int, int]:
    """The first and last year of a 5-taxable-year period starting in ``first_year``; the
    period is met on Jan 1 of the year after the last (1.402A-1 Q&A-4, 1.408A-6 Q&A-2)."""
    return first_year, first_year + recapture_years(first_year) - 1
