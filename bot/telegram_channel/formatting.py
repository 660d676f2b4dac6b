"""Turning a plain-text reply into Telegram messages, without importing ``telegram``.

The conversation core answers in plain text; Telegram shows at most 4096 characters per
message and, in HTML parse mode, rejects a reply whose ``<`` or ``&`` is not part of a tag
or an entity. So every chunk is escaped here, at the edge, and long replies are cut where
a reader would pause: between paragraphs, then between lines, then between words, and only
as a last resort in the middle of a word. These are pure functions so that the rules can
be checked with tables and properties rather than through a bot.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

MESSAGE_LIMIT = 4096
"""Telegram's limit for one text message, counted after entity parsing."""

CALLBACK_DATA_LIMIT = 64
"""Telegram's limit for ``callback_data``, in bytes of UTF-8."""

BUTTONS_PER_ROW = 2
LONG_LABEL = 20
"""A button label longer than this gets a row of its own, so it is not truncated."""

_SEPARATORS = ("\n\n", "\n", " ")


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji can count as two)."""
    return len(text.encode("utf-16-le")) // 2


def to_html(text: str) -> str:
    """Escape plain text for ``parse_mode=HTML``: only ``&``, ``<`` and ``>`` are special."""
    return html.escape(text, quote=False)


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Cut ``text`` into chunks of at most ``limit`` Telegram characters each.

    Paragraph breaks are preferred, then line breaks, then spaces; a single word longer
    than the limit is cut hard. The separator at a cut is dropped and chunks are
    stripped of surrounding whitespace, so no chunk is empty or only blank (Telegram
    rejects those). Text that fits is returned unchanged as one chunk.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if not text.strip():
        return []
    if telegram_length(text) <= limit:
        return [text]
    return [chunk for chunk in _split(text, limit, _SEPARATORS) if chunk]


def _split(text: str, limit: int, separators: Sequence[str]) -> list[str]:
    """Pack the pieces between the first separator greedily; recurse into big pieces."""
    text = text.strip()
    if telegram_length(text) <= limit:
        return [text]
    if not separators:
        return _hard_cut(text, limit)
    separator, finer = separators[0], separators[1:]
    chunks: list[str] = []
    current = ""
    for piece in text.split(separator):
        if not piece.strip():
            continue
        candidate = f"{current}{separator}{piece}" if current else piece
        if telegram_length(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current.strip())
        if telegram_length(piece) <= limit:
            current = piece
        else:
            *done, current = _split(piece, limit, finer)
            chunks.extend(done)
    if current.strip():
        chunks.append(current.strip())
    return chunks


def _hard_cut(text: str, limit: int) -> list[str]:
    """Cut between code points so that no chunk exceeds ``limit`` UTF-16 units."""
    chunks: list[str] = []
    start = width = 0
    for index, char in enumerate(text):
        char_width = 2 if ord(char) > 0xFFFF else 1
        if width + char_width > limit and index > start:
            chunks.append(text[start:index])
            start, width = index, 0
        width += char_width
    chunks.append(text[start:])
    return chunks


def button_rows(choices: Iterable[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Lay out ``(label, data)`` pairs as keyboard rows, dropping data Telegram would reject.

    Short labels sit two to a row; a long label gets its own row. A pair whose data is
    empty or over 64 bytes cannot be sent as a button at all, so it is left out rather
    than making Telegram refuse the whole reply.
    """
    rows: list[list[tuple[str, str]]] = []
    for label, data in choices:
        if not label or not valid_callback_data(data):
            continue
        button = (label, data)
        last = rows[-1] if rows else None
        fits = (
            last is not None
            and len(last) < BUTTONS_PER_ROW
            and len(label) <= LONG_LABEL
            and all(len(existing) <= LONG_LABEL for existing, _ in last)
        )
        if fits and last is not None:
            last.append(button)
        else:
            rows.append([button])
    return rows


def valid_callback_data(data: str) -> bool:
    """True when ``data`` is 1-64 bytes of UTF-8, as the Bot API requires."""
    return 0 < len(data.encode("utf-8")) <= CALLBACK_DATA_LIMIT
