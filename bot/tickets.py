"""The support queue: tickets opened from conversations, claimed, answered and resolved.

``TicketQueue`` is what the service opens tickets with. A conversation has
at most one open ticket: asking again (in any words, or because the bot got stuck again)
adds to it. A ticket carries what an agent needs to pick up without scrolling back: the
user's question in their own words, the facts read, the last messages, the engine's
headline for those facts and why the ticket was opened. Staff act on it from Telegram
(``bot.telegram`` staff handlers) or a terminal (``rothbot tickets``); both go through the
methods here, so the rules (who may claim, what a resolved ticket accepts) are one set.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from bot.commands import command_of
from bot.session import Session
from bot.store import Store
from bot.support_store import Event, Ticket
from bot.triage import headline_of
from knowledge.engine import calculate
from knowledge.facts import Facts, InvalidFacts

TRANSCRIPT_TURNS = 6
TRANSCRIPT_CHARS = 300
QUESTION_CHARS = 1000


class TicketError(ValueError):
    """A staff action that cannot be done; the message is a sentence for the agent."""


class TicketQueue:
    """Tickets over a store; every method is one store transaction."""

    def __init__(self, store: Store, *, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.support = store.support
        self._today = today

    # -- opening -----------------------------------------------------------------------

    def open_for(
        self, session: Session, *, reason: str, address: str | None = None
    ) -> tuple[Ticket, bool]:
        """Open a ticket for the conversation, or add to its open one; (ticket, is new)."""
        return self.support.open_or_add(
            session.key,
            reason=reason,
            question=question_of(session),
            facts=dict(session.facts),
            transcript=transcript_of(session),
            result=self._result(session),
            address=address,
        )

    def _result(self, session: Session) -> dict[str, Any]:
        """The engine's headline and what it still needs, for the facts held."""
        try:
            facts = Facts.from_mapping(session.facts)
            result = calculate(facts, today=self._today()).to_json()
        except InvalidFacts as exc:
            return {"headline": "no result", "problem": str(exc), "missing": []}
        focus = session.topic or "split_rollover"
        missing = [k for k in result.get("missing", ()) if k not in session.facts]
        return {"headline": headline_of(result, focus), "missing": missing[:5]}

    # -- staff actions -----------------------------------------------------------------

    def get(self, ticket_id: int) -> Ticket:
        ticket = self.support.ticket(ticket_id)
        if ticket is None:
            raise TicketError(f"There is no ticket #{ticket_id}.")
        return ticket

    def queue(self) -> list[Ticket]:
        """Open and claimed tickets, oldest first."""
        return self.support.tickets()

    def claim(self, ticket_id: int, agent_id: int | None, agent_name: str) -> Ticket:
        """Take a ticket; a ticket another agent holds is refused, naming them, and one
        the agent holds already stays as it is (the user is told once)."""
        with self.store.transaction():
            ticket = self._open(ticket_id)
            if ticket.status == "claimed":
                if not _same_agent(ticket, agent_id, agent_name):
                    raise TicketError(
                        f"Ticket #{ticket_id} is already claimed by {ticket.agent_name}."
                    )
                return ticket
            self.support.set_status(ticket_id, "claimed", agent_id=agent_id, agent_name=agent_name)
            return self.get(ticket_id)

    def reply(
        self, ticket_id: int, text: str, *, agent_name: str, agent_id: int | None = None
    ) -> Event:
        """Record an agent's answer to the user; the channel delivers it (see ``pending``).

        An open ticket is claimed by the agent who answers it; one another agent holds is
        refused, naming them (in Telegram and in a terminal alike)."""
        text = text.strip()
        if not text:
            raise TicketError("The reply is empty: write the answer after the ticket number.")
        with self.store.transaction():
            ticket = self._open(ticket_id)
            if ticket.status == "claimed" and not _same_agent(ticket, agent_id, agent_name):
                raise TicketError(f"Ticket #{ticket_id} is claimed by {ticket.agent_name}.")
            if ticket.status == "open":
                self.support.set_status(
                    ticket_id, "claimed", agent_id=agent_id, agent_name=agent_name
                )
            event_id = self.support.add_event(ticket_id, "reply", agent_name, text)
            return next(e for e in self.support.events(ticket_id) if e.id == event_id)

    def resolve(self, ticket_id: int, *, agent_name: str) -> Ticket:
        with self.store.transaction():
            self._open(ticket_id)
            self.support.set_status(ticket_id, "resolved", agent_id=None, agent_name=agent_name)
            return self.get(ticket_id)

    def note_user_message(self, key: str, text: str) -> tuple[Ticket, int] | None:
        """A user's message while their ticket is open or claimed: kept for the staff
        (ticket, event). The user was told "anything you add reaches them too", and what
        they add before anyone claims the ticket ("the check came yesterday") matters as
        much as what they add after."""
        ticket = self.support.open_ticket_of(key)
        if ticket is None:
            return None
        clipped = text[: TRANSCRIPT_CHARS * 4]
        return ticket, self.support.add_event(ticket.id, "user_message", "user", clipped)

    def _open(self, ticket_id: int) -> Ticket:
        ticket = self.get(ticket_id)
        if ticket.status == "resolved":
            raise TicketError(f"Ticket #{ticket_id} is already resolved.")
        return ticket


def _same_agent(ticket: Ticket, agent_id: int | None, agent_name: str) -> bool:
    """Whether the agent holding ``ticket`` is this one: by Telegram user id, or by name
    for an agent in a terminal (who has no id)."""
    if agent_id is not None or ticket.agent_id is not None:
        return ticket.agent_id == agent_id
    return ticket.agent_name == agent_name


def question_of(session: Session) -> str:
    """The user's question in their own words: their longest message that is not a
    command or a request for a person (the first message of a thread, usually)."""
    said = [t.text for t in session.history if t.role == "user" and command_of(t.text) is None]
    if not said:
        return ""
    return max(said, key=len)[:QUESTION_CHARS]


def transcript_of(session: Session) -> list[dict[str, str]]:
    """The last few messages, each clipped, for an agent to read at a glance."""
    turns = [t for t in session.history if t.text][-TRANSCRIPT_TURNS:]
    return [
        {
            "role": t.role,
            "text": t.text if len(t.text) <= TRANSCRIPT_CHARS else t.text[:TRANSCRIPT_CHARS] + "…",
        }
        for t in turns
    ]
