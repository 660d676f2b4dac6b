"""Webhook mode, as behind a reverse proxy: updates are POSTed with the secret, or refused."""

from __future__ import annotations

import socket

import pytest
from botapi_double import BotApiDouble
from telegram_harness import BotRunner, ScriptedAssistant, settle, texts

SECRET = "test-webhook-secret_42"
CHAT = 501


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def webhook_bot(double: BotApiDouble, run_bot) -> BotRunner:
    port = free_port()
    return run_bot(
        ScriptedAssistant,
        webhook_url=f"http://127.0.0.1:{port}/telegram",
        listen="127.0.0.1",
        port=port,
        url_path="telegram",
        secret_token=SECRET,
    )


def deliver(double: BotApiDouble):
    return lambda update: double.deliver_to_webhook(update)


def test_the_webhook_is_registered_with_its_secret(
    double: BotApiDouble, webhook_bot: BotRunner
) -> None:
    assert double.webhook is not None
    assert double.webhook["url"].endswith("/telegram")
    assert double.webhook["secret_token"] == SECRET
    assert double.calls_to("getUpdates") == []


def test_an_update_with_the_right_secret_is_answered(
    double: BotApiDouble, webhook_bot: BotRunner
) -> None:
    update = double.user_says("hello by webhook", chat_id=CHAT, queue=False)

    assert double.deliver_to_webhook(update) == 200
    assert texts(double.wait_for_messages(CHAT, 1)) == [f"telegram:{CHAT} said: hello by webhook"]


@pytest.mark.parametrize("secret", ["wrong-secret", None], ids=["wrong secret", "no secret"])
def test_an_update_without_the_right_secret_is_refused(
    double: BotApiDouble, webhook_bot: BotRunner, secret: str | None
) -> None:
    update = double.user_says("forged", chat_id=CHAT, queue=False)

    assert double.deliver_to_webhook(update, secret=secret) == 403
    assert settle(double, CHAT, deliver=deliver(double)) == []


def test_a_webhook_retry_of_the_same_update_is_answered_once(
    double: BotApiDouble, webhook_bot: BotRunner
) -> None:
    update = double.user_says("retried", chat_id=CHAT, queue=False)

    assert [double.deliver_to_webhook(update) for _ in range(2)] == [200, 200]
    assert texts(settle(double, CHAT, deliver=deliver(double))) == [
        f"telegram:{CHAT} said: retried"
    ]


def test_a_button_press_arrives_by_webhook_too(
    double: BotApiDouble, webhook_bot: BotRunner
) -> None:
    double.deliver_to_webhook(double.user_says("employed?", chat_id=CHAT, queue=False))
    [question] = double.wait_for_messages(CHAT, 1)
    press = double.press(question, "yes", queue=False)

    assert double.deliver_to_webhook(press) == 200
    assert double.wait_for_messages(CHAT, 2)[1]["text"] == f"telegram:{CHAT} said: yes"
    assert double.answered_queries() == [press["callback_query"]["id"]]
