"""The one entry point channels call: ``Assistant(store).handle(key, text) -> Reply``.

Telegram and the terminal know nothing of sessions or the engine; they hand over a
conversation key and the user's text. The assistant loads the session, lets the
conversation core respond, and saves, all in one store transaction, so that two updates
for the same chat arriving on two worker threads cannot interleave and a failing turn
leaves nothing behind.

A channel whose messages carry ids that may be delivered again (Telegram's update ids)
calls ``handle_update`` instead: the turn, the mark that the stored update ran, and the
reply owed are committed together, and a repeated id returns the stored reply (if it was
not sent yet) instead of running the turn again. The channel's delivery then sends it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from bot import wording
from bot.commands import command_of
from bot.conversation import respond
from bot.handoff import ASKED_FOR_A_PERSON, from_a_person, opened_text
from bot.reply import Choice, Reply
from bot.store import Outgoing, Store
from bot.tickets import TicketQueue

__all__ = ["Assistant", "Choice", "Outgoing", "Reply"]

log = logging.getLogger(__name__)

Responder = Callable[..., Reply]
"""``respond(session, text, *, today, now) -> Reply``, as ``bot.conversation.respond``."""


class Assistant:
    """Thread-safe conversation service over one store."""

    def __init__(
        self,
        store: Store,
        *,
        today: Callable[[], date] = date.today,
        responder: Responder = respond,
    ) -> None:
        self.store = store
        self._today = today
        self._respond = responder
        self.tickets = TicketQueue(store, today=today)

    def handle(self, key: str, text: str) -> Reply:
        """Answer one message from ``key``; the session is saved before returning."""
        with self.store.transaction():
            reply, _ = self._turn(key, text)
            return self._with_replies_from_people(key, reply)

    def handle_update(
        self,
        key: str,
        text: str,
        update_id: int,
        *,
        address: str | None = None,
        lane: str | None = None,
    ) -> Outgoing | None:
        """Answer a message that may be delivered again; None if it was answered already.

        In one transaction: a new ``update_id`` runs the turn, saves the session, records
        the reply as owed (with the channel's ``address`` and ``lane``) and marks the
        stored update as run; a known one whose reply is still unsent returns that reply
        without running the turn again. If the turn raises, nothing is recorded (the
        channel apologises and marks the stored update run itself).
        """
        with self.store.transaction():
            self.store.intake_done(update_id)
            if self.store.recorded(update_id):
                waiting = self.store.outgoing(update_id)
                log.info(
                    "update %d was handled before: %s",
                    update_id,
                    "its reply is still owed" if waiting else "already answered",
                )
                return waiting
            reply, action = self._turn(key, text, address)
            # After "forget", nothing may point back to the person: no key on the row.
            owner = None if action == "forget" else key
            return self.store.record_outgoing(update_id, owner, reply, address, lane)

    def delivered(self, update_id: int) -> None:
        """The reply to ``update_id`` reached the user: drop its text from the outbox."""
        self.store.mark_sent(update_id)

    def _turn(self, key: str, text: str, address: str | None = None) -> tuple[Reply, str | None]:
        """Load, respond, save (or erase); the reply and the action taken.

        The caller holds a store transaction, so an exception here undoes every write.
        A handoff opens the conversation's ticket (or adds to it) and says so; while the
        ticket is open, the user's messages are kept on it for the staff.
        """
        session = self.store.load(key)
        reply = self._respond(session, text, today=self._today(), now=self.store.clock())
        if reply.action == "forget":
            erased = self.store.forget(key)
            log.info("erased stored data for one key on request")
            return Reply(wording.forgotten(erased)), reply.action
        if reply.action == "handoff":
            reason = reply.handoff_reason or ASKED_FOR_A_PERSON
            ticket, new = self.tickets.open_for(session, reason=reason, address=address)
            if not new and command_of(text) != "human":  # the bot got stuck again: what
                self.tickets.note_user_message(key, text)  # they wrote reaches the staff
            self.store.save(session)
            told = "\n\n".join(p for p in (reply.text, opened_text(ticket.id, new=new)) if p)
            return Reply(told, reply.choices, reply.facts, reply.action), reply.action
        self.tickets.note_user_message(key, text)
        self.store.save(session)
        log.debug("answered turn %d for a session (%d chars in)", session.turns, len(text))
        return reply, reply.action

    def _with_replies_from_people(self, key: str, reply: Reply) -> Reply:
        """A terminal conversation gets agents' replies with its next answer.

        Channels that can reach the user on their own (a ticket with an address, as in
        Telegram) deliver replies as soon as they are written instead.
        """
        waiting = self.store.support.undelivered("reply", key=key, without_address=True)
        if not waiting:
            return reply
        notes = [from_a_person(e.ticket_id, e.who, e.text) for e in waiting]
        for event in waiting:
            self.store.support.mark_delivered(event.id)
        text = "\n\n".join([*notes, reply.text])
        return Reply(text, reply.choices, reply.facts, reply.action, reply.handoff_reason)

    def forget(self, key: str) -> dict[str, int]:
        """Erase everything stored for ``key`` now, without a confirmation step."""
        with self.store.locked():
            return self.store.forget(key)
