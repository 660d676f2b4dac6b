"""Reporting a conversion from a traditional, SEP or SIMPLE IRA: the custodian's Form 1099-R
with code 2 before 59½ (7 at 59½ or older), Form 8606 Part II figuring the taxable part,
Form 1040 lines 4a and 4b (Instructions for Forms 1099-R and 5498, for Form 8606, for Form
1040); a plan's direct rollover is the contrast (code G, lines 5a and 5b, no Form 8606).

Before, an IRA conversion got the plan's reporting: "code G for a direct rollover", "the
pensions and annuities lines of Form 1040, not the IRA lines", "A rollover from a plan does
not go on Form 8606": each wrong for an IRA, and harmful on a return.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

IRA_FIRST = (
    "A conversion from a traditional, SEP or SIMPLE IRA comes on the IRA custodian's Form 1099-R "
    "with code 2 if you were under 59½ (code 7 at 59½ or older)"
)


@pytest.mark.parametrize(
    "text",
    [
        "I did a backdoor Roth this year. What tax forms do I need to file?",
        "I converted $20,000 from my rollover IRA to my Roth IRA. What will the 1099-R show?",
        # no account named: the IRA's reporting, then the plan's as the contrast
        "How do I report a Roth conversion on my tax return?",
    ],
)
def test_an_ira_conversion_is_reported_on_form_8606_and_the_ira_lines(text: str) -> None:
    # (asked in the sentence that asks for the forms, it covers the plan's tax_forms)
    assert "ira_conversion_forms" in read(text).asks
    reply = first_reply(text)
    first = reply.split("\n\n")[0]
    assert first.startswith(IRA_FIRST)
    assert "you report it on Form 8606 Part II" in first
    assert "the IRA distributions lines of Form 1040 (4a the total, 4b the taxable part)" in first
    # never the plan's reporting said of the IRA conversion
    assert "The plan issues a Form 1099-R" not in reply
    assert "A rollover from a plan does not go on Form 8606" not in reply
    assert "Source: Instructions for Forms 1099-R and 5498" in reply


def test_a_traditional_ira_converted_gets_the_iras_reporting_beside_its_pro_rata() -> None:
    # (the conversion told, "How do I report it?" points back to it: the IRA's pro-rata
    # answer, asked in the same sentence, comes first)
    text = (
        "I converted my traditional IRA to a Roth IRA this year. How do I report it? Which "
        "1099-R code and which lines of Form 1040?"
    )
    reply = first_reply(text)
    assert IRA_FIRST in reply
    assert "The plan issues a Form 1099-R" not in reply
    assert "A rollover from a plan does not go on Form 8606" not in reply


def test_the_plans_reporting_is_the_contrast_only_when_no_ira_is_named() -> None:
    contrast = "A direct rollover from a 401(k) or other workplace plan to a Roth IRA is"
    reply = first_reply("How do I report a Roth conversion on my tax return?")
    assert reply.split("\n\n")[1].startswith(contrast)
    reply = first_reply(
        "I converted my traditional IRA to a Roth IRA this year. How do I report it? Which "
        "1099-R code and which lines of Form 1040?"
    )
    assert contrast not in reply


def test_a_plan_rollover_keeps_the_plans_reporting() -> None:
    text = (
        "I rolled my old 401k directly into a Roth IRA. What code will be on the 1099-R and "
        "does it go on Form 8606?"
    )
    asks = read(text).asks
    assert "ira_conversion_forms" not in asks
    assert "code G for a direct rollover" in first_reply(text)


def test_the_code_2_question_of_a_backdoor_keeps_its_own_answer() -> None:
    # be024: "Is the Distribution Code "2" expected in this case?" (ira_conversion_1099r)
    text = real_question("be024", EVAL / "batch_e.jsonl")
    assert read(text).asks[0] == "ira_conversion_1099r"
    reply = first_reply(text)
    assert reply.startswith("Code 2 is what an IRA custodian uses for a conversion before 59½")
    assert IRA_FIRST not in reply


def test_an_ira_post_that_names_form_8606_never_gets_the_plans_code_g() -> None:
    # ba071: after-tax money in a traditional IRA, "yes I have IRS 8606 records": before, the
    # plan's "The plan issues a Form 1099-R ... code G ... not the IRA lines" was said to it
    text = real_question("ba071", EVAL / "batch_a.jsonl")
    reply = first_reply(text)
    assert not reply.startswith(IRA_FIRST)  # the question asked (its pro-rata) leads
    # the question asked leads, answered for IRA money (gating, issue 10): pro-rata over all
    # the person's IRAs (IRC 408(d)(2)), never a plan's "No, not the after-tax money alone:
    # your plan does not account for it separately" (IRC 72(e)(8))
    assert reply.startswith("For a conversion from an IRA, all your traditional")
    assert "your plan does not account" not in reply
    assert "The plan issues a Form 1099-R" not in reply
    assert IRA_FIRST in reply


def test_a_return_to_correct_is_not_this_question() -> None:
    # be026: "Should I ignore the worksheet and file an amended return with a correct 8606"
    assert "ira_conversion_forms" not in read(real_question("be026", EVAL / "batch_e.jsonl")).asks
