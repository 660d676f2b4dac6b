"""The RMD year around a rollover. Still working past the RMD age, the plan's first
required distribution is for the year of retirement, figured on the balance at the end of
the year before, and may wait until April 1 of the next year, which then holds two (IRC
401(a)(9)(C); Treas. Reg. 1.401(a)(9)-2, Q&A-2; 1.401(a)(9)-5, Q&A-3); in an RMD year the
first dollars out are the RMD, which cannot be rolled over (1.402(c)-2, Q&A-7); Roth
401(k)s had RMDs through 2023 (402A(d)(5) applies from 2024). Real question from
tests/eval/batch_c_answers.jsonl, verbatim."""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

TODAY = date(2026, 12, 6)


def reply_to(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


def test_the_real_question_gets_the_rmd_first_rule_and_the_retirement_year() -> None:
    # bc019: an in-service rollover of a whole Roth 401(k) in January 2023, in an RMD year,
    # then retired in March 2023
    text = real_question("bc019", EVAL / "batch_c_answers.jsonl")
    asks = read(text).asks
    # the Roth 401(k) rolled over in 2023 (roth_401k_rmd_rollover), then the general rule
    assert asks[:2] == ("roth_401k_rmd_rollover", "rmd_first")
    assert "rmd_after_retiring" in asks
    assert "roth_401k_rolled_access" not in asks  # no withdrawal from the Roth IRA asked
    reply = reply_to(text)
    assert reply.startswith("Since 2024 a Roth 401(k) owes no required distributions")
    assert "Through 2023 it did owe them" in reply
    assert "the first dollars out, even before you retired, were the RMD" in reply
    assert "In a year a required distribution is due, the first dollars out" in reply
    assert "The year you retire is the plan's first RMD year, not the year after" in reply
    assert "April 1 of the next year, but then two fall in that year" in reply
    # a 2023 rollover is not told "rolling it is a choice"
    assert "So rolling it is a choice" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "I kept working until 75 and retired this June. Is my first 401k RMD for this year "
        "or next year?",
        "Since I retired last month at 74, when do I have to start RMDs from my old 401(k)?",
    ],
)
def test_a_paraphrase_is_recognised(text: str) -> None:
    assert "rmd_after_retiring" in read(text).asks
    assert "The year you retire is the plan's first RMD year" in reply_to(text)
