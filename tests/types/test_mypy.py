"""The type checker passes over the three packages: knowledge/, nlu/ and bot/.

Type hints are part of each module's contract (ARCHITECTURE.md); unchecked, they drift.
mypy's settings live in pyproject.toml ([tool.mypy]); the large third-party packages are
taken as untyped so one run stays around ten seconds of CPU on a cold cache (it reuses
.mypy_cache when present).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("knowledge", "nlu", "bot")


def test_mypy_finds_no_type_errors_in_the_packages():
    done = subprocess.run(
        [sys.executable, "-m", "mypy", *PACKAGES],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found" in done.stdout
