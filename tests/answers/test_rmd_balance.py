"""Which balance a required distribution is figured on: the prior year-end balance (Treas.
Reg. 1.401(a)(9)-5; an IRA's December 31 value, 1.408-8), so a conversion made this year
lowers next year's required distribution, not this one's.

bd016 (batch_d): "The year I reached 70 1/2, can I do some 401k to Roth 401k conversion
before taking out 1st time RMD? The RMD calculation is base on prior year end balance or
prior year end balance less 401k to Roth 401k conversion?" Its reply never said which
balance.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

BATCH_D = EVAL / "batch_d.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        real_question("bd016", BATCH_D),
        "If I convert part of my IRA to a Roth in March, is this year's RMD still based on "
        "last year's December 31 balance?",
    ],
)
def test_the_prior_year_end_balance(text: str) -> None:
    assert "rmd_balance" in read(text).asks
    reply = respond(Session(key="t"), text, today=date(2026, 12, 6), now=0).text
    assert "figured on the balance at the prior year-end" in reply
    assert "lowers next year's required distribution, not this one" in reply
    # (bd016's first question, the Roth 401(k) moved out before the first RMD year, is
    # roth_401k_rmd_rollover's: it leads there)
    if not reply.startswith(("In a year a required distribution is due", "Since 2024 a Roth")):
        assert "Source: Treas. Reg. 1.401(a)(9)-5" in reply  # leading, it cites its source


def test_asked_after_the_convert_first_question_it_comes_second() -> None:
    reply = respond(
        Session(key="t"), real_question("bd016", BATCH_D), today=date(2026, 12, 6), now=0
    ).text
    # the question asked first, the Roth 401(k) rolled out the year before the first RMD
    # year (none owed since 2024); then the required distribution comes out first, never
    # converted; then the balance
    assert reply.startswith("Since 2024 a Roth 401(k) owes no required distributions")
    assert reply.index("prior year-end") > reply.index("take the RMD first")


def test_an_rmd_question_without_a_balance_is_not_this_question() -> None:
    text = "I am 74. Can I convert my IRA to a Roth before taking this year's RMD?"
    assert "rmd_balance" not in read(text).asks
