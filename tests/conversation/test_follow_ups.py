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
    first = assistant.handle(
        "c1", "Can I move the after-tax money in my 401k to a Roth IRA without paying tax?"
    )
    assert question_for("after_tax_separately_accounted").ask in first.text
    assert "If your plan accounts for the after-tax money separately" in first.text
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
