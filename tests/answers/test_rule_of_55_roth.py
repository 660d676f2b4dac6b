"""The rule of 55 and Roth 401(k) money: the exception covers every distribution from
that plan, the Roth account included (IRC 72(t)(2)(A)(v)); it lifts only the 10%, so a
nonqualified withdrawal is pro-rata with its earnings taxable (402A(d)); rolled to a Roth
IRA the exception is gone (72(t)(3)(A)) but the contributions come out first. Real
question from tests/eval/batch_c_answers.jsonl, verbatim."""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.params import param
from nlu.reader import read

TODAY = date(2026, 12, 6)


def reply_to(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


@pytest.mark.parametrize(
    "text",
    [
        # bc003, verbatim
        real_question("bc003", EVAL / "batch_c_answers.jsonl"),
        "Does the rule of 55 apply to my Roth 401k?",
        "Can I use the rule of 55 on the Roth part of my 401k when I retire at 56?",
    ],
)
def test_the_question_is_recognised_first_and_answered(text: str) -> None:
    assert read(text).asks[0] == "rule_of_55_roth"
    reply = reply_to(text)
    age = param("gov.irs.early_distribution.separation_age", 2026)
    assert reply.startswith("Yes: the rule of 55 covers the Roth 401(k) money in that plan")
    assert f"in or after the calendar year you turn {age}" in reply
    assert "It lifts only the penalty" in reply and "pro-rata" in reply
    assert "Rolled to a Roth IRA it loses the exception" in reply
    # not the kind-of-money question back: the text said Roth 401(k)
    assert "Is the money you want to move" not in reply


def test_the_rule_of_55_alone_keeps_its_own_answer() -> None:
    asks = read("How long after separation can I use the rule of 55?").asks
    assert "rule_of_55_roth" not in asks
