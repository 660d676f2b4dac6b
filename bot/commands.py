"""The commands every channel offers, recognised from a whole message.

"/start", "start", "/help", "facts", "/why@rothbot" ... all map to one command name.
Only a whole message counts: "why is the 10k taxable?" is a question, not ``why``.
A request for a person in everyday words ("can I talk to a real person",
"representative", "can someone call me") is ``human`` too: the phrasings are spaCy
patterns in ``nlu/patterns/support.yaml`` (``nlu.support.asks_for_person``).
"""

from __future__ import annotations

import re

from nlu.support import asks_for_person

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
    if match and match.group("name") in ALIASES:
        return ALIASES[match.group("name")]
    if asks_for_person(text):
        return "human"
    return None
