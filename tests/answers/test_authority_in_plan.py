"""The authority for converting after-tax money to the plan's Roth account, asked by
naming a regulation or ruling where such a conversion is the setting: the code itself, IRC
402A(c)(4), widened in 2013 by 402A(c)(4)(E) (ATRA 2012) to money not otherwise
distributable, with IRS Notices 2010-84 and 2013-74; no letter ruling, only the plan
document (a move to a Roth IRA is a rollover: IRC 402A(c)(3), Notice 2014-54).

fq105 (answers_more, https://www.irahelp.com/forum-post/48976-after-tax-401k-contributions-roth-401k):
"... his employer plan now allows his after-tax contribution automatically converted to a
Roth 401(k) the same day ... Is there a reg or significant private letter ruling supporting
this?" got the in-service paragraph of its second question first; the question went
unrecognised.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, said_by
from conversation_stories import EVAL, real_question

from nlu.reader import read

LEAD = "The authority is the tax code itself, IRC 402A(c)(4)"


@pytest.mark.parametrize(
    "text",
    [
        real_question("fq105", EVAL / "answers_more.jsonl"),
        "Our plan converts after-tax contributions to the Roth 401(k) automatically every "
        "payday. Is there an IRS regulation that allows this?",
        "Which regulation lets a plan do in-plan Roth conversions of after-tax money?",
    ],
)
def test_the_authority_for_an_in_plan_conversion_is_answered_first(text: str) -> None:
    assert "authority_in_plan" in read(text).asked
    first = first_reply(text).split("\n\n")[0]
    assert first.startswith(LEAD)
    assert "no letter ruling is needed, only the plan document" in first
    # a move to a Roth IRA is a rollover, not the Notice's (an expert grading of fq105)
    assert "a rollover instead: IRC 402A(c)(3) for Roth money" in first


@pytest.mark.parametrize(
    "text",
    [
        # a rollover to a Roth IRA: the split's authority (authority.yaml)
        "Is there an IRS ruling that lets me roll after-tax 401(k) money to a Roth IRA?",
        # a ruling named with no conversion to the plan's Roth account
        "My plan administrator cited a regulation about hardship withdrawals. Is that right?",
    ],
)
def test_other_authority_questions_are_not_this_one(text: str) -> None:
    assert "authority_in_plan" not in read(text).asks


def test_it_cites_the_in_plan_rollover_section() -> None:
    sentence, section = said_by("authority_in_plan", {})["authority.in_plan"]
    assert "IRS Notices 2010-84 and 2013-74" in sentence
    assert section == "IRC 402A(c)(4)"
