"""The one entry point channels call: ``Assistant(store).handle(key, text) -> Reply``.

Telegram and the terminal know nothing of sessions or the engine; they hand over a
conversation key and the user's text. The assistant loads the session, lets the
conversation core respond, and saves, all under the store's lock so that two updates
for the same chat arriving on two worker threads cannot interleave.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from bot import wording
from bot.conversation import respond
from bot.handoff import requested_text
from bot.reply import Choice, Reply
from bot.store import Store

__all__ = ["Assistant", "Choice", "Reply"]

log = logging.getLogger(__name__)


class Assistant:
    """Thread-safe conversation service over one store."""

    def __init__(self, store: Store, *, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self._today = today

    def handle(self, key: str, text: str) -> Reply:
        """Answer one message from ``key``; the session is saved before returning."""
        with self.store.locked():
            session = self.store.load(key)
            reply = respond(session, text, today=self._today(), now=self.store.clock())
            if reply.action == "forget":
                erased = self.store.forget(key)
                log.info("erased stored data for one key on request")
                return Reply(wording.forgotten(erased))
            if reply.action == "handoff":
                ref = self.store.record_handoff(key, wording.handoff_note(session))
                self.store.save(session)
                return Reply(requested_text(ref), reply.choices, reply.facts)
            self.store.save(session)
            log.debug("answered turn %d for a session (%d chars in)", session.turns, len(text))
            return reply

    def forget(self, key: str) -> dict[str, int]:
        """Erase everything stored for ``key`` now, without a confirmation step."""
        with self.store.locked():
            return self.store.forget(key)
