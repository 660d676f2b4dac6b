"""Fixtures for the support queue: a real store in tmp_path and the assistant over it."""

from __future__ import annotations

from datetime import date

import pytest

from bot.service import Assistant
from bot.store import Store
from bot.tickets import TicketQueue

TODAY = date(2026, 12, 6)


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "rothbot.db")
    yield s
    s.close()


@pytest.fixture
def assistant(store) -> Assistant:
    return Assistant(store, today=lambda: TODAY)


@pytest.fixture
def queue(store) -> TicketQueue:
    return TicketQueue(store, today=lambda: TODAY)
