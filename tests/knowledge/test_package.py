"""The knowledge package stands alone: it imports nothing else of rothbot, and it ships
its data files and notes."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MODULES = sorted((REPO / "knowledge").glob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_knowledge_imports_nothing_of_bot_or_nlu(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & {"bot", "nlu", "telegram", "spacy", "sqlite_utils"}


def test_package_data_covers_the_data_files_and_notes():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["knowledge"]
    shipped: set[Path] = set()
    for pattern in patterns:
        shipped |= set((REPO / "knowledge").glob(pattern))
    wanted = set((REPO / "knowledge" / "data").rglob("*.yaml")) | set(
        (REPO / "knowledge" / "notes").glob("*.md")
    )
    assert wanted and wanted <= shipped
