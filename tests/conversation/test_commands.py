"""Commands every channel offers: start/help, facts, why, reset, forget, human."""

from __future__ import annotations

import sqlite3

import pytest
from conversation_stories import Step, run_story

from bot.commands import command_of


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("/start", "start"),
        ("start", "start"),
        ("HELP", "help"),
        ("/help@rothbot_bot", "help"),
        ("facts", "facts"),
        ("/facts", "facts"),
        ("why", "why"),
        ("Why?", "why"),
        ("/why@SomeBot", "why"),
        ("reset", "reset"),
        ("/reset", "reset"),
        ("forget", "forget"),
        ("/forget", "forget"),
        ("human", "human"),
        ("  facts  ", "facts"),
        ("why is the 10k taxable?", None),
        ("facts about my 401k", None),
        ("startle", None),
        ("", None),
    ],
)
def test_only_a_whole_message_is_a_command(text, command):
    assert command_of(text) == command


def test_help_says_what_rothbot_does_and_lists_the_commands(assistant):
    run_story(
        assistant,
        [
            Step("/start", must=("after-tax", "Roth", "facts", "why", "reset", "forget")),
            Step("help", must=("what if",)),
        ],
    )


def test_facts_lists_what_was_read_and_where_and_how_to_correct(assistant):
    run_story(
        assistant,
        [
            Step("facts", must=("do not know anything",)),
            Step("I am 51 and have $30,000 of after-tax contributions in my 401k"),
            Step("facts", must=("your age: 51", "I am 51", "$30,000", "actually")),
        ],
    )


def test_why_shows_the_steps_with_their_sources(assistant):
    run_story(
        assistant,
        [
            Step("why", must=("nothing to calculate",)),
            Step("I have $30,000 of after-tax contributions and $10,000 of earnings"),
            Step("why", must=("1.", "Notice 2014-54", "408A")),
        ],
    )


def test_reset_clears_the_facts(assistant, store):
    run_story(
        assistant,
        [
            Step("I am 51 and have $30,000 of after-tax contributions"),
            Step("reset", must=("new question",)),
            Step("facts", must=("do not know anything",)),
        ],
    )
    assert store.load("story").facts == {}


def test_forget_asks_first_and_cancel_keeps_everything(assistant, store):
    replies = run_story(
        assistant,
        [
            Step("I am 51"),
            Step("forget", must=("erase everything",)),
        ],
    )
    assert [c.data for c in replies[-1].choices] == ["yes, erase", "cancel"]
    run_story(assistant, [Step("cancel", must=("nothing was erased",))])
    assert store.load("story").facts == {"age": 51}


def test_forget_erases_the_row_and_the_text_from_the_file(assistant, store, tmp_path):
    secret_provider = "I am 51 and my 401k is with Fidelity"
    run_story(
        assistant,
        [
            Step(secret_provider),
            Step("human", must=("ticket #",)),
            Step("forget"),
            Step("yes, erase", must=("erased", "conversation (1)", "requests for a person (1)")),
        ],
    )
    store.close()
    conn = sqlite3.connect(tmp_path / "rothbot.db")
    assert conn.execute("select count(*) from sessions").fetchone()[0] == 0
    assert conn.execute("select count(*) from tickets").fetchone()[0] == 0
    assert conn.execute("select count(*) from ticket_events").fetchone()[0] == 0
    conn.close()
    for file in tmp_path.iterdir():
        data = file.read_bytes()
        assert b"Fidelity" not in data, file.name
        assert b"I am 51" not in data, file.name


def test_after_forget_the_bot_starts_from_scratch(assistant):
    run_story(
        assistant,
        [
            Step("I am 51"),
            Step("/forget"),
            Step("yes, erase"),
            Step("facts", must=("do not know anything",)),
        ],
    )


def test_the_service_forget_erases_without_asking(assistant, store):
    assistant.handle("k", "I am 51")
    assert assistant.forget("k")["conversation"] == 1
    assert store.load("k").facts == {}


def test_human_records_a_request_for_a_person(assistant, store):
    run_story(assistant, [Step("I am 51"), Step("human", must=("person", "ticket #1"))])
    [ticket] = store.support.tickets_of("story")
    assert ticket.facts == {"age": 51} and ticket.question == "I am 51"
