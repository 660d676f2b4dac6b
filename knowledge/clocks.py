"""The dates that decide when Roth money comes out tax- and penalty-free.

Four different clocks are easy to mix up, so each has its own entry: the one Roth IRA
5-year clock (1.408A-6 Q&A-2), the per-conversion 5-year recapture window (408A(d)(3)(F)),
the Roth 401(k) 5-taxable-year period (1.402A-1 Q&A-4), and the age-59½ date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from knowledge.ages import attained_on, birth_years, dates_attaining, surely_attained
from knowledge.context import Context
from knowledge.money import ZERO, cents, dollars, percent
from knowledge.params import UnknownYear
from knowledge.result import Scenario

RECAPTURE_LABELS = {
    "all_to_roth_ira": "All to a Roth IRA",
    "in_plan_conversion": "In-plan conversion",
    "wait_until_separation": "All to a Roth IRA at separation",
}


def day(value: date) -> str:
    """``Jan 1, 2031`` for sentences."""
    return f"{value:%b} {value.day}, {value.year}"


def roth_ira_clock(ctx: Context) -> dict[str, Any] | None:
    """Start of the Roth IRA 5-year clock and the first date it is met."""
    f = ctx.facts
    ctx.use("reg_1_408a_6", "irc_408a_d_2")
    if f.has_roth_ira is False:
        start = ctx.year
        basis = f"This rollover opens your first Roth IRA, so the clock starts Jan 1, {start}."
    elif f.roth_ira_first_year is not None:
        start = min(f.roth_ira_first_year, ctx.year)
        basis = f"Your first Roth IRA contribution was for {f.roth_ira_first_year}."
    elif f.has_roth_ira is True:
        ctx.need("roth_ira_first_year")
        return {
            "starts": None,
            "five_years_met_on": None,
            "basis": "It started Jan 1 of the year of your first Roth IRA contribution; "
            "which year was that?",
            "text": "Your Roth IRA 5-year clock started with your first Roth IRA "
            "contribution; tell me the year to date it.",
            "rule": "reg_1_408a_6",
        }
    else:
        ctx.need("has_roth_ira")
        start = ctx.year
        basis = (
            f"If this rollover opens your first Roth IRA, the clock starts Jan 1, {start}; "
            "an earlier Roth IRA started it earlier."
        )
    met = date(start + _period(ctx, "roth_ira"), 1, 1)
    return {
        "starts": date(start, 1, 1),
        "five_years_met_on": met,
        "basis": basis + " One clock covers all your Roth IRAs and never restarts.",
        "text": f"Roth IRA 5-year clock: from {day(date(start, 1, 1))}, met on {day(met)}.",
        "rule": "reg_1_408a_6",
    }


def _period(ctx: Context, which: str) -> int:
    """Length in years of one of the 5-taxable-year periods."""
    return int(ctx.param(f"gov.irs.roth.five_year_periods.{which}"))


def _past_59_and_half(ctx: Context, age_in_years: int | None) -> bool:
    """Whether an age in whole years is surely past 59½ (60 or older)."""
    half = ctx.param("gov.irs.early_distribution.age_59_half")
    return age_in_years is not None and surely_attained(age_in_years, half)


def age_59_half(ctx: Context) -> dict[str, Any] | None:
    """When the person turns 59½: the day from a birth date, else a range up to a year
    wide from the age in years."""
    births = ctx.births
    if births is None:
        return None
    ctx.use("irc_72_t_2_a_i")
    span = dates_attaining(births, ctx.param("gov.irs.early_distribution.age_59_half"))
    if span.exact:
        return {
            **span.to_json(),
            "note": "From your date of birth: six months after your 59th birthday.",
            "text": f"You reach 59½ on {day(span.earliest)} (six months after your 59th birthday).",
        }
    return {
        **span.to_json(),
        "note": "Known only within a year from your age; it is six months after your 59th "
        "birthday, so a birth date gives the exact day.",
        "text": f"You reach 59½ between {day(span.earliest)} and {day(span.latest)} "
        "(six months after your 59th birthday).",
    }


def recapture_windows(ctx: Context, scenarios: tuple[Scenario, ...]) -> list[dict[str, Any]]:
    """One 5-year window per taxable conversion (Jan 1 of its year to Dec 31 four years on).

    The recapture ends at 59½, so a window opened at 60 or later cannot bite: that is the
    age now for a conversion now, and the planned leaving age for one at separation.
    """
    rate = None
    windows: list[dict[str, Any]] = []
    for scenario in scenarios:
        if scenario.id not in RECAPTURE_LABELS:
            continue
        if not scenario.taxable_income or scenario.available == "no":
            continue
        if rate is None:
            rate = ctx.param("gov.irs.early_distribution.additional_tax_rate")
        ctx.use("irc_408a_d_3_f", "reg_1_408a_6")
        if scenario.id == "wait_until_separation":
            start = int(scenario.details.get("separation_year", ctx.year))
            age_then, past = ctx.facts.retire_age, "you will be past 59½ by then"
        else:
            start, age_then, past = ctx.year, ctx.facts.age, "you are past 59½"
        years = _period(ctx, "conversion_recapture")
        first, last = date(start, 1, 1), date(start + years - 1, 12, 31)
        past_59_and_half = _past_59_and_half(ctx, age_then)
        birth = ctx.facts.birth_date
        if birth is not None and scenario.id != "wait_until_separation":
            half = ctx.param("gov.irs.early_distribution.age_59_half")
            past_59_and_half = attained_on(birth, half, ctx.distribution_dates.earliest)
        most = ZERO if past_59_and_half else cents(scenario.taxable_income * rate)
        window = (
            f"{RECAPTURE_LABELS[scenario.id]}: the {dollars(scenario.taxable_income)} taxable "
            f"part has a 5-year recapture window from {day(first)} to {day(last)}"
        )
        if past_59_and_half:
            note = f"{past.capitalize()}, so the recapture does not apply."
            text = f"{window}; {past}, so it does not apply."
        else:
            note = (
                f"{percent(rate)} of the taxable part withdrawn before age 59½ in this window "
                "(other 72(t) exceptions also end it)."
            )
            text = (
                f"{window}: taken out before 59½ in that time it costs {percent(rate)} "
                f"(up to {dollars(most)})."
            )
        windows.append(
            {
                "scenario": scenario.id,
                "taxable_amount": scenario.taxable_income,
                "from": first,
                "through": last,
                "max_recapture": most,
                "note": note,
                "text": text,
                "rule": "irc_408a_d_3_f",
            }
        )
    return windows


def drac_clock(ctx: Context, scenarios: tuple[Scenario, ...]) -> dict[str, Any] | None:
    """The Roth 401(k) 5-taxable-year period when an in-plan conversion is on the table."""
    irr = next((s for s in scenarios if s.id == "in_plan_conversion"), None)
    if irr is None or irr.available == "no":
        return None
    ctx.use("reg_1_402a_1_a4", "irc_402a_d_2", "reg_1_408a_10")
    note = (
        "Years in the Roth 401(k) do not carry over to a Roth IRA: after a rollover the "
        "Roth IRA's own clock applies (Treas. Reg. 1.408A-10 Q&A-4)."
    )
    if ctx.facts.roth_401k_balance:
        return {
            "starts": None,
            "starts_no_later_than": date(ctx.year, 1, 1),
            "five_years_met_on": None,
            "basis": "It started with your first Roth 401(k) contribution in this plan; ask "
            "the plan for that year.",
            "note": note,
            "text": f"The Roth 401(k) 5-year period started with your first Roth 401(k) "
            f"contribution, no later than {day(date(ctx.year, 1, 1))}. {note}",
            "rule": "reg_1_402a_1_a4",
        }
    ctx.open("drac_clock_irr_first_roth")
    met = date(ctx.year + _period(ctx, "designated_roth_account"), 1, 1)
    return {
        "starts": date(ctx.year, 1, 1),
        "starts_no_later_than": date(ctx.year, 1, 1),
        "five_years_met_on": met,
        "basis": "Taken to start with the in-plan conversion if it is your first Roth 401(k) "
        "money; no IRS guidance settles this (see the open point).",
        "note": note,
        "text": f"Roth 401(k) 5-year period (if the conversion is your first Roth 401(k) money): "
        f"from {day(date(ctx.year, 1, 1))}, met on {day(met)}. {note}",
        "rule": "reg_1_402a_1_a4",
    }


def rmd(ctx: Context) -> dict[str, Any] | None:
    """The RMD applicable age from the possible birth years."""
    births = ctx.births
    if births is None:
        return None
    years = birth_years(births)
    try:
        ages = sorted({int(ctx.param("gov.irs.rmd.applicable_age", y)) for y in years})
    except UnknownYear:
        return None
    age_text = str(ages[0]) if len(ages) == 1 else " or ".join(str(a) for a in ages)
    return {
        "text": f"Required distributions from pretax money start at {age_text}; Roth IRAs and "
        "Roth 401(k)s have none during your life.",
        "applicable_age": ages[0] if len(ages) == 1 else None,
        "possible_ages": ages,
        "birth_years": list(years),
        "note": "Roth IRAs, and Roth 401(k)s from 2024, have no required distributions during "
        "your life; pretax money does from the applicable age.",
        "rule": "irc_401_a_9",
    }


def all_clocks(ctx: Context, scenarios: tuple[Scenario, ...]) -> dict[str, Any]:
    """Every clock that applies, keyed by name (absent keys are omitted as None)."""
    clocks: dict[str, Any] = {}
    rollover_to_roth_ira = any(
        s.id in ("split_rollover", "all_to_roth_ira") and s.available != "no" for s in scenarios
    )
    clocks["roth_ira_five_year"] = roth_ira_clock(ctx) if rollover_to_roth_ira else None
    clocks["age_59_half"] = age_59_half(ctx)
    clocks["conversion_recapture"] = recapture_windows(ctx, scenarios)
    clocks["roth_401k_five_year"] = drac_clock(ctx, scenarios)
    clocks["rmd"] = rmd(ctx)
    five = clocks["roth_ira_five_year"]
    half = clocks["age_59_half"]
    if five and five.get("five_years_met_on") and half:
        met = five["five_years_met_on"]
        earliest = max(met, date.fromisoformat(half["earliest"]))
        latest = max(met, date.fromisoformat(half["latest"]))
        when = (
            day(earliest)
            if earliest == latest
            else f"a date between {day(earliest)} and {day(latest)}"
        )
        clocks["roth_ira_qualified_from"] = {
            "earliest": earliest,
            "latest": latest,
            "note": "Earnings come out tax-free from the later of the 5-year date and 59½.",
            "text": f"Roth IRA earnings come out tax-free from {when} (the later of the 5-year "
            "date and 59½).",
        }
    else:
        clocks["roth_ira_qualified_from"] = None
    return clocks
