"""``calculate``: facts in, every way of moving the after-tax money out, with citations.

Pure and deterministic: no clock reads (``today`` is passed in), no I/O beyond the
package's own data files, ``Decimal`` money. The pieces live in small modules:
``money_in_plan`` (basis split), ``scenarios`` (with ``availability`` and
``early_distribution``), ``clocks``, ``limits``, ``tax``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from knowledge.clocks import all_clocks
from knowledge.context import Context
from knowledge.conversion import conversion_tax
from knowledge.facts import Facts, InvalidFacts
from knowledge.limits import all_limits
from knowledge.missing import order_missing
from knowledge.money import percent
from knowledge.money_in_plan import after_tax_money, split_subaccount
from knowledge.open_points import open_point
from knowledge.params import UnknownYear, covered_years, lookup
from knowledge.result import CalcResult
from knowledge.scenarios import ALL

# The tax years whose figures were read from secondary copies (see the open point).
SECONDARY_FIGURE_YEARS = (2025, 2026)  # literal: notes/secondary_figures_2025_2026.md
MAX_GROWTH_RATE = Decimal("0.5")  # literal: a plausibility bound on an assumption


def calculate(facts: Facts, *, today: date, growth_rate: Decimal | None = None) -> CalcResult:
    """Cost every scenario for ``facts`` in the tax year (``facts.year`` or ``today``'s).

    Raises ``UnknownYear`` for a year the data does not cover and ``InvalidFacts`` for
    an impossible growth rate; everything else unknown shows up in ``missing``.
    """
    year = facts.year if facts.year is not None else today.year
    if year not in covered_years():
        covered = ", ".join(str(y) for y in covered_years())
        raise UnknownYear(
            f"rothbot has the rules for {covered} only, not for {year}; please ask about one "
            "of those years."
        )
    default_rate = lookup("assumptions.growth_rate", year).value
    if growth_rate is not None and not -MAX_GROWTH_RATE <= growth_rate <= MAX_GROWTH_RATE:
        raise InvalidFacts(
            f"A growth rate of {growth_rate} is not plausible; give a yearly rate between "
            "-0.5 and 0.5, e.g. 0.05 for 5%."  # literal: the bounds above, as words
        )
    ctx = Context(
        facts=facts,
        today=today,
        year=year,
        growth_rate=default_rate if growth_rate is None else growth_rate,
        growth_rate_is_default=growth_rate is None,
    )
    ctx.assume("Federal income tax only: no state tax, NIIT, IRMAA or AMT.")
    money = after_tax_money(ctx)
    sub = split_subaccount(ctx, money)
    scenarios = tuple(build(ctx, money, sub) for build in ALL)
    clocks = all_clocks(ctx, scenarios)
    limits = all_limits(ctx)
    conversion = conversion_tax(ctx)
    if conversion is not None:  # (the tax of a stated conversion amount, IRA or pretax money)
        limits["conversion"] = conversion
    _general_warnings(ctx)
    for scenario in scenarios:
        ctx.use(*scenario.citations)
        ctx.use(*(step.rule for step in scenario.steps))
    return CalcResult(
        tax_year=year,
        scenarios=scenarios,
        clocks=clocks,
        limits=limits,
        missing=order_missing(ctx.missing),
        warnings=tuple(ctx.warnings),
        open_points=tuple(open_point(p) for p in sorted(ctx.open_points)),
        assumptions=tuple(ctx.assumptions),
        rules=tuple(sorted(ctx.rules)),
    )


def _general_warnings(ctx: Context) -> None:
    f = ctx.facts
    if ctx.year in SECONDARY_FIGURE_YEARS:
        ctx.open("secondary_figures_2025_2026")
    if f.employer_plan_type == "457b":
        ctx.warn(
            "For a governmental 457(b) plan the "
            f"{percent(ctx.param('gov.irs.early_distribution.additional_tax_rate'))} "
            "additional tax generally does not apply "
            "(except to money rolled in from other plans); the cash-out figure assumes a "
            "401(k)-type plan."
        )
    if f.age is not None and ctx.year != ctx.today.year:
        ctx.assume(f"Your age is taken as of {ctx.today.isoformat()}, not the {ctx.year} tax year.")
