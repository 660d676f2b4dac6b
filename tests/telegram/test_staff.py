"""The support team in Telegram: a user's handoff reaches the staff group, agents work it.

The real bot (real conversation core, real store) polls the Bot API double; the staff
group is chat ``STAFF``, the one agent is user ``AGENT``. The staff loop's periodic check
is an hour here, so everything below happens on the event, not on a timer; only what
another process writes (a terminal) waits for the check.
"""

from __future__ import annotations

import pytest
from botapi_double import BotApiDouble
from telegram_harness import keyboard_data

from bot.cli import main
from bot.telegram_channel.staff import NOT_AN_AGENT

STAFF = -1001
AGENT = 7
OUTSIDER = 8
USER = 51
QUESTION = (
    "I am 58 and left my job in 2025. I have 60k of after-tax contributions and 15k of "
    "earnings in my 401k at Vanguard. How do I get it into a Roth?"
)


@pytest.fixture
def staff_bot(run_bot):
    return run_bot(support_chat_id=STAFF, agent_ids=frozenset({AGENT}), staff_interval=3600)


def _staff_says(double: BotApiDouble, text: str, user: int = AGENT) -> None:
    double.user_says(text, chat_id=STAFF, user_id=user, chat_type="supergroup")


def _wait_text(double: BotApiDouble, chat_id: int, wanted: str, timeout: float = 40.0) -> dict:
    """The first message the bot sent to ``chat_id`` containing ``wanted``."""
    return double.wait_for(
        lambda: next((m for m in double.sent_messages(chat_id) if wanted in m["text"]), None),
        timeout=timeout,
        what=f"{wanted!r} in chat {chat_id}",
    )


def _count(double: BotApiDouble, chat_id: int, wanted: str) -> int:
    return sum(wanted in m["text"] for m in double.sent_messages(chat_id))


def test_a_handoff_goes_to_the_staff_group_and_the_agents_answer_reaches_the_user(
    double: BotApiDouble, staff_bot
) -> None:
    _staff_says(double, "/queue")
    _wait_text(double, STAFF, "No open tickets.")

    double.user_says(QUESTION, chat_id=USER)
    double.wait_for_messages(USER, 1, timeout=40)
    double.user_says("can I talk to a real person?", chat_id=USER)
    told = _wait_text(double, USER, "ticket #1")
    assert "answer here" in told["text"]

    post = _wait_text(double, STAFF, "New ticket #1: asked for a person")
    assert QUESTION in post["text"]  # the question in the user's words
    assert "after_tax_contributions 60000" in post["text"]
    assert "Engine: " in post["text"]
    assert keyboard_data(post) == ["staff:claim:1", "staff:resolve:1"]

    double.user_says("The check from the plan came yesterday.", chat_id=USER)  # not claimed yet
    before = _wait_text(double, STAFF, "Ticket #1, the user writes:")
    assert "The check from the plan came yesterday." in before["text"]
    assert before["reply_to_message"]["message_id"] == post["message_id"]

    double.press(post, "staff:claim:1", user_id=AGENT)
    _wait_text(double, STAFF, "Ticket #1 is claimed by User7")
    _wait_text(double, USER, "User7 from the support team has picked up ticket #1")

    double.user_says("It is a Vanguard plan, if that matters", chat_id=USER)
    forwarded = _wait_text(double, STAFF, "the user writes for User7")
    assert "It is a Vanguard plan, if that matters" in forwarded["text"]
    assert forwarded["reply_to_message"]["message_id"] == post["message_id"]  # its thread

    _staff_says(double, "/reply 1 Hello, I can help with the Vanguard paperwork.")
    answer = _wait_text(double, USER, "Message from a person, ticket #1")
    assert "User7 (a person on the support team) writes" in answer["text"]
    assert "I can help with the Vanguard paperwork." in answer["text"]
    _wait_text(double, STAFF, "Sent to the user on ticket #1.")

    _staff_says(double, "/resolve 1")
    _wait_text(double, USER, "Ticket #1 is closed")
    _wait_text(double, STAFF, "Ticket #1 is resolved.")
    _staff_says(double, "/queue")
    double.wait_for(lambda: _count(double, STAFF, "No open tickets.") == 2, timeout=30)


def test_someone_not_listed_is_refused_every_staff_command(double: BotApiDouble, staff_bot) -> None:
    _staff_says(double, "/queue")  # an agent, so the group is known to the double
    _wait_text(double, STAFF, "No open tickets.")
    double.user_says("/human", chat_id=USER)
    _wait_text(double, USER, "ticket #1")
    post = _wait_text(double, STAFF, "New ticket #1")
    for command in ("/queue", "/claim 1", "/reply 1 hi there", "/resolve 1"):
        _staff_says(double, command, user=OUTSIDER)
    double.wait_for(lambda: _count(double, STAFF, NOT_AN_AGENT) == 4, timeout=30)
    double.press(post, "staff:claim:1", user_id=OUTSIDER)
    double.press(post, "staff:resolve:1", user_id=OUTSIDER)
    double.wait_for(lambda: len(double.answered_queries()) == 2, timeout=30)

    store = staff_bot.assistant.store
    [ticket] = store.support.tickets()
    assert ticket.status == "open" and ticket.agent_id is None
    assert [e.kind for e in store.support.events(ticket.id)] == ["opened"]
    assert _count(double, USER, "Message from a person") == 0


def test_staff_commands_do_nothing_outside_the_staff_group(double: BotApiDouble, staff_bot) -> None:
    double.user_says("/human", chat_id=USER)
    _wait_text(double, USER, "ticket #1")
    before = len(double.sent_messages(USER))
    for command in ("/queue", "/claim 1", "/reply 1 hi", "/resolve 1"):
        double.user_says(command, chat_id=USER)
    double.user_says("/facts", chat_id=USER)  # answered after the four, in order
    double.wait_for_messages(USER, before + 1, timeout=40)
    assert len(double.sent_messages(USER)) == before + 1
    [ticket] = staff_bot.assistant.store.support.tickets()
    assert ticket.status == "open"


def test_two_requests_from_one_conversation_make_one_ticket(
    double: BotApiDouble, staff_bot
) -> None:
    _staff_says(double, "/queue")
    _wait_text(double, STAFF, "No open tickets.")
    double.user_says("/human", chat_id=USER)
    _wait_text(double, STAFF, "New ticket #1")
    double.user_says("speak to someone please", chat_id=USER)
    again = _wait_text(double, USER, "You already have a request for a person open (ticket #1)")
    assert "added this to it" in again["text"]
    _wait_text(double, STAFF, "Ticket #1: the user asked for a person again")
    assert _count(double, STAFF, "New ticket") == 1
    [ticket] = staff_bot.assistant.store.support.tickets()
    assert ticket.requests == 2


def test_a_claim_reply_and_resolve_typed_in_a_terminal_reach_the_telegram_user(
    double: BotApiDouble, run_bot
) -> None:
    bot = run_bot(support_chat_id=STAFF, agent_ids=frozenset({AGENT}), staff_interval=0.2)
    _staff_says(double, "/queue")
    _wait_text(double, STAFF, "No open tickets.")
    double.user_says("/human", chat_id=USER)
    _wait_text(double, STAFF, "New ticket #1")
    db = str(bot.assistant.store.path)
    for action in (["claim", "1"], ["reply", "1", "Hello", "from", "a", "terminal."]):
        assert main(["tickets", *action, "--db", db, "--agent", "Dana"]) == 0
    answer = _wait_text(double, USER, "Message from a person, ticket #1")
    assert "Dana (a person on the support team) writes:\n\nHello from a terminal." in answer["text"]
    assert main(["tickets", "resolve", "1", "--db", db, "--agent", "Dana"]) == 0
    _wait_text(double, USER, "Ticket #1 is closed")
    told = [m["text"] for m in double.sent_messages(USER)]
    picked = told.index(next(t for t in told if "Dana from the support team has picked up" in t))
    assert picked < told.index(answer["text"]) < len(told) - 1  # in the order done
    assert sum("Ticket #1 is closed" in t for t in told) == 1
