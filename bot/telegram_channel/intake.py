"""Durable intake: an update is in SQLite before Telegram is told it arrived.

Telegram forgets an update once it is confirmed: by the next ``getUpdates`` whose
``offset`` is past it (polling), or by a 200 answer (webhook). The library's own updater
confirms a fetched batch as soon as it is queued in memory, so a crash lost everything
fetched and not yet answered. Here:

- ``Poller`` asks ``getUpdates`` for a batch, writes the whole batch to the store's
  inbox in one transaction, and only then asks for the next one with the offset past
  it. The first request of a start has no offset, so Telegram hands out again whatever
  the last run stored but never confirmed; the inbox recognises those ids;
- ``WebhookServer`` answers 200 only after the update is stored. It checks the secret
  header before it reads a byte of the body, and refuses bodies over ``max_body_bytes``
  (Telegram's updates are a few kilobytes);
- ``Dispatcher`` runs stored updates through the library's handlers
  (``Application.process_update``), each chat in arrival order (``ordering.Lanes``). An
  update's turn commits together with marking it run, so after a crash at any instant
  a stored update either runs again (its turn had not committed) or not at all (its
  reply is owed, and ``delivery`` sends it);
- stopping stops fetching at once, lets the turn running and the sends in flight
  finish for up to ``stop_grace`` seconds, and leaves every turn not yet started (also
  those queued for the core thread) in the inbox for the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from collections.abc import Iterable, Sequence
from typing import Any

import tornado.web
from telegram import Update
from telegram.error import Conflict, InvalidToken, NetworkError, TelegramError
from telegram.ext import Application
from tornado.httpserver import HTTPServer

from bot.store import Inbound
from bot.telegram_channel.core import CoreWorker
from bot.telegram_channel.ordering import Lanes

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
POLL_BACKOFF_MAX = 30.0
POLL_LIMIT = 100
CANCEL_WAIT_SECONDS = 5.0
"""After the grace, how long a stop waits for the turns it cancelled."""
CLOSE_CONNECTIONS_SECONDS = 5.0
"""How long a stop waits for the webhook's open connections to close."""
_CHAT_PATHS = (
    ("message", "chat"),
    ("edited_message", "chat"),
    ("channel_post", "chat"),
    ("edited_channel_post", "chat"),
    ("callback_query", "message", "chat"),
    ("my_chat_member", "chat"),
)


def lane_of_payload(data: Any) -> str | None:
    """The chat an update belongs to (its ordering lane), read from the raw JSON."""
    for path in _CHAT_PATHS:
        node = data
        for step in path:
            node = node.get(step) if isinstance(node, dict) else None
        if isinstance(node, dict) and isinstance(node.get("id"), int):
            return str(node["id"])
    return None


def inbound(data: Any) -> Inbound | None:
    """An update's raw JSON as an inbox row; None if it has no integer ``update_id``."""
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        return None
    return Inbound(data["update_id"], lane_of_payload(data), json.dumps(data, ensure_ascii=False))


class Dispatcher:
    """Runs stored updates through the handlers, in their chats' lanes."""

    def __init__(self, app: Application, core: CoreWorker, lanes: Lanes) -> None:
        self.app = app
        self.core = core
        self.lanes = lanes
        self._tasks: set[asyncio.Task[None]] = set()
        self._stopping = False
        self.idle = asyncio.Event()
        self.idle.set()

    def submit(self, entries: Iterable[Inbound]) -> None:
        """Queue stored updates; each chat's run in the order given (their update ids)."""
        if self._stopping:
            return
        for entry in entries:
            task = asyncio.get_running_loop().create_task(
                self._run(entry), name=f"rothbot:update:{entry.update_id}"
            )
            self._tasks.add(task)
            self.idle.clear()
            task.add_done_callback(self._finished)

    def in_flight(self) -> int:
        """Updates queued or running."""
        return len(self._tasks)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not self._tasks:
            self.idle.set()

    async def _run(self, entry: Inbound) -> None:
        async with self.lanes.turn(entry.lane):
            if self._stopping:  # left in the inbox: the next start runs it
                return
            try:
                update = Update.de_json(json.loads(entry.payload), self.app.bot)
                await self.app.process_update(update)
            except Exception as error:  # the handlers report their own; this is a bug
                log.error(
                    "update %d could not be run (%s: %s)",
                    entry.update_id,
                    type(error).__name__,
                    error,
                )
            if entry.update_id in self.core.not_started:  # stopping: the next start runs it
                return
            await self.core.run(self.core.store.intake_done, entry.update_id)

    async def stop(self, grace: float) -> int:
        """Start nothing new; give what runs ``grace`` seconds; return how many were cut."""
        self._stopping = True
        running = list(self._tasks)
        if not running:
            return 0
        _, late = await asyncio.wait(running, timeout=grace)
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late, timeout=CANCEL_WAIT_SECONDS)
        return len(late)


class Poller:
    """Long-polls ``getUpdates``; stores each batch before confirming it."""

    def __init__(
        self,
        app: Application,
        core: CoreWorker,
        dispatcher: Dispatcher,
        *,
        timeout: float,
        interval: float,
        allowed_updates: Sequence[str],
        backoff: float = 1.0,
    ) -> None:
        self.app = app
        self.core = core
        self.dispatcher = dispatcher
        self._timeout = timeout
        self._interval = interval
        self._allowed = list(allowed_updates)
        self._backoff = backoff

    async def run(self) -> None:
        """Poll until cancelled. ``InvalidToken`` ends it (the token was revoked)."""
        offset: int | None = None
        failures = 0
        while True:
            try:
                updates = await self.app.bot.get_updates(
                    offset=offset,
                    timeout=int(self._timeout),
                    limit=POLL_LIMIT,
                    allowed_updates=self._allowed,
                )
            except InvalidToken:
                raise
            except (NetworkError, Conflict, TelegramError) as error:
                failures += 1
                if isinstance(error, Conflict) and failures == 1:
                    log.warning("getUpdates refused (%s): is another instance running?", error)
                log.debug("getUpdates failed (%s: %s)", type(error).__name__, error)
                await asyncio.sleep(min(POLL_BACKOFF_MAX, self._backoff * 2 ** (failures - 1)))
                continue
            failures = 0
            if updates:
                rows = [row for row in (inbound(u.to_dict()) for u in updates) if row]
                fresh = await self.core.run(self.core.store.take_in, rows)
                # Stored: from here on the next request may confirm the batch.
                offset = max(u.update_id for u in updates) + 1
                self.dispatcher.submit(fresh)
            if self._interval:
                await asyncio.sleep(self._interval)


class WebhookServer:
    """Receives Telegram's POSTs; answers 200 only once the update is stored."""

    def __init__(
        self,
        core: CoreWorker,
        dispatcher: Dispatcher,
        *,
        secret: str,
        url_path: str,
        max_body_bytes: int,
    ) -> None:
        self._secret = secret.encode()
        handlers = [
            (
                f"/{url_path.strip('/')}" if url_path.strip("/") else "/",
                _UpdateHandler,
                {"server": self},
            )
        ]
        self.core = core
        self.dispatcher = dispatcher
        self.max_body_bytes = max_body_bytes
        self._app = tornado.web.Application(handlers, default_handler_class=_NotFound)
        self._http: HTTPServer | None = None

    async def start(self, listen: str, port: int) -> None:
        self._http = HTTPServer(
            self._app,
            max_body_size=self.max_body_bytes,
            max_buffer_size=self.max_body_bytes,
            idle_connection_timeout=60,
            body_timeout=30,
            xheaders=False,
        )
        self._http.listen(port, address=listen)

    async def stop(self) -> None:
        if self._http is not None:
            self._http.stop()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(
                    self._http.close_all_connections(), CLOSE_CONNECTIONS_SECONDS
                )

    def authorised(self, header: str | None) -> bool:
        return header is not None and hmac.compare_digest(header.encode(), self._secret)

    async def store(self, body: bytes) -> int:
        """Store one POSTed update; the HTTP status to answer."""
        try:
            row = inbound(json.loads(body))
        except (ValueError, UnicodeDecodeError):
            row = None
        if row is None:
            log.info("refused a webhook request whose body is not an update")
            return 400
        try:
            fresh = await self.core.run(self.core.store.take_in, [row])
        except Exception as error:  # Telegram retries a non-200: nothing is lost
            log.error("could not store an update (%s: %s)", type(error).__name__, error)
            return 500
        self.dispatcher.submit(fresh)
        return 200


@tornado.web.stream_request_body
class _UpdateHandler(tornado.web.RequestHandler):
    """POST only; the secret and the declared size are checked before the body is read."""

    SUPPORTED_METHODS = ("POST",)

    def initialize(self, server: WebhookServer) -> None:
        self.server = server
        self.body = bytearray()

    def prepare(self) -> None:
        if not self.server.authorised(self.request.headers.get(SECRET_HEADER)):
            log.info("refused a webhook request without the right secret")
            raise tornado.web.HTTPError(403)
        length = self.request.headers.get("Content-Length")
        if length is not None and (
            not length.isdigit() or int(length) > self.server.max_body_bytes
        ):
            raise tornado.web.HTTPError(413)

    def data_received(self, chunk: bytes) -> None:
        if self._finished:
            return
        self.body += chunk
        if len(self.body) > self.server.max_body_bytes:
            self.body = bytearray()
            self.send_error(413)

    async def post(self) -> None:
        if self._finished:
            return
        status = await self.server.store(bytes(self.body))
        self.set_status(status)
        self.finish()

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        if isinstance(value, tornado.web.HTTPError):
            return
        log.error("webhook request failed (%s: %s)", typ.__name__ if typ else "?", value)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.finish()


class _NotFound(tornado.web.RequestHandler):
    def prepare(self) -> None:
        raise tornado.web.HTTPError(404)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.finish()

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        return


def quiet_tornado() -> None:
    """Tornado logs every request at INFO (with the path) and 4xx at WARNING."""
    logging.getLogger("tornado.access").setLevel(logging.ERROR)


__all__ = [
    "Dispatcher",
    "Poller",
    "WebhookServer",
    "inbound",
    "lane_of_payload",
]
