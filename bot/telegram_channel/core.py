"""The synchronous core (SQLite store, conversation turns) on one worker thread.

``Assistant.handle_update`` blocks on SQLite and the language pipeline; calling it on the
event loop would stall every chat. One thread is enough, since the store serialises
anyway, and it keeps every database call on the thread that opened the database. Every
other part of the package reaches the store only through this class.

On a stop, turns already queued for the thread but not started are refused
(``TurnNotStarted``): their updates stay in the inbox for the next start, so a stop waits
for one turn at most, not for every chat that had a turn queued.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol, TypeVar

from bot.store import Outgoing, Store

T = TypeVar("T")
CLOSE_WAIT_SECONDS = 10.0
"""How long closing waits for the store (a stop's last step)."""


class TurnNotStarted(Exception):
    """The bot is stopping: this turn was not run, its update stays stored for the next start."""


class Conversation(Protocol):
    """What the channel needs of the core: ``bot.service.Assistant`` fits."""

    def handle_update(
        self,
        key: str,
        text: str,
        update_id: int,
        *,
        address: str | None = None,
        lane: str | None = None,
    ) -> Outgoing | None: ...


class CoreWorker:
    """The store and the conversation service, called from the event loop."""

    def __init__(
        self,
        db_path: Path | None,
        assistant_factory: Callable[[Store], Conversation],
        *,
        store_factory: Callable[[Path | None], Store] = Store,
    ) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rothbot-core")
        self._closed = False
        self._stopping = False
        self.not_started: set[int] = set()
        """Updates whose turn was refused because the bot is stopping."""

        def open_core() -> tuple[Store, Conversation]:
            store = store_factory(db_path)
            return store, assistant_factory(store)

        try:
            self.store, self.assistant = self._executor.submit(open_core).result()
        except BaseException:
            self._executor.shutdown(wait=False)
            raise

    async def run(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``func(*args, **kwargs)`` on the core thread."""
        call = functools.partial(func, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._executor, call)

    def stop_turns(self) -> None:
        """Start no more turns: those queued raise ``TurnNotStarted`` instead of running."""
        self._stopping = True

    async def handle_update(
        self, key: str, text: str, update_id: int, address: str, lane: str
    ) -> Outgoing | None:
        """Run the turn of a stored update; its reply is committed as owed in ``lane``.

        Raises ``TurnNotStarted`` if the bot began stopping before the thread reached it.
        """

        def turn() -> Outgoing | None:
            if self._stopping:  # read on the core thread, just before the turn would start
                self.not_started.add(update_id)
                raise TurnNotStarted(update_id)
            return self.assistant.handle_update(key, text, update_id, address=address, lane=lane)

        return await self.run(turn)

    def close(self) -> None:
        """Close the store on its own thread and stop the thread (idempotent)."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):
            self._executor.submit(self.store.close).result(timeout=CLOSE_WAIT_SECONDS)
        self._executor.shutdown(wait=True)
