"""Never lose a message: every update is stored before Telegram is told it arrived.

A bot process is killed (SIGKILL) after it fetched updates and before it answered them,
or stopped (SIGTERM) with a backlog; a second bot opens the same SQLite file. Every update
is then answered exactly once: none lost, none repeated, each chat in order.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from botapi_double import BotApiDouble
from telegram_harness import ScriptedAssistant, texts

from bot.store import Store
from bot.telegram_channel import TelegramConfig

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def start_process(double: BotApiDouble, db: Path, **env: str) -> subprocess.Popen[str]:
    clean = {k: v for k, v in os.environ.items() if not k.upper().endswith("_PROXY")}
    clean.update(
        NO_PROXY="127.0.0.1,localhost",
        TELEGRAM_BOT_TOKEN=double.token,
        TELEGRAM_API_BASE_URL=double.base_url,
        PTB_TIMEDELTA="1",
        **env,
    )
    process = subprocess.Popen(
        [sys.executable, str(HERE / "bot_process.py"), str(db)],
        env=clean,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    double.wait_for(lambda: double.calls_to("getUpdates"), timeout=30, what="the bot to poll")
    return process


def answers(double: BotApiDouble, chats: list[int]) -> Counter[str]:
    return Counter(text for chat in chats for text in texts(double.sent_messages(chat)))


@pytest.fixture
def kill_later():
    processes: list[subprocess.Popen[str]] = []
    yield processes.append
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def test_a_bot_killed_between_fetching_and_answering_answers_every_update_once(
    double: BotApiDouble, run_bot, config: TelegramConfig, kill_later
) -> None:
    process = start_process(double, config.db_path)
    kill_later(process)
    chats = [601, 602, 603]
    double.user_says("before", chat_id=601)
    double.wait_for_messages(601, 1, timeout=10)
    # "hang" blocks the core for good, as a crash would. The messages after it are queued
    # in the same instant, so one getUpdates fetches them all: a batch fetched after the
    # hung turn began would be stored behind it on the core thread, never confirmed.
    backlog = [double.user_says("hang", chat_id=601, queue=False)]
    for n in range(4):
        for chat in chats:
            backlog.append(double.user_says(f"message {n}", chat_id=chat, queue=False))
    double.push(*backlog)
    # Confirmed by the next getUpdates' offset, which is sent only once the batch is stored.
    double.wait_for(lambda: double.pending_updates() == 0, timeout=10, what="all stored")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)

    run_bot(ScriptedAssistant)
    expected = Counter(
        [f"telegram:{chat} said: message {n}" for chat in chats for n in range(4)]
        + ["telegram:601 said: before", "telegram:601 said: hang"]
    )
    double.wait_for(lambda: answers(double, chats) == expected, timeout=15, what="every answer")

    assert answers(double, chats) == expected  # none lost, none twice
    for chat in chats:
        said = [t.split(": ", 1)[1] for t in texts(double.sent_messages(chat))]
        numbered = [t for t in said if t.startswith("message")]
        assert numbered == sorted(numbered)  # in order within the chat


def test_a_stop_with_a_backlog_runs_no_new_turn_and_the_rest_is_answered_after_the_restart(
    double: BotApiDouble, run_bot, config: TelegramConfig, kill_later, tmp_path: Path
) -> None:
    hold = tmp_path / "hold"
    hold.touch()  # every turn waits while this file exists
    chats = list(range(611, 631))
    # The backlog is waiting before the bot starts, so its first getUpdates stores all 100
    # in one batch. Updates sent after the first turn began would be fetched but stored
    # only behind the held turn (both run on the core thread), and never count as stored.
    for n in range(5):
        for chat in chats:
            double.user_says(f"message {n}", chat_id=chat)
    process = start_process(double, config.db_path, HOLD=str(hold), LOG_LEVEL="INFO")
    kill_later(process)
    running = tmp_path / "hold.running"
    # Stored is not enough: a stop that came before the first turn reached the core thread
    # would leave all 100 for the restart. The held turn says when it runs.
    double.wait_for(
        lambda: stored_updates(config.db_path) == 100 and running.exists(),
        timeout=10,
        what="all stored, and the first turn running",
    )

    process.send_signal(signal.SIGTERM)  # one turn is running, 19 chats have one queued
    wait_for_line(process, "stopping")
    hold.unlink()
    process.wait(timeout=unit_stop_timeout())
    answered_before = sum(answers(double, chats).values())
    store = Store(config.db_path)
    try:
        left = len(store.pending_intake())
    finally:
        store.close()
    run_bot(ScriptedAssistant)
    expected = Counter(f"telegram:{chat} said: message {n}" for chat in chats for n in range(5))
    double.wait_for(lambda: answers(double, chats) == expected, timeout=15, what="every answer")

    assert process.returncode == 0
    assert (answered_before, left) == (1, 99)  # the running turn finished; none started after
    assert answers(double, chats) == expected
    for chat in chats:
        said = [t.split(": ", 1)[1] for t in texts(double.sent_messages(chat))]
        assert said == [f"message {n}" for n in range(5)]


def stored_updates(db: Path) -> int:
    """Updates in the inbox, read as another process would (the bot keeps writing)."""
    if not db.exists():
        return 0
    connection = sqlite3.connect(db)
    try:
        return connection.execute("select count(*) from inbox").fetchone()[0]
    except sqlite3.OperationalError:  # the bot has not created its tables yet
        return 0
    finally:
        connection.close()


def wait_for_line(process: subprocess.Popen[str], words: str, timeout: float = 10) -> None:
    """Read the bot's log (stderr) until a line contains ``words``."""
    found = threading.Event()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            if words in line:
                found.set()
                return

    threading.Thread(target=read, daemon=True).start()
    assert found.wait(timeout), f"the bot never logged {words!r}"


def unit_stop_timeout() -> float:
    """``TimeoutStopSec`` of deploy/rothbot.service: after it systemd kills the bot."""
    unit = (REPO / "deploy" / "rothbot.service").read_text(encoding="utf-8")
    return float(re.search(r"^TimeoutStopSec=(\d+)s?$", unit, re.MULTILINE).group(1))


def test_a_part_telegram_took_before_the_kill_is_not_sent_again(
    double: BotApiDouble, run_bot, config: TelegramConfig, kill_later
) -> None:
    """The store learns of a send through the core thread, behind the turns queued there;
    a kill in between must not make the next start send the part again."""
    process = start_process(double, config.db_path)
    kill_later(process)
    double.slow_next("sendMessage", 1.5, chat_id=801)
    double.user_says("one", chat_id=801)
    double.wait_for(lambda: double.in_flight("sendMessage") == 1, timeout=10, what="the send")
    double.user_says("hang", chat_id=802)  # the core thread is busy for good from here on
    double.wait_for(lambda: double.sent_messages(801), timeout=10, what="Telegram to take it")
    time.sleep(0.3)  # the bot has its answer; the store's mark waits behind "hang"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)

    run_bot(ScriptedAssistant)
    double.wait_for_messages(802, 1, timeout=15)
    double.user_says("two", chat_id=801)
    double.wait_for(lambda: len(double.sent_messages(801)) >= 2, timeout=15, what="two")
    time.sleep(0.5)  # a repeat would come now

    assert texts(double.sent_messages(801)) == [
        "telegram:801 said: one",
        "telegram:801 said: two",
    ]


def test_a_part_on_the_wire_when_the_bot_was_killed_is_not_sent_again(
    double: BotApiDouble, run_bot, config: TelegramConfig, kill_later, caplog
) -> None:
    """Telegram may or may not show a request the process died in: at most once."""
    process = start_process(double, config.db_path)
    kill_later(process)
    double.slow_next("sendMessage", 2.0, chat_id=811)
    double.user_says("one", chat_id=811)
    double.wait_for(lambda: double.in_flight("sendMessage") == 1, timeout=10, what="the send")
    process.send_signal(signal.SIGKILL)  # the request is on the wire, unanswered
    process.wait(timeout=10)

    run_bot(ScriptedAssistant)
    double.wait_for(lambda: double.sent_messages(811), timeout=10, what="the slow one")
    double.user_says("two", chat_id=811)
    double.wait_for(lambda: len(double.sent_messages(811)) >= 2, timeout=15, what="two")
    time.sleep(0.5)

    assert texts(double.sent_messages(811)) == [  # Telegram carried the first out
        "telegram:811 said: one",
        "telegram:811 said: two",
    ]
    assert "counted as sent, not repeated (at most once)" in caplog.text
