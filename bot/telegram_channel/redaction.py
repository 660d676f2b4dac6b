"""Keeping the token and the webhook secret out of every log line, at every level.

The library puts the token in request URLs (httpx logs them at INFO) and in the message
of ``InvalidToken``, and logs every request's parameters at DEBUG, the webhook secret
among them (``setWebhook``). Setting the httpx logger to WARNING is the first line of
defence; a log-record factory that cuts registered secrets out of every record is the
second, and it covers the library's own DEBUG lines too.
"""

from __future__ import annotations

import logging
import threading
import urllib.parse
from typing import Any

from bot.telegram_channel.config import MIN_SECRET_LENGTH, REDACTED

_secrets: set[str] = set()
_factory_lock = threading.Lock()
_factory_installed = False
MIN_REDACTED_LENGTH = 8
"""Shorter strings are not secrets we hold; cutting them out would mangle ordinary words."""
assert MIN_SECRET_LENGTH >= MIN_REDACTED_LENGTH


def redact(text: str) -> str:
    """``text`` with every registered secret (and its URL-quoted form) replaced."""
    for secret in _secrets:
        text = text.replace(secret, REDACTED)
        quoted = urllib.parse.quote(secret, safe="")
        if quoted != secret:
            text = text.replace(quoted, REDACTED)
    return text


def install_secret_redaction(secret: str) -> None:
    """Scrub ``secret`` from every log record created from now on, whatever its logger.

    A record factory rather than a handler filter: filters on a logger miss records of its
    children, and handlers come and go (pytest's caplog, journald); the factory sees every
    record once, before any handler.
    """
    global _factory_installed
    if len(secret) < MIN_REDACTED_LENGTH:
        return
    with _factory_lock:
        _secrets.add(secret)
        if _factory_installed:
            return
        previous = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            if _secrets:
                _scrub(record)
            return record

        logging.setLogRecordFactory(factory)
        _factory_installed = True


def _scrub(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a malformed record: the handler reports it, we leave it alone
        return
    clean = redact(message)
    if clean != message:
        record.msg, record.args = clean, ()
    if record.exc_info:
        text = logging.Formatter().formatException(record.exc_info)
        clean = redact(text)
        if clean != text:
            record.exc_info, record.exc_text = None, clean
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


def configure_logging(level: str) -> None:
    """One line per record on stderr (journald adds the time); httpx kept quiet."""
    logging.basicConfig(
        level=getattr(logging, level, logging.INFO),
        format="%(levelname)s %(name)s: %(message)s",
    )
    quiet_libraries()


def quiet_libraries() -> None:
    """httpx logs every request URL (with the token) at INFO; the library's rate limiter
    logs each retry, which the channel already reports once per episode."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.ERROR)
