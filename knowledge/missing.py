"""Which missing facts to ask for first.

The bot asks one question at a time, so the order matters: a fact that can flip a
scenario from "yes" to "no" comes before one that only moves a dollar figure.
"""

from __future__ import annotations

from collections.abc import Iterable

# Most decision-changing first. A key not listed sorts after these, alphabetically.
PRIORITY: tuple[str, ...] = (
    "after_tax_contributions",
    "after_tax_earnings",
    "after_tax_total",
    "still_employed",
    "plan_allows_in_service",
    "after_tax_separately_accounted",
    "pretax_balance",
    "marginal_rate",
    "income",
    "filing_status",
    "age",
    "spouse_age",
    "plan_allows_in_plan_conversion",
    "retire_age",
    "separated_from_service_age",
    "has_roth_ira",
    "roth_ira_first_year",
    "employee_deferral",
    "employer_contribution",
)


def order_missing(keys: Iterable[str]) -> tuple[str, ...]:
    """``keys`` without duplicates, most decision-changing first."""
    rank = {key: index for index, key in enumerate(PRIORITY)}
    return tuple(sorted(set(keys), key=lambda k: (rank.get(k, len(PRIORITY)), k)))
