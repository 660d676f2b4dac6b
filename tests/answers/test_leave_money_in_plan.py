"""No deadline to move a 401(k) after leaving the job: a plan may not pay out a vested
balance over the cash-out limit without consent (IRC 411(a)(11); $7,000 since 2024, SECURE
2.0 sec. 304), and a smaller one it pays out goes to an IRA it opens when over $1,000 and
no election is made (IRC 401(a)(31)(B)); both amounts are year-stamped parameters.

ba018 (batch_a): "Is there a time frame from when I leave the job to when I have to roll
over the accounts?"; ba072 (batch_a): "Is it a good idea to leave at least $5K in the
account to avoid it being rolled over to an IRA?" (the limit is no longer $5,000). Before,
neither named a catalogue question for it.
"""

from __future__ import annotations

from datetime import date

import pytest
from answer_findings import first_reply, said_by
from conversation_stories import EVAL, real_question

from knowledge.params import param
from nlu.reader import read

YEAR = date(2026, 12, 6).year
CASHOUT = param("gov.irs.rollover.cashout_limit", YEAR)
AUTO_IRA = param("gov.irs.rollover.automatic_rollover_threshold", YEAR)
LEAD = "There is no deadline to move a 401(k) after you leave the job"


@pytest.mark.parametrize(
    "text",
    [
        # ba018, https://forum.mrmoneymustache.com/ask-a-mustachian/changing-employers-what-to-do-with-403(b)-and-irs-rules/msg1118388/
        real_question("ba018", EVAL / "batch_a.jsonl"),
        # ba072, https://r.darrennathanael.com/r/financialindependence/comments/1jl9e6d/rule_of_55_again
        real_question("ba072", EVAL / "batch_a.jsonl"),
        "How long after I leave my job do I have to roll over my 401k?",
        "I quit last month. Will my old employer force me out of the 401k if I don't roll it over?",
    ],
)
def test_no_deadline_after_leaving_and_the_cash_out_limit(text: str) -> None:
    assert "leave_money_in_plan" in read(text).asked
    reply = first_reply(text)
    assert LEAD in reply
    assert f"a vested balance over ${CASHOUT:,.0f} without your consent" in reply


def test_asked_alone_it_gives_the_small_balance_rule_too() -> None:
    reply = first_reply(
        "I quit last month. Will my old employer force me out of the 401k if I don't roll it over?"
    )
    assert reply.startswith(LEAD)
    assert f"one over ${AUTO_IRA:,.0f} goes by direct rollover to an IRA it opens" in reply


@pytest.mark.parametrize(
    "text",
    [
        # the 60 days of a check already paid, the rule of 55's deadline, a Roth clock
        "How long do I have to roll over a check from my 401k?",
        "How long after I leave my job can I use the rule of 55?",
        "How long do I have to wait after my rollover before the 5-year clock ends?",
    ],
)
def test_near_misses(text: str) -> None:
    assert "leave_money_in_plan" not in read(text).asks


def test_the_amounts_are_the_years_parameters_and_the_rule_is_cited() -> None:
    said = said_by("leave_money_in_plan")
    (deadline, section) = said["leave_plan.no_deadline"]
    assert section == "IRC 411(a)(11); Treas. Reg. 1.411(a)-11(c)"
    assert f"${CASHOUT:,.0f}" in deadline
    assert said["leave_plan.small_balance"][1] == "IRC 401(a)(31)(B)"
