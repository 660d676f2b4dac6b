"""Pension or annuity payments already paid as an annuity (for life, joint lives, or over 10
years or more) and required minimum distributions are not eligible rollover distributions
(IRC 402(c)(4); the 10 years a year-stamped parameter), so they cannot be rolled over or
converted to a Roth IRA; a lump sum the plan offers instead can be (IRC 402(c), Notice
2008-30). Before, these got "pretax money moved to a Roth is taxable income" or "as often
as the plan allows", as if each payment could be converted.
"""

from __future__ import annotations

import pytest
from answer_findings import TODAY, first_reply
from conversation_stories import EVAL, real_question

from knowledge.params import param
from nlu.reader import read

YEARS = param("gov.irs.rollover.periodic_payment_years", TODAY.year)

# https://irahelp.com/forum-post/24947-pension-rollover (verbatim)
IRAHELP_CHECKS = (
    "A client is receiving monthly pension checks from a previous employer. He’s 66 and still "
    "working. His reasoning has been that since the money came from a qualified account, he can "
    "deposit it into his IRA and call it a rollover. There’s the obvious problem of multiple "
    "rollovers in a twelve month period, but even if that weren’t a problem, when the check "
    "comes made payable to him, wouldn’t these payments have to be treated as new IRA "
    "contributions. It appears that his previous advisor has been allowing him to do this "
    "without advising him against it. Am I missing something?"
)
# https://irahelp.com/forum-post/14144-defined-pension-annuity-payments-roth-ira (verbatim)
IRAHELP_DB = (
    "The situation is where defined benefit (Qualified Retirement Plan-100% company "
    "contributions) annuity payments (under 408b?) are available now for early retirement (age "
    "57) but no lump sum is offered.\nIf a lump sum was offered, the employee would roll it to "
    "an IRA.\n\nAccording to IRS Notice 2009-75, —\n1. can the monthly payments now go directly "
    "from the Defined Benefit Plan Trustee to a Traditional IRA (avoid taxation) or Roth IRA "
    "(Rollover/Trustee to Trustee transfer)?"
)
# https://www.irahelp.com/forum-post/48459-qualified-annuity-payments (verbatim)
IRAHELP_ANNUITIZED = (
    "We have a client who has a qualified annuity that is annuitized and pays out semi-annual "
    "payments . Can we take one of these payments and do a 60 day rollover into an IRA?"
)
# https://ttlc.intuit.com/community/retirement/discussion/qualified-pension-rollover-to-roth-ira/00/2223218
# (verbatim)
TURBOTAX = (
    "My income is strictly from SSA and from my State's retirement system. There is no earned "
    "income. No W2 forms. I am using TurboTax Premier 2020. The questions asked when entering my "
    "1099-R information concerning my retirement pension from the state makes me think that I "
    "could do a rollover of some or all of those funds into my Roth IRA. I know that this would "
    "be a taxable event. I am happy to pay the taxes on any funds now that I could rollover into "
    "my Roth IRA because if I get lucky and make big on the right investments, my returns on "
    "those investments would be non-taxable. I would like to do a rollover of part of my "
    "monthly state pension proceeds. From what I "
    "could gather, seeing that this would be a taxable event, I would not be held to the 60 day "
    "timeframe for rolling over funds received. Also, multiple rollovers could be made. I would "
    "not be held to just one a year. I could possibly rollover funds monthly? Am I understanding "
    "this correctly or am I missing something?"
)


@pytest.mark.parametrize(
    "text",
    [
        IRAHELP_CHECKS,
        IRAHELP_DB,
        IRAHELP_ANNUITIZED,
        TURBOTAX,
        "I get a pension of $2,000 a month. Can I convert my pension payments to a Roth IRA?",
    ],
)
def test_annuity_payments_cannot_be_rolled_over_a_lump_sum_can(text: str) -> None:
    assert "periodic_payments" in read(text).asks
    reply = first_reply(text)
    first = reply.split("\n\n")[0]
    assert first.startswith(
        f"Pension or annuity payments made for your life (or joint lives) or over {YEARS} "
        "years or more are not eligible rollover distributions"
    )
    assert "A lump sum the plan offers instead" in reply
    assert "Source: IRC 402(c)(4)" in reply
    assert "As often as the plan allows" not in reply


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # a lump sum from a DB pension, rolled to a Roth IRA: eligible, not this question
        ("bb064", EVAL / "batch_b.jsonl"),
        ("bb004", EVAL / "batch_b.jsonl"),
        # a 403(b) beside a defined-benefit pension, the 403(b) moved
        ("fq054", EVAL / "answers_more.jsonl"),
    ],
)
def test_a_lump_sum_or_another_plan_is_not_this_question(qid, source) -> None:
    assert "periodic_payments" not in read(real_question(qid, source)).asks
