"""Crash-safe delivery: a turn and its reply commit together, and each update runs once.

The outbox is what makes "a redelivered update is answered exactly once" hold across a
crash at any point: before the commit nothing happened, after it the reply waits in the
store until the channel says it was sent. These tests drive ``Assistant.handle_update``
over a real SQLite file with a scripted responder, so they are about the store and the
service, not about the wording of the conversation core.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from bot.reply import Choice, Picture, Reply
from bot.service import Assistant
from bot.session import Session
from bot.store import DAY, Inbound, Store, m001_initial

SECRET = "my employer is Zyxwv Widgets"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Responder:
    """Counts turns in the session, echoes the text, and fails on "boom" after a change."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, session: Session, text: str, *, today: date, now: float) -> Reply:
        self.calls.append(text)
        session.turns += 1
        session.facts["last"] = text
        if text == "boom":
            raise RuntimeError("the core failed half-way")
        if text == "forget":
            return Reply("forgetting", action="forget")
        choices = (Choice("Yes", "yes"), Choice("No", "no"))
        return Reply(f"you said: {text}", choices, facts=dict(session.facts))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Store:
    opened = Store(tmp_path / "r.db", clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def responder() -> Responder:
    return Responder()


@pytest.fixture
def assistant(store: Store, responder: Responder) -> Assistant:
    return Assistant(store, responder=responder)


def outbox_rows(store: Store) -> list[dict]:
    return list(store.db.query("select * from outbox order by update_id"))


def test_a_new_update_runs_the_turn_and_records_its_reply_to_send(
    assistant: Assistant, store: Store, responder: Responder
) -> None:
    outgoing = assistant.handle_update("tg:1", "hello", 7, address='{"chat_id": 1}')

    assert outgoing is not None
    assert outgoing.reply == Reply("you said: hello", (Choice("Yes", "yes"), Choice("No", "no")))
    assert (outgoing.update_id, outgoing.key, outgoing.parts_sent) == (7, "tg:1", 0)
    assert responder.calls == ["hello"]
    assert store.load("tg:1").turns == 1
    assert outgoing.reply.facts == {}  # the outbox keeps only what is sent
    assert store.outgoing(7) == outgoing  # what a re-send would get, read back from disk


def test_a_redelivered_unsent_update_returns_the_stored_reply_without_a_second_turn(
    assistant: Assistant, store: Store, responder: Responder
) -> None:
    first = assistant.handle_update("tg:1", "hello", 7)
    again = assistant.handle_update("tg:1", "hello", 7)

    assert again == first
    assert responder.calls == ["hello"]
    assert store.load("tg:1").turns == 1


def test_a_redelivered_sent_update_returns_nothing(
    assistant: Assistant, store: Store, responder: Responder
) -> None:
    assistant.handle_update("tg:1", "hello", 7)
    assistant.delivered(7)

    assert assistant.handle_update("tg:1", "hello", 7) is None
    assert responder.calls == ["hello"]
    assert store.owed() == []


def test_a_failing_turn_records_no_update_id_and_saves_no_session(
    assistant: Assistant, store: Store, responder: Responder
) -> None:
    assistant.handle_update("tg:1", "hello", 7)

    with pytest.raises(RuntimeError, match="half-way"):
        assistant.handle_update("tg:1", "boom", 8)

    assert not store.recorded(8)
    assert store.load("tg:1").facts == {"last": "hello"}  # the half-done turn was undone
    assert store.load("tg:1").turns == 1
    # A redelivery of the failed update runs the turn again, as if it were new.
    with pytest.raises(RuntimeError):
        assistant.handle_update("tg:1", "boom", 8)
    assert responder.calls == ["hello", "boom", "boom"]


def test_a_crash_before_the_commit_leaves_nothing_behind(tmp_path: Path) -> None:
    """A process killed mid-transaction: another connection sees neither turn nor id."""
    path = tmp_path / "r.db"
    store = Store(path)
    with pytest.raises(KeyboardInterrupt), store.transaction():
        session = store.load("tg:1")
        session.turns += 1
        store.save(session)
        store.record_outgoing(9, "tg:1", Reply("never sent"))
        raise KeyboardInterrupt  # stands in for the process dying here
    store.close()

    reopened = Store(path)
    assert not reopened.recorded(9)
    assert reopened.load("tg:1").turns == 0


def test_sending_drops_the_reply_text_and_keeps_only_the_id(
    assistant: Assistant, store: Store, tmp_path: Path
) -> None:
    assistant.handle_update("tg:1", SECRET, 7, address='{"chat_id": 1}')
    assert SECRET in outbox_rows(store)[0]["reply"]

    assistant.delivered(7)

    [row] = outbox_rows(store)
    assert row["reply"] is None and row["address"] is None
    assert row["sent_at"] is not None
    assert store.outgoing(7) is None


def test_progress_is_kept_so_a_resend_starts_after_the_parts_already_sent(
    assistant: Assistant, store: Store
) -> None:
    assistant.handle_update("tg:1", "long", 7)
    store.mark_progress(7, 2)
    store.mark_progress(7, 1)  # a late, smaller count never moves progress back

    again = assistant.handle_update("tg:1", "long", 7)

    assert again is not None and again.parts_sent == 2


def test_every_owed_reply_is_listed_oldest_first_by_lane(
    assistant: Assistant, store: Store, clock: Clock
) -> None:
    address = '{"chat_id": 1}'
    assistant.handle_update("tg:1", "old", 1, address=address, lane="1")
    clock.now += 60
    assistant.handle_update("tg:1", "newer", 2, address=address, lane="1")  # still owed: 1
    assistant.handle_update("tg:2", "sent already", 3, address=address, lane="2")
    assistant.delivered(3)
    assistant.handle_update("tg:3", "no address", 4)
    assistant.handle_update("tg:4", "waiting", 5, address=address, lane="4")

    assert [o.update_id for o in store.owed()] == [1, 2, 5]
    assert [o.update_id for o in store.owed("1")] == [1, 2]
    assert store.owed_lanes() == ["1", "4"]
    clock.now += 601
    assert [o.update_id for o in store.owed("1")] == [1, 2]  # owed until sent, however old


def test_pictures_are_kept_with_the_reply_until_it_is_sent(store: Store) -> None:
    png = bytes(range(256)) * 4  # any bytes survive the round trip
    reply = Reply("", pictures=(Picture(png, "When each dollar is tax-free"), Picture(png)))
    store.record_outgoing(9, "tg:1", reply, '{"chat_id": 1}', "1")

    [owed] = store.owed("1")
    assert owed.reply.pictures == reply.pictures
    store.mark_sent(9)
    [row] = outbox_rows(store)
    assert row["reply"] is None  # the pictures went with the text


def test_a_part_the_last_version_left_on_the_wire_counts_as_sent_after_the_upgrade(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    Store(path).close()
    db = sqlite_utils.Database(path)
    db.execute("delete from _sqlite_migrations where name = 'm004_outbox_wire_marks_leave'")
    db["outbox"].add_column("sending", int, not_null_default=0)
    db.execute(
        "insert into outbox (update_id, reply, address, lane, parts_sent, created_at, sending) "
        "values (5, ?, '{\"chat_id\": 1}', '1', 1, ?, 1)",
        ['{"text": "long", "choices": []}', time.time()],
    )
    db.conn.commit()
    db.conn.close()

    store = Store(path)
    try:
        [owed] = store.owed("1")
        assert owed.parts_sent == 2  # at most once: the part on the wire is not sent again
        assert "sending" not in {c.name for c in store.db["outbox"].columns}
    finally:
        store.close()


def test_a_turn_marks_its_stored_update_as_run(assistant: Assistant, store: Store) -> None:
    store.take_in([Inbound(11, "1", '{"update_id": 11}')])
    assert [u.update_id for u in store.pending_intake()] == [11]

    assistant.handle_update("tg:1", "hello", 11, address='{"chat_id": 1}', lane="1")

    assert store.pending_intake() == []
    assert store.take_in([Inbound(11, "1", '{"update_id": 11}')]) == []


def test_forget_keeps_the_update_ids_but_nothing_that_points_to_the_person(
    assistant: Assistant, store: Store, tmp_path: Path
) -> None:
    assistant.handle_update("tg:1", SECRET, 7, address='{"chat_id": 1}')
    erased = assistant.handle_update("tg:1", "forget", 8, address='{"chat_id": 1}')

    assert erased is not None and erased.key is None
    assert erased.reply.text.startswith("Done. I erased everything")
    rows = {row["update_id"]: row for row in outbox_rows(store)}
    assert rows[7]["key"] is None and rows[7]["reply"] is None
    assert store.recorded(7) and store.recorded(8)
    assistant.delivered(8)
    store.close()
    for file in tmp_path.iterdir():
        assert SECRET.encode() not in file.read_bytes(), file.name


def test_purge_drops_old_ids_and_the_text_of_replies_never_sent(
    tmp_path: Path, clock: Clock, responder: Responder
) -> None:
    store = Store(tmp_path / "r.db", retention_days=1, clock=clock)
    assistant = Assistant(store, responder=responder)
    assistant.handle_update("tg:1", SECRET, 7, address='{"chat_id": 1}')

    clock.now += DAY + 1
    store.purge()
    [row] = outbox_rows(store)
    assert row["reply"] is None and row["sent_at"] is not None  # given up, text gone
    assert assistant.handle_update("tg:1", SECRET, 7) is None  # still deduplicated

    clock.now += DAY
    assert store.purge()["outbox"] == 1
    assert not store.recorded(7)


def test_ids_recorded_before_the_outbox_existed_still_count_as_answered(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    before = sqlite_utils.Migrations("rothbot")
    before()(m001_initial)
    old = sqlite_utils.Database(path)
    before.apply(old)
    old["telegram_updates"].insert({"update_id": 41, "seen_at": 1_000_000.0})
    old.close()

    store = Store(path, clock=Clock())

    assert store.recorded(41) and store.outgoing(41) is None
    assert store.take_in([Inbound(41, "1", '{"update_id": 41}')]) == []  # not run again
    tables = {r[0] for r in sqlite3.connect(path).execute("select name from sqlite_master")}
    assert "telegram_updates" not in tables


def test_the_terminal_path_needs_no_update_id(
    assistant: Assistant, store: Store, responder: Responder
) -> None:
    reply = assistant.handle("term", "hello")

    assert reply.text == "you said: hello"
    assert store.load("term").turns == 1
    assert outbox_rows(store) == []


def test_a_failure_after_the_session_was_saved_undoes_the_save(
    assistant: Assistant, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "record_outgoing", disk_full)

    with pytest.raises(sqlite3.OperationalError):
        assistant.handle_update("tg:1", "hello", 7)

    assert store.load("tg:1") == Session(key="tg:1")  # the saved turn was rolled back
    assert not store.recorded(7)
