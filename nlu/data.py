"""Load the YAML pattern files in ``nlu/patterns/`` once per process.

Every word list and regular expression the reader uses lives in those files, so a new
phrasing is a data change with a test, not a code change. Patterns match regardless of
case, except the provider names listed under ``exact`` in providers.yaml.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

FLAGS = re.IGNORECASE


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed content of ``nlu/patterns/<name>.yaml`` (cached; treat as read-only)."""
    text = resources.files("nlu").joinpath("patterns", f"{name}.yaml").read_text("utf-8")
    # (libyaml's loader when built in: the pure-Python one took a third of a second)
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict):  # pragma: no cover - guards against a broken data file
        raise ValueError(f"nlu/patterns/{name}.yaml must hold a mapping")
    return data


def compile_any(patterns: list[str], *, flags: int = FLAGS) -> re.Pattern[str]:
    """One regex matching any of ``patterns`` (each wrapped in a non-capturing group)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)
