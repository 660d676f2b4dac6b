"""Small cases a real chat produces: edits, captions, commands with arguments, floods."""

from __future__ import annotations

import logging
import time

import pytest
from botapi_double import BotApiDouble
from telegram_harness import BotRunner, ScriptedAssistant, settle, texts
from test_webhook import free_port

from bot.telegram_channel import TEXT_ONLY


def test_an_edited_message_is_not_answered_again(double: BotApiDouble, run_bot) -> None:
    port = free_port()
    run_bot(
        ScriptedAssistant,
        webhook_url=f"http://127.0.0.1:{port}/telegram",
        port=port,
        secret_token="small-cases-secret-0123",
    )
    deliver = double.deliver_to_webhook
    update = double.user_says("I am 51", chat_id=801, queue=False)
    deliver(update)
    double.wait_for_messages(801, 1)
    edited = {**update["message"], "text": "I am 52", "edit_date": int(time.time())}

    assert deliver({"update_id": update["update_id"] + 1000, "edited_message": edited}) == 200
    assert texts(settle(double, 801, deliver=deliver)) == ["telegram:801 said: I am 51"]


def test_a_photo_caption_is_read_as_the_message(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    update = double.user_says("my statement: 40k after-tax", chat_id=802, queue=False)
    message = update["message"]
    message["caption"] = message.pop("text")
    message["photo"] = [{"file_id": "f1", "file_unique_id": "u1", "width": 9, "height": 9}]
    double.push(update)

    assert texts(double.wait_for_messages(802, 1)) == [
        "telegram:802 said: my statement: 40k after-tax"
    ]


def test_a_photo_without_a_caption_gets_the_text_only_note(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    update = double.user_says("x", chat_id=803, queue=False)
    del update["message"]["text"]
    update["message"]["photo"] = [
        {"file_id": "f1", "file_unique_id": "u1", "width": 9, "height": 9}
    ]
    double.push(update)

    assert texts(double.wait_for_messages(803, 1)) == [TEXT_ONLY]


@pytest.mark.parametrize(
    ("text", "core_sees"),
    [
        ("/start@rothbot_test_bot from-a-link", "/start"),
        ("/start payload", "/start"),
        ("/facts@rothbot_test_bot", "/facts"),
        ("/unknown@rothbot_test_bot some words", "/unknown some words"),
    ],
    ids=["own name and arguments", "deep-link payload", "own name", "not one of ours"],
)
def test_a_command_with_the_bots_name_and_arguments_is_the_command(
    double: BotApiDouble, scripted_bot: BotRunner, text: str, core_sees: str
) -> None:
    double.user_says(text, chat_id=804)

    assert texts(double.wait_for_messages(804, 1)) == [f"telegram:804 said: {core_sees}"]


def test_a_flood_control_episode_logs_one_line_at_its_start_and_one_at_its_end(
    double: BotApiDouble, run_bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    run_bot(ScriptedAssistant, rate_limit_retries=1, network_retries=1, resend_interval=0)
    double.fail_next("sendMessage", 429, retry_after=1, times=20)
    chats = list(range(810, 820))
    for chat in chats:
        double.user_says("hello", chat_id=chat)
    double.wait_for(lambda: double.programmed("sendMessage") == 0, timeout=20, what="20 429s")
    time.sleep(1.2)
    for chat in chats:  # the next message of each chat brings its owed answer first
        double.user_says("again", chat_id=chat)
    for chat in chats:
        double.wait_for_messages(chat, 2, timeout=10)

    ours = [
        r.getMessage()
        for r in caplog.records
        if r.name.startswith("bot.") and r.levelno >= logging.WARNING
    ]
    assert len(ours) == 2, ours
    assert ours[0].startswith("flood control started")
    assert ours[1].startswith("flood control ended")
    assert not any(r.exc_info for r in caplog.records)  # no tracebacks
