"""Shared helpers for the knowledge tests: one fixed 'today', a calc() shortcut and the
forum question of tax-rules.md section 11 as facts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from knowledge.engine import calculate
from knowledge.facts import Facts
from knowledge.result import CalcResult

TODAY = date(2026, 11, 27)
FORUM_QUESTION: dict[str, Any] = {
    "age": 51,
    "retire_age": 55,
    "after_tax_total": 40000,
    "after_tax_contributions": 30000,
    "after_tax_separately_accounted": True,
    "still_employed": True,
    "has_roth_ira": False,
    "marginal_rate": "0.24",
    "year": 2026,
}
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"


def run_calc(today: date = TODAY, growth_rate: Decimal | None = None, **facts: Any) -> CalcResult:
    """Run the engine on keyword facts (validated exactly as the CLI would)."""
    return calculate(Facts.from_mapping(facts), today=today, growth_rate=growth_rate)


@pytest.fixture
def calc() -> Callable[..., CalcResult]:
    """``calc(**facts)``: the engine with today fixed to 2026-11-27."""
    return run_calc


@pytest.fixture
def forum() -> dict[str, Any]:
    """tax-rules.md section 11: 51, still employed, leaving at 55, no Roth IRA yet, a
    separately accounted $40,000 after-tax subaccount ($30,000 contributions), 24%, 2026.
    A fresh dict per test; ``{**forum, "age": None}`` makes a fact unknown."""
    return dict(FORUM_QUESTION)


@pytest.fixture
def tax_rules_text() -> str:
    """tax-rules.md from the shared folder (skipped where the folder is not checked out)."""
    path = SHARED / "tax-rules.md"
    if not path.exists():
        pytest.skip("../shared/tax-rules.md is not available next to the checkout")
    return path.read_text(encoding="utf-8")
