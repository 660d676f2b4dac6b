"""The Roth IRA's one 5-year clock starts January 1 of the tax year of the first
contribution (a prior-year contribution made by April counts from that year) or of the
first conversion, and a new Roth IRA does not restart it (Treas. Reg. 1.408A-6, Q&A-2);
withdrawals are sorted by the ordering rules, not deposit by deposit (IRC 408A(d)(4);
1.408A-6, Q&A-8), the owner keeps the record (Form 8606, Part III). Real questions from
tests/eval/batch_c_answers.jsonl, verbatim."""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.answers import answer
from knowledge.citations import cite
from knowledge.engine import calculate
from knowledge.facts import Facts
from nlu.reader import read

TODAY = date(2026, 12, 6)
BATCH_C = EVAL / "batch_c_answers.jsonl"


def reply_to(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


@pytest.mark.parametrize(
    ("text", "question_id"),
    [
        # bc044, verbatim
        (
            "When does the five-year clock start for Roth withdrawals?\n-Tick Tock in Tennessee",
            "roth_clock_start",
        ),
        ("When does the 5 year rule begin for my Roth IRA?", "roth_clock_start"),
        ("Does opening a second Roth IRA start a new 5-year clock?", "roth_clock_start"),
        ("What are the ordering rules for Roth IRA withdrawals?", "roth_ira_ordering"),
        ("How do I know which Roth IRA withdrawals have met the 5 years?", "roth_ira_ordering"),
    ],
)
def test_a_question_is_recognised_first(text: str, question_id: str) -> None:
    assert read(text).asks[0] == question_id


@pytest.mark.parametrize(
    "text",
    [
        "When does the 5 year clock start for a Roth conversion?",  # each conversion's own
        "When does the 5 year clock start for my Roth 401k?",  # the plan's own clock
    ],
)
def test_a_near_miss_is_not_the_roth_ira_clock(text: str) -> None:
    assert "roth_clock_start" not in read(text).asks


def test_the_clock_start_answer() -> None:
    reply = reply_to(real_question("bc044", BATCH_C))
    first, second = reply.split("\n\n")[:2]
    assert first.startswith("On January 1 of the first year you funded any Roth IRA")
    assert "the April filing deadline for the prior year" in first
    assert "a new Roth IRA does not restart it" in first
    assert "each conversion has its own 5 years, only for the 10%" in second
    assert "a Roth 401(k) has its own clock" in second


def test_the_clock_is_dated_from_the_first_roth_ira_year() -> None:
    facts = {"roth_ira_first_year": 2021}
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    found = answer("roth_clock_start", facts, result)
    dated = next(f for f in found if f.id == "roth_ira_clock.yours")
    assert str(dated.params["met_on"]).startswith("2026-01-01")
    assert cite(found[0].rule).section.endswith("Treas. Reg. 1.408A-6, Q&A-2")


def test_the_ordering_answer_to_a_real_question() -> None:
    # bc008: "how are withdrawals identified as being in the account for at least 5 years
    # to avoid a withdrawal penalty?"
    text = real_question("bc008", BATCH_C)
    assert read(text).asks[0] == "roth_ira_ordering"
    reply = reply_to(text)
    # (its "a Roth account must be owned/opened for a period of 5 years before tax-free
    # withdrawals can be made on initially deposited funds" is corrected first: "No:")
    assert reply.startswith("No: the 5 years are not tracked deposit by deposit")
    assert "regular contributions first (any time, no tax, penalty or 5-year wait)" in reply
    assert "Only the taxable part of each conversion has its own 5-year period" in reply
    assert "You keep the record, not the custodian" in reply and "Form 8606, Part III" in reply
    assert "recharacterized to the Roth IRA counts as a regular contribution" in reply
    # the recharacterization deadline is not what was asked
    assert "can no longer be undone" not in reply
