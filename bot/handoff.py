"""The seam where a person takes over: what the bot says, and where the request goes.

The support queue (a later issue) implements ``HandoffQueue`` for real, e.g. posting to
a staff Telegram group. Until then the store's ``handoffs`` table is the queue: a
request is recorded with a short, non-identifying note and a person can pick it up.
"""

from __future__ import annotations

from typing import Protocol

HUMAN_COMMAND = "human"


class HandoffQueue(Protocol):
    """Where requests for a person go; ``request`` returns a reference id."""

    def request(self, key: str, note: str) -> int: ...


def needs_a_person_text(topic: str) -> str:
    """The honest reply for a question rothbot cannot settle."""
    return (
        f"Questions about {topic} need a person: the rules depend on documents and "
        "details I cannot check, and I would rather not guess.\n\n"
        f'Type "{HUMAN_COMMAND}" to ask for a person to pick up this conversation.'
    )


def requested_text(ref: int) -> str:
    """Confirmation after a request was recorded."""
    return (
        f"I have asked for a person to pick this up (request #{ref}). They will see the "
        "facts I hold and the last few messages. You can keep asking me meanwhile."
    )
