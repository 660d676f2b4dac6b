"""Whether to roll a Roth 401(k) into a Roth IRA at all: since 2024 neither has required
distributions during life (IRC 402A(d)(5), SECURE 2.0 sec. 325), so the choice is the
order withdrawals come out, investments and the rule of 55; the Roth IRA has one 5-year
clock per person, from the first Roth IRA contribution or conversion, and the plan's years
do not carry over (Treas. Reg. 1.408A-6 Q&A-2, 1.408A-10, 1.402A-1 Q&A-4)."""

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
from knowledge.params import param
from nlu.reader import read

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    "text",
    [
        "Should I roll my Roth 401k into my Roth IRA or keep it in the plan?",
        "Is it worth moving my Roth 401(k) to a Roth IRA when I retire?",
        "What are the pros and cons of rolling a Roth 401k to a Roth IRA?",
        "Any reason to keep my old Roth 401k instead of rolling it into my Roth IRA?",
    ],
)
def test_a_paraphrase_is_recognised_first(text: str) -> None:
    assert read(text).asks[0] == "roth_401k_roll_or_keep"


@pytest.mark.parametrize(
    "text",
    [
        # after-tax (non-Roth) money: the split rollover, not this
        "Should I roll my after-tax 401k and Roth 401k money to my Roth IRA?",
        # how, not whether
        "How do I roll my Roth 401k to a Roth IRA?",
    ],
)
def test_a_near_miss_is_not_this_question(text: str) -> None:
    assert "roth_401k_roll_or_keep" not in read(text).asks


def test_the_answer_no_rmds_the_choice_and_the_clock() -> None:
    reply = respond(
        Session(key="t"),
        "Should I roll my Roth 401k into my Roth IRA or keep it in the plan?",
        today=TODAY,
        now=0,
    ).text
    paragraphs = reply.split("\n\n")
    assert paragraphs[0].startswith("Roth IRAs have no required minimum distributions (RMDs)")
    assert "neither do Roth 401(k)s" in paragraphs[0]
    age = param("gov.irs.early_distribution.separation_age", 2026)
    assert paragraphs[1].startswith("So rolling it is a choice")
    assert f"the rule of 55 applies if you leave in or after the year you turn {age}" in reply
    assert "Roth 401(k) years do not count" in reply
    # the general "it can go only to a Roth IRA" answer is held by this one
    assert "Roth 401(k) money can go only to a Roth IRA" not in reply
    result = calculate(Facts.from_mapping({}), today=TODAY).to_json()
    sections = [cite(f.rule).section for f in answer("roth_401k_roll_or_keep", {}, result)]
    assert "IRC 402A(d)(5)" in sections[0]
    assert sections[1].startswith("Treas. Reg. 1.408A-10")


def test_the_real_question_is_answered() -> None:
    # "When I leave the residency institution, should I roll the Roth 401(k) into the Roth
    # IRA, or leave them as two separate accounts?" (ba033, verbatim)
    text = real_question("ba033", EVAL / "batch_a.jsonl")
    assert read(text).asks[0] == "roth_401k_roll_or_keep"
    reply = respond(Session(key="t"), text, today=TODAY, now=0).text
    assert reply.startswith("Roth IRAs have no required minimum distributions (RMDs)")


# -- pretax 401(k) money moved to a Roth IRA: a taxable conversion, no 10% ----------------


@pytest.mark.parametrize(
    "text",
    [
        "I want to move my pretax 401(k) to a Roth IRA. How is that taxed?",
        "If I convert the pre-tax money in my 401k to a Roth, how much is taxable?",
    ],
)
def test_pretax_money_to_a_roth_is_taxable_with_no_10(text: str) -> None:
    reply = respond(Session(key="t"), text, today=TODAY, now=0).text
    assert reply.startswith("Pretax money (deferrals, employer money, earnings) moved to a Roth")
    assert "taxable income that year, with no 10% on a direct rollover" in reply
    result = calculate(Facts.from_mapping({}), today=TODAY).to_json()
    (found,) = answer("pretax_to_roth", {}, result)
    assert "IRS Notice 2008-30" in cite(found.rule).section
    assert "408A(d)(3)(A)" in cite(found.rule).section
