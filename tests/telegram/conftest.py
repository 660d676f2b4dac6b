"""Fixtures for the Telegram channel: a Bot API double, and the real bot running against it.

Tests play users through the double and wait, with timeouts, for what the bot sends;
the helpers they import live in ``telegram_harness``.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from botapi_double import BotApiDouble
from telegram_harness import BotRunner, ScriptedAssistant

from bot.store import Store
from bot.telegram_channel import TelegramConfig

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """httpx honours proxy variables; the double is on 127.0.0.1 and must be reached directly."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    # As ``rothbot telegram`` does: the library's next-major RetryAfter, without a warning.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.fixture
def double() -> Iterator[BotApiDouble]:
    with BotApiDouble() as server:
        yield server


@pytest.fixture
def config(double: BotApiDouble, tmp_path: Path) -> TelegramConfig:
    """Production settings, shrunk: 1 s long polls, 50 ms backoff, one SQLite file per test."""
    return TelegramConfig(
        token=double.token,
        base_url=double.base_url,
        db_path=tmp_path / "rothbot.db",
        poll_timeout=1,
        poll_interval=0,
        retry_backoff=0.05,
        network_retries=3,
    )


@pytest.fixture
def run_bot(config: TelegramConfig) -> Iterator[Callable[..., BotRunner]]:
    """Start bots (``run_bot()``, ``run_bot(assistant_factory=..., **config changes)``)."""
    runners: list[BotRunner] = []

    def start(
        assistant_factory: Callable[[Store], object] | None = None,
        *,
        store_factory: Callable[[Path | None], Store] = Store,
        **changes: object,
    ) -> BotRunner:
        runner = BotRunner(dataclasses.replace(config, **changes), assistant_factory, store_factory)
        runners.append(runner)
        return runner.start()

    yield start
    for runner in runners:
        runner.stop()


@pytest.fixture
def scripted_bot(run_bot: Callable[..., BotRunner]) -> BotRunner:
    return run_bot(ScriptedAssistant)


@pytest.fixture
def seed_question() -> str:
    """The first post of the seed thread (read from ../shared, never copied here)."""
    path = SHARED / "seed-thread.txt"
    if not path.exists():
        pytest.skip("../shared/seed-thread.txt is not available")
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return next(line for line in lines[1:] if line)
