"""The deployment files agree with the bot: a stop fits the unit's stop timeout, and both
proxy examples cap a webhook body no higher than the bot does."""

from __future__ import annotations

import re
from pathlib import Path

from bot.telegram_channel import TelegramConfig
from bot.telegram_channel.app import longest_stop

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def _seconds(text: str, pattern: str) -> float:
    found = re.search(pattern, text, re.MULTILINE)
    assert found, f"no {pattern!r}"
    return float(found.group(1))


def test_the_units_stop_timeout_is_longer_than_the_longest_stop() -> None:
    unit = (DEPLOY / "rothbot.service").read_text(encoding="utf-8")
    bound = longest_stop(TelegramConfig(token="1:x"))

    assert _seconds(unit, r"^TimeoutStopSec=(\d+)s?$") > bound
    for name in ("README.md", "Containerfile"):  # a container's stop waits as long
        text = (DEPLOY / name).read_text(encoding="utf-8")
        assert _seconds(text, r"--stop-timeout (\d+)") > bound, name


def test_both_proxy_examples_cap_the_body_no_higher_than_the_bot() -> None:
    guide = (DEPLOY / "README.md").read_text(encoding="utf-8")
    cap_mb = TelegramConfig(token="1:x").max_body_bytes / 2**20

    assert _seconds(guide, r"client_max_body_size (\d+)m;") <= cap_mb  # nginx
    assert _seconds(guide, r"max_size (\d+)MB") <= cap_mb  # Caddy
