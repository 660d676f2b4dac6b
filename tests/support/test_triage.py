"""`rothbot triage FILE`: a help desk's file of questions in; status, priority, draft out.

Every test runs the real command (``bot.cli.main``) on a real file, with the real reader,
engine and SQLite store.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import threading
import time
from datetime import date

import pytest

from bot import triage_cli
from bot.cli import main
from bot.conversation import respond
from bot.session import Session
from bot.triage import triage
from bot.triage_cli import CHUNK
from knowledge.params import covered_years

TODAY = "2026-12-06"
QUESTIONS = [
    {
        "id": "q-figures",
        "text": (
            "I am 51 and have 30k of after-tax contributions and 10k of earnings in my 401k "
            "at Fidelity. I left the company last year. Can I roll the after-tax part to a "
            "Roth IRA?"
        ),
    },
    {
        "id": "q-check",
        "text": (
            "I received a check from my old 401k last week for the after-tax money. "
            "What do I do now?"
        ),
    },
    {"id": "q-person", "text": "Can I talk to a real person about my rollover?"},
    {"id": "q-divorce", "text": "My ex-wife gets half my 401k under a QDRO. Can I roll mine?"},
    {
        "id": "q-refused",
        "text": (
            "My plan won't split the after-tax and the earnings into two rollovers. I have "
            "$150,000 of after-tax contributions and $40,000 of earnings. What now?"
        ),
    },
]


def _write_jsonl(path, items) -> None:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")


def _write_csv(path, items) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "customer", "text"])
        for item in items:
            writer.writerow([item["id"], "someone", item["text"]])


def _triage(capsys, path, *args, db) -> tuple[int, str, str]:
    code = main(["triage", str(path), "--db", str(db), "--today", TODAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


def _by_id(lines: str) -> dict[str, dict]:
    return {row["id"]: row for row in map(json.loads, lines.splitlines())}


@pytest.fixture
def db(tmp_path):
    return tmp_path / "support.db"


def test_a_mixed_jsonl_file_gets_status_priority_headline_and_a_draft(tmp_path, db, capsys):
    path = tmp_path / "questions.jsonl"
    _write_jsonl(path, QUESTIONS)
    code, out, err = _triage(capsys, path, "--format", "jsonl", db=db)
    assert code == 0, err
    rows = _by_id(out)
    assert list(rows) == [q["id"] for q in QUESTIONS]  # file order

    figures = rows["q-figures"]
    assert figures["status"] == "answerable"
    assert figures["facts"]["after_tax_contributions"] == 30000
    assert re.match(r"^[a-zA-Z -]+: \$[\d,]+ ", figures["headline"])  # the engine's figure
    assert "provider:Fidelity" in figures["tags"]
    assert figures["asks"] and all(f"topic:{a}" in figures["tags"] for a in figures["asks"])
    assert "30,000" in figures["draft"]  # the conversation core's own reply

    check = rows["q-check"]
    assert check["priority"] == "urgent" and "60-day" in check["priority_reason"]
    assert check["status"] == "needs_info"
    assert "after_tax_contributions" in check["missing"]

    assert rows["q-person"]["status"] == "needs_human"
    assert rows["q-person"]["status_reason"] == "asks for a person"
    assert rows["q-divorce"]["status"] == "needs_human"
    assert "QDRO" in rows["q-divorce"]["status_reason"]
    assert "topic:qdro" in rows["q-divorce"]["tags"]

    refused = rows["q-refused"]
    assert refused["priority"] == "high"
    assert refused["asks"] == ["plan_refuses_split"]  # the answer catalogue's id
    assert refused["status"] == "answerable"  # its answer depends on no personal fact
    assert "refuses" in refused["priority_reason"]
    assert "$190,000 of after-tax money at stake" in refused["priority_reason"]
    statuses = [row["status"] for row in rows.values()]
    counts = ", ".join(
        f"{statuses.count(s)} {s}" for s in ("answerable", "needs_info", "needs_human")
    )
    assert f"5 questions triaged ({counts}); 0 rows skipped" in err


def test_the_draft_is_the_conversations_own_first_reply_to_the_question():
    """Triage reads each question once and hands that reading to the conversation core;
    the draft must still be word for word what a new conversation would answer."""
    today = date.fromisoformat(TODAY)
    texts = [q["text"] for q in QUESTIONS if q["id"] != "q-person"] + [
        "  What is the pro-rata rule?\x07 ",  # the core cleans the text before reading
        "caf\u0065\u0301: I have $20k after-tax in my 401k, can I convert it?",
    ]
    for n, text in enumerate(texts):
        row = triage(f"t{n}", text, today=today)
        answer = respond(Session(key="fresh"), text, today=today, now=0.0)
        assert row.draft == answer.text


def test_csv_in_and_csv_out_round_trip_to_the_same_results_as_jsonl(tmp_path, db, capsys):
    jsonl, table = tmp_path / "q.jsonl", tmp_path / "q.csv"
    _write_jsonl(jsonl, QUESTIONS)
    _write_csv(table, QUESTIONS)
    _, from_jsonl, _ = _triage(capsys, jsonl, "--format", "jsonl", db=db)
    code, from_csv, err = _triage(capsys, table, "--format", "csv", db=tmp_path / "other.db")
    assert code == 0, err
    records = list(csv.DictReader(io.StringIO(from_csv)))
    expected = _by_id(from_jsonl)
    assert [r["id"] for r in records] == list(expected)
    for record in records:
        want = expected[record["id"]]
        for column in ("status", "priority", "headline", "draft", "status_reason"):
            assert record[column] == want[column]
        assert record["missing"] == "; ".join(want["missing"])
        assert json.loads(record["facts"]) == want["facts"]


def test_the_default_output_is_a_readable_table(tmp_path, db, capsys):
    path = tmp_path / "q.jsonl"
    _write_jsonl(path, QUESTIONS[:2])
    code, out, _ = _triage(capsys, path, db=db)
    assert code == 0
    header, first, second = out.splitlines()
    assert header.split()[:4] == ["ID", "STATUS", "PRIORITY", "HEADLINE"]
    assert first.startswith("q-figures") and "answerable" in first
    assert second.startswith("q-check") and "urgent" in second


def test_results_are_stored_and_the_same_id_triaged_again_replaces_its_row(tmp_path, db, capsys):
    path = tmp_path / "q.jsonl"
    _write_jsonl(path, QUESTIONS[:2])
    _triage(capsys, path, db=db)
    _write_jsonl(path, [{"id": "q-check", "text": "Can someone call me?"}])
    _triage(capsys, path, db=db)
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = {r["id"]: r for r in conn.execute("select * from triage")}
    assert set(rows) == {"q-figures", "q-check"}
    assert rows["q-check"]["status"] == "needs_human"
    assert rows["q-check"]["text"] == "Can someone call me?"
    assert json.loads(rows["q-figures"]["facts"])["age"] == 51  # JSON columns hold JSON
    assert rows["q-figures"]["source"] == "q.jsonl" and rows["q-figures"]["line"] == 1


def test_the_format_is_detected_from_the_content_or_named(tmp_path, db, capsys):
    path = tmp_path / "questions.txt"
    _write_csv(path, QUESTIONS[:1])
    code, out, _ = _triage(capsys, path, "--format", "jsonl", db=db)
    assert code == 0 and json.loads(out)["id"] == "q-figures"
    _write_jsonl(path, QUESTIONS[:1])
    code, out, _ = _triage(capsys, path, "--format", "jsonl", db=db)
    assert code == 0 and json.loads(out)["id"] == "q-figures"
    code, _, err = _triage(capsys, path, "--input-format", "csv", db=db)
    assert code == 2 and "no text column" in err


def test_every_bad_row_is_named_by_its_line_and_the_rest_is_triaged(tmp_path, db, capsys):
    good = json.dumps(QUESTIONS[2]).encode()
    lines = [
        good,
        '{"id": "latin", "text": "caf\u00e9"}'.encode("latin-1"),  # not UTF-8
        b'{"id": "no-text"}',
        b'{"id": "empty", "text": "   "}',
        b'{"id": "huge", "text": "' + b"x" * 5_000_000 + b'"}',  # a 5 MB line
        b"not json at all",
        json.dumps(QUESTIONS[3]).encode(),
    ]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    code, out, err = _triage(capsys, path, "--format", "jsonl", db=db)
    assert code == 1
    assert list(_by_id(out)) == ["q-person", "q-divorce"]
    assert "bad.jsonl line 2: not UTF-8 text (byte 0xe9" in err
    assert 'bad.jsonl line 3: has no "text"' in err
    assert "bad.jsonl line 4: the text is empty" in err
    assert "bad.jsonl line 5: the line is 4.8 MB" in err
    assert "bad.jsonl line 6: not valid JSON" in err
    assert "5 rows skipped" in err
    assert "Traceback" not in err


def test_a_csv_row_missing_its_text_column_is_named(tmp_path, db, capsys):
    path = tmp_path / "q.csv"
    path.write_text(
        'id,text\nq1,"I am 51, can I roll my after-tax money to a Roth?"\nq2\n'
        'q3,"Multi\nline question about an in-plan conversion?"\n',
        encoding="utf-8",
    )
    code, out, err = _triage(capsys, path, "--format", "jsonl", db=db)
    assert code == 1
    assert [r["id"] for r in map(json.loads, out.splitlines())] == ["q1", "q3"]
    assert 'q.csv line 3: has 1 columns, the header 2: the "text" column is missing' in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("name,email\nann,a@x\n", "no text column"),
    ],
)
def test_a_file_that_cannot_be_used_gets_one_line_and_status_2(
    tmp_path, db, capsys, content, message
):
    path = tmp_path / "q.csv"
    path.write_text(content, encoding="utf-8")
    code, _, err = _triage(capsys, path, db=db)
    assert code == 2 and message in err and "Traceback" not in err


def test_a_missing_file_is_named(tmp_path, db, capsys):
    code, _, err = _triage(capsys, tmp_path / "nope.csv", db=db)
    assert code == 2 and "nope.csv: no such file" in err


def test_two_worker_processes_give_the_same_rows_as_one(tmp_path, db, capsys):
    path = tmp_path / "q.jsonl"
    many = [{**q, "id": f"{q['id']}-{n}"} for n in range(8) for q in QUESTIONS]
    _write_jsonl(path, many)
    _, one, _ = _triage(capsys, path, "--format", "jsonl", db=db)
    code, two, err = _triage(capsys, path, "--format", "jsonl", "--jobs", "2", db=db)
    assert code == 0, err
    assert two == one


def test_workers_started_clean_when_another_thread_runs_give_the_same_rows(tmp_path, db, capsys):
    """Forking a process with another thread running is not safe: inside a server the
    workers start from a clean process (forkserver) instead, with the same results."""
    path = tmp_path / "q.jsonl"
    _write_jsonl(path, QUESTIONS)
    _, one, _ = _triage(capsys, path, "--format", "jsonl", db=db)
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        code, two, err = _triage(capsys, path, "--format", "jsonl", "--jobs", "2", db=db)
    finally:
        release.set()
        other.join()
    assert code == 0, err
    assert two == one


class _Terminal(io.StringIO):
    """Standard error as a terminal (rich draws its bar only on one)."""

    def isatty(self) -> bool:
        return True


def test_on_a_terminal_a_progress_bar_shows_the_count_the_rate_and_the_time_left(
    tmp_path, db, monkeypatch
):
    real = triage_cli.triage_chunk
    pause = 0.15  # each chunk of 16 takes at least this long: the rate is at most 16/pause

    def slow_chunk(*args):
        time.sleep(pause)
        return real(*args)

    monkeypatch.setattr(triage_cli, "triage_chunk", slow_chunk)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("COLUMNS", "160")
    path = tmp_path / "q.jsonl"
    questions = [{"id": f"q{n}", "text": QUESTIONS[0]["text"]} for n in range(8 * CHUNK)]
    lines = [json.dumps(q) for q in questions]
    lines.insert(1, "not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr("sys.stdout", io.StringIO())
    code = main(["triage", str(path), "--db", str(db), "--today", TODAY, "--format", "jsonl"])
    assert code == 1  # the bad line
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", terminal.getvalue())
    frames = [f for f in re.split(r"[\r\n]", text) if f.startswith("triage ")]
    assert frames, text[-500:]
    final = frames[-1]
    assert "100%" in final and f"{8 * CHUNK} questions" in final
    rate = float(re.search(r"questions, (\d+\.\d)/s", final).group(1))
    assert 0 < rate <= CHUNK / pause  # questions a second, not bytes
    assert re.search(r"ETA\s+0:00:00$", final)
    during = [f for f in frames if "100%" not in f]
    assert any(re.search(r"ETA\s+\d+:\d\d:\d\d$", f) for f in during)  # an estimate, not -:--:--
    counts = [int(m.group(1)) for f in frames if (m := re.search(r"(\d+) questions", f))]
    assert counts == sorted(counts) and counts[-1] == 8 * CHUNK
    said = re.split(r"[\r\n]", text)
    assert any(line.startswith("triage: q.jsonl line 2: not valid JSON") for line in said)
    assert said[-2].startswith(f"triage: {8 * CHUNK} questions triaged")  # after the bar
    assert "1 row skipped;" in said[-2]


def test_every_bad_row_of_a_csv_is_named_by_its_line_and_the_rest_is_triaged(tmp_path, db, capsys):
    def row(item) -> bytes:
        return f'{item["id"]},"{item["text"]}"'.encode()

    lines = [
        b"id,text",
        row(QUESTIONS[2]),
        'latin,"caf\u00e9 and my 401k"'.encode("latin-1"),  # line 3: not UTF-8
        b"no-text",  # line 4: a missing column
        b'empty,"  "',  # line 5
        b'huge,"' + b"x" * 5_000_000 + b'"',  # line 6: a 5 MB line
        b"commas,I am 51, can I roll my after-tax money?",  # line 7: not quoted
        b'stray,"a quote that is never closed',  # line 8
        row(QUESTIONS[3]),  # line 9: its opening quote closes line 8's
        row(QUESTIONS[0]),
    ]
    path = tmp_path / "bad.csv"
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    code, out, err = _triage(capsys, path, "--format", "jsonl", db=db)
    assert code == 1
    assert list(_by_id(out)) == ["q-person", "q-divorce", "q-figures"]
    assert "bad.csv line 3: not UTF-8 text (byte 0xe9" in err
    assert 'bad.csv line 4: has 1 columns, the header 2: the "text" column is missing' in err
    assert "bad.csv line 5: the text is empty" in err
    assert "bad.csv line 6: the line is 4.8 MB" in err
    assert "bad.csv line 7: has 3 columns, the header 2: a text holding commas" in err
    assert "bad.csv line 8: not valid CSV" in err and "not closed" in err
    assert "6 rows skipped" in err and "Traceback" not in err


def test_a_quote_left_open_to_the_end_of_a_csv_loses_only_its_own_row(tmp_path, db, capsys):
    path = tmp_path / "q.csv"
    path.write_text(
        f'id,text\nq1,"{QUESTIONS[2]["text"]}"\nq2,"never closed\nq3,{QUESTIONS[3]["text"]}\n',
        encoding="utf-8",
    )
    code, out, err = _triage(capsys, path, "--format", "jsonl", db=db)
    assert code == 1
    assert [r["id"] for r in map(json.loads, out.splitlines())] == ["q1", "q3"]
    assert "q.csv line 3: not valid CSV (unexpected end of data" in err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_utf16_export_is_named_once_for_what_it_is(tmp_path, db, capsys, encoding):
    path = tmp_path / "export.csv"
    path.write_bytes(f'id,text\nq1,"{QUESTIONS[2]["text"]}"\n'.encode(encoding))
    code, out, err = _triage(capsys, path, db=db)
    assert code == 2 and out == ""  # not even the table's header
    assert err.count("\n") == 1 and "export.csv is not UTF-8 text (it looks like UTF-16" in err


def test_a_year_the_rules_do_not_cover_is_not_the_tax_year_as_in_the_draft():
    """'Notice 2014-54 came out in 2014' dates a notice: like the conversation (whose
    reply is the draft), triage leaves that year out and gives the current rules'
    figures, instead of 'no result: the facts do not fit' beside a draft with figures."""
    text = (
        "I read about the IRS ruling in 2014. I am 51 and have 30k of after-tax "
        "contributions and 10k of earnings in my 401k. Can I roll the after-tax part "
        "to a Roth IRA?"
    )
    row = triage("q", text, today=date.fromisoformat(TODAY))
    now = triage("q", text.replace(" in 2014", ""), today=date.fromisoformat(TODAY))
    assert row.headline == now.headline and "$" in row.headline
    assert row.status == now.status == "answerable"
    first, last = covered_years()[0], covered_years()[-1]
    used = min(max(2026, first), last)
    assert row.status_reason == (
        f"{now.status_reason}; the year 2014 is outside the rules ({first}-{last}): "
        f"figures use {used}'s"
    )
    assert row.facts["year"] == 2014 and "year:2014" in row.tags  # as read
    assert "rules, not 2014's" in row.draft


def test_a_deadline_in_a_text_dated_years_back_says_so_in_the_reason():
    today = date.fromisoformat(TODAY)
    text = "In 2017 I received a check from my 401k for the after-tax money."
    old = triage("q", text, today=today)
    assert old.priority == "urgent"  # a person decides, told why
    assert old.priority_reason.endswith("; the text dates it to 2017: check whether it still runs")
    new = triage("q", QUESTIONS[1]["text"], today=today)
    assert new.priority == "urgent" and "dates it" not in new.priority_reason
