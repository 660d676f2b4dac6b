"""After-tax plan money taken out (not moved to a Roth), asked whether it comes out
tax-free: only the contributions do. The earnings on them are pretax, taxable when paid out
(and before 59½ the 10% on them, IRC 72(t)(1)); a payout of part of the money carries a
pro-rata share of them, and of the pretax money unless the plan accounts for the after-tax
money separately (IRC 72(e)(8); IRS FAQ "Rollovers of After-Tax Contributions"); one
distribution of the whole account with the pretax money and earnings rolled to an IRA lets
all the contributions out tax-free (IRS Notice 2014-54).

Three released questions asked it in three wordings, and none was answered first:
fq088 (answers_more, "Can the money be taken out tax-free?"), bc017 (batch_c, "Can the
client take a tax-free distribution of the $110,722.62 and owe NO taxes?", answered "I
can't give a cited answer") and be004 (batch_e, "after-tax 401k money can be withdrawn
tax-free as long as I do not exceed by non-taxable/after-tax basis?").
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, said_by, unnumbered
from conversation_stories import EVAL, real_question

from nlu.reader import read

LEAD = "Only the contributions come out tax-free: the earnings on after-tax contributions"


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # https://www.yourwealth.com/rolling-over-money-to-a-roth-ira/ (answers_more)
        ("fq088", EVAL / "answers_more.jsonl"),
        # https://irahelp.com/forum-post/24337-pre-87-how-does-taxation-work-after-tax-pre-87-contributions
        ("bc017", EVAL / "batch_c.jsonl"),
        # https://irahelp.com/forum-post/17221-withdrawal-after-tax-401k-contributions
        ("be004", EVAL / "batch_e.jsonl"),
    ],
)
def test_the_real_question_is_answered_first(qid: str, source) -> None:
    text = real_question(qid, source)
    assert read(text).asks[0] == "after_tax_withdraw"
    reply = unnumbered(first_reply(text))
    assert reply.startswith(LEAD)
    assert "pro-rata share" in reply.split("\n\n")[0]
    # the pro-rata answer it holds is not said again
    assert "any partial distribution carries a pro-rata share of the pretax money" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "I have about $20k of after-tax contributions in my 401(k). Can I withdraw that "
        "money tax-free?",
        "My plan has a post-tax source of $15,000. If I take it out in a lump sum, will it "
        "be tax free?",
        "I have after-tax money in my old 403(b). Could I get it out without paying any tax?",
    ],
)
def test_a_paraphrase_is_recognised(text: str) -> None:
    assert read(text).asks[:1] == ("after_tax_withdraw",)
    assert first_reply(text).startswith(LEAD)


@pytest.mark.parametrize(
    "text",
    [
        # moving it to a Roth IRA is the split rollover's question
        "Can I roll my after-tax money to a Roth IRA tax-free?",
        # a Roth IRA's own contributions
        "Can I withdraw my Roth IRA contributions tax-free?",
        # Roth 401(k) money beside after-tax money
        "I have after-tax money in my 401k. Can I take out my Roth 401(k) contributions tax-free?",
        # IRA basis: the IRA pro-rata rule
        "I made nondeductible contributions to my IRA with after-tax dollars. Can I withdraw "
        "them tax-free?",
        # already moved to a Roth IRA: its ordering rules
        "I converted my after-tax 401k money to a Roth IRA last year. Can I take it out "
        "tax-free now?",
        "I rolled my after-tax 401(k) contributions into a Roth IRA in 2024. Can I withdraw "
        "them tax-free?",
    ],
)
def test_other_questions_are_not_this_one(text: str) -> None:
    assert "after_tax_withdraw" not in read(text).asks


def test_the_penalty_rate_is_the_years_parameter_and_the_rules_are_cited() -> None:
    said = said_by("after_tax_withdraw", {})
    sentence, section = said["after_tax_out.contributions_only"]
    assert "the 10% penalty too" in sentence
    assert "unless the plan accounts for the after-tax money separately" in sentence
    assert section == "IRC 72(e)(8)"


@pytest.mark.parametrize(("age", "penalty_named"), [(66, False), (60, False), (45, True)])
def test_the_penalty_is_named_only_where_59_and_a_half_is_not_behind(
    age: int, penalty_named: bool
) -> None:
    # bc017's client is 66 and was told "before 59½ ... the 10% penalty too" (an expert
    # grading of the released replies); at 59 whole years cannot place 59½, so it stays
    said = said_by("after_tax_withdraw", {"age": age})
    (finding,) = said
    sentence, section = said[finding]
    assert ("10% penalty" in sentence) is penalty_named
    assert sentence.startswith(LEAD) and section == "IRC 72(e)(8)"
