"""Whether a move can be made now: the plan document decides, not the Code.

The law only sets outer limits (tax-rules.md section 6); while the person still works for
the sponsor, paying out after-tax money or converting it in the plan is the plan's
choice. Each answer is "yes", "no" or "unknown" with a sentence saying why, and an
"unknown" asks for the fact that would settle it instead of guessing.
"""

from __future__ import annotations

from knowledge.context import Context
from knowledge.result import Availability

ASK_ADMIN_SEPARATE = (
    "The figures assume the plan accounts for the after-tax money separately; ask the "
    "plan administrator."
)
_ORDER: dict[Availability, int] = {"yes": 0, "unknown": 1, "no": 2}  # literal: a ranking


def worst(a: Availability, b: Availability) -> Availability:
    """The less certain of two answers ("no" over "unknown" over "yes")."""
    return a if _ORDER[a] >= _ORDER[b] else b


def distribution_now(ctx: Context) -> tuple[Availability, str]:
    """Can the after-tax money leave the plan now? Only the plan document says, while
    the person still works for the sponsor."""
    f = ctx.facts
    if f.still_employed is False:
        return "yes", "You have left the employer, so the plan can pay out the after-tax money."
    if f.plan_allows_in_service is True:
        return "yes", "Your plan allows in-service withdrawals of after-tax money."
    ctx.use("plan_document")
    ctx.open("plan_document_dependence")
    if f.still_employed is True:
        if f.plan_allows_in_service is False:
            return "no", (
                "Your plan does not allow in-service withdrawals of after-tax money, so this "
                "has to wait until you leave the employer."
            )
        ctx.need("plan_allows_in_service")
        return "unknown", (
            "While you still work there, this depends on whether your plan allows "
            "in-service withdrawals of after-tax money."
        )
    ctx.need("still_employed")
    if f.plan_allows_in_service is False:
        return "unknown", (
            "Your plan does not allow in-service withdrawals, so this works only after you "
            "leave the employer; do you still work there?"
        )
    ctx.need("plan_allows_in_service")
    return "unknown", (
        "This depends on whether you still work for the plan sponsor and, if you do, "
        "whether the plan allows in-service withdrawals of after-tax money."
    )


def in_plan_conversion_now(ctx: Context) -> tuple[Availability, str]:
    """Does the plan offer in-plan Roth rollovers (402A(c)(4))? A plan feature, never a
    right, so without the fact the answer is "unknown"."""
    allows = ctx.facts.plan_allows_in_plan_conversion
    if allows is True:
        return "yes", "Your plan allows in-plan Roth conversions (in-plan Roth rollovers)."
    if allows is False:
        return "no", "Your plan does not offer in-plan Roth conversions."
    ctx.need("plan_allows_in_plan_conversion")
    ctx.open("plan_document_dependence")
    ctx.use("plan_document")
    return "unknown", (
        "This depends on whether your plan offers in-plan Roth conversions of after-tax money."
    )


def with_separate_accounting(
    ctx: Context, available: Availability, why: str
) -> tuple[Availability, str]:
    """While employed, the figures rest on separate accounting (72(d)(2)); when that is
    not known, the answer can be no better than "unknown" and says whom to ask."""
    if ctx.facts.after_tax_separately_accounted is None and ctx.facts.still_employed is not False:
        ctx.open("plan_document_dependence")
        return worst(available, "unknown"), f"{why} {ASK_ADMIN_SEPARATE}"
    return available, why


def out_of_plan_now(ctx: Context) -> tuple[Availability, str]:
    """Availability of the moves that take the money out of the plan (to IRAs or cash)."""
    return with_separate_accounting(ctx, *distribution_now(ctx))
