"""One chat at a time, many chats at once: the lanes every turn and every send waits in.

Updates of one chat must be answered in arrival order, and an owed reply must go out
before a newer one in the same chat; different chats must not wait for each other.
A lane is a FIFO lock per chat (``asyncio.Lock`` wakes waiters in the order they came),
plus one global cap on how many lanes run at once, taken only once the lane is ours, so
a flood in one chat waits on its own lock without starving the others.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator


class Lanes:
    """Per-chat FIFO turns under a global limit; locks exist only while in use."""

    def __init__(self, max_concurrent: int = 64) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._waiting: dict[str, int] = {}
        self._slots = asyncio.Semaphore(max_concurrent)

    @contextlib.asynccontextmanager
    async def turn(self, lane: str | None) -> AsyncIterator[None]:
        """Hold ``lane``'s turn (and a global slot) until the block ends.

        ``None`` is a lane of its own for every caller (updates without a chat).
        """
        if lane is None:
            async with self._slots:
                yield
            return
        lock = self._locks.setdefault(lane, asyncio.Lock())
        self._waiting[lane] = self._waiting.get(lane, 0) + 1
        try:
            async with lock, self._slots:
                yield
        finally:
            self._waiting[lane] -= 1
            if not self._waiting[lane]:
                del self._waiting[lane]
                del self._locks[lane]

    def busy(self) -> int:
        """How many chats have work in flight or waiting (for tests and diagnostics)."""
        return len(self._locks)
