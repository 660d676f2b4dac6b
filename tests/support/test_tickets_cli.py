"""`rothbot tickets`: the support queue from a terminal, end to end over the real store."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from bot.cli import main
from bot.service import Assistant
from bot.store import Store

TODAY = date(2026, 12, 6)
QUESTION = "I am 61 with 80k after-tax contributions and 20k earnings. Roth options?"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "rothbot.db"
    store = Store(path)
    assistant = Assistant(store, today=lambda: TODAY)
    assistant.handle("cli:ann", QUESTION)
    assistant.handle("cli:ann", "can someone call me")
    assistant.handle("cli:bob", "My QDRO splits my 401k with my ex, what now?")
    store.close()
    return path


def _run(capsys, db, *args) -> tuple[int, str, str]:
    code = main(["tickets", *args, "--db", str(db), "--agent", "Dana"])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_the_open_tickets_with_reason_and_question(db, capsys):
    code, out, _ = _run(capsys, db, "list")
    assert code == 0
    header, first, second = out.splitlines()
    assert header.split()[:3] == ["#", "STATUS", "OPENED"]
    assert first.split()[:2] == ["1", "open"] and "asked for a person" in first
    assert "I am 61" in first
    assert second.split()[:2] == ["2", "open"] and "out of scope" in second


def test_show_gives_the_question_facts_engine_result_and_transcript(db, capsys):
    code, out, _ = _run(capsys, db, "show", "1")
    assert code == 0
    assert "Ticket #1: open" in out
    assert QUESTION in out
    assert "after_tax_contributions: 80000" in out
    assert "Engine: " in out and "$" in out
    assert "user: can someone call me" in out


def test_a_reply_reaches_a_terminal_user_with_their_next_message(db, capsys):
    code, out, _ = _run(capsys, db, "reply", "1", "Hi Ann, I will call you at 3pm.")
    assert code == 0 and "next message" in out
    store = Store(db)
    reply = Assistant(store, today=lambda: TODAY).handle("cli:ann", "thanks")
    assert reply.text.startswith("Message from a person, ticket #1. Dana")
    assert "I will call you at 3pm." in reply.text
    again = Assistant(store, today=lambda: TODAY).handle("cli:ann", "ok")
    assert "Message from a person" not in again.text  # delivered once
    store.close()


def test_resolve_closes_the_ticket_and_further_actions_are_refused(db, capsys):
    assert _run(capsys, db, "resolve", "2")[0] == 0
    code, out, _ = _run(capsys, db, "list")
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["1"]
    code, _, err = _run(capsys, db, "reply", "2", "hello")
    assert code == 1 and "Ticket #2 is already resolved." in err
    code, _, err = _run(capsys, db, "show", "99")
    assert code == 1 and "There is no ticket #99." in err


def test_an_empty_reply_is_refused(db, capsys):
    code, _, err = _run(capsys, db, "reply", "1", "   ")
    assert code == 1 and "The reply is empty" in err


def _as(capsys, db, agent, *args) -> tuple[int, str, str]:
    code = main(["tickets", *args, "--db", str(db), "--agent", agent])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_ticket_one_agent_holds_is_refused_to_another_in_a_terminal_too(db, capsys):
    assert _as(capsys, db, "Dana", "claim", "1")[0] == 0
    code, _, err = _as(capsys, db, "Eve", "claim", "1")
    assert code == 1 and "Ticket #1 is already claimed by Dana." in err
    code, _, err = _as(capsys, db, "Eve", "reply", "1", "Hi, Eve here.")
    assert code == 1 and "Ticket #1 is claimed by Dana." in err
    assert _as(capsys, db, "Dana", "claim", "1")[0] == 0  # hers already: nothing new
    store = Store(db)
    kinds = [e.kind for e in store.support.events(1)]
    store.close()
    assert kinds.count("claimed") == 1 and "reply" not in kinds


def test_answering_an_open_ticket_claims_it_for_the_agent(db, capsys):
    assert _as(capsys, db, "Dana", "reply", "2", "I can help with the QDRO.")[0] == 0
    out = _as(capsys, db, "Dana", "list")[1]
    assert {line.split()[0]: line.split()[1] for line in out.splitlines()[1:]}["2"] == "claimed"
    # closing is not reserved: a colleague may close a finished ticket
    assert _as(capsys, db, "Eve", "resolve", "2")[0] == 0


def test_the_bot_cannot_commit_between_a_terminal_commands_read_and_its_write(db, capsys):
    """``rothbot tickets claim`` reads the ticket, then writes it; the bot's staff loop
    writes the same file. Were the bot's write to commit in between, the terminal's
    write would fail at once with "database is locked" (its read is stale); the bot
    waits for the lock instead (here a connection that does not wait is refused)."""
    terminal = Store(db)
    bot = sqlite3.connect(db, timeout=0, isolation_level=None)  # another process
    with terminal.transaction():
        [ticket] = [t for t in terminal.support.tickets() if t.id == 1]  # the read
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            bot.execute("update ticket_events set delivered_at = 1")  # a staff round
        terminal.support.set_status(ticket.id, "claimed", agent_id=None, agent_name="Dana")
    bot.execute("update ticket_events set delivered_at = 1")  # after the commit it goes in
    bot.close()
    assert Store(db).support.ticket(1).status == "claimed"
    code, _, _ = _run(capsys, db, "reply", "1", "Hello from a terminal.")
    assert code == 0
