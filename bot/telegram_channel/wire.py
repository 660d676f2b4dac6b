"""Which message parts went on the wire, noted the instant it happens: at most once.

The store has one connection, on the core thread, and under load that thread is busy
with turns: a mark made through it waits behind every turn queued there. A part could
reach Telegram and the process die before the store knew, and the part was then sent
again (kill -9 mid-burst: 8 of 300 parts twice, all of them answered by Telegram well
before the kill). So the moment a request is written is noted here instead: an
append-only file next to the database (``<db>-wire``, owner-only), one ``write`` per
mark from the event loop, which the kernel keeps even if the process is killed the next
instant (not after a power loss; neither are the store's own commits, see
``bot.store``):

- ``W <update> <part>``: the part's request is about to be written (after the flood
  limits let it through, with no wait in between);
- ``S <update> <part>``: the store now holds that part's fate (delivered, or proved not
  delivered by Telegram's answer), so the line is no longer needed.

At start, a part with a ``W`` and no ``S`` was on the wire when the last process died.
Telegram may or may not have shown it, and nothing in the Bot API can tell; it counts as
delivered (``left``), so no part is ever shown twice. What that can cost is only the
requests in flight at the instant of the crash. The file holds update ids and part
numbers, never text; it is rewritten short once it grows.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

COMPACT_BYTES = 64 * 1024
"""Past this size the file is rewritten with only the parts still on the wire."""


class WireLog:
    """The parts on the wire now, and (``left``) those the last process left there."""

    def __init__(self, path: Path | None) -> None:
        """Open (or create) the log at ``path``; None keeps it in memory (a ``:memory:``
        store, where a crash loses everything anyway)."""
        self.path = path
        self._open: set[tuple[int, int]] = set()
        self._size = 0
        self._fd: int | None = None
        self.left: dict[int, int] = {}
        """Update id -> how many of its parts count as delivered (the last process died
        with the last of them on the wire)."""
        if path is None:
            return
        with contextlib.suppress(FileNotFoundError):
            self.left = unsettled(path.read_text(encoding="ascii", errors="replace"))
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self._size = os.fstat(self._fd).st_size

    def on_the_wire(self, update_id: int, part: int) -> None:
        """Part ``part`` (from 0) of the reply to ``update_id`` is about to be written."""
        self._open.add((update_id, part))
        self._write(f"W {update_id} {part}\n")

    def settled(self, update_id: int, part: int) -> None:
        """The store holds what became of that part: the mark is no longer needed."""
        if (update_id, part) not in self._open:
            return
        self._open.discard((update_id, part))
        self._write(f"S {update_id} {part}\n")
        if self._size > COMPACT_BYTES:
            self._rewrite()

    def recovered(self) -> None:
        """The store has taken ``left`` in: start the file afresh."""
        self.left = {}
        self._rewrite()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _write(self, line: str) -> None:
        if self._fd is None:
            return
        data = line.encode("ascii")
        os.write(self._fd, data)
        self._size += len(data)

    def _rewrite(self) -> None:
        """Replace the file (atomically) by the marks still open."""
        if self.path is None or self._fd is None:
            return
        lines = "".join(f"W {u} {p}\n" for u, p in sorted(self._open))
        fresh = self.path.with_name(self.path.name + ".new")
        fd = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, lines.encode("ascii"))
        finally:
            os.close(fd)
        os.replace(fresh, self.path)
        os.close(self._fd)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND, 0o600)
        self._size = len(lines)


def unsettled(text: str) -> dict[int, int]:
    """Update id -> parts that count as delivered, from a log's text.

    A ``W`` without its ``S`` counts the part (and those before it) as delivered; a torn
    last line (the process died mid-write) is ignored, as is anything unreadable.
    """
    on_wire: set[tuple[int, int]] = set()
    for line in text.splitlines(keepends=True):
        fields = line.split()
        if not line.endswith("\n") or len(fields) != 3 or fields[0] not in ("W", "S"):
            continue
        try:
            mark = (int(fields[1]), int(fields[2]))
        except ValueError:
            continue
        if fields[0] == "W":
            on_wire.add(mark)
        else:
            on_wire.discard(mark)
    left: dict[int, int] = {}
    for update_id, part in on_wire:
        left[update_id] = max(left.get(update_id, 0), part + 1)
    return left


def wire_path(db_path: str) -> Path | None:
    """The log's file for the database at ``db_path`` (None for ``:memory:``)."""
    if db_path == ":memory:":
        return None
    return Path(db_path).expanduser().with_name(Path(db_path).name + "-wire")
