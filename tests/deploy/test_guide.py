"""deploy/README.md: the commands it gives work as written."""

from __future__ import annotations

import re
import shlex
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from bot.cli import build_parser
from bot.session import Session
from bot.store import Store

GUIDE = Path(__file__).resolve().parents[2] / "deploy" / "README.md"


def shell_commands() -> list[str]:
    """Commands in the guide's code blocks, with backslash continuations joined."""
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|ini)\n(.*?)```", text, flags=re.DOTALL)
    joined = "\n".join(blocks).replace("\\\n", " ")
    return [" ".join(line.split()) for line in joined.splitlines() if line.strip()]


def rothbot_invocations() -> list[list[str]]:
    found = []
    for line in shell_commands():
        if "rothbot telegram" in line:
            words = shlex.split(line.split("#")[0])
            start = next(i for i, w in enumerate(words) if w.endswith("rothbot"))
            found.append(words[start + 1 :])
    return found


def test_the_guide_shows_both_polling_and_webhook_invocations() -> None:
    invocations = rothbot_invocations()
    assert any("--webhook-url" in words for words in invocations)
    assert ["telegram"] in [w[:1] for w in invocations]


def test_every_rothbot_command_in_the_guide_parses() -> None:
    parser = build_parser()
    for words in rothbot_invocations():
        args = parser.parse_args(words)
        assert args.handler == "bot.telegram_channel:run"


def wal_store_with_a_session(path: Path) -> Store:
    store = Store(path)
    session = Session(key="telegram:1", facts={"age": 51}, turns=1)
    store.save(session)
    return store  # left open: the WAL holds the session, as while the bot runs


def test_the_online_backup_in_the_guide_copies_a_running_database(tmp_path: Path) -> None:
    store = wal_store_with_a_session(tmp_path / "rothbot.db")
    try:
        backup = tmp_path / "backup.db"
        # The guide's container command, run here with the same sqlite3 module.
        sqlite3.connect(tmp_path / "rothbot.db").backup(sqlite3.connect(backup))
        restored = Store(backup)
        try:
            assert restored.load("telegram:1").facts == {"age": 51}
        finally:
            restored.close()
    finally:
        store.close()


def test_the_sqlite3_cli_backup_in_the_guide_works_too(tmp_path: Path) -> None:
    cli = shutil.which("sqlite3")
    if cli is None:
        pytest.skip("the sqlite3 program is not installed")
    store = wal_store_with_a_session(tmp_path / "rothbot.db")
    try:
        backup = tmp_path / "rothbot-backup.db"
        subprocess.run(
            [cli, str(tmp_path / "rothbot.db"), f".backup '{backup}'"], check=True, timeout=30
        )
        check = subprocess.run(
            [cli, str(backup), "PRAGMA integrity_check"],
            check=True,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert check.stdout.strip() == "ok"
        restored = Store(backup)
        try:
            assert restored.load("telegram:1").turns == 1
        finally:
            restored.close()
    finally:
        store.close()
