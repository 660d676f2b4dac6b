"""A broker's "cost basis" (realized and unrealized gains) is not IRA basis: IRA basis is
only the nondeductible contributions (and after-tax money rolled in), carried on Form 8606
(Form 8606 instructions, lines 2 and 14; Pub. 590-A). And a backdoor Roth confirmed, not
asked, gets the pro-rata answer: only IRAs count on December 31 (IRC 408(d)(2)).

bd046 (batch_d): IRAs rolled into employer plans, then "My Vanguard cost basis page shows
nothing for unrealized gains and losses but shows the realized gains and losses ... I just
want to be 100% sure I am good to proceed with the backdoor Roth yet in 2016." Its reply
asked what kind of money it was.
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
    real_question("bd046", BATCH_D),
    "I emptied my traditional IRA into my 401k. My Fidelity cost basis screen still lists "
    "realized gains from the transfer. I want to be sure that's fine before my backdoor "
    "Roth this year.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_cost_basis_is_not_ira_basis_and_the_backdoor_is_answered(text: str) -> None:
    asks = read(text).asks
    assert "ira_cost_basis" in asks and "ira_pro_rata" in asks
    reply = respond(Session(key="t"), text, today=date(2026, 12, 6), now=0).text
    assert "December 31" in reply
    assert "traditional, SEP and SIMPLE IRAs" in reply
    assert "has nothing to do with IRA basis" in reply
    assert "depends on the kind of money" not in reply
    source = reply.split("Source: ")[1]
    assert source.startswith(("IRC 408(d)(2)", "Instructions for Form 8606"))


def test_company_stock_cost_basis_is_not_this_question() -> None:
    text = (
        "For NUA, the cost basis of the company stock is taxed and the realized gains later. "
        "Can I roll the rest of my 401k to an IRA?"
    )
    assert "ira_cost_basis" not in read(text).asks
