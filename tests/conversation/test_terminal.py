"""`rothbot chat` with piped stdin and `rothbot ask`, run as a user would run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.facts import DESIGN_KEYS

ROTHBOT = Path(sys.executable).with_name("rothbot")


def _run(args: list[str], tmp_path: Path, stdin: str = "") -> subprocess.CompletedProcess:
    if not ROTHBOT.exists():
        pytest.skip("the rothbot console script is not installed in this environment")
    env = {**os.environ, "ROTHBOT_DB": str(tmp_path / "chat.db"), "HOME": str(tmp_path)}
    return subprocess.run(
        [str(ROTHBOT), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_piped_chat_answers_one_message_per_line_without_prompts(tmp_path):
    done = _run(["chat", "--user", "t"], tmp_path, "help\nI am 51\nfacts\n")
    assert done.returncode == 0, done.stderr
    assert "you>" not in done.stdout
    assert "Commands:" in done.stdout
    assert "your age: 51" in done.stdout
    assert done.stderr == ""


def test_chat_remembers_across_runs_in_the_same_database(tmp_path):
    _run(["chat", "--user", "t"], tmp_path, "I am 51\n")
    again = _run(["chat", "--user", "t"], tmp_path, "facts\n")
    assert "your age: 51" in again.stdout
    other = _run(["chat", "--user", "someone-else"], tmp_path, "facts\n")
    assert "do not know anything" in other.stdout


def test_chat_stops_at_quit(tmp_path):
    done = _run(["chat", "--user", "t"], tmp_path, "quit\nhelp\n")
    assert done.returncode == 0
    assert done.stdout.strip() == ""


def test_chat_with_a_corrupt_database_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 200)
    done = _run(["chat", "--db", str(bad)], tmp_path, "help\n")
    assert done.returncode == 1
    assert "not a usable rothbot database" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_ask_json_prints_facts_intents_result_and_reply(tmp_path):
    done = _run(
        ["ask", "--json", "I am 51 with $30,000 after-tax contributions and $10,000 earnings"],
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    turn = json.loads(done.stdout)
    assert set(turn) == {"facts", "extra_facts", "intents", "asks", "result", "chart", "reply"}
    assert set(turn["facts"]) <= set(DESIGN_KEYS)
    assert turn["facts"]["age"] == 51
    assert turn["facts"]["after_tax_contributions"] == 30000
    assert isinstance(turn["intents"], list)
    assert turn["result"]["scenarios"]
    assert "$30,000" in turn["reply"]["text"]


def test_ask_does_not_touch_the_users_database(tmp_path):
    done = _run(["ask", "I am 51"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    assert not (tmp_path / "chat.db").exists()


def test_ask_json_is_deterministic(tmp_path):
    args = ["ask", "--json", "I have $40,000 after-tax, $10,000 of it earnings"]
    assert _run(args, tmp_path).stdout == _run(args, tmp_path).stdout
