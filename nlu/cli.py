"""``rothbot parse``: the reader on the command line.

``rothbot parse "TEXT"`` prints what was read, for a person::

    age: 51  (from 'I am 51')
    intents: convert_all_to_roth, in_service_distribution

``rothbot parse --jsonl FILE`` (FILE or ``-`` for stdin) reads lines ``{"id", "text"}``
and writes one line ``{"id", "facts", "intents", "asks", "extra_facts"}`` per input line:
"facts" holds exactly DESIGN.md's keys, "extra_facts" this project's additions to the
vocabulary (the kinds of money a question is about). A malformed line gets a one-line
message on stderr naming its line number and is skipped; the others are still read, and
the exit code is then 1. A missing file is a one-line error and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from knowledge.facts import documented_and_extra
from nlu.reader import OUT_OF_SCOPE, Reading, read, read_many

EXIT_OK, EXIT_BAD_LINES, EXIT_USAGE = 0, 1, 2
BATCH = 64


def format_reading(reading: Reading) -> str:
    """A readable listing: one fact per line with its source words, then the intents."""
    lines = []
    for key, value in reading.facts.items():
        shown = json.dumps(value) if isinstance(value, bool) else value
        lines.append(f"{key}: {shown}  (from {reading.evidence.get(key, '')!r})")
    if not reading.facts:
        lines.append("facts: none found")
    lines.append(f"intents: {', '.join(reading.intents) or 'none'}")
    lines.append(f"asks: {', '.join(reading.asks) or 'none'}")
    if reading.hypothetical:
        lines.append("hypothetical: yes (a what-if question)")
    for topic in sorted(reading.topics):
        lines.append(f"needs a person: {OUT_OF_SCOPE[topic]}")
    return "\n".join(lines)


def _records(stream: IO[str]) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, record, error) for each non-blank line."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"not valid JSON ({exc.msg})"
            continue
        if not isinstance(record, dict) or "id" not in record:
            yield number, None, 'expected an object with "id" and "text"'
        elif not isinstance(record.get("text"), str):
            yield number, None, '"text" is missing or not a string'
        else:
            yield number, record, None


def parse_jsonl(stream: IO[str], out: IO[str], err: IO[str], name: str) -> int:
    """Read every good line of ``stream``; report bad ones; return the exit code."""
    bad = 0
    pending: list[dict[str, Any]] = []

    def flush() -> None:
        for record, reading in zip(pending, read_many(r["text"] for r in pending), strict=True):
            facts, extra = documented_and_extra(reading.facts)
            result = {
                "id": record["id"],
                "facts": facts,
                "intents": list(reading.intents),
                "asks": list(reading.asks),
                "extra_facts": extra,
            }
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        pending.clear()

    for number, record, error in _records(stream):
        if error or record is None:
            flush()
            err.write(f"rothbot parse: {name} line {number}: {error}; skipped\n")
            bad += 1
            continue
        pending.append(record)
        if len(pending) >= BATCH:
            flush()
    flush()
    return EXIT_BAD_LINES if bad else EXIT_OK


def run_parse(args: argparse.Namespace) -> int:
    """Entry point for ``rothbot parse`` (see the module docstring)."""
    if args.jsonl:
        if args.text:
            print("rothbot parse: give either TEXT or --jsonl FILE, not both.", file=sys.stderr)
            return EXIT_USAGE
        if args.jsonl == "-":
            return parse_jsonl(sys.stdin, sys.stdout, sys.stderr, "stdin")
        try:
            with open(args.jsonl, encoding="utf-8", errors="replace") as stream:
                return parse_jsonl(stream, sys.stdout, sys.stderr, args.jsonl)
        except FileNotFoundError:
            print(f"rothbot parse: no such file: {args.jsonl}", file=sys.stderr)
            return EXIT_USAGE
        except (IsADirectoryError, PermissionError) as exc:
            print(f"rothbot parse: cannot read {args.jsonl}: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
    if not args.text:
        print("rothbot parse: give a question in quotes, or --jsonl FILE.", file=sys.stderr)
        return EXIT_USAGE
    print(format_reading(read(args.text)))
    return EXIT_OK
