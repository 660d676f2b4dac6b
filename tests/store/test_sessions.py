"""Sessions survive restarts, stay apart per key, and survive bad files with one line."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from bot.session import HISTORY_MAX_CHARS, HISTORY_MAX_TURNS, Session
from bot.store import Inbound, Store, StoreError


def _session(key: str = "tg:1") -> Session:
    s = Session(key=key, facts={"age": 51}, evidence={"age": "I am 51"}, pending="has_roth_ira")
    s.mark_asked("has_roth_ira")
    s.remember("user", "I am 51", at=1000.0)
    return s


def test_a_new_key_gets_an_empty_session(tmp_path):
    store = Store(tmp_path / "r.db")
    session = store.load("nobody")
    assert session == Session(key="nobody")


def test_a_saved_session_survives_a_restart(tmp_path):
    path = tmp_path / "r.db"
    store = Store(path, clock=lambda: 1000.0)
    store.save(_session())
    store.close()
    again = Store(path, clock=lambda: 1000.0).load("tg:1")
    assert again.facts == {"age": 51}
    assert again.evidence == {"age": "I am 51"}
    assert again.pending == "has_roth_ira"
    assert again.asked == ["has_roth_ira"]
    assert [t.text for t in again.history] == ["I am 51"]


def test_two_keys_never_see_each_others_facts(tmp_path):
    store = Store(tmp_path / "r.db")
    store.save(_session("tg:1"))
    other = Session(key="tg:2", facts={"age": 60})
    store.save(other)
    assert store.load("tg:1").facts == {"age": 51}
    assert store.load("tg:2").facts == {"age": 60}


def test_history_is_capped_in_count_and_length():
    s = Session(key="k")
    for i in range(HISTORY_MAX_TURNS + 5):
        s.remember("user", f"message {i} " + "x" * 2000, at=float(i))
    assert len(s.history) == HISTORY_MAX_TURNS
    assert s.history[0].text.startswith("message 5 ")
    assert all(len(t.text) <= HISTORY_MAX_CHARS + 1 for t in s.history)


def test_the_database_is_in_wal_mode_with_migrations_recorded(tmp_path):
    path = tmp_path / "r.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    names = [
        r[0]
        for r in conn.execute("select name from _sqlite_migrations where migration_set = 'rothbot'")
    ]
    assert names == [
        "m001_initial",
        "m002_outbox",
        "m003_inbox",
        "m004_outbox_wire_marks_leave",
    ]
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    assert {"sessions", "tickets", "outbox", "inbox"} <= tables
    assert "handoffs" not in tables  # its open requests became tickets
    assert "telegram_updates" not in tables  # its ids moved into the outbox


def test_reopening_does_not_reapply_migrations(tmp_path):
    path = tmp_path / "r.db"
    Store(path).close()
    Store(path).close()
    conn = sqlite3.connect(path)
    # bot.store has 4 migrations, bot.support_store 2
    assert conn.execute("select count(*) from _sqlite_migrations").fetchone()[0] == 6


def test_a_file_that_is_not_a_database_is_a_one_line_error(tmp_path):
    path = tmp_path / "bad.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError) as info:
        Store(path)
    assert "not a usable rothbot database" in str(info.value)
    assert "\n" not in str(info.value)


def test_the_folder_is_created(tmp_path):
    path = tmp_path / "deep" / "er" / "r.db"
    Store(path).close()
    assert path.exists()


def test_a_new_database_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "private" / "rothbot.db"
    store = Store(path)
    store.save(Session(key="a", facts={"age": 51}))
    for name in ("rothbot.db", "rothbot.db-wal"):
        assert (path.parent / name).stat().st_mode & 0o077 == 0, name
    assert path.parent.stat().st_mode & 0o077 == 0


def test_a_folder_where_the_file_should_be_is_a_one_line_error(tmp_path):
    (tmp_path / "rothbot.db").mkdir()
    with pytest.raises(StoreError, match="Cannot create"):
        Store(tmp_path / "rothbot.db")


def test_default_path_follows_rothbot_db(tmp_path, monkeypatch):
    from bot.store import default_path

    monkeypatch.setenv("ROTHBOT_DB", str(tmp_path / "x.db"))
    assert default_path() == tmp_path / "x.db"
    monkeypatch.delenv("ROTHBOT_DB")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_path() == tmp_path / ".local" / "share" / "rothbot" / "rothbot.db"


def test_concurrent_saves_from_threads_do_not_fail(tmp_path):
    store = Store(tmp_path / "r.db")
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(20):
                s = store.load(f"k{n}")
                s.facts["age"] = 20 + i
                store.save(s)
                store.take_in([Inbound(n * 1000 + i, None, "{}")])
        except BaseException as exc:  # pragma: no cover - the assertion shows it
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [store.load(f"k{n}").facts["age"] for n in range(4)] == [39] * 4


@pytest.mark.parametrize(
    "data", ["", "not json", "[1, 2]", '{"facts": null, "history": [{"x": 1}]}']
)
def test_a_damaged_session_document_loads_as_a_fresh_session(data):
    session = Session.from_json("k", data)
    assert session.key == "k" and session.facts == {} and session.history == []


def test_the_session_document_round_trips():
    original = _session()
    original.topic = "in_plan_conversion"
    assert Session.from_json("tg:1", original.to_json()) == original
