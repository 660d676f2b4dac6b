"""Running a ``Matcher`` only where its patterns can match: the words they need.

spaCy's ``Matcher`` tries every pattern at every token and makes two Token objects for
every token it is given, most of its cost on a long text. A pattern that can only match
where certain words are (``needed_words``: the words of each token every match holds) is
put in a Matcher with the patterns that need the same words (a ``Gated``), run only on a
text holding one word of each such set, and then only on the token ranges within its
longest match of the places of the set that occurs least (``Gated.windows``). Used by the
answer catalogue (``nlu.asks``) and the implied facts (``nlu.implied``); each checks in
its tests that this finds what one plain Matcher over its patterns finds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy
from spacy.matcher import Matcher
from spacy.tokens import Doc

# The token attributes whose words ``needed_words`` reads by default: lower-cased words.
WORD_ATTRS = ("LOWER", "TEXT", "ORTH")


@dataclass(frozen=True, slots=True)
class Gated:
    """A ``Matcher`` whose patterns can match only in a text holding, for each set of
    ``needs``, one of its words (hashes): where one is missing it is not run. Where they
    are, it runs only around the words of the set that occurs least, when no match that
    counts is longer than ``longest`` tokens (None: no bound)."""

    needs: tuple[frozenset[int], ...]
    matcher: Matcher
    longest: int | None = None

    def may_match(self, words: AbstractSet[int]) -> bool:
        return all(not words.isdisjoint(choice) for choice in self.needs)

    def windows(self, places: Mapping[int, list[int]], length: int) -> list[tuple[int, int]]:
        """The token ranges every match lies in, given where each word occurs (``places``)
        in a text of ``length`` tokens: a match holds a word of each set of ``needs``,
        so it lies within ``longest`` tokens either side of a place of the set that
        occurs least (ranges that touch are joined)."""
        if self.longest is None:
            return [(0, length)]
        rarest = min(
            (
                sorted(i for word in choice if word in places for i in places[word])
                for choice in self.needs
            ),
            key=len,
        )
        ranges: list[tuple[int, int]] = []
        for place in rarest:
            start, end = max(0, place - self.longest + 1), min(length, place + self.longest)
            if ranges and start <= ranges[-1][1]:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
        return ranges


def places_of(*columns: numpy.ndarray) -> dict[int, list[int]]:
    """Word hash -> the token indexes where it occurs, over one or more attribute columns
    of a Doc (``doc.to_array(LOWER)``, ...)."""
    places: dict[int, list[int]] = {}
    for column in columns:
        for i, word in enumerate(column.tolist()):
            places.setdefault(word, []).append(i)
    return places


def gated_matches(
    gates: Iterable[Gated], doc: Doc, places: Mapping[int, list[int]]
) -> list[tuple[int, int, int]]:
    """(match id, start, end) of every gate's matches in ``doc``, as ``doc`` indexes, given
    where each word occurs (``places``, see ``places_of``)."""
    words = places.keys()
    found: list[tuple[int, int, int]] = []
    for gate in gates:
        if gate.may_match(words):
            for begin, end in gate.windows(places, len(doc)):
                found.extend(
                    (match_id, begin + start, begin + stop)
                    for match_id, start, stop in gate.matcher(doc[begin:end])
                )
    return found


def needed_words(pattern: list[dict], attrs: tuple[str, ...] = WORD_ATTRS) -> list[frozenset[str]]:
    """For each token every match of ``pattern`` holds (no "?", "*", "!" or "{0,m}") that
    names its words (LOWER, or TEXT/ORTH words without letter case, or any of ``attrs``
    beyond these, taken as written): those words, lower-cased. A text without one of
    each set cannot match, so its Matcher is not run there: spaCy's ``Matcher`` tries
    every pattern at every token, and most texts hold the words of under a third of
    them."""
    needed = []
    for token in pattern:
        op = token.get("OP")
        if op in ("?", "*", "!") or (op is not None and _least(op) == 0):
            continue
        words: list[str] | None = None
        for attr in attrs:
            value = token.get(attr)
            if isinstance(value, dict):
                value = value.get("IN")
            if value is None:
                continue
            listed = value if isinstance(value, list) else [value]
            if attr not in WORD_ATTRS:
                if all(isinstance(w, str) for w in listed):
                    words = list(listed)
                    break
                continue
            if all(
                isinstance(w, str) and (attr == "LOWER" or w == w.lower() == w.upper())
                for w in listed
            ):
                words = [w.lower() for w in listed]
                break
        if words:
            needed.append(frozenset(words))
    return needed


def longest_match(pattern: list[dict]) -> int | None:
    """The most tokens a match of ``pattern`` can span; None when unbounded ("*", "+",
    "{n,}")."""
    total = 0
    for token in pattern:
        op = token.get("OP")
        if op in ("*", "+"):
            return None
        if op is None or op in ("?", "!"):  # ("!" takes one token that does not match)
            total += 1
            continue
        repeats = op[1:-1].split(",")
        if not repeats[-1].strip():  # "{n,}"
            return None
        total += int(repeats[-1])
    return total


def _least(op: str) -> int:
    """The fewest times a token with operator ``op`` ("+", "{n}", "{n,m}", "{,m}") occurs."""
    if op == "+":
        return 1
    if op.startswith("{") and op.endswith("}"):
        low = op[1:-1].partition(",")[0].strip()
        return int(low) if low else 0
    return 1


def first_token_exact(pattern: list[dict], most: int | None = None) -> list[list[dict]]:
    """One pattern per word of a first-token word set ({"LOWER": {"IN": [...]}}, of at
    most ``most`` words when given), else the pattern: spaCy checks a set in Python at
    every token, an exact word in C, and a pattern's first token is tried at every token
    while later ones only where a match is under way (but each pattern is tried at every
    token, hence ``most``)."""
    first = pattern[0]
    value = first.get("LOWER")
    if len(first) != 1 or not isinstance(value, dict) or list(value) != ["IN"]:
        return [pattern]
    words = value["IN"]
    if (most is not None and len(words) > most) or not all(isinstance(w, str) for w in words):
        return [pattern]
    return [[{"LOWER": word}, *pattern[1:]] for word in words]
