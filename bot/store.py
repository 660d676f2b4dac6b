"""Everything rothbot keeps, in one SQLite file (WAL), and how long it keeps it.

With ``bot.support_store`` (the support team's tables, reached as ``store.support``),
this is the only module that imports ``sqlite_utils``. It owns one connection opened with
``check_same_thread=False`` and serialises every access with a re-entrant lock, because
the Telegram channel calls in from worker threads. Tables:

- ``sessions``: one JSON document per conversation key (see ``bot.session``);
- ``tickets``, ``ticket_events``, ``triage``: the support queue and triage results
  (``bot.support_store``; they replaced the first ``handoffs`` table);
- ``inbox``: every Telegram update as received, stored before Telegram is told it
  arrived; its text goes once its turn ran, its id stays two days (deduplication);
- ``outbox``: one row per update whose turn ran, with the reply owed until it is sent.

Crash-safe turns (``bot.service.Assistant.handle_update``): inside one ``transaction()``
the stored update is marked run, ``recorded(update_id)`` is checked, and a new one is
loaded, responded to, saved and ``record_outgoing(...)``. The turn, the inbox mark and the
owed reply commit together or not at all, so after a crash at any instant a stored update
either runs again (nothing of it committed) or not at all (its reply is owed). Sending
(``bot.telegram_channel.delivery``) calls ``mark_progress`` after each message part, so
a re-send continues after the parts that arrived; the instant a part goes on the wire is
noted outside this connection (``bot.telegram_channel.wire``), and a part on the wire
when the process died counts as sent (at most once). ``mark_sent`` drops the reply text.

Privacy: stored text lives only ``ROTHBOT_RETENTION_DAYS`` (default 30) after it was
written: each history line and each evidence quote expires on its own date (``purge``,
which the Telegram channel runs every hour and every start), sessions idle that long are
deleted, and ``forget(key)`` deletes every row keyed to a person (outbox rows keep only
their update id). Update text in the inbox lives until its turn ran; reply text in the
outbox until it is sent, at most the retention period; update ids two days.
Schema changes go through ``sqlite_utils.Migrations``.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from bot.reply import Choice, Picture, Reply
from bot.session import Session
from bot.support_store import SupportStore, write_transaction

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


@migrations()
def m002_outbox(db: sqlite_utils.Database) -> None:
    """Crash-safe delivery: the processed update ids become an outbox with the replies.

    ``reply`` (JSON text and choices) and ``address`` (the channel's JSON: where to send)
    are set until the reply is sent; ``parts_sent`` counts messages already delivered;
    ``sent_at`` is NULL while the reply waits. Ids processed before are carried over as
    sent, so an update redelivered across the upgrade is still answered only once.
    """
    db["outbox"].create(
        {
            "update_id": int,
            "key": str,
            "reply": str,
            "address": str,
            "parts_sent": int,
            "created_at": float,
            "sent_at": float,
        },
        pk="update_id",
        not_null={"parts_sent", "created_at"},
        defaults={"parts_sent": 0},
    )
    db["outbox"].create_index(["created_at"])
    db["outbox"].create_index(["key", "update_id"])
    db.execute(
        "insert into outbox (update_id, created_at, sent_at) "
        "select update_id, seen_at, seen_at from telegram_updates"
    )
    db["telegram_updates"].drop()


@migrations()
def m003_inbox(db: sqlite_utils.Database) -> None:
    """Durable intake and ordered delivery.

    ``inbox``: every Telegram update as received (``payload``, the raw JSON), written
    before Telegram is told it arrived; ``payload`` is dropped once its turn committed.
    ``outbox.lane`` is the channel's ordering key (the chat), so every reply owed in a
    chat can be sent in order; ``outbox.sending`` is 1 while a message part is on the
    wire, so a crash or an unanswered request cannot make a re-send repeat that part.
    ``sessions.text_at``: when the oldest text the session document holds was written,
    so the retention timer finds the documents to trim without reading them all.
    """
    db["inbox"].create(
        {"update_id": int, "lane": str, "payload": str, "received_at": float, "done_at": float},
        pk="update_id",
        not_null={"received_at"},
    )
    db["inbox"].create_index(["done_at", "update_id"])
    db["outbox"].add_column("lane", str)
    db["outbox"].add_column("sending", int, not_null_default=0)
    db["outbox"].create_index(["lane", "update_id"])
    db["sessions"].add_column("text_at", float)
    db.execute("update sessions set text_at = created_at")
    db["sessions"].create_index(["text_at"])


@migrations()
def m004_outbox_wire_marks_leave(db: sqlite_utils.Database) -> None:
    """``outbox.sending`` goes: the channel notes parts on the wire in a file of its own
    (``bot.telegram_channel.wire``), since this connection's marks waited behind turns.
    A part the last process left on the wire counts as sent (at most once)."""
    db.execute("update outbox set parts_sent = parts_sent + 1 where sending = 1")
    db["outbox"].transform(drop={"sending"})


@dataclass(frozen=True, slots=True)
class Inbound:
    """An update received and not yet run: its id, its lane (chat), its raw JSON."""

    update_id: int
    lane: str | None
    payload: str


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A reply recorded for an update and not yet (completely) sent.

    ``parts_sent`` says how many of its messages already reached the user, so a re-send
    starts after them; ``address`` is the channel's own note of where it goes.
    """

    update_id: int
    key: str | None
    reply: Reply
    address: str | None
    parts_sent: int
    created_at: float
    lane: str | None = None


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
    """Sessions, the Telegram outbox and (``support``) tickets and triage in one file."""

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
        self._checkpoint_due = False
        self._conn = _connect(self.path)
        self.db = sqlite_utils.Database(self._conn)
        try:
            if self.path != ":memory:":
                self.db.enable_wal()
            migrations.apply(self.db)
            self.support = SupportStore(self.db, self._conn, self._lock, self._clock)
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

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """Hold the store and make everything inside one SQLite transaction.

        Nested writes (``save``, ``forget``, ``record_outgoing``) become savepoints, so
        an exception anywhere inside rolls all of them back. It holds the file's write
        lock from its start (``write_transaction``): another process (a terminal working
        tickets) cannot commit between its reads and its writes. A WAL checkpoint that an
        erasure inside asked for runs after the commit (it cannot run inside).
        """
        with self._lock:
            with write_transaction(self.db):
                yield self
            if self._checkpoint_due and not self._conn.in_transaction:
                self._checkpoint_due = False
                self._checkpoint()

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
        """Write the session (one upsert), dating its evidence quotes for retention."""
        now = self._clock()
        with self._lock:
            with write_transaction(self.db):
                existing = self._conn.execute(
                    "select created_at, data, updated_at from sessions where key = ?",
                    [session.key],
                ).fetchone()
                created = existing[0] if existing else now
                before = Session.from_json(session.key, existing[1]) if existing else None
                session.stamp_evidence(
                    before.evidence if before else {},
                    now,
                    unknown=existing[2] if existing else now,
                )
                self.db["sessions"].upsert(
                    {
                        "key": session.key,
                        "data": session.to_json(),
                        "created_at": created,
                        "updated_at": now,
                        "text_at": session.oldest_text_at(),
                    },
                    pk="key",
                )
            if now - self._last_purge >= PURGE_EVERY_SECONDS:
                self.purge()

    def forget(self, key: str) -> dict[str, int]:
        """Delete every row keyed to ``key``; return how many of each kind went."""
        with self._lock:
            with write_transaction(self.db):
                counts = {
                    "conversation": self._delete("sessions", "key = ?", [key]),
                    "requests for a person": self.support.forget(key),
                }
                # The update ids stay (a redelivery must still be recognised); whose
                # they were, and any reply waiting to be sent, go.
                self._conn.execute(
                    "update outbox set key = null, reply = null, address = null where key = ?",
                    [key],
                )
            if self._conn.in_transaction:
                self._checkpoint_due = True
            else:
                self._checkpoint()
        return counts

    # -- Telegram intake: every update stored before Telegram is told it arrived ----------

    def take_in(self, updates: Iterable[Inbound]) -> list[Inbound]:
        """Store received updates in one transaction; return those never seen before.

        An id already in the inbox (or answered before the inbox existed) is a
        redelivery and is left out, so each update runs once however often it arrives.
        """
        now = self._clock()
        fresh = []
        with self._lock, self._synced(), write_transaction(self.db):
            for update in updates:
                cursor = self._conn.execute(
                    "insert into inbox (update_id, lane, payload, received_at) "
                    "select ?, ?, ?, ? where not exists "
                    "(select 1 from outbox where update_id = ?) "
                    "on conflict (update_id) do nothing",
                    [update.update_id, update.lane, update.payload, now, update.update_id],
                )
                if cursor.rowcount > 0:
                    fresh.append(update)
        return fresh

    @contextlib.contextmanager
    def _synced(self) -> Iterator[None]:
        """Commit with a full sync to disk: what Telegram is about to forget must survive
        a power loss, not only a crash of the process (which every commit survives)."""
        if self._conn.in_transaction or self.path == ":memory:":
            yield
            return
        self._conn.execute("PRAGMA synchronous = FULL")
        try:
            yield
        finally:
            self._conn.execute("PRAGMA synchronous = NORMAL")

    def pending_intake(self) -> list[Inbound]:
        """Updates stored but not yet run (a crash or a stop came first), oldest first."""
        with self._lock:
            rows = self._conn.execute(
                "select update_id, lane, payload from inbox "
                "where done_at is null and payload is not null order by update_id"
            ).fetchall()
        return [Inbound(*row) for row in rows]

    def intake_done(self, update_id: int) -> None:
        """The update's turn committed (or it needed none): drop its text, keep its id."""
        with self._lock, write_transaction(self.db):
            self._conn.execute(
                "update inbox set payload = null, done_at = ? "
                "where update_id = ? and done_at is null",
                [self._clock(), int(update_id)],
            )

    # -- Telegram outbox: replies owed until sent ------------------------------------

    def recorded(self, update_id: int) -> bool:
        """True if ``update_id`` ran its turn before (whether or not its reply was sent)."""
        with self._lock:
            row = self._conn.execute(
                "select 1 from outbox where update_id = ?", [int(update_id)]
            ).fetchone()
        return row is not None

    def outgoing(self, update_id: int) -> Outgoing | None:
        """The reply recorded for ``update_id`` and not yet completely sent, if any.

        Call it inside ``transaction()`` together with the turn and ``record_outgoing``,
        so that the answer cannot change between the check and the write.
        """
        with self._lock:
            row = self._conn.execute(
                f"select {_OUTGOING} from outbox where update_id = ?", [int(update_id)]
            ).fetchone()
        return None if row is None else _outgoing(row)

    def record_outgoing(
        self,
        update_id: int,
        key: str | None,
        reply: Reply,
        address: str | None = None,
        lane: str | None = None,
    ) -> Outgoing:
        """Record ``update_id`` as handled, with ``reply`` owed to ``address``.

        ``lane`` groups the replies that must arrive in order (the chat). Only the text
        and the choices are kept (the facts are in the session). Raises
        ``sqlite3.IntegrityError`` if the id is already recorded: check ``outgoing`` first.
        """
        now = self._clock()
        with self._lock, write_transaction(self.db):
            self._conn.execute(
                "insert into outbox (update_id, key, reply, address, lane, parts_sent, "
                "created_at) values (?, ?, ?, ?, ?, 0, ?)",
                [int(update_id), key, _reply_json(reply), address, lane, now],
            )
        kept = Reply(reply.text, reply.choices, pictures=reply.pictures)  # as a reload gives
        return Outgoing(int(update_id), key, kept, address, 0, now, lane)

    def owed(self, lane: str | None = None) -> list[Outgoing]:
        """Replies recorded and not completely sent, oldest first (of one lane, if given).

        Every one of them is owed: a newer reply never makes an older one obsolete, so a
        channel sends them in this order. Rows without an address cannot be sent and are
        left out (they wait for a redelivery of their update).
        """
        where = "sent_at is null and reply is not null and address is not null"
        params: list = []
        if lane is not None:
            where += " and lane = ?"
            params.append(lane)
        with self._lock:
            rows = self._conn.execute(
                f"select {_OUTGOING} from outbox where {where} order by update_id", params
            ).fetchall()
        return [entry for entry in map(_outgoing, rows) if entry is not None]

    def owed_lanes(self) -> list[str | None]:
        """The lanes with replies owed, the one owed longest first."""
        with self._lock:
            rows = self._conn.execute(
                "select lane from outbox where sent_at is null and reply is not null "
                "and address is not null group by lane order by min(update_id)"
            ).fetchall()
        return [row[0] for row in rows]

    def mark_progress(self, update_id: int, parts_sent: int) -> None:
        """Note that the first ``parts_sent`` messages of the reply have been delivered."""
        with self._lock, write_transaction(self.db):
            self._conn.execute(
                "update outbox set parts_sent = max(parts_sent, ?) where update_id = ?",
                [int(parts_sent), int(update_id)],
            )

    def mark_sent(self, update_id: int) -> None:
        """The reply was delivered (or given up on): keep only the id, drop the text."""
        with self._lock, write_transaction(self.db):
            self._conn.execute(
                "update outbox set sent_at = ?, reply = null, address = null "
                "where update_id = ? and sent_at is null",
                [self._clock(), int(update_id)],
            )

    # -- retention -----------------------------------------------------------------------

    def purge(self) -> dict[str, int]:
        """Expire stored text: each message and evidence quote ``retention_days`` after it
        was written, whole sessions idle that long; update ids after two days.

        Run on a timer by the Telegram channel and at every start, so an idle bot expires
        text on time too. An unsent reply older than the retention period loses its text
        (it is never sent).
        """
        now = self._clock()
        cutoff = now - self.retention_days * DAY
        keep_ids = now - UPDATE_ID_KEEP_SECONDS
        with self._lock:
            with write_transaction(self.db):
                counts = {
                    "sessions": self._delete("sessions", "updated_at < ?", [cutoff]),
                    **self.support.purge(cutoff),
                    "outbox": self._delete("outbox", "created_at < ?", [keep_ids]),
                    "inbox": self._delete(
                        "inbox",
                        "(done_at is not null and done_at < ?) or received_at < ?",
                        [keep_ids, cutoff],
                    ),
                    "messages": self._trim_sessions(cutoff),
                }
                self._conn.execute(
                    "update outbox set reply = null, address = null, sent_at = ? "
                    "where created_at < ? and sent_at is null",
                    [now, cutoff],
                )
            self._last_purge = now
            if any(counts.values()):
                self._checkpoint_due = True
            if self._checkpoint_due and not self._conn.in_transaction:
                self._checkpoint_due = False
                self._checkpoint()
        return counts

    def _trim_sessions(self, cutoff: float) -> int:
        """Drop expired history lines and quotes from live sessions; how many sessions."""
        rows = self._conn.execute(
            "select key, data from sessions where text_at < ?", [cutoff]
        ).fetchall()
        for key, data in rows:
            session = Session.from_json(key, data)
            session.drop_history_before(cutoff)
            self._conn.execute(
                "update sessions set data = ?, text_at = ? where key = ?",
                [session.to_json(), session.oldest_text_at(), key],
            )
        return len(rows)

    def _delete(self, table: str, where: str, params: list) -> int:
        cursor = self._conn.execute(f"delete from {table} where {where}", params)
        return max(cursor.rowcount, 0)

    def _checkpoint(self) -> None:
        """Push deletions out of the WAL into the main file so erased text is gone."""
        if self.path == ":memory:":
            return
        with contextlib.suppress(sqlite3.DatabaseError):
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _reply_json(reply: Reply) -> str:
    """What a re-send needs of a reply: its text, buttons and pictures, nothing else."""
    data: dict = {"text": reply.text, "choices": [[c.label, c.data] for c in reply.choices]}
    if reply.pictures:
        data["pictures"] = [
            [base64.b64encode(p.png).decode("ascii"), p.caption] for p in reply.pictures
        ]
    return json.dumps(data, ensure_ascii=False)


_OUTGOING = "update_id, key, reply, address, parts_sent, created_at, sent_at, lane"


def _outgoing(row: tuple) -> Outgoing | None:
    """An outbox row as ``Outgoing``; None when it is sent or its text is gone."""
    update_id, key, reply, address, parts_sent, created_at, sent_at, lane = row
    if sent_at is not None or reply is None:
        return None
    data = json.loads(reply)
    choices = tuple(Choice(label, choice) for label, choice in data["choices"])
    pictures = tuple(
        Picture(base64.b64decode(png), caption) for png, caption in data.get("pictures", [])
    )
    return Outgoing(
        update_id,
        key,
        Reply(data["text"], choices, pictures=pictures),
        address,
        parts_sent,
        created_at,
        lane,
    )


def _connect(path: str) -> sqlite3.Connection:
    """Open the file (creating its folder); a bad path or non-database is a StoreError."""
    if path != ":memory:":
        folder = Path(path).expanduser().parent
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            # Balances and ages are personal: a new file is readable by its owner only
            # (SQLite gives the -wal and -shm files the same mode as the database).
            os.close(os.open(Path(path).expanduser(), os.O_CREAT | os.O_RDWR, 0o600))
        except OSError as exc:
            raise StoreError(f"Cannot create {path} ({exc.strerror}).") from None
    try:
        conn = sqlite3.connect(path, check_same_thread=False)
        conn.execute("PRAGMA secure_delete = ON")  # erased rows are overwritten, not kept
        # In WAL mode every commit survives a crash of the process; NORMAL leaves out the
        # fsync per commit (7 ms here, the bot's bottleneck), so after a power loss the
        # last commits may be rolled back. Received updates are the exception: ``take_in``
        # commits them with a full sync, since Telegram forgets them once told.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a usable rothbot database ({exc}).") from None
    return conn
