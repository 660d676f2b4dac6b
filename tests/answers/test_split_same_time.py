"""The split needs one distribution: disbursements scheduled at the same time are a single
distribution whatever their destinations (IRS Notice 2014-54, sec. III); paid on another day
or in another year they are separate distributions, each pro-rata (IRC 72(e)(8)). Real
question fq010 (../shared/eval/answers.jsonl), verbatim, and paraphrases; "two separate
IRAs" is not two distributions."""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import SHARED, real_question

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

TODAY = date(2026, 12, 6)
ANSWERS = SHARED / "eval" / "answers.jsonl"
SAME_TIME = "Ask for both rollovers at the same time: disbursements scheduled together are one"


def reply_to(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


@pytest.mark.parametrize(
    "text",
    [
        "fq010",
        "Can I roll the after-tax part to my Roth IRA now and the pretax part to an IRA the "
        "next day, or would that be two distributions?",
        "If I roll the basis to a Roth IRA this month and move the rest to my IRA next year, "
        "does that count as separate distributions?",
    ],
)
def test_the_two_rollovers_are_asked_for_together(text: str) -> None:
    if text == "fq010":
        if not ANSWERS.exists():
            pytest.skip("../shared/eval/answers.jsonl is not available")
        text = real_question("fq010", ANSWERS)
    assert "split_same_time" in read(text).asks
    reply = reply_to(text)
    assert SAME_TIME in reply
    assert "they are two distributions, each pro-rata" in reply


def test_two_separate_iras_are_not_two_distributions() -> None:
    text = (
        "I have pre-tax and Roth 401(k) money in one account. Is it possible to roll this out "
        "to two separate IRAs, one TIRA and one Roth IRA?"
    )
    assert "split_same_time" not in read(text).asks
