"""A verdict on a figure the poster states and asks to have checked.

"If I roll all the after-tax money to a Roth IRA, do I only pay tax on the $5,000?": the
expert's reply opens "Yes: about $5,000 ..." or "No: about $Y, because ...". The figure
and its role are read by ``nlu.figures``; the quantities, the engine's scenario and field
for each, and the rounding a figure may have are data (``data/figures.yaml``). ``check``
is pure: a ``Finding`` (its id names the verdict, its params the two figures) or None.

Never a guess. No verdict without the facts the engine needs for the figure (the basis
and the earnings), for a move of part of the money, or for a move the engine says is not
possible. Where the answer turns on a fact not given (whether the plan accounts for the
after-tax money separately), a "Yes" says the condition, and a figure the condition would
decide gets what it turns on, never a "No": the pro-rata share only adds taxable money,
so only a figure below the earnings is wrong either way.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Protocol

from knowledge import yaml_files
from knowledge.answers import Finding, after_tax_parts


class Stated(Protocol):
    """A figure as ``nlu.figures.StatedFigure`` gives it (knowledge imports no nlu):
    ``source`` "plan" (the plan's after-tax money) or "ira" (a traditional IRA, with the
    ``basis`` the text states for it)."""

    @property
    def quantity(self) -> str: ...
    @property
    def amount(self) -> Decimal: ...
    @property
    def to(self) -> str: ...
    @property
    def moved(self) -> Decimal | None: ...
    @property
    def source(self) -> str: ...
    @property
    def basis(self) -> Decimal | None: ...


@cache
def _data() -> Mapping[str, Any]:
    return yaml_files.read(resources.files("knowledge").joinpath("data", "figures.yaml"))


def agrees(stated: Decimal, figure: Decimal) -> bool:
    """Whether ``stated`` is ``figure`` as a poster would round it (``rounding``)."""
    rounding = _data()["rounding"]
    within = max(Decimal(str(rounding["dollars"])), abs(figure) * Decimal(rounding["share"]))
    return abs(stated - figure) <= within


def _number(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def check(stated: Stated, facts: Mapping[str, Any], result: Mapping[str, Any]) -> Finding | None:
    """The verdict on ``stated`` for these facts and the engine's result
    (``CalcResult.to_json()``), or None when the engine cannot compute its figure."""
    if stated.source == "ira":
        return _ira(stated, facts)
    quantity = _data()["quantities"].get(stated.quantity)
    if quantity is None or stated.to not in quantity["scenario"]:
        return None
    basis, earnings = after_tax_parts(facts)
    if basis is None or earnings is None or basis < 0 or earnings < 0:
        return None
    if stated.moved is not None and not agrees(stated.moved, basis + earnings):
        return None  # (a move of part of the money: not the engine's scenario)
    scenario = next(
        (s for s in result.get("scenarios", ()) if s["id"] == quantity["scenario"][stated.to]),
        None,
    )
    if scenario is None or scenario.get("available") == "no":
        return None
    figure = _number(scenario.get(quantity["field"]))
    if figure is None:
        return None
    separate = facts.get("after_tax_separately_accounted")
    pretax = _number(facts.get("pretax_balance"))
    params = {
        "stated": stated.amount,
        "figure": figure,
        "basis": basis,
        "source": quantity["source"][stated.to],
    }
    rule = quantity["rule"][stated.to]
    same = agrees(stated.amount, figure)
    if separate is True or pretax == 0:
        verdict = "agrees" if same else "differs"
    elif separate is False:
        if pretax is None:
            return None  # (the pro-rata share needs the plan's pretax money)
        verdict, rule = (
            ("agrees_pro_rata" if same else "differs_pro_rata"),
            quantity["pro_rata_rule"],
        )
    elif same:
        verdict = "agrees_if_separate"
    elif stated.amount < figure:
        verdict = "differs_at_least"  # (below the earnings: wrong with or without pro-rata)
    else:
        verdict = "turns_on"
    return Finding(f"figure.{stated.quantity}.{verdict}", rule, params)


def _ira(stated: Stated, facts: Mapping[str, Any]) -> Finding | None:
    """The verdict on the taxable part of converting a whole traditional IRA: its value
    (``traditional_ira_balance``) above the basis the text states. Other IRA money at
    year-end only adds taxable money, so a figure below it is wrong either way, one above
    it turns on that money, and one that agrees holds on there being none."""
    if stated.quantity != "taxable" or stated.to != "roth_ira":
        return None
    quantity = _data()["quantities"]["taxable_ira"]
    balance = _number(facts.get("traditional_ira_balance"))
    basis = stated.basis
    if balance is None or basis is None or basis > balance:
        return None
    if stated.moved is not None and not agrees(stated.moved, balance):
        return None  # (part of the IRA converted: pro-rata over all IRAs, not this figure)
    figure = balance - basis
    params = {
        "stated": stated.amount,
        "figure": figure,
        "basis": basis,
        "source": quantity["source"],
    }
    if agrees(stated.amount, figure):
        verdict = "agrees_if_alone"
    elif stated.amount < figure:
        verdict = "differs_at_least"
    else:
        verdict = "turns_on"
    return Finding(f"figure.taxable_ira.{verdict}", quantity["rule"], params)
