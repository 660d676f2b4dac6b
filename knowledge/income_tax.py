"""Taxable income and regular federal income tax for a household, retirees included.

Taxable income is modified AGI less the standard deduction (IRC 63(c)), the additional
amount for each person 65 or older or blind (63(f)), and for 2025-2028 the senior
deduction of each person 65 or older, phased out by modified AGI (151(d)(5)(C)). Because
the senior deduction shrinks as income grows, a rollover's tax is the difference of two
whole computations, never a rate times the amount. Pure: the year's parameters come in
through ``param`` (``knowledge.params.param`` by default, the engine's recording lookup
in a calculation).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from knowledge.money import ZERO, cents
from knowledge.params import param as plain_param
from knowledge.tax import bracket_tax

Param = Callable[[str, int], Any]
MARRIED = ("mfj", "mfs")


@dataclass(frozen=True, slots=True)
class Household:
    """Who is on the return: filing status, and how many of the filer and (on a joint
    return) the spouse are 65 or older at the end of the year, and how many are blind."""

    filing_status: str
    aged: int = 0
    blind: int = 0


@dataclass(frozen=True, slots=True)
class TaxableIncome:
    magi: Decimal
    standard: Decimal  # the basic standard deduction
    additional: Decimal  # 63(f): age 65 and blindness
    senior: Decimal  # 151(d)(5): after the phase-out
    taxable_income: Decimal
    tax: Decimal

    @property
    def deductions(self) -> Decimal:
        return self.standard + self.additional + self.senior


def senior_deduction(
    year: int, household: Household, magi: Decimal, param: Param = plain_param
) -> Decimal:
    """151(d)(5)(C): each qualified individual's amount less the phase-out rate times
    modified AGI above the threshold, not below zero; none on a separate return."""
    if household.aged == 0:
        return ZERO
    rule = param("gov.irs.income.senior_deduction", year)
    if rule is None:
        return ZERO
    threshold = rule["threshold"][household.filing_status]
    if threshold is None:
        return ZERO
    each = max(ZERO, rule["amount"] - rule["phase_out_rate"] * max(ZERO, magi - threshold))
    return cents(each * household.aged)


def taxable_income(
    year: int, household: Household, magi: Decimal, param: Param = plain_param
) -> TaxableIncome:
    """Modified AGI less every deduction a household without itemized deductions has."""
    status = household.filing_status
    standard = param(f"gov.irs.income.standard_deduction.{status}", year)
    boxes = household.aged + household.blind
    additional = ZERO
    if boxes:
        kind = "married" if status in MARRIED else "unmarried"
        additional = param(f"gov.irs.income.additional_standard_deduction.{kind}", year) * boxes
    senior = senior_deduction(year, household, magi, param)
    taxable = max(ZERO, magi - standard - additional - senior)
    brackets = param(f"gov.irs.income.brackets.{status}", year)
    return TaxableIncome(
        magi, standard, additional, senior, taxable, bracket_tax(taxable, brackets)
    )


def income_tax(
    year: int, household: Household, magi: Decimal, param: Param = plain_param
) -> Decimal:
    """Regular federal income tax before credits on ``magi`` of ordinary income."""
    return taxable_income(year, household, magi, param).tax
