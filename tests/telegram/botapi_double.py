"""A Bot API test double: a real HTTP server on 127.0.0.1 that speaks Telegram's wire format.

Telegram cannot be reached from the test machines, and mocking the library would test
nothing of what breaks in production (encoding, error statuses, retries, ordering). So
the bot under test talks HTTP to this server, exactly as it talks to api.telegram.org:

- requests are ``POST /bot<token>/<method>`` with form-urlencoded fields (multipart and
  JSON bodies are accepted too); nested objects (``reply_markup``, ``commands``,
  ``allowed_updates``) arrive as JSON strings, scalars as strings;
- answers are ``{"ok": true, "result": ...}``; errors use the real HTTP status and
  ``{"ok": false, "error_code", "description", "parameters": {"retry_after": N}}``;
- ``getUpdates`` honours ``offset`` (confirming earlier updates) and blocks up to
  ``min(timeout, 1 s)`` waiting for one, so polling neither spins nor slows the tests;
- ``sendMessage`` is checked the way Telegram checks it: HTML must parse (only supported
  tags, ``&`` only in entities), at most 4096 characters after parsing, callback data of
  1-64 bytes; editing a message to identical content fails with "message is not modified".

A test plays the users (``user_says``, ``press``, ``push``), programs failures
(``fail_next``), and reads what the bot did (``sent_messages``, ``calls_to``), waiting with
``wait_for`` (always bounded). The server runs in its own threads, independent of the
bot's event loop.
"""

from __future__ import annotations

import contextlib
import dataclasses
import html
import itertools
import json
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, deque
from collections.abc import Callable
from email.parser import BytesParser
from email.policy import HTTP
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DEFAULT_TOKEN = "123456789:AAE-test-token_for_the_double_only"
LONG_POLL_CAP = 1.0
MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
PHOTO_MAX_BYTES = 10 * 1024 * 1024  # sendPhoto: at most 10 MB
PHOTO_MAX_SIDES = 10_000  # sendPhoto: width + height at most 10000, ratio at most 20
CALLBACK_DATA_LIMIT = 64
SUPPORTED_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "span"}
    | {"tg-spoiler", "tg-emoji", "blockquote"}
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^<>]*)?)>")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]+|#x[0-9A-Fa-f]+);")
_SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_COMMAND = re.compile(r"^/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?")
_MENTION = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{5,32}")
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)


class ApiError(Exception):
    """An error answer: HTTP status, description, optional retry_after."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after


@dataclasses.dataclass
class Failure:
    """One programmed failure of a method call."""

    status: int | None = None
    description: str | None = None
    retry_after: int | None = None
    disconnect: bool = False
    delay: float = 0.0
    chat_id: int | None = None


@dataclasses.dataclass(frozen=True)
class ApiCall:
    """A request as the double received it (the token is not kept)."""

    method: str
    params: dict[str, Any]
    at: float
    status: int


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> str:
    """The visible text of Telegram HTML, or ApiError 400 as Telegram would answer."""
    visible: list[str] = []
    stack: list[str] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char == "<":
            tag = _TAG.match(text, position)
            name = tag.group(2).lower() if tag else ""
            if not tag or name not in SUPPORTED_TAGS:
                offset = len(text[:position].encode("utf-8"))
                raise ApiError(
                    400,
                    f'Bad Request: can\'t parse entities: Unsupported start tag "{name}" '
                    f"at byte offset {offset}",
                )
            if tag.group(1):
                if not stack or stack[-1] != name:
                    raise ApiError(
                        400,
                        f"Bad Request: can't parse entities: Unmatched end tag at byte offset "
                        f'{len(text[:position].encode("utf-8"))}, expected "</{stack[-1]}>"'
                        if stack
                        else "Bad Request: can't parse entities: Unexpected end tag",
                    )
                stack.pop()
            else:
                stack.append(name)
            position = tag.end()
        elif char == "&":
            entity = _ENTITY.match(text, position)
            if not entity:
                offset = len(text[:position].encode("utf-8"))
                raise ApiError(
                    400,
                    "Bad Request: can't parse entities: Character '&' is reserved and must "
                    f"be escaped with the preceding '\\' at byte offset {offset}",
                )
            visible.append(html.unescape(entity.group()))
            position = entity.end()
        elif char == ">":
            raise ApiError(400, "Bad Request: can't parse entities: Unexpected '>'")
        else:
            visible.append(char)
            position += 1
    if stack:
        raise ApiError(
            400,
            f"Bad Request: can't parse entities: Can't find end tag corresponding to start "
            f'tag "{stack[-1]}"',
        )
    return "".join(visible)


def entities_for(text: str) -> list[dict[str, Any]]:
    """The entities Telegram's clients attach: a leading bot_command, @mentions."""
    entities = []
    command = _COMMAND.match(text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command[0])})
    for mention in _MENTION.finditer(text):
        entities.append(
            {
                "type": "mention",
                "offset": utf16_len(text[: mention.start()]),
                "length": utf16_len(mention.group()),
            }
        )
    return entities


class BotApiDouble:
    """The fake Telegram: start it, point the bot's ``base_url`` at it, play the users."""

    def __init__(
        self, token: str = DEFAULT_TOKEN, *, username: str = "rothbot_test_bot", bot_id: int = 7001
    ) -> None:
        self.token = token
        self.bot_user = {
            "id": bot_id,
            "is_bot": True,
            "first_name": "rothbot",
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self._cond = threading.Condition()
        self._pending: list[dict[str, Any]] = []
        self._update_ids = itertools.count(100)
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._failures: dict[str, deque[Failure]] = {}
        self._windows: dict[str, tuple[float, Failure]] = {}
        self.window_clock: Callable[[], float] = time.monotonic
        """The clock ``fail_for`` windows are timed by (a test may stop it)."""
        self._calls: list[ApiCall] = []
        self._serving: Counter[str] = Counter()
        self._chats: dict[int, dict[str, Any]] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._parse_modes: dict[tuple[int, int], str | None] = {}
        self._open_queries: set[str] = set()
        self._answered: list[str] = []
        self._photos: list[tuple[int, dict[str, Any], bytes]] = []
        self.commands: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] | None = None
        self.fail_unknown_methods = True
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopped = threading.Event()
        self._releases = 0

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> BotApiDouble:
        handler = type("Handler", (_Handler,), {"double": self})
        self._server = _Server(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="botapi-double",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._stopped.set()  # slowed requests end their wait
            self._cond.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        with self._cond:
            self._cond.notify_all()

    def __enter__(self) -> BotApiDouble:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "start() the double first"
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """What ``TELEGRAM_API_BASE_URL`` is set to: the token is appended by the library."""
        return f"http://127.0.0.1:{self.port}/bot"

    # -- playing the users -------------------------------------------------------------

    def user_says(
        self,
        text: str,
        *,
        chat_id: int,
        user_id: int | None = None,
        chat_type: str = "private",
        reply_to: dict[str, Any] | None = None,
        queue: bool = True,
    ) -> dict[str, Any]:
        """Queue a text message from a user; returns the update (to push again later)."""
        user_id = chat_id if user_id is None else user_id
        chat = self._chat(chat_id, chat_type, user_id)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
            "text": text,
        }
        entities = entities_for(text)
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        with self._cond:
            self._messages[(chat_id, message["message_id"])] = message
        update = {"update_id": next(self._update_ids), "message": message}
        if queue:
            self.push(update)
        return update

    def press(
        self,
        message: dict[str, Any],
        data: str,
        *,
        user_id: int | None = None,
        queue: bool = True,
    ) -> dict[str, Any]:
        """Queue a button press on one of the bot's messages; returns the update."""
        chat_id = message["chat"]["id"]
        user_id = chat_id if user_id is None else user_id
        query_id = f"q{next(self._query_ids)}"
        with self._cond:
            current = self._messages.get((chat_id, message["message_id"]), message)
            self._open_queries.add(query_id)
        update = {
            "update_id": next(self._update_ids),
            "callback_query": {
                "id": query_id,
                "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
                "chat_instance": f"ci{chat_id}",
                "message": json.loads(json.dumps(current)),
                "data": data,
            },
        }
        if queue:
            self.push(update)
        return update

    def push(self, *updates: dict[str, Any]) -> None:
        """Queue raw updates (pushing one twice is a redelivery with the same update_id)."""
        with self._cond:
            self._pending.extend(json.loads(json.dumps(u)) for u in updates)
            self._cond.notify_all()

    def deliver_to_webhook(
        self, update: dict[str, Any], *, secret: str | None = "<registered>", timeout: float = 5
    ) -> int:
        """POST an update to the registered webhook, as Telegram does; returns the status."""
        assert self.webhook is not None, "the bot has not called setWebhook"
        headers = {"Content-Type": "application/json"}
        if secret == "<registered>":
            secret = self.webhook.get("secret_token")
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        request = urllib.request.Request(
            self.webhook["url"], data=json.dumps(update).encode(), headers=headers, method="POST"
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=timeout) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)

    # -- programming failures -------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int | None = None,
        *,
        times: int = 1,
        description: str | None = None,
        retry_after: int | None = None,
        disconnect: bool = False,
        delay: float = 0.0,
        chat_id: int | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` (to ``chat_id``, if given) fail.

        With ``status``: an error answer (429 with ``retry_after`` is flood control).
        With ``disconnect``: the connection closes with no answer, after ``delay`` seconds,
        and the request is not carried out (a lost request, as on a network failure).
        """
        if status is None and not disconnect:
            raise ValueError("give a status or disconnect=True (slow_next slows a success)")
        self._program(
            method, Failure(status, description, retry_after, disconnect, delay), times, chat_id
        )

    def fail_for(
        self, method: str, status: int, seconds: float, *, retry_after: int | None = None
    ) -> None:
        """Answer every call of ``method`` with ``status`` for the next ``seconds`` (an
        outage window, as in a 429 storm or a 502 spell), whoever the call is for."""
        with self._cond:
            self._windows[method] = (
                self.window_clock() + seconds,
                Failure(status, None, retry_after),
            )

    def end_outage(self, *methods: str) -> None:
        """End the ``fail_for`` windows of ``methods`` now (a test that waits for the
        outage to do its harm, instead of guessing how long the harm takes)."""
        with self._cond:
            for method in methods:
                self._windows.pop(method, None)

    def slow_next(
        self, method: str, seconds: float, *, times: int = 1, chat_id: int | None = None
    ) -> None:
        """Make the next ``times`` calls of ``method`` succeed, but only after ``seconds``."""
        self._program(method, Failure(delay=seconds), times, chat_id)

    def release_slowed(self) -> None:
        """Let every request that ``slow_next`` is holding go on now: a test can then order
        events by what it waited for, not by how long a delay outlasts them."""
        with self._cond:
            self._releases += 1
            self._cond.notify_all()

    def wait_slowed(self, seconds: float) -> None:
        """A slowed request's wait: ``seconds``, or until ``release_slowed`` or ``stop``."""
        deadline = time.monotonic() + seconds
        with self._cond:
            releases = self._releases
            while self._releases == releases and not self._stopped.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return
                self._cond.wait(remaining)

    def _program(self, method: str, failure: Failure, times: int, chat_id: int | None) -> None:
        failure = dataclasses.replace(failure, chat_id=chat_id)
        with self._cond:
            self._failures.setdefault(method, deque()).extend([failure] * times)

    def in_flight(self, method: str) -> int:
        """Requests of ``method`` received and not yet answered (a slowed one, say)."""
        with self._cond:
            return self._serving[method]

    def programmed(self, method: str) -> int:
        """How many programmed failures and delays of ``method`` no call has taken yet.

        A delayed call takes its program when it arrives, so 0 after ``slow_next`` means
        the slow request is in flight (or done).
        """
        with self._cond:
            return len(self._failures.get(method, ()))

    # -- reading what the bot did --------------------------------------------------------

    def calls_to(self, method: str) -> list[ApiCall]:
        with self._cond:
            return [call for call in self._calls if call.method == method]

    @property
    def calls(self) -> list[ApiCall]:
        with self._cond:
            return list(self._calls)

    def sent_messages(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Messages the bot sent successfully, oldest first (current content after edits).

        Each is the Message object Telegram returned, plus ``parse_mode`` as requested.
        """
        with self._cond:
            return [
                {**json.loads(json.dumps(message)), "parse_mode": self._parse_modes.get(key)}
                for key, message in sorted(self._messages.items(), key=lambda i: i[0][1])
                if message["from"]["id"] == self.bot_user["id"]
                and (chat_id is None or key[0] == chat_id)
            ]

    def sent_photos(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Photos the bot sent, oldest first: the Message Telegram returned, plus
        ``bytes`` (the uploaded file) and ``reply_to`` (the message id it answered)."""
        with self._cond:
            return [
                {**json.loads(json.dumps(message)), "bytes": image}
                for chat, message, image in self._photos
                if chat_id is None or chat == chat_id
            ]

    def answered_queries(self) -> list[str]:
        with self._cond:
            return list(self._answered)

    def pending_updates(self) -> int:
        with self._cond:
            return len(self._pending)

    def wait_for(
        self, predicate: Callable[[], Any], *, timeout: float = 5.0, what: str = "condition"
    ) -> Any:
        """Block until ``predicate()`` is truthy (re-checked on every API call); bounded."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                result = predicate()
                if result:
                    return result
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"timed out after {timeout}s waiting for {what}")
                self._cond.wait(min(remaining, 0.1))

    def wait_for_messages(
        self, chat_id: int, count: int, *, timeout: float = 5.0
    ) -> list[dict[str, Any]]:
        """Wait until the bot has sent at least ``count`` messages to ``chat_id``."""
        return self.wait_for(
            lambda: (m := self.sent_messages(chat_id)) and len(m) >= count and m,
            timeout=timeout,
            what=f"{count} message(s) to chat {chat_id}",
        )

    # -- the Bot API -------------------------------------------------------------------

    def _chat(self, chat_id: int, chat_type: str, user_id: int) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = f"User{user_id}"
        else:
            chat["title"] = f"Group {chat_id}"
        with self._cond:
            self._chats[chat_id] = chat
        return chat

    def handle(self, method: str, params: dict[str, Any]) -> Any:
        """Carry out one call; raises ApiError for an error answer."""
        api = getattr(self, f"api_{method}", None)
        if api is None:
            raise ApiError(404, "Not Found")
        return api(params)

    def take_failure(self, method: str, params: dict[str, Any]) -> Failure | None:
        """The first programmed failure for this call, removed from the program."""
        with self._cond:
            window = self._windows.get(method)
            if window is not None and self.window_clock() < window[0]:
                return window[1]
            for failure in self._failures.get(method, ()):
                if failure.chat_id is None or str(failure.chat_id) == params.get("chat_id"):
                    self._failures[method].remove(failure)
                    return failure
            return None

    def record(self, method: str, params: dict[str, Any], status: int) -> None:
        with self._cond:
            self._calls.append(ApiCall(method, params, time.monotonic(), status))
            self._cond.notify_all()

    def api_getMe(self, params: dict[str, Any]) -> Any:
        return self.bot_user

    def api_getUpdates(self, params: dict[str, Any]) -> Any:
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        wait = min(float(params.get("timeout") or 0), LONG_POLL_CAP)
        allowed = json.loads(params["allowed_updates"]) if params.get("allowed_updates") else []
        deadline = time.monotonic() + wait
        with self._cond:
            if offset > 0:
                self._pending = [u for u in self._pending if u["update_id"] >= offset]
            while True:
                ready = [
                    u for u in self._pending if not allowed or any(kind in u for kind in allowed)
                ]
                remaining = deadline - time.monotonic()
                if ready or remaining <= 0 or self._server is None:
                    return ready[:limit]
                self._cond.wait(remaining)

    def api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        with self._cond:
            self.webhook = None
            if params.get("drop_pending_updates") in ("true", "True", True):
                self._pending.clear()
        return True

    def api_setWebhook(self, params: dict[str, Any]) -> Any:
        url = params.get("url", "")
        secret = params.get("secret_token")
        if secret is not None and not _SECRET_TOKEN.match(secret):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        if not url:
            return self.api_deleteWebhook(params)
        if not url.startswith(("https://", "http://127.0.0.1")):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided")
        with self._cond:
            self.webhook = {"url": url, "secret_token": secret, "params": dict(params)}
        return True

    def api_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        with self._cond:
            return {
                "url": (self.webhook or {}).get("url", ""),
                "has_custom_certificate": False,
                "pending_update_count": len(self._pending),
            }

    def api_setMyCommands(self, params: dict[str, Any]) -> Any:
        commands = json.loads(params["commands"])
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command.get("command", "")):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        with self._cond:
            self.commands = commands
        return True

    def api_sendChatAction(self, params: dict[str, Any]) -> Any:
        self._known_chat(params)
        return True

    def api_sendMessage(self, params: dict[str, Any]) -> Any:
        chat = self._known_chat(params)
        raw = params.get("text", "")
        visible = parse_html(raw) if params.get("parse_mode") == "HTML" else raw
        if not visible.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(visible) > MESSAGE_LIMIT:
            raise ApiError(400, "Bad Request: message is too long")
        markup = self._markup(params)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": {k: self.bot_user[k] for k in ("id", "is_bot", "first_name", "username")},
            "text": visible,
        }
        if markup:
            message["reply_markup"] = markup
        reply = json.loads(params["reply_parameters"]) if params.get("reply_parameters") else {}
        with self._cond:
            if reply:
                original = self._messages.get((chat["id"], int(reply["message_id"])))
                if original is None and not reply.get("allow_sending_without_reply"):
                    raise ApiError(400, "Bad Request: message to be replied not found")
                if original is not None:
                    message["reply_to_message"] = {
                        k: v for k, v in original.items() if k != "reply_to_message"
                    }
            self._parse_modes[(chat["id"], message["message_id"])] = params.get("parse_mode")
            self._messages[(chat["id"], message["message_id"])] = message
        return message

    def api_sendPhoto(self, params: dict[str, Any]) -> Any:
        """A photo uploaded as a multipart file; checked as Telegram checks it (size,
        sides, caption length) and kept apart from text messages (``sent_photos``)."""
        chat = self._known_chat(params)
        image = params.get("photo")
        if not isinstance(image, bytes) or not image:
            raise ApiError(400, "Bad Request: there is no photo in the request")
        if len(image) > PHOTO_MAX_BYTES:
            raise ApiError(400, "Bad Request: PHOTO_INVALID_DIMENSIONS")
        if not image.startswith(b"\x89PNG\r\n\x1a\n") or image[12:16] != b"IHDR":
            raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        width = int.from_bytes(image[16:20], "big")
        height = int.from_bytes(image[20:24], "big")
        if width + height > PHOTO_MAX_SIDES or max(width, height) > 20 * min(width, height):
            raise ApiError(400, "Bad Request: PHOTO_INVALID_DIMENSIONS")
        caption = params.get("caption", "")
        if utf16_len(caption) > CAPTION_LIMIT:
            raise ApiError(400, "Bad Request: message caption is too long")
        number = next(self._message_ids)
        message: dict[str, Any] = {
            "message_id": number,
            "date": int(time.time()),
            "chat": chat,
            "from": {k: self.bot_user[k] for k in ("id", "is_bot", "first_name", "username")},
            "photo": [
                {
                    "file_id": f"photo-{number}",
                    "file_unique_id": f"unique-{number}",
                    "width": width,
                    "height": height,
                    "file_size": len(image),
                }
            ],
        }
        if caption:
            message["caption"] = caption
        if params.get("reply_parameters"):
            message["reply_to"] = int(json.loads(params["reply_parameters"])["message_id"])
        with self._cond:
            self._photos.append((chat["id"], message, image))
        return {k: v for k, v in message.items() if k != "reply_to"}

    def api_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        return self._edit(params, text=None)

    def api_editMessageText(self, params: dict[str, Any]) -> Any:
        raw = params.get("text", "")
        visible = parse_html(raw) if params.get("parse_mode") == "HTML" else raw
        return self._edit(params, text=visible)

    def api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        query_id = params.get("callback_query_id", "")
        with self._cond:
            if query_id not in self._open_queries:
                raise ApiError(
                    400,
                    "Bad Request: query is too old and response timeout expired or query ID "
                    "is invalid",
                )
            self._open_queries.discard(query_id)
            self._answered.append(query_id)
        return True

    def _edit(self, params: dict[str, Any], *, text: str | None) -> Any:
        chat = self._known_chat(params)
        key = (chat["id"], int(params.get("message_id", 0)))
        markup = self._markup(params)
        with self._cond:
            message = self._messages.get(key)
            if message is None or message["from"]["id"] != self.bot_user["id"]:
                raise ApiError(400, "Bad Request: message to edit not found")
            new_text = message["text"] if text is None else text
            if new_text == message["text"] and markup == message.get("reply_markup"):
                raise ApiError(400, _NOT_MODIFIED)
            message["text"] = new_text
            if markup:
                message["reply_markup"] = markup
            else:
                message.pop("reply_markup", None)
            return message

    def _known_chat(self, params: dict[str, Any]) -> dict[str, Any]:
        try:
            chat_id = int(params.get("chat_id", ""))
        except ValueError:
            raise ApiError(400, "Bad Request: chat not found") from None
        with self._cond:
            chat = self._chats.get(chat_id)
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        return chat

    @staticmethod
    def _markup(params: dict[str, Any]) -> dict[str, Any] | None:
        if not params.get("reply_markup"):
            return None
        markup = json.loads(params["reply_markup"])
        for row in markup.get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if not button.get("text"):
                    raise ApiError(400, "Bad Request: BUTTON_TEXT_INVALID")
                if data is not None and not 1 <= len(data.encode()) <= CALLBACK_DATA_LIMIT:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        return markup or None


class _Server(ThreadingHTTPServer):
    """Threads per connection; a client hanging up is normal here, not an error to print.

    The listen backlog is Telegram-sized: with socketserver's default of 5, a bot opening
    20 connections at once on a loaded machine had some dropped after its request was
    written, so the sends got no answer and counted as (maybe) delivered, and the test
    that restarts with 99 replies owed timed out now and then. It holds every connection
    the library's pool (256) can open at once: with 128, 200 connections opened together
    on a loaded machine overflowed it before this thread (one thread started per accept)
    took them, and the kernel dropped handshakes; the client tries again after 1, 3 and
    7 s, so some connects timed out.
    """

    daemon_threads = True
    request_queue_size = 1024

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    """One HTTP exchange: route, parse the body, answer in Telegram's envelope."""

    double: BotApiDouble
    protocol_version = "HTTP/1.1"
    timeout = 10

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read calls
        return

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        path = urllib.parse.urlsplit(self.path)
        prefix = f"/bot{self.double.token}/"
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if not path.path.startswith("/bot"):
            self._answer(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        if not path.path.startswith(prefix):
            self._answer(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        method = path.path[len(prefix) :]
        params = dict(urllib.parse.parse_qsl(path.query))
        params.update(_parse_body(self.headers.get("Content-Type", ""), body))

        with self.double._cond:
            self.double._serving[method] += 1
        try:
            self._run(method, params)
        finally:
            with self.double._cond:
                self.double._serving[method] -= 1

    def _run(self, method: str, params: dict[str, Any]) -> None:
        failure = self.double.take_failure(method, params)
        if failure is not None and failure.disconnect:
            self.double.record(method, params, 0)  # status 0: no answer will come
        if failure is not None and failure.delay:
            self.double.wait_slowed(failure.delay)
        if failure is not None and failure.disconnect:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(2)
            return
        if failure is not None and failure.status is not None:
            status = failure.status
            error = ApiError(
                status,
                failure.description or _default_description(status),
                failure.retry_after,
            )
            self._error(method, params, error)
            return
        try:
            result = self.double.handle(method, params)
        except ApiError as error:
            self._error(method, params, error)
            return
        self.double.record(method, params, 200)
        self._answer(200, {"ok": True, "result": result})

    def _error(self, method: str, params: dict[str, Any], error: ApiError) -> None:
        self.double.record(method, params, error.status)
        payload: dict[str, Any] = {
            "ok": False,
            "error_code": error.status,
            "description": error.description,
        }
        if error.retry_after is not None:
            payload["parameters"] = {"retry_after": error.retry_after}
        self._answer(error.status, payload)

    def _answer(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            # The library abandons a long poll when it stops: nobody is listening any more.
            self.close_connection = True


def _default_description(status: int) -> str:
    if status == 429:
        return "Too Many Requests: retry after 1"
    with contextlib.suppress(ValueError):
        return HTTPStatus(status).phrase
    return "Error"


def _parse_body(content_type: str, body: bytes) -> dict[str, Any]:
    """Form-urlencoded (what the library sends), multipart, or JSON, into plain fields."""
    if not body:
        return {}
    if content_type.startswith("application/x-www-form-urlencoded"):
        return dict(urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    if content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        fields: dict[str, Any] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True) or b""
            fields[str(name)] = payload.decode("utf-8") if part.get_filename() is None else payload
        return fields
    if content_type.startswith("application/json"):
        decoded = json.loads(body)
        return {
            key: json.dumps(value) if isinstance(value, dict | list) else str(value)
            for key, value in decoded.items()
        }
    return {}
