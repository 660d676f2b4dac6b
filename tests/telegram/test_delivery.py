"""Crash-safe delivery: an answer committed but never sent arrives once, after a restart.

A "crash" here is the first bot failing to send (the double answers 500 to every try)
and then being stopped; a second bot opens the same SQLite file and sends what is owed
at start. Telegram may also hand the update out again: the stored update id makes that
change nothing. Each scenario checks three things: the person sees the answer exactly
once, the conversation turn ran once (``turns`` in the stored session), and the stored
reply text is gone once it was sent.
"""

from __future__ import annotations

from pathlib import Path

from botapi_double import BotApiDouble
from telegram_harness import (
    BotRunner,
    ScriptedAssistant,
    long_text,
    reference_replies,
    settle,
    texts,
)

from bot.store import Store
from bot.telegram_channel import TelegramConfig
from bot.telegram_channel.formatting import split_message

LOST_SENDS = 2  # two tries of the answer (network_retries=1); no apology is tried


def crash_while_sending(
    double: BotApiDouble,
    run_bot,
    chat_id: int,
    text: str,
    *,
    first_parts_arrive: int = 0,
    core: type | None = ScriptedAssistant,
    **message: object,
) -> tuple[dict, BotRunner]:
    """Run a first bot that commits the turn for ``text`` but cannot send it; stop it.

    Returns the update (to redeliver) and the stopped bot (to count its core's turns).
    ``core=None`` runs the real conversation core; ``message`` holds ``user_says``
    options (user, chat type).
    """
    first = run_bot(core, network_retries=1, resend_interval=0)
    if first_parts_arrive:
        double.slow_next("sendMessage", 0.01, times=first_parts_arrive, chat_id=chat_id)
    double.fail_next("sendMessage", 500, times=LOST_SENDS, chat_id=chat_id)
    update = double.user_says(text, chat_id=chat_id, **message)
    double.wait_for(
        lambda: [c.status for c in double.calls_to("sendMessage")].count(500) == LOST_SENDS,
        what="every try to send the answer and the apology to fail",
    )
    first.stop()
    return update, first


def stored(config: TelegramConfig, key: str, update_id: int) -> tuple[int, dict]:
    """The session's turn count and the update's outbox row, read from the file."""
    store = Store(config.db_path)
    try:
        [row] = store.db.query("select * from outbox where update_id = ?", [update_id])
        return store.load(key).turns, row
    finally:
        store.close()


def turns_for(bot: BotRunner, text: str) -> int:
    return [said for _, said, _ in bot.assistant.calls].count(text)


def test_a_committed_reply_that_was_never_sent_is_waiting_in_the_store(
    double: BotApiDouble, run_bot, config: TelegramConfig
) -> None:
    update, first = crash_while_sending(double, run_bot, 401, "hello")

    turns, row = stored(config, "telegram:401", update["update_id"])

    assert double.sent_messages(401) == []
    assert turns == 1 and turns_for(first, "hello") == 1
    assert row["sent_at"] is None and "telegram:401 said: hello" in row["reply"]


def test_a_reply_left_unsent_is_sent_on_the_next_start_and_not_again_on_redelivery(
    double: BotApiDouble, run_bot, config: TelegramConfig
) -> None:
    update, _ = crash_while_sending(double, run_bot, 403, "hello?")

    second = run_bot(ScriptedAssistant)
    [answer] = double.wait_for_messages(403, 1)
    double.push(update)

    assert answer["text"] == "telegram:403 said: hello?"
    assert answer["reply_markup"]["inline_keyboard"]  # the buttons were kept too
    assert texts(settle(double, 403)) == ["telegram:403 said: hello?"]
    assert turns_for(second, "hello?") == 0
    assert stored(config, "telegram:403", update["update_id"])[1]["reply"] is None


def test_a_long_reply_cut_off_mid_way_resumes_after_the_parts_that_arrived(
    double: BotApiDouble, run_bot
) -> None:
    update, _ = crash_while_sending(double, run_bot, 404, "long", first_parts_arrive=1)
    assert len(double.sent_messages(404)) == 1

    run_bot(ScriptedAssistant)
    double.push(update)
    sent = double.wait_for_messages(404, 3)

    assert "\n\n".join(texts(sent)) == long_text()  # each part once, in order
    assert len(settle(double, 404)) == 3


def test_a_failing_core_is_apologised_for_once_and_not_run_again_on_redelivery(
    double: BotApiDouble, scripted_bot: BotRunner, config: TelegramConfig
) -> None:
    update = double.user_says("boom", chat_id=405)
    double.wait_for_messages(405, 1)
    double.push(update)

    assert len(settle(double, 405)) == 1  # the apology, once
    assert turns_for(scripted_bot, "boom") == 1
    store = Store(config.db_path)
    try:
        assert store.load("telegram:405").turns == 1  # the marker's: the failed turn rolled back
        [row] = store.db.query("select * from inbox where update_id = ?", [update["update_id"]])
        assert row["payload"] is None and row["done_at"] is not None
    finally:
        store.close()


def test_with_the_real_core_the_lost_answer_arrives_once_and_the_turn_counts_once(
    double: BotApiDouble, run_bot, config: TelegramConfig, tmp_path: Path
) -> None:
    text = "I'm 51 and have $30,000 of after-tax money in my 401(k)"
    expected = reference_replies(tmp_path, "telegram:406", [text, "/facts"])
    answer, facts = (split_message(reply.text) for reply in expected)
    update, _ = crash_while_sending(double, run_bot, 406, text, core=None)

    run_bot()
    double.push(update)
    double.push(update)  # twice: the second must change nothing
    double.user_says("/facts", chat_id=406)  # answered after both, in chat order
    sent = double.wait_for_messages(406, len(answer) + len(facts))

    assert texts(sent) == answer + facts  # nothing repeated, nothing in between
    turns, _ = stored(config, "telegram:406", update["update_id"])
    assert turns == 2  # the question once, then /facts
    store = Store(config.db_path)
    try:
        assert store.load("telegram:406").facts == expected[1].facts
    finally:
        store.close()


def test_a_chat_that_blocked_the_bot_makes_the_start_give_its_reply_up(
    double: BotApiDouble, run_bot, config: TelegramConfig
) -> None:
    update, _ = crash_while_sending(double, run_bot, 407, "hello")
    double.fail_next(
        "sendMessage", 403, description="Forbidden: bot was blocked by the user", chat_id=407
    )

    run_bot(ScriptedAssistant)  # starts all the same
    double.push(update)

    assert settle(double, 407) == []  # given up for good, also on redelivery
    _, row = stored(config, "telegram:407", update["update_id"])
    assert row["reply"] is None and row["sent_at"] is not None


def test_when_sending_fails_at_start_the_reply_stays_owed_for_the_next_message(
    double: BotApiDouble, run_bot
) -> None:
    update, _ = crash_while_sending(double, run_bot, 408, "hello")
    double.fail_next("sendMessage", 500, times=2, chat_id=408)  # both tries at start

    run_bot(ScriptedAssistant, network_retries=1, resend_interval=0)
    double.wait_for(lambda: double.programmed("sendMessage") == 0, what="the tries at start")
    double.push(update)

    assert texts(settle(double, 408)) == ["telegram:408 said: hello"]


def test_in_a_group_the_reply_sent_on_start_still_answers_the_askers_message(
    double: BotApiDouble, run_bot
) -> None:
    group, alice = -100409, 21
    asker = {"user_id": alice, "chat_type": "supergroup"}
    update, _ = crash_while_sending(double, run_bot, group, "/facts", **asker)

    run_bot(ScriptedAssistant)
    [answer] = double.wait_for_messages(group, 1)

    assert answer["text"] == f"telegram:{group}:{alice} said: /facts"
    assert answer["reply_to_message"]["message_id"] == update["message"]["message_id"]
    assert len(settle(double, group, **asker)) == 1
