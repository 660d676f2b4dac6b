"""Why after-tax money may leave the plan in service and Roth or pretax deferrals may not:
before 59½ (or leaving) only elective deferrals, pretax and Roth, are locked in (IRC
401(k)(2)(B); Treas. Reg. 1.401(k)-1(d)); after-tax contributions are not elective
deferrals, so the plan may pay them out at any age.

fq002 (answers_more): "Lastly, I am rather curious, the in-service distribution will also
allow me to distribute after-tax dollar, not the Roth dollar. Why is that?" Its reply never
answered it, and led its second question with a required distribution nobody has yet ("so
... I don't have to worry about RMD in the future" is a goal; "do I have to wait until I
leave the company" is the job's timing).
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

MORE = EVAL / "answers_more.jsonl"
NOT_DEFERRALS = "after-tax contributions are not elective deferrals, so they and money you"


@pytest.mark.parametrize(
    "text",
    [
        real_question("fq002", MORE),
        "Why does my plan allow an in-service withdrawal of the after-tax money but not the "
        "Roth money?",
    ],
)
def test_after_tax_money_leaves_in_service_because_it_is_no_deferral(text: str) -> None:
    assert "in_service_sources" in read(text).asks
    reply = first_reply(text)
    assert NOT_DEFERRALS in reply
    assert "the 59½ wait is for your elective deferrals, pretax and Roth" in reply


def test_waiting_until_leaving_the_job_is_not_the_rmd_coming_first() -> None:
    text = real_question("fq002", MORE)
    assert "rmd_first" not in read(text).asks
    assert "first dollars out are that distribution" not in first_reply(text)


def test_after_tax_money_named_beside_a_roth_ira_is_not_this_question() -> None:
    # the mega backdoor's own question: not which sources may leave
    text = "Can I do an in-service rollover of my after-tax money to a Roth IRA?"
    assert "in_service_sources" not in read(text).asks
