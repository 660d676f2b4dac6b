"""Who a Telegram message is for, and whose conversation it belongs to.

In a private chat every message is for the bot. In a group the bot speaks only when
spoken to: a command (``/facts`` or ``/facts@thisbot``, but not ``/facts@otherbot``), a
mention of ``@thisbot``, or a reply to one of its messages. Several people can talk to
the bot in one group, and their facts must never mix, so a group conversation is keyed
by chat *and* user. Pure functions, no ``telegram`` import, so the rules are tested as
tables.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

PRIVATE = "private"
KEY_PREFIX = "telegram"
GREETING_COMMAND = "/start"
"""What a bare mention ("@thisbot" and nothing else) is taken to mean."""

_COMMAND = re.compile(r"^/(?P<name>[A-Za-z0-9_]{1,32})(?:@(?P<bot>[A-Za-z0-9_]+))?(?=\s|$)")


def conversation_key(chat_id: int, chat_type: str, user_id: int | None) -> str:
    """The store key: ``telegram:<chat>`` in private, ``telegram:<chat>:<user>`` in groups."""
    if chat_type == PRIVATE or user_id is None:
        return f"{KEY_PREFIX}:{chat_id}"
    return f"{KEY_PREFIX}:{chat_id}:{user_id}"


def addressed_text(
    text: str,
    *,
    chat_type: str,
    bot_username: str,
    mentions: Iterable[str] = (),
    replying_to_bot: bool = False,
    commands: Collection[str] = (),
) -> str | None:
    """The text to hand to the conversation core, or None when the message is not for us.

    ``mentions`` are the ``@name`` strings Telegram marked as mention entities, and
    ``replying_to_bot`` says whether the message replies to one of the bot's messages.
    A command loses its ``@thisbot`` suffix; one of ``commands`` (the bot's own, which
    take no arguments) also loses what follows it, so ``/start@thisbot payload`` (a deep
    link) is ``/start``. A mention of the bot is cut out of the text.
    """
    username = bot_username.lstrip("@").lower()
    command = _COMMAND.match(text)
    if command:
        target = command.group("bot")
        if target and target.lower() != username:
            return None
        if command.group("name").lower() in commands:
            return f"/{command.group('name').lower()}"
        return f"/{command.group('name')}{text[command.end() :]}".strip()
    if chat_type == PRIVATE:
        return text.strip()
    own = f"@{username}"
    if any(mention.lower() == own for mention in mentions):
        without = re.sub(rf"(?<![\w@]){re.escape(own)}\b", " ", text, flags=re.IGNORECASE)
        cleaned = re.sub(r"[ \t]{2,}", " ", without).strip(" \t\n,:;")
        return cleaned or GREETING_COMMAND
    if replying_to_bot:
        return text.strip()
    return None
