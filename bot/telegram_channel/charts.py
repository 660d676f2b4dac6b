"""Charts in Telegram: ``/chart`` and the "Show chart" button send the two pictures.

An answer in a private chat whose facts can be charted carries a "Show chart" button
(``with_chart_button`` wraps the conversation core, so the button is stored in the outbox
with the reply and survives a re-send). Pressing it, or sending ``/chart`` (in a group:
``/chart@bot``, which is asking), sends the timeline and the routes compared as two
photos with short captions. In a group the button is never added: a picture is sent only
to whoever asks for it.

The pictures are drawn on a thread of their own (matplotlib loads there, on the first
chart), never on the event loop and never on the core thread, so other chats' turns do
not wait for a drawing. They are then the reply owed to the update that asked, sent by
``delivery`` like any answer: after what the chat was owed before, kept owed through a
failure, at most once. A conversation whose facts cannot be charted yet gets one
sentence saying what is missing.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

from telegram import Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.reply import Choice, Picture, Reply
from bot.session import CONFIRM_FORGET, Session
from bot.store import Store
from bot.telegram_channel.addressing import PRIVATE, conversation_key
from bot.telegram_channel.core import CoreWorker
from bot.telegram_channel.delivery import Delivery, SendFailed, address_of, lane_of
from bot.telegram_channel.handlers import showing

log = logging.getLogger(__name__)

CHART_DATA = "/chart"
"""The button's callback data: the same words as the command, so it reads as an answer."""
BUTTON = Choice("Show chart", CHART_DATA)
COMMAND = ("chart", "Draw when each dollar is tax-free, and the routes compared")
FAILED = "Sorry, I could not draw the chart just now. Please try again in a minute."
PRESSED_MEMORY = 1024


def is_private_key(key: str) -> bool:
    """``telegram:<chat>`` is a private chat; a group's keys add the user
    (``addressing.conversation_key``)."""
    return key.count(":") == 1


def with_chart_button(responder: Callable[..., Reply]) -> Callable[..., Reply]:
    """The conversation core, with "Show chart" added to private answers that can be
    charted. The check is cheap (which facts are known), never a calculation, so a turn
    costs what it did; a press on facts that still fall short gets the sentence why."""
    from bot.charts.data import could_chart

    def respond(session: Session, text: str, **kwargs: Any) -> Reply:
        reply = responder(session, text, **kwargs)
        if (
            reply.action is None
            and session.pending != CONFIRM_FORGET  # "erase everything?" offers only yes/no
            and is_private_key(session.key)
            and could_chart(reply.facts)
            and BUTTON not in reply.choices
        ):
            return dataclasses.replace(reply, choices=(*reply.choices, BUTTON))
        return reply

    return respond


def _draw(facts: dict[str, Any], topic: str | None, today: date) -> list[tuple[bytes, str]]:
    """Both pictures as PNG with their captions; a ``ChartUnavailable`` says what is missing."""
    from bot.charts.data import chart_data
    from bot.charts.render import render, span
    from bot.money import percent
    from knowledge.outlook import ROUTE_LABELS

    data = chart_data(facts, today=today, route=[topic] if topic in ROUTE_LABELS else [])
    timeline = data["timeline"]
    growth = next((p for p in timeline["parts"] if p["id"] == "growth"), None)
    caption = f"When each dollar is tax-free: {timeline['route_label'].lower()}."
    if growth and growth["tax_free_from"]:
        caption += f" Growth is tax-free from {span(growth['tax_free_from'])}."
    routes = data["routes"]
    routes_caption = (
        f"What each route leaves at 59½, growing {percent(routes['growth_rate'])} a year "
        "(an assumption, not a forecast)."
    )
    return [
        (render(data, "timeline", "png"), caption),
        (render(data, "routes", "png"), routes_caption),
    ]


class ChartSender:
    """Draws the pictures for ``/chart`` and the "Show chart" button; the outbox sends them.

    The pictures are the reply to the update that asked, recorded in the outbox with it
    (``Store.record_outgoing``, in one transaction with the update marked run), so they
    are owed until sent, go out after what the chat was owed before, and are sent at most
    once, like every answer (``delivery``).
    """

    def __init__(
        self, core: CoreWorker, delivery: Delivery, *, today: Callable[[], date] = date.today
    ) -> None:
        self.core = core
        self.delivery = delivery
        self._today = today
        self._drawer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rothbot-charts")
        self._pressed: OrderedDict[tuple[int, int], None] = OrderedDict()

    async def on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """``/chart``: the pictures of the sender's conversation."""
        message = update.message
        if message is None:
            return
        chat, user = message.chat, message.from_user
        key = conversation_key(chat.id, chat.type, user.id if user else None)
        reply_to = message.message_id if chat.type != PRIVATE else None
        await self.send(context.bot, update.update_id, chat.id, key, reply_to)

    async def on_press(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The "Show chart" button: answered at once, the pictures sent once per answer."""
        query = update.callback_query
        if query is None or query.message is None:
            return
        try:
            await query.answer()
        except TelegramError as error:
            log.info("could not answer a button press (%s)", error)
        chat = query.message.chat
        pressed = (chat.id, query.message.message_id)
        if pressed in self._pressed:
            return
        self._pressed[pressed] = None
        while len(self._pressed) > PRESSED_MEMORY:
            self._pressed.popitem(last=False)
        key = conversation_key(chat.id, chat.type, query.from_user.id)
        await self.send(context.bot, update.update_id, chat.id, key, None)

    async def send(
        self, bot: Any, update_id: int, chat_id: int, key: str, reply_to: int | None
    ) -> None:
        """Draw the conversation's pictures off the event loop, record them as the reply
        owed to ``update_id``, and send what the chat is owed (the caller holds its lane)."""
        store = self.core.store
        lane = lane_of(chat_id)
        if not await self.core.run(store.recorded, update_id):  # else a redelivery
            with showing(bot, chat_id, ChatAction.UPLOAD_PHOTO):
                reply = await self._reply(key)
            await self.core.run(
                _record, store, update_id, key, reply, address_of(chat_id, reply_to), lane
            )
            log.info(
                "charted a conversation in a %s chat (%d pictures)",
                "private" if is_private_key(key) else "group",
                len(reply.pictures),
            )
        with contextlib.suppress(SendFailed):
            await self.delivery.send_owed(bot, lane)

    async def _reply(self, key: str) -> Reply:
        """Both pictures with their captions, or the sentence saying why not."""
        from bot.charts.data import ChartUnavailable
        from knowledge.facts import InvalidFacts

        session = await self.core.run(self.core.store.load, key)
        loop = asyncio.get_running_loop()
        try:
            pictures = await loop.run_in_executor(
                self._drawer, _draw, dict(session.facts), session.topic, self._today()
            )
        except (ChartUnavailable, InvalidFacts) as reason:
            return Reply(str(reason))
        except Exception as error:  # a drawing bug must not take the chat down
            log.error("could not draw a chart (%s: %s)", type(error).__name__, error)
            return Reply(FAILED)
        return Reply("", pictures=tuple(Picture(png, caption) for png, caption in pictures))

    def close(self) -> None:
        self._drawer.shutdown(wait=False, cancel_futures=True)


def _record(store: Store, update_id: int, key: str, reply: Reply, address: str, lane: str) -> None:
    """The pictures become the update's owed reply, and the update is marked run, together
    (on the core thread); a second run of the same update records nothing."""
    with store.transaction():
        store.intake_done(update_id)
        if not store.recorded(update_id):
            store.record_outgoing(update_id, key, reply, address, lane)
