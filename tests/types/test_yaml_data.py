"""Data files say what they mean: YAML reads a bare on/off/yes/no as a boolean.

Word lists in patterns, sentences and rules are plain YAML. A bare ``on`` in
``[at, upon, on]`` loads as ``True``, so the pattern silently never matches "on" (it
happened in asks.yaml, support.yaml and language.yaml). Every list that mixes words with
booleans is such a slip; a word that is meant must be quoted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DATA_DIRS = ("bot", "nlu", "knowledge", "deploy")
YAML_FILES = sorted(p for d in DATA_DIRS for p in (REPO / d).rglob("*.yaml"))


def booleans_among_words(node: Any, where: str = "") -> list[str]:
    """Paths of lists holding both strings and booleans, and of boolean mapping keys."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, bool):
                found.append(f"{where}/{key} (a key)")
            found += booleans_among_words(value, f"{where}/{key}")
    elif isinstance(node, list):
        kinds = {type(item) for item in node}
        if bool in kinds and str in kinds:
            found.append(f"{where}: {node}")
        for n, item in enumerate(node):
            found += booleans_among_words(item, f"{where}/{n}")
    return found


def test_the_check_finds_a_bare_on_in_a_word_list() -> None:
    assert booleans_among_words(yaml.safe_load("IN: [at, upon, on]")) == [
        "/IN: ['at', 'upon', True]"
    ]
    assert booleans_among_words(yaml.safe_load('IN: [at, upon, "on"]')) == []


def test_there_are_data_files_to_check() -> None:
    assert len(YAML_FILES) > 10


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_no_word_list_holds_a_boolean(path: Path) -> None:
    assert booleans_among_words(yaml.safe_load(path.read_text(encoding="utf-8"))) == []
