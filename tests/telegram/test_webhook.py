"""Webhook mode, as behind a reverse proxy: updates are POSTed with the secret, or refused."""

from __future__ import annotations

import contextlib
import logging
import socket
from pathlib import Path

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


def post_raw(port: int, headers: dict[str, str], body_size: int) -> tuple[int, int]:
    """POST ``body_size`` zero bytes in 64 KiB pieces; (status, bytes the server took).

    The body is made as it is sent, so this process holds no big buffer of its own.
    """
    head = ["POST /telegram HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {body_size}"]
    head += [f"{name}: {value}" for name, value in headers.items()]
    piece = b"\0" * 65536
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        try:
            while sent < body_size:
                sent += conn.send(piece[: body_size - sent])
        except OSError:  # the server hung up: it will not read the rest
            pass
        conn.settimeout(5)
        answer = b""
        with contextlib.suppress(OSError):
            while b"\r\n" not in answer:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                answer += chunk
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    return status, sent


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_a_huge_post_without_the_secret_is_refused_before_its_body_is_read(
    double: BotApiDouble, webhook_bot: BotRunner
) -> None:
    port = webhook_bot.config.port
    before = rss_mb()
    results = [post_raw(port, {}, 90 * 2**20) for _ in range(2)]
    grown = rss_mb() - before

    assert [status for status, _ in results] == [403, 403]
    assert all(sent < 16 * 2**20 for _, sent in results)  # the connection was cut early
    assert grown < 30  # MB: the bodies were never held (they were 180 MB together)
    assert texts(settle(double, CHAT, deliver=deliver(double))) == []


def test_a_body_over_the_cap_is_refused_even_with_the_secret(
    double: BotApiDouble, webhook_bot: BotRunner
) -> None:
    status, _ = post_raw(
        webhook_bot.config.port, {"X-Telegram-Bot-Api-Secret-Token": SECRET}, 2 * 2**20
    )

    assert status == 413
    assert texts(settle(double, CHAT, deliver=deliver(double))) == []


def test_the_secret_never_reaches_the_log_even_at_debug(
    double: BotApiDouble, run_bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    port = free_port()
    run_bot(
        ScriptedAssistant,
        webhook_url=f"http://127.0.0.1:{port}/telegram",
        port=port,
        secret_token=SECRET,
    )
    double.deliver_to_webhook(double.user_says("hello", chat_id=CHAT, queue=False))
    double.wait_for_messages(CHAT, 1)

    assert "setWebhook" in caplog.text  # the library logged the call's parameters ...
    assert SECRET not in caplog.text  # ... with the secret cut out
