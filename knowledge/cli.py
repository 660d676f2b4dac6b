"""``rothbot calc``: a Facts JSON object on stdin, the calculation as JSON on stdout.

Output is deterministic (fixed key order, 2-space indent, trailing newline) so scripts can
diff it. Bad input is one sentence on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TextIO

from knowledge.engine import calculate
from knowledge.facts import Facts, InvalidFacts

EXIT_OK = 0
EXIT_BAD_INPUT = 2  # literal: the exit status for bad input


class BadInput(ValueError):
    """Input a person can fix; the message is shown as is."""


def parse_today(text: str | None, *, default: date) -> date:
    """``--today`` as a date (YYYY-MM-DD), or ``default`` when not given."""
    if text is None:
        return default
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(f"--today must be a date like 2026-03-15 (got {text!r}).") from None


def parse_growth_rate(text: str | None) -> Decimal | None:
    """``--growth-rate`` as a Decimal fraction; "5%" and "5" both mean 0.05."""
    if text is None:
        return None
    raw = text.strip()
    percent = raw.endswith("%")
    try:
        value = Decimal(raw.rstrip("%").strip())
    except InvalidOperation:
        raise BadInput(f"--growth-rate must be a number such as 0.05 (got {text!r}).") from None
    if not value.is_finite():
        raise BadInput(f"--growth-rate must be a finite number (got {text!r}).")
    if percent or abs(value) >= 1:
        value = value / 100
    return value


def read_facts(stream: TextIO) -> Facts:
    """Facts from a JSON object on ``stream``; BadInput/InvalidFacts for anything else."""
    text = stream.read()
    if not text.strip():
        raise BadInput('Give the facts as a JSON object on stdin, e.g. {"age": 51}.')
    try:
        data: Any = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise BadInput(
            f"The input is not valid JSON ({error.msg} at line {error.lineno}, column "
            f"{error.colno})."
        ) from None
    if not isinstance(data, dict):
        raise BadInput('The input must be a JSON object such as {"age": 51}.')
    return Facts.from_mapping(data)


def render(result_json: dict[str, Any]) -> str:
    """The fixed text form: insertion order (fixed by the engine), 2-space indent."""
    return json.dumps(result_json, indent=2, ensure_ascii=False) + "\n"  # literal: indent


def run_calc(
    args: Namespace,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    system_today: date | None = None,
) -> int:
    """Entry point for ``rothbot calc`` (see bot/cli.py); returns the exit status."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        today = parse_today(getattr(args, "today", None), default=system_today or date.today())
        growth_rate = parse_growth_rate(getattr(args, "growth_rate", None))
        facts = read_facts(stdin)
        result = calculate(facts, today=today, growth_rate=growth_rate)
    except (BadInput, InvalidFacts) as error:
        print(f"rothbot calc: {error}", file=stderr)
        return EXIT_BAD_INPUT
    stdout.write(render(result.to_json()))
    return EXIT_OK
