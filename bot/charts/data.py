"""The data a chart is drawn from: a pure function of the facts, as plain JSON.

Every date and amount here is copied from the engine (``knowledge.engine.calculate``
for the clocks and the cost of each move, ``knowledge.outlook.outlook`` for when each
part is free and the value at 59½); this module only picks and arranges them. The
drawing code (``bot.charts.render``) formats what it finds here and computes nothing,
so ``rothbot ask --json`` can carry the same object and tests can compare it with the
engine's figures one by one.

Importing this module never imports matplotlib: a turn stays as fast as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from knowledge.engine import calculate
from knowledge.facts import Facts
from knowledge.outlook import ROUTE_LABELS, outlook
from knowledge.result import CalcResult, jsonable

#: What a chart needs before it can say anything true.
NEEDS = (
    "A chart needs your age and the after-tax money split into contributions and earnings "
    "(or the total and one of them)."
)

CLOCK_LABELS = {
    "roth_ira_five_year": "Roth IRA 5-year clock",
    "roth_401k_five_year": "Roth 401(k) 5-year period",
    "conversion_recapture": "10% recapture window",
}

#: Which clocks each route's timeline shows (recapture windows are matched by scenario).
ROUTE_CLOCKS = {
    "split_rollover": ("roth_ira_five_year",),
    "all_to_roth_ira": ("roth_ira_five_year",),
    "in_plan_conversion": ("roth_401k_five_year",),
    "cash_out": (),
    "wait_until_separation": (),
}


def could_chart(facts: Mapping[str, Any]) -> bool:
    """Cheap test (no calculation) that ``chart_data`` may succeed: an age and two of the
    after-tax contributions, earnings and total. Used to offer a chart, never to promise
    one: ``chart_data`` still says what is missing when the engine cannot cost a route."""
    amounts = ("after_tax_contributions", "after_tax_earnings", "after_tax_total")
    return facts.get("age") is not None and sum(facts.get(k) is not None for k in amounts) >= 2


class ChartUnavailable(ValueError):
    """The facts do not yet allow a chart; the message says what is missing."""


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _clocks(result: CalcResult, route_id: str, wait_clock: str | None) -> list[dict[str, Any]]:
    """The route's clocks as bars: start, end, the engine's sentence and rule."""
    bars: list[dict[str, Any]] = []
    for key in ROUTE_CLOCKS.get(route_id, ()):
        clock = result.clocks.get(key)
        if not clock or not clock.get("starts") or not clock.get("five_years_met_on"):
            continue
        bars.append(
            {
                "id": key,
                "label": CLOCK_LABELS[key],
                "from": _iso(clock["starts"]),
                "to": _iso(clock["five_years_met_on"]),
                "text": clock["text"],
                "rule": clock["rule"],
            }
        )
    if route_id == "wait_until_separation" and wait_clock:
        bars.append(
            {
                "id": "roth_ira_five_year",
                "label": CLOCK_LABELS["roth_ira_five_year"],
                "from": None,
                "to": wait_clock,
                "text": "Roth IRA 5-year clock: met on the date shown if the rollover at "
                "separation opens your first Roth IRA.",
                "rule": "reg_1_408a_6",
            }
        )
    for window in result.clocks.get("conversion_recapture") or []:
        if window["scenario"] != route_id or not window.get("max_recapture"):
            continue
        bars.append(
            {
                "id": "conversion_recapture",
                "label": CLOCK_LABELS["conversion_recapture"],
                "from": _iso(window["from"]),
                "to": _iso(window["through"]),
                "amount": jsonable(window["taxable_amount"]),
                "max_recapture": jsonable(window["max_recapture"]),
                "text": window["text"],
                "rule": window["rule"],
            }
        )
    return bars


def _markers(result: CalcResult, view: Mapping[str, Any]) -> list[dict[str, Any]]:
    """59½ (a range of dates) and the age-55 separation year (a calendar year or two)."""
    markers: list[dict[str, Any]] = []
    half = result.clocks.get("age_59_half")
    if half:
        markers.append(
            {
                "id": "age_59_half",
                "label": "59½",
                "from": half["earliest"],
                "to": half["latest"],
                "text": half["text"],
                "rule": "irc_72_t_2_a_i",
            }
        )
    years = view.get("age_55_years") or []
    if years:
        span = " or ".join(str(y) for y in years)
        markers.append(
            {
                "id": "age_55",
                "label": "Turn 55",
                "years": list(years),
                "text": f"You turn 55 in {span}: leaving the employer in or after that year "
                "ends the 10% on money paid from the plan (not from an IRA).",
                "rule": "irc_72_t_2_a_v",
            }
        )
    return markers


def _comparison_row(result: CalcResult, route: Mapping[str, Any], today: date) -> dict[str, Any]:
    scenario = result.scenario(route["id"]).to_json()
    moved_on = route["moves"][0]["on"] if route["moves"] else None
    growth = next((p for p in route["parts"] if p["id"] == "growth"), None)
    return {
        "id": route["id"],
        "label": route["label"],
        "available": scenario["available"],
        "moved_on": None if moved_on == today.isoformat() else moved_on,
        "taxable_now": scenario["taxable_income"],
        "tax_now": scenario["federal_tax"],
        "penalty_now": scenario["penalty"],
        "cash_now": scenario["cash"],
        "roth_at_59_half": route["roth_at_59_half"],
        "pretax_at_59_half": route["pretax_at_59_half"],
        "tax_free_at_59_half": route["tax_free_at_59_half"],
        "tax_free_from": growth["tax_free_from"] if growth else None,
        "text": route["text"],
    }


def _end(today: date, dates: Sequence[str | None]) -> date:
    """Jan 1 after the last date on the timeline (at least five years on)."""
    last = max([date.fromisoformat(d) for d in dates if d] + [date(today.year + 5, 1, 1)])
    return date(last.year + 1, 1, 1)


def pick_route(routes: Sequence[Mapping[str, Any]], wanted: Sequence[str] = ()) -> str:
    """The route the timeline shows: the first one asked for that the facts allow, else
    the one the reply leads with (the split when possible: the expert's answer)."""
    ids = [r["id"] for r in routes]
    for route_id in wanted:
        if route_id in ids:
            return route_id
    for route in routes:  # the engine lists the split first; "no" routes have no outlook
        if route["id"] != "cash_out":
            return route["id"]
    return ids[0]


def chart_data(
    facts: Mapping[str, Any] | Facts,
    *,
    today: date,
    growth_rate: Decimal | None = None,
    route: str | Sequence[str] = (),
    result: CalcResult | None = None,
) -> dict[str, Any]:
    """The two charts' data for ``facts`` on ``today``. Raises ``ChartUnavailable`` (a
    sentence for a person) when the facts cannot support a chart yet, and
    ``knowledge.facts.InvalidFacts`` for facts the engine refuses.

    ``route`` names the route (or routes, in order of preference) the timeline shows;
    ``result`` is the engine's result for the same facts when the caller has it already.
    """
    checked = facts if isinstance(facts, Facts) else Facts.from_mapping(dict(facts))
    if result is None:
        result = calculate(checked, today=today, growth_rate=growth_rate)
    view = outlook(checked, result, today=today, growth_rate=growth_rate).json()
    routes = view["routes"]
    if checked.age is None or not routes:
        raise ChartUnavailable(NEEDS)
    wanted = [route] if isinstance(route, str) else list(route)
    unknown = [r for r in wanted if r not in ROUTE_LABELS]
    if unknown:
        raise ChartUnavailable(
            f"There is no route called {unknown[0]!r}; choose one of "
            + ", ".join(ROUTE_LABELS)
            + "."
        )
    chosen = pick_route(routes, wanted)
    shown = next(r for r in routes if r["id"] == chosen)
    wait_clock = shown["roth_five_year_met_on"] if chosen == "wait_until_separation" else None
    clocks = _clocks(result, chosen, wait_clock)
    markers = _markers(result, view)
    dates: list[str | None] = [c["to"] for c in clocks] + [
        m.get("to") for m in markers if m.get("to")
    ]
    for part in shown["parts"]:
        for key in ("tax_free_from", "penalty_free_from"):
            if part[key]:
                dates.append(part[key]["latest"])
    return {
        "today": today.isoformat(),
        "tax_year": result.tax_year,
        "timeline": {
            "route": chosen,
            "route_label": shown["label"],
            "available": shown["available"],
            "from": today.isoformat(),
            "to": _end(today, dates).isoformat(),
            "moves": shown["moves"],
            "clocks": clocks,
            "markers": markers,
            "parts": shown["parts"],
        },
        "routes": {
            "growth_rate": view["growth_rate"],
            "growth_rate_is_default": view["growth_rate_is_default"],
            "years_to_59_half": view["years_to_59_half"],
            "assumptions": view["assumptions"],
            "rows": [_comparison_row(result, r, today) for r in routes],
        },
        "rules": sorted(set(view["rules"]) | set(result.rules)),
    }
