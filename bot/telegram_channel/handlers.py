"""The handlers: a stored update in, one conversation turn, the owed replies out.

Registered on the library's ``Application`` (``app.build_application``) and run by the
intake through ``Application.process_update``, one chat at a time. What each kind of
update becomes:

- a new text message, or a photo's caption, addressed to the bot: ``Assistant``'s turn
  (``handle_update``), then every reply owed in that chat, oldest first;
- a button press: the same, with the button's data as the text; only the person who was
  asked may press, and a second tap on the same keyboard is ignored;
- anything else in a private chat (a sticker, a photo without a caption): one line
  saying that only text can be read; edited messages are ignored (the answer to the
  first version stands).

"typing…" is shown while the core works, in a task of its own: it never adds to the time
a turn takes, and the rate limiter drops it when replies need the budget.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatAction
from telegram.error import Forbidden, TelegramError
from telegram.ext import ContextTypes, ExtBot

from bot.telegram_channel.addressing import PRIVATE, addressed_text, conversation_key
from bot.telegram_channel.core import CoreWorker, TurnNotStarted
from bot.telegram_channel.delivery import Delivery, SendFailed, address_of, lane_of

log = logging.getLogger(__name__)

COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Start over and see what I can help with"),
    ("help", "How to ask, and what I can answer"),
    ("facts", "Show the facts I have noted so far"),
    ("why", "Explain the last answer, with sources"),
    ("reset", "Clear the facts and start a new question"),
    ("forget", "Erase everything stored about you"),
    ("human", "Ask for a person to take over"),
    ("chart", "Draw when each dollar is tax-free, and the routes compared"),
)
"""Registered with setMyCommands; the conversation core answers each of them."""
COMMAND_NAMES = frozenset(name for name, _ in COMMANDS)
SORRY = (
    "Sorry, something went wrong on my side and I could not answer that. "
    "Please try again in a minute."
)
TEXT_ONLY = "I can only read text messages. Please type your question."
NOT_YOUR_BUTTONS = "These buttons answer someone else's question. Mention me to ask your own."
TYPING_DELAY_SECONDS = 0.3
"""A turn quicker than this shows no "typing…": its answer is there before it would show,
and a typing action arriving after the answer would show "typing…" for nothing."""
TYPING_REFRESH_SECONDS = 4.5
"""Telegram shows "typing…" for about five seconds; renew it while the core still works."""
PRESSED_MEMORY = 4096


class Handlers:
    """The callbacks ``build_application`` registers, over the core and the delivery."""

    def __init__(self, core: CoreWorker, delivery: Delivery) -> None:
        self.core = core
        self.delivery = delivery
        self._pressed: OrderedDict[tuple[int, int], None] = OrderedDict()

    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer a text message (or a caption) addressed to the bot."""
        message = update.message
        if message is None:
            return
        if message.text is not None:
            text = message.text
            mentions = message.parse_entities([MessageEntity.MENTION]).values()
        elif message.caption is not None:
            text = message.caption
            mentions = message.parse_caption_entities([MessageEntity.MENTION]).values()
        else:
            return
        user = message.from_user
        bot = context.bot
        text_for_core = addressed_text(
            text,
            chat_type=message.chat.type,
            bot_username=bot.username,
            mentions=mentions,
            replying_to_bot=_from_bot(message.reply_to_message, bot.id),
            commands=COMMAND_NAMES,
        )
        if text_for_core is None:
            log.debug("ignored a group message not addressed to the bot")
            return
        chat = message.chat
        key = conversation_key(chat.id, chat.type, user.id if user else None)
        reply_to = message.message_id if chat.type != PRIVATE else None
        with showing(bot, chat.id):
            outgoing = await self.core.handle_update(
                key,
                text_for_core,
                update.update_id,
                address_of(chat.id, reply_to),
                lane_of(chat.id),
            )
        await self.send_owed(bot, chat.id)
        log.info(
            "answered a message in a %s chat (%d characters in, %d out)",
            chat.type,
            len(text_for_core),
            len(outgoing.reply.text) if outgoing else 0,
        )

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Treat a pressed button as the user typing its data; always answer the press."""
        query = update.callback_query
        if query is None:
            return
        message = query.message
        if message is None or not query.data:
            await _answer(query)
            return
        chat = message.chat
        asked_by = _asked_by(message)
        owner = asked_by.from_user if asked_by is not None else None
        if chat.type != PRIVATE and owner is not None and owner.id != query.from_user.id:
            await _answer(query, NOT_YOUR_BUTTONS)
            return
        pressed = (chat.id, message.message_id)
        if pressed in self._pressed:  # a second tap before the keyboard disappeared
            await _answer(query)
            return
        self._remember(pressed)
        await _answer(query)
        bot = context.bot
        if isinstance(message, Message) and message.reply_markup is not None:
            await _drop_keyboard(bot, message)
        key = conversation_key(chat.id, chat.type, query.from_user.id)
        reply_to = asked_by.message_id if chat.type != PRIVATE and asked_by else None
        with showing(bot, chat.id):
            await self.core.handle_update(
                key, query.data, update.update_id, address_of(chat.id, reply_to), lane_of(chat.id)
            )
        await self.send_owed(bot, chat.id)
        log.info("answered a button press in a %s chat", chat.type)

    async def on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Say, in a private chat, that only text can be read (after what is owed there)."""
        chat = update.effective_chat
        if chat is None:
            return
        await self.send_owed(context.bot, chat.id)
        await context.bot.send_message(chat.id, TEXT_ONLY)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the failure with its details and tell the user something went wrong."""
        error = context.error
        if isinstance(error, TurnNotStarted):  # stopping: the update runs at the next start
            return
        if isinstance(error, Forbidden):
            log.info("Telegram refused a message (%s): the user blocked the bot or left", error)
            return
        update_id = update.update_id if isinstance(update, Update) else None
        log.error(
            "could not handle update %s: %s: %s",
            update_id,
            type(error).__name__,
            error,
            exc_info=error,
        )
        if not isinstance(update, Update) or update.effective_chat is None:
            return
        chat_id = update.effective_chat.id
        try:
            await self.send_owed(context.bot, chat_id)
            await context.bot.send_message(chat_id, SORRY)
        except TelegramError as failure:
            log.warning("could not tell the chat about the error either (%s)", failure)

    async def send_owed(self, bot: ExtBot, chat_id: int) -> None:
        """Send what is owed in the chat (the caller holds its lane); failures stay owed."""
        with contextlib.suppress(SendFailed):
            await self.delivery.send_owed(bot, lane_of(chat_id))

    def _remember(self, pressed: tuple[int, int]) -> None:
        self._pressed[pressed] = None
        while len(self._pressed) > PRESSED_MEMORY:
            self._pressed.popitem(last=False)


@contextlib.contextmanager
def showing(bot: ExtBot, chat_id: int, action: str = ChatAction.TYPING) -> Iterator[None]:
    """Show "typing…" (or ``action``) from a task of its own while the block runs; the
    block never waits for it, and it ends with the block."""
    task = asyncio.get_running_loop().create_task(_keep_showing(bot, chat_id, action))
    try:
        yield
    finally:
        task.cancel()


async def _keep_showing(bot: ExtBot, chat_id: int, action: str) -> None:
    await asyncio.sleep(TYPING_DELAY_SECONDS)
    while True:
        try:
            await bot.send_chat_action(chat_id, action)
        except TelegramError as error:
            log.debug("chat action failed (%s)", error)
        await asyncio.sleep(TYPING_REFRESH_SECONDS)


async def _answer(query: Any, text: str | None = None) -> None:
    try:
        await query.answer(text)
    except TelegramError as error:  # e.g. the press is older than Telegram's 15 seconds
        log.info("could not answer a button press (%s)", error)


async def _drop_keyboard(bot: ExtBot, message: Message) -> None:
    """Remove the pressed keyboard; "not modified" means it is already gone."""
    try:
        await bot.edit_message_reply_markup(message.chat.id, message.message_id)
    except TelegramError as error:
        if "not modified" not in str(error).lower():
            log.info("could not remove a keyboard (%s)", error)


def _from_bot(message: Message | None, bot_id: int) -> bool:
    return bool(message and message.from_user and message.from_user.id == bot_id)


def _asked_by(message: Any) -> Message | None:
    """The user's message a bot message answered (groups reply to it), if known."""
    if isinstance(message, Message):
        return message.reply_to_message
    return None
