"""A surviving spouse's inherited IRA (no plan in the text) converted to a Roth IRA: the
spouse who is sole beneficiary may treat it as their own (Treas. Reg. 1.408-8, Q&A-5) or
roll it into their own IRA (IRC 408(d)(3)(C)), then convert it like any traditional IRA;
before 59½ an inherited account's payouts owe no 10% (IRC 72(t)(2)(A)(ii)). Before, these
got the late spouse's plan answer (box 5 of the 1099-R, Notice 2014-54's split); a spouse's
401(k) keeps it.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply

from nlu.reader import read


@pytest.mark.parametrize(
    "text",
    [
        "My husband died and I inherited his IRA. Can I convert it to a Roth?",
        "My wife passed away last year. I'm the sole beneficiary of her traditional IRA. Should "
        "I convert it to a Roth IRA?",
    ],
)
def test_a_spouse_treats_the_ira_as_their_own_and_converts(text: str) -> None:
    assert read(text).asks[0] == "spouse_inherited_ira"
    reply = first_reply(text)
    first, second = reply.split("\n\n")[:2]
    assert first.startswith(
        "A surviving spouse who is the sole beneficiary can treat the late spouse's IRA as their"
    )
    assert second.startswith("Before 59½, money the spouse will need soon can stay")
    assert "box 5 of the 1099-R" not in reply
    assert "Notice 2014-54" not in reply
    assert "ticket" not in reply


def test_a_spouses_401k_keeps_the_plans_answer() -> None:
    text = "My husband died. His 401k had after-tax money. Can I roll it to my Roth IRA?"
    asks = read(text).asks
    assert "spouse_inherited_ira" not in asks
    assert asks[0] == "surviving_spouse"
