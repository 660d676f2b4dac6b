"""A Roth 401(k) (403(b), 457(b)) rolled to a Roth IRA: its years never carry over, the
money takes the Roth IRA's one clock (Treas. Reg. 1.408A-10, Q&A-4; 1.408A-6, Q&A-2); its
Roth contributions become regular Roth IRA contributions, out first at any time, and the
rest earnings, out last; all of it is contributions if the payout was qualified
(1.408A-10, Q&A-3(a)). Real questions from tests/eval/batch_c_answers.jsonl, verbatim."""

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
    ("qid", "question_id"),
    [
        ("bc007", "roth_401k_rolled_clock"),  # "does my fulfillment of the 5-year clock carry over"
        ("bc043", "roth_401k_rolled_clock"),  # "start with the Roth 401k date or the rollover?"
        ("bc006", "roth_401k_rolled_clock"),  # "start in May of 2007 or ... in 2024?"
        ("bc024", "roth_401k_rolled_access"),  # "which bucket do those fall into"
        ("bc026", "roth_401k_rolled_access"),  # "can I take $40,000 out day 1"
        ("bc023", "roth_401k_rolled_access"),  # "a portion designated as Roth contributions"
    ],
)
def test_a_real_question_is_recognised_first(qid: str, question_id: str) -> None:
    assert read(real_question(qid, BATCH_C)).asks[0] == question_id


@pytest.mark.parametrize(
    ("text", "question_id"),
    [
        (
            "I rolled my old Roth 403(b) into a brand-new Roth IRA. Does the time it spent in "
            "the 403(b) count for the Roth IRA's 5 year clock?",
            "roth_401k_rolled_clock",
        ),
        (
            "After I move my Roth 401k to my Roth IRA, when does the clock start?",
            "roth_401k_rolled_clock",
        ),
        (
            "Once I roll the Roth 401(k) into my Roth IRA, can I withdraw the contributions "
            "before 59 1/2 without penalty?",
            "roth_401k_rolled_access",
        ),
    ],
)
def test_a_paraphrase_is_recognised_first(text: str, question_id: str) -> None:
    assert read(text).asks[0] == question_id


@pytest.mark.parametrize(
    "text",
    [
        # after-tax (non-Roth) money: the split rollover's basis, not this
        "After I roll my after-tax 401k money to a Roth IRA, does the 5 year clock start over?",
        # the plan's own clock, no Roth IRA in sight
        "Does my Roth 401k have its own 5 year clock?",
    ],
)
def test_a_near_miss_is_not_this_question(text: str) -> None:
    asks = read(text).asks
    assert "roth_401k_rolled_clock" not in asks
    assert "roth_401k_rolled_access" not in asks


def test_the_clock_answer_says_the_years_stay_and_what_counts() -> None:
    reply = reply_to(real_question("bc043", BATCH_C))
    first = reply.split("\n\n")[0]
    assert first.startswith("The Roth 401(k)'s clock does not carry over to a Roth IRA")
    assert "January 1 of the rollover year if it opens your first" in first
    # a qualified payout is all contributions: the condition is said, never dropped
    assert "If the Roth 401(k) is qualified when paid out" in reply
    assert "only its Roth contributions (box 5 of its 1099-R) do" in reply
    # the plan's own clock is not the question asked
    assert "Your Roth 401(k) has its own 5-year clock" not in reply


def test_an_age_past_59_says_qualified_with_the_plans_condition() -> None:
    # bc006: 64, Roth 401(k) since 2007; an earlier Roth IRA only supposed ("If the same
    # person above also had opened ... an existing Roth IRA"), so not read as held (the
    # reader's precision rule, tests/nlu/test_owners_and_roles_in_real_text.py): the clock
    # is said for any first Roth IRA contribution, never as one the person made
    reply = reply_to(real_question("bc006", BATCH_C))
    assert "At 64, if your first Roth 401(k) contribution was 5 or more years ago" in reply
    assert "all of it counts as Roth IRA contributions" in reply
    assert "your first contribution or conversion to any Roth IRA" in reply
    assert "started that clock for all your Roth IRAs" not in reply
    # said once: the access sentence would repeat it
    assert "the first bucket out" not in reply


def test_under_59_the_contributions_only() -> None:
    facts = {"age": 45, "has_roth_401k": True, "has_roth_ira": False}
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    ids = [f.id for f in answer("roth_401k_rolled_clock", facts, result)]
    assert "drac_rolled.before_59" in ids
    assert "drac_rolled.past_59" not in ids and "drac_rolled.qualified_if" not in ids
    # no Roth IRA yet: the clock is dated from this year, and opening one early helps
    assert "roth_ira_clock.dates" in ids and "drac_rolled.open_early" in ids


def test_the_access_answer_says_the_bucket_and_the_earnings() -> None:
    reply = reply_to(real_question("bc024", BATCH_C))
    paragraphs = reply.split("\n\n")
    assert paragraphs[0].startswith("The Roth 401(k)'s contributions (box 5")
    assert "the first bucket out" in paragraphs[0]
    assert "right away, tax- and penalty-free, with no 5-year wait" in paragraphs[0]
    assert "the rollover is not a conversion" in paragraphs[0]
    assert paragraphs[1].startswith("Its earnings join the earnings bucket, out last")
    assert "If the payout was qualified" in paragraphs[1]
    # the after-tax wording is not told to a Roth 401(k) holder
    assert "After-tax contributions you roll or convert" not in reply


def test_the_sources() -> None:
    result = calculate(Facts.from_mapping({}), today=TODAY).to_json()
    rules = [f.rule for f in answer("roth_401k_rolled_clock", {}, result)]
    assert cite(rules[0]).section.startswith("Treas. Reg. 1.408A-10")
    rules = [f.rule for f in answer("roth_401k_rolled_access", {}, result)]
    assert cite(rules[0]).section.startswith("Treas. Reg. 1.408A-10")
    assert "408A(d)(4)" in cite(rules[1]).section


def test_after_tax_roth_contributions_are_roth_money_and_the_split_is_answered() -> None:
    # bc025: "1) After Tax Roth Contributions - $25,000 ... Is it possible to roll this
    # account into separate IRAs? A) Roth Items (1 & 2) into Roth IRA B) Before Tax items
    # (3, 4 & 5) into Traditional IRA ... would item 1 be eligible for immediate withdrawal
    # penalty and tax free ...? Or would it be treated as a conversion"
    text = real_question("bc025", BATCH_C)
    asks = read(text).asks
    assert asks[0] == "roth_401k_rolled_access"
    assert "roth_and_pretax_split" in asks
    assert "ira_pro_rata" not in asks  # "separate IRAs" of Roth money, no IRA basis
    reply = reply_to(text)
    assert reply.startswith("The Roth 401(k)'s contributions (box 5")
    assert "the rollover is not a conversion" in reply
    assert "Yes, split it: ask the plan for direct rollovers of each part" in reply
    # the in-plan and rollover-penalty answers are not what was asked
    assert "No 10% penalty on a direct rollover" not in reply
    assert "once the plan's 5-year period" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "My 401k has a Roth 401k portion and a pretax portion. Can I roll the Roth part to a "
        "Roth IRA and the pretax part to a traditional IRA?",
        "Can I split my old 401(k) so the Roth 401(k) money goes to my Roth IRA and the rest "
        "to a traditional IRA?",
    ],
)
def test_the_split_of_roth_and_pretax_money_is_recognised_first(text: str) -> None:
    assert read(text).asks[0] == "roth_and_pretax_split"
    reply = reply_to(text)
    assert reply.startswith("Yes, split it")
    assert "code H for the Roth part and code G for the pretax part" in reply


def test_the_mega_backdoors_after_tax_roth_401k_is_not_roth_401k_money() -> None:
    # fq061 (tests/eval/answers_more.jsonl): "periodic rollovers from the after-tax Roth
    # 401(k) to a Roth IRA" is after-tax money, whose earnings are taxable when moved
    text = real_question("fq061", EVAL / "answers_more.jsonl")
    assert "roth_401k_rolled_access" not in read(text).asks
    # fq029: "its own 5 year clock separate from ..." is no split of two kinds of money
    text = real_question("fq029", EVAL / "answers_more.jsonl")
    assert "roth_and_pretax_split" not in read(text).asks


def test_the_after_tax_split_is_not_the_roth_and_pretax_split() -> None:
    # fq004 (../shared/eval/answers.jsonl), Q3: "roll over the entire 401k into the IRAs,
    # splitting the assets between the Roth and Traditional IRAs such that the after-tax
    # contributions go entirely to the Roth"
    text = (
        "The 401k has a Roth option that I have barely used. Q3: If I can't do the targeted "
        "roll-over, I believe under current law that I can roll over the entire 401k into the "
        "IRAs, splitting the assets between the Roth and Traditional IRAs such that the "
        "after-tax contributions go entirely to the Roth. Is that correct?"
    )
    assert "roth_and_pretax_split" not in read(text).asks
