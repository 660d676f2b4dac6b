"""The support team in Telegram: tickets posted to a staff group and worked from there.

Agents live in one group (``ROTHBOT_SUPPORT_CHAT_ID``) and are listed by user id
(``ROTHBOT_AGENT_IDS``). What happens:

- every new ticket is posted to the group with its summary (the question in the user's
  words, the facts, the engine's headline, the last messages) and Claim / Resolve
  buttons; that post is the ticket's thread;
- ``/queue`` lists open tickets; ``/claim N`` takes one; ``/reply N text`` sends the
  text to the user through the bot, marked as from a person (an open ticket is claimed
  by the agent who answers it); ``/resolve N`` closes it and tells the user;
- while a ticket is open or claimed, the user's messages (and any new request for a
  person) are posted in its thread; a reply written in a terminal (``rothbot tickets reply``) is
  delivered to the user here;
- anyone not listed gets a refusal, and the staff commands do nothing in any other chat
  (the group itself is not a conversation with the bot).

The handlers run in group -1, before the conversation's, and stop an update they own.
The posting and delivering run in ``Staff.run``, a loop next to the re-send timer. It
runs a round as soon as this process records a ticket event (the store calls it: a
ticket opened in a turn is posted at once), and every ``interval`` seconds besides, for
what another process wrote: a reply, claim or resolve typed in a terminal (``rothbot
tickets``) reaches the user within ``interval`` seconds (a round with nothing new is a
few indexed queries). Every store call goes through the core thread; every message to a user goes
out in that chat's lane after what is owed there, so it never overtakes an answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    filters,
)

from bot.handoff import claimed_text, from_a_person, resolved_text
from bot.reply import Reply
from bot.support_store import Event, Ticket
from bot.telegram_channel.core import CoreWorker
from bot.telegram_channel.delivery import (
    Delivery,
    SendFailed,
    first_of,
    lane_of,
    parse_address,
)
from bot.tickets import TicketError, TicketQueue

log = logging.getLogger(__name__)

STAFF_COMMANDS = ("queue", "claim", "reply", "resolve")
_COMMAND = re.compile(r"^/(?P<name>[a-z]+)(?:@\w+)?(?:\s+(?P<rest>.*))?$", re.DOTALL)
_BUTTON = re.compile(r"^staff:(?P<action>claim|resolve):(?P<number>\d+)$")
NOT_AN_AGENT = "Only the support agents listed in ROTHBOT_AGENT_IDS can work the queue."
USAGE = {
    "claim": "Usage: /claim N (the ticket number).",
    "reply": "Usage: /reply N your answer to the user.",
    "resolve": "Usage: /resolve N (the ticket number).",
}
# What a user is told of, from the ticket's events, in the order they happened.
USER_NOTICES = ("claimed", "reply", "resolved")
SUMMARY_TURN_CHARS = 200
QUEUE_LIMIT = 30


class Staff:
    """The staff group's handlers and the loop that posts tickets and delivers replies."""

    def __init__(
        self,
        core: CoreWorker,
        delivery: Delivery,
        *,
        chat_id: int,
        agent_ids: frozenset[int],
        interval: float = 2.0,
    ) -> None:
        self.core = core
        self.delivery = delivery
        self.chat_id = chat_id
        self.agent_ids = agent_ids
        self.interval = interval
        self.queue = TicketQueue(core.store)
        self._delivering = asyncio.Lock()  # one delivery at a time: nothing is sent twice

    def register(self, app: Application) -> None:
        """Add the handlers in group -1, ahead of the conversation's."""
        app.add_handler(MessageHandler(filters.UpdateType.MESSAGE, self.on_message), group=-1)
        app.add_handler(CallbackQueryHandler(self.on_button, pattern=r"^staff:"), group=-1)

    # -- handlers ------------------------------------------------------------------------

    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A staff command in the staff group is run; elsewhere it does nothing."""
        message = update.message
        if message is None:
            return
        in_staff_chat = message.chat.id == self.chat_id
        match = _COMMAND.match((message.text or "").strip())
        name = match.group("name").lower() if match else None
        if name not in STAFF_COMMANDS:
            if in_staff_chat:  # the group is not a conversation with the bot
                raise ApplicationHandlerStop
            return
        if not in_staff_chat:
            log.info("ignored a staff command outside the staff chat")
            raise ApplicationHandlerStop
        user = message.from_user
        if user is None or user.id not in self.agent_ids:
            await self._say(context.bot, NOT_AN_AGENT, reply_to=message.message_id)
            raise ApplicationHandlerStop
        rest = (match.group("rest") or "").strip() if match else ""
        try:
            answer = await self._command(context.bot, name, rest, user.id, _name_of(user))
        except TicketError as error:
            answer = str(error)
        await self._say(context.bot, answer, reply_to=message.message_id)
        raise ApplicationHandlerStop

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Claim / Resolve pressed on a ticket's post."""
        query = update.callback_query
        if query is None:
            return
        match = _BUTTON.match(query.data or "")
        message = query.message
        if match is None or message is None or message.chat.id != self.chat_id:
            await _answer(query)
            raise ApplicationHandlerStop
        user = query.from_user
        if user.id not in self.agent_ids:
            await _answer(query, NOT_AN_AGENT)
            raise ApplicationHandlerStop
        await _answer(query)
        action, number = match.group("action"), match.group("number")
        try:
            answer = await self._command(context.bot, action, number, user.id, _name_of(user))
        except TicketError as error:
            answer = str(error)
        await self._say(context.bot, answer, reply_to=message.message_id)
        raise ApplicationHandlerStop

    async def _command(self, bot: ExtBot, name: str, rest: str, agent_id: int, agent: str) -> str:
        """Run one staff command; the answer for the group."""
        if name == "queue":
            return _queue_text(await self.core.run(self.queue.queue))
        number_text, _, text = rest.partition(" ")
        if not number_text.lstrip("#").isdigit():
            return USAGE[name]
        number = int(number_text.lstrip("#"))
        if name == "claim":
            await self.core.run(self.queue.claim, number, agent_id, agent)
            await self.deliver_to_users(bot)
            return f"Ticket #{number} is claimed by {agent}; the user's messages come here."
        if name == "reply":
            if not text.strip():
                return USAGE["reply"]
            event = await self.core.run(
                self.queue.reply, number, text, agent_name=agent, agent_id=agent_id
            )
            ticket = await self.core.run(self.queue.get, number)
            await self.deliver_to_users(bot)
            sent = await self._delivered(event)
            if not ticket.address:
                return f"Reply kept on ticket #{number}; the user sees it with their next message."
            return (
                f"Sent to the user on ticket #{number}."
                if sent
                else f"Reply kept on ticket #{number}; it goes out as soon as Telegram takes it."
            )
        if name == "resolve":
            await self.core.run(self.queue.resolve, number, agent_name=agent)
            await self.deliver_to_users(bot)
            return f"Ticket #{number} is resolved."
        raise AssertionError(name)  # pragma: no cover

    # -- the loop ------------------------------------------------------------------------

    async def run(self, bot: ExtBot, halt: asyncio.Event) -> None:
        """Post new tickets and their news, tell users what staff did: a round as soon
        as this process records a ticket event, and every ``interval`` seconds."""
        loop = asyncio.get_running_loop()
        news = asyncio.Event()

        def wake() -> None:  # called on the core thread, inside the write's transaction
            with contextlib.suppress(RuntimeError):  # the event loop has closed
                loop.call_soon_threadsafe(news.set)

        stop_listening = self.core.store.support.listen(wake)
        try:
            while not halt.is_set():
                news.clear()  # what is recorded from here on is left for the next round
                try:
                    await self.post_new_tickets(bot)
                    await self.post_news(bot)
                    await self.deliver_to_users(bot)
                except Exception as error:  # the loop must outlive a bad round
                    log.error("the staff round failed (%s: %s)", type(error).__name__, error)
                await first_of(halt, news, timeout=self.interval)
        finally:
            stop_listening()

    async def post_new_tickets(self, bot: ExtBot) -> int:
        """Post each open ticket not yet in the group; returns how many were posted."""
        store = self.core.store.support
        # Requests made before this round are in the summaries; later ones get a note.
        earlier = await self.core.run(store.undelivered, "asked_again")
        posted = 0
        for ticket in await self.core.run(store.unposted):
            markup = InlineKeyboardMarkup(
                [
                    [
                        InlineKeyboardButton(
                            f"Claim #{ticket.id}", callback_data=f"staff:claim:{ticket.id}"
                        ),
                        InlineKeyboardButton(
                            f"Resolve #{ticket.id}", callback_data=f"staff:resolve:{ticket.id}"
                        ),
                    ]
                ]
            )
            covered = [e.id for e in earlier if e.ticket_id == ticket.id]
            message = await self._say(bot, summary_text(ticket), markup=markup)
            if message is None:
                return posted
            await self.core.run(store.set_staff_message, ticket.id, message.message_id)
            for event_id in covered:
                await self.core.run(store.mark_delivered, event_id)
            posted += 1
        return posted

    async def post_news(self, bot: ExtBot) -> None:
        """A user's messages on an open or claimed ticket, and requests again, into its
        thread (once the ticket itself is posted)."""
        store = self.core.store.support
        for kind in ("asked_again", "user_message"):
            for event in await self.core.run(store.undelivered, kind):
                ticket = await self.core.run(store.ticket, event.ticket_id)
                if ticket is None or ticket.staff_message_id is None:
                    continue
                if kind == "asked_again":
                    text = f"Ticket #{ticket.id}: the user asked for a person again ({event.text})."
                else:
                    who = f" for {ticket.agent_name}" if ticket.agent_name else ""
                    text = f"Ticket #{ticket.id}, the user writes{who}:\n\n{event.text}"
                if await self._say(bot, text, reply_to=ticket.staff_message_id) is None:
                    return
                await self.core.run(store.mark_delivered, event.id)

    async def deliver_to_users(self, bot: ExtBot) -> int:
        """Tell Telegram users what staff did on their tickets, in order: picked up, an
        agent's reply, closed; done in Telegram or in a terminal alike. Returns how
        many went out. A notice Telegram refuses stays for the next round, and the later
        ones of its ticket wait behind it."""
        store = self.core.store.support
        sent = 0
        async with self._delivering:
            waiting = await self.core.run(store.undelivered, USER_NOTICES, with_address=True)
            held: set[int] = set()
            for event in waiting:
                ticket = await self.core.run(store.ticket, event.ticket_id)
                if ticket is None or ticket.id in held:
                    continue
                if not await self._tell_user(bot, ticket, _notice(ticket, event)):
                    held.add(ticket.id)
                    continue
                await self.core.run(store.mark_delivered, event.id)
                sent += 1
        return sent

    async def _delivered(self, event: Event) -> bool:
        """True once ``event`` reached the user (here, or in the loop's round)."""
        events = await self.core.run(self.core.store.support.events, event.ticket_id)
        return any(e.id == event.id and e.delivered_at is not None for e in events)

    # -- sending -------------------------------------------------------------------------

    async def _tell_user(self, bot: ExtBot, ticket: Ticket, text: str) -> bool:
        """Send ``text`` to the ticket's chat, after what is owed there; True if sent."""
        where = parse_address(ticket.address)
        if where is None:
            return False
        chat_id, reply_to = where
        lane = lane_of(chat_id)
        async with self.delivery.lanes.turn(lane):
            try:
                await self.delivery.send_owed(bot, lane)
                await self.delivery.send_reply(bot, chat_id, Reply(text), reply_to=reply_to)
            except (SendFailed, TelegramError) as error:
                log.warning("could not reach the user of a ticket (%s)", type(error).__name__)
                return False
        return True

    async def _say(
        self,
        bot: ExtBot,
        text: str,
        *,
        reply_to: int | None = None,
        markup: InlineKeyboardMarkup | None = None,
    ) -> Message | None:
        """Post to the staff group (plain text); None when Telegram refused it."""
        try:
            return await bot.send_message(
                self.chat_id,
                text[:4000],
                reply_markup=markup,
                reply_to_message_id=reply_to,
                allow_sending_without_reply=True,
            )
        except TelegramError as error:
            log.warning("could not post to the staff chat (%s)", error)
            return None


def _notice(ticket: Ticket, event: Event) -> str:
    """What the user reads for a staff event on their ticket."""
    if event.kind == "claimed":
        return claimed_text(ticket.id, event.who)
    if event.kind == "resolved":
        return resolved_text(ticket.id)
    return from_a_person(ticket.id, event.who, event.text)


def summary_text(ticket: Ticket) -> str:
    """A ticket as the staff group first sees it."""
    asked = f" (asked {ticket.requests} times)" if ticket.requests > 1 else ""
    lines = [f"New ticket #{ticket.id}: {ticket.reason}{asked}"]
    if ticket.question:
        lines += ["", f"Question: {ticket.question}"]
    facts = ", ".join(f"{k} {v}" for k, v in ticket.facts.items())
    lines += ["", f"Facts: {facts or 'none yet'}"]
    if ticket.result.get("headline"):
        lines.append(f"Engine: {ticket.result['headline']}")
    if ticket.transcript:
        lines += ["", "Last messages:"]
        for turn in ticket.transcript:
            text = " ".join(turn["text"].split())
            if len(text) > SUMMARY_TURN_CHARS:
                text = text[: SUMMARY_TURN_CHARS - 1] + "…"
            lines.append(f"{turn['role']}: {text}")
    lines += ["", f"/claim {ticket.id} to take it, /reply {ticket.id} TEXT to answer."]
    return "\n".join(lines)


def _queue_text(tickets: list[Ticket]) -> str:
    if not tickets:
        return "No open tickets."
    lines = [f"{len(tickets)} open ticket(s):"]
    for t in tickets[:QUEUE_LIMIT]:
        who = f", {t.agent_name}" if t.agent_name else ""
        question = " ".join(t.question.split())[:80] or "-"
        lines.append(f"#{t.id} {t.status}{who}: {t.reason}. {question}")
    return "\n".join(lines)


def _name_of(user: Any) -> str:
    return " ".join(p for p in (user.first_name, user.last_name) if p) or str(user.id)


async def _answer(query: Any, text: str | None = None) -> None:
    try:
        await query.answer(text)
    except TelegramError as error:
        log.info("could not answer a button press (%s)", error)
