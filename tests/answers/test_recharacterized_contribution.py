"""Reporting a Roth IRA contribution recharacterized as a traditional IRA contribution.

The Instructions for Form 8606 (Reporting recharacterizations) and Pub. 590-A: the
contribution is treated as made to the traditional IRA from the start, its earnings as that
IRA's; its nondeductible part goes on Form 8606 Part I, the Roth IRA contribution on no
Form 8606, and a statement explaining the recharacterization is attached to the return
(IRC 408A(d)(6); Treas. Reg. 1.408A-5). A backdoor conversion after it is reported as any
IRA conversion (code 2 or 7, Form 8606 Part II). Not a conversion undone (undo_conversion),
not a plan's money.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.answers import catalogue
from knowledge.citations import cite
from nlu.reader import read

BATCH_E = EVAL / "batch_e.jsonl"
TODAY = date(2026, 12, 6)
QUESTION = "recharacterized_contribution_forms"
OPENING = "A Roth IRA contribution recharacterized as a traditional IRA contribution"
CONVERSION = "A conversion from a traditional, SEP or SIMPLE IRA comes on"


def _first_reply(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


def test_the_entry_rests_on_the_form_8606_instructions() -> None:
    question = catalogue()[QUESTION]
    assert question.accounts == ("ira", "roth_ira")
    assert [rule for _, rule in question.fixed] == ["irs_8606_recharacterized_contribution"]
    citation = cite("irs_8606_recharacterized_contribution")
    assert "Instructions for Form 8606" in citation.section
    assert "408A(d)(6)" in citation.section
    assert citation.url == "https://www.irs.gov/instructions/i8606"


def test_real_be040_recharacterization_and_backdoor_in_turbotax() -> None:
    # be040 (https://ttlc.intuit.com/community/retirement/discussion/re-properly-reporting-
    # a-roth-ira-recharacterization-to-a-traditional-ira/01/1829922/highlight/true)
    text = real_question("be040", BATCH_E)
    reading = read(text)
    assert reading.asks[:2] == (QUESTION, "ira_conversion_forms")
    reply = _first_reply(text)
    first, second = reply.split("\n\n")[:2]
    assert first.startswith(OPENING)
    assert "Form 8606 Part I" in first and "statement" in first
    assert second.startswith(CONVERSION)
    assert "Form 8606 Part II" in second


@pytest.mark.parametrize(
    "text",
    [
        "Last year I put $6,000 in my Roth IRA, then found my income was too high and "
        "recharacterized the contribution to a traditional IRA. How do I report the "
        "recharacterization on my tax return?",
        "I recharacterized my 2024 Roth IRA contribution as a traditional IRA contribution and "
        "then converted it to Roth. What goes on Form 8606?",
    ],
)
def test_paraphrases_get_the_reporting_first(text: str) -> None:
    assert QUESTION in read(text).asks
    reply = _first_reply(text)
    assert reply.startswith(OPENING)
    assert "attach a statement" in reply


@pytest.mark.parametrize(
    "text",
    [
        # a conversion recharacterized is undo_conversion's (repealed after 2017)
        "I converted my traditional IRA to a Roth IRA last month. Can I recharacterize the "
        "conversion, and how would I report it?",
        # a plan in the text: not this IRA-only answer
        "I recharacterized my Roth IRA contribution to a traditional IRA. Can I still "
        "contribute to my 401k plan and how do I report it?",
        # no reporting asked
        "I recharacterized my Roth IRA contribution to a traditional IRA. Can I convert it "
        "back to the Roth IRA now?",
    ],
)
def test_not_recognised_beside_a_conversion_undone_a_plan_or_no_reporting(text: str) -> None:
    assert QUESTION not in read(text).asks
