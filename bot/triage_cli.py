"""``rothbot triage FILE``: triage a file of questions, print the results, store them.

The file is streamed: rows are read, triaged in small chunks and written out (and to the
store's ``triage`` table) as they come, so memory stays flat however long the file is.
``--jobs N`` triages on N worker processes (``--jobs 0`` uses every core); the results
still come out in file order. The pipeline is built once, here, and the workers are
forked from this process before it opens anything else, so they share its memory
(copy-on-write) instead of each building a ~120 MB copy of its own. A bad row gets one line on
stderr naming its line, and the rest is triaged; the exit status is then 1. On a
terminal, a progress bar (rich) shows the rate and the time left.
"""

from __future__ import annotations

import csv
import gc
import json
import logging
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from datetime import date
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, TextIO

from bot.store import Store, StoreError
from bot.triage import STATUSES
from bot.triage_input import BadRow, InputError, Question, rows

log = logging.getLogger(__name__)

CHUNK = 16  # questions per task: large enough to amortise a hand-off, small for ordering
IN_FLIGHT_PER_JOB = 4  # chunks queued per process: bounded, so memory stays flat
OUTPUT_COLUMNS = (
    "id",
    "status",
    "status_reason",
    "priority",
    "priority_reason",
    "headline",
    "asks",
    "missing",
    "tags",
    "facts",
    "draft",
    "line",
)
EXIT_BAD_ROWS = 1
EXIT_USAGE = 2

Item = tuple[str, str, int]  # (id, text, line)


def run_triage(args: Any) -> int:
    """The ``triage`` subcommand (see ``bot.cli``)."""
    path = Path(args.file)
    try:
        today = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError:
        print(f"triage: --today must be YYYY-MM-DD (got {args.today!r})", file=sys.stderr)
        return EXIT_USAGE
    if not path.is_file():
        print(f"triage: {path}: no such file", file=sys.stderr)
        return EXIT_USAGE
    jobs = args.jobs if args.jobs and args.jobs > 0 else _cores()
    with _workers(jobs) as pool:  # first: the workers are forked before anything opens
        try:
            store = Store(args.db)
        except StoreError as exc:
            print(f"triage: {exc}", file=sys.stderr)
            return EXIT_USAGE
        try:
            counts = _run(path, args, today, (pool, jobs), store, sys.stdout)
        except InputError as exc:
            print(f"triage: {path.name} {exc}", file=sys.stderr)
            return EXIT_USAGE
        finally:
            store.close()
    done = sum(v for k, v in counts.items() if k != "skipped")
    skipped = counts.get("skipped", 0)
    parts = ", ".join(f"{counts.get(s, 0)} {s}" for s in STATUSES)
    print(
        f"triage: {done} questions triaged ({parts}); {skipped} row{'' if skipped == 1 else 's'} "
        f"skipped; stored in {store.path} (table triage)",
        file=sys.stderr,
    )
    return EXIT_BAD_ROWS if skipped else 0


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _run(
    path: Path,
    args: Any,
    today: date,
    workers: tuple[ProcessPoolExecutor | None, int],
    store: Store,
    out: TextIO,
) -> dict[str, int]:
    counts: dict[str, int] = {}
    size = path.stat().st_size
    with _Progress(size) as progress:

        def bad(row: BadRow) -> None:
            counts["skipped"] = counts.get("skipped", 0) + 1
            progress.say(f"triage: {path.name} line {row.line}: {row.message}")

        # (line, bytes read once it was read) of each question in flight, so the bar
        # follows the questions done, not the reading that runs ahead of them
        marks: deque[tuple[int, int]] = deque()

        def read(item: Question) -> None:
            marks.append((item.line, progress.read_offset))

        questions = _good(rows(path, args.input_format, on_position=progress.position), bad, read)
        writer = _writer(args.format, out)  # after the file is known to be text
        for chunk in _triaged(_chunks(questions), today, path.name, *workers):
            store.support.save_triage(chunk)
            for row in chunk:
                counts[row["status"]] = counts.get(row["status"], 0) + 1
                writer(row)
            offset = progress.read_offset
            while marks and marks[0][0] <= chunk[-1]["line"]:
                offset = marks.popleft()[1]
            progress.done(len(chunk), offset)
    out.flush()
    return counts


def _good(
    items: Iterable[Question | BadRow],
    bad: Callable[[BadRow], None],
    read: Callable[[Question], None],
) -> Iterator[Item]:
    for item in items:
        if isinstance(item, BadRow):
            bad(item)
        else:
            read(item)
            yield item.id, item.text, item.line


def _chunks(items: Iterator[Item]) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@contextmanager
def _workers(jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    """``jobs`` worker processes sharing this one's spaCy pipeline; None for one process.

    The pipeline is built here first, its objects moved out of the garbage collector's
    reach (``gc.freeze``: a collection would otherwise write to every page and undo the
    sharing), and every worker forked at once, before the store, the progress bar's
    thread or anything else exists. Where forking is not safe (not Linux, or another
    thread already running, as inside a server) the workers start clean (forkserver)
    and each builds its own pipeline.
    """
    if jobs <= 1:
        yield None
        return
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        _warm()
        gc.freeze()
        context: BaseContext = multiprocessing.get_context("fork")
        initializer = None
    else:
        context = multiprocessing.get_context("forkserver")
        initializer = _warm
    try:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=initializer) as pool:
            pool.submit(int).result()  # forks every worker now (fork starts them all at once)
            yield pool
    finally:
        gc.unfreeze()


def _triaged(
    chunks: Iterator[list[Item]],
    today: date,
    source: str,
    pool: ProcessPoolExecutor | None,
    jobs: int,
) -> Iterator[list[dict[str, Any]]]:
    """Triage each chunk, here or on the pool's ``jobs`` workers; results in input order."""
    if pool is None:
        for chunk in chunks:
            yield triage_chunk(chunk, today.isoformat(), source)
        return
    pending: deque[Future[list[dict[str, Any]]]] = deque()
    in_flight = jobs * IN_FLIGHT_PER_JOB  # bounded, so memory stays flat
    try:
        for chunk in chunks:
            pending.append(pool.submit(triage_chunk, chunk, today.isoformat(), source))
            if len(pending) >= in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def _warm() -> None:
    """Build the spaCy pipeline, the reader's tables and the support patterns."""
    from bot.triage import triage

    triage(
        "warm-up", "I have $1 after-tax in my 401k; can I roll it to a Roth?", today=date.today()
    )


def triage_chunk(chunk: list[Item], today_iso: str, source: str) -> list[dict[str, Any]]:
    """Triage a list of (id, text, line); runs in a worker process or in this one."""
    from bot.triage import triage

    today = date.fromisoformat(today_iso)
    out = []
    for qid, text, line in chunk:
        out.append(triage(qid, text, today=today, source=source, line=line).to_row())
    return out


# -- output ------------------------------------------------------------------------------


def _writer(fmt: str, out: TextIO) -> Callable[[dict[str, Any]], None]:
    if fmt == "jsonl":

        def write_jsonl(row: dict[str, Any]) -> None:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")

        return write_jsonl
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(OUTPUT_COLUMNS)

        def write_csv(row: dict[str, Any]) -> None:
            writer.writerow([_cell(row[c]) for c in OUTPUT_COLUMNS])

        return write_csv
    widths = {"id": 12, "status": 11, "priority": 8, "headline": 52}
    out.write("  ".join(name.upper().ljust(w) for name, w in widths.items()) + "  REASON\n")

    def write_table(row: dict[str, Any]) -> None:
        cells = [_fit(str(row[name]), w).ljust(w) for name, w in widths.items()]
        reason = "; ".join(r for r in (row["status_reason"], row["priority_reason"]) if r)
        out.write("  ".join(cells) + "  " + _fit(reason, 90) + "\n")

    return write_table


def _cell(value: Any) -> str:
    """A CSV cell: lists as "a; b", objects as JSON."""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class _Progress:
    """A rich progress bar on stderr when it is a terminal; silent otherwise.

    The bar follows the bytes of the questions already triaged (so the time left is
    known before the end of a streamed file); the count and the rate are questions, the
    rate measured from the first questions done, so start-up does not drag it down.
    """

    def __init__(self, total_bytes: int) -> None:
        self._total = max(total_bytes, 1)
        self.read_offset = 0
        self._done = 0
        self._first: tuple[float, int] | None = None
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> _Progress:
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("triage"),
                BarColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[done]} questions, {task.fields[rate]}/s"),
                TimeElapsedColumn(),
                TextColumn("elapsed, ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
            )
            self._bar.start()
            self._task = self._bar.add_task("triage", total=self._total, done=0, rate="-")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def position(self, offset: int) -> None:
        """Bytes read so far (the reader runs ahead of the questions triaged)."""
        self.read_offset = offset

    def done(self, questions: int, offset: int) -> None:
        """``questions`` more are triaged; the file is done up to byte ``offset``."""
        now = time.monotonic()
        self._done += questions
        if self._first is None:
            self._first = (now, self._done)
        if self._bar is None:
            return
        since, base = self._first
        rate = f"{(self._done - base) / (now - since):.1f}" if now > since else "-"
        self._bar.update(self._task, completed=min(offset, self._total), done=self._done, rate=rate)

    def say(self, message: str) -> None:
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr)
