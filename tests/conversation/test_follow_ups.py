"""The one question back never asks what the message already said, and never asks a
fact whose answer would change nothing the reply says.

Real questions, verbatim: a plan that "prorates" every withdrawal or holds "co-mingled"
money has told us it does not account for the after-tax money separately; a client who
"plans to retire" still works there. The reply may still ask something, but not that.
"""

from __future__ import annotations

import pytest
from conversation_stories import EVAL, SHARED, real_question

from bot.questions import question_for

SHARED_RUBRICS = SHARED / "eval" / "answers.jsonl"
BATCH_B = EVAL / "batch_b.jsonl"

# (question id, where its text is, the fact the text already gives)
ANSWERED_BY_THE_TEXT = [
    # "They said all withdrawals would be prorated."
    ("fq006", SHARED_RUBRICS, "after_tax_separately_accounted"),
    # "I have a 401k that contains co-mingled pre-tax and after-tax contributions."
    ("fq004", SHARED_RUBRICS, "after_tax_separately_accounted"),
    # "I could withdraw the post-tax portion along with its associated earnings"
    ("bb043", BATCH_B, "after_tax_separately_accounted"),
    # "distributed tax-free on a pro-rata basis from the taxable and tax-exempt balances"
    ("bb006", BATCH_B, "after_tax_separately_accounted"),
    # "Client is 63 and plans to retire around 6/2018"
    ("bb005", BATCH_B, "still_employed"),
]


@pytest.mark.parametrize(("qid", "source", "key"), ANSWERED_BY_THE_TEXT)
def test_the_follow_up_is_not_one_the_text_answered(assistant, store, qid, source, key):
    if not source.exists():
        pytest.skip(f"{source} is not available")
    reply = assistant.handle(qid, real_question(qid, source))
    assert question_for(key).ask not in reply.text, reply.text
    assert store.load(qid).pending != key


PARAPHRASES = [
    (
        "The plan told me all withdrawals would be prorated. I have $30,000 after-tax in "
        "my 401k. Can I move just the after-tax part to a Roth IRA?",
        "after_tax_separately_accounted",
        False,
    ),
    (
        "My plan prorates withdrawals. I have $40,000 after-tax in a $300,000 401k. Can I "
        "roll just the after-tax part to a Roth IRA?",
        "after_tax_separately_accounted",
        False,
    ),
    (
        "All withdrawals are prorated, the money is co-mingled. How do I get my after-tax "
        "money into a Roth?",
        "after_tax_separately_accounted",
        False,
    ),
    (
        "My old employer's 401k holds commingled pre-tax and after-tax money. How do I get "
        "the after-tax dollars into a Roth?",
        "after_tax_separately_accounted",
        False,
    ),
    (
        "My plan has an in-plan Roth conversion sub-account. Should I move my after-tax "
        "contributions into a Roth IRA or convert them?",
        "plan_allows_in_plan_conversion",
        True,
    ),
]


@pytest.mark.parametrize(("text", "key", "value"), PARAPHRASES)
def test_said_in_other_words_the_fact_is_taken_and_not_asked(assistant, store, text, key, value):
    reply = assistant.handle("p", text)
    assert store.load("p").facts.get(key) is value, reply.text
    assert question_for(key).ask not in reply.text


# -- a follow-up must change THIS reply (expert grading of 2026-12-06: 8 of 12 did not) --

MORE_RUBRICS = EVAL / "answers_more.jsonl"

# (question id, where its text is, a follow-up whose answer changes nothing it says)
CHANGES_NOTHING = [
    # "Can after-tax money rolled over to a Roth IRA be withdrawn immediately without
    # penalty?": whether the poster still works there decides nothing said
    ("fq016", MORE_RUBRICS, "still_employed"),
    # a 71-year-old's first Roth IRA and its 5-year clock: in-plan conversions are moot
    ("fq018", MORE_RUBRICS, "plan_allows_in_plan_conversion"),
    # "Is there a distinction between after-tax money and Roth 401(k) money?"
    ("fq019", MORE_RUBRICS, "still_employed"),
    # the 5-year rule for conversions made from 2019 on: employment changes nothing
    ("fq032", MORE_RUBRICS, "still_employed"),
    # no 10% on a direct rollover at any age, in-service rollovers from 59½, the 415(c)
    # room: "How old are you?" changes none of the sentences said
    ("fq072", SHARED_RUBRICS, "age"),
]


@pytest.mark.parametrize(("qid", "source", "key"), CHANGES_NOTHING)
def test_no_follow_up_whose_answer_changes_nothing_in_the_reply(assistant, store, qid, source, key):
    if not source.exists():
        pytest.skip(f"{source} is not available")
    reply = assistant.handle(qid, real_question(qid, source))
    assert question_for(key).ask not in reply.text, reply.text
    assert store.load(qid).pending != key


def test_the_condition_a_route_holds_on_is_the_follow_up_and_its_answer_changes_it(assistant):
    # (someone still working there: the split is of the after-tax source alone, in service,
    # which the plan's separate accounting decides; test_follow_up_decides.py)
    first = assistant.handle(
        "c1",
        "I still work for the employer. Can I move the after-tax money in my 401k to a Roth "
        "IRA without paying tax?",
    )
    assert question_for("after_tax_separately_accounted").ask in first.text
    assert "if your plan accounts for the after-tax money separately" in first.text.lower()
    settled = assistant.handle("c1", "yes")
    # said as settled: no "if" left for the condition the person just answered
    assert "If your plan accounts for the after-tax money separately" not in settled.text
    assert "two direct rollovers" in settled.text


def test_no_follow_up_at_all_rather_than_a_pointless_one(assistant):
    # the rule of 55 asked in general terms by someone who gave their age: the answer is
    # the same whatever else they say, so the reply ends with the answer
    reply = assistant.handle(
        "c2",
        "I'm 61 and retired last year. Does the 10% penalty apply to a direct rollover "
        "of my 401k to an IRA?",
    )
    assert "No 10% penalty on a direct rollover" in reply.text
    assert not reply.choices
    assert "?" not in reply.text.split("\n\n")[-2]


# -- a fact the text speaks to is never asked blank, even when it could not be read --------

BATCH_A = EVAL / "batch_a.jsonl"
BATCH_C = EVAL / "batch_c.jsonl"
BATCH_D = EVAL / "batch_d.jsonl"
REAL = SHARED / "eval" / "real.jsonl"
DEV = SHARED / "eval" / "dev.jsonl"

# (question id, where its text is, the fact its words speak to, though no value is read)
SPOKEN_TO_BY_THE_TEXT = [
    # "Since my client is over 59 1/2, can he periodically roll this ..."
    ("fq105", REAL, "age"),
    # "Employee is over 59 ½ yrs of age and wishes to process an in service rollover"
    ("bb056", BATCH_B, "age"),
    # "I am approaching 59-1/2 and would like to roll over ..."
    ("bd019", BATCH_D, "age"),
    # "Client opens Roth IRA account 4/11/2019 at age 72, then does a Roth conversion ..."
    ("ac02", MORE_RUBRICS, "age"),
    # "balance was $0 before this, and I own no other traditional IRAs"
    ("ba043", BATCH_A, "traditional_ira_balance"),
    # "So now the Trad IRA has $10000 (I am assuming all pretax) + 1100 ..."
    ("ba057", BATCH_A, "traditional_ira_balance"),
    # "Rollover IRA - $200k - (from previous jobs 401k)"
    ("ba056", BATCH_A, "traditional_ira_balance"),
    # "I currently have $14,803 in a post-tax IRA"
    ("fq099", DEV, "traditional_ira_balance"),
    # "I already have a $0 balance Traditional IRA that I use every year solely to backdoor"
    ("bc040", BATCH_C, "traditional_ira_balance"),
    # "if a 401(k) plan allows for non-hardship in-service withdraws as well as after-tax
    # contributions ..." (the premise of the question is the fact)
    ("bd033", BATCH_D, "plan_allows_in_service"),
    # "Basis has been reported to the IRS on form 8606": the kind of money is named
    ("bd007", BATCH_D, "has_after_tax_money"),
]


@pytest.mark.parametrize(("qid", "source", "key"), SPOKEN_TO_BY_THE_TEXT)
def test_a_fact_the_text_speaks_to_is_not_asked(assistant, store, qid, source, key):
    if not source.exists():
        pytest.skip(f"{source} is not available")
    reply = assistant.handle(qid, real_question(qid, source))
    assert question_for(key).ask not in reply.text, reply.text
    assert store.load(qid).pending != key


SPOKEN_PARAPHRASES = [
    (
        "Since my client is past 59 1/2, can he roll his after-tax 401k money to his Roth "
        "IRA every year while he keeps working?",
        "age",
    ),
    (
        "The participant is over 59 and a half and wants an in-service rollover of his "
        "after-tax money to a Roth IRA. Is that allowed?",
        "age",
    ),
    (
        "My post-tax IRA holds $12,000 from old nondeductible contributions. How do I "
        "convert it without tax?",
        "traditional_ira_balance",
    ),
    (
        "Basis from nondeductible contributions is on my Form 8606. How do I get it into a "
        "Roth IRA?",
        "has_after_tax_money",
    ),
]


@pytest.mark.parametrize(("text", "key"), SPOKEN_PARAPHRASES)
def test_said_in_other_words_a_fact_spoken_to_is_not_asked(assistant, store, text, key):
    reply = assistant.handle("s", text)
    assert question_for(key).ask not in reply.text, reply.text
    assert store.load("s").pending != key


def test_while_the_kind_of_money_is_unknown_no_question_presumes_after_tax_money(assistant):
    # IRA basis on Form 8606 (bd007, verbatim): no question about "the after-tax money" in
    # a plan, whose answer would presume money the poster may not have
    reply = assistant.handle("k", real_question("bd007", BATCH_D))
    for key in ("plan_allows_in_service", "plan_allows_in_plan_conversion"):
        assert question_for(key).ask not in reply.text, reply.text


def test_a_fact_that_changes_only_a_paragraph_nobody_asked_for_is_not_asked(assistant, store):
    # bd037 (verbatim) asks about a Roth 401(k)'s clock; its IRA holdings change only the
    # IRA-basis paragraph its words about a conventional IRA brought in
    reply = assistant.handle("n", real_question("bd037", BATCH_D))
    assert question_for("traditional_ira_balance").ask not in reply.text, reply.text


# -- a question about leaving, asked of someone who has not left, looks ahead --------------

LEFT_AT = question_for("separated_from_service_age").ask
LEAVE_AT = question_for("retire_age").ask


def test_fq028_leaving_soon_is_asked_when_not_how_old_they_were(assistant):
    # "I am leaving my job on April 15, and I'd like to take ..." (fq028, verbatim)
    reply = assistant.handle("l", real_question("fq028", SHARED_RUBRICS)).text
    assert LEFT_AT not in reply, reply
    assert LEAVE_AT in reply


def test_ba051_still_working_is_not_asked_the_age_they_left_at(assistant):
    # "I turn 55 in October of 2023. ... if I were to leave my current employer ..."
    reply = assistant.handle("l", real_question("ba051", BATCH_A)).text
    assert LEFT_AT not in reply, reply


def test_said_in_other_words_past_55_and_still_working_nothing_about_leaving_is_asked(
    assistant,
):
    # 58 and still there: whenever they leave, it is in or after the year they turn 55
    reply = assistant.handle(
        "l",
        "I'm 58 and about to be laid off. Can I take money from my 401k under the rule of 55 "
        "without the 10% penalty?",
    ).text
    assert LEFT_AT not in reply, reply
    assert LEAVE_AT not in reply, reply


# -- the catalogue's own follow-up is asked only when it decides the answer ---------------
# (by hand, 2026-12-07: of 31 follow-ups in released replies, 21 were pointless; asked
# untested, the fact a question's catalogue entry names was pointless in most of them)

BATCH_E = EVAL / "batch_e.jsonl"

# (question id, where its text is, the catalogue's follow-up that decides nothing asked)
CATALOGUE_FOLLOW_UP_DECIDES_NOTHING = [
    # "my 401k which has pre 1987 and post 1986 'after tax' contributions in it": how much
    # was before 1987 changes nothing (all of it is basis, and it comes out first)
    ("bc016", BATCH_C, "pre_1987_basis"),
    # "Does David's income disqualify both of them from Roth contributions?": their IRA
    # holdings change only the backdoor aside, not what they may contribute
    ("fq073", MORE_RUBRICS, "traditional_ira_balance"),
    # both spouses 49, asking about 72(t) payments from IRAs: when they leave changes nothing
    ("ac03", MORE_RUBRICS, "retire_age"),
]


@pytest.mark.parametrize(("qid", "source", "key"), CATALOGUE_FOLLOW_UP_DECIDES_NOTHING)
def test_the_catalogues_follow_up_is_not_asked_when_it_decides_nothing(
    assistant, store, qid, source, key
):
    reply = assistant.handle(qid, real_question(qid, source))
    assert question_for(key).ask not in reply.text, reply.text
    assert store.load(qid).pending != key


def test_said_in_other_words_a_follow_up_that_decides_nothing_is_not_asked(assistant, store):
    reply = assistant.handle(
        "o",
        "Both of us are 50 and want to retire early; all our money is in pretax 401ks. If we "
        "roll them to IRAs, can each of us take 72(t) payments for the next 10 years?",
    )
    assert "72(t)" in reply.text
    assert question_for("retire_age").ask not in reply.text, reply.text
    assert store.load("o").pending is None


# -- only the questions asked count: not a question only stated, nor a route a topic word ---
# -- named in the sentence of a dedicated question ------------------------------------------

ONLY_CONTEXT_CHANGES = [
    # "Is it possible to roll that $10,000 into my current 401(k) plan ... and then do the
    # conversion to Roth?" asks about IRA basis; whether the plan pays out in service
    # changes only the plan route "after-tax money" brought in
    ("bd005", BATCH_D, "plan_allows_in_service"),
    # the seed thread's second poster asks whether converted money comes out tax-free
    # after 5 years and 59 1/2; the plan's accounting changes only the route paragraph
    ("seed_second_poster", SHARED_RUBRICS, "after_tax_separately_accounted"),
    # "Is the $176,000 contributions plus growth?": the plan's accounting changes only the
    # pro-rata sentence his words about withdrawals brought in (be005)
    ("be005", BATCH_E, "after_tax_separately_accounted"),
]


@pytest.mark.parametrize(("qid", "source", "key"), ONLY_CONTEXT_CHANGES)
def test_a_fact_that_changes_only_context_is_not_asked(assistant, store, qid, source, key):
    reply = assistant.handle(qid, real_question(qid, source))
    assert question_for(key).ask not in reply.text, reply.text
    assert store.load(qid).pending != key


# -- a fact the first answer gives its answer for both ways is worth asking ---------------


def test_fq013_it_depends_on_the_plans_accounting_asks_the_plans_accounting(assistant):
    # "Does the IRS FAQ mean some of my pretax 401(k) contributions must come out too?"
    # (fq013, verbatim): "It depends on the plan's accounting: if ..., if not ..."
    reply = assistant.handle("d", real_question("fq013", MORE_RUBRICS)).text
    assert "It depends on the plan's accounting" in reply
    assert question_for("after_tax_separately_accounted").ask in reply


def test_said_in_other_words_it_depends_on_the_plans_accounting_asks_it(assistant):
    reply = assistant.handle(
        "d",
        "The IRS FAQ says a partial distribution must include pretax amounts. Does that mean "
        "my pretax 401k deferrals, or just the earnings on my after-tax money?",
    ).text
    assert "It depends on the plan's accounting" in reply
    assert question_for("after_tax_separately_accounted").ask in reply
