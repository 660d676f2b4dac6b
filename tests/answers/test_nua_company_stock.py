"""Company stock in a 401(k) or an ESOP, no after-tax money named (nua_after_tax) and
nothing paid out yet (nua_roll_shares): NUA treatment needs a lump-sum distribution of the
whole balance within one tax year after a triggering event; the shares' cost basis is taxed
then, the net unrealized appreciation as long-term capital gain when sold (IRC 402(e)(4));
shares rolled into an IRA or a Roth IRA lose it (Notice 2009-75). Before, these got nothing
or the generic "pretax money moved to a Roth is taxable" line.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read


@pytest.mark.parametrize(
    "text",
    [
        "I have a lot of company stock in my 401k. When I retire can I move the stock to a "
        "brokerage account and pay less tax?",
        "My ESOP is paying out my shares after I left. Can I roll the ESOP distribution into a "
        "Roth IRA?",
        "What is the best way to handle employer stock in my 401(k) when I leave the company?",
        "How is the company stock in my 401k taxed if I roll everything to an IRA when I retire?",
    ],
)
def test_company_stock_gets_nua_only_in_a_lump_sum_and_loses_it_in_an_ira(text: str) -> None:
    assert read(text).asks[0] == "nua_company_stock"
    reply = first_reply(text)
    first, second = reply.split("\n\n")[:2]
    assert first.startswith("Company shares in a 401(k) or ESOP can come out in kind")
    assert "only in a lump-sum distribution of your whole balance within one tax year" in first
    assert "shares rolled into an IRA or a Roth IRA lose NUA" in second
    assert "Source: IRC 402(e)(4)" in reply
    assert "Pretax money (deferrals, employer money, earnings) moved to a Roth" not in reply


# http://www.ibtimes.com/collecting-company-stock-401k-194886 (verbatim): a sale of company
# stock inside the plan, not a distribution
DR_DON = (
    "I just read the Q&A titled Risk of rolling over 401(k) with company stock, and part of it "
    "confused me. I am 25 years old. My company matches my 401(k) contributions with company "
    "isstock. Are there large fees and tax issues with converting my company stock to other "
    "higher rk stocks? It isn't a huge problem for me at the moment as my company stock "
    "consistently makes 8 percent to 9 percent, but this may not be the case for everyone. "
    "Please help!"
)


@pytest.mark.parametrize(
    "text",
    [
        DR_DON,
        # company stock beside after-tax money: nua_after_tax's question
        real_question("bb021", EVAL / "batch_b.jsonl"),
        # shares already distributed: nua_roll_shares's
        real_question("bb058", EVAL / "batch_b.jsonl"),
    ],
)
def test_a_sale_inside_the_plan_after_tax_money_or_shares_paid_out_are_not_this(text) -> None:
    assert "nua_company_stock" not in read(text).asks
