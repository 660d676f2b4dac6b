"""Formatting numbers the engine produced for people: $30,000, 24%, 59½."""

from __future__ import annotations

from decimal import Decimal
from typing import Any


def money(value: Any) -> str:
    """``30000`` -> ``$30,000``; cents only when there are any; negatives as ``-$5``."""
    amount = Decimal(str(value))
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if amount == amount.to_integral_value():
        return f"{sign}${int(amount):,}"
    return f"{sign}${amount.quantize(Decimal('0.01')):,}"


def percent(value: Any) -> str:
    """``0.24`` -> ``24%``."""
    rate = Decimal(str(value)) * 100
    text = f"{rate.normalize():f}"
    return f"{text}%"


def fact_value(key: str, value: Any) -> str:
    """A stored fact as a person would say it."""
    from knowledge.facts import MONEY_KEYS

    if isinstance(value, bool):
        return "yes" if value else "no"
    if key in MONEY_KEYS:
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
