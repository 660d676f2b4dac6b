"""A retiree's Roth 401(k) rolled to a new Roth IRA, and a traditional IRA converted in
installments, asked in one post: the rollover's clock and what counts as contributions
(Treas. Reg. 1.408A-10), then each conversion's own 5-year window for the 10% (Treas. Reg.
1.408A-6, Q&A-5), which ends at 59½ (conversion_after_59). "Basis" said of the Roth 401(k)
is not after-tax money in an IRA, and a retiree is not asking about in-service rollovers.

bd037 (batch_d): "Can a retiree over age 59 1/2 rollover his employer's Roth 401(k) amount
into a new, private Roth IRA without having to start the 5 year clock over again? ... can
the principle, or basis, be withdrawn without penalty prior to 5 years? ... How does the 5
year clock work if a retiree over age 59 1/2 converts a private conventional IRA to a Roth
IRA in installments". Its reply ended with the IRA-basis paragraph and never reached the
conversions.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

BATCH_D = EVAL / "batch_d.jsonl"

TEXTS = [
    real_question("bd037", BATCH_D),
    "I'm retired and past 59 1/2. If I roll my Roth 401k into a brand new Roth IRA, does the "
    "5 year clock restart? Also, how does the 5-year clock work when I convert my traditional "
    "IRA to the Roth a bit each year?",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_rollover_then_the_conversions(text: str) -> None:
    reading = read(text)
    assert "conversion_after_59" in reading.asks
    assert "in_ira" not in reading.places
    assert "in_service_at_59" not in reading.asks
    reply = respond(Session(key="t"), text, today=date(2026, 12, 6), now=0).text
    assert reply.startswith("The Roth 401(k)'s clock does not carry over to a Roth IRA")
    assert "the whole rollover counts as Roth IRA contributions" in reply
    assert "each conversion's 5-year window matters only before 59½" in reply
    assert reply.index("whole rollover") < reply.index("each conversion's 5-year window")
    assert "IRA basis" not in reply
    assert "Source: Treas. Reg. 1.408A-10" in reply


def test_an_ira_with_basis_converted_is_still_ira_basis() -> None:
    text = (
        "My traditional IRA has $20,000 of basis from nondeductible contributions. If I "
        "convert the IRA, how much is taxable?"
    )
    assert "in_ira" in read(text).places
