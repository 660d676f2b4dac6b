"""The working state of one calculation: parameters used, warnings, missing facts.

Scenario, clock and limit functions all write into one ``Context`` so that the result
can list every rule used, warn once per unverified figure and ask for each missing fact
once, without threading five lists through every call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from knowledge.ages import DateRange, possible_births
from knowledge.facts import Facts
from knowledge.household_tax import rollover_tax
from knowledge.money import ZERO, cents, dollars, percent
from knowledge.params import lookup
from knowledge.result import Step


def _add_once(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


@dataclass
class Context:
    facts: Facts
    today: date
    year: int
    growth_rate: Decimal
    growth_rate_is_default: bool
    warnings: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    open_points: list[str] = field(default_factory=list)
    rules: set[str] = field(default_factory=set)

    def param(self, name: str, year: int | None = None) -> Any:
        """Look a parameter up for the tax year, recording its rule and warning when the
        value could not be checked against a source."""
        value = lookup(name, self.year if year is None else year)
        if value.rule and value.value is not None:  # null: the rule did not exist that year
            self.rules.add(value.rule)
        if not value.verified:
            _add_once(
                self.warnings,
                f"{value.label.capitalize()} for {value.year} could not be checked against "
                "any source rothbot has; treat figures that use it as estimates.",
            )
        return value.value

    def warn(self, sentence: str) -> None:
        _add_once(self.warnings, sentence)

    def assume(self, sentence: str) -> None:
        _add_once(self.assumptions, sentence)

    def need(self, *keys: str) -> None:
        for key in keys:
            _add_once(self.missing, key)

    def open(self, point_id: str) -> None:
        _add_once(self.open_points, point_id)

    def use(self, *rule_ids: str) -> None:
        self.rules.update(rule_ids)

    @property
    def births(self) -> DateRange | None:
        """The person's birth date, or the range their age in years allows."""
        return possible_births(self.facts.birth_date, self.facts.age, self.today)

    @property
    def distribution_dates(self) -> DateRange:
        """When a move discussed now happens: today in the current tax year; any day of
        another tax year."""
        if self.year == self.today.year:
            return DateRange(self.today, self.today)
        return DateRange(date(self.year, 1, 1), date(self.year, 12, 31))

    def federal_tax(self, taxable: Decimal | None) -> tuple[Decimal | None, list[Step]]:
        """Federal income tax caused by ``taxable`` more income, or ``None`` if the facts
        do not allow it (then the facts that would are added to ``missing``).

        With income and filing status the brackets give the figure (with the deductions
        of age 65, blindness and the senior deduction); a stated marginal rate is the
        person's own estimate, shown beside it. With only a marginal rate, that rate is
        all there is to go on."""
        if taxable is None:
            return None, []
        if taxable == ZERO:
            return ZERO, []
        facts = self.facts
        if facts.income is not None and facts.filing_status is not None:
            return rollover_tax(self, facts.income, facts.filing_status, taxable)
        if facts.marginal_rate is not None:
            self.use("irc_1_j")
            self.assume(
                f"Federal tax applies your marginal rate of {percent(facts.marginal_rate)} to "
                "the whole taxable amount; a large amount can reach a higher bracket, and "
                "state tax is not included."
            )
            tax = cents(taxable * facts.marginal_rate)
            return tax, [
                Step(
                    f"{dollars(taxable)} x {percent(facts.marginal_rate)} marginal rate = "
                    f"{dollars(tax)} federal tax.",
                    "irc_1_j",
                )
            ]
        self.need("marginal_rate")
        if facts.income is None:
            self.need("income")
        if facts.filing_status is None:
            self.need("filing_status")
        return None, []
