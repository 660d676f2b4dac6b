"""Conversions made past 59½: the 10% of each conversion's 5-year window (IRC 408A(d)(3)(F),
Treas. Reg. 1.408A-6, Q&A-5) yields to the 59½ exception (IRC 72(t)(2)(A)(i)), so converted
money comes out tax-free at any time; only later earnings wait for the Roth IRA's one clock.

bd037 (batch_d): "How does the 5 year clock work if a retiree over age 59 1/2 converts a
private conventional IRA to a Roth IRA in installments (ie. some each year)? What are the
penalties if some is withdrawn prior to the 5-year wait?" Its reply said the converted part
"owes the 10% if taken out within 5 years", which a person past 59½ reads as theirs (the
rubric's wrong statement). ac02 (answers_more) asks the same of a conversion at 74.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_D = EVAL / "batch_d.jsonl"
BATCH_A = EVAL / "batch_a.jsonl"
ANSWERS_MORE = EVAL / "answers_more.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        real_question("bd037", BATCH_D),
        real_question("ac02", ANSWERS_MORE),
        # ba021: converting at 58, then "I can access the converted amount without penalty
        # as long as I am over 59.5 even though 5 yrs may not have passed yet?"
        real_question("ba021", BATCH_A),
        "I'm over 59 1/2 and converting some of my IRA to a Roth every year. Do I have to wait "
        "5 years before taking out the converted money without a penalty?",
    ],
)
def test_past_59_converted_money_comes_out_with_no_10_percent(text: str) -> None:
    assert "conversion_after_59" in read(text).asks
    reply = first_reply(text)
    assert "Past 59½ there is no 10% on any Roth IRA withdrawal" in reply
    assert "converted money comes out tax-free at any time" in reply
    assert "owes the 10% if taken out within" not in reply


def test_it_cites_the_59_half_exception_when_it_leads() -> None:
    reply = first_reply(real_question("ac02", ANSWERS_MORE))
    assert reply.startswith("Past 59½")
    assert "Source: IRC 72(t)(2)(A)(i)" in reply


def test_under_59_is_not_this_question() -> None:
    text = "I'm 45. If I convert my IRA to a Roth, do I have to wait 5 years to withdraw it?"
    assert "conversion_after_59" not in read(text).asks
