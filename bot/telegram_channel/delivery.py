"""The outbox's one owner: every reply committed with its turn is owed until it is sent.

A turn and its reply commit together (``Assistant.handle_update``); from then on the
reply is *owed* to its chat, and this module is the only code that sends owed replies
and updates their state in the store. The rules:

- in order: the replies owed in a chat go out oldest first, and a newer one never goes
  before an older one. ``send_owed(lane)`` runs in the chat's lane (``ordering.Lanes``)
  after every turn, so a new message first delivers what is still owed to that chat;
- nothing dropped: a reply whose send fails stays owed. ``resend_periodically`` tries
  the chats with owed replies again, soon after a failure (backing off to
  ``resend_interval``), also with no new message coming in; a reply older than
  ``resend_window`` when it finally goes out says that it is late and what it answers;
- at most once while running: a request that got no answer (read timeout, dropped
  connection) counts its part as delivered and is not repeated (``limits.maybe_delivered``);
  each part is also marked "on the wire" before its request and "sent" after, so after a
  crash the re-send starts at the part that was on the wire (sent again: it may show
  twice, where counting it as sent lost many under load);
- a chat that refuses messages (blocked, deleted) gives its owed replies up; HTML that
  Telegram cannot parse goes out as plain text; a 4096-character limit per message.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError
from telegram.ext import ExtBot

from bot.reply import Reply
from bot.store import Outgoing
from bot.telegram_channel.core import CoreWorker
from bot.telegram_channel.formatting import button_rows, split_message, to_html
from bot.telegram_channel.limits import WireHooks, maybe_delivered, on_the_wire
from bot.telegram_channel.ordering import Lanes

log = logging.getLogger(__name__)

RETRY_SOON = 2.0
"""Seconds before owed replies are tried again after a failed round; doubles up to the
re-send interval, so a short outage costs seconds, not the whole interval."""


def address_of(chat_id: int, reply_to: int | None) -> str:
    """Where a reply goes, as the outbox keeps it (opaque to the store)."""
    return json.dumps({"chat_id": chat_id, "reply_to": reply_to})


def parse_address(text: str | None) -> tuple[int, int | None] | None:
    """``(chat_id, reply_to)`` from ``address_of``'s text; None if it cannot be read."""
    try:
        data = json.loads(text or "")
        reply_to = data.get("reply_to")
        return int(data["chat_id"]), None if reply_to is None else int(reply_to)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None


def lane_of(chat_id: int) -> str:
    """The ordering lane of a chat (also the outbox's ``lane``)."""
    return str(chat_id)


def late_note(minutes: int) -> str:
    """What a reply sent long after its message says first."""
    unit = "minute" if minutes == 1 else "minutes"
    return f"(Sent late: this answers your message from {minutes} {unit} ago.)"


class SendFailed(Exception):
    """Owed replies of a chat could not be sent now; they stay owed."""


class Delivery:
    """Sends owed replies in order, and keeps their state in the store."""

    def __init__(
        self,
        core: CoreWorker,
        lanes: Lanes,
        *,
        resend_window: float = 600.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.core = core
        self.lanes = lanes
        self.resend_window = resend_window
        self._clock = clock
        self.failed = asyncio.Event()
        """Set when a send failed; the re-send loop then tries again soon."""

    # -- the API the handlers use ---------------------------------------------------------

    async def send_owed(self, bot: ExtBot, lane: str) -> int:
        """Send every reply owed in ``lane``, oldest first; call it holding the lane.

        Returns how many were sent. On a failure that may pass (network, 5xx, flood
        control after its retries) the rest stay owed and ``SendFailed`` is raised.
        """
        sent = 0
        for outgoing in await self.core.run(self.core.store.owed, lane):
            address = parse_address(outgoing.address)
            if address is None:  # not written by this package: nowhere to send it
                log.warning("gave up an owed reply: its address cannot be read")
                await self.core.run(self.core.store.mark_sent, outgoing.update_id)
                continue
            try:
                await self._deliver(bot, outgoing, *address)
            except (Forbidden, BadRequest) as error:
                log.info("gave up an owed reply: Telegram refused it (%s)", error)
                await self.core.run(self.core.store.mark_sent, outgoing.update_id)
                continue
            except TelegramError as error:
                self.failed.set()
                log.debug("could not send an owed reply now (%s); it stays owed", error)
                raise SendFailed(str(error)) from error
            sent += 1
        return sent

    async def resend_owed(self, bot: ExtBot) -> int:
        """One round: every chat with owed replies, in its lane. Returns how many sent.

        A chat whose sends fail is left for the next round; the others still get theirs.
        """
        sent = 0
        for lane in await self.core.run(self.core.store.owed_lanes):
            if lane is None:
                continue
            async with self.lanes.turn(lane):
                with contextlib.suppress(SendFailed):
                    sent += await self.send_owed(bot, lane)
        if sent:
            log.info("sent %d owed replies", sent)
        return sent

    async def resend_periodically(self, bot: ExtBot, interval: float, halt: asyncio.Event) -> None:
        """Until ``halt``: a round every ``interval`` s, and soon after a failed send.

        After a failure the next round comes ``RETRY_SOON`` seconds later, doubling while
        rounds keep failing, up to ``interval``.
        """
        backoff = RETRY_SOON
        while True:
            await _first_of(halt, self.failed, timeout=interval)
            if halt.is_set():
                return
            if self.failed.is_set():
                await _first_of(halt, timeout=min(backoff, interval))
                if halt.is_set():
                    return
            self.failed.clear()
            try:
                await self.resend_owed(bot)
            except Exception as error:  # e.g. the database is briefly unavailable
                log.error("re-sending owed replies failed (%s: %s)", type(error).__name__, error)
            backoff = min(interval, backoff * 2) if self.failed.is_set() else RETRY_SOON

    # -- sending one reply ------------------------------------------------------------

    async def _deliver(
        self, bot: ExtBot, outgoing: Outgoing, chat_id: int, reply_to: int | None
    ) -> None:
        """Send a committed reply part by part, noting each, then mark it sent."""
        update_id = outgoing.update_id
        store = self.core.store
        if outgoing.uncertain:
            log.warning("re-sending a reply part that was on the wire when the process died")
        reply = outgoing.reply
        age = self._clock() - outgoing.created_at
        if age > self.resend_window and outgoing.parts_sent == 0:
            note = late_note(round(age / 60))
            reply = Reply(f"{note}\n\n{reply.text}", reply.choices)

        async def before() -> None:
            await self.core.run(store.mark_sending, update_id)

        async def not_sent() -> None:
            await self.core.run(store.mark_not_sent, update_id)

        async def after(parts: int) -> None:
            await self.core.run(store.mark_progress, update_id, parts)

        token = on_the_wire.set(WireHooks(before, not_sent))
        try:
            await self.send_reply(
                bot, chat_id, reply, reply_to=reply_to, skip=outgoing.parts_sent, after=after
            )
        finally:
            on_the_wire.reset(token)
        await self.core.run(store.mark_sent, update_id)

    async def send_reply(
        self,
        bot: ExtBot,
        chat_id: int,
        reply: Reply,
        *,
        reply_to: int | None = None,
        skip: int = 0,
        after: Callable[[int], Awaitable[None]] | None = None,
    ) -> list[Message]:
        """Send ``reply`` as HTML chunks of at most 4096 characters; buttons on the last.

        ``skip`` leaves out the first chunks (already sent); ``after(n)`` is awaited once
        ``n`` chunks are sent (but not after the last). A chunk whose request got no
        answer counts as sent: the next chunk follows it. The store notes each chunk on
        the wire through ``limits.on_the_wire``, set by ``_deliver``.
        """
        chunks = split_message(reply.text)
        pairs = [(choice.label, choice.data) for choice in reply.choices]
        rows = button_rows(pairs)
        if sum(len(row) for row in rows) < len(pairs):
            log.error("left out buttons whose data Telegram would reject (over 64 bytes)")
        markup = (
            InlineKeyboardMarkup(
                [
                    [InlineKeyboardButton(label, callback_data=data) for label, data in row]
                    for row in rows
                ]
            )
            if rows
            else None
        )
        if not chunks:
            if markup is None:
                return []
            chunks = ["Please choose:"]
        sent = []
        for index, chunk in enumerate(chunks):
            if index < skip:
                continue
            last = index == len(chunks) - 1
            try:
                message = await self._send_chunk(
                    bot, chat_id, chunk, markup if last else None, reply_to
                )
            except TelegramError as error:
                if not maybe_delivered(error):
                    raise
                log.warning(
                    "a reply part got no answer from Telegram (%s); counted as sent, "
                    "not repeated (at most once)",
                    type(error).__name__,
                )
            else:
                sent.append(message)
            if after is not None and not last:
                await after(index + 1)
        return sent

    async def _send_chunk(
        self,
        bot: ExtBot,
        chat_id: int,
        text: str,
        markup: InlineKeyboardMarkup | None,
        reply_to: int | None,
    ) -> Message:
        """Send one chunk as HTML; if Telegram cannot parse it, send it as plain text."""
        options: dict[str, Any] = {
            "reply_markup": markup,
            "link_preview_options": LinkPreviewOptions(is_disabled=True),
        }
        if reply_to is not None:
            options["reply_parameters"] = ReplyParameters(
                reply_to, allow_sending_without_reply=True
            )
        try:
            try:
                return await bot.send_message(
                    chat_id, to_html(text), parse_mode=ParseMode.HTML, **options
                )
            except BadRequest as error:
                if "can't parse entities" not in str(error).lower():
                    raise
                log.warning("Telegram could not parse a reply as HTML (%s); sent as plain", error)
                return await bot.send_message(chat_id, text, **options)
        except ChatMigrated as moved:  # the group became a supergroup with a new id
            log.info("chat %s moved to %s; sending there", chat_id, moved.new_chat_id)
            return await bot.send_message(moved.new_chat_id, text, **options)


async def _first_of(*events: asyncio.Event, timeout: float) -> None:
    """Wait until one of ``events`` is set, or ``timeout`` seconds."""
    waiters = [asyncio.create_task(event.wait()) for event in events]
    try:
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
