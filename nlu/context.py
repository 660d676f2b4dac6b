"""Where a phrase sits: its sentence, its clause, and what the words before it do to it.

These helpers answer the questions every extractor asks about a match: is it in a
question, under an "if", after a "not", or in a sentence that corrects an earlier fact?
They work on character offsets of the normalised text, so they are cheap and pure.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from nlu.data import compile_any, load
from nlu.matching import FastRegex, LiteralFinder, PatternSet

# Curly quotes and odd spaces become plain ones, one character for one, so offsets into
# the normalised text are offsets into the original.
_NORMALISE = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2009": " "}
)
# Words that end with a full stop without ending the sentence ("the max. pre-tax").
_ABBREVIATIONS = frozenset(
    {
        "max",
        "min",
        "approx",
        "est",
        "etc",
        "vs",
        "e.g",
        "i.e",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "inc",
        "co",
        "corp",
        "u.s",
        "sec",
        "fig",
        "p",
        "pp",
    }
)
# (the two alternatives starting with spaces share them: fewer tries per space)
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*\s+|\n\s*|\s+(?:(?=[•▪●])|-{1,2}\s+(?=[A-Z]))")
# The same without the bullet-or-dash alternative, opening with one character class so
# that ``re`` skips to the next ".", "!", "?" or line break in C (a pattern opening with
# alternatives is tried at every character). Equal to _SENTENCE_END on a text where no
# space is followed by a bullet or a dash, as that alternative needs one.
_SENTENCE_END_PLAIN = re.compile(r"[.!?\n](?:(?<=\n)\s*|(?<=[.!?])[.!?]*[\"')\]]*\s+)")
_SPACE_BEFORE_BULLET_OR_DASH = re.compile(r"\s[-•▪●]")
# The word a full stop ends ("max." in "the max. pre-tax"), searched up to the stop.
_WORD_BEFORE_STOP = re.compile(r"([\w.]+)\.$")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\bbut\b|\bhowever\b|\bso\b|\band\b", re.IGNORECASE)


_REPLACEMENTS = tuple((chr(odd), plain) for odd, plain in _NORMALISE.items())


def normalise(text: str) -> str:
    """The text with curly quotes straightened; always the same length as the input."""
    # str.translate looks up every character in Python; replace() runs in C
    if text.isascii():
        return text
    for odd, plain in _REPLACEMENTS:
        if odd in text:
            text = text.replace(odd, plain)
    return text


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start (0 first), forum-text tolerant.

    Splits on ``.``/``!``/``?`` followed by space, on line breaks and on bullets; not
    after abbreviations such as "max." or "Nov.", so "the max. pre-tax amount" stays one
    sentence.
    """
    starts = [0]
    ends = _SENTENCE_END if _SPACE_BEFORE_BULLET_OR_DASH.search(text) else _SENTENCE_END_PLAIN
    for m in ends.finditer(text):
        end = m.end()
        if end >= len(text):
            break
        chunk = m.group()
        if chunk.startswith(".") and "\n" not in chunk:
            word = _WORD_BEFORE_STOP.search(text, max(0, m.start() - 12), m.start() + 1)
            if word and word.group(1).lower() in _ABBREVIATIONS:
                continue
            if text[end].islower():
                continue
        if end > starts[-1]:
            starts.append(end)
    return starts


class Sentences:
    """Sentence bounds of one text, looked up by character offset."""

    def __init__(self, text: str, starts: Sequence[int], original: str | None = None) -> None:
        self.text = text
        self.original = text if original is None else original  # before normalising
        self.finder = LiteralFinder(text)  # shared literal look-ups for FastRegex
        self.lower = self.finder.lower
        self.starts = list(starts) or [0]
        self._hypothetical: list[int] | None = None

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding character ``pos``."""
        i = max(0, bisect.bisect_right(self.starts, pos) - 1)
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def sentence(self, pos: int) -> str:
        start, end = self.bounds(pos)
        return self.text[start:end]

    def before(self, pos: int) -> str:
        """The part of the sentence before ``pos``."""
        return self.text[self.bounds(pos)[0] : pos]

    def clause_before(self, pos: int) -> str:
        """The part of the clause before ``pos`` (back to the last comma, "and", "but")."""
        before = self.before(pos)
        breaks = list(_CLAUSE_BREAK.finditer(before))
        return before[breaks[-1].end() :] if breaks else before

    @property
    def hypothetical_starts(self) -> list[int]:
        """Offsets of "what if" / "suppose" cues (found once per text)."""
        if self._hypothetical is None:
            found = language_patterns("hypothetical").scan(self.text, self.finder)
            self._hypothetical = sorted(m.start() for _name, m in found)
        return self._hypothetical

    def is_question(self, pos: int) -> bool:
        """True when the sentence holding ``pos`` asks something."""
        sentence = self.sentence(pos)
        return "?" in sentence or bool(_QUESTION_START.match(sentence))

    def is_conditional(self, pos: int) -> bool:
        """True when an "if"/"whether" governs ``pos`` in its sentence."""
        return bool(_conditional().search(self.before(pos)))

    def is_negated(self, pos: int, *, reach_words: int = 5) -> bool:
        """True when a negation comes just before ``pos`` in its clause, within
        ``reach_words`` words: "I don't want to pay tax", not "I don't know; can I pay tax"."""
        words = self.clause_before(pos).split()[-reach_words:]
        return bool(_negation().search(" ".join(words)))


# ("Did an in-plan conversion in January." is a terse statement: no subject after "did")
_QUESTION_START = re.compile(
    r"\s*(?:can|could|should|would|will|do|does|did(?!\s+(?:a|an)\b)|is|are|am|how|what|"
    r"when|where|why|which|who|may|must|shall)\b",
    re.IGNORECASE,
)


@cache
def _negation() -> re.Pattern[str]:
    return re.compile(load("language")["negation"], re.IGNORECASE)


@cache
def _conditional() -> re.Pattern[str]:
    return re.compile(load("language")["conditional"], re.IGNORECASE)


@cache
def language_patterns(name: str) -> PatternSet[str]:
    """A list from language.yaml as a literal-indexed PatternSet (for whole texts)."""
    return PatternSet((name, FastRegex(p)) for p in load("language")[name])


@cache
def language_regex(name: str) -> re.Pattern[str]:
    """A compiled list from language.yaml (hypothetical, correction, unsure, yes, no)."""
    return compile_any(list(load("language")[name]))
