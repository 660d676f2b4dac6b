"""Ages and dates: every age test of the law, to the day, from a birth date.

The law tests ages on dates: "attained age 59½" on the distribution date, separation "in
or after the calendar year" of attaining 55 (50 for public safety employees), 65 "before
the close of the taxable year". Each test here takes a birth date and the age from the
year's parameters. With only an integer age "now" the birth date is a range up to a year
wide; every test is monotone in the birth date, so ``decided`` runs it at both ends of the
range and says ``None`` when they disagree, and the engine says so instead of pretending
to know the day. There is one implementation of each test, and the replies use it.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

MONTHS_PER_YEAR = 12  # literal: the calendar's months, not law


def add_months(day: date, months: int) -> date:
    """Same day-of-month ``months`` later, clamped to the month's end (Aug 31 + 6 -> Feb 28).

    Clamping is the calendar convention for "six months after"; a leap-day birthday
    reaches a birthday in a common year on Feb 28.
    """
    total = day.month - 1 + months
    year, month = day.year + total // MONTHS_PER_YEAR, total % MONTHS_PER_YEAR + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, MONTHS_PER_YEAR * years)


def date_attaining(birth: date, age: Decimal | int) -> date:
    """The day a person born on ``birth`` attains ``age`` (59.5 is six calendar months after
    the 59th birthday). An age that is not a whole number of months is a data error."""
    months = Decimal(age) * MONTHS_PER_YEAR
    if months != months.to_integral_value():
        raise ValueError(f"an age of {age} years is not a whole number of months")
    return add_months(birth, int(months))


def attained_on(birth: date, age: Decimal | int, on: date) -> bool:
    """True when the person has attained ``age`` on ``on`` (the day itself counts)."""
    return on >= date_attaining(birth, age)


def attained_by_year_end(birth: date, age: Decimal | int, year: int) -> bool:
    """IRC 63(f) and 151(d)(5): ``age`` attained before the close of ``year``. A person
    attains an age on the day before the birthday (Treas. Reg. 1.151-1(c)(2)), so a
    January 1 birthday counts for the year before."""
    return date_attaining(birth, age) - timedelta(days=1) <= date(year, 12, 31)


def separated_in_or_after_year_attaining(
    separation_year: int, birth: date, age: Decimal | int
) -> bool:
    """72(t)(2)(A)(v) as Notice 87-13 and Pub. 575 read it: separation in or after the
    calendar year in which the employee attains ``age`` (55, or 50 under 72(t)(10))."""
    return separation_year >= date_attaining(birth, age).year


def surely_attained(age_in_years: int, age: Decimal | int) -> bool:
    """Whether someone ``age_in_years`` old (whole years) has attained ``age`` whatever the
    birthday: 60 has passed 59½, 59 may not have."""
    return age_in_years >= math.ceil(Decimal(age))


def age_on(birth: date, on: date) -> int:
    """Whole years of age on ``on``."""
    years = on.year - birth.year
    return years - 1 if add_years(birth, years) > on else years


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive range of possible dates (one day when the birth date is known)."""

    earliest: date
    latest: date

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest

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


def possible_births(birth_date: date | None, age: int | None, today: date) -> DateRange | None:
    """The birth date, or every birth date an age in years on ``today`` allows; ``None``
    when neither is known. A stated birth date wins: it is the more exact fact."""
    if birth_date is not None:
        return DateRange(birth_date, birth_date)
    if age is not None:
        return birth_dates_for_age(age, today)
    return None


def decided(births: DateRange, test: Callable[[date], bool]) -> bool | None:
    """``test``'s answer for every possible birth date, or ``None`` when it differs.

    Every age test is monotone in the birth date (born earlier, older on every date), so
    the two ends of the range settle it."""
    first, last = test(births.earliest), test(births.latest)
    return first if first == last else None


def dates_attaining(births: DateRange, age: Decimal | int) -> DateRange:
    """When someone born in ``births`` attains ``age`` (a range up to a year wide)."""
    return DateRange(date_attaining(births.earliest, age), date_attaining(births.latest, age))


def birth_years_for_age(age: int, today: date) -> tuple[int, ...]:
    """Possible birth years (one or two) of someone who is ``age`` on ``today``."""
    return birth_years(birth_dates_for_age(age, today))


def birth_years(births: DateRange) -> tuple[int, ...]:
    """The calendar years (one or two) a range of birth dates spans."""
    return tuple(sorted({births.earliest.year, births.latest.year}))
