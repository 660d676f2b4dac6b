"""Questions from a JSONL or CSV file, one at a time, with every bad row named by line.

A support team's export is rarely clean. ``rows(path)`` streams the file (memory stays
flat in its size) and yields a ``Question`` for each good row and a ``BadRow`` (line
number and a sentence for a person) for each row it cannot use: bytes that are not UTF-8,
a line longer than ``MAX_LINE_BYTES`` (skipped without being held in memory), a JSON line
that does not parse or lacks ``id``/``text``, a CSV row short of the text column or
with more columns than the header (a text with unquoted commas), a double quote left
open (its row is skipped and the lines it swallowed are read again), an empty text.
Problems with the whole file (no text column, UTF-16, not readable) raise
``InputError``; nothing here raises anything else for any file content.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

FORMATS = ("jsonl", "csv")
MAX_LINE_BYTES = 256 * 1024  # a question is a few KB; the reader uses the first 20,000 chars
_READ_CHUNK = 64 * 1024
ID_COLUMNS = ("id", "question_id", "ticket_id", "ticket", "case_id", "key")
TEXT_COLUMNS = ("text", "question", "body", "message", "description", "content")
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


@dataclass(frozen=True, slots=True)
class Question:
    """A usable row: its id (text), the question, and the line it starts on."""

    line: int
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that was skipped, and why (a sentence for a person)."""

    line: int
    message: str


class InputError(ValueError):
    """The file as a whole cannot be read as questions; the message says what to do."""


def detect_format(path: Path, head: bytes) -> str:
    """``jsonl`` or ``csv``: from the file name, else from the first non-blank byte."""
    suffix = path.suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "csv"
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "jsonl" if first == b"{" else "csv"


def rows(
    path: str | Path,
    input_format: str | None = None,
    *,
    on_position: Callable[[int], None] | None = None,
) -> Iterator[Question | BadRow]:
    """Every row of the file as a ``Question`` or a ``BadRow``, in file order.

    A file that cannot be read as text at all raises ``InputError`` here, before the
    first row; ``on_position`` is told the byte offset reached after each line (for a
    progress bar).
    """
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot open {path}: {exc.strerror}") from None
    head = handle.peek(4096)[:4096]
    try:
        _check_encoding(head)
    except InputError:
        handle.close()
        raise
    fmt = input_format or detect_format(path, head)
    return _rows(handle, fmt, on_position)


def _rows(
    handle: BinaryIO, fmt: str, on_position: Callable[[int], None] | None
) -> Iterator[Question | BadRow]:
    with handle:
        stream: BinaryIO | _Reporting = handle
        if on_position is not None:
            stream = _Reporting(handle, on_position)
        if fmt == "jsonl":
            yield from _jsonl(stream)
        else:
            yield from _csv(stream)


def _check_encoding(head: bytes) -> None:
    """A file in UTF-16 or UTF-32 (Excel's "Unicode text", some Windows exports) fails
    on every line; it is named once, for what it is, instead of line by line."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        raise InputError(
            "is not UTF-8 text (it looks like UTF-16 or UTF-32, or binary): save it as "
            "UTF-8 (in Excel: CSV UTF-8) and try again"
        )


class _Reporting:
    """A binary file whose ``readline`` reports the offset reached."""

    def __init__(self, handle: BinaryIO, report: Callable[[int], None]) -> None:
        self._handle = handle
        self._report = report
        self._offset = 0

    def readline(self, limit: int = -1) -> bytes:
        raw = self._handle.readline(limit)
        self._offset += len(raw)
        self._report(self._offset)
        return raw


def _lines(handle: BinaryIO | _Reporting) -> Iterator[tuple[int, str | None, str]]:
    """(line number, text or None, why not) for each physical line.

    A line longer than ``MAX_LINE_BYTES`` is read past in chunks, never held whole.
    """
    number = 0
    while True:
        raw = handle.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            size = len(raw)
            while not raw.endswith(b"\n"):
                raw = handle.readline(_READ_CHUNK)
                if not raw:
                    break
                size += len(raw)
            yield (
                number,
                None,
                (
                    f"the line is {_size(size)}, longer than the {_size(MAX_LINE_BYTES)} "
                    "a question may take; skipped"
                ),
            )
            continue
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield number, raw.decode("utf-8"), ""
        except UnicodeDecodeError as exc:
            yield (
                number,
                None,
                (
                    f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}); "
                    "save the file as UTF-8"
                ),
            )


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _jsonl(handle: BinaryIO | _Reporting) -> Iterator[Question | BadRow]:
    for number, text, problem in _lines(handle):
        if text is None:
            yield BadRow(number, problem)
            continue
        if not text.strip():
            continue
        try:
            item = json.loads(text)
        except json.JSONDecodeError as exc:
            yield BadRow(number, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(item, dict):
            yield BadRow(number, 'not a JSON object like {"id": ..., "text": ...}')
            continue
        yield _question(number, item.get("id"), item.get("text"), has_text="text" in item)


def _question(number: int, qid: object, text: object, *, has_text: bool) -> Question | BadRow:
    if qid is None or (isinstance(qid, str) and not qid.strip()):
        return BadRow(number, 'has no "id"')
    if isinstance(qid, (dict, list, bool)):
        return BadRow(number, '"id" must be a string or a number')
    if not has_text or text is None:
        return BadRow(number, 'has no "text"')
    if not isinstance(text, str):
        return BadRow(number, '"text" must be a string')
    if not text.strip():
        return BadRow(number, "the text is empty")
    return Question(number, str(qid).strip(), text)


class _CsvLines:
    """The good lines of a CSV file for ``csv.reader``, with the lines of the record being
    parsed kept, so a broken record's later lines can be parsed again.

    A stray double quote swallows every line up to the next quote into one field; the
    line that closes it is usually the start of a real row. So when the parser gives up
    on a record spanning lines ``first..last``, line ``first`` is reported and the rest
    is fed again (``again``): each retry drops a line, so it ends. A record is at most
    one field limit (128 KB) plus one line long, so keeping its lines is bounded.
    """

    def __init__(self, handle: BinaryIO | _Reporting, problems: list[BadRow]) -> None:
        self._lines = _lines(handle)
        self._problems = problems
        self._again: list[tuple[int, str]] = []
        self.record: list[tuple[int, str]] = []  # the lines of the record being parsed

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self._again:
            number, text = self._again.pop(0)
        else:
            while True:
                number, maybe, problem = next(self._lines)  # StopIteration ends the file
                if maybe is not None:
                    text = maybe
                    break
                self._problems.append(BadRow(number, problem))
        self.record.append((number, text))
        return text

    @property
    def first(self) -> int:
        return self.record[0][0] if self.record else 0

    @property
    def last(self) -> int:
        return self.record[-1][0] if self.record else 0

    def next_record(self) -> None:
        self.record = []

    def again(self) -> None:
        """Feed the lines after the broken record's first line again."""
        self._again = self.record[1:] + self._again
        self.record = []


def _csv(handle: BinaryIO | _Reporting) -> Iterator[Question | BadRow]:
    """CSV with a header naming an id and a text column (see ``ID_COLUMNS``/``TEXT_COLUMNS``).

    Quoted fields may span lines; a row is reported by the line it starts on.
    """
    problems: list[BadRow] = []
    lines = _CsvLines(handle, problems)
    # strict: a quote left open is an error where it meets the next quote, instead of
    # silently swallowing the rows after it into one text
    reader = csv.reader(lines, strict=True)
    header: list[str] | None = None
    id_col = text_col = -1
    while True:
        lines.next_record()
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a file ending inside quotes too ("unexpected end of data")
            record = None
            problems.append(_not_csv(lines.first, lines.last, str(exc)))
            if lines.last > lines.first:
                lines.again()
            reader = csv.reader(lines, strict=True)
        first_line = lines.first or 1
        problems.sort(key=lambda p: p.line)
        yield from problems
        problems.clear()
        if record is None or not any(cell.strip() for cell in record):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in record]
            id_col = _column(header, ID_COLUMNS)
            text_col = _column(header, TEXT_COLUMNS)
            if text_col < 0:
                raise InputError(
                    f"line {first_line}: the header has no text column (one of "
                    f"{', '.join(TEXT_COLUMNS)}); it reads: {', '.join(header)[:200]}"
                )
            if id_col < 0:
                raise InputError(
                    f"line {first_line}: the header has no id column (one of "
                    f"{', '.join(ID_COLUMNS)}); it reads: {', '.join(header)[:200]}"
                )
            continue
        if len(record) <= max(id_col, text_col):
            yield BadRow(
                first_line,
                f"has {len(record)} columns, the header {len(header)}: "
                f'the "{header[text_col] if len(record) <= text_col else header[id_col]}" '
                "column is missing",
            )
            continue
        if any(cell.strip() for cell in record[len(header) :]):
            yield BadRow(
                first_line,
                f"has {len(record)} columns, the header {len(header)}: a text holding "
                'commas must be in double quotes ("...")',
            )
            continue
        yield _question(first_line, record[id_col] or None, record[text_col], has_text=True)
    yield from problems
    if header is None:
        raise InputError("the file is empty: no header and no questions")


def _not_csv(first: int, last: int, error: str) -> BadRow:
    """A row the CSV parser gave up on; an open quote is named with the lines it took."""
    if first >= last:
        return BadRow(first, f"not valid CSV ({error})")
    return BadRow(
        first,
        f"not valid CSV ({error}, line {last}): a double quote opened on this line is "
        "not closed where it should be; the row is skipped and the lines after it are "
        "read again",
    )


def _column(header: list[str], names: tuple[str, ...]) -> int:
    for name in names:
        if name in header:
            return header.index(name)
    return -1
