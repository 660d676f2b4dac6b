"""Open-point notes: each quotes its sources, says how the code settles the point, and the
results link to it when it applies."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.open_points import NOTES_DIR, all_open_points

REPO = Path(__file__).resolve().parents[2]
REQUIRED = {
    "drac_clock_irr_first_roth",
    "irr_recapture_after_rollover",
    "age_55_exception_and_recapture",
    "plan_document_dependence",
    "secondary_figures_2025_2026",
}


def test_there_is_a_note_for_each_open_point_of_the_brief():
    assert set(all_open_points()) >= REQUIRED


@pytest.mark.parametrize("point_id", sorted(REQUIRED))
def test_each_note_has_summary_sources_and_a_settlement(point_id):
    point = all_open_points()[point_id]
    text = (NOTES_DIR / f"{point_id}.md").read_text(encoding="utf-8")
    assert point.summary and len(point.summary) < 300
    assert "## What the sources say" in text
    assert "## How rothbot settles it" in text
    assert text.count("http") >= 2, "a note must cite its sources"
    assert (REPO / point.note).exists()


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        pytest.param(
            {"after_tax_total": 40000, "after_tax_contributions": 30000, "year": 2026},
            {
                "drac_clock_irr_first_roth",
                "irr_recapture_after_rollover",
                "plan_document_dependence",
                "secondary_figures_2025_2026",
            },
            id="unknown-plan-2026",
        ),
        pytest.param(
            {
                "after_tax_total": 40000,
                "after_tax_contributions": 30000,
                "year": 2024,
                "still_employed": True,
                "plan_allows_in_service": True,
                "after_tax_separately_accounted": True,
                "plan_allows_in_plan_conversion": False,
            },
            set(),
            id="everything-known-2024-no-conversion",
        ),
        pytest.param(
            {
                "after_tax_total": 40000,
                "after_tax_contributions": 30000,
                "year": 2024,
                "age": 56,
                "still_employed": False,
                "separated_from_service_age": 55,
                "after_tax_separately_accounted": True,
                "plan_allows_in_plan_conversion": False,
            },
            {"age_55_exception_and_recapture"},
            id="separated-at-55",
        ),
    ],
)
def test_results_link_the_open_points_that_apply(calc, facts, expected):
    result = calc(**facts)
    assert {p.id for p in result.open_points} == expected
    for point in result.to_json()["open_points"]:
        assert point["note"].startswith("knowledge/notes/")
