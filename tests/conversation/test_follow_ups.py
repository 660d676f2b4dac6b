"""The one question back never asks what the message already said.

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
