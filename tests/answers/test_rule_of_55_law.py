"""The rule of 55 as law: a federal tax rule (IRC 72(t)(2)(A)(v)), claimed with no form or
election (the plan's 1099-R code 2, or Form 5329), while the plan decides whether it pays
partial withdrawals after separation. Asked beside a Roth question, the law question is
still answered first, and the Roth answer does not hold it; a question on the deferral
limit said of "they" (the Roth 401(k) named before) gets the one 402(g) limit, not 415(c).

bd014 (batch_d): "Is this a federal rule/law, meaning that all 401K providers must allow
this? ... Can "rule of 55" apply to a Roth 401K as well? Are they separate accounts with
their own ~$18K contribution limit, or is it a combined contribution?" Its reply led with
the Roth sub-question and gave the 415(c) limit.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_D = EVAL / "batch_d.jsonl"
BATCH_A = EVAL / "batch_a.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        real_question("bd014", BATCH_D),
        # ba052: "When I asked my employer they told me the plan doesn't support the rule of
        # 55 ... Is it truly plan dependent?"
        real_question("ba052", BATCH_A),
        "Is the rule of 55 an IRS rule that every 401k must follow, or does each plan decide? "
        "Do I have to file something to use it?",
    ],
)
def test_the_rule_of_55_is_tax_law_and_the_plan_decides_partial_withdrawals(text: str) -> None:
    assert "rule_of_55_law" in read(text).asks
    reply = first_reply(text)
    first = reply.split("\n\n")[0]
    assert first.startswith("The rule of 55 is a tax rule, not a plan feature")
    assert "it decides whether it pays partial withdrawals" in reply
    assert "nothing to sign or elect" in reply
    assert "Source: IRC 72(t)(2)(A)(v)" in reply


def test_beside_the_roth_question_and_the_deferral_limit() -> None:
    reply = first_reply(real_question("bd014", BATCH_D))
    assert "covers the Roth 401(k) money in that plan too" in reply
    assert "is one limit for you: pretax and Roth 401(k) deferrals together" in reply
    assert "415(c)" not in reply


def test_the_rule_of_55_without_a_law_question_is_not_this_question() -> None:
    text = "I left my job the year I turned 56. Can I take money out of my 401k without penalty?"
    assert "rule_of_55_law" not in read(text).asks
