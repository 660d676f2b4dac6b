"""Roth 401(k) money moved from an old plan to a new employer's plan: by direct rollover into
the new plan's Roth account (if it takes roll-ins), untaxed, the old plan's years counting
toward the new plan's 5-year period (IRC 402A(c)(3), 402A(d)(2)(B); Treas. Reg. 1.402A-1,
Q&A-4); paid out instead, only the earnings could go to the plan within 60 days (Q&A-5).

bd031 (batch_d): "Participant has an In Roth Conversion account balance in his prior
employer's plan ... would like to transfer this roth balance to his current employer ... Is
he allowed to transfer the funds directly from the prior plan to the current plan and not
jepordize the roth account balance." Its reply asked what kind of money it was.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

BATCH_D = EVAL / "batch_d.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        real_question("bd031", BATCH_D),
        "I have a Roth 401k at my old job. Can I roll it from my old 401k to my new employer's "
        "plan without losing the years it has been open?",
    ],
)
def test_roth_money_moves_directly_to_the_new_plans_roth_account(text: str) -> None:
    assert "roth_plan_to_plan" in read(text).asks
    reply = respond(Session(key="t"), text, today=date(2026, 12, 6), now=0).text
    first = reply.split("\n\n")[0]
    assert "by direct rollover into the new plan's Roth account" in first
    assert "the old plan's years count toward the new plan's 5-year period" in first
    assert "only its earnings could go to the new plan within 60 days" in reply
    assert "depends on the kind of money" not in reply
    assert "Source: IRC 402A(c)(3) and 402A(d)(2)(B)" in reply


def test_a_roth_401k_to_a_roth_ira_is_not_this_question() -> None:
    text = "Can I roll my Roth 401k from my old plan to my new Roth IRA?"
    assert "roth_plan_to_plan" not in read(text).asks
