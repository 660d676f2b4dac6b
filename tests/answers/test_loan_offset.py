"""A plan loan unpaid when the person leaves the job: the plan offsets it, an actual
distribution, taxable (the 10% before 59½ unless an exception applies) unless rolled over;
a qualified plan loan offset may be rolled over with other money equal to it until the
return's due date with extensions, other offsets within the 60 days (IRC 402(c)(3)(C),
Treas. Reg. 1.402(c)-3, 1.402(c)-2 Q&A-9); a loan defaulted while still employed is a deemed
distribution and cannot be rolled over (Treas. Reg. 1.72(p)-1). Before, the real question
below got "your plan decides whether it offers after-tax contributions ...".
"""

from __future__ import annotations

import pytest
from answer_findings import TODAY, first_reply

from knowledge.params import param
from nlu.reader import read

RATE = param("gov.irs.early_distribution.additional_tax_rate", TODAY.year)
DAYS = param("gov.irs.rollover.period_days", TODAY.year)

# https://ttlc.intuit.com/community/fid-13/tid-934932 (verbatim)
TURBOTAX = (
    "I left my job in February of this year.  My outstanding balance on my 401k loan is due at "
    "the end of this month. If I don't pay it back  at the end of this month the company I have "
    "the 401k with will just use $10k from my balance to pay it off.\n\n \n\nI understand that I "
    "have until the filing deadline (so April of next year) to pay off an outstanding 401K loan, "
    "is that correct?  And if so, if the company uses the money from my balance to close out the "
    'loan, do I just add another $10K when I"m ready to pay it back, lets say in 6 months when I '
    "have the money?  Does it matter if I rollover the money to another custodian?"
)


@pytest.mark.parametrize(
    "text",
    [
        TURBOTAX,
        # paraphrases
        "I'm quitting my job next month and still owe $8,000 on my 401(k) loan. What happens to "
        "the loan? Will I pay a penalty?",
        "I was laid off with an outstanding 401k loan and the plan did a loan offset. Can I roll "
        "the offset amount over?",
    ],
)
def test_a_loan_offset_at_separation_can_be_rolled_until_the_return_due_date(text: str) -> None:
    assert read(text).asks[0] == "loan_offset"
    reply = first_reply(text)
    first, second = reply.split("\n\n")[:2]
    assert first.startswith("If the loan is not repaid when you leave, the plan offsets it")
    assert f"with the {RATE * 100:.0f}% penalty before 59½ unless an exception applies" in first
    assert second.startswith("To roll it over, put the same amount of your own money into an IRA")
    assert "until your tax return's due date, extensions included" in second
    assert f"for other offsets, {DAYS} days" in second
    assert "Source: Treas. Reg. 1.402(c)-2" in reply
    # not the after-tax 401(k) paragraphs, nor "no 10% on a direct rollover"
    assert "Notice 2014-54" not in reply
    assert "No 10% penalty on a direct rollover" not in reply


def test_a_loan_named_beside_another_question_is_not_this_question() -> None:
    text = (
        "I have a 401k loan and after-tax contributions. Can I roll the after-tax money to a "
        "Roth IRA while I'm still working?"
    )
    assert "loan_offset" not in read(text).asks
