"""The Facts vocabulary shared by every part of rothbot (see DESIGN.md).

One immutable type with exactly the documented keys. Unknown facts are ``None`` and are
left out of ``to_dict()``: the engine must never confuse "not said" with "zero".
Validation lives here, next to the type, so every entry point (CLI, chat, Telegram)
rejects the same absurd input with the same sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

FILING_STATUSES = ("single", "mfj", "mfs", "hoh")
PLAN_TYPES = ("401k", "403b", "457b", "TSP")

# No balance or income anyone asks us about comes near this; above it is a typo or a test.
MAX_MONEY = Decimal("1000000000")  # literal: a plausibility bound (one billion dollars)
MIN_AGE, MAX_AGE = 16, 110  # literal: plausibility bounds on an age
MIN_YEAR, MAX_YEAR = 1974, 2100  # literal: plausible years (ERISA onwards)
MAX_RATE = Decimal("0.5")  # literal: no federal marginal rate is higher
MAX_NAME = 80  # literal: the longest provider name kept
MAX_WHOLE = 10_000  # literal: beyond any age or year
CENT = Decimal("0.01")  # literal: cents

MONEY_KEYS = (
    "after_tax_contributions",
    "after_tax_earnings",
    "after_tax_total",
    "pretax_balance",
    "roth_401k_balance",
    "traditional_ira_balance",
    "roth_ira_balance",
    "income",
    "annual_after_tax_contribution",
    "employer_contribution",
    "employee_deferral",
    "pre_1987_basis",
)
# Money that moves rather than a holding (an addition to DESIGN.md's vocabulary): the amount
# a person says they convert to a Roth, from an IRA or pretax plan money. Validated as money,
# but no balance: nothing that counts holdings counts it.
TRANSACTION_KEYS = ("conversion_amount",)
AGE_KEYS = ("age", "retire_age", "spouse_age", "separated_from_service_age")
YEAR_KEYS = ("roth_ira_first_year", "year", "separation_year")
DATE_KEYS = ("birth_date",)
BOOL_KEYS = (
    "has_roth_ira",
    "still_employed",
    "plan_allows_in_service",
    "plan_allows_in_plan_conversion",
    "after_tax_separately_accounted",
    "blind",
    "spouse_blind",
    "public_safety_employee",
    "has_roth_401k",
    "has_after_tax_money",
    "has_pretax_money",
    "has_traditional_ira",
)
# The kinds of money a question is about (the has_* facts above, each True only where the
# text says the person has that kind): which money a rollover or conversion moves decides
# its tax, so an answer for one kind told to another is wrong (knowledge.answers). Each
# with the amounts that name the kind too: its balance, or any figure of the plan's
# after-tax (non-Roth) source (the reader leaves out a has_* fact an amount already states).
MONEY_KIND_AMOUNTS: Mapping[str, tuple[str, ...]] = {
    "has_roth_401k": ("roth_401k_balance",),
    "has_after_tax_money": (
        "after_tax_contributions",
        "after_tax_earnings",
        "after_tax_total",
        "annual_after_tax_contribution",
        "pre_1987_basis",
    ),
    "has_pretax_money": ("pretax_balance",),
    "has_traditional_ira": ("traditional_ira_balance",),
}
MONEY_KIND_KEYS = tuple(MONEY_KIND_AMOUNTS)

# DESIGN.md's vocabulary: `rothbot parse` and `rothbot ask --json` put exactly these keys in
# "facts" (scripts outside the project rely on it). The other Facts keys are this project's
# additions; they travel beside them in "extra_facts" (documented_and_extra).
DESIGN_KEYS = (
    "age",
    "retire_age",
    "spouse_age",
    "after_tax_contributions",
    "after_tax_earnings",
    "after_tax_total",
    "pretax_balance",
    "roth_401k_balance",
    "traditional_ira_balance",
    "roth_ira_balance",
    "has_roth_ira",
    "roth_ira_first_year",
    "provider",
    "employer_plan_type",
    "still_employed",
    "separated_from_service_age",
    "income",
    "filing_status",
    "marginal_rate",
    "annual_after_tax_contribution",
    "employer_contribution",
    "employee_deferral",
    "plan_allows_in_service",
    "plan_allows_in_plan_conversion",
    "after_tax_separately_accounted",
    "pre_1987_basis",
    "year",
)


def documented_and_extra(facts: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split facts into DESIGN.md's keys and this project's additions, order kept.

    Why: the command line's "facts" is a contract with outside scripts ("emits exactly these
    keys"), while the engine also uses the additions (the kinds of money, a birth date).
    """
    documented = {k: v for k, v in facts.items() if k in DESIGN_KEYS}
    extra = {k: v for k, v in facts.items() if k not in DESIGN_KEYS}
    return documented, extra


LABELS: dict[str, str] = {
    "age": "your age",
    "retire_age": "the age you plan to leave your employer",
    "spouse_age": "your spouse's age",
    "after_tax_contributions": "after-tax contributions (your basis)",
    "after_tax_earnings": "earnings on the after-tax contributions",
    "after_tax_total": "the whole after-tax subaccount",
    "pretax_balance": "the pre-tax 401(k) balance",
    "roth_401k_balance": "the Roth 401(k) balance",
    "traditional_ira_balance": "traditional IRA balances",
    "roth_ira_balance": "the Roth IRA balance",
    "has_roth_ira": "whether you have a Roth IRA",
    "roth_ira_first_year": "the year of your first Roth IRA contribution",
    "provider": "the plan provider",
    "employer_plan_type": "the plan type",
    "still_employed": "whether you still work for the plan sponsor",
    "separated_from_service_age": "your age in the year you left the employer",
    "income": "income (MAGI)",
    "filing_status": "filing status",
    "marginal_rate": "your federal marginal rate",
    "annual_after_tax_contribution": "after-tax contributions per year",
    "employer_contribution": "employer contributions per year",
    "employee_deferral": "your elective deferrals per year",
    "plan_allows_in_service": "whether the plan allows in-service withdrawals of after-tax money",
    "plan_allows_in_plan_conversion": "whether the plan allows in-plan Roth conversions",
    "after_tax_separately_accounted": "whether the plan accounts for after-tax money separately",
    "pre_1987_basis": "after-tax contributions made before 1987",
    "year": "the tax year",
    "birth_date": "your date of birth",
    "separation_year": "the year you left the employer",
    "blind": "whether you are blind (for the standard deduction)",
    "spouse_blind": "whether your spouse is blind (for the standard deduction)",
    "public_safety_employee": "whether you are a public safety employee (police, firefighter, "
    "EMS) in a governmental plan",
    "has_roth_401k": "whether you have Roth 401(k) (designated Roth) money in the plan",
    "has_after_tax_money": "whether the money is after-tax (non-Roth) contributions",
    "has_pretax_money": "whether you have pretax (traditional) money in the plan",
    "has_traditional_ira": "whether you have a traditional (rollover, SEP or SIMPLE) IRA",
    "conversion_amount": "the amount you convert to a Roth",
}


class InvalidFacts(ValueError):
    """Raised with a sentence a person can act on; never shown as a traceback."""


@dataclass(frozen=True, slots=True)
class Facts:
    """What we know about one person's situation. ``None`` means "not said"."""

    age: int | None = None
    retire_age: int | None = None
    spouse_age: int | None = None
    after_tax_contributions: Decimal | None = None
    after_tax_earnings: Decimal | None = None
    after_tax_total: Decimal | None = None
    pretax_balance: Decimal | None = None
    roth_401k_balance: Decimal | None = None
    traditional_ira_balance: Decimal | None = None
    roth_ira_balance: Decimal | None = None
    has_roth_ira: bool | None = None
    roth_ira_first_year: int | None = None
    provider: str | None = None
    employer_plan_type: str | None = None
    still_employed: bool | None = None
    separated_from_service_age: int | None = None
    income: Decimal | None = None
    filing_status: str | None = None
    marginal_rate: Decimal | None = None
    annual_after_tax_contribution: Decimal | None = None
    employer_contribution: Decimal | None = None
    employee_deferral: Decimal | None = None
    plan_allows_in_service: bool | None = None
    plan_allows_in_plan_conversion: bool | None = None
    after_tax_separately_accounted: bool | None = None
    pre_1987_basis: Decimal | None = None
    year: int | None = None
    # Additions to DESIGN.md's vocabulary (optional; the engine uses them when given).
    birth_date: date | None = None
    separation_year: int | None = None
    blind: bool | None = None
    spouse_blind: bool | None = None
    public_safety_employee: bool | None = None
    # the kinds of money the question is about (MONEY_KIND_KEYS): designated Roth, after-tax
    # (non-Roth), pretax in a plan, a traditional IRA
    has_roth_401k: bool | None = None
    has_after_tax_money: bool | None = None
    has_pretax_money: bool | None = None
    has_traditional_ira: bool | None = None
    # the amount a person converts to a Roth (TRANSACTION_KEYS): the engine prices its tax
    conversion_amount: Decimal | None = None

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Facts:
        """Build validated Facts from JSON-like data; raise InvalidFacts on anything odd.

        Unknown keys are an error rather than silently dropped: a typo such as
        ``"after_tax_contribution"`` would otherwise turn into a wrong answer.
        """
        if not isinstance(data, Mapping):
            raise InvalidFacts('Facts must be a JSON object such as {"age": 51}.')
        known = set(cls.keys())
        unknown = sorted(str(k) for k in data if k not in known)
        if unknown:
            raise InvalidFacts(
                f"Unknown fact {unknown[0]!r}. Known facts are: {', '.join(sorted(known))}."
            )
        values: dict[str, Any] = {}
        for key, raw in data.items():
            if raw is None:
                continue
            values[key] = _coerce(key, raw)
        facts = cls(**values)
        facts.check_consistency()
        return facts

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict of the known facts only (money as int when whole, else float)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if isinstance(value, Decimal):
                value = int(value) if value == value.to_integral_value() else float(value)
            elif isinstance(value, date):
                value = value.isoformat()
            out[f.name] = value
        return out

    def replace(self, **changes: Any) -> Facts:
        """A copy with some facts changed (validated); ``None`` removes a fact."""
        data = self.to_dict()
        for key, value in changes.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        return Facts.from_mapping(data)

    def check_consistency(self) -> None:
        """Reject combinations no real account can have."""
        c, e, t = self.after_tax_contributions, self.after_tax_earnings, self.after_tax_total
        if t is not None and e is not None and e > t:
            raise InvalidFacts(
                f"The earnings (${e:,}) are larger than the whole after-tax subaccount "
                f"(${t:,}); please check both numbers."
            )
        if t is not None and c is not None and c > t:
            raise InvalidFacts(
                f"The after-tax contributions (${c:,}) are larger than the whole after-tax "
                f"subaccount (${t:,}); please check both numbers."
            )
        if t is not None and c is not None and e is not None and c + e != t:
            raise InvalidFacts(
                f"Contributions (${c:,}) plus earnings (${e:,}) do not add up to the "
                f"after-tax total (${t:,}); which number is right?"
            )
        if c is None and t is not None and e is not None:
            c = t - e  # the engine derives contributions the same way
        if self.pre_1987_basis is not None and c is not None and self.pre_1987_basis > c:
            raise InvalidFacts("Pre-1987 basis cannot be larger than all after-tax contributions.")
        if (
            self.age is not None
            and self.separated_from_service_age is not None
            and self.separated_from_service_age > self.age
        ):
            raise InvalidFacts(
                "The age you left your employer is later than your age now; please check it."
            )
        if (
            self.birth_date is not None
            and self.separation_year is not None
            and self.separation_year < self.birth_date.year + MIN_AGE
        ):
            raise InvalidFacts(
                "The year you left the employer is before you could have worked there; "
                "please check it and your date of birth."
            )


def _coerce(key: str, raw: Any) -> Any:
    label = LABELS.get(key, key)
    if key in MONEY_KEYS or key in TRANSACTION_KEYS:
        amount = _decimal(raw, label)
        if amount < 0:
            raise InvalidFacts(f"{label.capitalize()} cannot be negative (got {raw}).")
        if amount > MAX_MONEY:
            raise InvalidFacts(
                f"{label.capitalize()} of {raw} is more than ${MAX_MONEY:,}; please check it."
            )
        return amount.quantize(CENT) if amount % 1 else amount.quantize(Decimal(1))
    if key in AGE_KEYS:
        age = _whole(raw, label)
        if not MIN_AGE <= age <= MAX_AGE:
            raise InvalidFacts(
                f"{label.capitalize()} must be between {MIN_AGE} and {MAX_AGE} (got {raw})."
            )
        return age
    if key in YEAR_KEYS:
        year = _whole(raw, label)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise InvalidFacts(f"{label.capitalize()} {raw} is not a plausible year.")
        return year
    if key in BOOL_KEYS:
        if not isinstance(raw, bool):
            raise InvalidFacts(f"{label.capitalize()} must be true or false (got {raw!r}).")
        return raw
    if key in DATE_KEYS:
        return _date(raw, label)
    if key == "marginal_rate":
        rate = _decimal(raw, label)
        if rate > 1 and rate <= 100:
            rate = rate / 100  # "24" means 24%
        if not Decimal(0) <= rate <= MAX_RATE:
            raise InvalidFacts(
                f"A federal marginal rate must be between 0 and 0.37, e.g. 0.24 (got {raw})."
            )
        return rate
    if key == "filing_status":
        status = str(raw).strip().lower()
        if status not in FILING_STATUSES:
            raise InvalidFacts(
                f"Filing status {raw!r} is not one of: single, mfj (married filing jointly), "
                "mfs (married filing separately), hoh (head of household)."
            )
        return status
    if key == "employer_plan_type":
        wanted = str(raw).strip().replace("(", "").replace(")", "").replace(" ", "")
        for plan in PLAN_TYPES:
            if wanted.lower() == plan.lower():
                return plan
        raise InvalidFacts(f"Plan type {raw!r} is not one of: {', '.join(PLAN_TYPES)}.")
    if key == "provider":
        text = str(raw).strip()
        if not text or len(text) > MAX_NAME:
            raise InvalidFacts(f"The provider name must be 1 to {MAX_NAME} characters.")
        return text
    raise InvalidFacts(f"Unknown fact {key!r}.")  # pragma: no cover - keys checked before


def _decimal(raw: Any, label: str) -> Decimal:
    if isinstance(raw, bool):
        raise InvalidFacts(f"{label.capitalize()} must be a number (got {raw!r}).")
    try:
        value = Decimal(str(raw).replace(",", "").replace("$", "").strip())
    except (InvalidOperation, ValueError):
        raise InvalidFacts(f"{label.capitalize()} must be a number (got {raw!r}).") from None
    if not value.is_finite():
        raise InvalidFacts(f"{label.capitalize()} must be a finite number (got {raw!r}).")
    return value


def _whole(raw: Any, label: str) -> int:
    value = _decimal(raw, label)
    if value != value.to_integral_value():
        raise InvalidFacts(f"{label.capitalize()} must be a whole number (got {raw!r}).")
    if abs(value) > MAX_WHOLE:
        raise InvalidFacts(f"{label.capitalize()} {raw} is out of range.")
    return int(value)


def _date(raw: Any, label: str) -> date:
    """An ISO date (``1961-01-01``) of a plausible birth, or a sentence saying what to send."""
    if isinstance(raw, date):
        day = raw
    else:
        try:
            day = date.fromisoformat(str(raw).strip())
        except ValueError:
            raise InvalidFacts(
                f"{label.capitalize()} must be a date such as 1961-01-31 (got {raw!r})."
            ) from None
    if not MIN_YEAR - MAX_AGE <= day.year <= MAX_YEAR:
        raise InvalidFacts(f"{label.capitalize()} {raw} is not a plausible date.")
    return day
