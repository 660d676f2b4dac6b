"""The floor under a read: spaCy's tokenizer and the Matchers alone, per question.

    .venv/bin/python benchmarks/reader_floor.py [--reps 7] [--shared ../shared/eval]

Issue 11 asks for a read under 5 ms p99. Part of every read is spaCy's own work, which no
change to the rules removes: the tokenizer, and the ``Matcher`` / ``PhraseMatcher`` calls
the reader makes. This records every such call one read of each question makes (the
matcher and the Doc or Span window it was given; spaCy's classes are subclassed before
the reader is imported, so each call is seen), then times, per question, in process CPU
time, best of ``--reps``:

- ``read``: the whole read;
- ``tokenizer``: a bare ``spacy.blank("en")`` tokenizer on the text (warm);
- ``matchers``: the recorded calls replayed alone, on the same windows (the Doc kept,
  vocabulary tagged as in the read);
- ``plain``: each matcher the read called, once over the whole Doc (no gates);

and prints p50 and the slowest question of each (with 109 questions the slowest is the
p99), and the floor, tokenizer + matchers. The questions: ../shared/eval/real.jsonl and
dev.jsonl, as ``reader_latency.py`` reads them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
import spacy.matcher

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "eval"

_CALLS: list[tuple[Any, Any, tuple, dict]] = []
_RECORDING = [False]
_Matcher, _PhraseMatcher = spacy.matcher.Matcher, spacy.matcher.PhraseMatcher


class _RecordedMatcher(_Matcher):
    def __call__(self, doclike: Any, *args: Any, **kwargs: Any) -> Any:
        if _RECORDING[0]:
            _CALLS.append((self, doclike, args, kwargs))
        return super().__call__(doclike, *args, **kwargs)


class _RecordedPhraseMatcher(_PhraseMatcher):
    def __call__(self, doclike: Any, *args: Any, **kwargs: Any) -> Any:
        if _RECORDING[0]:
            _CALLS.append((self, doclike, args, kwargs))
        return super().__call__(doclike, *args, **kwargs)


def _base(matcher: Any) -> Any:
    """spaCy's own class of a recorded matcher (its call, without the recording)."""
    return _Matcher if isinstance(matcher, _Matcher) else _PhraseMatcher


def _best(step: Callable[[], Any], reps: int) -> float:
    best = float("inf")
    for _ in range(reps):
        start = time.process_time()
        step()
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    # (before the reader is imported: its modules take the classes from spacy.matcher)
    spacy.matcher.Matcher = _RecordedMatcher
    spacy.matcher.PhraseMatcher = _RecordedPhraseMatcher
    sys.path.insert(0, str(ROOT))
    from nlu.reader import read

    texts: list[str] = []
    for name in ("real.jsonl", "dev.jsonl"):
        path = args.shared / name
        if path.is_file():
            texts += [json.loads(line)["text"] for line in path.open() if line.strip()]
    if not texts:
        raise SystemExit(f"no questions in {args.shared} (say where with --shared)")
    for text in texts:
        read(text)
    blank = spacy.blank("en")
    print(json.dumps({"load_average": [round(x, 2) for x in os.getloadavg()]}))
    rows = []
    for text in texts:
        _CALLS.clear()
        _RECORDING[0] = True
        read(text)
        _RECORDING[0] = False
        calls = list(_CALLS)
        whole = {
            id(m): (m, d if isinstance(d, spacy.tokens.Doc) else d.doc) for m, d, _a, _k in calls
        }

        def replay(calls: list = calls) -> None:
            for matcher, doclike, a, k in calls:
                _base(matcher).__call__(matcher, doclike, *a, **k)

        def plain(whole: dict = whole) -> None:
            for matcher, doc in whole.values():
                _base(matcher).__call__(matcher, doc)

        rows.append(
            {
                "read": _best(lambda text=text: read(text), args.reps),
                "tokenizer": _best(lambda text=text: blank.tokenizer(text), args.reps),
                "matchers": _best(replay, args.reps),
                "plain": _best(plain, args.reps),
                "calls": len(calls),
                "chars": len(text),
            }
        )
    for row in rows:
        row["floor"] = row["tokenizer"] + row["matchers"]
    figures = {}
    for name in ("read", "tokenizer", "matchers", "plain", "floor"):
        ordered = sorted(row[name] for row in rows)
        figures[name] = {
            "p50_ms": round(1000 * ordered[len(ordered) // 2], 2),
            "slowest_ms": round(1000 * ordered[-1], 2),
        }
    slowest = sorted(rows, key=lambda row: -row["read"])[: max(1, len(rows) // 10)]
    figures["slowest_tenth"] = {
        name: round(1000 * sum(row[name] for row in slowest) / len(slowest), 2)
        for name in ("read", "tokenizer", "matchers", "plain", "floor")
    }
    figures["slowest_tenth"]["calls"] = round(sum(r["calls"] for r in slowest) / len(slowest))
    print(json.dumps({"questions": len(rows), "reps": args.reps, **figures}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
