"""Citations: every rule id the engine can emit resolves to a title, section and URL."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from knowledge.citations import Citation, UnknownRule, all_rules, cite
from knowledge.params import all_parameters

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"


def test_cite_returns_the_registered_citation_with_a_compact_form():
    citation = cite("notice_2014_54")
    assert isinstance(citation, Citation)
    assert citation.section == "IRS Notice 2014-54, sec. III"
    assert citation.url.startswith("https://www.irs.gov/")
    assert citation.short() == f"{citation.section} ({citation.url})"


def test_an_unknown_rule_id_is_an_error_not_an_empty_citation():
    with pytest.raises(UnknownRule):
        cite("irc_999")


@pytest.mark.parametrize("rule_id", sorted(all_rules()))
def test_every_registered_rule_has_title_section_and_web_address(rule_id):
    c = cite(rule_id)
    assert c.title and c.section
    assert c.url.startswith(("http://", "https://"))


@pytest.mark.parametrize(
    "section",
    [
        "IRC 72(e)(8)",
        "IRC 72(d)(2)",
        "Notice 2014-54",
        "IRC 408A(d)(3)(A)",
        "IRC 402A(c)(4)",
        "IRC 408A(d)(3)(F)",
        "IRC 72(t)(1)",
        "IRC 72(t)(2)(A)(i)",
        "IRC 72(t)(2)(A)(v)",
        "IRC 72(t)(3)(A)",
        "IRC 3405(c)",
        "IRC 402(c)",
        "IRC 408A(c)(3)",
        "1.408A-3, Q&A-3(b)",
        "1.408A-10",
        "1.402A-1, Q&A-4",
        "1.408A-6",
        "IRC 415(c)",
        "IRC 414(v)",
        "IRC 1(j)",
        "IRC 63(c)",
        "IRC 401(a)(9)",
    ],
)
def test_the_rules_the_brief_names_are_registered(section):
    assert any(section in c.section for c in all_rules().values()), section


def test_every_rule_id_written_in_the_engine_source_is_registered():
    """A literal rule id in any knowledge module must resolve (catches typos in use())."""
    ids: set[str] = set()
    pattern = re.compile(r"\"((?:irc|reg|notice|irs)_[a-z0-9_]+)\"")
    for path in KNOWLEDGE.glob("*.py"):
        ids |= set(pattern.findall(path.read_text(encoding="utf-8")))
    ids |= {p.rule for p in all_parameters().values()}
    assert ids, "no rule ids found: the pattern is broken"
    assert sorted(ids - set(all_rules())) == []


BOOLS = (None, True, False)


@pytest.mark.parametrize(
    ("still_employed", "in_service", "separate", "in_plan"),
    list(itertools.product(BOOLS, BOOLS, BOOLS, BOOLS)),
)
def test_every_rule_id_the_engine_emits_resolves(
    calc, still_employed, in_service, separate, in_plan
):
    facts = {
        "age": 58,
        "retire_age": 60,
        "after_tax_total": 40000,
        "after_tax_contributions": 30000,
        "pretax_balance": 200000,
        "income": 180000,
        "filing_status": "mfj",
        "employee_deferral": 31000,
        "employer_contribution": 9000,
        "annual_after_tax_contribution": 20000,
        "pre_1987_basis": 1000,
        "separated_from_service_age": 55 if still_employed is False else None,
        "still_employed": still_employed,
        "plan_allows_in_service": in_service,
        "after_tax_separately_accounted": separate,
        "plan_allows_in_plan_conversion": in_plan,
    }
    result = calc(**{k: v for k, v in facts.items() if v is not None})
    emitted = set(result.rules)
    for scenario in result.scenarios:
        emitted |= set(scenario.citations) | {s.rule for s in scenario.steps}
    for rule_id in emitted:
        cite(rule_id)
    assert set(result.to_json()["sources"]) == set(result.rules)
    assert emitted <= set(result.rules)
