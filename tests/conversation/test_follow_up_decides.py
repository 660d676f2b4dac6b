"""The plan's separate accounting of the after-tax money is asked only where it decides the
answer to what was asked: a distribution (or in-plan conversion) of part of the account.

One distribution of the whole account, which anyone who has left the employer can take,
splits by direct rollover with no separate accounting (IRS Notice 2014-54: the pretax
amounts go first to the direct rollovers), so "Does your plan account for the after-tax
money separately?" decides nothing for someone who has left, or who asks only how the money
gets to a Roth IRA without saying they still work there (asked in 40 of 426 first replies to
the released texts before 2026-12-07, 15 of them so). It stays where the question is about
taking the after-tax money alone (IRC 72(e)(8)), an in-plan conversion of it (IRC
402A(c)(4)), or an in-service distribution. Real texts verbatim (their ``source_url`` is in
the JSONL files named), then paraphrases.
"""

from __future__ import annotations

import pytest
from conversation_stories import EVAL, SHARED, real_question

from bot.questions import question_for

SEPARATELY = "after_tax_separately_accounted"
SHARED_RUBRICS = SHARED / "eval" / "answers.jsonl"
MORE_RUBRICS = EVAL / "answers_more.jsonl"
BATCH_A = EVAL / "batch_a.jsonl"
BATCH_B = EVAL / "batch_b.jsonl"
BATCH_E = EVAL / "batch_e.jsonl"

# (question id, where its text is): the accounting decides nothing asked
NOT_DECIDING = [
    # "I have a client that has just severed employment, and has a 401k to rollover. ...
    # Are we able to roll the $50,000 in after tax contributions into an Rollover Roth IRA
    # and the balance in to a Traditional IRA Rollover?" (the expert asks about the rule of 55)
    ("fq011", MORE_RUBRICS),
    # "Client is rolling over funds from a retirement plan that include three buckets of
    # funds": a whole-account rollover (the expert asks whether it is paid out at once)
    ("fq065", MORE_RUBRICS),
    # "if they do a rollover of the full amount, can they direct the $50k to go into a
    # Roth IRA"
    ("fq009", MORE_RUBRICS),
    # "Can the after-tax contributions to a 401k plan be rolled to a Roth IRA?"
    ("bb003", BATCH_B),
    # "A client separated from service and had a retirement plan with his former employer
    # with only after tax contributions and earnings."
    ("be039", BATCH_E),
]


@pytest.mark.parametrize(("qid", "source"), NOT_DECIDING)
def test_separate_accounting_is_not_asked_where_it_decides_nothing(assistant, store, qid, source):
    if not source.exists():
        pytest.skip(f"{source} is not available")
    reply = assistant.handle(qid, real_question(qid, source))
    assert question_for(SEPARATELY).ask not in reply.text, reply.text
    assert "'s plan account for the after-tax money separately?" not in reply.text
    assert store.load(qid).pending != SEPARATELY


# (question id, where its text is): a part of the after-tax money is in question
DECIDING = [
    # "Client age 58 is retired from company. ... he would like to move only the after-tax
    # portion to a Roth IRA. Is this allowed?" (the expert asks it: rubric follow_up)
    ("fq107", SHARED_RUBRICS),
    # "can they withdraw only the after-tax funds or must they be pro-rated?" (in service;
    # the expert asks it)
    ("ab04", MORE_RUBRICS),
    # "401k plan allows automatic daily in-plan Roth conversions" (the expert asks whether
    # new contributions are a separate sub-account)
    ("fq021", SHARED_RUBRICS),
    # "my new employer said they offered a Mega Back Door Roth": still working there
    ("ba001", BATCH_A),
]


@pytest.mark.parametrize(("qid", "source"), DECIDING)
def test_separate_accounting_is_asked_where_a_part_of_the_money_is_in_question(
    assistant, store, qid, source
):
    if not source.exists():
        pytest.skip(f"{source} is not available")
    assistant.handle(qid, real_question(qid, source))
    assert store.load(qid).pending == SEPARATELY


PARAPHRASES_NOT_DECIDING = [
    "I left my job last year. Can I roll the after-tax money in my old 401k to a Roth IRA "
    "and the rest to a traditional IRA?",
    "I quit my employer in June. Can the after-tax contributions in my 401(k) go to a Roth IRA?",
    "Can I move the after-tax money in my 401k to a Roth IRA without paying tax?",
]


@pytest.mark.parametrize("text", PARAPHRASES_NOT_DECIDING)
def test_in_other_words_not_asked_where_it_decides_nothing(assistant, store, text):
    reply = assistant.handle("p", text)
    assert question_for(SEPARATELY).ask not in reply.text, reply.text
    assert store.load("p").pending != SEPARATELY


PARAPHRASES_DECIDING = [
    "I retired in March. My 401k has $300,000, $40,000 of it after-tax. Can I take out only "
    "the after-tax money and leave the pretax money in the plan?",
    "I still work for the employer. Can I move the after-tax money in my 401k to a Roth IRA "
    "without paying tax?",
]


@pytest.mark.parametrize("text", PARAPHRASES_DECIDING)
def test_in_other_words_asked_where_it_decides(assistant, store, text):
    reply = assistant.handle("p", text)
    assert question_for(SEPARATELY).ask in reply.text, reply.text
    assert store.load("p").pending == SEPARATELY


# (question id, where its text is): whether the person still works there is what decides
# whether the split needs separate accounting, and the text does not say: that is asked
WHETHER_STILL_THERE = [
    # "Can a After-Tax Contribution, not a Roth Contribution source be rolled over to a Roth
    # IRA from a 401k plan or must it be taken as a distribution?" (the expert asks whether
    # the participant has left the employer)
    ("fq089", MORE_RUBRICS),
    # "Client is rolling over funds from a retirement plan that include three buckets of
    # funds" (the expert asks whether the whole account is paid out at once)
    ("fq065", MORE_RUBRICS),
    ("bb003", BATCH_B),
]


@pytest.mark.parametrize(("qid", "source"), WHETHER_STILL_THERE)
def test_whether_they_still_work_there_is_asked_in_its_place(assistant, store, qid, source):
    if not source.exists():
        pytest.skip(f"{source} is not available")
    assistant.handle(qid, real_question(qid, source))
    assert store.load(qid).pending == "still_employed"


def test_the_split_figures_come_before_whether_they_still_work_there(assistant, store):
    # fq008: "$180k 401k balance, of which $102k is after-tax ... Can the plan administrator
    # send 1 check, and the pre tax go into a TIRA & the after tax go into a ROTH?" (the
    # expert asks whether the $102k includes earnings)
    source = MORE_RUBRICS
    if not source.exists():
        pytest.skip(f"{source} is not available")
    assistant.handle("fq008", real_question("fq008", source))
    assert store.load("fq008").pending == "after_tax_contributions"
