"""The harness for Telegram tests: the real bot in a thread, a stand-in core, helpers.

Kept out of ``conftest.py`` under a name of its own, so test modules can import it
without colliding with other folders' ``conftest`` modules.

The bot runs the way production runs it: ``build_application`` then ``serve`` in its own
thread and event loop (as ``asyncio.run`` does in ``rothbot telegram``), polling or
receiving webhooks over real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from botapi_double import BotApiDouble

from bot.conversation import respond
from bot.reply import Choice, Reply
from bot.service import Assistant
from bot.session import Session
from bot.store import Store
from bot.telegram_channel import TelegramConfig, build_application, channel_of, serve
from bot.telegram_channel.charts import with_chart_button

START_TIMEOUT = 10.0
HOLD_LIMIT = 30.0
"""A held turn goes on by itself after this long, so a test that fails first never hangs."""
STOP_TIMEOUT = 10.0


class ScriptedAssistant(Assistant):
    """The real service (store, transactions, outbox) over a scripted conversation core.

    For behaviour the real core rarely shows: it answers ``"<key> said: <text>"`` so tests
    can see which conversation a message went to; offers two buttons when the text ends
    in "?"; writes a 10,000-character reply for "long"; raises for "boom"; holds the turn
    for "hold" until the test sets ``go_on`` (a slow turn that lasts exactly as long as
    the test needs, however slow the machine). Each turn is counted in the session
    (``turns``) and recorded in ``calls`` with its thread.
    """

    LONG_PARAGRAPH = "This paragraph is padding for a very long answer. " * 4

    def __init__(self, store: Store) -> None:
        super().__init__(store, responder=self._respond)
        self.calls: list[tuple[str, str, str]] = []
        self.go_on = threading.Event()

    def _respond(self, session: Session, text: str, *, today: date, now: float) -> Reply:
        self.calls.append((session.key, text, threading.current_thread().name))
        session.turns += 1
        if text == "boom":
            raise RuntimeError("the core failed on purpose")
        if text == "hold":
            self.go_on.wait(HOLD_LIMIT)
        if text == "long":
            return Reply(long_text(), (Choice("More", "more"),))
        choices = (Choice("Yes", "yes"), Choice("No", "no")) if text.endswith("?") else ()
        return Reply(f"{session.key} said: {text}", choices)


def long_text(size: int = 10_000) -> str:
    """Numbered paragraphs totalling ``size`` characters, so order and loss are visible."""
    paragraphs = []
    number = 0
    while sum(len(p) + 2 for p in paragraphs) < size:
        number += 1
        paragraphs.append(f"Paragraph {number}. " + ScriptedAssistant.LONG_PARAGRAPH.strip())
    return "\n\n".join(paragraphs)[:size].rstrip()


class BotRunner:
    """The real application, served in a thread of its own with its own event loop."""

    def __init__(
        self,
        config: TelegramConfig,
        assistant_factory: Callable[[Store], object] | None = None,
        store_factory: Callable[[Path | None], Store] = Store,
    ) -> None:
        self.config = config
        self.app = build_application(
            config,
            assistant_factory=assistant_factory,  # type: ignore[arg-type]
            store_factory=store_factory,
        )
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._main, name="bot-under-test", daemon=True)

    @property
    def assistant(self) -> object:
        return channel_of(self.app).core.assistant

    def _main(self) -> None:
        try:
            asyncio.run(self._serve())
        except BaseException as error:  # re-raised in the test thread by stop()
            self._error = error
        finally:
            self._ready.set()

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        await serve(self.app, self.config, stop=self._stop, ready=self._ready.set)

    def start(self) -> BotRunner:
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT):
            raise AssertionError("the bot did not start in time")
        if self._error is not None:
            raise self._error
        return self

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None and self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(STOP_TIMEOUT)
        if self._thread.is_alive():
            raise AssertionError("the bot did not stop in time")
        if self._error is not None:
            raise self._error


def texts(messages: list[dict]) -> list[str]:
    return [message["text"] for message in messages]


_markers = itertools.count(1)


def settle(
    double: BotApiDouble,
    chat_id: int,
    *,
    deliver: Callable[[dict], object] | None = None,
    timeout: float = 5.0,
    **message: object,
) -> list[dict]:
    """Send a marker command and wait for its answer: everything before it is done.

    Updates of one chat are handled in order, so once the marker is answered, any answer
    to earlier messages would already have been sent. This proves an absence without
    sleeping. Needs ``ScriptedAssistant`` (which echoes the marker). ``deliver`` sends the
    update another way (a webhook); ``message`` holds ``user_says`` options (user, chat
    type). Returns the messages sent to the chat, the marker's answer left out.
    """
    marker = f"/marker{next(_markers)}"
    update = double.user_says(marker, chat_id=chat_id, queue=deliver is None, **message)
    if deliver is not None:
        deliver(update)
    double.wait_for(
        lambda: any(marker[1:] in m["text"] for m in double.sent_messages(chat_id)),
        timeout=timeout,
        what=f"the answer to {marker}",
    )
    return [m for m in double.sent_messages(chat_id) if marker[1:] not in m["text"]]


def reference_replies(folder: Path, key: str, messages: list[str]) -> list[Reply]:
    """What the real core answers to ``messages`` in a fresh store, without Telegram.

    The channel must deliver exactly this: comparing with it checks the adapter without
    hard-coding the core's wording, which other people change. The core is the one the
    channel runs: the conversation plus the "Show chart" button of private answers.
    """
    store = Store(folder / f"reference-{next(_markers)}.db")
    try:
        assistant = Assistant(store, responder=with_chart_button(respond))
        return [assistant.handle(key, text) for text in messages]
    finally:
        store.close()


def keyboard_data(message: dict) -> list[str]:
    """The callback data of a sent message's inline keyboard, row by row."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [button["callback_data"] for row in rows for button in row]
