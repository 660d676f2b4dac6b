"""YAML data files read through a parse cache kept beside them (``parsed_yaml``).

Every data file of the project (the reader's patterns, the answer catalogue, the
parameters, the citations, the bot's messages) is read with ``read``; the cache is
written like Python's byte-code and never trusted for other bytes.
"""

from __future__ import annotations

import glob
import hashlib
import marshal
import os
import sys
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


def read(path: Path | Traversable) -> Any:
    """The parsed content of the YAML file at ``path`` (through the cache when it is a
    file on disk)."""
    return parsed_yaml(path.read_bytes(), path if isinstance(path, Path) else None)


def parsed_yaml(raw: bytes, path: Path | None = None) -> Any:
    """``raw`` parsed as YAML, through a cache beside ``path`` when it is given.

    libyaml parses in C but builds the Python objects in Python: the pattern files took
    about 85 ms of every start (asks.yaml 50), the answer catalogue, parameters and
    messages about 50. The parsed content is kept as
    ``__pycache__/<name>.<digest of the bytes>.<tag>.marshal`` next to the file, the way
    Python keeps byte-code (written unless ``sys.dont_write_bytecode``; never
    trusted for other bytes, since the name holds their digest), and read back in about
    3 ms. Content ``marshal`` cannot hold (a YAML date) is not cached.
    """
    cached = None
    if path is not None:
        digest = hashlib.blake2b(raw, digest_size=10).hexdigest()  # literal: a name, not law
        tag = f"{sys.implementation.cache_tag or 'python'}.marshal"
        cached = path.parent / "__pycache__" / f"{path.stem}.{digest}.{tag}"
        # (this file's entries for other bytes: the same name with another digest)
        others = f"{glob.escape(path.stem)}.{'?' * len(digest)}.{tag}"
        try:
            return marshal.loads(cached.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            pass  # not written yet (or unreadable): parse, and try to write it
    # (PyYAML imported only here: a start whose files are all cached never loads it, 10-20
    # ms; libyaml's loader when built in: the pure-Python one took a third of a second)
    import yaml

    data = yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if cached is not None and not sys.dont_write_bytecode:
        _write_cache(cached, data, others)
    return data


def _write_cache(cached: Path, data: Any, others: str) -> None:
    """Write ``data`` to ``cached`` atomically, replacing the file's older digests (the
    entries ``others`` matches); a read-only install or content marshal cannot hold is
    left uncached."""
    try:
        blob = marshal.dumps(data)
        cached.parent.mkdir(exist_ok=True)
        part = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        part.write_bytes(blob)
        os.replace(part, cached)
        for old in cached.parent.glob(others):
            if old != cached:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass
