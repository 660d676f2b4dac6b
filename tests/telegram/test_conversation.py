"""Talking to rothbot on Telegram: the real bot, polling a Bot API double over HTTP."""

from __future__ import annotations

from pathlib import Path

from botapi_double import BotApiDouble
from telegram_harness import (
    BotRunner,
    ScriptedAssistant,
    keyboard_data,
    long_text,
    reference_replies,
    settle,
    texts,
)

from bot.store import Store
from bot.telegram_channel import COMMANDS, TelegramConfig
from bot.telegram_channel.formatting import (
    MESSAGE_LIMIT,
    split_message,
    telegram_length,
    valid_callback_data,
)


def test_the_command_menu_is_registered_at_startup(double: BotApiDouble, run_bot) -> None:
    run_bot()
    assert [c["command"] for c in double.commands] == [
        "start",
        "help",
        "facts",
        "why",
        "reset",
        "forget",
        "human",
        "chart",
    ]
    assert [c["command"] for c in double.commands] == [name for name, _ in COMMANDS]


def test_the_seed_question_gets_the_cores_answer_as_html(
    double: BotApiDouble, run_bot, seed_question: str, tmp_path: Path
) -> None:
    run_bot()
    # The reference first: reading the same text on two threads at once is not what
    # this test is about (the bot reads on one core thread only).
    [expected] = reference_replies(tmp_path, "telegram:51", [seed_question])
    double.user_says(seed_question, chat_id=51)
    chunks = split_message(expected.text)

    messages = double.wait_for_messages(51, len(chunks))

    assert texts(messages) == chunks
    assert all(m["parse_mode"] == "HTML" for m in messages)
    assert keyboard_data(messages[-1]) == [
        c.data for c in expected.choices if valid_callback_data(c.data)
    ]


def test_a_slow_turn_shows_typing_before_the_answer(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    double.user_says("hold", chat_id=52)  # the turn lasts until the test lets it go on
    double.wait_for(lambda: double.calls_to("sendChatAction"), what="typing during the turn")
    scripted_bot.assistant.go_on.set()
    double.wait_for_messages(52, 1)

    methods = [c.method for c in double.calls if c.params.get("chat_id") == "52"]
    assert methods[:2] == ["sendChatAction", "sendMessage"]
    assert double.calls_to("sendChatAction")[0].params["action"] == "typing"


def test_typing_takes_none_of_the_turns_time(double: BotApiDouble, scripted_bot: BotRunner) -> None:
    double.slow_next("sendChatAction", 60.0, times=5)  # typing actions that hang
    double.user_says("hold", chat_id=54)
    double.wait_for(lambda: double.in_flight("sendChatAction"), what="typing on the wire")
    scripted_bot.assistant.go_on.set()

    double.wait_for_messages(54, 1)

    assert double.in_flight("sendChatAction") == 1  # the answer did not wait for it


def test_the_core_runs_off_the_event_loop_thread(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    double.user_says("hello", chat_id=53)
    double.wait_for_messages(53, 1)
    [(_, _, thread)] = scripted_bot.assistant.calls
    assert thread.startswith("rothbot-core")


def test_a_button_press_is_answered_and_sent_on_as_the_users_text(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    double.user_says("Are you still employed?", chat_id=71)
    [question] = double.wait_for_messages(71, 1)
    assert keyboard_data(question) == ["yes", "no"]

    press = double.press(question, "yes")
    messages = double.wait_for_messages(71, 2)

    assert messages[1]["text"] == "telegram:71 said: yes"
    assert double.answered_queries() == [press["callback_query"]["id"]]
    assert keyboard_data(messages[0]) == []  # the pressed keyboard is gone


def test_pressing_a_button_the_core_offered_continues_the_conversation(
    double: BotApiDouble, run_bot, seed_question: str, tmp_path: Path
) -> None:
    run_bot()
    [first] = reference_replies(tmp_path, "telegram:54", [seed_question])
    assert first.choices, "the core offers no buttons after the seed question"
    double.user_says(seed_question, chat_id=54)
    asked = double.wait_for_messages(54, len(split_message(first.text)))
    choice = first.choices[0]

    press = double.press(asked[-1], choice.data)

    expected = reference_replies(tmp_path, "telegram:54", [seed_question, choice.data])[1]
    messages = double.wait_for_messages(54, len(asked) + len(split_message(expected.text)))
    assert texts(messages[len(asked) :]) == split_message(expected.text)
    assert double.answered_queries() == [press["callback_query"]["id"]]


def test_a_double_tap_is_answered_twice_but_handled_once(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    double.user_says("Are you still employed?", chat_id=72)
    [question] = double.wait_for_messages(72, 1)

    first, second = double.press(question, "yes"), double.press(question, "no")
    sent = settle(double, 72)

    assert texts(sent) == ["telegram:72 said: Are you still employed?", "telegram:72 said: yes"]
    assert sorted(double.answered_queries()) == sorted(
        [first["callback_query"]["id"], second["callback_query"]["id"]]
    )
    edits = double.calls_to("editMessageReplyMarkup")
    assert [call.status for call in edits] == [200]  # no "message is not modified"


def test_two_chats_are_served_at_once(double: BotApiDouble, scripted_bot: BotRunner) -> None:
    double.slow_next("sendMessage", 60, chat_id=81)  # until released below
    double.user_says("first from A", chat_id=81)
    double.wait_for(lambda: double.in_flight("sendMessage"), what="A's answer on its way")
    double.user_says("first from B", chat_id=82)

    double.wait_for_messages(82, 1)  # B was not held up by A's slow send ...
    assert double.sent_messages(81) == []  # ... which is still on its way
    double.release_slowed()
    double.wait_for_messages(81, 1)

    delivered = [c.params["chat_id"] for c in double.calls_to("sendMessage")]
    assert delivered == ["82", "81"]


def test_one_chats_messages_are_answered_in_order_even_when_a_send_is_slow(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    double.slow_next("sendMessage", 0.4, chat_id=91)
    for text in ("one", "two", "three"):
        double.user_says(text, chat_id=91)

    messages = double.wait_for_messages(91, 3)

    assert texts(messages) == [f"telegram:91 said: {t}" for t in ("one", "two", "three")]


def test_many_chats_interleaved_each_keep_their_order(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    chats = range(201, 211)
    for round_ in ("first", "second"):
        for chat in chats:
            double.user_says(f"{round_} from {chat}", chat_id=chat)

    for chat in chats:
        messages = double.wait_for_messages(chat, 2, timeout=10)
        assert texts(messages) == [
            f"telegram:{chat} said: first from {chat}",
            f"telegram:{chat} said: second from {chat}",
        ]


def test_a_duplicate_update_is_answered_once(double: BotApiDouble, scripted_bot: BotRunner) -> None:
    update = double.user_says("only once", chat_id=101, queue=False)
    double.push(update, update)

    assert texts(settle(double, 101)) == ["telegram:101 said: only once"]
    assert [text for _, text, _ in scripted_bot.assistant.calls].count("only once") == 1


def test_an_update_redelivered_after_a_restart_is_not_answered_again(
    double: BotApiDouble, run_bot
) -> None:
    first = run_bot(ScriptedAssistant)
    update = double.user_says("before the crash", chat_id=102)
    double.wait_for_messages(102, 1)
    first.stop()

    run_bot(ScriptedAssistant)
    double.push(update)  # Telegram sends it again: the crash came before the offset moved

    assert texts(settle(double, 102)) == ["telegram:102 said: before the crash"]


def test_a_restart_mid_conversation_loses_nothing(
    double: BotApiDouble,
    run_bot,
    config: TelegramConfig,
    seed_question: str,
    tmp_path: Path,
) -> None:
    first = run_bot()
    expected = reference_replies(tmp_path, "telegram:61", [seed_question, "/facts"])
    double.user_says(seed_question, chat_id=61)
    before = double.wait_for_messages(61, len(split_message(expected[0].text)))
    first.stop()

    run_bot()
    double.user_says("/facts", chat_id=61)
    after = double.wait_for_messages(61, len(before) + len(split_message(expected[1].text)))

    # The second bot answers exactly as one uninterrupted conversation would ...
    assert texts(after[len(before) :]) == split_message(expected[1].text)
    [fresh] = reference_replies(tmp_path, "telegram:61", ["/facts"])
    assert expected[1].text != fresh.text  # (which differs from knowing nothing)
    # ... because the session it loaded holds the turn the first bot handled.
    store = Store(config.db_path)
    try:
        session = store.load("telegram:61")
    finally:
        store.close()
    assert session.turns == 2
    assert session.facts == expected[1].facts


def test_a_10000_character_reply_arrives_whole_in_order_with_buttons_last(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    double.user_says("long", chat_id=111)

    sent = settle(double, 111)

    assert len(sent) == 3
    assert all(telegram_length(m["text"]) <= MESSAGE_LIMIT for m in sent)
    assert "\n\n".join(texts(sent)) == long_text()
    assert [keyboard_data(m) for m in sent] == [[], [], ["more"]]


def test_html_in_the_users_text_is_shown_literally(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    text = 'I have <b>40k</b> & "AT&T" stock <script>alert(1)</script>'
    double.user_says(text, chat_id=121)

    [message] = double.wait_for_messages(121, 1)

    assert message["text"] == f"telegram:121 said: {text}"
    assert message["parse_mode"] == "HTML"
    assert [c.status for c in double.calls_to("sendMessage")] == [200]  # parsed first time


def test_html_in_a_question_to_the_real_core_is_answered(
    double: BotApiDouble, run_bot, tmp_path: Path
) -> None:
    run_bot()
    text = "I'm 51 & have <30k> after-tax in my 401(k) <b>at TROWE</b>"
    [expected] = reference_replies(tmp_path, "telegram:122", [text])
    double.user_says(text, chat_id=122)

    messages = double.wait_for_messages(122, len(split_message(expected.text)))

    assert texts(messages) == split_message(expected.text)
    assert all(c.status == 200 for c in double.calls_to("sendMessage"))


def test_a_private_message_without_text_gets_a_hint(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    update = double.user_says("placeholder", chat_id=123, queue=False)
    message = update["message"]
    del message["text"]
    message["location"] = {"latitude": 52.5, "longitude": 13.4}
    double.push(update)

    [hint] = double.wait_for_messages(123, 1)

    assert "only read text" in hint["text"]
    assert scripted_bot.assistant.calls == []
