"""Flood control, server errors, timeouts and broken replies: the bot answers and stays up."""

from __future__ import annotations

import logging

import pytest
from botapi_double import BotApiDouble
from telegram_harness import BotRunner, ScriptedAssistant, settle, texts

from bot.telegram_channel import SORRY, PollingErrorLog

RECORDS = pytest.LogCaptureFixture


def statuses(double: BotApiDouble, method: str = "sendMessage") -> list[int]:
    return [call.status for call in double.calls_to(method)]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the library's own, on RetryAfter
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


def test_server_errors_are_retried_with_backoff_and_logged_once(
    double: BotApiDouble, scripted_bot: BotRunner, caplog: RECORDS
) -> None:
    caplog.set_level(logging.WARNING)
    double.fail_next("sendMessage", 502, times=2)
    double.user_says("hello", chat_id=302)

    assert texts(double.wait_for_messages(302, 1)) == ["telegram:302 said: hello"]
    assert statuses(double) == [502, 502, 200]
    warnings = [r for r in caplog.records if "sendMessage failed" in r.getMessage()]
    assert len(warnings) == 1


def test_a_timed_out_send_is_retried(double: BotApiDouble, run_bot) -> None:
    run_bot(ScriptedAssistant, read_timeout=0.3)
    double.fail_next("sendMessage", disconnect=True, delay=0.6)
    double.user_says("hello", chat_id=303)

    assert texts(double.wait_for_messages(303, 1)) == ["telegram:303 said: hello"]
    assert statuses(double) == [0, 200]  # the first request was lost


def test_a_dropped_connection_is_retried(double: BotApiDouble, scripted_bot: BotRunner) -> None:
    double.fail_next("sendMessage", disconnect=True)
    double.user_says("hello", chat_id=304)

    assert texts(double.wait_for_messages(304, 1)) == ["telegram:304 said: hello"]
    assert statuses(double) == [0, 200]


def test_polling_survives_a_failing_get_updates(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    double.fail_next("getUpdates", 500)
    double.user_says("hello", chat_id=305)

    assert texts(double.wait_for_messages(305, 1, timeout=10)) == ["telegram:305 said: hello"]
    assert 500 in statuses(double, "getUpdates")


def test_when_retries_run_out_the_error_is_logged_and_the_bot_carries_on(
    double: BotApiDouble, run_bot, caplog: RECORDS
) -> None:
    caplog.set_level(logging.WARNING)
    run_bot(ScriptedAssistant, network_retries=1)
    double.fail_next("sendMessage", 500, times=4)  # the answer and the apology both fail
    double.user_says("lost", chat_id=306)

    sent = settle(double, 306)

    assert sent == []
    assert statuses(double)[:4] == [500, 500, 500, 500]
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert any("could not handle update" in r.getMessage() for r in errors)


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


def test_polling_errors_are_logged_once_per_quiet_period(caplog: RECORDS) -> None:
    from telegram.error import NetworkError, TimedOut

    caplog.set_level(logging.DEBUG, logger="bot.telegram_channel")
    now = [0.0]
    log_once = PollingErrorLog(quiet_seconds=60, clock=lambda: now[0])
    for seconds in (0, 5, 30, 59):
        now[0] = seconds
        log_once(NetworkError("Bad Gateway"))
    log_once(TimedOut())
    now[0] = 61
    log_once(NetworkError("Bad Gateway"))

    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 3
    assert [w.split("(")[1].split(":")[0] for w in warnings] == [
        "NetworkError",
        "TimedOut",
        "NetworkError",
    ]
