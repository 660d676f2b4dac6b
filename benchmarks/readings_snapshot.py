"""Snapshot every reading of a large corpus, to prove a speed-up changed no output.

    .venv/bin/python benchmarks/readings_snapshot.py write BEFORE.jsonl
    .venv/bin/python benchmarks/readings_snapshot.py check BEFORE.jsonl

Speed work on ``nlu`` must not change what is read. The corpus: every released question
(dev, real and answers in ../shared when present; batch_a, batch_b, batch_c and the rubric
sets in tests/eval; never a held-out batch: batch_f, batch_g, batch_h, batch_i, batch_j), the team's
own held-out and synthetic questions in this repository, each
of their sentences alone, and every string literal of three or more characters in
tests/nlu (the phrasings the tests pin down). Each text is read with three ``expecting``
values; each record holds the Reading and the spans of every pipeline component, so a
change inside the pipeline shows even when the final Reading hides it.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlu.reader import Reading

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "eval"
# The released questions only: the held-out batch_f, batch_g, batch_h, batch_i and batch_j are never
# read.
QUESTION_FILES = (
    SHARED / "dev.jsonl",
    SHARED / "real.jsonl",
    SHARED / "answers.jsonl",
    ROOT / "tests" / "eval" / "batch_a.jsonl",
    ROOT / "tests" / "eval" / "batch_b.jsonl",
    ROOT / "tests" / "eval" / "batch_c.jsonl",
    ROOT / "tests" / "eval" / "batch_c_answers.jsonl",
    ROOT / "tests" / "eval" / "answers_more.jsonl",
    ROOT / "tests" / "nlu" / "heldout.jsonl",
    ROOT / "benchmarks" / "parse_texts.jsonl",
)
EXPECTING = (None, "age", "after_tax_contributions")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def corpus() -> list[str]:
    """The texts, deduplicated, in a fixed order."""
    texts: list[str] = []
    for path in QUESTION_FILES:
        if path.is_file():
            with open(path, encoding="utf-8") as lines:
                questions = [json.loads(line)["text"] for line in lines if line.strip()]
            texts += questions
            texts += [part for q in questions for part in _SENTENCE_END.split(q)]
    for path in sorted((ROOT / "tests" / "nlu").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.append(node.value)
    return list(dict.fromkeys(t for t in texts if len(t.strip()) >= 3))


def _stable_repr(reading: Reading) -> str:
    """``repr`` of a Reading with its sets in sorted order: a frozenset's own order
    follows the per-process hash seed, which would make equal readings look different."""
    fields = {}
    for field in dataclasses.fields(reading):
        value = getattr(reading, field.name)
        fields[field.name] = sorted(value) if isinstance(value, frozenset) else value
    return repr(fields)


def records(texts: list[str]) -> Iterator[dict[str, object]]:
    from nlu.pipeline import GROUPS, found, get_nlp
    from nlu.reader import read

    nlp = get_nlp()
    for text in texts:
        doc = nlp(text[:20_000])
        spans = {
            group: [(s.start, s.end, s.label_, repr(p)) for s, p in found(doc, group)]
            for group in GROUPS
        }
        for expecting in EXPECTING:
            reading = read(text, expecting=expecting)
            yield {
                "text": text,
                "expecting": expecting,
                "reading": _stable_repr(reading),
                "spans": repr(spans) if expecting is None else None,
            }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("write", "check"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--show", type=int, default=10, help="differences to print")
    args = parser.parse_args(argv)
    texts = corpus()
    if args.mode == "write":
        with open(args.file, "w", encoding="utf-8") as out:
            for record in records(texts):
                out.write(json.dumps(record, sort_keys=True) + "\n")
        print(f"wrote {len(texts)} texts x {len(EXPECTING)} readings to {args.file}")
        return 0
    with open(args.file, encoding="utf-8") as lines:
        before = [json.loads(line) for line in lines]
    now = list(records(texts))
    # records are compared by (text, expecting): texts added to the corpus since (new
    # test phrasings) or gone from it are counted, not compared
    earlier = {(b["text"], b["expecting"]): b for b in before}
    common = [
        (earlier[(n["text"], n["expecting"])], n)
        for n in now
        if (n["text"], n["expecting"]) in earlier
    ]
    added = len(now) - len(common)
    gone = len(before) - len(common)
    differences = [(b, n) for b, n in common if b != n]
    for b, n in differences[: args.show]:
        print(f"DIFFERENT: {b['text'][:80]!r} expecting={b['expecting']}")
        for key in ("reading", "spans"):
            if b[key] != n[key]:
                print(f"  {key} before: {str(b[key])[:600]}")
                print(f"  {key} now:    {str(n[key])[:600]}")
    print(
        f"{len(common) - len(differences)} of {len(common)} readings unchanged "
        f"({added} records new to the corpus, {gone} gone from it)"
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
