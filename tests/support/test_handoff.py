"""A conversation hands over to a person: when, what the ticket holds, what the user hears."""

from __future__ import annotations

import pytest

from bot.commands import command_of

QUESTION = (
    "I am 58 and left my job in 2025. I have 60k of after-tax contributions and 15k of "
    "earnings in my 401k at Vanguard. How do I get it into a Roth?"
)


@pytest.mark.parametrize(
    "text",
    [
        "/human",
        "human",
        "talk to a real person",
        "can i talk to a real person",
        "Representative",
        "representative please",
        "can someone call me",
        "Can somebody please call me?",
        "speak to someone please",
        "I want to speak with a human",
        "connect me to an agent",
        "a real person please!",
    ],
)
def test_asking_for_a_person_in_common_wordings_is_the_human_command(text):
    assert command_of(text) == "human"


@pytest.mark.parametrize(
    "text",
    [
        "I talked to someone at Fidelity and they said the plan allows it",
        "should I speak to someone at my plan first?",
        "is the person who inherits my Roth taxed?",
        "people say the split rollover is tax-free, is that right?",
    ],
)
def test_a_question_that_mentions_people_is_still_a_question(text):
    assert command_of(text) is None


def test_asking_for_a_person_opens_a_ticket_with_the_question_and_tells_the_user(assistant, store):
    assistant.handle("u1", QUESTION)
    reply = assistant.handle("u1", "can I talk to a real person?")
    assert "ticket #1" in reply.text and "answer here" in reply.text
    [ticket] = store.support.tickets_of("u1")
    assert ticket.status == "open" and ticket.reason == "asked for a person"
    assert ticket.question == QUESTION  # in the user's own words
    assert ticket.facts["after_tax_contributions"] == 60000
    assert [t["role"] for t in ticket.transcript] == ["user", "bot", "user"]
    assert "$15,000 taxable" in ticket.result["headline"]  # the engine's, for their facts


def test_asking_again_adds_to_the_open_ticket(assistant, store):
    assistant.handle("u1", QUESTION)
    assistant.handle("u1", "/human")
    reply = assistant.handle("u1", "representative")
    assert "already" in reply.text and "ticket #1" in reply.text
    [ticket] = store.support.tickets_of("u1")
    assert ticket.requests == 2
    kinds = [e.kind for e in store.support.events(ticket.id)]
    assert kinds == ["opened", "asked_again"]


def test_an_out_of_scope_question_opens_a_ticket_by_itself(assistant, store):
    reply = assistant.handle("u1", "My ex-wife has a QDRO on my 401k. What happens to it?")
    assert "need a person" in reply.text and "ticket #1" in reply.text
    [ticket] = store.support.tickets_of("u1")
    assert ticket.reason.startswith("out of scope: a divorce or a QDRO")


def test_the_same_question_unanswered_twice_goes_to_a_person(assistant, store):
    assistant.handle("u1", "I have 60k of after-tax money in my 401k, can I move it to a Roth?")
    assert store.load("u1").pending  # the bot asked for a fact
    pending = store.load("u1").pending
    first = assistant.handle("u1", "blue")
    assert "ticket" not in first.text
    assert store.support.tickets_of("u1") == []
    second = assistant.handle("u1", "purple")
    assert "ticket #1" in second.text
    [ticket] = store.support.tickets_of("u1")
    assert ticket.reason == f"asked twice for {pending} without an answer"


def test_a_new_ticket_opens_after_the_last_one_was_resolved(assistant, store, queue):
    assistant.handle("u1", "/human")
    queue.resolve(1, agent_name="Ann")
    reply = assistant.handle("u1", "/human")
    assert "ticket #2" in reply.text
    assert [t.status for t in store.support.tickets_of("u1")] == ["resolved", "open"]


def test_forget_erases_the_tickets_too(assistant, store):
    assistant.handle("u1", QUESTION)
    assistant.handle("u1", "/human")
    assistant.handle("u1", "forget")
    reply = assistant.handle("u1", "yes, erase")
    assert "requests for a person (1)" in reply.text
    assert store.support.tickets_of("u1") == []


def test_what_the_user_adds_before_anyone_claims_the_ticket_is_kept_for_the_staff(
    assistant, store, queue
):
    assistant.handle("u1", QUESTION)
    told = assistant.handle("u1", "/human")
    assert "anything you add reaches them too" in told.text
    assistant.handle("u1", "The check from the plan came yesterday.")
    queue.claim(1, 7, "Ann")
    assistant.handle("u1", "It is made out to me.")
    events = store.support.events(1)
    said = [e.text for e in events if e.kind == "user_message"]
    assert said == ["The check from the plan came yesterday.", "It is made out to me."]
    queue.resolve(1, agent_name="Ann")
    assistant.handle("u1", "thanks")
    assert [e.kind for e in store.support.events(1)][-1] == "resolved"  # nothing after


def test_a_ticket_the_bot_opened_and_a_later_request_for_a_person_are_one_ticket(assistant, store):
    assistant.handle("u1", "My ex-wife has a QDRO on my 401k. What happens to it?")
    reply = assistant.handle("u1", "can someone call me")
    assert "already" in reply.text and "ticket #1" in reply.text
    [ticket] = store.support.tickets_of("u1")
    assert ticket.requests == 2
    assert ticket.reason.startswith("out of scope")  # why it was opened, first
    assert ticket.question.startswith("My ex-wife has a QDRO")
    assert [e.kind for e in store.support.events(ticket.id)] == ["opened", "asked_again"]
