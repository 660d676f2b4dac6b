"""A question in words of the subject that no catalogue question answers, with no fact and
no intent read ("Should I hold bonds in a Roth IRA?"), is
not off-topic: it gets the honest line of the unrecognised path (``unrecognised.*`` in
bot/messages/en.yaml), never "I only know about moving after-tax 401(k) money ...". A
question whose only words of the subject are everyday ones ("transfer", "withdraw") and
one off the subject stay off-topic."""

from __future__ import annotations

import pytest

OFF_TOPIC = "I only know about"
HONEST = "I can't give a cited answer to"

# (college aid, this test's first examples, has its own answer now: financial_aid,
# tests/answers/test_topics_asked_beside_the_subject.py)
OF_THE_SUBJECT = [
    "Should I hold bonds in a Roth IRA?",
    "Can I roll my HSA into a Roth IRA?",
    "Is a Roth IRA safe from creditors?",
]


@pytest.mark.parametrize("text", OF_THE_SUBJECT)
def test_a_question_of_the_subject_gets_the_honest_line(assistant, store, text):
    reply = assistant.handle("s", text)
    assert OFF_TOPIC not in reply.text, reply.text
    assert reply.text.startswith(HONEST), reply.text
    assert text in reply.text  # its own words, restated
    assert store.load("s").facts == {}


OFF_THE_SUBJECT = [
    "What's the weather in Paris tomorrow?",
    "How do I transfer money to my bank?",
    "Can you help me withdraw cash?",
]


@pytest.mark.parametrize("text", OFF_THE_SUBJECT)
def test_a_question_off_the_subject_stays_off_topic(assistant, text):
    reply = assistant.handle("s", text)
    assert OFF_TOPIC in reply.text, reply.text
    assert HONEST not in reply.text
