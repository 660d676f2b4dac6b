"""Fixtures for conversation stories: a real store in tmp_path, real reader, real engine."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conversation_stories import SHARED, TODAY

from bot.service import Assistant
from bot.store import Store


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "rothbot.db")
    yield s
    s.close()


@pytest.fixture
def assistant(store) -> Assistant:
    return Assistant(store, today=lambda: TODAY)


@pytest.fixture(scope="session")
def seed_question() -> str:
    """The first post of the seed thread (read from ../shared, never copied here)."""
    path = SHARED / "seed-thread.txt"
    if not path.exists():
        pytest.skip("../shared/seed-thread.txt is not available")
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    body = [line for line in lines[1:] if line]
    return body[0]
