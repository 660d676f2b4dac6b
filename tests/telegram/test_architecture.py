"""Only the Telegram package imports ``telegram``; only the storage layer imports sqlite_utils.

The rest of rothbot (the conversation core, the rules engine, the reader) must run in a
terminal or a support queue without the Telegram library, and the storage layer owns the
database: ``bot/store.py`` and ``bot/support_store.py`` (the support team's tables).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "bot" / "telegram_channel"
STORAGE = (REPO / "bot" / "store.py", REPO / "bot" / "support_store.py")
SOURCES = sorted(
    path for folder in ("bot", "nlu", "knowledge") for path in (REPO / folder).rglob("*.py")
)


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(REPO)))
def test_telegram_and_sqlite_utils_are_imported_only_where_they_belong(path: Path) -> None:
    names = imported(path)
    if PACKAGE not in path.parents:
        assert "telegram" not in names
        assert "tornado" not in names
    if path not in STORAGE:
        assert "sqlite_utils" not in names


def test_the_package_is_where_the_library_is_used() -> None:
    assert any("telegram" in imported(path) for path in PACKAGE.glob("*.py"))
