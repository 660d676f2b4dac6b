"""The pattern files' parse cache (``nlu.data.parsed_yaml``): it gives what YAML gives,
follows the file's bytes, and never trusts a broken entry."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from nlu.data import parsed_yaml

TEXT = "words: [after-tax, 401(k)]\nlimits: {age: 59.5, year: 2026}\nflag: true\nnone: ~\n"


@pytest.fixture(autouse=True)
def _writes_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / "__pycache__").glob("*.marshal"))


def test_the_cached_content_equals_what_yaml_reads(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(TEXT)
    first = parsed_yaml(path.read_bytes(), path)
    assert len(_entries(tmp_path)) == 1
    assert first == parsed_yaml(path.read_bytes(), path) == yaml.safe_load(TEXT)


def test_a_changed_file_is_parsed_again_and_its_old_entry_removed(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(TEXT)
    parsed_yaml(path.read_bytes(), path)
    old = _entries(tmp_path)
    path.write_text(TEXT.replace("true", "false"))
    assert parsed_yaml(path.read_bytes(), path)["flag"] is False
    assert len(_entries(tmp_path)) == 1 and _entries(tmp_path) != old


def test_a_broken_entry_is_parsed_again(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(TEXT)
    parsed_yaml(path.read_bytes(), path)
    (entry,) = _entries(tmp_path)
    entry.write_bytes(entry.read_bytes()[:7])
    assert parsed_yaml(path.read_bytes(), path) == yaml.safe_load(TEXT)


def test_content_marshal_cannot_hold_is_read_but_not_cached(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("day: 2026-12-07\n")
    assert str(parsed_yaml(path.read_bytes(), path)["day"]) == "2026-12-07"
    assert _entries(tmp_path) == []


def test_nothing_is_written_when_byte_code_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = tmp_path / "p.yaml"
    path.write_text(TEXT)
    assert parsed_yaml(path.read_bytes(), path) == yaml.safe_load(TEXT)
    assert _entries(tmp_path) == []
