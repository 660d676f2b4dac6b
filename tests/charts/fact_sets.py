"""The fact sets every chart test draws: the seed thread and three other people."""

from __future__ import annotations

from datetime import date
from typing import Any

TODAY = date(2026, 12, 6)

FACT_SETS: dict[str, dict[str, Any]] = {
    # The seed thread: 51, $30k basis and $10k earnings, still employed, T. Rowe Price.
    "seed": {
        "age": 51,
        "after_tax_contributions": 30000,
        "after_tax_earnings": 10000,
        "still_employed": True,
        "provider": "T. Rowe Price",
    },
    # Younger, a marginal rate, plans to leave at 58: waiting pushes the Roth IRA's
    # 5-year date past 59½.
    "leaves_at_58": {
        "age": 45,
        "retire_age": 58,
        "after_tax_total": 80000,
        "after_tax_contributions": 60000,
        "marginal_rate": "0.24",
        "has_roth_ira": False,
        "still_employed": True,
        "plan_allows_in_service": True,
        "plan_allows_in_plan_conversion": True,
        "after_tax_separately_accounted": True,
    },
    # A retiree past 59½ with a Roth IRA since 2015: every clock is already met.
    "retiree": {
        "age": 62,
        "still_employed": False,
        "separated_from_service_age": 60,
        "after_tax_contributions": 50000,
        "after_tax_earnings": 25000,
        "has_roth_ira": True,
        "roth_ira_first_year": 2015,
        "income": 90000,
        "filing_status": "mfj",
    },
    # Left at 55, now 56, no Roth IRA yet.
    "left_at_55": {
        "age": 56,
        "still_employed": False,
        "separated_from_service_age": 55,
        "after_tax_contributions": 20000,
        "after_tax_earnings": 5000,
        "has_roth_ira": False,
        "marginal_rate": "0.22",
    },
}
