"""Running a ``Matcher`` only where its patterns can match: the words they need.

spaCy's ``Matcher`` tries every pattern at every token it is given (about 60 ns a
pattern and a token, even for an exact word) and makes Token objects for every token,
so its cost is the patterns times the tokens. A pattern that can only match where
certain words are (``needed``: the words of each token every match holds, and how far
into a match each stands) is put in a Matcher with the patterns that need the same
words (a ``Gated``, built by ``Gates``), run only on a text holding one word of each
such set, and then only on the token ranges where a match holding the words of the set
that occurs least can lie (``Gated.windows``). Used by the answer catalogue
(``nlu.asks``), the implied facts (``nlu.implied``) and the amounts that moved
(``nlu.amount_uses``); each checks in its tests that this finds what one plain Matcher
over its patterns finds.

(One Matcher holding every gated pattern, run on the union of the windows, is 3-4 times
slower on the real questions than a Matcher per set of needed words: each pattern costs
at every token of every window, and most windows concern a few patterns.)
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter

import numpy
from spacy.attrs import LOWER
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import StringStore
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# The token attributes whose words ``needed_words`` reads by default: lower-cased words.
WORD_ATTRS = ("LOWER", "TEXT", "ORTH")


@dataclass(frozen=True, slots=True)
class Needed:
    """A token every match of a pattern holds, with one of ``words``, and how many tokens
    of the match come before it, at least ``after`` and at most ``within``, and after
    it, at most ``tail`` (None: any number)."""

    words: frozenset[str]
    after: int
    within: int | None
    tail: int | None


# Whether the builds deferred below wait for their first use (``build_on_demand``): off
# by default, so that a long-running process (the bots, the benchmarks) builds everything
# when it is made and no reply pays for a build; a process that reads one text
# (``rothbot ask``) turns it on and builds only what that text needs.
_on_demand = False


def build_on_demand(on: bool = True) -> bool:
    """Set whether Matchers and phrases made from now on are built when first needed
    (``DeferredMatcher``, ``FirstWordPhrases``); the setting it replaces."""
    global _on_demand
    previous, _on_demand = _on_demand, on
    return previous


def on_demand() -> bool:
    return _on_demand


class DeferredMatcher:
    """A ``Matcher`` of given patterns, built when first run (or measured) where builds
    wait for their first use (``build_on_demand``), else at once: most gates never run on
    a text (21 of the 359 on a first question), so a process that reads one text builds
    few of their Matchers (``rothbot ask``: about a tenth of its start went on Matchers it
    never ran). Built as ``Gates`` built them before: the same patterns, added in the
    same order, so the same matches."""

    __slots__ = ("_built", "_patterns", "_vocab")

    # (two threads' first runs build it once)
    _building = threading.Lock()

    def __init__(self, vocab: Vocab, patterns: list[tuple[str, list[list[dict]]]]) -> None:
        self._vocab = vocab
        self._patterns = patterns
        self._built: Matcher | None = None
        if not _on_demand:
            self.built()

    def built(self) -> Matcher:
        matcher = self._built
        if matcher is None:
            with self._building:
                matcher = self._built
                if matcher is None:
                    # (the patterns are checked against spaCy's schema by the tests of
                    # their users: checking them here costs a fifth of a build)
                    matcher = Matcher(self._vocab, validate=False)
                    for key, spelled in self._patterns:
                        matcher.add(key, spelled)
                    self._built = matcher
        return matcher

    @property
    def is_built(self) -> bool:
        return self._built is not None

    def __call__(self, doclike: Doc | Span) -> list[tuple[int, int, int]]:
        return self.built()(doclike)

    def __len__(self) -> int:
        return len(self.built())


class FirstWordPhrases:
    """A ``PhraseMatcher`` on lower-cased words, each of its word sequences added when a
    text first holds the sequence's first word, where builds wait for their first use
    (``build_on_demand``; else all at once): a sequence cannot match a text without it,
    so the matches are those of a PhraseMatcher holding every sequence (in another
    order). The answer catalogue's phrases are 22,800 sequences over 1,300 first words,
    and a question holds the first words of about 1,300 of them: adding them all was
    about a tenth of ``rothbot ask``'s start."""

    __slots__ = ("_lock", "_pending", "matcher", "on_demand", "vocab")

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.on_demand = _on_demand
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        # first word (hash) -> (key, the sequences of that key it begins), to be added
        self._pending: dict[int, list[tuple[str, Callable[[], list[tuple[str, ...]]]]]] = {}
        self._lock = threading.Lock()

    def add(
        self,
        key: str,
        first_words: Iterable[str],
        sequences: Callable[[], Sequence[tuple[str, ...]] | None],
    ) -> None:
        """Add ``key``'s word sequences (lower-cased words; none empty): ``sequences()``
        spells them all, each beginning with one of ``first_words``; it is called when a
        text first holds one of those (and once only)."""
        if not self.on_demand:
            add = self.vocab.strings.add
            spelled_now = sequences()
            if spelled_now:
                self.matcher.add(key, [[add(w) for w in words] for words in spelled_now])
            return
        spelled: list[Sequence[tuple[str, ...]]] = []

        def begun(first: str) -> list[tuple[str, ...]]:
            if not spelled:
                spelled.append(sequences() or ())
            return [words for words in spelled[0] if words[0] == first]

        add = self.vocab.strings.add
        for first in sorted(first_words):
            self._pending.setdefault(add(first), []).append((key, partial(begun, first)))

    def __call__(self, doc: Doc, places: Mapping[int, list[int]]) -> list[tuple[int, int, int]]:
        """(match id, start, end) of the sequences in ``doc``, given where its lower-cased
        words are (``lower_places``)."""
        pending = self._pending
        if not pending.keys().isdisjoint(places.keys()):
            with self._lock:  # (a word leaves ``pending`` once all its sequences are in)
                add = self.vocab.strings.add
                for word in pending.keys() & places.keys():
                    for key, begun in pending[word]:
                        # (as their words' LOWER hashes, the form PhraseMatcher keeps and
                        # takes back when unpickled: a Doc per phrase costs far more)
                        sequences = [[add(w) for w in words] for words in begun()]
                        if sequences:
                            self.matcher.add(key, sequences)
                    del pending[word]
        return self.matcher(doc)

    @property
    def waiting(self) -> int:
        """How many first words no text has held yet."""
        return len(self._pending)


@dataclass(frozen=True, slots=True)
class Gated:
    """A ``Matcher`` whose patterns can match only in a text holding, for each set of
    ``needs``, one of its words (hashes): where one is missing it is not run. Where they
    are, it runs only around the places of the set that gives the fewest tokens to run
    on: no match that counts is longer than ``longest`` tokens (None: no bound), and
    ``reach`` says, for each set of ``needs``, how many tokens before its word a match
    may start and after it end (None: any number; by default ``longest`` - 1 each)."""

    needs: tuple[frozenset[int], ...]
    matcher: Matcher | DeferredMatcher
    longest: int | None = None
    reach: tuple[tuple[int | None, int | None], ...] | None = None

    def may_match(self, words: AbstractSet[int]) -> bool:
        return all(not words.isdisjoint(choice) for choice in self.needs)

    def windows(self, places: Mapping[int, list[int]], length: int) -> list[tuple[int, int]]:
        """The token ranges every match lies in, given where each word occurs (``places``)
        in a text of ``length`` tokens: a match holds a word of each set of ``needs``, so
        it lies within ``reach`` of a place of every set: the ranges around the places of
        each set (those that touch joined), intersected, the set that gives the fewest
        tokens first. ("my ... Roth 401k": only where a "my" comes at most so many tokens
        before a "Roth"; around the rarer word alone the Matcher ran on a third more
        tokens of the real questions.)"""
        side = None if self.longest is None else self.longest - 1
        reach = self.reach or ((side, side),) * len(self.needs)
        if len(self.needs) == 1:
            back, ahead = reach[0]
            return around(_places(self.needs[0], places), back, ahead, length)
        # (the sets by an estimate of their tokens, places times width; the others' ranges
        # only near those kept so far)
        order = []
        for k, choice in enumerate(self.needs):
            back, ahead = reach[k]
            if back is None and ahead is None:
                continue  # (anywhere in the text: it narrows nothing)
            width = (length if back is None else back) + (length if ahead is None else ahead)
            at = _places(choice, places)
            order.append((len(at) * (width + 1), k, at))
        if not order:
            return [(0, length)] if length else []
        order.sort(key=itemgetter(0, 1))
        _size, k, at = order[0]
        ranges = around(at, *reach[k], length)
        for _size, k, at in order[1:]:
            if not ranges:
                break
            back, ahead = reach[k]
            # (a place further than its reach from every range kept adds nothing)
            first = 0 if ahead is None else bisect_left(at, ranges[0][0] - ahead)
            last = len(at) if back is None else bisect_right(at, ranges[-1][1] - 1 + back)
            ranges = _intersection(ranges, around(at[first:last], back, ahead, length))
        return ranges


def _places(choice: frozenset[int], places: Mapping[int, list[int]]) -> list[int]:
    """The places of the words of ``choice``, sorted (the places of one word over two
    columns, LOWER and NORM, are not: "'m" has the NORM "am")."""
    found = [places[word] for word in choice if word in places]
    if len(found) == 1:
        return sorted(found[0])
    return sorted(i for at in found for i in at)


def around(
    places: list[int], back: int | None, ahead: int | None, length: int
) -> list[tuple[int, int]]:
    """The token ranges within ``back`` tokens before and ``ahead`` after (None: any
    number) the sorted ``places``, those that touch joined."""
    back = length if back is None else back
    ahead = length if ahead is None else ahead + 1
    ranges: list[tuple[int, int]] = []
    high = -1
    for place in places:
        start = place - back
        if start < 0:
            start = 0
        end = place + ahead
        if end > length:
            end = length
        if start <= high:
            if end > high:
                high = end
                ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
            high = end
    return ranges


def _intersection(
    first: list[tuple[int, int]], second: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The token ranges in both lists of sorted, disjoint ranges (those that touch
    joined, so that a match across them is not cut)."""
    out: list[tuple[int, int]] = []
    i = j = 0
    high = -1
    while i < len(first) and j < len(second):
        a_low, a_high = first[i]
        b_low, b_high = second[j]
        low = a_low if a_low > b_low else b_low
        top = a_high if a_high < b_high else b_high
        if low < top:
            if low <= high:
                if top > high:
                    high = top
                    out[-1] = (out[-1][0], top)
            else:
                out.append((low, top))
                high = top
        if a_high < b_high:
            i += 1
        else:
            j += 1
    return out


class Gates:
    """Builds the ``Gated`` Matchers of a set of patterns: each pattern goes to the
    Matcher of the words it needs (``needed``, read from the attributes ``attrs``), in
    the spellings given (patterns that together match what it matches: exact first
    words, fixed-length gaps). ``longest``: no match longer counts (None: any)."""

    def __init__(
        self, vocab: Vocab, attrs: tuple[str, ...] = WORD_ATTRS, longest: int | None = None
    ) -> None:
        self.vocab = vocab
        self.attrs = attrs
        self.bound = longest
        # (the patterns of each Matcher, in order: built when first run, ``DeferredMatcher``)
        self.matchers: dict[tuple[frozenset[int], ...], list[tuple[str, list[list[dict]]]]] = {}
        self.longest: dict[tuple[frozenset[int], ...], int | None] = {}
        self.offsets: dict[
            tuple[frozenset[int], ...], list[tuple[int, int | None, int | None]]
        ] = {}

    def add_needing_words(self, key: str, pattern: list[dict], source: str) -> None:
        """``add`` for a pattern of a file whose patterns all run only where their words
        are: one that needs no word is an error in ``source`` (it would run on every text)."""
        if not self.add(key, pattern, [pattern]):
            raise ValueError(f"{source}: {key} needs no word")

    def add(self, key: str, pattern: list[dict], spelled: list[list[dict]]) -> bool:
        """Add ``spelled`` under ``key`` to the Matcher of the words ``pattern`` needs;
        False (nothing added) when it needs none: the caller runs it on every text."""
        tokens = needed(pattern, self.attrs)
        if not tokens:
            return False
        add = self.vocab.strings.add
        needs = tuple(frozenset(add(word) for word in n.words) for n in tokens)
        patterns = self.matchers.get(needs)
        if patterns is None:
            patterns = self.matchers[needs] = []
            self.longest[needs] = 0
            self.offsets[needs] = [(n.after, n.within, n.tail) for n in tokens]
        patterns.append((key, spelled))
        bound = longest_match(pattern)
        if self.bound is not None:  # (a longer match does not count)
            bound = min(bound or self.bound, self.bound)
        known = self.longest[needs]
        self.longest[needs] = None if bound is None or known is None else max(bound, known)
        self.offsets[needs] = [
            (min(after, n.after), _most(within, n.within), _most(tail, n.tail))
            for (after, within, tail), n in zip(self.offsets[needs], tokens, strict=True)
        ]
        return True

    def gates(self) -> tuple[Gated, ...]:
        return tuple(
            Gated(
                needs,
                DeferredMatcher(self.vocab, patterns),
                self.longest[needs],
                _reach(self.offsets[needs], self.longest[needs]),
            )
            for needs, patterns in self.matchers.items()
        )


def _reach(
    offsets: list[tuple[int, int | None, int | None]], longest: int | None
) -> tuple[tuple[int | None, int | None], ...]:
    """For each needed token (the fewest and the most tokens before it in a match, the
    most after it): how far before it a match may start and after it end, in a match of
    at most ``longest`` tokens (None: any)."""
    reach = []
    for after, within, tail in offsets:
        if longest is not None:
            within = longest - 1 if within is None else min(within, longest - 1)
            tail = longest - 1 - after if tail is None else min(tail, longest - 1 - after)
        reach.append((within, tail))
    return tuple(reach)


def _most(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else max(a, b)


def places_of(*columns: numpy.ndarray) -> dict[int, list[int]]:
    """Word hash -> the token indexes where it occurs, over one or more attribute columns
    of a Doc (``doc.to_array(LOWER)``, ...)."""
    places: dict[int, list[int]] = {}
    get = places.get
    for column in columns:
        for i, word in enumerate(column.tolist()):
            at = get(word)
            if at is None:
                places[word] = [i]
            else:
                at.append(i)
    return places


# Where a Doc keeps the places of its lower-cased words (``lower_places``).
_LOWER_PLACES = "rothbot_lower_places"


def lower_places(doc: Doc) -> dict[int, list[int]]:
    """``places_of(doc.to_array(LOWER))``, read once per Doc and kept on it: the answer
    catalogue and the amounts that moved both run their gates on them (treat as
    read-only)."""
    places = doc.user_data.get(_LOWER_PLACES)
    if places is None:
        places = doc.user_data[_LOWER_PLACES] = places_of(doc.to_array(LOWER))
    return places


# The most words whose one-token regex tests are kept (a word is a few hundred bytes).
MAX_KNOWN_WORDS = 50_000


@dataclass(frozen=True, slots=True)
class WordRegexes:
    """The patterns of one token that only tests its lower-cased word with a regex
    (``{LOWER: {REGEX: ...}}``, "401k", "403(b)", "roth-ira"): spaCy's ``Matcher`` runs
    such a test in Python at every token (0.3-0.5 ms a read for the answer catalogue's
    few); here each distinct word is tested once, and its answer kept (as spaCy does,
    ``re.search``). Used by the answer catalogue (``nlu.asks``) and the implied facts
    (``nlu.implied``: "60yo", "co-mingled" in spoken.yaml)."""

    tests: tuple[tuple[int, re.Pattern[str]], ...]  # (match id, regex)
    known: dict[int, tuple[int, ...]] = field(default_factory=dict)  # word -> match ids

    def matching(self, word: int, strings: StringStore) -> tuple[int, ...]:
        """The match ids of the patterns the word (a LOWER hash) matches."""
        ids = self.known.get(word)
        if ids is None:
            if len(self.known) >= MAX_KNOWN_WORDS:
                self.known.clear()
            text = strings[word]
            ids = self.known[word] = tuple(key for key, test in self.tests if test.search(text))
        return ids

    def found(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of the one-token matches in ``doc``, as a Matcher over
        these patterns gives them (in another order)."""
        strings = doc.vocab.strings
        return [
            (match_id, i, i + 1)
            for word, at in lower_places(doc).items()
            for match_id in self.matching(word, strings)
            for i in at
        ]


def word_regex(pattern: list[dict]) -> str | None:
    """The regex of a pattern that is one token testing its lower-cased word with one
    (``{LOWER: {REGEX: ...}}``, nothing else); None for any other."""
    if len(pattern) != 1 or list(pattern[0]) != ["LOWER"]:
        return None
    value = pattern[0]["LOWER"]
    if not isinstance(value, dict) or list(value) != ["REGEX"]:
        return None
    return value["REGEX"] if isinstance(value["REGEX"], str) else None


def gated_matches(
    gates: Iterable[Gated],
    doc: Doc,
    places: Mapping[int, list[int]],
    within: tuple[int, int] | None = None,
) -> list[tuple[int, int, int]]:
    """(match id, start, end) of every gate's matches in ``doc``, as ``doc`` indexes, given
    where each word occurs (``places``, see ``places_of``); only those inside the token
    range ``within`` when given (the caller needs no other)."""
    words = places.keys()
    low, high = within or (0, len(doc))
    found: list[tuple[int, int, int]] = []
    for gate in gates:
        if gate.may_match(words):
            for begin, end in gate.windows(places, len(doc)):
                begin, end = max(begin, low), min(end, high)
                if begin < end:
                    found.extend(
                        (match_id, begin + start, begin + stop)
                        for match_id, start, stop in gate.matcher(doc[begin:end])
                    )
    return found


def reach(pattern: list[dict], i: int) -> tuple[int | None, int | None]:
    """How many tokens of a match of ``pattern`` can come before its token ``i`` and
    after it (None: any number), for a token that every match holds once (no operator):
    a match lies within that reach of where that token is (``around``)."""
    repeats = [_repeats(token.get("OP"))[1] for token in pattern]
    return _total(repeats[:i]), _total(repeats[i + 1 :])


def needed(pattern: list[dict], attrs: tuple[str, ...] = WORD_ATTRS) -> list[Needed]:
    """For each token every match of ``pattern`` holds (no "?", "*", "!" or "{0,m}") that
    names its words (LOWER or TEXT/ORTH words, or any of ``attrs`` beyond these, taken as
    written): those words, lower-cased, and how many tokens of a
    match come before and after it. A text without one of each set cannot match, so its
    Matcher is not run there: spaCy's ``Matcher`` tries every pattern at every token, and
    most texts hold the words of under a third of them."""
    repeats = [_repeats(token.get("OP")) for token in pattern]
    found = []
    for i, token in enumerate(pattern):
        op = token.get("OP")
        least, times = repeats[i]
        # ("!": a token that does not match; its words are not needed)
        words = None if least == 0 or op == "!" else _words(token, attrs)
        if words:
            # (a repeated token: its word may be any of the repeats)
            extra = None if times is None else times - 1
            before = _total(most for _least, most in repeats[:i])
            after = _total(most for _least, most in repeats[i + 1 :])
            found.append(
                Needed(
                    frozenset(words),
                    sum(fewest for fewest, _most in repeats[:i]),
                    None if before is None or extra is None else before + extra,
                    None if after is None or extra is None else after + extra,
                )
            )
    return found


def _total(counts: Iterable[int | None]) -> int | None:
    """The sum of ``counts``; None when one is None (any number)."""
    total = 0
    for count in counts:
        if count is None:
            return None
        total += count
    return total


def needed_words(pattern: list[dict], attrs: tuple[str, ...] = WORD_ATTRS) -> list[frozenset[str]]:
    """The words of ``needed``: for each token every match holds, its words."""
    return [n.words for n in needed(pattern, attrs)]


def _words(token: dict, attrs: tuple[str, ...]) -> list[str] | None:
    for attr in attrs:
        value = token.get(attr)
        if isinstance(value, dict):
            value = value.get("IN")
        if value is None:
            continue
        listed = value if isinstance(value, list) else [value]
        if attr not in WORD_ATTRS:
            if all(isinstance(w, str) for w in listed):
                return list(listed)
            continue
        # (a token whose TEXT is "SIMPLE" has the LOWER "simple": spaCy lower-cases a
        # word with ``str.lower``, so a cased word is needed as its lower-cased one; the
        # gate is only a necessary condition, the Matcher still tests the case)
        if all(isinstance(w, str) for w in listed):
            return [w.lower() for w in listed]
    return None


def _repeats(op: str | None) -> tuple[int, int | None]:
    """How many times a token with operator ``op`` occurs: at least, at most (None: any).
    ("!" takes one token that does not match.)"""
    if op is None or op == "!":
        return 1, 1
    if op == "?":
        return 0, 1
    if op == "*":
        return 0, None
    if op == "+":
        return 1, None
    low, comma, high = op[1:-1].partition(",")
    least = int(low) if low.strip() else 0
    if not comma:
        return least, least
    return least, int(high) if high.strip() else None


def longest_match(pattern: list[dict]) -> int | None:
    """The most tokens a match of ``pattern`` can span; None when unbounded ("*", "+",
    "{n,}")."""
    total = 0
    for token in pattern:
        times = _repeats(token.get("OP"))[1]
        if times is None:
            return None
        total += times
    return total


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
