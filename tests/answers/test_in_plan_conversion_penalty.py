"""The 10% and an in-plan Roth conversion: converting in the plan is a rollover, not a
payout, so its taxable part (earnings of after-tax money, or pretax money) owes no 10% when
converted, at any age; that part owes it only if taken out of the Roth 401(k) within the
conversion's 5 years before 59½ (IRC 402A(c)(4)(D) applying 408A(d)(3)(F); IRS Notice
2010-84), and converted after-tax contributions never do.

be007 (batch_e): "Then owner converts the $10,000k after-tax contribution to their Roth 401k
through in-plan Roth conversion ... Would the $5,000 of earnings be subject to the 10% IRS
penalty for early withdrawal?" Its reply was the after-tax split to a Roth IRA.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_E = EVAL / "batch_e.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        real_question("be007", BATCH_E),
        "I converted my after-tax 401k contributions and their earnings to the Roth 401k "
        "inside the plan last month. I'm 45. Do I owe the 10% early withdrawal penalty on the "
        "earnings that were converted?",
        "I'm 45. If I do an in-plan Roth conversion of my pretax 401k, will I owe the 10% penalty?",
    ],
)
def test_no_ten_percent_when_converted_only_within_its_five_years(text: str) -> None:
    assert "in_plan_conversion_penalty" in read(text).asks
    reply = first_reply(text)
    first = reply.split("\n\n")[0]
    assert first.startswith("No: converting in the plan is a rollover, not a payout")
    assert "owes no 10% penalty at any age" in first
    assert "taken out of the Roth 401(k) within 5 years" in reply
    assert "never owe the 10%" in reply
    assert "two direct rollovers" not in first  # not the after-tax split to a Roth IRA


def test_money_taken_out_after_an_in_plan_conversion_is_the_access_question() -> None:
    text = (
        "If I do an in-plan Roth conversion now, can I take the converted money out penalty "
        "free or must I wait 5 years?"
    )
    asks = read(text).asks
    assert "in_plan_conversion_access" in asks
    assert "in_plan_conversion_penalty" not in asks


def test_losing_penalty_free_access_by_converting_is_not_this_question() -> None:
    text = (  # fq023 (shared answers.jsonl), verbatim
        "A 401(k) plan allows participants to convert their after-tax contributions to Roth "
        "via an in-plan Roth conversion feature. After a conversion, are those dollars "
        "completely recharacterized as Roth such that they would no longer be eligible for a "
        "penalty-free early withdrawal?"
    )
    assert "in_plan_conversion_penalty" not in read(text).asks


def test_a_roth_ira_conversion_is_not_this_question() -> None:
    text = "I converted my traditional IRA to a Roth IRA at 50. Is there a 10% penalty?"
    assert "in_plan_conversion_penalty" not in read(text).asks
