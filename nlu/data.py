"""Load the YAML pattern files in ``nlu/patterns/`` once per process.

Every word list and regular expression the reader uses lives in those files, so a new
phrasing is a data change with a test, not a code change. Patterns match regardless of
case, except the provider names listed under ``exact`` in providers.yaml.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

FLAGS = re.IGNORECASE


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed content of ``nlu/patterns/<name>.yaml`` (cached; treat as read-only)."""
    path = resources.files("nlu").joinpath("patterns", f"{name}.yaml")
    data = parsed_yaml(path.read_bytes(), path if isinstance(path, Path) else None)
    if not isinstance(data, dict):  # pragma: no cover - guards against a broken data file
        raise ValueError(f"nlu/patterns/{name}.yaml must hold a mapping")
    return data


def parsed_yaml(raw: bytes, path: Path | None = None) -> Any:
    """``raw`` parsed as YAML, through a cache beside ``path`` when it is given.

    libyaml parses in C but builds the Python objects in Python: the pattern files took
    about 85 ms of every start (asks.yaml 50). The parsed content is kept as
    ``__pycache__/<name>.<digest of the bytes>.<tag>.marshal`` next to the file, the
    way Python keeps byte-code (written unless ``sys.dont_write_bytecode``; never
    trusted for other bytes, since the name holds their digest), and read back in about
    3 ms. Content ``marshal`` cannot hold (a YAML date) is not cached.
    """
    cached = None
    if path is not None:
        digest = hashlib.blake2b(raw, digest_size=10).hexdigest()
        tag = sys.implementation.cache_tag or "python"
        cached = path.parent / "__pycache__" / f"{path.stem}.{digest}.{tag}.marshal"
        try:
            return marshal.loads(cached.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            pass  # not written yet (or unreadable): parse, and try to write it
    # (libyaml's loader when built in: the pure-Python one took a third of a second)
    data = yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if cached is not None and not sys.dont_write_bytecode:
        _write_cache(cached, data)
    return data


def _write_cache(cached: Path, data: Any) -> None:
    """Write ``data`` to ``cached`` atomically, replacing the file's older digests; a
    read-only install or content marshal cannot hold is left uncached."""
    try:
        blob = marshal.dumps(data)
        cached.parent.mkdir(exist_ok=True)
        part = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        part.write_bytes(blob)
        os.replace(part, cached)
        stem, tag = cached.name.split(".")[0], cached.name.split(".", 2)[2]
        for old in cached.parent.glob(f"{stem}.*.{tag}"):
            if old != cached:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass


def compile_any(patterns: list[str], *, flags: int = FLAGS) -> re.Pattern[str]:
    """One regex matching any of ``patterns`` (each wrapped in a non-capturing group)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)
