"""Replies as Telegram messages: escaped for HTML, split under 4096, buttons Telegram accepts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.telegram_channel.formatting import (
    MESSAGE_LIMIT,
    button_rows,
    split_message,
    telegram_length,
    to_html,
    valid_callback_data,
)


@pytest.mark.parametrize(
    ("plain", "escaped"),
    [
        ("no markup at all", "no markup at all"),
        ("<b>not bold</b>", "&lt;b&gt;not bold&lt;/b&gt;"),
        ("AT&T & co", "AT&amp;T &amp; co"),
        ("already &amp; escaped", "already &amp;amp; escaped"),
        ('quotes "stay" as they are', 'quotes "stay" as they are'),
        ("401(k) < 59½ > 55", "401(k) &lt; 59½ &gt; 55"),
    ],
)
def test_every_special_character_is_escaped(plain: str, escaped: str) -> None:
    assert to_html(plain) == escaped


@pytest.mark.parametrize(
    ("text", "limit", "chunks"),
    [
        ("short", 4096, ["short"]),
        ("", 10, []),
        ("  \n\n ", 10, []),
        ("para one\n\npara two", 12, ["para one", "para two"]),
        ("aa\n\nbb\n\ncc", 6, ["aa\n\nbb", "cc"]),
        ("line one\nline two\n\nnext", 12, ["line one", "line two", "next"]),
        ("one two three four", 9, ["one two", "three", "four"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("x" * 5 + "\n\n" + "y" * 3, 5, ["xxxxx", "yyy"]),
    ],
    ids=[
        "fits",
        "empty",
        "blank",
        "paragraphs",
        "packs paragraphs greedily",
        "long paragraph falls back to lines",
        "long line falls back to words",
        "long word is cut hard",
        "paragraph exactly at the limit",
    ],
)
def test_split_prefers_paragraphs_then_lines_then_words(
    text: str, limit: int, chunks: list[str]
) -> None:
    assert split_message(text, limit) == chunks


def test_a_10000_character_reply_becomes_three_messages_cut_between_paragraphs() -> None:
    paragraphs = [f"Paragraph {n}: " + "word " * 60 for n in range(1, 34)]
    text = "\n\n".join(p.strip() for p in paragraphs)
    assert len(text) > 10_000

    chunks = split_message(text)

    assert len(chunks) == 3
    assert all(telegram_length(chunk) <= MESSAGE_LIMIT for chunk in chunks)
    assert "\n\n".join(chunks) == text  # cut only at paragraph breaks, nothing lost


def test_emoji_count_twice_as_telegram_counts_them() -> None:
    text = "🙂" * 3000  # 3000 code points, 6000 UTF-16 units
    chunks = split_message(text)
    assert [telegram_length(c) for c in chunks] == [4096, 1904]
    assert "".join(chunks) == text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", "word", " ", "\n", "\n\n", "🙂", "&", "<"])).map("".join),
    st.integers(min_value=2, max_value=50),  # an emoji takes two
)
def test_split_never_exceeds_the_limit_and_loses_only_whitespace(text: str, limit: int) -> None:
    chunks = split_message(text, limit)
    assert all(0 < telegram_length(chunk) <= limit for chunk in chunks)
    assert all(chunk.strip() for chunk in chunks)
    assert "".join("".join(chunks).split()) == "".join(text.split())


def test_split_rejects_a_limit_below_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        split_message("text", 0)


@pytest.mark.parametrize(
    ("choices", "rows"),
    [
        ([], []),
        ([("Yes", "yes"), ("No", "no")], [[("Yes", "yes"), ("No", "no")]]),
        (
            [("A", "a"), ("B", "b"), ("C", "c")],
            [[("A", "a"), ("B", "b")], [("C", "c")]],
        ),
        (
            [("Yes", "y"), ("Still working for the employer", "employed")],
            [[("Yes", "y")], [("Still working for the employer", "employed")]],
        ),
        ([("Too long", "x" * 65), ("Fine", "x" * 64)], [[("Fine", "x" * 64)]]),
        ([("Empty data", ""), ("", "no label")], []),
    ],
    ids=["none", "two short", "wrap at two", "long label alone", "over 64 bytes", "empty"],
)
def test_buttons_are_laid_out_and_invalid_ones_left_out(
    choices: list[tuple[str, str]], rows: list[list[tuple[str, str]]]
) -> None:
    assert button_rows(choices) == rows


@pytest.mark.parametrize(
    ("data", "valid"),
    [("yes", True), ("é" * 32, True), ("é" * 33, False), ("", False), ("x" * 64, True)],
)
def test_callback_data_is_measured_in_utf8_bytes(data: str, valid: bool) -> None:
    assert valid_callback_data(data) is valid
