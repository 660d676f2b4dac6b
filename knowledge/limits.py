"""Contribution limits: mega-backdoor room, the Roth IRA phase-out, catch-ups.

Each function takes the year's parameters as plain numbers so it can be tested against
the worked examples directly; ``knowledge.engine`` looks the parameters up.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from knowledge.context import Context
from knowledge.money import ZERO, dollars, round_up_to


def catch_up_limit(
    age_at_year_end: int,
    age_50_limit: Decimal,
    age_60_to_63_limit: Decimal | None,
    ages: dict[str, Decimal],
) -> Decimal:
    """Plan catch-up allowed for someone of ``age_at_year_end`` (414(v)).

    ``ages`` is the year's ``gov.irs.retirement.catch_up.ages``: the catch-up from
    ``base`` (50), the higher limit for those who attain ``higher_from`` (60) but not
    ``higher_through`` + 1 by the end of the year (414(v)(2)(E)); ``None`` means that year
    has no higher limit (before 2025).
    """
    if age_at_year_end < ages["base"]:
        return ZERO
    if (
        age_60_to_63_limit is not None
        and ages["higher_from"] <= age_at_year_end <= ages["higher_through"]
    ):
        return age_60_to_63_limit
    return age_50_limit


@dataclass(frozen=True, slots=True)
class AfterTaxRoom:
    room: Decimal
    cap: Decimal  # the 415(c) limit, or compensation when lower
    deferrals_counted: Decimal  # elective deferrals excluding catch-ups
    catch_up_used: Decimal
    total_in_plan: Decimal  # cap + catch-ups actually made


def after_tax_room(
    *,
    annual_additions_limit: Decimal,
    elective_deferral_limit: Decimal,
    employee_deferral: Decimal,
    employer_contribution: Decimal,
    catch_up_allowed: Decimal,
    compensation: Decimal | None = None,
) -> AfterTaxRoom:
    """Room left for after-tax (non-Roth) employee contributions under 415(c).

    Annual additions are capped at the lesser of the dollar limit and 100% of
    compensation (415(c)(1)); catch-ups do not count against it (414(v)(3)(A)), so the
    part of the deferral above the 402(g) limit, up to the catch-up allowed, is left out.
    """
    cap = annual_additions_limit
    if compensation is not None:
        cap = min(cap, compensation)
    counted = min(employee_deferral, elective_deferral_limit)
    catch_up_used = min(max(ZERO, employee_deferral - elective_deferral_limit), catch_up_allowed)
    room = max(ZERO, cap - counted - employer_contribution)
    return AfterTaxRoom(
        room=room,
        cap=cap,
        deferrals_counted=counted,
        catch_up_used=catch_up_used,
        total_in_plan=cap + catch_up_used,
    )


def roth_ira_contribution_limit(
    *,
    magi: Decimal,
    phase_out_start: Decimal,
    phase_out_end: Decimal,
    limit: Decimal,
    rounding: Decimal,
    floor: Decimal,
) -> Decimal:
    """Roth IRA contribution allowed after the 408A(c)(3) income phase-out.

    The reduction is ratable over the range; what is left rounds up to the next $10 and
    is not below $200 until the range is passed (Treas. Reg. 1.408A-3 Q&A-3(b)).
    """
    if magi <= phase_out_start:
        return limit
    if magi >= phase_out_end:
        return ZERO
    reduction = limit * (magi - phase_out_start) / (phase_out_end - phase_out_start)
    allowed = round_up_to(limit - reduction, rounding)  # exact amount, not cents first
    return max(floor, min(limit, allowed))


def roth_catch_up_required(prior_year_wages: Decimal, threshold: Decimal, enforced: bool) -> bool:
    """Whether catch-ups must be designated Roth (414(v)(7)(A)): prior-year FICA wages
    from the plan sponsor above the threshold, in a year the rule is enforced."""
    return enforced and prior_year_wages > threshold


def all_limits(ctx: Context) -> dict[str, Any]:
    """The year's limits that bear on the question, with the person's own room where the
    facts allow it. Facts only needed here are asked for when the person brought the
    topic up (stated after-tax contributions for the mega-backdoor room)."""
    f = ctx.facts
    limit_415 = ctx.param("gov.irs.retirement.annual_additions_limit")
    limit_402g = ctx.param("gov.irs.retirement.elective_deferral_limit")
    catch_50 = ctx.param("gov.irs.retirement.catch_up.age_50")
    catch_60 = ctx.param("gov.irs.retirement.catch_up.age_60_to_63")
    ira_limit = ctx.param("gov.irs.ira.contribution_limit")
    ira_catch = ctx.param("gov.irs.ira.catch_up")
    roth_catch = ctx.param("gov.irs.retirement.catch_up.roth_wage_threshold")
    catch_up_ages = ctx.param("gov.irs.retirement.catch_up.ages")
    ira_catch_up_age = ctx.param("gov.irs.ira.catch_up_age")
    notes: list[str] = [
        "Rollovers and conversions into a Roth IRA or Roth 401(k) have no income limit; only "
        "direct Roth IRA contributions do.",
    ]
    ctx.use("conversion_no_income_limit", "irc_415_c", "irc_414_v", "irc_402_g")
    out: dict[str, Any] = {
        "annual_additions_limit": limit_415,
        "elective_deferral_limit": limit_402g,
        "compensation_limit": ctx.param("gov.irs.retirement.compensation_limit"),
        "catch_up_limit": None,
        "after_tax_room": None,
        "total_in_plan": None,
        "ira_contribution_limit": None,
        "roth_ira_contribution_limit": None,
        "roth_catch_up_wage_threshold": roth_catch["threshold"],
        "roth_catch_up_enforced": roth_catch["enforced"],
        "conversion_income_limit": None,
        "notes": notes,
    }
    if f.age is None or f.age >= catch_up_ages["base"]:
        ctx.use("irc_414_v_7")
        if roth_catch["enforced"]:
            notes.append(
                f"In {ctx.year} catch-up contributions must be Roth if your FICA wages from "
                f"this employer in {ctx.year - 1} were above "
                f"{dollars(roth_catch['threshold'])}."
            )
        else:
            notes.append(
                f"The rule that catch-ups of those earning over "
                f"{dollars(roth_catch['threshold'])} must be Roth is not enforced in {ctx.year} "
                "(transition period); it is from 2026."
            )
    if f.age is not None:
        catch_up = catch_up_limit(f.age, catch_50, catch_60, catch_up_ages)
        out["catch_up_limit"] = catch_up
        ira_limit += ira_catch if f.age >= ira_catch_up_age else ZERO  # 219(b)(5)(B)
        out["ira_contribution_limit"] = ira_limit
        ctx.use("irc_219_b", "irc_219_b_5_b")
        if catch_60 is not None:
            ctx.use("irc_414_v_2_e")
        ctx.assume(
            "Catch-up limits take your age as given to be your age at the end of the tax year."
        )
    else:
        catch_up = None
    if f.employee_deferral is not None and f.employer_contribution is not None:
        room = after_tax_room(
            annual_additions_limit=limit_415,
            elective_deferral_limit=limit_402g,
            employee_deferral=f.employee_deferral,
            employer_contribution=f.employer_contribution,
            catch_up_allowed=catch_up if catch_up is not None else ZERO,
        )
        out["after_tax_room"] = room.room
        out["total_in_plan"] = room.total_in_plan
        ctx.assume(
            "The after-tax room uses the 415(c) dollar limit; it is also capped at 100% of "
            "your pay from this employer, which rothbot does not know (income is household "
            "MAGI), and the plan may set a lower limit."
        )
        if f.employee_deferral > limit_402g + (catch_up or ZERO):
            ctx.warn(
                f"Elective deferrals of {dollars(f.employee_deferral)} are above the "
                f"{ctx.year} limit of {dollars(limit_402g + (catch_up or ZERO))}."
            )
        planned = f.annual_after_tax_contribution
        if planned is not None and planned > room.room:
            ctx.warn(
                f"After-tax contributions of {dollars(planned)} a year "
                f"are more than the {dollars(room.room)} of room left under 415(c)."
            )
    elif f.annual_after_tax_contribution is not None:
        if f.employee_deferral is None:
            ctx.need("employee_deferral")
        if f.employer_contribution is None:
            ctx.need("employer_contribution")
    if f.income is not None and f.filing_status is not None and f.age is not None:
        band = ctx.param(f"gov.irs.ira.roth.phase_out.{f.filing_status}")
        rounding = ctx.param("gov.irs.ira.roth.phase_out_rounding")
        out["roth_ira_contribution_limit"] = roth_ira_contribution_limit(
            magi=f.income,
            phase_out_start=band["start"],
            phase_out_end=band["end"],
            limit=ira_limit,  # with the catch-up: age is known on this path
            rounding=rounding["rounding"],
            floor=rounding["floor"],
        )
        ctx.use("irc_408a_c_3", "reg_1_408a_3_a3b", "irc_219_b")
        ctx.assume(
            "The Roth IRA contribution limit treats income as modified AGI and is also capped "
            "at your taxable compensation."
        )
        if f.filing_status == "mfs":
            ctx.assume(
                f"Married filing separately uses the {dollars(band['start'])}-"
                f"{dollars(band['end'])} range, which applies if you "
                "lived with your spouse at any time in the year; otherwise the single range "
                "applies."
            )
    return out
