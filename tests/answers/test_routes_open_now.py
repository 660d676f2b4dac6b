"""A route is offered only if the poster can take it:

- a person still employed and under 59½ (the parameter) is not told to take one
  distribution of the whole account now: a plan cannot pay out the pretax deferrals before
  severance or 59½ (IRC 401(k)(2)(B)), so the whole-account split is said as what opens
  then, and the route open now is named as the plan's rules (the facts) allow, or asked;
- after leaving, the whole-account split is the route, as before; still employed past 59½,
  it is the route only if the plan pays out in service at 59½, a plan option
  (tests/conversation/test_conditions.py);
- a hardship withdrawal is never offered as money to roll to an IRA: it is not an eligible
  rollover distribution (IRC 402(c)(4)(C)).

Paraphrases, and the released real question that shows it (fq017) verbatim.
"""

from __future__ import annotations

from datetime import date

import pytest
from answer_findings import first_reply
from conversation_stories import SHARED, real_question

from bot.answers import render
from knowledge.answers import answer
from knowledge.engine import calculate
from knowledge.facts import Facts
from knowledge.params import param

TODAY = date(2026, 12, 6)
RUBRICS = SHARED / "eval" / "answers.jsonl"
AGE_59_HALF = param("gov.irs.early_distribution.age_59_half", 2026)
YOUNG = int(AGE_59_HALF) - 15  # settles "under 59½" whatever the parameter
OLD = int(AGE_59_HALF) + 3  # settles "59½ or over"
MIXED = {"after_tax_separately_accounted": False}
WHOLE_NOW = "The clean route is one distribution of the whole account"
LATER = "Once you leave the employer (or reach 59½"


def _ids(facts: dict) -> list[str]:
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    return [f.id for f in answer("prorata_partial", facts, result)]


@pytest.mark.parametrize(
    ("facts", "now"),
    [
        ({"plan_allows_in_service": True}, "route.now_in_service"),
        ({"plan_allows_in_plan_conversion": True}, "route.now_in_plan"),
        ({"plan_allows_in_service": False}, "route.now_in_plan_if"),
        (
            {"plan_allows_in_service": False, "plan_allows_in_plan_conversion": False},
            "route.now_none",
        ),
        ({}, "route.now_if_plan"),
    ],
)
def test_still_employed_under_59_half_gets_the_route_open_now(facts: dict, now: str) -> None:
    ids = _ids({**MIXED, "still_employed": True, "age": YOUNG, **facts})
    assert "route.full_split_general" not in ids and "route.full_split" not in ids
    assert "route.full_split_later_general" in ids
    assert [i for i in ids if i.startswith("route.now_")] == [now]


def test_an_age_that_does_not_settle_59_half_is_said_as_later_too() -> None:
    ids = _ids({**MIXED, "still_employed": True})
    assert "route.full_split_later_general" in ids and "route.full_split_general" not in ids


def test_the_figures_version_is_said_as_later_with_the_figures() -> None:
    facts = {
        **MIXED,
        "still_employed": True,
        "age": YOUNG,
        "after_tax_contributions": 30000,
        "pretax_balance": 270000,
    }
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    found = {f.id: f for f in answer("prorata_partial", facts, result)}
    later = " ".join(render(found["route.full_split_later"]).split())
    assert later.startswith(LATER)
    assert "$270,000 of pretax money" in later and "$30,000 of after-tax contributions" in later
    assert "(IRC 401(k)(2)(B))" in later


@pytest.mark.parametrize(
    "facts",
    [
        {"still_employed": False, "age": YOUNG},
        {},
    ],
)
def test_after_leaving_the_whole_account_is_the_route(facts: dict) -> None:
    ids = _ids({**MIXED, **facts})
    assert "route.full_split_general" in ids
    assert not [i for i in ids if i.startswith("route.now_") or "later" in i]


@pytest.mark.parametrize(
    ("text", "must"),
    [
        (
            f"I'm {YOUNG} and still working at my company. My 401k mixes after-tax and pretax "
            "money and won't separate them. Can I take out only the after-tax money?",
            "Open now, only if your plan allows it: an in-service withdrawal",
        ),
        (
            f"I still work there, I'm {YOUNG}, and my plan co-mingles the after-tax money with "
            "pretax. Can I withdraw just the after-tax part? The plan does not allow "
            "in-service withdrawals.",
            "only an in-plan Roth conversion, if it offers one, is open now",
        ),
    ],
)
def test_a_paraphrase_gets_the_route_open_now(text: str, must: str) -> None:
    reply = first_reply(text)
    assert WHOLE_NOW not in reply
    assert LATER in reply and must in reply


def test_the_real_question_still_employed_with_in_service_allowed() -> None:
    # fq017: "they will allow it while I am still employed with the company I work for"
    reply = first_reply(real_question("fq017", RUBRICS))
    assert WHOLE_NOW not in reply
    assert LATER in reply
    assert "Open now: an in-service withdrawal of the after-tax source" in reply


def test_a_hardship_withdrawal_is_not_offered_as_a_rollover() -> None:
    reply = first_reply("Should I take a 401k loan or a hardship withdrawal for my first home?")
    assert "other than a hardship withdrawal, can be rolled to an IRA" in reply
    assert "cannot be rolled over (IRC 402(c)(4)(C))" in reply
