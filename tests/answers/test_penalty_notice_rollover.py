"""An IRS notice proposing the 10% on plan money rolled to a Roth IRA:

- going straight to a Roth IRA is allowed, no traditional IRA step (IRC 408A(e)), and what
  was rolled owes no 10%, its taxable earnings included (IRC 408A(d)(3)(A)(ii));
- such a notice usually comes from the reporting (1099-R code 1 for a payout before 59½;
  Form 1040 lines 5a/5b "Rollover"), answered with the Roth IRA's Form 5498.

The real question (batch_c bc036, tests/eval/batch_c.jsonl) verbatim, and paraphrases.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_C = EVAL / "batch_c.jsonl"


def test_the_real_question_is_answered_first() -> None:
    # "I now received a tax notice to pay 10% early distribution penalty on the taxable
    # amount of amounts I directly moved from a 401k to a Roth IRA."
    text = real_question("bc036", BATCH_C)
    assert "penalty_notice_rollover" in read(text).asks
    reply = first_reply(text)
    assert reply.startswith("Going straight to a Roth IRA is allowed")
    assert "owes no 10%, not even its taxable earnings" in reply
    assert "Form 5498" in reply and "lines 5a/5b" in reply


@pytest.mark.parametrize(
    "text",
    [
        "The IRS sent me a letter saying I owe the 10% penalty on my 401k rollover to a Roth "
        "IRA. Is that right?",
        "Got a CP2000 with a 10% early withdrawal penalty for the after-tax money I rolled "
        "into my Roth IRA. What do I do?",
    ],
)
def test_a_paraphrase_is_recognised(text: str) -> None:
    assert "penalty_notice_rollover" in read(text).asks
    assert first_reply(text).startswith("Going straight to a Roth IRA is allowed")


def test_notice_2014_54_is_not_an_irs_letter() -> None:
    text = "Under Notice 2014-54, is there a 10% penalty on a rollover to a Roth IRA?"
    assert "penalty_notice_rollover" not in read(text).asks
