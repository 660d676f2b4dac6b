"""In a group, rothbot speaks only when spoken to, and keeps each person's facts apart."""

from __future__ import annotations

import pytest
from botapi_double import BotApiDouble
from telegram_harness import BotRunner, keyboard_data, settle, texts

from bot.telegram_channel import NOT_YOUR_BUTTONS

GROUP = -100123
ALICE, BOB = 11, 12


def say(double: BotApiDouble, text: str, user: int = ALICE, **options: object) -> dict:
    return double.user_says(text, chat_id=GROUP, user_id=user, chat_type="supergroup", **options)


def test_a_group_message_not_addressed_to_the_bot_gets_no_answer(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    say(double, "anyone converted after-tax money this year?")
    say(double, "/facts@some_other_bot")

    assert settle(double, GROUP, user_id=ALICE, chat_type="supergroup") == []
    seen = [text for _, text, _ in scripted_bot.assistant.calls]
    assert not any("anyone" in text or "other_bot" in text for text in seen)


@pytest.mark.parametrize(
    ("text", "core_sees"),
    [
        ("@rothbot_test_bot how much tax?", "how much tax?"),
        ("how much tax, @rothbot_test_bot", "how much tax"),
        ("/facts", "/facts"),
        ("/facts@rothbot_test_bot", "/facts"),
    ],
    ids=["mention first", "mention last", "command", "command with our name"],
)
def test_a_mention_or_command_is_answered_as_a_reply_to_the_asker(
    double: BotApiDouble, scripted_bot: BotRunner, text: str, core_sees: str
) -> None:
    asked = say(double, text)

    [answer] = double.wait_for_messages(GROUP, 1)

    assert answer["text"] == f"telegram:{GROUP}:{ALICE} said: {core_sees}"
    assert answer["reply_to_message"]["message_id"] == asked["message"]["message_id"]


def test_a_reply_to_the_bot_continues_the_conversation(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    say(double, "@rothbot_test_bot hello")
    [answer] = double.wait_for_messages(GROUP, 1)

    say(double, "I am 51", reply_to=answer)

    assert (
        double.wait_for_messages(GROUP, 2)[1]["text"] == f"telegram:{GROUP}:{ALICE} said: I am 51"
    )


def test_two_people_in_one_group_have_separate_conversations(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    say(double, "@rothbot_test_bot I am 51", user=ALICE)
    say(double, "@rothbot_test_bot I am 62", user=BOB)

    messages = double.wait_for_messages(GROUP, 2)

    assert sorted(texts(messages)) == [
        f"telegram:{GROUP}:{ALICE} said: I am 51",
        f"telegram:{GROUP}:{BOB} said: I am 62",
    ]


def test_only_the_asker_can_press_their_buttons(
    double: BotApiDouble, scripted_bot: BotRunner
) -> None:
    say(double, "@rothbot_test_bot still employed?", user=ALICE)
    [question] = double.wait_for_messages(GROUP, 1)
    assert keyboard_data(question) == ["yes", "no"]

    double.press(question, "no", user_id=BOB)
    sent = settle(double, GROUP, user_id=BOB, chat_type="supergroup")

    assert texts(sent) == [f"telegram:{GROUP}:{ALICE} said: still employed?"]
    [answer] = double.calls_to("answerCallbackQuery")
    assert answer.params["text"] == NOT_YOUR_BUTTONS
    assert keyboard_data(double.sent_messages(GROUP)[0]) == ["yes", "no"]  # still there

    double.press(question, "yes", user_id=ALICE)
    messages = double.wait_for_messages(GROUP, 3)
    assert messages[-1]["text"] == f"telegram:{GROUP}:{ALICE} said: yes"
    assert messages[-1]["reply_to_message"]["from"]["id"] == ALICE
