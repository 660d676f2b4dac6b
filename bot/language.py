"""Which messages rothbot cannot read: other languages and other currencies.

The reader understands English only, and the engine knows US plans and US dollars.
Without this check "Ich habe 40.000 Euro nach Steuern" is read as a number the bot
could not place, and "€40,000 after tax" as forty thousand dollars. The check is
general: a message mostly in a non-Latin script, or one whose common words are mostly
another language's, is not English; a currency symbol, or a currency name next to a
number, is another currency. The word lists live in ``bot/data/language.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

from knowledge import yaml_files

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
NON_LATIN_SHARE = 0.5  # more of the letters than this in other scripts: not English


@cache
def _data() -> dict[str, Any]:
    return yaml_files.read(resources.files("bot").joinpath("data/language.yaml"))


@cache
def english_words() -> frozenset[str]:
    """English function words: the signal for English, and noise when comparing sentences."""
    return frozenset(str(w) for w in _data()["english"])


@cache
def _other_words() -> frozenset[str]:
    words = {str(w) for ws in _data()["other_languages"].values() for w in ws}
    return frozenset(words - english_words())


def _mostly_other_script(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2:
        return False
    other = sum(not unicodedata.name(ch, "").startswith("LATIN") for ch in letters)
    return other > NON_LATIN_SHARE * len(letters)


def not_english(text: str) -> bool:
    """True when the message is in another language (or mostly another script).

    Common words decide for Latin-script text: two or more of another language's
    words outnumbering the English ones, or any with no English word at all. A
    foreign greeting or name inside an English question does not tip it.
    """
    if _mostly_other_script(text):
        return True
    words = [w.replace("’", "'") for w in _WORD.findall(text.lower())]
    english = sum(w in english_words() for w in words)
    other = sum(w in _other_words() for w in words)
    return (other >= 2 and other > english) or (other >= 1 and english == 0)


@cache
def _currency_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    number = r"\d[\d.,\s]*(?:k|m|mm)?"
    patterns = []
    for name, marks in _data()["currencies"].items():
        symbols = [re.escape(m) for m in marks if not str(m).isalpha()]
        words = "|".join(re.escape(str(m)) for m in marks if str(m).isalpha())
        alternatives = list(symbols)
        if words:
            alternatives.append(rf"\b{number}\s*(?:{words})\b")
            alternatives.append(rf"\b(?:{words})\s*{number}")
        patterns.append((str(name), re.compile("|".join(alternatives), re.IGNORECASE)))
    return tuple(patterns)


def other_currencies(text: str) -> list[str]:
    """The other currencies the message states amounts in ("euros", "pounds"), in order."""
    return [name for name, pattern in _currency_patterns() if pattern.search(text)]
