"""The answer catalogue holds together: every question is recognised, answered, worded
and cited, and a finding's figures come from the engine."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answers import messages, render, renderable
from knowledge.answers import ANSWERS, answer, catalogue, for_money
from knowledge.citations import cite
from knowledge.engine import calculate
from knowledge.facts import Facts
from nlu.asks import ask_ids, build
from nlu.pipeline import get_nlp

SEED = {
    "age": 51,
    "after_tax_contributions": 30000,
    "after_tax_earnings": 10000,
    "still_employed": True,
    "marginal_rate": 0.24,
}


def _result(facts: dict) -> dict:
    return calculate(Facts.from_mapping(facts), today=date(2026, 12, 6)).to_json()


def test_every_question_is_recognised_answered_and_cited() -> None:
    questions = catalogue()
    assert set(questions) == set(ask_ids())
    for q in questions.values():
        # an answer is either data (the same for everyone) or a function, never both
        assert bool(q.fixed) != (q.id in ANSWERS), q.id
        assert [finding for finding, _ in q.fixed] in ([], list(q.findings))
        assert q.topic and q.question.endswith("?")
        for rule in q.rules:
            assert cite(rule).url.startswith("http")
        for finding_id in q.findings:
            assert finding_id in messages(), f"{q.id}: {finding_id} has no sentence"


def test_the_recognition_patterns_are_valid_spacy_patterns() -> None:
    catalogue_ = build(get_nlp().vocab)  # raises on an invalid pattern or unknown class
    assert catalogue_.rules


@pytest.mark.parametrize("question_id", sorted(catalogue()))
@pytest.mark.parametrize(
    "facts",
    [
        SEED,
        {},
        {
            "age": 45,
            "after_tax_contributions": 30000,
            "pretax_balance": 270000,
            "after_tax_separately_accounted": False,
            "still_employed": False,
        },
    ],
    ids=["seed", "no facts", "plan prorates"],
)
def test_each_answer_renders_from_declared_findings_with_cited_rules(
    question_id: str, facts: dict
) -> None:
    findings = answer(question_id, facts, _result(facts))
    assert findings
    # (a question asked of another kind of money is answered by that kind's question)
    declared = {
        f for q in (question_id, *for_money((question_id,), facts)) for f in catalogue()[q].findings
    }
    for finding in findings:
        assert finding.id in declared or finding.id.startswith(("route.", "timing."))
        cite(finding.rule)
        if renderable(finding):
            assert "{" not in render(finding)


def test_a_plan_that_prorates_never_gets_nothing_taxable_for_the_after_tax_money_alone() -> None:
    facts = {
        "age": 45,
        "after_tax_contributions": 30000,
        "pretax_balance": 270000,
        "after_tax_separately_accounted": False,
    }
    text = " ".join(render(f) for f in answer("prorata_partial", facts, _result(facts)))
    # $30,000 out of $300,000 is 10% basis: $3,000 basis and $27,000 pretax
    assert "$3,000 basis and $27,000 pretax" in text
    assert "$270,000 of pretax money to a traditional IRA" in text


def test_same_facts_same_findings() -> None:
    result = _result(SEED)
    assert answer("move_to_roth", SEED, result) == answer("move_to_roth", SEED, result)
