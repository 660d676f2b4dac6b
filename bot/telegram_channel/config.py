"""What ``rothbot telegram`` is told: flags and environment, checked into one frozen config.

Every figure that shapes delivery (timeouts, retries, windows) lives here with its
production default and the reason for it; tests shrink them. Nothing here imports
``telegram``: a configuration error is reported before the library (or spaCy) loads.
"""

from __future__ import annotations

import re
import secrets
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EXIT_CONFIG = 2
EXIT_UNREACHABLE = 1
REDACTED = "<redacted>"
MIN_SECRET_LENGTH = 16
"""A webhook secret shorter than this could be guessed, and could not be told apart from
ordinary words when it is cut out of the log."""
_SECRET_TOKEN = f"^[A-Za-z0-9_-]{{{MIN_SECRET_LENGTH},256}}$"


class ConfigError(ValueError):
    """The configuration cannot work; the message is one line saying what to fix."""


@dataclass(frozen=True)
class TelegramConfig:
    """Everything ``rothbot telegram`` needs, from the environment and the command line.

    The timeouts and retry figures have production defaults; tests shrink them.
    ``send_timeout`` is how long a send may take before it counts as "maybe delivered":
    Telegram answers in well under a second, so 15 s only ends a send that hangs, and a
    send that took 7 s is never mistaken for a lost one. ``stop_grace`` is how long a stop
    waits for sends already on the wire (see ``deploy/rothbot.service``'s
    ``TimeoutStopSec``, which must exceed it).
    """

    token: str
    db_path: Path | None = None
    base_url: str | None = None
    webhook_url: str | None = None
    listen: str = "127.0.0.1"
    port: int = 8443
    url_path: str = "telegram"
    secret_token: str | None = None
    poll_timeout: float = 30.0
    poll_interval: float = 0.0
    connect_timeout: float | None = None
    send_timeout: float = 15.0
    rate_limit_retries: int = 3
    network_retries: int = 4
    retry_backoff: float = 0.5
    resend_window: float = 600.0
    resend_interval: float = 45.0
    purge_interval: float = 3600.0
    stop_grace: float = 20.0
    max_body_bytes: int = 1 << 20
    max_concurrent_turns: int = 64
    support_chat_id: int | None = None
    agent_ids: frozenset[int] = frozenset()
    staff_interval: float = 2.0
    log_level: str = "INFO"

    @property
    def webhook(self) -> bool:
        """True for webhook mode, False for long polling."""
        return self.webhook_url is not None

    def __repr__(self) -> str:  # the token must not end up in a log line or a traceback
        shown = {k: v for k, v in self.__dict__.items() if k not in ("token", "secret_token")}
        return f"TelegramConfig(token={REDACTED!r}, {shown})"


def config_from(args: Any, environ: Mapping[str, str]) -> TelegramConfig:
    """Read flags (``args`` from ``rothbot telegram``) and environment into a config.

    Flags win over the environment. Raises ``ConfigError`` with one line to show a person.
    The webhook secret comes only from ``TELEGRAM_WEBHOOK_SECRET`` or a file
    (``--secret-token-file``): a value on the command line would show in ``ps`` to every
    local user.
    """
    token = environ.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and export its token."
        )
    if any(char.isspace() for char in token):
        raise ConfigError("TELEGRAM_BOT_TOKEN contains whitespace: paste the token exactly.")

    base_url = environ.get("TELEGRAM_API_BASE_URL", "").strip() or None
    if base_url is not None:
        _check_http_url(base_url, "TELEGRAM_API_BASE_URL")

    db = getattr(args, "db", None) or environ.get("ROTHBOT_DB", "").strip() or None
    webhook_url = getattr(args, "webhook_url", None) or None
    if webhook_url is not None:
        _check_http_url(webhook_url, "--webhook-url")

    port = int(getattr(args, "port", 8443))
    if not 0 < port < 65536:
        raise ConfigError(f"--port must be between 1 and 65535 (got {port}).")

    secret = _secret(getattr(args, "secret_token_file", None), environ)
    if webhook_url is not None and secret is None:
        # Telegram sends the secret back on every request; a fresh one per start is enough
        # because setWebhook registers it again each time the bot starts.
        secret = secrets.token_urlsafe(32)

    support_chat_id, agent_ids = _staff(environ)

    level = environ.get("ROTHBOT_LOG_LEVEL", "INFO").strip().upper() or "INFO"
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"ROTHBOT_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR (got {level}).")

    return TelegramConfig(
        token=token,
        db_path=Path(db).expanduser() if db else None,
        base_url=base_url,
        webhook_url=webhook_url,
        listen=getattr(args, "listen", "127.0.0.1") or "127.0.0.1",
        port=port,
        url_path=(getattr(args, "url_path", "telegram") or "").strip("/"),
        secret_token=secret,
        log_level=level,
        support_chat_id=support_chat_id,
        agent_ids=agent_ids,
    )


def _staff(environ: Mapping[str, str]) -> tuple[int | None, frozenset[int]]:
    """The staff group (``ROTHBOT_SUPPORT_CHAT_ID``) and its agents (``ROTHBOT_AGENT_IDS``,
    user ids separated by commas or spaces); both or neither."""
    chat = environ.get("ROTHBOT_SUPPORT_CHAT_ID", "").strip()
    agents = environ.get("ROTHBOT_AGENT_IDS", "").replace(",", " ").split()
    if not chat and not agents:
        return None, frozenset()
    if not chat:
        raise ConfigError("ROTHBOT_AGENT_IDS is set but ROTHBOT_SUPPORT_CHAT_ID is not.")
    try:
        chat_id = int(chat)
    except ValueError:
        raise ConfigError(
            f"ROTHBOT_SUPPORT_CHAT_ID must be a chat id such as -1001234567890 (got {chat!r})."
        ) from None
    bad = [a for a in agents if not a.lstrip("-").isdigit()]
    if bad or not agents:
        raise ConfigError(
            "ROTHBOT_AGENT_IDS must list the agents' numeric Telegram user ids, "
            f"separated by commas (got {environ.get('ROTHBOT_AGENT_IDS', '')!r})."
        )
    return chat_id, frozenset(int(a) for a in agents)


def _secret(path: str | None, environ: Mapping[str, str]) -> str | None:
    """The webhook secret from ``--secret-token-file`` (wins) or the environment."""
    if path:
        try:
            secret = Path(path).expanduser().read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or "not readable text"
            raise ConfigError(f"--secret-token-file {path}: {reason}.") from None
        if not secret:
            raise ConfigError(f"--secret-token-file {path} is empty.")
    else:
        secret = environ.get("TELEGRAM_WEBHOOK_SECRET", "").strip()
        if not secret:
            return None
    if not re.match(_SECRET_TOKEN, secret):
        raise ConfigError(
            "The webhook secret must be 16-256 letters, digits, '_' or '-' "
            "(try: python3 -c 'import secrets; print(secrets.token_urlsafe(32))')."
        )
    return secret


def _check_http_url(url: str, name: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{name} must be an http(s) URL (got {url!r}).")
