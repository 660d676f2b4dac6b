"""Load the YAML pattern files in ``nlu/patterns/`` once per process.

Every word list and regular expression the reader uses lives in those files, so a new
phrasing is a data change with a test, not a code change. Patterns match regardless of
case, except the provider names listed under ``exact`` in providers.yaml.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from knowledge.yaml_files import parsed_yaml

__all__ = ["FLAGS", "compile_any", "load", "parsed_yaml"]

FLAGS = re.IGNORECASE


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed content of ``nlu/patterns/<name>.yaml`` (cached; treat as read-only)."""
    path = resources.files("nlu").joinpath("patterns", f"{name}.yaml")
    data = parsed_yaml(path.read_bytes(), path if isinstance(path, Path) else None)
    if not isinstance(data, dict):  # pragma: no cover - guards against a broken data file
        raise ValueError(f"nlu/patterns/{name}.yaml must hold a mapping")
    return data


def compile_any(patterns: list[str], *, flags: int = FLAGS) -> re.Pattern[str]:
    """One regex matching any of ``patterns`` (each wrapped in a non-capturing group)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)
