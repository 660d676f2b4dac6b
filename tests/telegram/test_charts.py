"""Charts in Telegram: a "Show chart" button under a private answer and a /chart command
send the two pictures as photos through the Bot API double; a group never gets a button
it did not ask for, and facts that fall short get one sentence saying what is missing."""

from __future__ import annotations

import time
from datetime import date

import pytest
from botapi_double import BotApiDouble
from telegram_harness import keyboard_data

from bot.charts.data import NEEDS, chart_data
from bot.charts.render import render
from bot.reply import Choice, Reply
from bot.session import CONFIRM_FORGET, Session
from bot.telegram_channel.charts import CHART_DATA, with_chart_button

QUESTION = "I am 51 and have 30k of after-tax contributions and 10k of earnings in my 401k"
FACTS = {"age": 51, "after_tax_contributions": 30000, "after_tax_earnings": 10000}
GROUP, ALICE = -100777, 31


def _png_size(image: bytes) -> tuple[int, int]:
    return int.from_bytes(image[16:20], "big"), int.from_bytes(image[20:24], "big")


def test_show_chart_under_a_private_answer_sends_both_pictures(
    double: BotApiDouble, run_bot
) -> None:
    run_bot()
    double.user_says("/chart", chat_id=82)  # someone else, with no facts yet
    double.user_says(QUESTION, chat_id=81)
    answer = double.wait_for_messages(81, 1, timeout=30)[-1]
    assert CHART_DATA in keyboard_data(answer)
    press = double.press(answer, CHART_DATA)

    photos = double.wait_for(
        lambda: len(p := double.sent_photos(81)) >= 2 and p, timeout=30, what="two photos"
    )
    assert [_png_size(p["bytes"]) for p in photos] == [(1024, 1280), (1024, 1280)]
    assert photos[0]["caption"].startswith("When each dollar is tax-free")
    assert photos[1]["caption"].startswith("What each route leaves at 59½")
    assert press["callback_query"]["id"] in double.answered_queries()
    # the pictures are the ones `rothbot chart` draws for the same facts
    data = chart_data(FACTS, today=date.today())
    assert photos[0]["bytes"] == render(data, "timeline", "png")
    assert photos[1]["bytes"] == render(data, "routes", "png")
    # the answer keeps its other buttons: showing a chart answers nothing
    assert not double.calls_to("editMessageReplyMarkup")

    [message] = double.wait_for_messages(82, 1)
    assert message["text"] == NEEDS
    assert double.sent_photos(82) == []


def test_in_a_group_no_button_is_offered_and_chart_answers_the_asker(
    double: BotApiDouble, run_bot
) -> None:
    run_bot()
    username = double.bot_user["username"]
    double.user_says(
        f"@{username} {QUESTION}", chat_id=GROUP, user_id=ALICE, chat_type="supergroup"
    )
    answer = double.wait_for_messages(GROUP, 1, timeout=30)[-1]
    assert CHART_DATA not in keyboard_data(answer)

    asked = double.user_says(
        f"/chart@{username}", chat_id=GROUP, user_id=ALICE, chat_type="supergroup"
    )
    photos = double.wait_for(
        lambda: len(p := double.sent_photos(GROUP)) >= 2 and p, timeout=30, what="two photos"
    )
    assert {p["reply_to"] for p in photos} == {asked["message"]["message_id"]}


def _core(text_facts: dict, *, pending: str | None = None, action: str | None = None):
    def respond(session, text, **_):
        session.pending = pending
        return Reply("answer", (Choice("Yes", "yes"),), dict(text_facts), action=action)

    return with_chart_button(respond)


@pytest.mark.parametrize(
    ("key", "facts", "pending", "action", "button"),
    [
        ("telegram:5", FACTS, None, None, True),
        ("telegram:-100:5", FACTS, None, None, False),  # a group: never unasked
        ("telegram:5", {"age": 51}, None, None, False),  # nothing to chart yet
        ("telegram:5", FACTS, CONFIRM_FORGET, None, False),  # "erase everything?"
        ("telegram:5", FACTS, None, "handoff", False),
    ],
    ids=["private answer", "group", "too few facts", "erase confirmation", "handoff"],
)
def test_which_replies_carry_the_show_chart_button(key, facts, pending, action, button):
    reply = _core(facts, pending=pending, action=action)(Session(key=key), "hi", today=None)
    assert reply.choices[0] == Choice("Yes", "yes")  # the core's own buttons come first
    assert (Choice("Show chart", CHART_DATA) in reply.choices) is button


def test_a_chart_asked_for_during_an_outage_is_owed_and_comes_after_the_answer_once(
    double: BotApiDouble, run_bot
) -> None:
    """The pictures are the reply to /chart, kept in the outbox like any answer: owed
    through a failure, sent after what the chat was owed before, never twice."""
    bot = run_bot(resend_interval=30)
    double.fail_for("sendMessage", 502, 600)  # until both replies are owed (ended below)
    double.fail_for("sendPhoto", 502, 600)
    double.user_says(QUESTION, chat_id=84)  # its answer fails first ...
    double.user_says("/chart", chat_id=84)  # ... and the pictures after it
    double.wait_for(
        lambda: len(bot.assistant.store.owed("84")) == 2, timeout=40, what="both replies owed"
    )
    double.end_outage("sendMessage", "sendPhoto")

    double.wait_for(lambda: len(double.sent_photos(84)) >= 2, timeout=40, what="two photos")
    time.sleep(1)  # a repeat would come now

    delivered = [
        c.method
        for c in double.calls
        if c.status == 200
        and c.params.get("chat_id") == "84"
        and c.method in ("sendMessage", "sendPhoto")
    ]
    assert delivered == ["sendMessage", "sendPhoto", "sendPhoto"]
    failed = [c for c in double.calls if c.status == 502 and c.params.get("chat_id") == "84"]
    assert failed  # the outage did hit them
    photos = double.sent_photos(84)
    assert photos[0]["caption"].startswith("When each dollar is tax-free")
    assert photos[1]["caption"].startswith("What each route leaves at 59½")
