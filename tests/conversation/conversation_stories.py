"""Story helpers for tests/conversation, importable from every test module there.

Stories are written like Rasa's test stories: what the user says, what the bot's reply
must contain, and what it must not. ``run_story`` plays them against the Assistant the
channels use, with a fixed date so the clocks in replies are reproducible.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.reply import Reply
from bot.service import Assistant

TODAY = date(2026, 3, 2)
# The team's shared folder beside the checkout; ROTHBOT_SHARED points elsewhere (a worktree).
SHARED = Path(
    os.environ.get("ROTHBOT_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared"
)
EVAL = Path(__file__).resolve().parents[1] / "eval"


def real_question(qid: str, source: Path) -> str:
    """A real forum question's text, verbatim, from a labelled JSONL file."""
    for line in source.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == qid:
            return row["text"]
    raise LookupError(qid)


@dataclass(frozen=True)
class Step:
    """One exchange: the user's text and what the reply must / must not contain."""

    user: str
    must: Sequence[str] = ()
    must_not: Sequence[str] = ()


def check(reply: Reply, step: Step) -> None:
    """Case-insensitive containment, with the whole reply in the failure message."""
    text = reply.text.lower()
    for wanted in step.must:
        assert wanted.lower() in text, f"{wanted!r} missing after {step.user!r}:\n{reply.text}"
    for unwanted in step.must_not:
        assert unwanted.lower() not in text, (
            f"{unwanted!r} present after {step.user!r}:\n{reply.text}"
        )


def run_story(assistant: Assistant, steps: Sequence[Step], key: str = "story") -> list[Reply]:
    replies = []
    for step in steps:
        reply = assistant.handle(key, step.user)
        check(reply, step)
        replies.append(reply)
    return replies
