"""Typing actions take no turn's time and yield to replies under the rate limit.

``Limits`` is the library's rate-limiter slot: every request passes through it. These
tests call it directly with a recording callback, so they say exactly which requests
reach the wire; the turn-time half (typing never awaited by a turn) is in
``test_conversation``.
"""

from __future__ import annotations

import asyncio
import contextlib

import httpx
from telegram.error import NetworkError

from bot.telegram_channel.limits import OVERALL_PER_SECOND, TYPING, TYPING_HEADROOM, Limits


def run(coroutine):  # type: ignore[no-untyped-def]
    return asyncio.run(coroutine)


class StillClock(asyncio.SelectorEventLoop):
    """An event loop whose clock stands still (nothing here sleeps or waits on a timer).

    The overall budget is a leaky bucket that drains with the loop's clock, one request
    every 33 ms: a scenario that spends it and then checks it would see the budget freed
    again if the machine paused it that long (1 run in 150 under load did).
    """

    def time(self) -> float:
        return 1000.0


def run_at_one_instant(coroutine):  # type: ignore[no-untyped-def]
    with asyncio.Runner(loop_factory=StillClock) as runner:
        return runner.run(coroutine)


class Wire:
    """Records what reached the wire; ``fail`` makes every request fail to connect."""

    def __init__(self, fail: bool = False) -> None:
        self.sent: list[str] = []
        self.fail = fail

    def request(self, endpoint: str):  # type: ignore[no-untyped-def]
        async def callback() -> bool:
            self.sent.append(endpoint)
            if self.fail:
                raise NetworkError("httpx.ConnectError") from httpx.ConnectError("refused")
            return True

        return callback


async def through(limits: Limits, wire: Wire, endpoint: str) -> object:
    return await limits.process_request(
        wire.request(endpoint), (), {}, endpoint, {"chat_id": 5}, None
    )


def test_typing_goes_out_while_the_budget_is_free() -> None:
    async def scenario() -> list[str]:
        limits, wire = Limits(), Wire()
        await through(limits, wire, TYPING)
        return wire.sent

    assert run(scenario()) == [TYPING]


def test_typing_is_dropped_once_replies_use_half_the_budget_and_replies_still_go() -> None:
    async def scenario() -> list[str]:
        limits, wire = Limits(), Wire()
        for _ in range(OVERALL_PER_SECOND - TYPING_HEADROOM + 1):
            await through(limits, wire, "sendMessage")
        for _ in range(3):
            assert await through(limits, wire, TYPING) is True  # told "done", never sent
        await through(limits, wire, "sendMessage")
        return wire.sent

    sent = run_at_one_instant(scenario())
    assert TYPING not in sent
    assert sent.count("sendMessage") == OVERALL_PER_SECOND - TYPING_HEADROOM + 2


def test_typing_is_dropped_during_flood_control() -> None:
    async def scenario() -> list[str]:
        limits, wire = Limits(), Wire()
        limits._pause(5)  # a 429 paused every request
        await through(limits, wire, TYPING)
        return wire.sent

    assert run(scenario()) == []


def test_a_failed_typing_action_is_never_retried() -> None:
    async def scenario() -> list[str]:
        limits, wire = Limits(backoff=0.001), Wire(fail=True)
        with contextlib.suppress(NetworkError):
            await through(limits, wire, TYPING)
        with contextlib.suppress(NetworkError):
            await through(limits, wire, "sendMessage")
        return wire.sent

    sent = run(scenario())
    assert sent.count(TYPING) == 1  # a reply that failed to connect is retried; typing not
    assert sent.count("sendMessage") > 1
