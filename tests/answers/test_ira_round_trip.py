"""An IRA's pretax money into a 401(k), the basis converted, the pretax money back out:

- only pretax IRA money can be rolled into a plan (IRC 408(d)(3)(A)(ii)), so the basis stays
  and converts tax-free if no IRA holds pretax money on December 31 (IRC 408(d)(2));
- rolling it back out works only if the plan pays rolled-in money out, and not before
  January of the next year; the IRS sets no minimum holding period;
- the basis can never go into the plan, so the whole IRA in and back out fails.

The real question (batch_c bc037, tests/eval/batch_c.jsonl) verbatim, and paraphrases.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_C = EVAL / "batch_c.jsonl"


def test_the_real_question_is_answered_first() -> None:
    # "Can I (1) rollover the pre-tax amount to the 401k, then (2) convert after-tax IRA to
    # a Roth, and then (3) rollover the pre-tax amount back out to a Traditional IRA? ... Is
    # there amount of time I have to keep the money in the 401k?"
    text = real_question("bc037", BATCH_C)
    assert read(text).asks[0] == "ira_round_trip"
    reply = first_reply(text)
    assert reply.startswith("Only pretax money can be rolled from an IRA into an employer plan")
    assert "not before January of the next year" in reply
    assert "no minimum holding period" in reply
    assert "The after-tax basis cannot go into the plan at all (IRC 408(d)(3)(A)(ii))" in reply
    # not the Form 8606 record keeping the old reply opened with
    assert "the Forms 8606 you filed" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "If I roll my IRA's pre-tax money into my 401k and do a backdoor Roth, can I roll it "
        "back out to an IRA later?",
        "After rolling my traditional IRA into the 401(k) for the backdoor, how long do I have "
        "to keep the money in the 401k?",
    ],
)
def test_a_paraphrase_is_recognised(text: str) -> None:
    assert "ira_round_trip" in read(text).asks
    assert first_reply(text).startswith("Only pretax money can be rolled from an IRA into")
