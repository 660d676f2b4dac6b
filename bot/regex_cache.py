"""Compiled regular expressions kept between runs of the ``rothbot`` command.

Python compiles a regular expression in Python: its parser and code generator took about
0.2 s of CPU in every ``rothbot ask`` (about 400 patterns: spaCy's tokenizer affixes,
the reader's tables, sqlite_utils, PyYAML), the largest part of the start after
``import spacy``. The result of that work is small: the pattern's flags, its code (a list
of integers), its group count and names. This module keeps them in
``bot/__pycache__/regex.<tag>.marshal``, the way Python keeps byte-code (written unless
``sys.dont_write_bytecode``), and hands them to ``_sre.compile`` as ``re`` itself does, so a
pattern compiled from the file is equal (``==`` compares flags and code) to one compiled
from its source. The entries are keyed by the exact pattern text and flags and the file
by the interpreter's tag and regex engine version, so a file never serves other text or
another Python; when this Python's ``re`` is not the one this was written for (3.11-3.13,
checked again on one pattern at install) nothing is installed. The table stops growing
at ``LIMIT`` patterns.

Only the command line installs it (``bot.cli.main`` run as the ``rothbot`` command);
library use and the tests compile as usual.
"""

from __future__ import annotations

import atexit
import importlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

LIMIT = 4000

_installed = False


def _internal(name: str) -> Any:
    """A module of ``re``'s implementation (private: typed as Any)."""
    return importlib.import_module(name)


def _tag() -> str | None:
    """The file's tag, or None when this Python's ``re`` internals are not the known ones."""
    try:
        _sre, _compiler, _parser = (_internal(m) for m in ("_sre", "re._compiler", "re._parser"))
    except ImportError:  # pragma: no cover - Python before 3.11
        return None
    if not (hasattr(_compiler, "_code") and hasattr(_parser, "parse")):  # pragma: no cover
        return None
    known = ((3, 11), (3, 12), (3, 13))
    if sys.implementation.name != "cpython" or sys.version_info[:2] not in known:
        return None  # pragma: no cover - checked on the interpreters this was written for
    return f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"


def parts(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` hands ``_sre.compile`` after the pattern text:
    flags, code, group count, group index, index group (as in CPython 3.11-3.13)."""
    _compiler, _parser = _internal("re._compiler"), _internal("re._parser")
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # (opcodes are int subclasses)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        dict(groupindex),
        tuple(indexgroup),
    )


def install(directory: Path | None = None) -> bool:
    """Serve ``re`` compiles from the file in ``directory`` (default ``bot/__pycache__``)
    for the rest of the process, and add the new ones to it at exit. True if installed."""
    global _installed
    tag = _tag()
    if _installed or tag is None:
        return False
    _sre, _compiler = _internal("_sre"), _internal("re._compiler")
    original = _compiler.compile
    probe = r"(?P<a>x+)|(y)\b"
    if _sre.compile(probe, *parts(probe, 0)) != original(probe, 0):  # pragma: no cover
        return False
    path = (directory or Path(__file__).parent / "__pycache__") / f"regex.{tag}.marshal"
    table = _read(path)
    new: dict[tuple[str | bytes, int], tuple[Any, ...]] = {}
    debug = _compiler.SRE_FLAG_DEBUG

    def compile(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, (str, bytes)) or flags & debug:
            return original(p, flags)
        key = (p, int(flags))
        entry = table.get(key)
        if entry is None:
            entry = parts(p, int(flags))
            if len(table) < LIMIT:
                table[key] = new[key] = entry
        return _sre.compile(p, *entry)

    _compiler.compile = compile
    _installed = True
    if not sys.dont_write_bytecode:
        atexit.register(_save, path, new)
    return True


def _read(path: Path) -> dict[tuple[str | bytes, int], tuple[Any, ...]]:
    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def _save(path: Path, new: dict[tuple[str | bytes, int], tuple[Any, ...]]) -> None:
    """Add ``new`` to the file (as another process may have written it meanwhile),
    atomically; a read-only install is left without one."""
    if not new:
        return
    table = _read(path)
    for key, entry in new.items():
        if len(table) >= LIMIT:
            break
        table.setdefault(key, entry)
    try:
        path.parent.mkdir(exist_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        part.write_bytes(marshal.dumps(table))
        os.replace(part, path)
    except (OSError, ValueError):
        pass
