"""What an after-tax balance holds: a plan keeps after-tax contributions with their earnings
as one account (IRC 72(d)(2)), so the balance is both unless the statement lists them apart;
the plan has the basis figure (box 5 of a payout's Form 1099-R); a withdrawal is pro-rata
(IRC 72(e)(8)), and one distribution split by direct rollover taxes nothing (IRS Notice
2014-54).

be005 (batch_e): "I have $176,000 in after-tax money. At this point I'm not sure if it's a
combination of money I contributed on an after-tax basis as well as growth on that money or
whether it's ONLY my contributions ... 1) Would you think this is a combination of both
contributions and growth?" Its reply was how to set up after-tax contributions in a solo
401(k) (the poster is self-employed), then the pro-rata stock paragraph.
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
        real_question("be005", BATCH_E),
        "My 401k statement shows $80,000 of after-tax money. Is that just what I contributed, "
        "or does it include the earnings too?",
    ],
)
def test_the_balance_is_contributions_and_earnings_ask_the_plan_for_the_basis(text: str) -> None:
    assert "after_tax_balance_parts" in read(text).asks
    reply = first_reply(text)
    first = reply.split("\n\n")[0]
    assert first.startswith("Usually both: a plan keeps after-tax contributions and the earnings")
    assert "Ask the plan for the basis figure" in reply
    assert "shows it in box 5" in reply
    assert "A withdrawal carries basis and earnings pro-rata (IRC 72(e)(8))" in reply
    assert "solo 401(k)" not in reply  # not how to set up contributions
    assert "Source: IRC 72(d)(2)" in reply


def test_the_tax_on_a_rollover_of_both_is_not_this_question() -> None:
    text = (
        "I have after-tax contributions and earnings in my 401k. If I roll both to a Roth IRA, "
        "are the earnings taxable?"
    )
    assert "after_tax_balance_parts" not in read(text).asks
