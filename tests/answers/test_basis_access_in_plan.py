"""Taking converted after-tax money back out before 59½ (basis_access_before_59): from a Roth
IRA the basis comes out first, at any time (IRC 408A(d)(4)); converted inside the plan it stays
in the Roth 401(k), whose payouts before they are qualified are pro-rata between basis and
earnings (IRC 72(e)(8)), just as an in-service withdrawal of the after-tax source was before the
conversion, so little access is lost. The plan's case is said first when the plan converts in
the plan; without that, the Roth IRA's ordering alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_findings import first_reply
from conversation_stories import real_question

from nlu.reader import read

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "answers.jsonl"
IN_PLAN = "Converted in the plan, you would not lose much"


def _shared_question(qid: str) -> str:
    if not SHARED.exists():
        pytest.skip("../shared/eval/answers.jsonl is not available")
    return real_question(qid, SHARED)


def test_the_real_question_gets_the_plans_case_first() -> None:
    # fq023: "After a conversion, are those dollars completely recharacterized as Roth such
    # that they would no longer be eligible for a penalty-free early withdrawal? ... would he
    # lose that ability to withdraw the funds before age 59.5?"
    text = _shared_question("fq023")
    assert "basis_access_before_59" in read(text).asks
    reply = first_reply(text)
    assert reply.startswith(IN_PLAN)
    assert "pro-rata share of earnings (IRC 72(e)(8))" in reply
    assert "the basis never does" in reply  # the recapture window, still said


def test_a_paraphrase_gets_it_too() -> None:
    text = (
        "My 401k lets us do in-plan Roth conversions of the after-tax money. If I convert my "
        "after-tax contributions, can I still take them out before 59 1/2 without the penalty?"
    )
    reading = read(text)
    assert reading.facts.get("plan_allows_in_plan_conversion") is True
    assert IN_PLAN in first_reply(text)


def test_without_an_in_plan_conversion_only_the_roth_iras_ordering_is_said() -> None:
    text = (
        "I rolled my after-tax 401k contributions into a Roth IRA last year. Can I take them "
        "back out before 59 1/2 without tax or penalty?"
    )
    reply = first_reply(text)
    assert IN_PLAN not in reply
    assert "come back out tax- and penalty-free at any time" in reply


# The contributions asked about by name, with no age and no "early" in the sentence: before,
# bb012 named no catalogue question (batch_b,
# https://irahelp.com/forum-post/27547-after-tax-401k-rollover-roth-subsequent-distribution).
@pytest.mark.parametrize(
    "text",
    [
        "A client, age 50, rolls over his after-tax 401k contributions to a Roth IRA. When can "
        "he withdraw his contributions (not the earnings) from the Roth IRA without incurring "
        "tax penalties? Immediately, after 5 years, or at age 59 1/2?",
        "Can I pull my contributions back out of the Roth IRA without a penalty after the "
        "rollover?",
    ],
)
def test_the_contributions_asked_by_name_come_out_any_time(text: str) -> None:
    assert read(text).asks[0] == "basis_access_before_59"
    assert "come back out tax- and penalty-free at any time" in first_reply(text).split("\n\n")[0]


def test_the_earnings_asked_alone_are_not_the_basis_question() -> None:
    assert (
        "basis_access_before_59"
        not in read("Can I withdraw my Roth IRA earnings without penalty?").asks
    )


def test_money_withdrawn_from_the_401k_into_the_roth_ira_is_not_the_basis_question() -> None:
    # fq055 (answers_more), verbatim sentence: the withdrawal is from the 401(k), on its way
    # into the Roth IRA
    text = (
        "Can these after tax separate contributions go into the Roth IRA since they are able "
        "to be withdrawn from the 401k without earnings or tax implications?"
    )
    assert "basis_access_before_59" not in read(text).asks
