"""Flood control, server errors, timeouts and broken replies: the bot answers and stays up."""

from __future__ import annotations

import logging

import pytest
from botapi_double import BotApiDouble
from telegram_harness import BotRunner, ScriptedAssistant, settle, texts

from bot.telegram_channel import SORRY, TelegramConfig
from bot.telegram_channel.limits import Episodes

RECORDS = pytest.LogCaptureFixture


def statuses(double: BotApiDouble, method: str = "sendMessage") -> list[int]:
    return [call.status for call in double.calls_to(method)]


def test_flood_control_429_waits_retry_after_then_sends_once(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    double.fail_next("sendMessage", 429, retry_after=1)
    double.user_says("hello", chat_id=301)

    [message] = double.wait_for_messages(301, 1, timeout=10)

    assert message["text"] == "telegram:301 said: hello"
    assert statuses(double) == [429, 200]
    first, second = double.calls_to("sendMessage")
    assert second.at - first.at >= 1.0


def test_server_errors_are_retried_with_backoff_and_logged_at_start_and_end(
    double: BotApiDouble, scripted_bot: BotRunner, caplog: RECORDS
) -> None:
    caplog.set_level(logging.WARNING)
    double.fail_next("sendMessage", 502, times=2)
    double.user_says("hello", chat_id=302)

    assert texts(settle(double, 302)) == ["telegram:302 said: hello"]
    assert statuses(double)[:3] == [502, 502, 200]
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("bot.")]
    assert len(lines) == 2, lines
    assert "Telegram errors started" in lines[0] and "Telegram errors ended" in lines[1]


def test_a_7_second_send_is_delivered_once_while_other_chats_carry_on(
    double: BotApiDouble, run_bot
) -> None:
    """Issue 12: a 7 s sendMessage was retried after the library's 5 s and shown twice."""
    bot = run_bot(ScriptedAssistant)
    assert bot.config.send_timeout == TelegramConfig(token="t").send_timeout  # production's
    double.slow_next("sendMessage", 7.0, chat_id=303)
    double.user_says("hello", chat_id=303)
    double.wait_for(lambda: double.programmed("sendMessage") == 0, what="the slow send")

    double.user_says("meanwhile", chat_id=310)
    assert texts(double.wait_for_messages(310, 1)) == ["telegram:310 said: meanwhile"]
    assert double.sent_messages(303) == []  # still on its way: nothing else waited for it
    assert texts(settle(double, 303, timeout=15)) == ["telegram:303 said: hello"]
    double.wait_for(lambda: double.in_flight("sendMessage") == 0, timeout=10, what="all sends")
    assert texts(double.sent_messages(303))[:1] == ["telegram:303 said: hello"]
    assert [c.status for c in double.calls_to("sendMessage") if c.params["chat_id"] == "303"] == [
        200,
        200,
    ]  # the answer once, then settle's marker: never tried a second time


def test_a_send_that_timed_out_is_not_repeated(double: BotApiDouble, run_bot) -> None:
    """It may have arrived: at most once (deploy/README.md says so)."""
    # The timeout of every request (getMe at start too): 2 s leaves a busy machine room.
    run_bot(ScriptedAssistant, send_timeout=2.0)
    double.slow_next("sendMessage", 60)  # Telegram holds the answer past the timeout ...
    double.user_says("hello", chat_id=309)

    assert settle(double, 309, timeout=15) == []  # the bot gave up on it and went on
    double.release_slowed()  # ... and then delivers it
    double.wait_for_messages(309, 2)

    assert texts(double.sent_messages(309))[1] == "telegram:309 said: hello"
    assert len(double.calls_to("sendMessage")) == 2  # the answer once, and settle's marker


def test_a_connection_dropped_after_the_request_is_not_retried(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    double.fail_next("sendMessage", disconnect=True)
    double.user_says("hello", chat_id=304)

    assert settle(double, 304) == []  # lost rather than risk showing it twice
    assert statuses(double)[0] == 0


def test_polling_survives_a_failing_get_updates(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    double.fail_next("getUpdates", 500)
    double.user_says("hello", chat_id=305)

    assert texts(double.wait_for_messages(305, 1, timeout=10)) == ["telegram:305 said: hello"]
    assert 500 in statuses(double, "getUpdates")


def test_when_retries_run_out_the_reply_stays_owed_and_the_bot_carries_on(
    double: BotApiDouble, run_bot, caplog: RECORDS
) -> None:
    caplog.set_level(logging.WARNING)
    run_bot(ScriptedAssistant, network_retries=1, resend_interval=0)
    double.fail_next("sendMessage", 500, times=2)
    double.user_says("lost?", chat_id=306)
    double.wait_for(lambda: double.programmed("sendMessage") == 0, what="both tries to fail")

    sent = settle(double, 306)

    assert texts(sent) == ["telegram:306 said: lost?"]  # owed, then sent before the marker
    assert statuses(double)[:3] == [500, 500, 200]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_html_telegram_cannot_parse_is_resent_as_plain_text(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    double.fail_next(
        "sendMessage",
        400,
        description="Bad Request: can't parse entities: Unsupported start tag at byte offset 0",
    )
    double.user_says("a < b & c", chat_id=307)

    [message] = double.wait_for_messages(307, 1)

    assert message["text"] == "telegram:307 said: a < b & c"
    assert message["parse_mode"] is None
    assert statuses(double) == [400, 200]


def test_a_failing_core_gets_an_apology_and_a_logged_traceback(
    double: BotApiDouble, scripted_bot: BotRunner, caplog: RECORDS
) -> None:
    caplog.set_level(logging.ERROR)
    double.user_says("boom", chat_id=308)
    double.user_says("still there?", chat_id=308)

    messages = double.wait_for_messages(308, 2)

    assert texts(messages) == [SORRY, "telegram:308 said: still there?"]
    [error] = [r for r in caplog.records if "could not handle update" in r.getMessage()]
    assert "the core failed on purpose" in caplog.text
    assert error.exc_info is not None or "Traceback" in caplog.text


def test_an_outage_is_logged_once_when_it_starts_and_once_when_it_ends(
    caplog: RECORDS,
) -> None:
    caplog.set_level(logging.DEBUG, logger="bot.telegram_channel")
    now = [0.0]
    episodes = Episodes(clock=lambda: now[0])
    for seconds in range(20):
        now[0] = seconds
        episodes.trouble("flood control", "sendMessage: retry after 5 s")
    episodes.recovered()
    episodes.recovered()

    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2
    assert "flood control started" in warnings[0]
    assert "ended after 19.0 s (20 failed tries" in warnings[1]
