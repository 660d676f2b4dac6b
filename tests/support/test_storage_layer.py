"""The storage layer stays two modules: ``bot.store`` and ``bot.support_store``."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STORAGE = {"bot/store.py", "bot/support_store.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_storage_modules_import_sqlite_utils():
    importers = {
        str(path.relative_to(REPO))
        for package in ("bot", "nlu", "knowledge")
        for path in (REPO / package).rglob("*.py")
        if "sqlite_utils" in _imports(path)
    }
    assert importers == STORAGE
