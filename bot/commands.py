"""The commands every channel offers, recognised from a whole message.

"/start", "start", "/help", "facts", "/why@rothbot" ... all map to one command name.
Only a whole message counts: "why is the 10k taxable?" is a question, not ``why``.
"""

from __future__ import annotations

import re

COMMANDS = ("start", "help", "facts", "why", "reset", "forget", "human")

_COMMAND = re.compile(r"^/?(?P<name>[a-z]+)(?:@[a-z0-9_]{1,64})?[.!?]?$")

ALIASES = {
    "start": "start",
    "help": "help",
    "facts": "facts",
    "why": "why",
    "reset": "reset",
    "forget": "forget",
    "human": "human",
    "person": "human",
    "agent": "human",
}


def command_of(text: str) -> str | None:
    """The command named by the whole message, or None for ordinary text."""
    match = _COMMAND.match(text.strip().lower())
    if not match:
        return None
    return ALIASES.get(match.group("name"))
