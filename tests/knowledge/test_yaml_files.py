"""Every data file read through the parse cache (``knowledge.yaml_files.read``) gives what
libyaml gives for its text, from the file and then from the cache."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml

from knowledge import yaml_files

REPO = Path(__file__).resolve().parents[2]
FILES = sorted(
    p
    for folder in ("knowledge/data", "bot/messages", "bot/data", "nlu/patterns")
    for p in (REPO / folder).rglob("*.yaml")
)


def test_there_are_data_files() -> None:
    assert len(FILES) > 100


@pytest.mark.parametrize("source", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_read_twice_equals_what_libyaml_reads(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = tmp_path / source.name
    shutil.copyfile(source, path)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    expected = yaml.load(source.read_text("utf-8"), Loader=loader)
    first = yaml_files.read(path)
    second = yaml_files.read(path)  # from the cache, when marshal can hold it
    assert first == expected and second == expected
    assert repr(second) == repr(expected)  # same types and order (1 == 1.0 == True)


def test_a_file_whose_name_starts_another_keeps_its_own_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    (tmp_path / "limits.yaml").write_text("a: 1\n")
    (tmp_path / "limits.ira.yaml").write_text("b: 2\n")
    yaml_files.read(tmp_path / "limits.ira.yaml")
    yaml_files.read(tmp_path / "limits.yaml")
    (tmp_path / "limits.yaml").write_text("a: 3\n")  # a new entry replaces only its own
    assert yaml_files.read(tmp_path / "limits.yaml") == {"a": 3}
    names = sorted(p.name.split(".")[:2] for p in (tmp_path / "__pycache__").iterdir())
    assert len(names) == 2 and ["limits", "ira"] in names
