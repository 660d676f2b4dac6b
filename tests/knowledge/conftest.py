"""Shared helpers for the knowledge tests: one fixed 'today' and a calc() shortcut."""

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
def tax_rules_text() -> str:
    """tax-rules.md from the shared folder (skipped where the folder is not checked out)."""
    path = SHARED / "tax-rules.md"
    if not path.exists():
        pytest.skip("../shared/tax-rules.md is not available next to the checkout")
    return path.read_text(encoding="utf-8")
