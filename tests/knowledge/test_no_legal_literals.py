"""Every legal number lives in knowledge/data as a cited, year-stamped parameter.

The rules engine's code may hold only numbers that are not law: 0, 1 and 100, the parts of
a calendar date, and numbers marked on their line with ``# literal: <reason>`` (a
validation bound, an exit status). Its sentences may not spell a rate or an amount of law
("10%", "$200"): those come from the parameters too, so a changed figure changes every
sentence that states it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
FILES = sorted(KNOWLEDGE.rglob("*.py"))
ALLOWED = {0, 1, 100}
MARK = re.compile(r"#\s*literal:\s*\S")
# A rate other than 0% or 100%, or a dollar amount other than $0.
LEGAL_IN_TEXT = re.compile(r"(?<![\d.])(?!100%|0%)\d+(?:\.\d+)?%|\$(?!0(?!\d|,\d|\.\d))\d")


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring constants: prose about the law, not figures the reply states."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _date_parts(tree: ast.AST) -> set[int]:
    """ids of the literal arguments of ``date(...)`` calls: a calendar day, not law."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "date":
            found.update(id(arg) for arg in node.args if isinstance(arg, ast.Constant))
    return found


def _decimal_strings(tree: ast.AST) -> set[int]:
    """ids of numeric strings given to ``Decimal(...)``: numbers in disguise."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Decimal":
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(id(arg))
    return found


def _spans(tree: ast.AST) -> dict[int, tuple[int, int]]:
    """The lines each constant may be marked on: its own, or its whole f-string's."""
    spans: dict[int, tuple[int, int]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for part in node.values:
                spans[id(part)] = (node.lineno, node.end_lineno or node.lineno)
    return spans


def unmarked_literals(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    docstrings, dates, decimals = _docstrings(tree), _date_parts(tree), _decimal_strings(tree)
    spans = _spans(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or id(node) in docstrings:
            continue
        first, last = spans.get(id(node), (node.lineno, node.end_lineno or node.lineno))
        if any(MARK.search(line) for line in lines[first - 1 : last]):
            continue
        value = node.value
        if isinstance(value, bool):
            continue
        if isinstance(value, int | float) and value not in ALLOWED and id(node) not in dates:
            found.append(f"{path.name}:{node.lineno}: {value!r}")
        elif id(node) in decimals and str(value).strip() not in {"0", "1", "100"}:
            found.append(f"{path.name}:{node.lineno}: Decimal({value!r})")
        elif isinstance(value, str) and LEGAL_IN_TEXT.search(value):
            found.append(f"{path.name}:{node.lineno}: {value!r}")
    return sorted(found, key=lambda item: int(item.split(":")[1]))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(KNOWLEDGE)) for p in FILES])
def test_no_unmarked_number_in_the_rules_code(path):
    assert unmarked_literals(path) == []


def test_the_check_finds_a_legal_number_and_accepts_a_marked_one(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Docstrings may say 10%."""\n'
        "from datetime import date\n"
        "from decimal import Decimal\n"
        "AGE = 55\n"
        "RATE = Decimal('0.10')\n"
        "TEXT = 'costs 10% more'\n"
        "LIMIT = 16  # literal: the youngest age anyone asks about\n"
        "DAY = date(2026, 12, 31)\n"
        "HALF = 1 / 100\n",
        encoding="utf-8",
    )
    assert unmarked_literals(sample) == [
        "sample.py:4: 55",
        "sample.py:5: Decimal('0.10')",
        "sample.py:6: 'costs 10% more'",
    ]
