"""A rule is said with the condition that decides it for this poster.

A person still employed past 59½ can take the whole account out only if the plan pays
out in service at 59½: IRC 401(k)(2)(B) permits it, Treas. Reg. 1.401(k)-1(d) leaves it to
the plan. So the whole-account split is never offered to them unqualified (the expert's
grading of 2026-12-07: "still employed and past 59½ gets the whole-account split
unqualified"); after leaving, it is the route as it stands.

The real question that shows it (bb077) verbatim, and the findings behind it.
"""

from __future__ import annotations

from datetime import date

from conversation_stories import EVAL, SHARED, real_question

from bot.answers import render
from bot.conversation import respond
from bot.session import Session
from knowledge.answers import answer
from knowledge.engine import calculate
from knowledge.facts import Facts
from knowledge.params import param

TODAY = date(2026, 12, 6)
RUBRICS = SHARED / "eval" / "answers.jsonl"
OLD = int(param("gov.irs.early_distribution.age_59_half", 2026)) + 3  # past 59½
WHOLE_NOW = "The clean route is one distribution of the whole account"
IF_THE_PLAN = "the plan pays out the whole account only if it allows in-service withdrawals"


def _found(facts: dict) -> dict:
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    return {f.id: f for f in answer("prorata_partial", facts, result)}


def test_bb077_employed_at_60_gets_the_split_with_its_plan_condition():
    # "401k at current employer ... He is 60 and considering an in-service distribution"
    text = real_question("bb077", EVAL / "batch_b.jsonl")
    reply = respond(Session(key="bb077"), text, today=TODAY, now=0).text
    assert WHOLE_NOW not in reply
    assert IF_THE_PLAN in reply and "(IRC 401(k)(2)(B); ask it)" in reply
    assert "then, or once you leave, one distribution can be split" in reply


def test_employed_past_59_half_with_figures_keeps_the_figures_and_the_condition():
    facts = {
        "still_employed": True,
        "age": OLD,
        "after_tax_separately_accounted": False,
        "after_tax_contributions": 30000,
        "pretax_balance": 270000,
    }
    found = _found(facts)
    assert "route.full_split" not in found
    said = " ".join(render(found["route.full_split_at_59"]).split())
    assert said.startswith("While you still work there, " + IF_THE_PLAN)
    assert "$270,000 of pretax money" in said and "$30,000 of after-tax contributions" in said


def test_after_leaving_past_59_half_the_whole_account_is_the_route_unqualified():
    facts = {"still_employed": False, "age": OLD, "after_tax_separately_accounted": False}
    found = _found(facts)
    assert "route.full_split_general" in found
    assert not [i for i in found if "at_59" in i or "later" in i]


# -- after leaving, the separate-accounting condition decides nothing ------------------------


def test_after_leaving_the_split_needs_no_separate_accounting():
    # one distribution of the whole account can be split whatever the plan's accounting
    # (Notice 2014-54), so the route is said without it and nothing is asked about it
    facts = {"still_employed": False, "after_tax_contributions": 30000, "pretax_balance": 90000}
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    ids = [f.id for f in answer("move_to_roth", facts, result)]
    assert ids == ["route.full_split"]


def test_fq003_a_previous_employers_plan_gets_the_whole_account_split():
    # "I have 401k with a previous employer that I am looking into rolling over"
    reply = respond(Session(key="fq003"), real_question("fq003", RUBRICS), today=TODAY, now=0)
    assert WHOLE_NOW in reply.text
    assert "That works only if the plan accounts" not in reply.text
    assert "Does your plan account for the after-tax money separately?" not in reply.text


def test_fq016_is_not_asked_whether_they_still_work_there():
    # the route is a later answer here; whether they still work there would change only its
    # wording, not the answer to what was asked (when basis can come back out)
    text = real_question("fq016", EVAL / "answers_more.jsonl")
    reply = respond(Session(key="fq016"), text, today=TODAY, now=0).text
    assert "come back out tax- and penalty-free at any time" in reply
    assert "Do you still work for the employer" not in reply


# -- a clock dated for a case the poster may not be in waits behind /why -------------------


def test_fq031_a_roth_ira_clock_is_not_dated_for_a_first_roth_ira_he_may_not_open():
    # "If such participant had done a conversion of a regular IRA into a Roth IRA 5 years
    # earlier ...": "if this rollover opens your first Roth IRA, that clock runs from Jan 1,
    # 2026" is about another case (the expert's grading of batch_f, item 5)
    text = real_question("fq031", EVAL / "answers_more.jsonl")
    reply = respond(Session(key="fq031"), text, today=TODAY, now=0).text
    assert "a later rollover does not restart it" in reply
    assert "that clock runs from" not in reply


def test_fq018_no_roth_ira_yet_gets_the_dates_of_its_clock():
    # "He has no existing Roth IRA account."
    text = real_question("fq018", EVAL / "answers_more.jsonl")
    reply = respond(Session(key="fq018"), text, today=TODAY, now=0).text
    assert "This rollover opens your first Roth IRA, so that clock runs from Jan 1, 2026" in reply


# -- a condition is said once: the pro-rata answer does not repeat the split's "if" ---------

SEPARATELY = "accounts for the after-tax money separately"


def _reply(text: str) -> str:
    return respond(Session(key="once"), text, today=TODAY, now=0).text


def test_bd013_the_separate_accounting_condition_is_said_once():
    # "The custodian informed the client that they only send one check that is made up of
    # pro-rata after-tax contributions and the growth on them." (bd013, verbatim)
    reply = _reply(real_question("bd013", EVAL / "batch_d.jsonl"))
    assert reply.count(SEPARATELY) == 1, reply
    # the route that holds on it is still said (after the answer asked for, issue 10)
    assert "two direct rollovers" in reply.lower()


def test_bc012_the_separate_accounting_condition_is_said_once():
    reply = _reply(real_question("bc012", EVAL / "batch_c.jsonl"))
    assert reply.count(SEPARATELY) == 1, reply


def test_said_in_other_words_the_condition_is_said_once():
    reply = _reply(
        "I run a solo 401(k) holding pre-tax money and one after-tax (non-Roth) "
        "contribution. Can I move the after-tax money straight to a Roth IRA, or must it go "
        "through the Roth 401(k) first? And since there is pre-tax money in the plan too, "
        "do I owe pro-rata tax?"
    )
    assert reply.count(SEPARATELY) == 1, reply
