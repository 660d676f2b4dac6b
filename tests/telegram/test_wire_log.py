"""At most once across a crash: the parts on the wire are noted outside the busy store.

``WireLog`` is the file next to the database where each message part is noted the instant
before its request and settled once the store knows its fate. A part noted and never
settled was on the wire when the process died: at the next start it counts as sent.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from bot.telegram_channel.wire import COMPACT_BYTES, WireLog, unsettled, wire_path


def test_a_part_noted_and_never_settled_counts_as_sent_at_the_next_start(
    tmp_path: Path,
) -> None:
    path = tmp_path / "rothbot.db-wire"
    log = WireLog(path)
    log.on_the_wire(7, 0)
    log.settled(7, 0)  # arrived, and the store knows
    log.on_the_wire(7, 1)  # on the wire ...
    log.on_the_wire(9, 0)
    log.settled(9, 0)  # Telegram said no: the store still owes it
    log.on_the_wire(11, 0)  # ... and these, when the process died
    # no close(): a killed process closes nothing; every write is already in the file

    after = WireLog(path)
    assert after.left == {7: 2, 11: 1}  # parts counted as delivered, per reply
    after.recovered()
    assert WireLog(path).left == {}  # taken in once, then gone


def test_a_torn_last_line_and_unreadable_lines_are_ignored() -> None:
    text = "W 5 0\nS 5 0\ngarbage\nW 6 x\nW 8 2\nW 12 0"  # the process died mid-write
    assert unsettled(text) == {8: 3}


def test_the_log_is_rewritten_short_and_keeps_what_is_still_on_the_wire(tmp_path: Path) -> None:
    path = tmp_path / "rothbot.db-wire"
    log = WireLog(path)
    log.on_the_wire(1, 0)  # stays on the wire throughout
    for update_id in range(2, 10_000):
        log.on_the_wire(update_id, 0)
        log.settled(update_id, 0)

    assert path.stat().st_size <= COMPACT_BYTES
    assert WireLog(path).left == {1: 1}


def test_the_log_holds_no_text_and_only_its_owner_can_read_it(tmp_path: Path) -> None:
    path = wire_path(str(tmp_path / "rothbot.db"))
    assert path == tmp_path / "rothbot.db-wire"
    WireLog(path).on_the_wire(42, 0)

    assert path.read_text(encoding="ascii") == "W 42 0\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert wire_path(":memory:") is None
