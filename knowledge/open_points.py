"""Open points: questions the sources leave unsettled, each with a note in ``notes/``.

A note quotes the sources and records how rothbot settles the point; results link to
the note whenever the point can change the answer, so the bot can say it is unsettled.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from knowledge.result import OpenPoint

NOTES_DIR = Path(__file__).resolve().parent / "notes"
SUMMARY_PREFIX = "Summary:"


@cache
def all_open_points() -> dict[str, OpenPoint]:
    """Every note by id (file stem); the summary is the note's ``Summary:`` line."""
    points: dict[str, OpenPoint] = {}
    for path in sorted(NOTES_DIR.glob("*.md")):
        summary = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(SUMMARY_PREFIX):
                summary = line[len(SUMMARY_PREFIX) :].strip()
                break
        points[path.stem] = OpenPoint(path.stem, summary, f"knowledge/notes/{path.name}")
    return points


def open_point(point_id: str) -> OpenPoint:
    """The open point ``point_id``; KeyError if there is no such note."""
    return all_open_points()[point_id]
