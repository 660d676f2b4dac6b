"""Keeping a backdoor Roth clear of the IRA pro-rata rule: only traditional, SEP and SIMPLE
IRAs count, valued on December 31 of the conversion year (IRC 408(d)(2)); employer plans do
not, so pretax money kept in a plan leaves the backdoor clean, and pretax money already in
an IRA can be rolled into a plan (408(d)(3)(A)(ii)) or converted over a few years.

bd004 (batch_d): "... when I have that IRA account and want to continue to back door my roth
contributions, is it possible to avoid the pro-rata rule?" Its reply led with IRA
contribution and deduction limits, and the remedy was missing.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

BATCH_D = EVAL / "batch_d.jsonl"
BATCH_C = EVAL / "batch_c.jsonl"

TEXTS = [
    real_question("bd004", BATCH_D),
    # bc038: "in order to avoid the pro rata rule, the balance on my traditional IRA needs
    # to be $0 by the end of the year in which I do the Roth conversion?"
    real_question("bc038", BATCH_C),
    "I do a backdoor Roth every year. When I leave my job, how do I get around the pro rata "
    "rule if I roll my 401k into an IRA?",
]


@pytest.mark.parametrize("text", TEXTS)
def test_keep_the_pretax_money_in_a_plan(text: str) -> None:
    assert "avoid_pro_rata" in read(text).asks
    reply = respond(Session(key="t"), text, today=date(2026, 12, 6), now=0).text
    first = reply.split("\n\n")[0]
    assert "only traditional, SEP and SIMPLE IRAs count" in first
    assert "December 31" in first
    assert "leave it in the old 401(k) or roll it into the next employer's plan" in first
    assert "over a few years" in reply
    assert "Source: IRC 408(d)(2)" in reply


def test_the_plans_own_pro_rata_is_not_this_question() -> None:
    text = (
        "My 401k has after-tax money and the plan does in-plan conversions. How do I avoid "
        "the pro rata rule when I convert?"
    )
    assert "avoid_pro_rata" not in read(text).asks
