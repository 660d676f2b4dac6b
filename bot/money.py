"""Formatting numbers the engine produced for people: $30,000, 24%, 59½."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from knowledge.money import dollars
from knowledge.money import percent as rate_percent


def money(value: Any) -> str:
    """``30000`` -> ``$30,000``; cents only when there are any; negatives as ``-$5``."""
    amount = Decimal(str(value))
    return ("-" if amount < 0 else "") + dollars(abs(amount))


def percent(value: Any) -> str:
    """``0.24`` -> ``24%``."""
    return rate_percent(Decimal(str(value)))


def fact_value(key: str, value: Any) -> str:
    """A stored fact as a person would say it."""
    from knowledge.facts import MONEY_KEYS, TRANSACTION_KEYS

    if isinstance(value, bool):
        return "yes" if value else "no"
    if key in MONEY_KEYS or key in TRANSACTION_KEYS:
        return money(value)
    if key == "marginal_rate":
        return percent(value)
    if key == "filing_status":
        return {
            "single": "single",
            "mfj": "married filing jointly",
            "mfs": "married filing separately",
            "hoh": "head of household",
        }.get(str(value), str(value))
    return str(value)
