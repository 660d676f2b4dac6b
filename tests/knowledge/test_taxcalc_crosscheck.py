"""The engine's federal tax against Tax-Calculator, household by household, within $1.

``tests/knowledge/data/taxcalc_federal_tax.csv`` holds 900 households (300 a year,
2024-2026: every filing status, 65 and older, mixed-age couples, blind filers) with
Tax-Calculator's regular tax before credits at their income and with a rollover's taxable
amount added; ``benchmarks/taxcalc_crosscheck.py`` regenerates it. Each row is checked
twice: the household tax itself (``knowledge.income_tax``), and the rollover's tax through
``calculate``, the path a reply takes.
"""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from knowledge.engine import calculate
from knowledge.facts import Facts
from knowledge.income_tax import Household, income_tax

TABLE = Path(__file__).resolve().parent / "data" / "taxcalc_federal_tax.csv"
TOLERANCE = Decimal(1)


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as table:
        return list(csv.DictReader(line for line in table if not line.startswith("#")))


ROWS = _rows()


def _aged(age: str, year: int) -> int:
    """Tax-Calculator's ages are at the end of the year: 65 or more is aged."""
    return int(bool(age) and int(age) >= 65)


def _household(row: dict[str, str]) -> Household:
    year, status = int(row["year"]), row["filing_status"]
    joint = status == "mfj"
    aged = _aged(row["age"], year) + (_aged(row["spouse_age"], year) if joint else 0)
    blind = int(row["blind"]) + (int(row["spouse_blind"]) if joint else 0)
    return Household(status, aged=aged, blind=blind)


def test_the_table_covers_every_year_status_and_retirees():
    assert len(ROWS) >= 900
    assert {r["year"] for r in ROWS} == {"2024", "2025", "2026"}
    assert {r["filing_status"] for r in ROWS} == {"single", "mfj", "mfs", "hoh"}
    assert sum(int(r["age"]) >= 65 for r in ROWS) >= 300
    mixed = [
        r for r in ROWS if r["spouse_age"] and (int(r["age"]) >= 65) != (int(r["spouse_age"]) >= 65)
    ]
    assert len(mixed) >= 30


def test_household_tax_matches_tax_calculator_within_a_dollar():
    worst = Decimal(0)
    for row in ROWS:
        year, household = int(row["year"]), _household(row)
        income, taxable = Decimal(row["income"]), Decimal(row["taxable"])
        for magi, expected in ((income, row["tax_before"]), (income + taxable, row["tax_after"])):
            difference = abs(income_tax(year, household, magi) - Decimal(expected))
            assert difference <= TOLERANCE, (row, magi)
            worst = max(worst, difference)
    assert worst <= TOLERANCE


def test_the_rollovers_tax_through_calculate_matches_tax_calculator_within_a_dollar():
    """Ages are given as of Dec 31 of the tax year, as Tax-Calculator counts them; a 64
    who may turn 65 on Jan 1 is figured as under 65, as Tax-Calculator does."""
    for row in ROWS:
        year = int(row["year"])
        facts = {
            "age": int(row["age"]),
            "filing_status": row["filing_status"],
            "income": row["income"],
            "after_tax_total": row["taxable"],
            "after_tax_contributions": 0,
            "after_tax_separately_accounted": True,
            "still_employed": False,
            "blind": row["blind"] == "1",
            "year": year,
        }
        if row["filing_status"] == "mfj":
            facts["spouse_age"] = int(row["spouse_age"])
            facts["spouse_blind"] = row["spouse_blind"] == "1"
        result = calculate(Facts.from_mapping(facts), today=date(year, 12, 31))
        tax = result.scenario("all_to_roth_ira").federal_tax or Decimal(0)
        expected = Decimal(row["tax_after"]) - Decimal(row["tax_before"])
        assert abs(tax - expected) <= TOLERANCE, row


@pytest.mark.parametrize("status", ["single", "mfj", "mfs", "hoh"])
def test_the_table_has_65_and_older_for_every_status(status):
    assert any(r["filing_status"] == status and int(r["age"]) >= 65 for r in ROWS)
