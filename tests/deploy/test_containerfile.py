"""deploy/Containerfile: what can be checked without a container engine."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTAINERFILE = ROOT / "deploy" / "Containerfile"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments), with backslash continuations joined, comments dropped."""
    joined: list[str] = []
    pending = ""
    for raw in CONTAINERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        joined.append(pending + line)
        pending = ""
    assert not pending, "the file ends inside a continued line"
    result = []
    for line in joined:
        instruction, _, arguments = line.partition(" ")
        result.append((instruction.upper(), arguments.strip()))
    return result


def of(kind: str) -> list[str]:
    return [arguments for instruction, arguments in instructions() if instruction == kind]


def test_it_builds_from_python_311_slim() -> None:
    assert of("FROM") == ["python:3.11-slim"]


def test_every_copied_path_exists_in_the_build_context() -> None:
    copies = of("COPY")
    assert copies, "no COPY instruction"
    for arguments in copies:
        parts = [p for p in arguments.split() if not p.startswith("--")]
        *sources, _destination = parts
        for source in sources:
            assert (ROOT / source).exists(), f"COPY names {source}, which does not exist"


def test_the_copied_sources_are_every_package_pyproject_installs() -> None:
    copied = {p for a in of("COPY") for p in a.split()[:-1]}
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    packages = re.search(r"include = \[([^\]]*)\]", pyproject)
    assert packages is not None
    wanted = {name.strip(' "*') for name in packages.group(1).split(",")}
    assert wanted <= copied
    assert {"pyproject.toml", "README.md"} <= copied  # README is the package's readme


def test_it_runs_as_a_non_root_user() -> None:
    [user] = of("USER")
    assert user not in ("root", "0")
    run = " ".join(of("RUN"))
    assert "useradd" in run and user in run


def test_the_database_is_in_a_volume() -> None:
    [volume] = of("VOLUME")
    volumes = json.loads(volume)
    db = [a.split("=", 1)[1] for a in of("ENV") if a.startswith("ROTHBOT_DB=")]
    assert db and any(db[0].startswith(v.rstrip("/") + "/") for v in volumes)


def test_it_starts_rothbot_telegram() -> None:
    [entrypoint] = of("ENTRYPOINT")
    [command] = of("CMD")
    assert json.loads(entrypoint) + json.loads(command) == ["rothbot", "telegram"]


@pytest.mark.parametrize("name", ["Containerfile.dockerignore"])
def test_the_build_context_filter_keeps_the_copied_sources(name: str) -> None:
    rules = (ROOT / "deploy" / name).read_text(encoding="utf-8").splitlines()
    kept = {rule[1:] for rule in rules if rule.startswith("!")}
    copied = {p for a in of("COPY") for p in a.split()[:-1]}
    assert copied <= kept
