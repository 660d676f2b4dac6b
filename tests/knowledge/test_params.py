"""Parameters: every figure has a source, a unit and a year; unknown years fail loudly."""

from __future__ import annotations

from decimal import Decimal

import pytest

from knowledge.citations import all_rules
from knowledge.facts import InvalidFacts
from knowledge.params import UnknownYear, all_parameters, covered_years, lookup, param

SUPPORTED_YEARS = (2024, 2025, 2026)
PARAMETERS = sorted(all_parameters())


def test_the_supported_tax_years_are_2024_to_2026():
    assert covered_years() == SUPPORTED_YEARS


@pytest.mark.parametrize("name", PARAMETERS)
def test_every_parameter_has_a_description_unit_rule_and_sourced_references(name):
    p = all_parameters()[name]
    assert p.description
    assert p.unit
    assert p.rule in all_rules(), f"{name}: rule {p.rule!r} is not in rules.yaml"
    assert p.references, f"{name} lacks a source"
    for ref in p.references:
        assert ref.title and ref.section, f"{name}: reference needs title and section"
        assert ref.href.startswith(("http://", "https://")), f"{name}: {ref.href!r}"


@pytest.mark.parametrize("name", [n for n in PARAMETERS if all_parameters()[n].keyed_by == "year"])
def test_every_year_keyed_parameter_covers_each_supported_year(name):
    assert set(SUPPORTED_YEARS) <= set(all_parameters()[name].values)


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("gov.irs.retirement.elective_deferral_limit", 2024, 23000),
        ("gov.irs.retirement.elective_deferral_limit", 2026, 24500),
        ("gov.irs.retirement.annual_additions_limit", 2025, 70000),
        ("gov.irs.retirement.compensation_limit", 2026, 360000),
        ("gov.irs.retirement.catch_up.age_60_to_63", 2025, 11250),
        ("gov.irs.ira.catch_up", 2026, 1100),
        ("gov.irs.ira.roth.phase_out.mfj.start", 2025, 236000),
        ("gov.irs.ira.roth.phase_out.mfs.end", 2026, 10000),
        ("gov.irs.income.standard_deduction.single", 2025, 15750),
        ("gov.irs.income.standard_deduction.hoh", 2025, 23625),
        ("gov.irs.income.standard_deduction.mfj", 2025, 31500),
        ("gov.irs.income.standard_deduction.mfs", 2026, 16100),
        ("gov.irs.withholding.eligible_rollover_rate", 2026, Decimal("0.2")),
        ("gov.irs.early_distribution.additional_tax_rate", 2024, Decimal("0.1")),
    ],
)
def test_spot_values_match_the_sources(name, year, expected):
    assert param(name, year) == expected


def test_the_age_60_to_63_catch_up_did_not_exist_in_2024():
    assert param("gov.irs.retirement.catch_up.age_60_to_63", 2024) is None


@pytest.mark.parametrize(("birth_year", "age"), [(1951, 73), (1959, 73), (1960, 75), (1980, 75)])
def test_rmd_applicable_age_by_birth_year(birth_year, age):
    assert param("gov.irs.rmd.applicable_age", birth_year) == age


def test_rmd_table_refuses_birth_years_before_it_starts():
    with pytest.raises(UnknownYear):
        param("gov.irs.rmd.applicable_age", 1950)


@pytest.mark.parametrize("year", [2023, 2027])
def test_a_year_outside_the_data_raises_unknown_year_never_a_fallback(year):
    with pytest.raises(UnknownYear, match=str(year)) as caught:
        param("gov.irs.ira.contribution_limit", year)
    assert isinstance(caught.value, InvalidFacts)
    assert "2024, 2025, 2026" in str(caught.value)


@pytest.mark.parametrize("status", ["single", "mfj", "mfs", "hoh"])
@pytest.mark.parametrize("year", SUPPORTED_YEARS)
def test_brackets_start_at_zero_rise_and_use_the_seven_rates(status, year):
    brackets = param(f"gov.irs.income.brackets.{status}", year)
    starts = [b["from"] for b in brackets]
    assert starts[0] == 0
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert [b["rate"] for b in brackets] == [
        Decimal(r) for r in ("0.10", "0.12", "0.22", "0.24", "0.32", "0.35", "0.37")
    ]


@pytest.mark.parametrize("year", SUPPORTED_YEARS)
def test_mfj_brackets_double_single_below_the_35_percent_bracket(year):
    single = param("gov.irs.income.brackets.single", year)
    joint = param("gov.irs.income.brackets.mfj", year)
    for s, j in zip(single[:6], joint[:6], strict=True):
        assert j["from"] == 2 * s["from"]


@pytest.mark.parametrize("year", SUPPORTED_YEARS)
def test_mfs_brackets_match_single_except_the_top_which_is_half_of_mfj(year):
    single = param("gov.irs.income.brackets.single", year)
    separate = param("gov.irs.income.brackets.mfs", year)
    joint = param("gov.irs.income.brackets.mfj", year)
    assert separate[:6] == single[:6]
    assert separate[6]["from"] == joint[6]["from"] / 2


def test_lookup_reports_whether_a_value_was_verified():
    assert lookup("gov.irs.income.brackets.hoh", 2025).verified is True
    assert lookup("gov.irs.income.brackets.single", 2026).verified is True


def test_the_2024_head_of_household_standard_deduction_is_the_rev_proc_2023_34_figure():
    found = lookup("gov.irs.income.standard_deduction.hoh", 2024)
    assert (found.value, found.verified) == (21900, True)
