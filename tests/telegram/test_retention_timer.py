"""Retention holds while the bot runs: each message's words expire on time, idle or not.

The store's clock is one the test moves. The bot's purge timer (``purge_interval``,
shrunk here) expires every history line and evidence quote ``retention_days`` after it
was written, even in a conversation that is still going, and with no traffic at all.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from botapi_double import BotApiDouble

from bot.store import DAY, Store
from bot.telegram_channel import TelegramConfig

FIRST = "I'm 51 and I have $31,415 of after-tax money in my 401(k)"
LATER = "I'm still employed there"


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def stored_session(path: Path, key: str) -> dict | None:
    store = Store(path)
    try:
        rows = list(store.db.query("select data from sessions where key = ?", [key]))
    finally:
        store.close()
    return json.loads(rows[0]["data"]) if rows else None


def wait_until(predicate, what: str, timeout: float = 60.0) -> None:
    """Poll the file until the bot's purge timer (every 0.1 s) has done ``what``; the
    timeout only guards against a test that would otherwise hang."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out after {timeout}s waiting for {what}"
        time.sleep(0.05)


def test_words_expire_per_message_on_a_timer_in_a_live_conversation(
    double: BotApiDouble, run_bot, config: TelegramConfig
) -> None:
    clock = Clock()
    run_bot(
        purge_interval=0.1,
        store_factory=lambda path: Store(path, clock=clock, retention_days=30),
    )
    double.user_says(FIRST, chat_id=701)
    double.wait_for_messages(701, 1, timeout=20)
    clock.now += 29 * DAY
    double.user_says(LATER, chat_id=701)
    double.wait_for(lambda: len(double.sent_messages(701)) >= 2, timeout=20, what="answer 2")
    session = stored_session(config.db_path, "telegram:701")
    assert any("31,415" in turn["text"] for turn in session["history"])
    assert any("31,415" in quote for quote in session["evidence"].values())

    clock.now += 2 * DAY  # day 31: the first message is 31 days old, the second 2

    def first_gone() -> bool:
        return "31,415" not in json.dumps(stored_session(config.db_path, "telegram:701"))

    wait_until(first_gone, "the first message's words to expire")
    session = stored_session(config.db_path, "telegram:701")
    assert any(LATER in turn["text"] for turn in session["history"])  # day 29's words stay
    assert session["facts"]  # what was read from them stays while the conversation does
    for name in ("rothbot.db", "rothbot.db-wal"):
        file = config.db_path.parent / name
        if file.exists():
            assert b"31,415" not in file.read_bytes()

    clock.now += 30 * DAY  # nobody writes: the idle bot still expires the rest
    wait_until(
        lambda: stored_session(config.db_path, "telegram:701") is None,
        "the idle conversation to expire",
    )
