"""Context is not a question, and a plan that mixes the money gets a plain "No".

fq010 states "His company will not split the growth and basis part of the account unless
it is pre-1986 contribution (it's not)": context, not a question about pre-1987 money or a
plan refusing a split, and it must not push out what was asked ("Can my client just
rollover the $22k ... and pay taxes only on the growth part?"). When the facts say the plan
does not account for the after-tax money separately, the answer to taking it alone is a
plain "No" with the pro-rata figures, then the whole-account split (IRC 72(e)(8)).
"""

from __future__ import annotations

from datetime import date

from answer_findings import first_reply
from conversation_stories import EVAL, SHARED, real_question

from bot.answers import render
from knowledge.answers import answer
from knowledge.engine import calculate
from knowledge.facts import Facts
from nlu.reader import read

RUBRICS = SHARED / "eval" / "answers.jsonl"
ANSWERS_MORE = EVAL / "answers_more.jsonl"


def test_a_stated_pre_1987_exception_is_context_not_a_question() -> None:
    asks = read(real_question("fq010", RUBRICS)).asks
    assert "pre_1987_basis" not in asks and "plan_refuses_split" not in asks
    assert "prorata_partial" in asks


def test_a_pre_1987_question_is_still_a_question() -> None:
    asks = read("How are my pre-1987 after-tax contributions treated in a rollover?").asks
    assert "pre_1987_basis" in asks


def test_taking_only_the_after_tax_money_from_a_mixed_plan_is_a_plain_no() -> None:
    reply = first_reply(real_question("fq010", RUBRICS))
    first = reply.split("\n\n")[0]
    assert first.startswith("No, not the after-tax money alone")
    assert "Not unless" not in reply
    # $22,000 of $300,000 carries $22,000 x 18,000 / 300,000 = $1,320 of basis
    assert "$1,320 basis and $20,680 pretax" in reply
    assert "$18,000 of after-tax contributions to a Roth IRA" in reply


def test_a_plan_not_known_to_mix_keeps_the_condition() -> None:
    facts = {"age": 45, "after_tax_contributions": 30000, "pretax_balance": 270000}
    result = calculate(Facts.from_mapping(facts), today=date(2026, 12, 6)).to_json()
    text = " ".join(render(f) for f in answer("prorata_partial", facts, result))
    assert text.startswith("Not unless the plan accounts for the after-tax money separately")
    # and never as if the contributions alone could leave: their earnings come along
    # (IRC 72(e)(8) within the separate contract of 72(d)(2))
    assert "even then, its own earnings come out with it" in text


def test_pre_1987_money_stated_as_the_case_is_still_asked_about() -> None:
    # fq058: "... it will be a return of my non-taxable monies because it is pre-1986 money."
    asks = read(real_question("fq058", ANSWERS_MORE)).asks
    assert "pre_1987_basis" in asks


def test_a_whole_plan_to_a_roth_ira_past_59_half_says_when_rmds_start() -> None:
    # fq097: "I am now 67 and plan to retire at age 70." Born 1958 or 1959: RMDs at 73
    reply = first_reply(real_question("fq097", ANSWERS_MORE))
    assert "until required distributions start at 73" in reply
    assert "cannot be converted" in reply


def test_a_young_person_rolling_a_plan_to_a_roth_ira_is_not_told_about_rmds() -> None:
    reply = first_reply("I'm 35. Can I roll my old 401(k) directly into a Roth IRA?")
    assert "required distributions" not in reply


def test_earnings_of_a_cent_are_not_a_zero_dollar_rollover() -> None:
    # fq057: "... current market conditions now have the gains at $.01."
    reply = first_reply(real_question("fq057", ANSWERS_MORE))
    assert "direct rollover of all $40,000 to a Roth IRA" in reply
    assert "the tax on them is essentially nil" in reply
    assert "nothing is taxable" not in reply
    assert "$0 to a traditional IRA" not in reply


def test_rolled_in_contributions_need_no_five_year_wait() -> None:
    # fq038: "... can be pulled out before 59 1/2 as long as they meet the 5 year holding
    # period. Correct?" The basis needs no wait; the clock governs only the earnings.
    reply = first_reply(real_question("fq038", ANSWERS_MORE))
    assert "come out any time, tax- and penalty-free, with no 5-year wait" in reply
    assert "only governs the earnings" in reply


def test_why_not_leave_the_money_in_the_plan_gets_the_in_plan_conversion() -> None:
    # fq061: "... why not leave the money in the plan at least until distributions become
    # qualified?"
    asks = read(real_question("fq061", ANSWERS_MORE)).asks
    assert "in_plan_conversion" in asks


def test_leaving_the_rest_in_the_plan_is_the_pro_rata_question_not_in_plan() -> None:
    # fq013 quotes the IRS FAQ: "... and leave the remainder in the plan?" / "the rest"
    asks = read(real_question("fq013", ANSWERS_MORE)).asks
    assert asks[0] == "prorata_partial" and "in_plan_conversion" not in asks
