"""Every promised answer arrives, once, in order: a reply that could not be sent stays owed.

The double answers 500 (or 429) to every try of an answer, then recovers. The reply stays
owed in the store; the re-send loop tries again soon after the failure, and a newer
message of the same chat first delivers what is still owed there, so nothing a person was
promised is dropped and nothing arrives out of order.
"""

from __future__ import annotations

import time

from botapi_double import BotApiDouble
from telegram_harness import ScriptedAssistant, settle, texts

FAILED_TRIES = 2  # network_retries=1: the first try and one retry
INTERVAL = 0.2
ARRIVES_WITHIN = 6.0  # seconds: the first retry comes RETRY_SOON (2 s) after a failure


def answer_fails(double: BotApiDouble, chat_id: int, status: int = 500) -> None:
    """Every try of the next message to ``chat_id`` fails; later ones succeed."""
    retry_after = 1 if status == 429 else None
    double.fail_next(
        "sendMessage", status, times=FAILED_TRIES, chat_id=chat_id, retry_after=retry_after
    )


def test_a_reply_that_could_not_be_sent_arrives_once_without_a_new_message(
    double: BotApiDouble, run_bot
) -> None:
    bot = run_bot(ScriptedAssistant, network_retries=1, resend_interval=INTERVAL)
    answer_fails(double, 501)
    double.user_says("hello", chat_id=501)

    messages = double.wait_for_messages(501, 1, timeout=ARRIVES_WITHIN)

    assert texts(messages) == ["telegram:501 said: hello"]
    assert texts(settle(double, 501)) == ["telegram:501 said: hello"]
    assert [said for _, said, _ in bot.assistant.calls].count("hello") == 1  # not run again


def test_after_a_429_window_a_new_message_gets_the_owed_answer_first(
    double: BotApiDouble, run_bot
) -> None:
    run_bot(ScriptedAssistant, rate_limit_retries=1, resend_interval=0)
    answer_fails(double, 502, status=429)
    double.user_says("first", chat_id=502)
    double.wait_for(
        lambda: double.programmed("sendMessage") == 0, what="both tries of the answer to fail"
    )
    time.sleep(1.2)  # the flood-control pause is over

    double.user_says("hello?", chat_id=502)
    messages = double.wait_for_messages(502, 2)

    assert texts(messages) == ["telegram:502 said: first", "telegram:502 said: hello?"]
    assert len(settle(double, 502)) == 2  # nothing repeated afterwards


def test_several_owed_answers_all_arrive_in_order_before_the_newest(
    double: BotApiDouble, run_bot
) -> None:
    run_bot(ScriptedAssistant, network_retries=0, resend_interval=0)
    double.fail_next("sendMessage", 502, times=2, chat_id=503)
    double.user_says("one", chat_id=503)
    double.wait_for(lambda: double.programmed("sendMessage") == 1, what="the first to fail")
    double.user_says("two", chat_id=503)
    double.wait_for(lambda: double.programmed("sendMessage") == 0, what="the second to fail")

    double.user_says("three", chat_id=503)

    assert texts(double.wait_for_messages(503, 3)) == [
        "telegram:503 said: one",
        "telegram:503 said: two",
        "telegram:503 said: three",
    ]


def test_with_the_interval_0_nothing_is_re_sent_while_idle_but_the_next_message_sends_it(
    double: BotApiDouble, run_bot
) -> None:
    run_bot(ScriptedAssistant, network_retries=1, resend_interval=0)
    answer_fails(double, 504)
    update = double.user_says("hello", chat_id=504)
    double.wait_for(lambda: double.programmed("sendMessage") == 0, what="the tries to fail")
    time.sleep(3 * INTERVAL)  # what would have been several rounds
    still = texts(double.sent_messages(504))
    double.push(update)  # a redelivery of the same update runs nothing

    assert still == []
    assert texts(settle(double, 504)) == ["telegram:504 said: hello"]
