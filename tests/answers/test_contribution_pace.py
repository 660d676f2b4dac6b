"""Staying under the year's 415(c) limit with pay that varies: keeping the additions under
the limit is the plan's duty (IRC 401(a)(16)), so whether payroll stops at it and trues up
the match is the plan's to say; the person sets the rate; an excess is the plan's to
correct (Treas. Reg. 1.415-6(b)(6)).

be008 (batch_e): "If you do expect a salary increase and overtime, how do you adjust? Just
set the limit at 53% and then during the last pay period or two drop the percentage to the
amount needed to not exceed the limit? Is there an easier way to do this? I assume there's
nothing that will stop me from over-contributing and I'm not sure if the consequences of
that." Its reply was the 415(c) room and the mega backdoor.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_E = EVAL / "batch_e.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        real_question("be008", BATCH_E),
        "My pay varies with bonuses. How should I change my after-tax contribution percentage "
        "so I don't go over the 415(c) limit?",
    ],
)
def test_the_plan_keeps_you_under_the_limit_ask_it_then_set_the_rate(text: str) -> None:
    asks = read(text).asks
    assert asks[0] == "contribution_pace"
    reply = first_reply(text)
    first = reply.split("\n\n")[0]
    assert first.startswith("Keeping the year's additions under 2026's $72,000 (IRC 415(c)")
    assert "is the plan's job" in first
    assert "whether it trues up the match" in first
    assert "lower it for the last pay periods" in reply
    assert "IRA limit" not in reply  # no IRA in the question
    assert "Source: IRC 401(a)(16)" in reply


def test_over_contributing_gets_the_plans_correction() -> None:
    text = real_question("be008", BATCH_E)
    assert "after_tax_excess" in read(text).asks
    assert "is the plan's to correct" in first_reply(text)


def test_an_ira_contribution_limit_is_not_this_question() -> None:
    text = "How do I adjust my IRA contribution so I don't exceed the limit this year?"
    assert "contribution_pace" not in read(text).asks
