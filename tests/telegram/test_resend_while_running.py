"""A reply whose send failed while the bot kept running arrives later, once, in order.

The double answers 500 to every try of the answer (``network_retries=1``: two tries), then
recovers. The bot apologises, and its periodic re-send (every ``resend_interval`` seconds,
shrunk to a fraction of a second here) sends the stored answer: exactly once, in the
chat's turn, so a newer message of the same chat is answered after it, never before.
With the interval 0 nothing is re-sent while running; a redelivery still sends it.
"""

from __future__ import annotations

import time

from botapi_double import BotApiDouble
from telegram_harness import ScriptedAssistant, settle, texts

from bot.telegram_channel import SORRY, SORRY_WILL_RETRY

FAILED_TRIES = 2  # network_retries=1: the first try and one retry
INTERVAL = 0.2
ARRIVES_WITHIN = 3.0  # seconds: many intervals, yet far below the 10-minute window


def answer_fails(double: BotApiDouble, chat_id: int) -> None:
    """Every try of the next message to ``chat_id`` gets a 500; later ones succeed."""
    double.fail_next("sendMessage", 500, times=FAILED_TRIES, chat_id=chat_id)


def test_a_reply_that_could_not_be_sent_arrives_once_after_the_apology(
    double: BotApiDouble, run_bot
) -> None:
    bot = run_bot(ScriptedAssistant, network_retries=1, resend_interval=INTERVAL)
    answer_fails(double, 501)
    double.user_says("hello", chat_id=501)

    messages = double.wait_for_messages(501, 2, timeout=ARRIVES_WITHIN)

    assert texts(messages) == [SORRY_WILL_RETRY, "telegram:501 said: hello"]
    assert texts(settle(double, 501)) == [SORRY_WILL_RETRY, "telegram:501 said: hello"]
    assert [said for _, said, _ in bot.assistant.calls].count("hello") == 1  # not run again


def test_a_newer_message_waits_for_the_re_sent_answer_and_is_answered_after_it(
    double: BotApiDouble, run_bot
) -> None:
    run_bot(ScriptedAssistant, network_retries=1, resend_interval=INTERVAL)
    answer_fails(double, 502)
    double.slow_next("sendMessage", 0.0, chat_id=502)  # the apology, at once
    double.slow_next("sendMessage", 0.8, chat_id=502)  # the re-sent answer, held in flight
    double.user_says("first", chat_id=502)
    double.wait_for(
        lambda: double.programmed("sendMessage") == 0,
        timeout=ARRIVES_WITHIN,
        what="the re-sent answer to reach Telegram",
    )

    double.user_says("second", chat_id=502)  # while the re-send is still in flight
    messages = double.wait_for_messages(502, 3)

    assert texts(messages) == [
        SORRY_WILL_RETRY,
        "telegram:502 said: first",
        "telegram:502 said: second",
    ]
    assert len(settle(double, 502)) == 3  # nothing repeated afterwards


def test_with_the_interval_0_nothing_is_re_sent_while_running_but_a_redelivery_sends_it(
    double: BotApiDouble, run_bot
) -> None:
    run_bot(ScriptedAssistant, network_retries=1, resend_interval=0)
    answer_fails(double, 504)
    update = double.user_says("hello", chat_id=504)

    [apology] = double.wait_for_messages(504, 1)
    time.sleep(3 * INTERVAL)  # what would have been several rounds
    still = texts(double.sent_messages(504))
    double.push(update)

    assert apology["text"] == SORRY  # no promise the bot would not keep
    assert still == [SORRY]
    assert texts(settle(double, 504)) == [SORRY, "telegram:504 said: hello"]
