"""In a group the bot answers only when addressed; each person keeps their own conversation."""

from __future__ import annotations

import pytest

from bot.telegram_channel.addressing import addressed_text, conversation_key

BOT = "rothbot_test_bot"


@pytest.mark.parametrize(
    ("text", "chat_type", "mentions", "replying", "expected"),
    [
        ("how much tax?", "private", [], False, "how much tax?"),
        ("/facts", "private", [], False, "/facts"),
        ("/facts@rothbot_test_bot", "private", [], False, "/facts"),
        ("hello everyone", "group", [], False, None),
        ("hello everyone", "supergroup", ["@someone_else"], False, None),
        ("/why", "group", [], False, "/why"),
        ("/why@rothbot_test_bot", "group", [], False, "/why"),
        ("/why@ROTHBOT_TEST_BOT please", "group", [], False, "/why please"),
        ("/why@other_bot", "group", [], False, None),
        ("/why@other_bot", "private", [], False, None),
        ("@rothbot_test_bot I am 51", "group", ["@rothbot_test_bot"], False, "I am 51"),
        ("I am 51, @Rothbot_Test_Bot", "group", ["@Rothbot_Test_Bot"], False, "I am 51"),
        ("@rothbot_test_bot", "group", ["@rothbot_test_bot"], False, "/start"),
        ("yes, 52", "group", [], True, "yes, 52"),
        ("mail me at x@rothbot_test_bot.org", "group", [], False, None),
    ],
    ids=[
        "private text",
        "private command",
        "private command with our name",
        "group chatter",
        "group mention of someone else",
        "group command",
        "group command with our name",
        "name matched without case, arguments kept",
        "command for another bot",
        "command for another bot, even in private",
        "mention first",
        "mention last",
        "bare mention greets",
        "reply to the bot",
        "address-like text is not a mention",
    ],
)
def test_who_the_message_is_for(
    text: str, chat_type: str, mentions: list[str], replying: bool, expected: str | None
) -> None:
    got = addressed_text(
        text,
        chat_type=chat_type,
        bot_username=BOT,
        mentions=mentions,
        replying_to_bot=replying,
    )
    assert got == expected


def test_a_private_chat_is_one_conversation() -> None:
    assert conversation_key(42, "private", 42) == "telegram:42"


def test_two_people_in_one_group_have_separate_conversations() -> None:
    alice = conversation_key(-1001, "supergroup", 1)
    bob = conversation_key(-1001, "supergroup", 2)
    assert alice != bob
    assert alice == "telegram:-1001:1"
    assert conversation_key(-1001, "group", 1) == alice


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/start@rothbot_test_bot deep-link-payload", "/start"),
        ("/Facts please", "/facts"),
        ("/why", "/why"),
        ("/other@rothbot_test_bot words", "/other words"),
    ],
    ids=["own command, name and arguments", "own command, arguments", "bare", "not ours"],
)
def test_the_bots_own_commands_lose_their_arguments(text: str, expected: str) -> None:
    commands = {"start", "facts", "why"}
    assert addressed_text(text, chat_type="private", bot_username=BOT, commands=commands) == (
        expected
    )
