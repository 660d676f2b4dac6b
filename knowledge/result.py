"""The engine's result types and their JSON form (the ``rothbot calc`` object).

Money stays ``Decimal`` inside; ``to_json`` turns it into plain JSON numbers (int when
whole) and gives every list and dict a fixed order, so the same facts always produce
the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from knowledge.citations import cite
from knowledge.money import to_json_number

Availability = Literal["yes", "unknown", "no"]


@dataclass(frozen=True, slots=True)
class Step:
    """One line of the working, with the rule that justifies it."""

    text: str
    rule: str

    def to_json(self) -> dict[str, str]:
        return {"text": self.text, "rule": self.rule}


@dataclass(frozen=True, slots=True)
class Scenario:
    """One way of moving the after-tax money, and what it costs."""

    id: str
    available: Availability
    why: str
    to_roth_ira: Decimal | None = None
    to_traditional_ira: Decimal | None = None
    to_roth_401k: Decimal | None = None
    cash: Decimal | None = None
    taxable_income: Decimal | None = None
    federal_tax: Decimal | None = None
    penalty: Decimal | None = None
    withholding: Decimal | None = None
    conditions: tuple[str, ...] = ()
    citations: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "available": self.available,
            "why": self.why,
            "to_roth_ira": to_json_number(self.to_roth_ira),
            "to_traditional_ira": to_json_number(self.to_traditional_ira),
            "to_roth_401k": to_json_number(self.to_roth_401k),
            "cash": to_json_number(self.cash),
            "taxable_income": to_json_number(self.taxable_income),
            "federal_tax": to_json_number(self.federal_tax),
            "penalty": to_json_number(self.penalty),
            "withholding": to_json_number(self.withholding),
            "conditions": list(self.conditions),
            "citations": list(self.citations),
            "steps": [s.to_json() for s in self.steps],
            "details": jsonable(self.details),
        }


@dataclass(frozen=True, slots=True)
class OpenPoint:
    id: str
    summary: str
    note: str  # path of the note inside the package, e.g. knowledge/notes/<id>.md

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "summary": self.summary, "note": self.note}


@dataclass(frozen=True, slots=True)
class CalcResult:
    """Everything ``calculate`` found, in the shape ARCHITECTURE.md fixes."""

    tax_year: int
    scenarios: tuple[Scenario, ...]
    clocks: dict[str, Any]
    limits: dict[str, Any]
    missing: tuple[str, ...]
    warnings: tuple[str, ...]
    open_points: tuple[OpenPoint, ...]
    assumptions: tuple[str, ...]
    rules: tuple[str, ...]  # every rule id used anywhere, sorted

    def scenario(self, scenario_id: str) -> Scenario:
        """The scenario with ``scenario_id`` (KeyError if the engine did not produce it)."""
        for scenario in self.scenarios:
            if scenario.id == scenario_id:
                return scenario
        raise KeyError(scenario_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "tax_year": self.tax_year,
            "scenarios": [s.to_json() for s in self.scenarios],
            "clocks": jsonable(self.clocks),
            "limits": jsonable(self.limits),
            "missing": list(self.missing),
            "warnings": list(self.warnings),
            "open_points": [p.to_json() for p in self.open_points],
            "assumptions": list(self.assumptions),
            "sources": {rule: cite(rule).to_dict() for rule in self.rules},
        }


def jsonable(value: Any) -> Any:
    """Decimals to JSON numbers, tuples to lists, dates to ISO strings, recursively."""
    if isinstance(value, Decimal):
        return to_json_number(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "to_json"):
        return jsonable(value.to_json())
    return value
