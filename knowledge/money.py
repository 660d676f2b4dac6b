"""Money helpers: everything in the engine is ``Decimal`` and rounds to cents here.

Binary floats cannot hold $0.10 exactly, and a tax figure that is off by a cent in one
run and right in the next is worse than useless, so the engine never touches ``float``.
The only place a number leaves ``Decimal`` is ``to_json_number`` at the JSON edge.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")  # literal: one cent
ZERO = Decimal(0)


def cents(amount: Decimal | int) -> Decimal:
    """Round to whole cents, halves away from zero (the way tax forms round)."""
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def round_up_to(amount: Decimal, step: Decimal | int) -> Decimal:
    """Round ``amount`` up to the next multiple of ``step`` (e.g. $466.67 -> $470)."""
    step = Decimal(step)
    return (amount / step).to_integral_value(rounding=ROUND_CEILING) * step


def clamp(amount: Decimal, low: Decimal, high: Decimal) -> Decimal:
    """``amount`` limited to the closed range [low, high]."""
    return max(low, min(high, amount))


def to_json_number(amount: Decimal | int | None) -> int | float | None:
    """A plain JSON number: ``int`` when whole, else a float of the cent-rounded value."""
    if amount is None:
        return None
    value = cents(Decimal(amount))
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def dollars(amount: Decimal) -> str:
    """``$12,345`` or ``$12,345.67``, for sentences (never for arithmetic)."""
    value = cents(amount)
    if value == value.to_integral_value():
        return f"${int(value):,}"
    return f"${value:,.2f}"


def percent(rate: Decimal) -> str:
    """``24%`` or ``5.5%`` for sentences."""
    value = (rate * 100).normalize()
    text = f"{value:f}"
    return f"{text}%"
