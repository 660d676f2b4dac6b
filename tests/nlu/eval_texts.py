"""The real questions' texts that the matching tests compare spaCy's matchers on.

Labelled JSONL files in the repository, and the shared ones beside the checkout when
present (never a held-out batch: batch_f, batch_g, batch_h, batch_i or batch_j).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BATCH_A = ROOT / "tests" / "eval" / "batch_a.jsonl"
BATCH_B = ROOT / "tests" / "eval" / "batch_b.jsonl"
ANSWERS_MORE = ROOT / "tests" / "eval" / "answers_more.jsonl"
DEV = ROOT / ".." / "shared" / "eval" / "dev.jsonl"
REAL = ROOT / ".." / "shared" / "eval" / "real.jsonl"


def texts_of(paths: Iterable[Path]) -> list[str]:
    """Every question's text in the files that exist, in file order."""
    texts: list[str] = []
    for path in paths:
        if path.is_file():
            with open(path, encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts
