"""The unit gives a stop more time than the bot takes: nothing is cut off mid-send."""

from __future__ import annotations

import configparser
from pathlib import Path

from bot.telegram_channel import TelegramConfig

UNIT = Path(__file__).resolve().parents[2] / "deploy" / "rothbot.service"


def seconds(value: str) -> float:
    return float(value.removesuffix("s"))


def test_the_stop_timeout_exceeds_the_grace_for_sends_under_way() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.read_string(UNIT.read_text(encoding="utf-8"))
    stop_timeout = seconds(unit["Service"]["TimeoutStopSec"])
    defaults = TelegramConfig(token="x")

    # The grace, then closing the store and the webhook server (a few seconds at most).
    assert stop_timeout >= defaults.stop_grace + 10
    assert defaults.stop_grace > defaults.send_timeout  # a send on the wire can finish
