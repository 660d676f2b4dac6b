"""The seam where a person takes over: what the bot tells the user at each step.

The conversation core decides *that* a person is needed (``Reply.action == "handoff"``
with a ``handoff_reason``); the service opens or adds to the conversation's ticket
(``bot.tickets.TicketQueue``) and tells the user plainly what happens next with the
texts below. Staff work the queue in Telegram (``bot.telegram`` staff
handlers) or a terminal (``rothbot tickets``).
"""

from __future__ import annotations

ASKED_FOR_A_PERSON = "asked for a person"


def needs_a_person_text(topic: str) -> str:
    """The honest reply for a question rothbot cannot settle (a ticket follows)."""
    return (
        f"Questions about {topic} need a person: the rules depend on documents and "
        "details I cannot check, and I would rather not guess."
    )


def unanswered_reason(fact: str) -> str:
    """Why a ticket opened after the same question went unanswered twice."""
    return f"asked twice for {fact} without an answer"


def opened_text(ticket_id: int, *, new: bool) -> str:
    """What the user is told once their ticket is open, or their request was added to it."""
    if not new:
        return (
            f"You already have a request for a person open (ticket #{ticket_id}); I have "
            "added this to it. A person will answer here, marked as from a person. You "
            "can keep asking me meanwhile."
        )
    return (
        f"I have passed this to a person (ticket #{ticket_id}). They will see your "
        "question, the facts I hold and our last few messages, and answer here; their "
        "messages are marked as from a person. You can keep asking me meanwhile, and "
        "anything you add reaches them too."
    )


def from_a_person(ticket_id: int, name: str | None, text: str) -> str:
    """An agent's reply as the user sees it: clearly from a person, not from the bot."""
    who = f"{name} (a person on the support team)" if name else "A person on the support team"
    return f"Message from a person, ticket #{ticket_id}. {who} writes:\n\n{text}"


def claimed_text(ticket_id: int, name: str) -> str:
    """Told to the user when an agent takes their ticket."""
    return f"{name} from the support team has picked up ticket #{ticket_id} and will answer here."


def resolved_text(ticket_id: int) -> str:
    """Told to the user when their ticket is closed."""
    return (
        f"Ticket #{ticket_id} is closed. If you need a person again, type /human; I am "
        "still here for questions about moving after-tax money into a Roth."
    )
