"""``rothbot parse``: for a person, and as JSON lines for scripts."""

import gc
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from knowledge.facts import DESIGN_KEYS

DESIGN = Path(__file__).resolve().parents[3] / "shared" / "DESIGN.md"


def test_parse_text_prints_facts_with_their_source(capsys: pytest.CaptureFixture) -> None:
    assert main(["parse", "I am 51 and my 401K is with TROWE. Can I split it?"]) == 0
    out = capsys.readouterr().out
    assert "age: 51  (from 'I am 51')" in out
    assert "provider: T. Rowe Price  (from 'TROWE')" in out
    assert "intents: split_rollover" in out


def test_parse_jsonl_writes_exactly_id_facts_intents_asks_extra_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    source = tmp_path / "q.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "I am 51"})
        + "\n\n"
        + json.dumps({"id": 7, "text": "Is there a 5 year rule?"})
        + "\n"
    )
    assert main(["parse", "--jsonl", str(source)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [
        {"id": "a", "facts": {"age": 51}, "intents": [], "asks": [], "extra_facts": {}},
        {"id": 7, "facts": {}, "intents": ["five_year_rule"], "asks": [], "extra_facts": {}},
    ]


def test_a_bad_line_is_reported_by_number_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    source = tmp_path / "q.jsonl"
    source.write_text(
        '{"id": 1, "text": "I am 51"}\nnot json\n{"text": "no id"}\n{"id": 4, "text": 5}\n'
        '{"id": 5, "text": "I am 52"}\n'
    )
    assert main(["parse", "--jsonl", str(source)]) == 1
    captured = capsys.readouterr()
    ids = [json.loads(line)["id"] for line in captured.out.splitlines()]
    assert ids == [1, 5]
    errors = captured.err.splitlines()
    assert [e.split(":")[1].strip().split()[-1] for e in errors] == ["2", "3", "4"]
    assert "Traceback" not in captured.err


def test_a_missing_file_is_one_line_and_exit_2(capsys: pytest.CaptureFixture) -> None:
    assert main(["parse", "--jsonl", "/no/such/file.jsonl"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err


def test_stdin_with_a_dash() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "parse", "--jsonl", "-"],
        input='{"id": "x", "text": "I have $40K after-tax"}\n',
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "id": "x",
        "facts": {"after_tax_total": 40000},
        "intents": [],
        "asks": [],
        "extra_facts": {},
    }


def test_facts_hold_only_the_design_vocabulary_and_the_kinds_of_money_travel_beside(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    # DESIGN.md: `rothbot parse` emits exactly the vocabulary's keys in "facts"; the kind of
    # money (a project addition the answers need) must not leak into them
    source = tmp_path / "q.jsonl"
    text = "Should I roll my Roth 403(b) into my Roth IRA when I retire?"
    source.write_text(json.dumps({"id": "k", "text": text}) + "\n")
    assert main(["parse", "--jsonl", str(source)]) == 0
    line = json.loads(capsys.readouterr().out)
    assert set(line["facts"]) <= set(DESIGN_KEYS)
    assert line["extra_facts"] == {"has_roth_401k": True}


@pytest.mark.skipif(not DESIGN.exists(), reason="../shared/DESIGN.md is not beside the checkout")
def test_the_design_keys_are_the_table_of_design_md() -> None:
    table = DESIGN.read_text(encoding="utf-8").split("## The Facts vocabulary", 1)[1]
    table = table.split("Intents (", 1)[0]
    keys = re.findall(r"^\| (\w+) \|", table, flags=re.M)
    assert tuple(k for k in keys if k != "key") == DESIGN_KEYS


def test_no_text_and_no_file_is_a_usage_error(capsys: pytest.CaptureFixture) -> None:
    assert main(["parse"]) == 2
    assert "--jsonl" in capsys.readouterr().err


def test_ask_runs_without_the_cyclic_collector_and_gives_it_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``rothbot ask`` answers one message and exits: the garbage collector's rounds are
    paused while it loads and reads, and resumed when it returns (a test process calling
    ``main`` goes on with it); another command keeps it running."""
    import bot.terminal
    import nlu.cli

    seen: list[tuple[str, bool]] = []
    monkeypatch.setattr(bot.terminal, "run_ask", lambda args: seen.append(("ask", gc.isenabled())))
    monkeypatch.setattr(nlu.cli, "run_parse", lambda args: seen.append(("parse", gc.isenabled())))
    assert gc.isenabled()
    assert main(["ask", "I am 52"]) == 0
    assert gc.isenabled()
    assert main(["parse", "I am 52"]) == 0
    assert seen == [("ask", False), ("parse", True)]
