"""The support team's tables: triage results and the ticket queue, in the store's file.

Besides ``bot.store``, this is the one module that imports ``sqlite_utils`` (the two are
the storage layer; ARCHITECTURE.md). It has its own migration set, ``rothbot-support``,
and works on the ``Store``'s connection under the ``Store``'s lock, so a ticket opened in
a conversation turn commits or rolls back with that turn. Every ``Store`` has one, as
``store.support``; ``Store.forget`` and ``Store.purge`` call its ``forget``/``purge``.

Tables (browse them with ``sqlite-utils rows rothbot.db tickets`` or Datasette; JSON
columns hold JSON text, times are seconds since the epoch, UTC):

``triage`` — one row per question id (triaging the same id again replaces its row):
  ``id`` (the file's id, text), ``source`` (file name), ``line`` (line in that file),
  ``text`` (the question), ``status`` (``answerable`` | ``needs_info`` | ``needs_human``),
  ``status_reason``, ``priority`` (``urgent`` | ``high`` | ``normal``),
  ``priority_reason``, ``headline`` (the engine's result in a line), ``asks`` (JSON list:
  the answer catalogue's ids of the questions asked, ``knowledge/data/questions``),
  ``facts`` (JSON object, DESIGN keys), ``missing`` (JSON list of fact keys, most
  decision-changing first), ``tags`` (JSON list of ``kind:value``), ``draft`` (the reply
  the bot would give), ``triaged_at``.

``tickets`` — one per request for a person; a conversation has at most one open
(``open`` or ``claimed``) ticket: ``id``, ``key`` (the conversation), ``address`` (the
channel's JSON note of where the user is; NULL in a terminal), ``status`` (``open`` |
``claimed`` | ``resolved``), ``reason`` (why it was opened), ``question`` (the user's
question in their words), ``facts`` (JSON), ``transcript`` (JSON list of {role, text}:
the last messages), ``result`` (JSON: ``headline``, ``missing``; ``problem`` when the
facts do not fit), ``requests`` (times
asked), ``agent_id``, ``agent_name``, ``staff_message_id`` (the post in the staff chat),
``created_at``, ``updated_at``, ``claimed_at``, ``resolved_at``.

``ticket_events`` — what happened on a ticket, oldest first: ``id``, ``ticket_id``,
``at``, ``kind`` (``opened`` | ``asked_again`` | ``user_message`` | ``claimed`` |
``reply`` | ``resolved``), ``who`` (``user``, ``bot`` or the agent's name), ``text``,
``delivered_at`` (for a ``reply``, ``claimed`` or ``resolved``: when the user was told;
for a ``user_message`` or ``asked_again``: when it was posted for the staff; NULL until
then).

Privacy: tickets and triage rows hold people's words and figures. They follow the
store's retention (rows untouched for ``ROTHBOT_RETENTION_DAYS`` go) and ``forget(key)``
deletes a person's tickets with their events.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

TRIAGE_COLUMNS = (
    "id",
    "source",
    "line",
    "text",
    "status",
    "status_reason",
    "priority",
    "priority_reason",
    "headline",
    "asks",
    "facts",
    "missing",
    "tags",
    "draft",
    "triaged_at",
)
TRIAGE_JSON_COLUMNS = frozenset({"asks", "facts", "missing", "tags"})
OPEN_STATES = ("open", "claimed")

migrations = sqlite_utils.Migrations("rothbot-support")


@migrations()
def s001_triage_and_tickets(db: sqlite_utils.Database) -> None:
    """Triage results and tickets; the old ``handoffs`` rows become open tickets."""
    db["triage"].create(
        {c: (int if c == "line" else float if c == "triaged_at" else str) for c in TRIAGE_COLUMNS},
        pk="id",
    )
    db["triage"].create_index(["status", "priority"])
    db["triage"].create_index(["triaged_at"])
    db["tickets"].create(
        {
            "id": int,
            "key": str,
            "address": str,
            "status": str,
            "reason": str,
            "question": str,
            "facts": str,
            "transcript": str,
            "result": str,
            "requests": int,
            "agent_id": int,
            "agent_name": str,
            "staff_message_id": int,
            "created_at": float,
            "updated_at": float,
            "claimed_at": float,
            "resolved_at": float,
        },
        pk="id",
        not_null={"key", "status", "requests", "created_at", "updated_at"},
        defaults={"requests": 1, "status": "open"},
    )
    db["tickets"].create_index(["key", "status"])
    db["tickets"].create_index(["status", "id"])
    db["tickets"].create_index(["updated_at"])
    db["ticket_events"].create(
        {
            "id": int,
            "ticket_id": int,
            "at": float,
            "kind": str,
            "who": str,
            "text": str,
            "delivered_at": float,
        },
        pk="id",
        foreign_keys=[("ticket_id", "tickets", "id")],
    )
    db["ticket_events"].create_index(["ticket_id", "id"])
    if db["handoffs"].exists():
        db.execute(
            "insert into tickets (id, key, status, reason, question, facts, transcript, "
            "result, requests, created_at, updated_at) select id, key, 'open', note, '', "
            "'{}', '[]', '{}', 1, created_at, created_at from handoffs where status = 'open'"
        )
        db["handoffs"].drop()


@migrations()
def s002_staff_rounds(db: sqlite_utils.Database) -> None:
    """What the staff loop asks each round, answered from small partial indexes (a round
    with nothing new stays a fraction of a millisecond however many tickets there are).

    A user is now told of a claim or a resolve from its event (so one made in a
    terminal reaches them too); the events of earlier ones were told already.
    """
    db.execute(
        "update ticket_events set delivered_at = at "
        "where kind in ('claimed', 'resolved') and delivered_at is null"
    )
    db.execute(
        "create index ticket_events_undelivered on ticket_events (kind, id) "
        "where delivered_at is null"
    )
    db.execute(
        "create index tickets_unposted on tickets (status, id) where staff_message_id is null"
    )


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One SQLite transaction that holds the write lock from its start (a savepoint when
    one is open already).

    The bot and a terminal (``rothbot tickets``) write the same file. A plain ``BEGIN``
    reads first and asks for the write lock at its first write; if the other process
    committed in between, SQLite refuses at once ("database is locked", no busy wait:
    the snapshot read is stale). ``BEGIN IMMEDIATE`` waits for the lock up front (the
    connection's busy timeout), so nothing commits between a transaction's reads and
    its writes.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.rollback()
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


@dataclass(frozen=True, slots=True)
class Ticket:
    """One ticket as stored (JSON columns decoded)."""

    id: int
    key: str
    address: str | None
    status: str
    reason: str
    question: str
    facts: dict[str, Any]
    transcript: list[dict[str, str]]
    result: dict[str, Any]
    requests: int
    agent_id: int | None
    agent_name: str | None
    staff_message_id: int | None
    created_at: float
    updated_at: float


@dataclass(frozen=True, slots=True)
class Event:
    """One line of a ticket's history."""

    id: int
    ticket_id: int
    at: float
    kind: str
    who: str
    text: str
    delivered_at: float | None


_TICKET_SELECT = (
    "select id, key, address, status, reason, question, facts, transcript, result, "
    "requests, agent_id, agent_name, staff_message_id, created_at, updated_at from tickets"
)
_EVENT_SELECT = "select id, ticket_id, at, kind, who, text, delivered_at from ticket_events"


class SupportStore:
    """Triage rows and tickets, on a ``Store``'s connection and lock."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        conn: sqlite3.Connection,
        lock: threading.RLock,
        clock: Callable[[], float],
    ) -> None:
        self.db = db
        self._conn = conn
        self._lock = lock
        self._clock = clock
        self._listeners: list[Callable[[], None]] = []
        migrations.apply(db)

    def listen(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener()`` after each ticket event is recorded (a ticket opened or
        asked for again, a user's message, a claim, a reply, a resolve), so the staff
        side acts on it at once instead of finding it at its next check. It is called
        on the writing thread, inside the write's transaction: it should only wake
        something that reads afterwards. Returns the function that stops the calls."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # -- triage ------------------------------------------------------------------------

    def save_triage(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Insert or replace triage rows (one transaction); how many were written."""
        now = self._clock()
        records = [_triage_record(row, now) for row in rows]
        with self._lock, write_transaction(self.db):
            if records:
                self.db["triage"].upsert_all(records, pk="id")
        return len(records)

    # -- tickets -----------------------------------------------------------------------

    def open_ticket_of(self, key: str) -> Ticket | None:
        """The conversation's open or claimed ticket, if any."""
        with self._lock:
            row = self._conn.execute(
                f"{_TICKET_SELECT} where key = ? and status in ('open', 'claimed') "
                "order by id desc limit 1",
                [key],
            ).fetchone()
        return None if row is None else _ticket(row)

    def open_or_add(
        self,
        key: str,
        *,
        reason: str,
        question: str,
        facts: Mapping[str, Any],
        transcript: Sequence[Mapping[str, str]],
        result: Mapping[str, Any],
        address: str | None,
    ) -> tuple[Ticket, bool]:
        """Open a ticket for ``key``, or add this request to its open one.

        Returns the ticket and True if it is new. An existing ticket keeps the user's
        first question and takes the newer facts, transcript, result and address.
        """
        now = self._clock()
        with self._lock, write_transaction(self.db):
            current = self.open_ticket_of(key)
            values = {
                "facts": json.dumps(dict(facts), ensure_ascii=False),
                "transcript": json.dumps([dict(t) for t in transcript], ensure_ascii=False),
                "result": json.dumps(dict(result), ensure_ascii=False),
                "updated_at": now,
            }
            if current is not None:
                if address:
                    values["address"] = address
                if not current.question and question:
                    values["question"] = question
                self._conn.execute(
                    "update tickets set requests = requests + 1, "
                    + ", ".join(f"{k} = ?" for k in values)
                    + " where id = ?",
                    [*values.values(), current.id],
                )
                self._event(current.id, "asked_again", "user", reason, now)
                ticket = self.ticket(current.id)
                assert ticket is not None
                return ticket, False
            table = self.db["tickets"]
            table.insert(
                {
                    "key": key,
                    "address": address,
                    "status": "open",
                    "reason": reason,
                    "question": question,
                    "requests": 1,
                    "created_at": now,
                    **values,
                }
            )
            ticket_id = int(table.last_pk)
            self._event(ticket_id, "opened", "user", reason, now)
            ticket = self.ticket(ticket_id)
            assert ticket is not None
            return ticket, True

    def ticket(self, ticket_id: int) -> Ticket | None:
        with self._lock:
            row = self._conn.execute(f"{_TICKET_SELECT} where id = ?", [int(ticket_id)]).fetchone()
        return None if row is None else _ticket(row)

    def tickets(self, statuses: Sequence[str] = OPEN_STATES, *, limit: int = 200) -> list[Ticket]:
        """Tickets in the given states, oldest first."""
        marks = ", ".join("?" for _ in statuses)
        with self._lock:
            rows = self._conn.execute(
                f"{_TICKET_SELECT} where status in ({marks}) order by id limit ?",
                [*statuses, int(limit)],
            ).fetchall()
        return [_ticket(r) for r in rows]

    def unposted(self) -> list[Ticket]:
        """Open and claimed tickets not yet posted to the staff chat, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                f"{_TICKET_SELECT} where staff_message_id is null "
                "and status in ('open', 'claimed') order by id"
            ).fetchall()
        return [_ticket(r) for r in rows]

    def tickets_of(self, key: str) -> list[Ticket]:
        """Every ticket of a conversation, oldest first."""
        with self._lock:
            rows = self._conn.execute(f"{_TICKET_SELECT} where key = ? order by id", [key])
            return [_ticket(r) for r in rows.fetchall()]

    def events(self, ticket_id: int) -> list[Event]:
        with self._lock:
            rows = self._conn.execute(
                f"{_EVENT_SELECT} where ticket_id = ? order by id", [int(ticket_id)]
            ).fetchall()
        return [Event(*r) for r in rows]

    def set_status(
        self, ticket_id: int, status: str, *, agent_id: int | None, agent_name: str | None
    ) -> None:
        """Claim (``claimed``, with the agent) or resolve (``resolved``) a ticket."""
        now = self._clock()
        stamp = {"claimed": "claimed_at", "resolved": "resolved_at"}[status]
        with self._lock, write_transaction(self.db):
            if status == "claimed":
                self._conn.execute(
                    f"update tickets set status = ?, agent_id = ?, agent_name = ?, {stamp} = ?, "
                    "updated_at = ? where id = ?",
                    [status, agent_id, agent_name, now, now, int(ticket_id)],
                )
            else:
                self._conn.execute(
                    f"update tickets set status = ?, {stamp} = ?, updated_at = ? where id = ?",
                    [status, now, now, int(ticket_id)],
                )
            self._event(int(ticket_id), status, agent_name or "staff", "", now)

    def add_event(
        self, ticket_id: int, kind: str, who: str, text: str, *, delivered: bool = False
    ) -> int:
        """Append to a ticket's history (a reply, a user's message); the event id."""
        now = self._clock()
        with self._lock, write_transaction(self.db):
            self._conn.execute(
                "update tickets set updated_at = ? where id = ?", [now, int(ticket_id)]
            )
            return self._event(int(ticket_id), kind, who, text, now, now if delivered else None)

    def undelivered(
        self,
        kinds: str | Sequence[str],
        *,
        key: str | None = None,
        without_address: bool = False,
        with_address: bool = False,
    ) -> list[Event]:
        """Events of ``kinds`` not yet delivered (all, or one conversation's), oldest
        first; ``without_address``: only those of tickets no channel can reach by itself,
        ``with_address``: only those of tickets a channel can."""
        kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
        query = (
            "select e.id, e.ticket_id, e.at, e.kind, e.who, e.text, e.delivered_at "
            "from ticket_events e join tickets t on t.id = e.ticket_id "
            f"where e.kind in ({', '.join('?' for _ in kinds)}) and e.delivered_at is null"
        )
        params: list[Any] = [*kinds]
        if key is not None:
            query += " and t.key = ?"
            params.append(key)
        if without_address:
            query += " and t.address is null"
        if with_address:
            query += " and t.address is not null"
        with self._lock:
            rows = self._conn.execute(query + " order by e.id", params).fetchall()
        return [Event(*r) for r in rows]

    def mark_delivered(self, event_id: int) -> None:
        with self._lock, write_transaction(self.db):
            self._conn.execute(
                "update ticket_events set delivered_at = ? where id = ? and delivered_at is null",
                [self._clock(), int(event_id)],
            )

    def set_staff_message(self, ticket_id: int, message_id: int) -> None:
        with self._lock, write_transaction(self.db):
            self._conn.execute(
                "update tickets set staff_message_id = ? where id = ?",
                [int(message_id), int(ticket_id)],
            )

    # -- privacy -----------------------------------------------------------------------

    def forget(self, key: str) -> int:
        """Delete the tickets of ``key`` with their history; how many tickets went."""
        with self._lock, write_transaction(self.db):
            self._conn.execute(
                "delete from ticket_events where ticket_id in "
                "(select id from tickets where key = ?)",
                [key],
            )
            cursor = self._conn.execute("delete from tickets where key = ?", [key])
            return max(cursor.rowcount, 0)

    def purge(self, cutoff: float) -> dict[str, int]:
        """Delete tickets and triage rows untouched since ``cutoff``."""
        with self._lock, write_transaction(self.db):
            self._conn.execute(
                "delete from ticket_events where ticket_id in "
                "(select id from tickets where updated_at < ?)",
                [cutoff],
            )
            tickets = self._conn.execute("delete from tickets where updated_at < ?", [cutoff])
            triage = self._conn.execute("delete from triage where triaged_at < ?", [cutoff])
            return {"tickets": max(tickets.rowcount, 0), "triage": max(triage.rowcount, 0)}

    def _event(
        self,
        ticket_id: int,
        kind: str,
        who: str,
        text: str,
        at: float,
        delivered_at: float | None = None,
    ) -> int:
        cursor = self._conn.execute(
            "insert into ticket_events (ticket_id, at, kind, who, text, delivered_at) "
            "values (?, ?, ?, ?, ?, ?)",
            [ticket_id, at, kind, who, text, delivered_at],
        )
        for listener in list(self._listeners):
            listener()
        return int(cursor.lastrowid or 0)


def _triage_record(row: Mapping[str, Any], now: float) -> dict[str, Any]:
    record = {}
    for column in TRIAGE_COLUMNS:
        value = row.get(column)
        if column in TRIAGE_JSON_COLUMNS:
            value = json.dumps(value if value is not None else [], ensure_ascii=False)
        record[column] = value
    record["id"] = str(row["id"])
    record["triaged_at"] = now
    return record


def _ticket(row: tuple) -> Ticket:
    (tid, key, address, status, reason, question, facts, transcript, result, requests,
     agent_id, agent_name, staff_message_id, created_at, updated_at) = row  # fmt: skip
    return Ticket(
        id=tid,
        key=key,
        address=address,
        status=status,
        reason=reason or "",
        question=question or "",
        facts=json.loads(facts or "{}"),
        transcript=json.loads(transcript or "[]"),
        result=json.loads(result or "{}"),
        requests=requests,
        agent_id=agent_id,
        agent_name=agent_name,
        staff_message_id=staff_message_id,
        created_at=created_at,
        updated_at=updated_at,
    )
