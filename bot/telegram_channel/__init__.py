"""rothbot on Telegram: updates in, ``Assistant.handle_update`` turns, replies out.

Usage::

    export TELEGRAM_BOT_TOKEN=123456:ABC...      # from @BotFather
    rothbot telegram                              # long polling
    export TELEGRAM_WEBHOOK_SECRET=...            # or --secret-token-file FILE
    rothbot telegram --webhook-url https://bot.example.org/telegram \\
        --listen 127.0.0.1 --port 8443 --url-path telegram   # behind a reverse proxy

This package is the only code that imports ``telegram``; it holds no tax logic. One
concern per module:

- ``config``: flags and environment, checked (``rothbot telegram``'s settings);
- ``redaction``: the token and the webhook secret cut out of every log record;
- ``intake``: updates stored in SQLite before Telegram is told they arrived (polling
  and webhook), then run from the store through the library's handlers;
- ``ordering``: one chat at a time, many chats at once (lanes);
- ``limits``: flood limits, retries, and which failures can be retried without a
  duplicate message (the library's rate-limiter slot);
- ``delivery``: the outbox's one owner; every reply owed until sent, in order;
- ``handlers``: messages, captions and button presses into conversation turns;
- ``core``: the store and the conversation service on one worker thread;
- ``addressing`` and ``formatting``: pure rules (who a message is for; HTML and
  4096-character chunks), tested as tables;
- ``app``: wiring, ``serve`` and ``run``.
"""

from __future__ import annotations

from bot.telegram_channel.app import (
    ALLOWED_UPDATES,
    Channel,
    build_application,
    channel_of,
    on_startup,
    run,
    serve,
)
from bot.telegram_channel.config import (
    EXIT_CONFIG,
    EXIT_UNREACHABLE,
    ConfigError,
    TelegramConfig,
    config_from,
)
from bot.telegram_channel.delivery import address_of, parse_address
from bot.telegram_channel.handlers import COMMANDS, NOT_YOUR_BUTTONS, SORRY, TEXT_ONLY
from bot.telegram_channel.redaction import install_secret_redaction, redact

__all__ = [
    "ALLOWED_UPDATES",
    "COMMANDS",
    "EXIT_CONFIG",
    "EXIT_UNREACHABLE",
    "NOT_YOUR_BUTTONS",
    "SORRY",
    "TEXT_ONLY",
    "Channel",
    "ConfigError",
    "TelegramConfig",
    "address_of",
    "build_application",
    "channel_of",
    "config_from",
    "install_secret_redaction",
    "on_startup",
    "parse_address",
    "redact",
    "run",
    "serve",
]
