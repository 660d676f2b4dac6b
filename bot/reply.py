"""What the conversation core hands back to a channel: text plus optional buttons.

Kept in its own small module so channels, the service and the core share one definition
without importing each other. ``data`` is sent back as the user's next message when a
button is pressed, so it must read as an answer ("yes", "mfj") and fit Telegram's
64-byte ``callback_data`` limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_CHOICE_DATA_BYTES = 64


@dataclass(frozen=True, slots=True)
class Choice:
    """One button: ``label`` is shown, ``data`` is sent back as text when pressed."""

    label: str
    data: str

    def __post_init__(self) -> None:
        if len(self.data.encode("utf-8")) > MAX_CHOICE_DATA_BYTES:
            raise ValueError(f"Choice data {self.data!r} is longer than 64 bytes.")


@dataclass(frozen=True, slots=True)
class Picture:
    """An image a channel sends after the reply's text (a chart): PNG bytes, a caption."""

    png: bytes
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Reply:
    """One bot turn: plain ``text`` (channels escape it), buttons, and the facts now held.

    ``action`` is for the service, not the user: ``"forget"`` means "erase everything
    stored for this key now", ``"handoff"`` means "open a ticket for a person", and
    ``handoff_reason`` says why (for the agent, never shown to the user). ``pictures``
    go out after the text, each as a message part of its own (Telegram's charts).
    """

    text: str
    choices: tuple[Choice, ...] = ()
    facts: dict[str, Any] = field(default_factory=dict)
    action: str | None = None
    handoff_reason: str | None = None
    pictures: tuple[Picture, ...] = ()
