"""rothbot on Telegram: a thin adapter from Bot API updates to ``Assistant.handle_update``.

Usage::

    export TELEGRAM_BOT_TOKEN=123456:ABC...      # from @BotFather
    rothbot telegram                              # long polling
    rothbot telegram --webhook-url https://bot.example.org/telegram \\
        --listen 127.0.0.1 --port 8443 --url-path telegram   # behind a reverse proxy

This is the only module that imports ``telegram``. It holds no tax logic: a text message
or a button press becomes ``Assistant.handle_update(key, text, update_id)``, and the
``Reply`` becomes one or more HTML messages with the choices as inline buttons. What it
adds is what Telegram needs of a bot that must not fall over:

- order and concurrency: many chats are served at once, but the updates of one chat are
  handled one at a time, in arrival order (``ChatOrderedUpdateProcessor``); the blocking
  core (SQLite, spaCy) runs on one worker thread, never on the event loop;
- one answer per update, wherever the process dies: the conversation turn and the reply
  to send are committed in one SQLite transaction, keyed by the update id (the store's
  outbox). A redelivered update whose reply was sent is skipped; one whose reply was not
  (the crash came between the commit and the send) gets the stored reply, and the turn is
  not run again. Each message part sent is noted, so a re-send continues after the parts
  that arrived; only a crash in the moment between Telegram accepting a part and the
  store noting it can repeat that one part. Updates that run no turn (ignored group
  messages, stickers) are recorded as done after their handler ran;
- replies left unsent by a previous process are sent on startup, before any update is
  taken in, if they are younger than ``resend_window`` (10 minutes) and still the latest
  answer of their conversation; older ones are sent only if Telegram redelivers their
  update, since a late answer to a question the person may have moved on from confuses
  more than it helps;
- while running, the same re-send runs every ``resend_interval`` seconds (45; 0 turns it
  off), so a reply whose send failed (network down, Telegram answering 5xx) arrives once
  Telegram can be reached again, without waiting for a restart. It takes the chat's turn
  like an update does, so it never overtakes or interleaves with a newer answer there,
  and the apology for the failed send says the answer will follow only when it will be
  tried again;
- limits: Telegram's flood limits (``AIORateLimiter``; 429 answers wait ``retry_after``),
  bounded retries with backoff on 5xx, timeouts and network errors, 4096-character
  messages split on paragraph boundaries, HTML that cannot be parsed resent as plain text;
- privacy: the token never reaches the log (httpx request URLs contain it), and message
  text is never logged above DEBUG.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import os
import random
import re
import secrets
import signal
import sys
import threading
import time
import urllib.parse
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    TelegramError,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.reply import Reply
from bot.store import Outgoing, Store, StoreError
from bot.telegram_addressing import PRIVATE, addressed_text, conversation_key
from bot.telegram_format import button_rows, split_message, to_html

log = logging.getLogger(__name__)

EXIT_CONFIG = 2
EXIT_UNREACHABLE = 1

COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Start over and see what I can help with"),
    ("help", "How to ask, and what I can answer"),
    ("facts", "Show the facts I have noted so far"),
    ("why", "Explain the last answer, with sources"),
    ("reset", "Clear the facts and start a new question"),
    ("forget", "Erase everything stored about you"),
)
"""Registered with setMyCommands; the conversation core answers each of them."""

ALLOWED_UPDATES = ("message", "callback_query")
SORRY = (
    "Sorry, something went wrong on my side and I could not answer that. "
    "Please try again in a minute."
)
SORRY_WILL_RETRY = (
    "Sorry, I could not send my answer just now. I will try again shortly; "
    "if it has not arrived in a few minutes, please ask again."
)
"""The apology when the answer is stored and the periodic re-send will try it again."""
RESEND_STOP_GRACE = 5.0
"""How long stopping waits for a re-send round in progress before cancelling it."""
TEXT_ONLY = "I can only read text messages. Please type your question."
NOT_YOUR_BUTTONS = "These buttons answer someone else's question. Mention me to ask your own."
TYPING_REFRESH_SECONDS = 4.5
"""Telegram shows "typing…" for about five seconds; renew it while the core still works."""
PRESSED_MEMORY = 4096
NO_RETRY_ENDPOINTS = frozenset({"sendChatAction", "getMe"})
"""Not retried: a typing action is cosmetic (a retry only delays the answer), and getMe
runs at startup, where failing fast with one line lets the service manager restart us."""
_SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
CHANNEL_KEY = "rothbot.channel"
REDACTED = "<redacted>"

T = TypeVar("T")


# -- configuration ---------------------------------------------------------------------


class ConfigError(ValueError):
    """The configuration cannot work; the message is one line saying what to fix."""


@dataclass(frozen=True)
class TelegramConfig:
    """Everything ``rothbot telegram`` needs, from the environment and the command line.

    The timeouts and retry figures have production defaults; tests shrink them.
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
    read_timeout: float | None = None
    connect_timeout: float | None = None
    rate_limit_retries: int = 3
    network_retries: int = 4
    retry_backoff: float = 0.5
    resend_window: float = 600.0
    resend_interval: float = 45.0
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

    secret = getattr(args, "secret_token", None) or environ.get("TELEGRAM_WEBHOOK_SECRET", "")
    secret = secret.strip() or None
    if secret is not None and not _SECRET_TOKEN.match(secret):
        raise ConfigError(
            "The webhook secret may hold only letters, digits, '_' and '-' (1-256 characters)."
        )
    if webhook_url is not None and secret is None:
        # Telegram sends the secret back on every request; a fresh one per start is enough
        # because setWebhook registers it again each time the bot starts.
        secret = secrets.token_urlsafe(32)

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
    )


def _check_http_url(url: str, name: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{name} must be an http(s) URL (got {url!r}).")


# -- keeping the token out of the log ----------------------------------------------------

_secrets: set[str] = set()
_factory_lock = threading.Lock()
_factory_installed = False


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
    record once, before any handler. The library puts the token in request URLs and in the
    message of ``InvalidToken``; setting the httpx logger to WARNING is the first line of
    defence, this is the second.
    """
    global _factory_installed
    if len(secret) < 8:  # too short to be a token; redacting it would mangle ordinary words
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


class PollingErrorLog:
    """Log a polling failure once per kind and quiet period, not on every retry.

    The library retries ``getUpdates`` forever with growing pauses; during an outage that
    is one failure every few seconds, which would bury everything else in the log.
    """

    def __init__(
        self, quiet_seconds: float = 300.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._quiet = quiet_seconds
        self._clock = clock
        self._last: dict[str, float] = {}

    def __call__(self, error: TelegramError) -> None:
        kind = type(error).__name__
        now = self._clock()
        if now - self._last.get(kind, -self._quiet) >= self._quiet:
            log.warning("polling Telegram failed (%s: %s); retrying with backoff", kind, error)
            self._last[kind] = now
        else:
            log.debug("polling Telegram failed again (%s: %s)", kind, error)


# -- order, limits and retries -------------------------------------------------------------


class ChatOrderedUpdateProcessor(BaseUpdateProcessor):
    """Run updates of different chats concurrently, and those of one chat in order.

    The library starts one task per update, in arrival order. Each task first takes its
    chat's ``asyncio.Lock`` (FIFO, so arrival order is kept), and only then a slot of the
    global limit, so a flood in one chat waits on its own lock without starving the others.
    Locks exist only while a chat has updates in flight, so the table stays small.
    ``chat_turn`` lets other work (the periodic re-send) queue in the same line.
    """

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def process_update(self, update: object, coroutine: Any) -> None:
        chat_id = _chat_id(update)
        if chat_id is None:
            await super().process_update(update, coroutine)
            return
        async with self.chat_turn(chat_id):
            await super().process_update(update, coroutine)

    @contextlib.asynccontextmanager
    async def chat_turn(self, chat_id: int) -> AsyncIterator[None]:
        """Hold ``chat_id``'s turn: nothing else of that chat runs until the block ends."""
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        self._waiting[chat_id] = self._waiting.get(chat_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._waiting[chat_id] -= 1
            if not self._waiting[chat_id]:
                del self._waiting[chat_id]
                del self._locks[chat_id]

    async def do_process_update(self, update: object, coroutine: Any) -> None:
        await coroutine

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    def busy_chats(self) -> int:
        """How many chats have updates in flight (for tests and diagnostics)."""
        return len(self._locks)


def _chat_id(update: object) -> int | None:
    if isinstance(update, Update) and update.effective_chat is not None:
        return update.effective_chat.id
    return None


class RetryingRateLimiter(AIORateLimiter):
    """Telegram's flood limits, plus bounded retries with backoff on transient failures.

    ``AIORateLimiter`` keeps within 30 messages a second overall and 20 a minute per group,
    and on a 429 answer pauses every request for ``retry_after`` and tries again. On top,
    5xx answers, timeouts and network errors are retried ``network_retries`` times with
    exponential backoff and jitter, logged once per request. ``BadRequest`` (our mistake,
    not the network's) and ``getUpdates`` (the updater has its own loop) are not retried.
    A timed-out send may have reached Telegram; retrying risks a rare duplicate message,
    which beats a lost answer.
    """

    def __init__(
        self,
        *,
        max_retries: int = 3,
        network_retries: int = 4,
        backoff: float = 0.5,
        max_backoff: float = 10.0,
    ) -> None:
        super().__init__(max_retries=max_retries)
        self._network_retries = network_retries
        self._backoff = backoff
        self._max_backoff = max_backoff

    async def process_request(  # type: ignore[override]
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        attempt = 0
        while True:
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except BadRequest:
                raise
            except NetworkError as error:
                if endpoint in NO_RETRY_ENDPOINTS or attempt >= self._network_retries:
                    raise
                if attempt == 0:
                    log.warning(
                        "%s failed (%s: %s); retrying up to %d times with backoff",
                        endpoint,
                        type(error).__name__,
                        error,
                        self._network_retries,
                    )
                delay = min(self._max_backoff, self._backoff * 2**attempt)
                attempt += 1
                await asyncio.sleep(delay * random.uniform(0.8, 1.2))


# -- the conversation core on its own thread -----------------------------------------------


class Conversation(Protocol):
    """What the adapter needs of the core: ``bot.service.Assistant`` fits."""

    def handle_update(
        self, key: str, text: str, update_id: int, *, address: str | None = None
    ) -> Outgoing | None: ...

    def delivered(self, update_id: int) -> None: ...


class CoreWorker:
    """The synchronous core (SQLite store, conversation) on one dedicated worker thread.

    ``Assistant.handle`` blocks on SQLite and the language pipeline; calling it on the
    event loop would stall every chat. One thread is enough, since the store serialises
    anyway, and it keeps every database call on the thread that opened the database.
    """

    def __init__(
        self, db_path: Path | None, assistant_factory: Callable[[Store], Conversation]
    ) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rothbot-core")
        self._closed = False

        def open_core() -> tuple[Store, Conversation]:
            store = Store(db_path)
            return store, assistant_factory(store)

        try:
            self.store, self.assistant = self._executor.submit(open_core).result()
        except BaseException:
            self._executor.shutdown(wait=False)
            raise

    async def _run(self, func: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, func, *args)

    async def handle_update(
        self, key: str, text: str, update_id: int, address: str
    ) -> Outgoing | None:
        """The reply to send for update ``update_id`` (committed with the turn), if any."""
        return await self._run(
            functools.partial(self.assistant.handle_update, address=address),
            key,
            text,
            update_id,
        )

    async def delivered(self, update_id: int) -> None:
        """The whole reply to ``update_id`` was sent."""
        await self._run(self.assistant.delivered, update_id)

    async def progress(self, update_id: int, parts_sent: int) -> None:
        """The first ``parts_sent`` messages of the reply to ``update_id`` were sent."""
        await self._run(self.store.mark_progress, update_id, parts_sent)

    async def update_done(self, update_id: int) -> bool:
        """True if ``update_id`` was handled and its reply, if any, sent."""
        return await self._run(self.store.update_done, update_id)

    async def record_update(self, update_id: int) -> None:
        """Record ``update_id`` as handled (a reply waiting for it is left waiting)."""
        await self._run(self.store.seen_update, update_id)

    async def waiting(self, update_id: int) -> bool:
        """True if the reply to ``update_id`` is committed but not (wholly) sent."""
        return await self._run(self.store.outgoing, update_id) is not None

    async def unsent(self, max_age_seconds: float) -> list[Outgoing]:
        """Replies the previous process committed but did not send (see ``Store.unsent``)."""
        return await self._run(self.store.unsent, max_age_seconds)

    def close(self) -> None:
        """Close the store on its own thread and stop the thread (idempotent)."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):
            self._executor.submit(self.store.close).result(timeout=10)
        self._executor.shutdown(wait=True)


# -- the handlers --------------------------------------------------------------------------


class TelegramChannel:
    """The handlers: updates in, ``Assistant.handle`` calls, messages out."""

    def __init__(
        self,
        core: CoreWorker,
        order: ChatOrderedUpdateProcessor | None = None,
        *,
        retries_while_running: bool = False,
    ) -> None:
        """``order`` gives the re-send the chats' turns; ``retries_while_running`` says
        whether a failed send is tried again while running (it sets the apology)."""
        self.core = core
        self._order = order
        self._retries_while_running = retries_while_running
        self._pressed: OrderedDict[tuple[int, int], None] = OrderedDict()

    async def skip_duplicates(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stop here if this update was handled and answered before.

        An update handled but not answered (its reply is still in the outbox) goes on to
        the handlers, where ``handle_update`` hands back the stored reply.
        """
        if await self.core.update_done(update.update_id):
            log.info("skipped update %d: it was delivered before", update.update_id)
            raise ApplicationHandlerStop

    async def record_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """After the handlers: note the update as done, so a redelivery is skipped.

        Updates answered through the outbox are recorded already (with their reply); this
        covers the rest, and a core failure that was apologised for.
        """
        await self.core.record_update(update.update_id)

    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer a text message addressed to the bot."""
        message = update.effective_message
        if message is None or message.text is None:
            return
        user = message.from_user
        bot = context.bot
        text = addressed_text(
            message.text,
            chat_type=message.chat.type,
            bot_username=bot.username,
            mentions=message.parse_entities([MessageEntity.MENTION]).values(),
            replying_to_bot=_from_bot(message.reply_to_message, bot.id),
        )
        if text is None:
            log.debug("ignored a group message not addressed to the bot")
            return
        chat = message.chat
        key = conversation_key(chat.id, chat.type, user.id if user else None)
        reply_to = message.message_id if chat.type != PRIVATE else None
        async with self._typing(bot, chat.id):
            outgoing = await self.core.handle_update(
                key, text, update.update_id, address_of(chat.id, reply_to)
            )
        if outgoing is None:
            return
        await self.deliver(bot, outgoing, chat.id, reply_to)
        log.info(
            "answered a message in a %s chat (%d characters in, %d out)",
            chat.type,
            len(text),
            len(outgoing.reply.text),
        )

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Treat a pressed button as the user typing its data; always answer the press."""
        query = update.callback_query
        if query is None:
            return
        message = query.message
        if message is None or not query.data:
            await self._answer(query)
            return
        chat = message.chat
        asked_by = _asked_by(message)
        owner = asked_by.from_user if asked_by is not None else None
        if chat.type != PRIVATE and owner is not None and owner.id != query.from_user.id:
            await self._answer(query, NOT_YOUR_BUTTONS)
            return
        pressed = (chat.id, message.message_id)
        if pressed in self._pressed:  # a second tap before the keyboard disappeared
            await self._answer(query)
            return
        self._remember(pressed)
        await self._answer(query)
        bot = context.bot
        if isinstance(message, Message) and message.reply_markup is not None:
            await self._drop_keyboard(bot, message)
        key = conversation_key(chat.id, chat.type, query.from_user.id)
        reply_to = asked_by.message_id if chat.type != PRIVATE and asked_by else None
        async with self._typing(bot, chat.id):
            outgoing = await self.core.handle_update(
                key, query.data, update.update_id, address_of(chat.id, reply_to)
            )
        if outgoing is None:
            return
        await self.deliver(bot, outgoing, chat.id, reply_to)
        log.info(
            "answered a button press in a %s chat (%d out)", chat.type, len(outgoing.reply.text)
        )

    async def on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Say, in a private chat, that only text can be read."""
        if update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, TEXT_ONLY)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the failure with its details and tell the user something went wrong."""
        error = context.error
        if isinstance(error, Forbidden):
            log.info("Telegram refused a message (%s): the user blocked the bot or left", error)
            return
        update_id = update.update_id if isinstance(update, Update) else None
        log.error(
            "could not handle update %s: %s: %s",
            update_id,
            type(error).__name__,
            error,
            exc_info=error,
        )
        if not isinstance(update, Update) or update.effective_chat is None:
            return
        apology = await self._apology_for(error, update.update_id)
        try:
            await context.bot.send_message(update.effective_chat.id, apology)
        except TelegramError as failure:
            log.warning("could not tell the chat about the error either (%s)", failure)

    async def _apology_for(self, error: object, update_id: int) -> str:
        """Promise the answer only if it is stored and the periodic re-send will try it."""
        if not self._retries_while_running or not isinstance(error, TelegramError):
            return SORRY
        if isinstance(error, BadRequest):  # a re-send would be refused the same way
            return SORRY
        try:
            waiting = await self.core.waiting(update_id)
        except Exception:  # the store failing too: promise nothing
            return SORRY
        return SORRY_WILL_RETRY if waiting else SORRY

    # -- sending ----------------------------------------------------------------------

    async def deliver(
        self, bot: ExtBot, outgoing: Outgoing, chat_id: int, reply_to: int | None
    ) -> None:
        """Send a committed reply, noting each part sent, then mark it delivered.

        A failure leaves the reply waiting in the outbox, with the parts already sent
        noted, for a redelivery of the update or the next start to finish.
        """
        update_id = outgoing.update_id

        async def sent_part(parts: int) -> None:
            await self.core.progress(update_id, parts)

        await self.send_reply(
            bot,
            chat_id,
            outgoing.reply,
            reply_to=reply_to,
            skip=outgoing.parts_sent,
            on_part=sent_part,
        )
        await self.core.delivered(update_id)

    async def resend_unsent(
        self, bot: ExtBot, window: float, *, since: str = "before the restart"
    ) -> int:
        """Send the replies committed but not sent (``since`` says when, for the log).

        Only those younger than ``window`` seconds and still the latest of their
        conversation (``Store.unsent``). A chat that refuses them (blocked, gone) gives
        them up; a network failure stops the round, and the rest wait for the next round
        or a redelivery. Each is sent in its chat's turn and checked again once the turn
        is ours: meanwhile a newer message may have been answered, or a redelivery may
        have sent it, and then it must not go out. Returns how many were sent.
        """
        if window <= 0:
            return 0
        resent = 0
        for candidate in await self.core.unsent(window):
            address = parse_address(candidate.address)
            if address is None:  # not written by this module: nowhere to send it
                log.warning("gave up a reply left unsent: its address cannot be read")
                await self.core.delivered(candidate.update_id)
                continue
            async with self._chat_turn(address[0]):
                outgoing = await self._still_unsent(candidate.update_id, window)
                if outgoing is None:
                    continue
                try:
                    await self.deliver(bot, outgoing, *address)
                except (Forbidden, BadRequest) as error:
                    log.info("gave up a reply left unsent %s (%s)", since, error)
                    await self.core.delivered(outgoing.update_id)
                    continue
                except TelegramError as error:
                    log.warning("could not send the replies left unsent %s (%s)", since, error)
                    break
            resent += 1
        if resent:
            log.info("sent %d replies left unsent %s", resent, since)
        return resent

    async def resend_periodically(
        self, bot: ExtBot, window: float, interval: float, halt: asyncio.Event
    ) -> None:
        """Every ``interval`` seconds, until ``halt`` is set, run ``resend_unsent``.

        A reply whose send failed while running would otherwise wait for a restart or a
        redelivery. A round that fails unexpectedly is logged and the next one tried.
        """
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(halt.wait(), interval)
            if halt.is_set():
                return
            try:
                await self.resend_unsent(bot, window, since="earlier")
            except Exception as error:  # e.g. the database is briefly unavailable
                log.error("re-sending unsent replies failed (%s: %s)", type(error).__name__, error)

    def _chat_turn(self, chat_id: int) -> contextlib.AbstractAsyncContextManager[None]:
        if self._order is None:
            return contextlib.nullcontext()
        return self._order.chat_turn(chat_id)

    async def _still_unsent(self, update_id: int, window: float) -> Outgoing | None:
        """``update_id``'s reply if it is still to be re-sent (``Store.unsent``), else None."""
        for outgoing in await self.core.unsent(window):
            if outgoing.update_id == update_id:
                return outgoing
        return None

    async def send_reply(
        self,
        bot: ExtBot,
        chat_id: int,
        reply: Reply,
        *,
        reply_to: int | None = None,
        skip: int = 0,
        on_part: Callable[[int], Awaitable[None]] | None = None,
    ) -> list[Message]:
        """Send ``reply`` as HTML chunks of at most 4096 characters; buttons on the last.

        ``skip`` leaves out the first chunks (sent before a crash); ``on_part(n)`` is
        awaited after each chunk but the last, with the number of chunks sent so far.
        """
        chunks = split_message(reply.text)
        pairs = [(choice.label, choice.data) for choice in reply.choices]
        rows = button_rows(pairs)
        if sum(len(row) for row in rows) < len(pairs):
            log.error("left out buttons whose data Telegram would reject (over 64 bytes)")
        markup = (
            InlineKeyboardMarkup(
                [
                    [InlineKeyboardButton(label, callback_data=data) for label, data in row]
                    for row in rows
                ]
            )
            if rows
            else None
        )
        if not chunks:
            if markup is None:
                return []
            chunks = ["Please choose:"]
        sent = []
        for index, chunk in enumerate(chunks):
            if index < skip:
                continue
            last = index == len(chunks) - 1
            sent.append(
                await self._send_chunk(bot, chat_id, chunk, markup if last else None, reply_to)
            )
            if on_part is not None and not last:
                await on_part(index + 1)
        return sent

    async def _send_chunk(
        self,
        bot: ExtBot,
        chat_id: int,
        text: str,
        markup: InlineKeyboardMarkup | None,
        reply_to: int | None,
    ) -> Message:
        """Send one chunk as HTML; if Telegram cannot parse it, send it as plain text."""
        options: dict[str, Any] = {
            "reply_markup": markup,
            "link_preview_options": LinkPreviewOptions(is_disabled=True),
        }
        if reply_to is not None:
            options["reply_parameters"] = ReplyParameters(
                reply_to, allow_sending_without_reply=True
            )
        try:
            try:
                return await bot.send_message(
                    chat_id, to_html(text), parse_mode=ParseMode.HTML, **options
                )
            except BadRequest as error:
                if "can't parse entities" not in str(error).lower():
                    raise
                log.warning("Telegram could not parse a reply as HTML (%s); sent as plain", error)
                return await bot.send_message(chat_id, text, **options)
        except ChatMigrated as moved:  # the group became a supergroup with a new id
            log.info("chat %s moved to %s; sending there", chat_id, moved.new_chat_id)
            return await bot.send_message(moved.new_chat_id, text, **options)

    async def _answer(self, query: Any, text: str | None = None) -> None:
        try:
            await query.answer(text)
        except TelegramError as error:  # e.g. the press is older than Telegram's 15 seconds
            log.info("could not answer a button press (%s)", error)

    async def _drop_keyboard(self, bot: ExtBot, message: Message) -> None:
        """Remove the pressed keyboard; "not modified" means it is already gone."""
        try:
            await bot.edit_message_reply_markup(message.chat.id, message.message_id)
        except BadRequest as error:
            if "not modified" not in str(error).lower():
                log.info("could not remove a keyboard (%s)", error)

    def _remember(self, pressed: tuple[int, int]) -> None:
        self._pressed[pressed] = None
        while len(self._pressed) > PRESSED_MEMORY:
            self._pressed.popitem(last=False)

    @contextlib.asynccontextmanager
    async def _typing(self, bot: ExtBot, chat_id: int) -> Any:
        """Show "typing…" before the core starts, and renew it until the answer is ready."""
        await self._send_typing(bot, chat_id)
        renew = asyncio.create_task(self._keep_typing(bot, chat_id))
        try:
            yield
        finally:
            renew.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renew

    async def _keep_typing(self, bot: ExtBot, chat_id: int) -> None:
        while True:
            await asyncio.sleep(TYPING_REFRESH_SECONDS)
            await self._send_typing(bot, chat_id)

    @staticmethod
    async def _send_typing(bot: ExtBot, chat_id: int) -> None:
        try:
            await bot.send_chat_action(chat_id, ChatAction.TYPING)
        except TelegramError as error:
            log.debug("typing action failed (%s)", error)

    def close(self) -> None:
        self.core.close()


def address_of(chat_id: int, reply_to: int | None) -> str:
    """Where a reply goes, as the outbox keeps it (opaque to the store)."""
    return json.dumps({"chat_id": chat_id, "reply_to": reply_to})


def parse_address(text: str | None) -> tuple[int, int | None] | None:
    """``(chat_id, reply_to)`` from ``address_of``'s text; None if it cannot be read."""
    try:
        data = json.loads(text or "")
        reply_to = data.get("reply_to")
        return int(data["chat_id"]), None if reply_to is None else int(reply_to)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None


def _from_bot(message: Message | None, bot_id: int) -> bool:
    return bool(message and message.from_user and message.from_user.id == bot_id)


def _asked_by(message: Any) -> Message | None:
    """The user's message a bot message answered (groups reply to it), if known."""
    if isinstance(message, Message):
        return message.reply_to_message
    return None


# -- building and running ------------------------------------------------------------------


def build_application(
    config: TelegramConfig,
    *,
    assistant_factory: Callable[[Store], Conversation] | None = None,
) -> Application:
    """The Application, wired to the core; nothing is contacted until it is started.

    ``assistant_factory`` defaults to ``bot.service.Assistant``, imported only here so
    that a configuration error is reported before the language pipeline loads.
    Raises ``StoreError`` when the database cannot be opened.
    """
    if assistant_factory is None:
        from bot.service import Assistant

        assistant_factory = Assistant
    logging.getLogger("httpx").setLevel(logging.WARNING)
    install_secret_redaction(config.token)
    core = CoreWorker(config.db_path, assistant_factory)
    order = ChatOrderedUpdateProcessor()
    channel = TelegramChannel(
        core,
        order,
        retries_while_running=config.resend_interval > 0 and config.resend_window > 0,
    )
    builder = (
        ApplicationBuilder()
        .token(config.token)
        .concurrent_updates(order)
        .rate_limiter(
            RetryingRateLimiter(
                max_retries=config.rate_limit_retries,
                network_retries=config.network_retries,
                backoff=config.retry_backoff,
            )
        )
        .http_version("1.1")
        .get_updates_http_version("1.1")
    )
    if config.base_url:
        builder = builder.base_url(config.base_url)
    if config.read_timeout is not None:
        builder = builder.read_timeout(config.read_timeout)
    if config.connect_timeout is not None:
        builder = builder.connect_timeout(config.connect_timeout)
    app = builder.build()
    app.bot_data[CHANNEL_KEY] = channel
    app.add_handler(TypeHandler(Update, channel.skip_duplicates), group=-1)
    app.add_handler(MessageHandler(filters.TEXT & ~filters.VIA_BOT, channel.on_message))
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & ~filters.TEXT, channel.on_other))
    app.add_handler(CallbackQueryHandler(channel.on_button))
    app.add_handler(TypeHandler(Update, channel.record_update), group=1)
    app.add_error_handler(channel.on_error)
    return app


def channel_of(app: Application) -> TelegramChannel:
    """The channel ``build_application`` attached to ``app``."""
    return app.bot_data[CHANNEL_KEY]


async def on_startup(app: Application) -> None:
    """Register the command menu (a failure here is logged, not fatal)."""
    try:
        await app.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
    except TelegramError as error:
        log.warning("could not register the command menu (%s)", error)


async def serve(
    app: Application,
    config: TelegramConfig,
    *,
    stop: asyncio.Event,
    ready: Callable[[], None] | None = None,
) -> None:
    """Run ``app`` until ``stop`` is set: the same path in production and in tests.

    ``getMe`` runs first, so a rejected token raises ``InvalidToken`` before anything
    else happens. Polling confirms fetched updates on the way out; a webhook stays
    registered, so Telegram keeps updates for the next start.
    """
    channel = channel_of(app)
    try:
        async with app:
            await on_startup(app)
            # Before any update is taken in, so a redelivery cannot race the re-send.
            await channel.resend_unsent(app.bot, config.resend_window)
            updater = app.updater
            assert updater is not None
            if config.webhook:
                await updater.start_webhook(
                    listen=config.listen,
                    port=config.port,
                    url_path=config.url_path,
                    webhook_url=config.webhook_url,
                    secret_token=config.secret_token,
                    allowed_updates=list(ALLOWED_UPDATES),
                    bootstrap_retries=3,
                )
                log.info("receiving updates by webhook on %s:%d", config.listen, config.port)
            else:
                await updater.start_polling(
                    poll_interval=config.poll_interval,
                    timeout=int(config.poll_timeout),
                    allowed_updates=list(ALLOWED_UPDATES),
                    bootstrap_retries=3,
                    error_callback=PollingErrorLog(),
                )
                log.info("receiving updates by long polling")
            await app.start()
            halt = asyncio.Event()
            resending = (
                asyncio.create_task(
                    channel.resend_periodically(
                        app.bot, config.resend_window, config.resend_interval, halt
                    ),
                    name="rothbot:resend",
                )
                if config.resend_interval > 0 and config.resend_window > 0
                else None
            )
            try:
                if ready is not None:
                    ready()
                failure = await _until_stopped(stop)
            finally:
                await _halt(resending, halt)
            log.info("stopping")
            try:
                await updater.stop()
            except TelegramError:
                if failure is None:
                    raise
            await app.stop()
            if failure is not None:
                raise failure
    finally:
        channel.close()


async def _halt(task: asyncio.Task[None] | None, halt: asyncio.Event) -> None:
    """Stop the periodic re-send: at once if it waits, after its round if one is running.

    A round still running after ``RESEND_STOP_GRACE`` (sends retrying while Telegram is
    unreachable) is cancelled; its reply stays in the outbox for the next start.
    """
    if task is None:
        return
    halt.set()
    try:
        await asyncio.wait_for(task, RESEND_STOP_GRACE)
    except TimeoutError:
        log.warning("stopped a re-send round that was still running")
    except Exception as error:  # already logged inside the loop; never block the stop
        log.debug("the re-send task ended with %s", error)


POLLING_TASK_NAME = "Updater:start_polling:polling_task"
"""The library's name for its polling task (python-telegram-bot 22's ``Updater``)."""


async def _until_stopped(stop: asyncio.Event) -> BaseException | None:
    """Wait for ``stop``, or for the polling loop to die; return what killed it.

    The library retries network errors forever, but gives up on ``InvalidToken`` (the
    token was revoked while running) and ends its polling task, leaving a process that
    looks alive and answers nothing. Returning the error lets ``run`` exit instead, so the
    service manager sees the failure.
    """
    polling = next((t for t in asyncio.all_tasks() if t.get_name() == POLLING_TASK_NAME), None)
    stopped = asyncio.create_task(stop.wait())
    waiting: set[asyncio.Future[Any]] = {stopped} if polling is None else {stopped, polling}
    done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
    if stopped in done:
        return None
    stopped.cancel()
    assert polling is not None
    error = None if polling.cancelled() else polling.exception()
    log.error("polling stopped: %s", error or "the polling task ended")
    return error or RuntimeError("polling ended unexpectedly")


def configure_logging(level: str) -> None:
    """One line per record on stderr (journald adds the time); httpx kept quiet."""
    logging.basicConfig(
        level=getattr(logging, level, logging.INFO),
        format="%(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)


def run(args: Any, environ: Mapping[str, str] | None = None) -> int:
    """``rothbot telegram``: exit 0 when stopped by a signal, 2 on bad configuration."""
    environ = os.environ if environ is None else environ
    try:
        config = config_from(args, environ)
    except ConfigError as error:
        return _fail(str(error), EXIT_CONFIG)
    install_secret_redaction(config.token)
    configure_logging(config.log_level)
    # Opt in to the library's next-major behaviour (RetryAfter.retry_after as a timedelta),
    # which we never read, so the first flood-control answer prints no deprecation warning.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    try:
        app = build_application(config)
    except StoreError as error:
        return _fail(str(error), EXIT_CONFIG)
    try:
        asyncio.run(_serve_until_signal(app, config))
    except InvalidToken:
        return _fail(
            "Telegram rejected the bot token: check TELEGRAM_BOT_TOKEN (from @BotFather).",
            EXIT_CONFIG,
        )
    except BadRequest as error:  # e.g. setWebhook refused the URL
        return _fail(f"Telegram refused the setup: {redact(str(error))}", EXIT_CONFIG)
    except NetworkError as error:
        where = config.base_url or "api.telegram.org"
        return _fail(f"cannot reach the Bot API at {where}: {redact(str(error))}", EXIT_UNREACHABLE)
    return 0


async def _serve_until_signal(app: Application, config: TelegramConfig) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # not on Windows
            loop.add_signal_handler(signum, stop.set)
    await serve(app, config, stop=stop)


def _fail(message: str, code: int) -> int:
    print(f"rothbot telegram: {redact(message)}", file=sys.stderr)
    return code


__all__ = [
    "COMMANDS",
    "SORRY",
    "SORRY_WILL_RETRY",
    "ChatOrderedUpdateProcessor",
    "ConfigError",
    "CoreWorker",
    "PollingErrorLog",
    "RetryingRateLimiter",
    "TelegramChannel",
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
