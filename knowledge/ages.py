"""Ages and dates: 59½ to the day, what an integer age does and does not tell us.

The law tests "attained age 59½" on the distribution date. With a birth date that is a
date calculation; with only an integer age "now" it is a range of dates up to a year
wide, and the engine says so instead of pretending to know the day.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """Same day-of-month ``months`` later, clamped to the month's end (Aug 31 + 6 -> Feb 28).

    Clamping is the calendar convention for "six months after"; a leap-day birthday
    reaches a birthday in a common year on Feb 28.
    """
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def date_turning_59_and_half(birth: date) -> date:
    """The day a person born on ``birth`` attains age 59½ (six months after turning 59)."""
    return add_months(birth, 59 * 12 + 6)


def is_59_and_half(birth: date, on: date) -> bool:
    """True when the person has attained 59½ on ``on`` (the day itself counts)."""
    return on >= date_turning_59_and_half(birth)


def age_on(birth: date, on: date) -> int:
    """Whole years of age on ``on``."""
    years = on.year - birth.year
    return years - 1 if add_years(birth, years) > on else years


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive range of possible dates (used when only an integer age is known)."""

    earliest: date
    latest: date

    def to_json(self) -> dict[str, str]:
        return {"earliest": self.earliest.isoformat(), "latest": self.latest.isoformat()}


def _latest_birth_for_age(age: int, today: date) -> date:
    """The last birth date of someone at least ``age`` on ``today``. Going back ``age``
    years from Feb 28 of a common year lands on Feb 28 of a leap year, but a Feb 29 birth
    has its birthday on Feb 28 (``add_months`` clamps), so that day belongs too."""
    birth = add_years(today, -age)
    next_day = birth + timedelta(days=1)
    return next_day if age_on(next_day, today) >= age else birth


def birth_dates_for_age(age: int, today: date) -> DateRange:
    """All birth dates of someone who is ``age`` on ``today`` (as ``age_on`` counts)."""
    latest = _latest_birth_for_age(age, today)
    earliest = _latest_birth_for_age(age + 1, today) + timedelta(days=1)
    return DateRange(earliest, latest)


def turning_59_and_half_for_age(age: int, today: date) -> DateRange:
    """When someone who is ``age`` today attains 59½ (a range up to a year wide)."""
    births = birth_dates_for_age(age, today)
    return DateRange(
        date_turning_59_and_half(births.earliest), date_turning_59_and_half(births.latest)
    )


def birth_years_for_age(age: int, today: date) -> tuple[int, ...]:
    """Possible birth years (one or two) of someone who is ``age`` on ``today``."""
    births = birth_dates_for_age(age, today)
    return tuple(sorted({births.earliest.year, births.latest.year}))


def separated_in_or_after_year_turning_55(separation_year: int, birth_year: int) -> bool:
    """72(t)(2)(A)(v) as Notice 87-13 reads it: separation in or after the calendar year
    in which the employee attains 55."""
    return separation_year >= birth_year + 55
