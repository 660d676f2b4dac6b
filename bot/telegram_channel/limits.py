"""Telegram's limits, retries, and which failures may be retried without a duplicate.

``Limits`` is the library's rate limiter slot (every Bot API request passes through it):

- flood limits: at most 30 requests a second overall and 20 a minute per group; a 429
  answer pauses *every* request for its ``retry_after``, then the request is tried again
  (``flood_retries`` times);
- transient failures (5xx answers, connection refused, timeouts before the request was
  sent) are retried ``network_retries`` times with exponential backoff and jitter;
- at most once: a send whose request reached Telegram but got no answer (read timeout,
  connection dropped) may have been delivered, so it is *not* retried; the caller
  counts it as maybe delivered (``maybe_delivered``);
- typing actions yield: one is dropped rather than queued unless half the overall budget
  is unused and flood control is off, and none is retried, so they never delay a reply;
- one log line when an outage (flood control, or Telegram failing) starts and one when
  it ends, however many requests it touched (``Episodes``).
"""

from __future__ import annotations

import asyncio
import contextvars
import datetime as dtm
import logging
import random
import time
import warnings
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

import httpx
from aiolimiter import AsyncLimiter
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

OVERALL_PER_SECOND = 30
GROUP_PER_MINUTE = 20
TYPING = "sendChatAction"
TYPING_HEADROOM = OVERALL_PER_SECOND // 2
"""A typing action goes out only while half the overall budget is unused: under load the
budget is the replies'."""
NOT_RETRIED = frozenset({TYPING, "getMe", "getUpdates"})
"""A typing action is cosmetic; getMe runs at start, where failing fast with one line lets
the service manager restart us; getUpdates has the intake's own loop around it."""
SENDS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendMediaGroup",
        "copyMessage",
        "forwardMessage",
    }
)
"""Requests that create a message: repeating one that arrived shows it twice."""
_UNSENT_CAUSES = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.WriteTimeout)
"""httpx failures that prove Telegram did not get the whole request."""


@dataclass(frozen=True)
class WireHooks:
    """What a send notes around the moment its request goes on the wire.

    ``before`` runs after the flood limits let the request through, with no wait between
    it and the write (it must not block); ``not_sent`` when Telegram's answer (or a
    failure to connect) proves the request was not carried out. Between the two, a crash
    or a lost answer leaves the part counted as delivered (at most once), so the window
    is the request itself (``wire.WireLog``).
    """

    before: Callable[[], None]
    not_sent: Callable[[], None]


on_the_wire: contextvars.ContextVar[WireHooks | None] = contextvars.ContextVar(
    "rothbot_on_the_wire", default=None
)
"""Set by ``delivery`` around each message part it sends (a context variable, because the
request passes through the library between the two)."""


def maybe_delivered(error: BaseException) -> bool:
    """True if ``error`` leaves open whether Telegram carried the request out.

    An answer (any HTTP status) settles it, and so does a failure before the request was
    written (connection refused, connect or pool timeout, write timeout); a request sent
    and never answered (read timeout, connection dropped) does not.
    """
    if not isinstance(error, NetworkError) or isinstance(error, RetryAfter | ChatMigrated):
        return False
    cause = error.__cause__
    # No cause: a status answer (5xx) mapped to NetworkError, so Telegram did answer.
    return cause is not None and not isinstance(cause, _UNSENT_CAUSES)


def retry_after_seconds(error: RetryAfter) -> float:
    """``retry_after`` in seconds, whichever type this library version hands out."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        value = error.retry_after
    if isinstance(value, dtm.timedelta):
        return value.total_seconds()
    return float(value)


class Episodes:
    """One line when trouble of a kind starts, one when a request gets through again."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._open: dict[str, tuple[float, int]] = {}

    def trouble(self, kind: str, detail: str) -> None:
        """A request met ``kind`` of trouble (``"flood control"``, ``"Telegram errors"``)."""
        if kind in self._open:
            started, hits = self._open[kind]
            self._open[kind] = (started, hits + 1)
            log.debug("%s again (%s)", kind, detail)
            return
        self._open[kind] = (self._clock(), 1)
        log.warning("%s started (%s); holding requests and retrying", kind, detail)

    def recovered(self) -> None:
        """A request succeeded: every open episode is over."""
        if not self._open:
            return
        now = self._clock()
        for kind, (started, hits) in self._open.items():
            log.warning(
                "%s ended after %.1f s (%d failed tries in between)", kind, now - started, hits
            )
        self._open.clear()

    def active(self, kind: str | None = None) -> bool:
        """True while an episode (of ``kind``, or any) is open."""
        return bool(self._open) if kind is None else kind in self._open


class Limits(BaseRateLimiter[int]):
    """Flood limits, bounded retries, at-most-once sends, yielding typing actions."""

    def __init__(
        self,
        *,
        flood_retries: int = 3,
        network_retries: int = 4,
        backoff: float = 0.5,
        max_backoff: float = 10.0,
    ) -> None:
        self._flood_retries = flood_retries
        self._network_retries = network_retries
        self._backoff = backoff
        self._max_backoff = max_backoff
        self._overall = AsyncLimiter(OVERALL_PER_SECOND, 1)
        self._groups: dict[int, AsyncLimiter] = {}
        self._resume_at = 0.0
        self._stopping = False
        self.episodes = Episodes()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    def stop(self) -> None:
        """From now on, requests waiting out flood control fail instead of waiting."""
        self._stopping = True

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        chat_id = _chat_id(data)
        if endpoint == TYPING:
            if self._paused() or not self._overall.has_capacity(TYPING_HEADROOM):
                return True  # cosmetic: never take budget a reply may need
            return await self._once(callback, args, kwargs, chat_id)
        flood = network = 0
        while True:
            await self._wait_out_pause()
            try:
                result = await self._once(callback, args, kwargs, chat_id)
            except RetryAfter as error:
                seconds = retry_after_seconds(error)
                self.episodes.trouble("flood control", f"{endpoint}: retry after {seconds:g} s")
                self._pause(seconds + 0.1)
                if flood >= (rate_limit_args or self._flood_retries):
                    raise
                flood += 1
                continue
            except (BadRequest, Forbidden, InvalidToken, Conflict, ChatMigrated):
                raise
            except NetworkError as error:
                if endpoint in SENDS and maybe_delivered(error):
                    raise  # at most once: the caller counts it as maybe delivered
                if endpoint == "getMe":
                    raise  # at start: ``run`` reports it in one line
                if endpoint in NOT_RETRIED or network >= self._network_retries:
                    self.episodes.trouble("Telegram errors", f"{endpoint}: {error}")
                    raise
                self.episodes.trouble("Telegram errors", f"{endpoint}: {error}")
                delay = min(self._max_backoff, self._backoff * 2**network)
                network += 1
                await asyncio.sleep(delay * random.uniform(0.8, 1.2))
                continue
            except TelegramError:
                raise
            self.episodes.recovered()
            return result

    async def _once(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        chat_id: int | None,
    ) -> Any:
        if chat_id is None:
            return await _on_the_wire(callback, args, kwargs)
        if chat_id < 0:
            group = self._groups.get(chat_id)
            if group is None:
                group = self._groups[chat_id] = AsyncLimiter(GROUP_PER_MINUTE, 60)
                self._forget_idle_groups(chat_id)
            async with group, self._overall:
                return await _on_the_wire(callback, args, kwargs)
        async with self._overall:
            return await _on_the_wire(callback, args, kwargs)

    def _forget_idle_groups(self, keep: int) -> None:
        if len(self._groups) <= 512:
            return
        for chat_id, limiter in list(self._groups.items()):
            if chat_id != keep and limiter.has_capacity(limiter.max_rate):
                del self._groups[chat_id]

    def _pause(self, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        self._resume_at = max(self._resume_at, loop.time() + seconds)

    def _paused(self) -> bool:
        return asyncio.get_running_loop().time() < self._resume_at

    async def _wait_out_pause(self) -> None:
        loop = asyncio.get_running_loop()
        while (remaining := self._resume_at - loop.time()) > 0:
            if self._stopping:
                raise NetworkError("stopping: not waiting out flood control")
            await asyncio.sleep(min(remaining, 0.5))


async def _on_the_wire(
    callback: Callable[..., Coroutine[Any, Any, Any]], args: Any, kwargs: dict[str, Any]
) -> Any:
    """Make the request, with the ``on_the_wire`` hooks of a send around it."""
    hooks = on_the_wire.get()
    if hooks is None:
        return await callback(*args, **kwargs)
    hooks.before()
    try:
        return await callback(*args, **kwargs)
    except BaseException as error:
        if not maybe_delivered(error) and not isinstance(error, asyncio.CancelledError):
            hooks.not_sent()
        raise


def _chat_id(data: dict[str, Any]) -> int | None:
    try:
        return int(data["chat_id"])
    except (KeyError, TypeError, ValueError):
        return None
