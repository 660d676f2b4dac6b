"""The log helps an operator without leaking the token or what people wrote."""

from __future__ import annotations

import logging

import pytest
from botapi_double import BotApiDouble
from telegram_harness import ScriptedAssistant, settle

from bot.telegram_channel import TelegramConfig, config_from, install_secret_redaction, redact

PRIVATE_WORDS = "my-zebra-secret-balance-7731"


@pytest.fixture
def httpx_at_debug():
    """Undo the channel's httpx=WARNING, to prove the redaction behind it works too."""
    httpx = logging.getLogger("httpx")
    level = httpx.level
    yield lambda: httpx.setLevel(logging.DEBUG)
    httpx.setLevel(level)


def test_the_token_never_reaches_the_log_even_with_httpx_at_debug(
    double: BotApiDouble, run_bot, caplog: pytest.LogCaptureFixture, httpx_at_debug
) -> None:
    caplog.set_level(logging.DEBUG)
    run_bot(ScriptedAssistant)
    assert logging.getLogger("httpx").level == logging.WARNING  # what the channel sets
    httpx_at_debug()
    double.fail_next("sendMessage", 502)
    double.user_says("boom", chat_id=401)  # an error with a traceback
    double.user_says("hello", chat_id=401)
    settle(double, 401)

    assert "HTTP Request" in caplog.text  # httpx did log the request URLs ...
    assert double.token not in caplog.text  # ... with the token cut out
    assert double.token.split(":")[1] not in caplog.text
    assert "<redacted>" in caplog.text


def test_message_text_is_not_logged_above_debug(
    double: BotApiDouble, run_bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    run_bot(ScriptedAssistant)
    double.user_says(f"I have {PRIVATE_WORDS}", chat_id=402)
    settle(double, 402)

    informative = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert any("answered a message" in r.getMessage() for r in informative)
    assert not any(PRIVATE_WORDS in r.getMessage() for r in informative)


def test_redaction_covers_exceptions_and_url_quoted_forms(caplog: pytest.LogCaptureFixture) -> None:
    secret = "424242:redaction-test-token"
    install_secret_redaction(secret)
    logger = logging.getLogger("tests.telegram.redaction")
    with caplog.at_level(logging.INFO, logger="tests.telegram.redaction"):
        logger.info("url https://api.telegram.org/bot%s/getMe", secret)
        try:
            raise RuntimeError(f"The token `{secret}` was rejected by the server.")
        except RuntimeError:
            logger.exception("startup failed")
    assert secret not in caplog.text
    assert "rejected by the server" in caplog.text
    assert redact("x 424242%3Aredaction-test-token y") == "x <redacted> y"


def test_the_config_does_not_show_its_secrets() -> None:
    config = TelegramConfig(token="555:very-secret-token", secret_token="hook-secret")
    assert "very-secret-token" not in repr(config)
    assert "hook-secret" not in repr(config)
    assert "very-secret-token" not in repr(
        config_from(None, {"TELEGRAM_BOT_TOKEN": "555:very-secret-token"})
    )
