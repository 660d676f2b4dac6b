"""Stored text lives only as long as the retention period; forget erases everything."""

from __future__ import annotations

import json
import sqlite3

import pytest

from bot.session import Session
from bot.store import DAY, Inbound, Store, StoreError


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_an_idle_session_is_purged_after_the_retention_period(tmp_path):
    clock = Clock()
    store = Store(tmp_path / "r.db", retention_days=30, clock=clock)
    store.save(Session(key="k", facts={"age": 51}))
    clock.now += 29 * DAY
    store.purge()
    assert store.load("k").facts == {"age": 51}
    clock.now += 2 * DAY
    assert store.purge()["sessions"] == 1
    assert store.load("k").facts == {}


def test_purge_runs_when_the_store_opens(tmp_path):
    clock = Clock()
    Store(tmp_path / "r.db", retention_days=1, clock=clock).save(Session(key="k"))
    clock.now += 2 * DAY
    store = Store(tmp_path / "r.db", retention_days=1, clock=clock)
    rows = store.db.execute("select count(*) from sessions").fetchone()[0]
    assert rows == 0


def test_old_history_lines_are_dropped_from_a_live_session(tmp_path):
    clock = Clock()
    store = Store(tmp_path / "r.db", retention_days=2, clock=clock)
    s = Session(key="k")
    s.remember("user", "old text", at=clock.now)
    s.remember("user", "new text", at=clock.now + 3 * DAY)
    clock.now += 3 * DAY
    store.save(s)
    assert [t.text for t in store.load("k").history] == ["new text"]


def test_retention_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ROTHBOT_RETENTION_DAYS", "7")
    assert Store(tmp_path / "r.db").retention_days == 7
    monkeypatch.setenv("ROTHBOT_RETENTION_DAYS", "a week")
    with pytest.raises(StoreError, match="whole number of days"):
        Store(tmp_path / "r.db")
    monkeypatch.setenv("ROTHBOT_RETENTION_DAYS", "0")
    with pytest.raises(StoreError, match="at least 1"):
        Store(tmp_path / "r.db")


def test_forget_erases_every_row_for_the_key_and_only_that_key(tmp_path):
    path = tmp_path / "r.db"
    store = Store(path)
    secret = "my secret employer Zyxwv"
    s = Session(key="tg:1", facts={"provider": secret}, evidence={"provider": secret})
    s.remember("user", secret, at=store.clock())
    store.save(s)
    store.support.open_or_add(
        "tg:1", reason=secret, question=secret, facts={}, transcript=[], result={}, address=None
    )
    store.save(Session(key="tg:2", facts={"age": 60}))

    erased = store.forget("tg:1")

    assert erased == {"conversation": 1, "requests for a person": 1}
    assert store.load("tg:1") == Session(key="tg:1")
    assert store.support.tickets_of("tg:1") == []
    assert store.load("tg:2").facts == {"age": 60}
    store.close()
    # Nothing of the erased text is left anywhere in the files on disk.
    for file in tmp_path.iterdir():
        assert secret.encode() not in file.read_bytes(), file.name


def test_forget_of_an_unknown_key_erases_nothing(tmp_path):
    assert Store(tmp_path / "r.db").forget("ghost") == {
        "conversation": 0,
        "requests for a person": 0,
    }


def inbound(update_id: int, text: str = "hi") -> Inbound:
    return Inbound(update_id, "1", json.dumps({"update_id": update_id, "text": text}))


def test_an_update_is_taken_in_once(tmp_path):
    store = Store(tmp_path / "r.db")
    assert store.take_in([inbound(7), inbound(8)]) == [inbound(7), inbound(8)]
    assert store.take_in([inbound(7), inbound(9)]) == [inbound(9)]  # 7 again: a redelivery


def test_update_ids_are_kept_for_a_bounded_time(tmp_path):
    clock = Clock()
    store = Store(tmp_path / "r.db", clock=clock)
    store.take_in([inbound(7)])
    store.intake_done(7)
    clock.now += 3 * DAY
    store.purge()
    assert store.take_in([inbound(7)]) == [inbound(7)]


def test_stored_updates_survive_a_restart_until_they_have_run(tmp_path):
    Store(tmp_path / "r.db").take_in([inbound(42), inbound(43)])
    store = Store(tmp_path / "r.db")
    assert store.pending_intake() == [inbound(42), inbound(43)]
    store.intake_done(42)
    assert store.pending_intake() == [inbound(43)]
    assert store.take_in([inbound(42)]) == []
    [row] = store.db.query("select payload from inbox where update_id = 42")
    assert row["payload"] is None  # the text goes once the update ran


def test_requests_for_a_person_are_kept_per_key(tmp_path):
    store = Store(tmp_path / "r.db")
    ticket, new = store.support.open_or_add(
        "tg:1",
        reason="asks about a QDRO",
        question="",
        facts={},
        transcript=[],
        result={},
        address=None,
    )
    assert new and ticket.id >= 1
    [row] = store.support.tickets_of("tg:1")
    assert row.status == "open" and row.reason == "asks about a QDRO"
    assert store.support.tickets_of("tg:2") == []


def test_the_session_table_holds_no_plain_columns_beyond_the_document(tmp_path):
    Store(tmp_path / "r.db").close()
    conn = sqlite3.connect(tmp_path / "r.db")
    cols = [r[1] for r in conn.execute("pragma table_info(sessions)")]
    assert cols == ["key", "data", "created_at", "updated_at", "text_at"]
