"""Each route seen over time: when each part of its money comes out tax- and penalty-free,
and what the money is worth at 59½ under the stated growth assumption.

``calculate`` costs the move itself (tax now, the 10%) and dates the clocks; this module
answers the two questions a picture asks next, so the figures a chart draws come from
the engine, never from drawing code:

- *when* each part is free: the basis rolled to a Roth is not income and, being the
  nontaxable part of a conversion, owes no 10% (Treas. Reg. 1.408A-6 Q&A-5 and Q&A-8);
  the taxable part of a conversion is taxed now and owes the 10% only inside its 5-year
  recapture window before 59½ (IRC 408A(d)(3)(F)); growth in a Roth is tax-free from
  the later of its 5-year date and 59½ (IRC 408A(d)(2), 402A(d)(2)); pretax money in a
  traditional IRA is taxed whenever it comes out and is free of the 10% from 59½
  (IRC 72(t)(2)(A)(i); the age-55 separation exception never covers IRA money).
- *how much* at 59½: each route's money grown at the yearly growth rate the engine
  assumes (``assumptions.growth_rate``, the same figure as the wait-until-separation
  route), for ``59 - age`` whole years. Someone who is 51 today reaches 59½ between
  7½ and 8½ years from now, so 8 years is the middle of that range; the result says so.

Pure: facts, the engine's result and ``today`` in; ``Decimal`` money rounded to cents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from knowledge.ages import DateRange, birth_years_for_age
from knowledge.facts import Facts
from knowledge.money import ZERO, cents, dollars, percent
from knowledge.params import lookup
from knowledge.result import CalcResult, Scenario, jsonable

#: Where a route puts the money, for the parts' labels.
ACCOUNT_LABELS = {
    "roth_ira": "Roth IRA",
    "traditional_ira": "traditional IRA",
    "roth_401k": "Roth 401(k)",
    "plan": "the plan",
    "cash": "paid to you",
}

#: The routes a picture compares, in the order the engine lists them.
ROUTE_LABELS = {
    "split_rollover": "Split now",
    "all_to_roth_ira": "All to Roth IRA now",
    "in_plan_conversion": "In-plan conversion",
    "cash_out": "Cash out now",
    "wait_until_separation": "Wait until you leave",
}


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a route's money and when it can come out free of tax and of the 10%.

    ``tax_free_from`` / ``penalty_free_from`` are date ranges (one day wide when the day
    is known); ``None`` for tax means the part is pretax and taxed whenever it comes out,
    and for the 10% that the date is not known from the facts given.
    """

    id: str  # "basis", "converted_earnings", "pretax_earnings", "growth"
    account: str  # a key of ACCOUNT_LABELS
    amount: Decimal | None  # None for growth, which is not a sum known today
    tax_free_from: DateRange | None
    penalty_free_from: DateRange | None
    text: str
    rules: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "account": self.account,
            "amount": self.amount,
            "tax_free_from": self.tax_free_from,
            "penalty_free_from": self.penalty_free_from,
            "text": self.text,
            "rules": list(self.rules),
        }


@dataclass(frozen=True, slots=True)
class Move:
    """A move of the route: when, and what it does with the money."""

    on: date
    text: str
    rule: str
    year_only: bool = False  # only the year is known (leaving the employer "at 55")

    def to_json(self) -> dict[str, Any]:
        when = str(self.on.year) if self.year_only else _day(self.on)
        return {"on": self.on, "when": when, "text": self.text, "rule": self.rule}


@dataclass(frozen=True, slots=True)
class RouteOutlook:
    """One route: its moves, its parts, and its value at 59½."""

    id: str
    label: str
    available: str
    moves: tuple[Move, ...]
    parts: tuple[Part, ...]
    roth_five_year_met_on: date | None  # the 5-year date its Roth growth waits for
    roth_at_59_half: Decimal | None  # in a Roth account at 59½
    pretax_at_59_half: Decimal | None  # in a traditional IRA or the plan, taxed when taken out
    tax_free_at_59_half: str  # "yes" | "no" | "depends" | "unknown": is the Roth growth free then
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "available": self.available,
            "moves": [m.to_json() for m in self.moves],
            "parts": [p.to_json() for p in self.parts],
            "roth_five_year_met_on": self.roth_five_year_met_on,
            "roth_at_59_half": self.roth_at_59_half,
            "pretax_at_59_half": self.pretax_at_59_half,
            "tax_free_at_59_half": self.tax_free_at_59_half,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Outlook:
    """Every costed route over time, with the assumption behind the values at 59½."""

    today: date
    growth_rate: Decimal
    growth_rate_is_default: bool
    years_to_59_half: int | None
    age_59_half: DateRange | None
    age_55_years: tuple[int, ...]  # calendar years the person may turn 55 (empty if past)
    routes: tuple[RouteOutlook, ...]
    assumptions: tuple[str, ...]
    rules: tuple[str, ...] = field(default=())

    def route(self, route_id: str) -> RouteOutlook:
        for route in self.routes:
            if route.id == route_id:
                return route
        raise KeyError(route_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today,
            "growth_rate": self.growth_rate,
            "growth_rate_is_default": self.growth_rate_is_default,
            "years_to_59_half": self.years_to_59_half,
            "age_59_half": self.age_59_half,
            "age_55_years": list(self.age_55_years),
            "routes": [r.to_json() for r in self.routes],
            "assumptions": list(self.assumptions),
            "rules": list(self.rules),
        }

    def json(self) -> dict[str, Any]:
        """``to_json`` with dates as ISO strings and money as plain numbers."""
        return jsonable(self.to_json())


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _one_day(day: date) -> DateRange:
    return DateRange(day, day)


def _later(a: date | None, b: DateRange | None) -> DateRange | None:
    """The later of a date and a range (None when either is unknown)."""
    if a is None or b is None:
        return None
    return DateRange(max(a, b.earliest), max(a, b.latest))


def _earlier(a: date, b: DateRange | None) -> DateRange:
    """The earlier of a date and a range (the date alone when the range is unknown)."""
    if b is None:
        return _one_day(a)
    return DateRange(min(a, b.earliest), min(a, b.latest))


def _when(span: DateRange | None) -> str:
    if span is None:
        return "a date your age would tell"
    if span.earliest == span.latest:
        return _day(span.earliest)
    return f"a date between {_day(span.earliest)} and {_day(span.latest)}"


def _day(value: date) -> str:
    return f"{value:%b} {value.day}, {value.year}"


def _free_at_59_half(met_on: date | None, half: DateRange | None) -> str:
    """Is Roth growth free at 59½? Only if the 5-year date is not later than 59½."""
    if met_on is None or half is None:
        return "unknown"
    if met_on <= half.earliest:
        return "yes"
    if met_on > half.latest:
        return "no"
    return "depends"


def roth_ira_clock_for_rollover_in(facts: Facts, year: int) -> date | None:
    """The Roth IRA 5-year date for money rolled in during ``year`` (Reg. 1.408A-6 Q&A-2):
    one clock for all Roth IRAs, started by the first Roth IRA contribution. Unknown when
    the person has a Roth IRA but did not say since when."""
    period = int(lookup("gov.irs.roth.five_year_periods.roth_ira", year).value)
    if facts.roth_ira_first_year is not None:
        return date(min(facts.roth_ira_first_year, year) + period, 1, 1)
    if facts.has_roth_ira is True:
        return None
    return date(year + period, 1, 1)


def _recapture_through(result: CalcResult, scenario_id: str) -> date | None:
    for window in result.clocks.get("conversion_recapture") or []:
        if window.get("scenario") == scenario_id:
            return _date(window.get("through"))
    return None


def _converted_part(
    scenario: Scenario, result: CalcResult, account: str, half: DateRange | None, move: date
) -> Part:
    """The taxable part of a conversion: taxed at the move, then under recapture."""
    taxable = scenario.taxable_income or ZERO
    through = _recapture_through(result, scenario.id)
    # no window means the recapture cannot bite (past 59½)
    free = _one_day(move) if through is None else _earlier(through + timedelta(days=1), half)
    return Part(
        id="converted_earnings",
        account=account,
        amount=taxable,
        tax_free_from=_one_day(move),
        penalty_free_from=free,
        text=f"{dollars(taxable)} earnings, taxed when converted: no tax later; no "
        f"{_additional_tax(result.tax_year)} from "
        f"{_when(free)} (end of the 5-year window or 59½, whichever is first).",
        rules=("irc_408a_d_3_f", "reg_1_408a_6"),
    )


def _ordering_clause(taxable: Decimal) -> str:
    """Treas. Reg. 1.408A-6 Q&A-8: Roth IRA withdrawals take regular contributions, then
    each conversion's taxable part, then its nontaxable part, so the taxable part comes
    out before the basis."""
    return f"a withdrawal takes the {dollars(taxable)} converted first"


def _ordering_note(taxable: Decimal) -> str:
    return f" ({_ordering_clause(taxable)})" if taxable else ""


def _basis_part(
    amount: Decimal, account: str, move: date, note: str = "", *, year_only: bool = False
) -> Part:
    return Part(
        id="basis",
        account=account,
        amount=amount,
        tax_free_from=_one_day(move),
        penalty_free_from=_one_day(move),
        text=f"{dollars(amount)} basis (your contributions) in the {ACCOUNT_LABELS[account]}: "
        f"tax- and penalty-free from {move.year if year_only else _day(move)}{note}.",
        rules=("reg_1_408a_6",),
    )


def _growth_part(account: str, met_on: date | None, half: DateRange | None, what: str) -> Part:
    free = _later(met_on, half)
    if free is None:
        text = (
            f"Growth in the {ACCOUNT_LABELS[account]}: tax-free from the later of its 5-year "
            "date and 59½; tell me your age and first Roth year to date it."
        )
    else:
        text = (
            f"Growth in the {ACCOUNT_LABELS[account]}: tax-free from {_when(free)} "
            f"(the later of {what} and 59½)."
        )
    rule = "irc_402a_d_2" if account == "roth_401k" else "irc_408a_d_2"
    return Part("growth", account, None, free, free, text, (rule,))


def _additional_tax(year: int) -> str:
    """The 72(t) rate as words ("10%"), from the year's parameter."""
    return percent(lookup("gov.irs.early_distribution.additional_tax_rate", year).value)


def _pretax_part(
    amount: Decimal, account: str, half: DateRange | None, when: str, year: int
) -> Part:
    return Part(
        id="pretax_earnings",
        account=account,
        amount=amount,
        tax_free_from=None,
        penalty_free_from=half,
        text=f"{dollars(amount)} earnings in the {ACCOUNT_LABELS[account]}: taxed whenever "
        f"taken out{when}; no {_additional_tax(year)} from 59½ ({_when(half)}).",
        rules=("irc_72_t_2_a_i",),
    )


def _grow(amount: Decimal | None, rate: Decimal, years: int | None) -> Decimal | None:
    if amount is None or years is None:
        return None
    return cents(amount * (1 + rate) ** years)


def _route(
    scenario: Scenario,
    facts: Facts,
    result: CalcResult,
    *,
    today: date,
    half: DateRange | None,
    rate: Decimal,
    years: int | None,
) -> RouteOutlook | None:
    """One costed route's moves, parts and value at 59½ (None if it is not costed)."""
    s = scenario
    if s.to_roth_ira is None or s.available == "no":
        return None
    taxable = s.taxable_income or ZERO
    roth_ira_met = _date((result.clocks.get("roth_ira_five_year") or {}).get("five_years_met_on"))
    label = ROUTE_LABELS.get(s.id, s.id)
    moves: list[Move] = []
    parts: list[Part] = []
    met_on: date | None = None
    roth = pretax = None
    if s.id == "split_rollover":
        moves.append(
            Move(
                today,
                f"One distribution: {dollars(s.to_roth_ira)} to a Roth IRA, "
                f"{dollars(s.to_traditional_ira or ZERO)} to a traditional IRA.",
                "notice_2014_54",
            )
        )
        parts.append(_basis_part(s.to_roth_ira, "roth_ira", today))
        if s.to_traditional_ira:
            parts.append(
                _pretax_part(s.to_traditional_ira, "traditional_ira", half, "", result.tax_year)
            )
        met_on = roth_ira_met
        parts.append(_growth_part("roth_ira", met_on, half, "the Roth IRA 5-year date"))
        roth, pretax = _grow(s.to_roth_ira, rate, years), _grow(s.to_traditional_ira, rate, years)
    elif s.id in ("all_to_roth_ira", "in_plan_conversion"):
        account = "roth_ira" if s.id == "all_to_roth_ira" else "roth_401k"
        amount = s.to_roth_ira if account == "roth_ira" else s.to_roth_401k or ZERO
        what = "Rollover" if account == "roth_ira" else "In-plan conversion"
        moves.append(
            Move(
                today,
                f"{what}: all {dollars(amount)} to the {ACCOUNT_LABELS[account]}; "
                f"{dollars(taxable)} is income this year.",
                "irc_408a_d_3_a" if account == "roth_ira" else "irc_402a_c_4",
            )
        )
        if account == "roth_401k":
            note = " (pro-rata with growth until it qualifies)"
        else:
            note = _ordering_note(taxable)
        parts.append(_basis_part(amount - taxable, account, today, note))
        if taxable:
            parts.append(_converted_part(s, result, account, half, today))
        if account == "roth_ira":
            met_on = roth_ira_met
            parts.append(_growth_part(account, met_on, half, "the Roth IRA 5-year date"))
        else:
            drac = result.clocks.get("roth_401k_five_year") or {}
            met_on = _date(drac.get("five_years_met_on"))
            parts.append(_growth_part(account, met_on, half, "the Roth 401(k) 5-year date"))
        roth, pretax = _grow(amount, rate, years), ZERO if years is not None else None
    elif s.id == "cash_out":
        moves.append(
            Move(
                today,
                f"Paid to you: {dollars(s.cash or ZERO)}; {dollars(taxable)} is income this year.",
                "irc_402_c",
            )
        )
        roth, pretax = (ZERO, ZERO) if years is not None else (None, None)
    elif s.id == "wait_until_separation":
        sep_year = int(s.details.get("separation_year", today.year))
        waiting = int(s.details.get("years_waiting", 0))
        moved_on = max(today, date(sep_year, 1, 1))
        value_then = Decimal(s.details.get("value_at_separation", s.to_roth_ira))
        basis = value_then - taxable
        moves.append(
            Move(
                moved_on,
                f"Leave the employer: all {dollars(value_then)} to a Roth IRA; "
                f"{dollars(taxable)} is income that year.",
                "irc_408a_d_3_a",
                year_only=moved_on != today,
            )
        )
        parts.append(
            _basis_part(
                basis,
                "roth_ira",
                moved_on,
                " (in the plan until then"
                + (f"; {_ordering_clause(taxable)})" if taxable else ")"),
                year_only=moved_on != today,
            )
        )
        if taxable:
            parts.append(_converted_part(s, result, "roth_ira", half, moved_on))
        met_on = roth_ira_clock_for_rollover_in(facts, sep_year)
        parts.append(_growth_part("roth_ira", met_on, half, "the Roth IRA 5-year date"))
        if years is None:
            roth = pretax = None
        elif waiting <= years:
            roth, pretax = _grow(value_then, rate, years - waiting), ZERO
        else:  # still in the plan at 59½: the whole subaccount, grown for those years
            total = facts.after_tax_total
            if total is None and facts.after_tax_contributions is not None:
                total = facts.after_tax_contributions + (facts.after_tax_earnings or ZERO)
            roth, pretax = ZERO, _grow(total, rate, years)
    else:
        return None
    free = _free_at_59_half(met_on, half) if roth else "no"
    if roth is None:
        text = f"{label}: its value at 59½ needs your age."
    else:
        text = f"{label}: {dollars(roth)} in a Roth at 59½"
        if pretax:
            text += f" and {dollars(pretax)} pretax (taxed when taken out)"
        text += "."
    return RouteOutlook(
        id=s.id,
        label=label,
        available=s.available,
        moves=tuple(moves),
        parts=tuple(parts),
        roth_five_year_met_on=met_on,
        roth_at_59_half=roth,
        pretax_at_59_half=pretax,
        tax_free_at_59_half=free,
        text=text,
    )


def outlook(
    facts: Facts, result: CalcResult, *, today: date, growth_rate: Decimal | None = None
) -> Outlook:
    """Every costed route of ``result`` over time (``result`` from ``calculate`` with the
    same ``facts``, ``today`` and ``growth_rate``)."""
    default = lookup("assumptions.growth_rate", result.tax_year).value
    rate = default if growth_rate is None else growth_rate
    clock = result.clocks.get("age_59_half")
    half = (
        DateRange(_date(clock["earliest"]), _date(clock["latest"]))  # type: ignore[arg-type]
        if clock
        else None
    )
    whole_59 = int(lookup("gov.irs.early_distribution.age_59_half", result.tax_year).value)
    age_55 = int(lookup("gov.irs.early_distribution.separation_age", result.tax_year).value)
    years = None if facts.age is None else max(0, whole_59 - facts.age)
    age_55_years: tuple[int, ...] = ()
    if facts.age is not None and facts.age <= age_55:
        age_55_years = tuple(y + age_55 for y in birth_years_for_age(facts.age, today))
    routes = tuple(
        r
        for r in (
            _route(s, facts, result, today=today, half=half, rate=rate, years=years)
            for s in result.scenarios
        )
        if r is not None
    )
    assumptions: list[str] = []
    if years is not None:
        source = "the default" if growth_rate is None else "your"
        assumptions.append(
            f"Values at 59½ assume {source} growth rate of {percent(rate)} a year for {years} "
            f"years (59 minus your age: the middle of the range of dates you reach 59½); an "
            "assumption, not a forecast."
        )
    rules = {"assumption_growth_rate"}
    for route in routes:
        rules.update(m.rule for m in route.moves)
        for part in route.parts:
            rules.update(part.rules)
    return Outlook(
        today=today,
        growth_rate=rate,
        growth_rate_is_default=growth_rate is None,
        years_to_59_half=years,
        age_59_half=half,
        age_55_years=age_55_years,
        routes=routes,
        assumptions=tuple(assumptions),
        rules=tuple(sorted(rules)),
    )
