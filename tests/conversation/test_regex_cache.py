"""The ``rothbot`` command's kept regular expressions (``bot.regex_cache``): a pattern
served from the file is the pattern Python compiles from its text.

Each run is a fresh interpreter (the cache replaces ``re``'s compile step for the rest
of its process), reading a real forum question so that every table the reader compiles
(and spaCy's tokenizer affixes) goes through it: the first run writes the file, the
second compiles from it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# From /work/shared/eval/real.jsonl (a Bogleheads question, verbatim).
QUESTION = (
    "I'm 52, still working, with $48,000 after-tax in my 401(k) at Fidelity. "
    "Can I roll it to a Roth IRA?"
)

SCRIPT = r"""
import json, re, sys
from pathlib import Path
from re import _compiler

original = _compiler.compile
from bot import regex_cache

installed = regex_cache.install(Path(sys.argv[1]))
served = _compiler.compile
seen = []

def spy(p, flags=0):
    if isinstance(p, (str, bytes)):
        seen.append((p, flags))
    return served(p, flags)

_compiler.compile = spy
from nlu.reader import read

reading = read(sys.argv[2])
_compiler.compile = served
differ = [repr(p) for p, f in seen if served(p, f) != original(p, f)]
groups = [repr(p) for p, f in seen if served(p, f).groupindex != original(p, f).groupindex]
print(json.dumps({"installed": installed, "compiled": len(seen), "differ": differ,
                  "groups": groups, "intents": sorted(reading.intents)}))
"""


def _run(folder: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(folder), QUESTION],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    )
    return json.loads(done.stdout.splitlines()[-1])


def test_patterns_from_the_file_equal_those_compiled_from_their_text(tmp_path: Path) -> None:
    first = _run(tmp_path)
    (kept,) = tmp_path.glob("regex.*.marshal")
    second = _run(tmp_path)
    assert first["installed"] and second["installed"]
    assert first["compiled"] > 100  # the reader's tables went through it
    # Pattern equality compares the flags, the pattern text and the compiled code.
    assert first["differ"] == second["differ"] == []
    assert first["groups"] == second["groups"] == []
    assert first["intents"] == second["intents"]
    assert kept.stat().st_size > 0


def test_a_pattern_not_in_the_file_is_compiled_and_kept(tmp_path: Path) -> None:
    from bot import regex_cache

    pattern = r"(?P<amount>\$?\d[\d,]*)\s+(after[- ]tax)"
    flags, code, groups, groupindex, indexgroup = regex_cache.parts(pattern, 2)
    assert flags & 2 and groups == 2
    assert groupindex == {"amount": 1} and indexgroup == (None, "amount", None)
    assert all(type(op) is int for op in code)  # what marshal can keep
    entry = (flags, code, groups, groupindex, indexgroup)
    regex_cache._save(tmp_path / "regex.t.marshal", {(pattern, 2): entry})
    assert regex_cache._read(tmp_path / "regex.t.marshal") == {(pattern, 2): entry}


def test_a_broken_file_is_read_as_empty(tmp_path: Path) -> None:
    from bot import regex_cache

    path = tmp_path / "regex.t.marshal"
    path.write_bytes(b"\x00\x01broken")
    assert regex_cache._read(path) == {}


def test_only_the_command_installs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot import cli, regex_cache

    calls: list[object] = []
    monkeypatch.setattr(regex_cache, "install", lambda *a: calls.append(a))
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert calls == []
