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
- at most once: a request that got no answer (read timeout, dropped connection) counts
  its part as delivered and is not repeated (``limits.maybe_delivered``); each part is
  noted on the wire the instant before its request (``wire.WireLog``, not the store,
  whose marks wait behind turns), and a part the process died with on the wire counts
  as delivered at the next start (``recover``). No part is shown twice; what a crash can
  cost is the requests in flight at that instant;
- a reply's parts are its text (chunks) and then its pictures (photos with captions:
  the charts), so a chart is owed, ordered and sent at most once like any answer;
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
    InputFile,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError
from telegram.ext import ExtBot

from bot.reply import Picture, Reply
from bot.store import Outgoing
from bot.telegram_channel.core import CoreWorker
from bot.telegram_channel.formatting import button_rows, split_message, to_html
from bot.telegram_channel.limits import WireHooks, maybe_delivered, on_the_wire
from bot.telegram_channel.ordering import Lanes
from bot.telegram_channel.wire import WireLog

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
        wire: WireLog | None = None,
    ) -> None:
        self.core = core
        self.lanes = lanes
        self.wire = wire if wire is not None else WireLog(None)
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
            await first_of(halt, self.failed, timeout=interval)
            if halt.is_set():
                return
            if self.failed.is_set():
                await first_of(halt, timeout=min(backoff, interval))
                if halt.is_set():
                    return
            self.failed.clear()
            try:
                await self.resend_owed(bot)
            except Exception as error:  # e.g. the database is briefly unavailable
                log.error("re-sending owed replies failed (%s: %s)", type(error).__name__, error)
            backoff = min(interval, backoff * 2) if self.failed.is_set() else RETRY_SOON

    # -- sending one reply ------------------------------------------------------------

    async def recover(self) -> int:
        """Count the parts the last process left on the wire as sent (at most once).

        Run at start, before anything is sent: ``wire.WireLog.left`` into the store.
        Returns how many replies had a part on the wire.
        """
        left = self.wire.left
        for update_id, parts in sorted(left.items()):
            await self.core.run(self.core.store.mark_progress, update_id, parts)
        if left:
            log.warning(
                "%d reply parts were on the wire when the last process stopped; counted as "
                "sent, not repeated (at most once)",
                len(left),
            )
        self.wire.recovered()
        return len(left)

    async def _deliver(
        self, bot: ExtBot, outgoing: Outgoing, chat_id: int, reply_to: int | None
    ) -> None:
        """Send a committed reply part by part, noting each, then mark it sent."""
        update_id = outgoing.update_id
        store = self.core.store
        reply = outgoing.reply
        age = self._clock() - outgoing.created_at
        if age > self.resend_window and outgoing.parts_sent == 0:
            note = late_note(round(age / 60))
            reply = Reply(f"{note}\n\n{reply.text}", reply.choices, pictures=reply.pictures)

        def hooks(part: int) -> WireHooks:
            return WireHooks(
                lambda: self.wire.on_the_wire(update_id, part),
                lambda: self.wire.settled(update_id, part),
            )

        async def after(parts: int) -> None:
            await self.core.run(store.mark_progress, update_id, parts)
            self.wire.settled(update_id, parts - 1)

        last = await self.send_reply(
            bot,
            chat_id,
            reply,
            reply_to=reply_to,
            skip=outgoing.parts_sent,
            after=after,
            wire=hooks,
        )
        await self.core.run(store.mark_sent, update_id)
        if last is not None:
            self.wire.settled(update_id, last)

    async def send_reply(
        self,
        bot: ExtBot,
        chat_id: int,
        reply: Reply,
        *,
        reply_to: int | None = None,
        skip: int = 0,
        after: Callable[[int], Awaitable[None]] | None = None,
        wire: Callable[[int], WireHooks] | None = None,
    ) -> int | None:
        """Send ``reply``'s parts: HTML chunks of at most 4096 characters (buttons on the
        last), then each picture as a photo with its caption.

        ``skip`` leaves out the first parts (already sent); ``after(n)`` is awaited once
        ``n`` parts are sent (but not after the last); ``wire(i)`` gives the hooks that
        note part ``i`` on the wire (``limits.on_the_wire``). A part whose request got no
        answer counts as sent: the next part follows it. Returns the index of the last
        part, or None if there was nothing to send.
        """
        parts = self._parts(reply)
        for index, (text, markup, picture) in enumerate(parts):
            if index < skip:
                continue
            last = index == len(parts) - 1
            token = on_the_wire.set(wire(index) if wire is not None else None)
            try:
                if picture is None:
                    await self._send_chunk(bot, chat_id, text, markup, reply_to)
                else:
                    await self._send_picture(bot, chat_id, picture, index, reply_to)
            except TelegramError as error:
                if not maybe_delivered(error):
                    raise
                log.warning(
                    "a reply part got no answer from Telegram (%s); counted as sent, "
                    "not repeated (at most once)",
                    type(error).__name__,
                )
            finally:
                on_the_wire.reset(token)
            if after is not None and not last:
                await after(index + 1)
        return len(parts) - 1 if parts else None

    @staticmethod
    def _parts(
        reply: Reply,
    ) -> list[tuple[str, InlineKeyboardMarkup | None, Picture | None]]:
        """The messages a reply takes, in order: (text, buttons, picture) each."""
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
        if not chunks and markup is not None:
            chunks = ["Please choose:"]
        parts: list[tuple[str, InlineKeyboardMarkup | None, Picture | None]] = [
            (chunk, markup if index == len(chunks) - 1 else None, None)
            for index, chunk in enumerate(chunks)
        ]
        parts += [("", None, picture) for picture in reply.pictures]
        return parts

    async def _send_picture(
        self, bot: ExtBot, chat_id: int, picture: Picture, index: int, reply_to: int | None
    ) -> Message:
        options: dict[str, Any] = {}
        if reply_to is not None:
            options["reply_parameters"] = ReplyParameters(
                reply_to, allow_sending_without_reply=True
            )
        return await bot.send_photo(
            chat_id,
            InputFile(picture.png, filename=f"rothbot-chart-{index + 1}.png"),
            caption=picture.caption or None,
            **options,
        )

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


async def first_of(*events: asyncio.Event, timeout: float) -> None:
    """Wait until one of ``events`` is set, or ``timeout`` seconds (the re-send timer's
    wait here, and the staff loop's, ``bot.telegram_channel.staff``)."""
    waiters = [asyncio.create_task(event.wait()) for event in events]
    try:
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
