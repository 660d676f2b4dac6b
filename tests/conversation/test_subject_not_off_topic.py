"""A question in words of the subject that no catalogue question answers, with no fact and
no intent read ("Will converting the IRA affect our chances of getting financial aid?"), is
not off-topic: it gets the honest line of the unrecognised path (``unrecognised.*`` in
bot/messages/en.yaml), never "I only know about moving after-tax 401(k) money ...". A
question whose only words of the subject are everyday ones ("transfer", "withdraw") and
one off the subject stay off-topic."""

from __future__ import annotations

import pytest

OFF_TOPIC = "I only know about"
HONEST = "I can't give a cited answer to"

OF_THE_SUBJECT = [
    "Will converting the IRA affect our chances of getting financial aid?",
    "Should we convert the IRA before applying for college aid?",
    "Does my Roth count as an asset on the FAFSA?",
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
