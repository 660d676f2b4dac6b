"""Year-stamped parameters read from ``knowledge/data`` (one YAML file per quantity).

Each file mirrors the law's structure in its path (PolicyEngine-US style) and holds a
``description``, ``values`` keyed by tax year, and ``metadata`` with the unit, the rule id
it implements and a reference list. A name is the file's path with dots
(``gov.irs.ira.contribution_limit``); a name may continue into a value's keys
(``gov.irs.ira.roth.phase_out.single``).

A year the data does not cover raises :class:`UnknownYear`. There is deliberately no
fallback to the nearest year: a 2027 limit guessed from 2026 would be a wrong number
presented as a sourced one.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from knowledge import yaml_files
from knowledge.facts import InvalidFacts

DATA_DIR = Path(__file__).resolve().parent / "data"
# The answer catalogue (knowledge.answers) keeps its questions beside the parameters.
NOT_PARAMETER_FOLDERS = frozenset({"questions"})
NOT_A_PARAMETER = frozenset({"rules.yaml", "money_of_findings.yaml", "figures.yaml"})
# Parameters keyed by something other than the tax year: the value of the latest key not
# after the year asked about applies (a schedule, or a statutory figure in force since).
SCHEDULES = {
    "birth_year": "is only known for people born in",
    "in_force_from": "is only known for tax years",
}


class UnknownYear(InvalidFacts):
    """A parameter has no value for the requested year."""


class UnknownParameter(KeyError):
    """A programming error: the engine asked for a parameter that has no data file."""


@dataclass(frozen=True, slots=True)
class Reference:
    title: str
    section: str
    href: str


@dataclass(frozen=True, slots=True)
class Parameter:
    """One data file: what it is, its yearly values, and where the values come from."""

    name: str
    description: str
    unit: str
    rule: str
    values: dict[int, Any]
    references: tuple[Reference, ...]
    verified: dict[int, bool]
    unverified_keys: dict[int, frozenset[str]]  # per year, sub-keys no source confirmed
    keyed_by: str  # "year" (tax year); "birth_year" or "in_force_from" (latest key <= year)
    label: str

    def years(self) -> tuple[int, ...]:
        return tuple(sorted(self.values))


@dataclass(frozen=True, slots=True)
class ParamValue:
    """A looked-up value with the facts needed to cite it and to warn about it."""

    name: str
    year: int
    value: Any
    verified: bool
    rule: str
    label: str


def _to_decimal(value: Any) -> Any:
    """YAML numbers become ``Decimal`` (via ``str`` so 0.1 stays 0.1); nested too."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            return Decimal(value.replace("_", ""))
        except ArithmeticError:
            return value
    if isinstance(value, dict):
        return {k: _to_decimal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_to_decimal(v) for v in value]
    return value


def _load_file(path: Path) -> Parameter:
    raw = yaml_files.read(path)
    name = ".".join(path.relative_to(DATA_DIR).with_suffix("").parts)
    meta = raw.get("metadata") or {}
    values = {int(year): _to_decimal(v) for year, v in (raw.get("values") or {}).items()}
    verified_raw = meta.get("verified", True)
    if isinstance(verified_raw, dict):
        verified = {int(y): bool(verified_raw.get(y, True)) for y in values}
    else:
        verified = dict.fromkeys(values, bool(verified_raw))
    unverified_keys = {
        int(y): frozenset(str(k) for k in keys)
        for y, keys in (meta.get("unverified") or {}).items()
    }
    references = tuple(
        Reference(str(r.get("title", "")), str(r.get("section", "")), str(r.get("href", "")))
        for r in meta.get("reference") or []
    )
    return Parameter(
        name=name,
        description=str(raw.get("description", "")).strip(),
        unit=str(meta.get("unit", "")),
        rule=str(meta.get("rule", "")),
        values=values,
        references=references,
        verified=verified,
        unverified_keys=unverified_keys,
        keyed_by=str(meta.get("keyed_by", "year")),
        label=str(meta.get("label", name)),
    )


@cache
def all_parameters() -> dict[str, Parameter]:
    """Every parameter file under ``knowledge/data``, by dotted name (loaded once)."""
    found: dict[str, Parameter] = {}
    for path in sorted(DATA_DIR.rglob("*.yaml")):
        if path.name in NOT_A_PARAMETER and path.parent == DATA_DIR:
            continue
        if path.relative_to(DATA_DIR).parts[0] in NOT_PARAMETER_FOLDERS:
            continue
        parameter = _load_file(path)
        found[parameter.name] = parameter
    return found


def _split(name: str) -> tuple[Parameter, list[str]]:
    params = all_parameters()
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        head = ".".join(parts[:cut])
        if head in params:
            return params[head], parts[cut:]
    raise UnknownParameter(name)


def lookup(name: str, year: int) -> ParamValue:
    """The value of ``name`` for ``year`` with its provenance; raises UnknownYear."""
    parameter, rest = _split(name)
    if parameter.keyed_by in SCHEDULES:
        keys = [y for y in parameter.years() if y <= year]
        if not keys:
            raise UnknownYear(
                f"{parameter.label.capitalize()} {SCHEDULES[parameter.keyed_by]} "
                f"{parameter.years()[0]} or later (asked about {year})."
            )
        key = keys[-1]
    else:
        if year not in parameter.values:
            covered = ", ".join(str(y) for y in parameter.years())
            raise UnknownYear(
                f"rothbot has {parameter.label} only for {covered}, not for {year}; "
                "please ask about one of those years."
            )
        key = year
    value = parameter.values[key]
    for part in rest:
        if not isinstance(value, dict) or part not in value:
            raise UnknownParameter(name)
        value = value[part]
    verified = parameter.verified[key] and not (
        rest and rest[0] in parameter.unverified_keys.get(key, frozenset())
    )
    return ParamValue(
        name=name,
        year=year,
        value=value,
        verified=verified,
        rule=parameter.rule,
        label=parameter.label,
    )


def param(name: str, year: int) -> Any:
    """The value of parameter ``name`` in tax ``year`` (Decimal, dict or list)."""
    return lookup(name, year).value


def covered_years() -> tuple[int, ...]:
    """Tax years every year-keyed parameter covers (the engine's supported years)."""
    sets = [set(p.values) for p in all_parameters().values() if p.keyed_by == "year"]
    return tuple(sorted(set.intersection(*sets))) if sets else ()
