"""Everything rothbot keeps, in one SQLite file (WAL), and how long it keeps it.

This is the only module that imports ``sqlite_utils``. It owns one connection opened with
``check_same_thread=False`` and serialises every access with a re-entrant lock, because
the Telegram channel calls in from worker threads. Tables:

- ``sessions``: one JSON document per conversation key (see ``bot.session``);
- ``handoffs``: requests for a person (the support-queue issue builds on these rows);
- ``telegram_updates``: processed update ids, so a redelivered update is answered once.

Privacy: stored text lives only ``ROTHBOT_RETENTION_DAYS`` (default 30). Sessions idle
longer are deleted, older history lines are dropped, and ``forget(key)`` deletes every
row keyed to a person. Schema changes go through ``sqlite_utils.Migrations``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlite_utils

from bot.session import Session

DEFAULT_RETENTION_DAYS = 30
UPDATE_ID_KEEP_SECONDS = 2 * 24 * 3600  # Telegram redelivers for at most 24 hours
PURGE_EVERY_SECONDS = 3600
DAY = 24 * 3600

migrations = sqlite_utils.Migrations("rothbot")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    """First release: sessions, handoff requests, processed Telegram updates."""
    db["sessions"].create(
        {"key": str, "data": str, "created_at": float, "updated_at": float}, pk="key"
    )
    db["sessions"].create_index(["updated_at"])
    db["handoffs"].create(
        {"id": int, "key": str, "note": str, "status": str, "created_at": float}, pk="id"
    )
    db["handoffs"].create_index(["key"])
    db["telegram_updates"].create({"update_id": int, "seen_at": float}, pk="update_id")
    db["telegram_updates"].create_index(["seen_at"])


class StoreError(RuntimeError):
    """The database cannot be used; the message is one line a person can act on."""


def default_path() -> Path:
    """``$ROTHBOT_DB``, else ``~/.local/share/rothbot/rothbot.db``."""
    env = os.environ.get("ROTHBOT_DB")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".local" / "share" / "rothbot" / "rothbot.db"


def retention_days_from_env() -> int:
    """``ROTHBOT_RETENTION_DAYS`` as a positive whole number (default 30)."""
    raw = os.environ.get("ROTHBOT_RETENTION_DAYS", "").strip()
    if not raw:
        return DEFAULT_RETENTION_DAYS
    try:
        days = int(raw)
    except ValueError:
        raise StoreError(
            f"ROTHBOT_RETENTION_DAYS must be a whole number of days (got {raw!r})."
        ) from None
    if days < 1:
        raise StoreError(f"ROTHBOT_RETENTION_DAYS must be at least 1 (got {days}).")
    return days


class Store:
    """Sessions, handoff requests and Telegram update ids in one SQLite file."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        retention_days: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = str(default_path() if path is None else path)
        self.retention_days = (
            retention_days_from_env() if retention_days is None else int(retention_days)
        )
        if self.retention_days < 1:
            raise StoreError(f"Retention must be at least 1 day (got {self.retention_days}).")
        self._clock = clock
        self._lock = threading.RLock()
        self._last_purge = 0.0
        self._conn = _connect(self.path)
        self.db = sqlite_utils.Database(self._conn)
        try:
            if self.path != ":memory:":
                self.db.enable_wal()
            migrations.apply(self.db)
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"{self.path} is not a usable rothbot database ({exc}).") from None
        self.purge()

    def clock(self) -> float:
        """Seconds since the epoch, from the clock the store was given (tests fix it)."""
        return self._clock()

    # -- locking -----------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[Store]:
        """Hold the store for a load-respond-save sequence (re-entrant)."""
        with self._lock:
            yield self

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- sessions ------------------------------------------------------------------------

    def load(self, key: str) -> Session:
        """The stored session for ``key``, or a fresh one; old history is left out."""
        with self._lock:
            rows = list(self.db.query("select data from sessions where key = ?", [key]))
        if not rows:
            return Session(key=key)
        session = Session.from_json(key, rows[0]["data"])
        session.drop_history_before(self._clock() - self.retention_days * DAY)
        return session

    def save(self, session: Session) -> None:
        """Write the session (one upsert) and purge expired text now and then."""
        now = self._clock()
        with self._lock:
            with self.db.atomic():
                existing = list(
                    self.db.query("select created_at from sessions where key = ?", [session.key])
                )
                created = existing[0]["created_at"] if existing else now
                self.db["sessions"].upsert(
                    {
                        "key": session.key,
                        "data": session.to_json(),
                        "created_at": created,
                        "updated_at": now,
                    },
                    pk="key",
                )
            if now - self._last_purge >= PURGE_EVERY_SECONDS:
                self.purge()

    def forget(self, key: str) -> dict[str, int]:
        """Delete every row keyed to ``key``; return how many of each kind went."""
        with self._lock:
            with self.db.atomic():
                counts = {
                    "conversation": self._delete("sessions", "key = ?", [key]),
                    "requests for a person": self._delete("handoffs", "key = ?", [key]),
                }
            self._checkpoint()
        return counts

    # -- handoff requests ----------------------------------------------------------------

    def record_handoff(self, key: str, note: str) -> int:
        """Record that ``key`` asked for a person; returns the request id."""
        with self._lock, self.db.atomic():
            table = self.db["handoffs"]
            table.insert(
                {"key": key, "note": note[:500], "status": "open", "created_at": self._clock()}
            )
            return int(table.last_pk)

    def handoffs(self, key: str) -> list[dict]:
        """The open and closed handoff requests of ``key``, oldest first."""
        with self._lock:
            return list(
                self.db.query(
                    "select id, note, status, created_at from handoffs where key = ? order by id",
                    [key],
                )
            )

    # -- Telegram dedup ------------------------------------------------------------------

    def seen_update(self, update_id: int) -> bool:
        """Record ``update_id``; True if it had been recorded before (a redelivery)."""
        now = self._clock()
        with self._lock, self.db.atomic():
            cursor = self._conn.execute(
                "insert or ignore into telegram_updates (update_id, seen_at) values (?, ?)",
                [int(update_id), now],
            )
            return cursor.rowcount == 0

    # -- retention -----------------------------------------------------------------------

    def purge(self) -> dict[str, int]:
        """Delete text older than the retention period and update ids older than 2 days."""
        now = self._clock()
        cutoff = now - self.retention_days * DAY
        with self._lock:
            with self.db.atomic():
                counts = {
                    "sessions": self._delete("sessions", "updated_at < ?", [cutoff]),
                    "handoffs": self._delete("handoffs", "created_at < ?", [cutoff]),
                    "telegram_updates": self._delete(
                        "telegram_updates", "seen_at < ?", [now - UPDATE_ID_KEEP_SECONDS]
                    ),
                }
            self._last_purge = now
        return counts

    def _delete(self, table: str, where: str, params: list) -> int:
        cursor = self._conn.execute(f"delete from {table} where {where}", params)
        return max(cursor.rowcount, 0)

    def _checkpoint(self) -> None:
        """Push deletions out of the WAL into the main file so erased text is gone."""
        if self.path == ":memory:":
            return
        with contextlib.suppress(sqlite3.DatabaseError):
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _connect(path: str) -> sqlite3.Connection:
    """Open the file (creating its folder); a bad path or non-database is a StoreError."""
    if path != ":memory:":
        folder = Path(path).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the folder {folder} ({exc.strerror}).") from None
    try:
        conn = sqlite3.connect(path, check_same_thread=False)
        conn.execute("PRAGMA secure_delete = ON")  # erased rows are overwritten, not kept
        conn.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a usable rothbot database ({exc}).") from None
    return conn
