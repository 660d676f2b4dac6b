"""``rothbot calc``: JSON in, deterministic JSON out, one-line errors with exit status 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from argparse import Namespace
from datetime import date
from pathlib import Path

import pytest

from knowledge.cli import run_calc

REPO = Path(__file__).resolve().parents[2]
DONE_WHEN = (
    '{"age":51,"after_tax_contributions":30000,"after_tax_earnings":10000,'
    '"marginal_rate":0.24,"year":2026,"after_tax_separately_accounted":true}'
)


def rothbot_calc(stdin: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run the installed console script (or ``python -m bot.cli``) in a subprocess."""
    script = Path(sys.executable).with_name("rothbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    return subprocess.run(
        [*command, "calc", *args],
        input=stdin.encode(),
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def in_process(stdin: str, today: str | None = "2026-11-27", growth_rate: str | None = None):
    out, err = io.StringIO(), io.StringIO()
    code = run_calc(
        Namespace(today=today, growth_rate=growth_rate),
        stdin=io.StringIO(stdin),
        stdout=out,
        stderr=err,
        system_today=date(2026, 11, 27),
    )
    return code, out.getvalue(), err.getvalue()


def test_done_when_example_split_is_free_and_all_to_roth_costs_2400():
    run = rothbot_calc(DONE_WHEN, "--today", "2026-11-27")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    scenarios = {s["id"]: s for s in result["scenarios"]}
    assert scenarios["split_rollover"]["taxable_income"] == 0
    assert scenarios["split_rollover"]["federal_tax"] == 0
    assert scenarios["all_to_roth_ira"]["taxable_income"] == 10000
    assert scenarios["all_to_roth_ira"]["federal_tax"] == 2400
    assert result["tax_year"] == 2026


def test_repeated_runs_give_the_same_bytes():
    first = rothbot_calc(DONE_WHEN, "--today", "2026-11-27", "--growth-rate", "0.07")
    second = rothbot_calc(DONE_WHEN, "--today", "2026-11-27", "--growth-rate", "0.07")
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    assert first.stdout.endswith(b"}\n")
    assert first.stdout.startswith(b'{\n  "tax_year": 2026,')


def test_output_has_the_architecture_keys_in_a_fixed_order():
    code, out, _ = in_process(DONE_WHEN)
    result = json.loads(out)
    assert code == 0
    assert list(result) == [
        "tax_year",
        "scenarios",
        "clocks",
        "limits",
        "missing",
        "warnings",
        "open_points",
        "assumptions",
        "sources",
    ]
    scenario_keys = list(result["scenarios"][0])
    assert scenario_keys[:15] == [
        "id",
        "available",
        "why",
        "to_roth_ira",
        "to_traditional_ira",
        "to_roth_401k",
        "cash",
        "taxable_income",
        "federal_tax",
        "penalty",
        "withholding",
        "conditions",
        "citations",
        "steps",
        "details",
    ]
    assert [s["id"] for s in result["scenarios"]] == [
        "split_rollover",
        "all_to_roth_ira",
        "in_plan_conversion",
        "cash_out",
        "wait_until_separation",
    ]


def test_money_is_int_when_whole_and_exact_cents_otherwise():
    code, out, _ = in_process(
        '{"after_tax_total": 40000.50, "after_tax_contributions": 30000, "marginal_rate": 0.24,'
        ' "year": 2026}'
    )
    assert code == 0
    s = json.loads(out)["scenarios"][1]
    assert s["taxable_income"] == 10000.5
    assert s["federal_tax"] == 2400.12
    assert isinstance(json.loads(out)["scenarios"][0]["to_roth_ira"], int)


def test_growth_rate_flag_accepts_percent_forms():
    _, plain, _ = in_process(
        DONE_WHEN.replace("{", '{"retire_age":55,"still_employed":true,'), growth_rate="0.07"
    )
    _, percent, _ = in_process(
        DONE_WHEN.replace("{", '{"retire_age":55,"still_employed":true,'), growth_rate="7%"
    )
    assert plain == percent
    wait = json.loads(plain)["scenarios"][4]
    assert wait["details"]["growth_rate"] == 0.07


@pytest.mark.parametrize(
    ("stdin", "today", "message"),
    [
        pytest.param("", "2026-01-01", "JSON object", id="empty-input"),
        pytest.param("{not json", "2026-01-01", "not valid JSON", id="bad-json"),
        pytest.param("[1, 2]", "2026-01-01", "JSON object", id="not-an-object"),
        pytest.param('{"age": 5}', "2026-01-01", "between 16 and 110", id="invalid-facts"),
        pytest.param('{"agee": 50}', "2026-01-01", "Unknown fact", id="unknown-key"),
        pytest.param('{"year": 2031}', "2026-01-01", "2024, 2025, 2026", id="unknown-year"),
        pytest.param("{}", "2031-02-03", "2031", id="today-outside-data"),
        pytest.param("{}", "yesterday", "--today", id="bad-today"),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_exit_2(stdin, today, message):
    code, out, err = in_process(stdin, today=today)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_bad_input_in_a_subprocess_has_no_traceback():
    run = rothbot_calc("{oops", "--today", "2026-01-01")
    assert run.returncode == 2
    assert run.stdout == b""
    assert b"Traceback" not in run.stderr
    assert run.stderr.decode().count("\n") == 1


@pytest.mark.parametrize("rate", ["abc", "nan", "0.9"])
def test_bad_growth_rate_is_refused(rate):
    code, _, err = in_process(DONE_WHEN, growth_rate=rate)
    assert code == 2
    assert "growth" in err
