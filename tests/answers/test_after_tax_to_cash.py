"""The after-tax money paid out in cash, the pretax money rolled to an IRA: tax-free in one
distribution of the whole account whose direct rollover takes all the pretax money (IRC
402(c)(2); IRS Notice 2014-54), post-1986 contributions included; taken out alone, post-1986
contributions come pro-rata with earnings, only pre-1987 ones first (IRC 72(e)(8)(D)). The
plan still reports it on Form 1099-R; cash needs no Form 8606.

bc016 (batch_c): "I was advised ... that I can take a distribution of all of my "after tax"
money, both pre 87 and post 86 and deposit it into a non-ira investment such as a money
market fund, without any tax consequences or need for additional tax forms ie.(8606)(?)".
Its reply led with pre-1987 money going to a Roth IRA, which nobody asked.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_C = EVAL / "batch_c.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        real_question("bc016", BATCH_C),
        "Is it OK to withdraw the after-tax money into my brokerage account and roll the rest "
        "into an IRA without paying any tax?",
    ],
)
def test_after_tax_money_paid_in_cash_beside_the_pretax_rollover(text: str) -> None:
    assert read(text).asks[0] == "after_tax_to_cash"
    reply = first_reply(text)
    first, second, third = reply.split("\n\n")[:3]
    assert first.startswith("In one distribution of the whole account, with all the pretax money")
    assert "post-1986 ones included, can be paid to you in cash tax-free" in first
    assert "post-1986 contributions would come with a pro-rata share of earnings" in second
    assert "Form 1099-R (box 5 the after-tax amount); cash needs no Form 8606" in third
    assert "Source: IRS Notice 2014-54" in reply
    # the pre-1987 rule is said in its place, not as a Roth IRA answer nobody asked
    assert "can go to a Roth IRA tax-free; in a partial distribution" not in reply


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # "Are after-tax 401k contributions like regular taxable accounts, or like
        # non-deductible IRA contributions?": a likeness, not a payout
        ("fq037", EVAL / "answers_more.jsonl"),
        # "transfer these to a taxable brokerage account ... a non-deductible IRA and then
        # convert it": the IRA basis's question
        ("bb007", EVAL / "batch_b.jsonl"),
        # ESOP shares to a "regular brokerage account": NUA's
        ("bd021", EVAL / "batch_d.jsonl"),
    ],
)
def test_a_taxable_account_named_for_something_else_is_not_this_question(qid, source) -> None:
    assert "after_tax_to_cash" not in read(real_question(qid, source)).asks
