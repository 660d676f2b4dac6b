"""Run many regular expressions over one text quickly: look up their words first.

The reader has a few hundred patterns (YAML in ``nlu/patterns/``). Python's ``re``
tries each pattern at every position of a text, which costs milliseconds per question.
Nearly every pattern starts with, or must contain, a literal word ("retire", "in-plan"),
so the text is indexed once - each word and where it starts, and which pattern words
each distinct word begins (remembered across texts) - and a pattern is tried only
where one of its leading words starts a word, and only if a word it requires occurs.
:class:`PatternSet` runs a table of patterns that way; :class:`FastRegex` does the same
for one pattern. Results equal a plain ``finditer``'s (a property test checks it for
every pattern).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from functools import cache
from importlib import resources
from itertools import accumulate
from pathlib import Path
from re import _constants, _parser  # type: ignore[attr-defined]  # stdlib parser (no stubs)
from typing import Any, Generic, TypeVar, cast

from nlu.data import FLAGS

T = TypeVar("T")

# The analyses of the patterns in nlu/patterns/ (see :func:`analysis`).
ANALYSIS_FILE = "patterns/analysed.json"
# Stands for "a run of digits starts here" among the literals a pattern may start with.
DIGITS = "\x00digits"
# (the look-behind comes after the digit so that ``re`` can skip to the next digit in C;
# a leading look-behind makes it try the pattern at every character)
_DIGIT_RUN = re.compile(r"\d(?<!\d\d)")
# A word: a run of letters and digits (its start is where a word-start pattern may match).
_WORD = re.compile(r"[^\W_]+")
_WORD_SPLIT = re.compile(r"([^\W_]+)")


def is_word_char(char: str) -> bool:
    """True for a character ``\\w`` matches (``re``: alphanumeric or underscore)."""
    return char.isalnum() or char == "_"


# For a first word: a regex matching the longest of its longer literals, and for each
# literal the ones it begins with.
_Longer = tuple[re.Pattern[str], dict[str, tuple[str, ...]]]


class WordVocabulary:
    """One fixed set of word literals, with what has been learnt per word about it.

    Never changed once built (only its per-word memory grows, from its own contents), so
    a text indexed with it stays consistent even while another thread registers new
    patterns: registering builds a new vocabulary instead.
    """

    # Remembered words; the memory is cleared when it grows past this.
    MAX_WORDS = 200_000

    def __init__(self, literals: frozenset[str]) -> None:
        self.literals = literals
        self._prefixes = frozenset(lit for lit in literals if _first_word(lit) == lit)
        by_first: dict[str, list[str]] = {}
        for lit in sorted(literals - self._prefixes):
            by_first.setdefault(_first_word(lit), []).append(lit)
        self._by_first_word = {first: tuple(lits) for first, lits in by_first.items()}
        self._lengths = tuple(sorted({len(lit) for lit in self._prefixes}))
        self.memory: dict[str, tuple[tuple[str, ...], _Longer | None]] = {}

    def learn(self, word: str) -> tuple[tuple[str, ...], _Longer | None]:
        """(the all-word literals ``word`` starts with, the table of the longer literals
        it is the first word of), remembered per word."""
        found = self.memory.get(word)
        if found is None:
            prefixes = self._prefixes
            starts = tuple(
                word[:n] for n in self._lengths if n <= len(word) and word[:n] in prefixes
            )
            found = (starts, self._longer(word))
            if len(self.memory) >= self.MAX_WORDS:
                self.memory.clear()
            self.memory[word] = found
        return found

    def _longer(self, first: str) -> _Longer | None:
        """For a first word: a regex matching the longest of its longer literals at a
        position, and for each literal, every one of them it begins with (itself too)."""
        literals = self._by_first_word.get(first)
        if not literals:
            return None
        return _longer_table(literals)


@cache
def _longer_table(literals: tuple[str, ...]) -> _Longer:
    """``WordVocabulary._longer`` of one first word's longer literals (sorted), kept per
    set of literals: the vocabulary is built afresh each time a table registers new
    literals (several times while the pipeline is built and warmed up), and each first
    word's table was worked out again for every text after that (a tenth of a cold
    start); most first words keep the same literals. (Bounded: the literals of the
    patterns the process compiles, a few hundred first words.)"""
    closure = {lit: tuple(other for other in literals if lit.startswith(other)) for lit in literals}
    return re.compile(_trie_pattern(literals)), closure


class _WordLiterals:
    """Every literal some pattern looks for at the start of a word.

    A literal is either all word characters ("retire": a prefix of the word that starts
    there) or longer than its first word ("after-tax": that word must be "after", and
    the rest is checked in the text). Patterns register their literals when compiled;
    the :class:`WordVocabulary` over them is built when first read after a registration
    (building one per registration made the pipeline's start take seconds), under a
    lock, and readers take it once per text.
    """

    def __init__(self) -> None:
        # (only ever grows, under the lock: a set, not a new frozenset per registration,
        # which copied the set 650 times while the pipeline was built)
        self._literals: set[str] = set()
        self._vocabulary: WordVocabulary | None = WordVocabulary(frozenset())
        self._lock = threading.Lock()

    @property
    def literals(self) -> AbstractSet[str]:
        """The literals registered so far (read-only)."""
        return self._literals

    @property
    def vocabulary(self) -> WordVocabulary:
        vocabulary = self._vocabulary
        if vocabulary is None:
            with self._lock:
                vocabulary = self._vocabulary
                if vocabulary is None:
                    vocabulary = self._vocabulary = WordVocabulary(frozenset(self._literals))
        return vocabulary

    def add(self, literals: Iterable[str]) -> None:
        with self._lock:
            known = self._literals
            new = {lit for lit in literals if lit not in known and _first_word(lit)}
            if new:
                known.update(new)
                self._vocabulary = None

    def forget_words(self) -> None:
        """Drop what was remembered per word (benchmarks use it to measure a cold start)."""
        with self._lock:
            self._vocabulary = WordVocabulary(frozenset(self._literals))


def is_longer_literal(literal: str) -> bool:
    """True for a literal that goes on past its first word ("after-tax", "i need")."""
    first = _first_word(literal)
    return bool(first) and first != literal


def _trie_pattern(literals: Iterable[str]) -> str:
    """A regex matching the longest of ``literals`` that starts where it is tried."""
    trie: dict[str, Any] = {}
    for literal in literals:
        node = trie
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


@cache
def _first_word(literal: str) -> str:
    """The run of word characters a literal starts with ("" if it starts otherwise); kept
    per literal (each vocabulary built asks it of every literal again)."""
    m = _WORD.match(literal)
    return m.group() if m else ""


WORD_LITERALS = _WordLiterals()


class LiteralFinder:
    """Where literal strings occur in one text (lower-cased), found once and remembered.

    Shared by all patterns run over the same text, so a word such as "after" is searched
    for once per text however many patterns start with it.
    """

    __slots__ = (
        "_begun",
        "_by_prefix",
        "_indexed",
        "_literal_positions",
        "_longer_found",
        "_positions",
        "_present",
        "_starts",
        "_word_positions",
        "_words",
        "lower",
        "text",
    )

    def __init__(self, text: str, *, lower: bool = True) -> None:
        self.text = text
        self.lower = lower_same_length(text) if lower else text
        self._positions: dict[str, list[int]] = {}
        self._present: dict[str, bool] = {}
        self._starts: dict[tuple[tuple[str, ...], bool], list[int]] = {}
        self._by_prefix: dict[str, list[int]] | None = None
        self._word_positions: dict[str, list[int]] = {}
        self._words: dict[str, list[int]] | None = None
        self._begun: dict[str, list[str]] = {}
        self._literal_positions: dict[str, list[int]] = {}
        self._longer_found: dict[str, list[int]] = {}
        self._indexed: WordVocabulary | None = None

    def _word_tables(self) -> tuple[dict[str, list[int]], dict[str, list[str]]]:
        """(word -> where it starts, all-word literal -> the distinct words it begins)."""
        if self._words is None:
            words: dict[str, list[int]] = {}
            # split() hands back words and the gaps between them without a Match object
            # per word; a word starts where the parts before it end
            parts = _WORD_SPLIT.split(self.lower)
            ends = list(accumulate(map(len, parts)))
            for word, at in zip(parts[1::2], ends[0::2], strict=False):
                if word in words:
                    words[word].append(at)
                else:
                    words[word] = [at]
            self._words = words
        vocabulary = WORD_LITERALS.vocabulary  # one snapshot for the whole text
        if self._indexed is not vocabulary:  # (re)built when patterns were added
            begun: dict[str, list[str]] = {}
            # longer literals: one regex try per occurrence of their first word
            positions: dict[str, list[int]] = {}
            lower = self.lower
            memory = vocabulary.memory
            learn = vocabulary.learn
            for word, starts in self._words.items():
                prefixes, table = memory.get(word) or learn(word)
                for literal in prefixes:
                    if literal in begun:
                        begun[literal].append(word)
                    else:
                        begun[literal] = [word]
                if table is None:
                    continue
                regex, closure = table
                for at in starts:
                    m = regex.match(lower, at)
                    if m:
                        for literal in closure[m.group()]:
                            positions.setdefault(literal, []).append(at)
            self._begun = begun
            self._literal_positions = dict(positions)
            self._longer_found = positions
            self._indexed = vocabulary
        return self._words, self._begun

    def literal_at_words(self, literal: str) -> list[int]:
        """Word starts where a registered word literal occurs (remembered)."""
        words, begun = self._word_tables()  # first: it may renew what is remembered
        found = self._literal_positions.get(literal)
        if found is None:
            in_words = begun.get(literal)
            if in_words is not None:
                if len(in_words) == 1:
                    found = words[in_words[0]]
                else:
                    found = sorted(at for word in in_words for at in words[word])
            else:
                found = []  # a longer literal: found with the tables, or absent
            self._literal_positions[literal] = found
        return found

    def _word_starts_by_prefix(self) -> dict[str, list[int]]:
        """Word-start offsets keyed by the word's first one and two characters."""
        if self._by_prefix is None:
            index: dict[str, list[int]] = {}
            for m in _WORD.finditer(self.lower):
                word, at = m.group(), m.start()
                index.setdefault(word[:1], []).append(at)
                if len(word) > 1:
                    index.setdefault(word[:2], []).append(at)
            self._by_prefix = index
        return self._by_prefix

    def word_positions(self, literal: str) -> list[int]:
        """Offsets where ``literal`` starts at the start of a word (remembered)."""
        found = self._word_positions.get(literal)
        if found is None:
            if literal in WORD_LITERALS.literals:
                return self.literal_at_words(literal)
            if literal == DIGITS:
                found = self.positions(DIGITS)
            else:
                index = self._by_prefix or self._word_starts_by_prefix()
                lower = self.lower
                found = [
                    at
                    for at in index.get(_prefix_key(literal), ())
                    if lower.startswith(literal, at)
                ]
            self._word_positions[literal] = found
        return found

    def any_present(self, literals: frozenset[str]) -> bool:
        """True when one of ``literals`` occurs in the text (each tested once per text)."""
        present = self._present
        for literal in literals:
            known = present.get(literal)
            if known is None:
                known = self.is_present(literal)
            if known:
                return True
        return False

    def is_present(self, literal: str) -> bool:
        """Whether ``literal`` occurs in the text: searched, then remembered."""
        if literal == DIGITS:
            known = _DIGIT_RUN.search(self.text) is not None
        else:
            known = literal in self.lower
        self._present[literal] = known
        return known

    def starts(self, literals: tuple[str, ...], *, words_only: bool) -> list[int]:
        """Sorted offsets where any of ``literals`` starts (only at word starts, if asked)."""
        key = (literals, words_only)
        found = self._starts.get(key)
        if found is None:
            merged: set[int] = set()
            for literal in literals:
                if words_only and literal[:1].isalnum():
                    merged.update(self.word_positions(literal))
                elif words_only:
                    lower = self.lower
                    merged.update(
                        at
                        for at in self.positions(literal)
                        if at == 0 or not is_word_char(lower[at - 1])
                    )
                else:
                    merged.update(self.positions(literal))
            found = self._starts[key] = sorted(merged)
        return found

    def positions(self, literal: str) -> list[int]:
        """Every offset where ``literal`` (lower case) starts in the text."""
        found = self._positions.get(literal)
        if found is None and literal == DIGITS:
            found = [m.start() for m in _DIGIT_RUN.finditer(self.text)]
            self._positions[literal] = found
        if found is None:
            found = []
            at = self.lower.find(literal)
            while at != -1:
                found.append(at)
                at = self.lower.find(literal, at + 1)
            self._positions[literal] = found
        return found


# The attributes of a compiled regex that ``LazyRegex`` hands on.
_PATTERN_ATTRS = (
    "findall",
    "finditer",
    "flags",
    "fullmatch",
    "groupindex",
    "groups",
    "match",
    "pattern",
    "scanner",
    "search",
    "split",
    "sub",
    "subn",
)


class LazyRegex:
    """``re.compile(pattern, flags)``, compiled when first used.

    A module's regexes are compiled when it is imported, and ``rothbot ask`` imports the
    reader's modules to read one text, which tries few of them (101 of 149 were never
    used on a first question; compiling them was about 30 ms of its start). On first use
    the compiled regex's methods and attributes are set on this object, so later calls
    cost what a compiled regex's do."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # (called only for an attribute not set yet: the first use)
        if name not in _PATTERN_ATTRS:
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attr in _PATTERN_ATTRS:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyRegex({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` for a module-level regex, compiled when first used
    (``LazyRegex``); typed as the compiled regex it stands for."""
    return cast(re.Pattern[str], LazyRegex(pattern, flags))


_IGNORECASE = int(re.IGNORECASE)


class FastRegex:
    """A compiled regex that is only tried where its literal words occur.

    Python's ``re`` tries a pattern such as ``\\b(?:retire|leave)...`` at every position
    of the text; with a few hundred patterns that costs milliseconds per question. Most
    patterns start with literal words, or contain words every match must include, so
    this looks those words up (``str.find`` on the lower-cased text, shared through a
    :class:`LiteralFinder`) and runs the regex only there: ``match`` where a leading word
    starts a word, or a search in a short window around a required word, whichever means
    fewer tries in this text. Patterns with neither (digits only, say) are scanned as
    usual. Results equal ``finditer``'s: leftmost, non-overlapping matches.
    """

    __slots__ = (
        "_compiled",
        "_flags",
        "_source",
        "ignorecase",
        "lead",
        "need",
        "trigger_set",
        "word_start",
    )

    # How far a match may reach before or after its required word (characters).
    WINDOW = 160
    # A window search costs about this many match tries.
    WINDOW_COST = 12

    def __init__(
        self, pattern: str, flags: int = FLAGS, *, starts: Iterable[str] | None = None
    ) -> None:
        """``starts``: the literals every match starts with, when the caller knows better."""
        # (the flags as an int: an operation on ``re.RegexFlag`` goes through ``enum``, a
        # tenth of making the reader's 670 patterns)
        value = int(flags)
        self.ignorecase = bool(value & _IGNORECASE)
        # case-blind patterns run on the lower-cased text: matching without IGNORECASE is
        # several times faster in ``re``
        self._flags: int
        if self.ignorecase:
            self._source, self._flags = lowercase_pattern(pattern), value & ~_IGNORECASE
        else:
            self._source, self._flags = pattern, value
        self._compiled: re.Pattern[str] | None = None
        self.word_start, lead, need = analysis(pattern, flags, starts)
        self.lead = self._cased(lead)
        self.need = self._cased(need)
        self.trigger_set = frozenset(self.need or self.lead or ())
        if self.ignorecase and self.word_start and self.lead:
            WORD_LITERALS.add(lit for lit in self.lead if lit[:1].isalnum())

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled regex, compiled when first tried: most patterns of a table never
        are on one question, and compiling them all made the first reply slow."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return compiled

    @property
    def starts_at_words(self) -> bool:
        """True when every match starts a word with one of the indexed leading literals."""
        return (
            self.ignorecase
            and self.word_start
            and self.lead is not None
            and all(lit in WORD_LITERALS.literals for lit in self.lead)
        )

    def _cased(self, literals: set[str] | None) -> tuple[str, ...] | None:
        if not literals:
            return None
        if self.ignorecase:
            literals = {lit if lit == DIGITS else lit.lower() for lit in literals}
        return tuple(sorted(literals))

    @property
    def triggers(self) -> tuple[str, ...] | None:
        """The literals this pattern is looked up by (None: scanned everywhere)."""
        return self.need or self.lead

    def finditer(
        self, text: str, finder: LiteralFinder | None = None, *, checked: bool = False
    ) -> Iterator[re.Match[str]]:
        """Matches in ``text``; ``finder`` (over the same text) shares literal look-ups.

        ``checked`` says the caller already knows one of the literals occurs.
        """
        if self.lead is None and self.need is None:
            haystack = text if not self.ignorecase else (finder.lower if finder else None)
            yield from self.regex.finditer(haystack or lower_same_length(text))
            return
        if not self.ignorecase:  # exact case: rare words, a plain scan if present at all
            if any(literal in text for literal in self.trigger_set):
                yield from self.regex.finditer(text)
            return
        if finder is None:
            finder = LiteralFinder(text)
        elif not checked and not finder.any_present(self.trigger_set):
            return  # none of its words is in the text: it cannot match
        starts = None
        if self.lead is not None:
            starts = finder.starts(self.lead, words_only=self.word_start)
        if self.need is not None:
            needed = finder.starts(self.need, words_only=False)
            if starts is None or len(needed) * self.WINDOW_COST < len(starts):
                yield from self._search_around(finder.lower, needed)
                return
        yield from self._match_at(finder.lower, starts or [])

    def _match_at(self, text: str, positions: list[int]) -> Iterator[re.Match[str]]:
        taken_until = -1
        match = self.regex.match
        for at in positions:
            if at < taken_until:
                continue
            m = match(text, at)
            if m:
                yield m
                taken_until = max(m.end(), at + 1)

    def _search_around(self, text: str, positions: list[int]) -> Iterator[re.Match[str]]:
        windows: list[list[int]] = []
        for at in positions:
            start, end = max(0, at - self.WINDOW), min(len(text), at + self.WINDOW)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
        for start, end in windows:
            yield from self.regex.finditer(text, start, end)


Analysis = tuple[bool, set[str] | None, set[str] | None]


def analyse(pattern: str, flags: int, starts: Iterable[str] | None = None) -> Analysis:
    """(matches start a word, the literals every match starts with, literals every match
    contains), found by parsing the pattern with the stdlib's regex parser."""
    items = list(_parser.parse(pattern, flags))
    # a pattern opening with \b or (?<![\w...]) only matches where a word starts
    word_start = bool(items) and (
        items[0] == (_constants.AT, _constants.AT_BOUNDARY)
        or (items[0][0] is _constants.ASSERT_NOT and items[0][1][0] == -1)
    )
    lead = set(starts) if starts is not None else _spelled_out_start(items)
    need = None if starts is not None else _required_literals(items)
    if need and min(len(lit) for lit in need) < 3:
        need = None  # too short to narrow anything
    return word_start, lead, need


def _analysis_key(pattern: str, flags: int) -> str:
    return f"{int(flags)}:{pattern}"


@cache
def _analysed() -> dict[str, Analysis]:
    """The analyses written by ``python -m nlu.matching`` (ANALYSIS_FILE): parsing every
    pattern took most of a second at start-up. A pattern missing from the file (or a
    missing file) is parsed when compiled; a test checks that every entry is right."""
    try:
        raw = json.loads(resources.files("nlu").joinpath(ANALYSIS_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {
        key: (bool(word), set(lead) if lead is not None else None, set(need) if need else None)
        for key, (word, lead, need) in raw.items()
    }


def analysis(pattern: str, flags: int, starts: Iterable[str] | None = None) -> Analysis:
    """:func:`analyse`, read from the shipped file when it holds the pattern."""
    if starts is None:
        ASKED.add((pattern, flags))
        known = _analysed().get(_analysis_key(pattern, flags))
        if known is not None:
            return known
    return analyse(pattern, flags, starts)


# Every (pattern, flags) analysed in this process (what ``python -m nlu.matching`` writes).
ASKED: set[tuple[str, int]] = set()


def write_analyses(patterns: Iterable[tuple[str, int]]) -> int:
    """Write the analyses of ``patterns`` to ANALYSIS_FILE; the number written."""
    out = {}
    for pattern, flags in patterns:
        word, lead, need = analyse(pattern, flags)
        out[_analysis_key(pattern, flags)] = [
            word,
            sorted(lead) if lead is not None else None,
            sorted(need) if need is not None else None,
        ]
    path = Path(str(resources.files("nlu").joinpath(ANALYSIS_FILE)))
    path.write_text(json.dumps(out, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    return len(out)


# A backslash and the character it escapes (pairs taken from the left: "\\\\" is one).
_ESCAPED = re.compile(r"(\\.)", re.DOTALL)


def lowercase_pattern(pattern: str) -> str:
    """``pattern`` with its literal letters lower-cased; escapes such as ``\\W`` kept.
    (Each character lower-cased on its own, as ``str.lower`` does an ASCII run; a
    character loop over the reader's 660 patterns was a twentieth of a cold start.)"""
    parts = _ESCAPED.split(pattern)
    parts[0::2] = [
        part.lower() if part.isascii() else "".join(char.lower() for char in part)
        for part in parts[0::2]
    ]
    return "".join(parts).replace("(?p<", "(?P<").replace("(?p=", "(?P=")


def _prefix_key(literal: str) -> str:
    """The word-start index key for a literal: its first two characters if both are part
    of the word ("re" for "retire"), else its first ("i" for "i'm")."""
    two = literal[:2]
    return two if two.isalnum() else literal[:1]


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping characters whose lower case is longer (so offsets hold)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_ZERO_WIDTH = {_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT}
_REPEATS = {_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT}


# How many spelled-out starts a pattern may have before we settle for shorter ones.
MAX_STARTS = 64
# Spelling out stops once every start is this long: long enough to be rare.
ENOUGH_START = 5


def _spelled_out_start(items: list[Any]) -> set[str] | None:
    """Like :func:`_leading_literals`, but spells out a start made of small exact parts
    in full: ``\\b(?:i|we) (?:need|have) to`` starts with "i need", "we have" and so on
    rather than "i" or "we", which occur in nearly every text."""
    starts = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # takes no characters: the start is the same string
        exact = _exact_strings(op, av)
        if exact is None or len(starts) * len(exact) > MAX_STARTS:
            break
        starts = {start + e for start in starts for e in exact}
        if min(map(len, starts)) >= ENOUGH_START:
            break
    shortest = min(map(len, starts))
    if shortest >= 3 and all(s[:1].isalnum() for s in starts):
        return starts
    return _leading_literals(items)


def _exact_strings(op: Any, av: Any) -> set[str] | None:
    """Every string a small item matches, when it only matches a few exact strings."""
    options = _options(op, av)
    if options is not None:
        return set(options)
    if op is _constants.SUBPATTERN:
        found = {""}
        for sub_op, sub_av in av[-1]:
            if sub_op in _ZERO_WIDTH:
                continue
            exact = _exact_strings(sub_op, sub_av)
            if exact is None or len(found) * len(exact) > MAX_STARTS:
                return None
            found = {f + e for f in found for e in exact}
        return found
    if op is _constants.BRANCH:
        found = set()
        for branch in av[1]:
            exact = _exact_strings(_constants.SUBPATTERN, (None, 0, 0, branch))
            if exact is None:
                return None
            found |= exact
        return found if len(found) <= MAX_STARTS else None
    if op in _REPEATS and av[0] == 0 and av[1] == 1:
        inner = _exact_strings(_constants.SUBPATTERN, (None, 0, 0, av[2]))
        return {"", *inner} if inner is not None else None
    return None


def _leading_literals(items: list[Any]) -> set[str] | None:
    """Literal strings one of which every match must start with, or None if unknown."""
    i = 0
    while i < len(items) and items[i][0] in _ZERO_WIDTH:
        i += 1
    if i == len(items):
        return None
    op, av = items[i]
    if op is _constants.LITERAL:
        prefix = ""
        while i < len(items) and items[i][0] is _constants.LITERAL:
            prefix += chr(items[i][1])
            i += 1
        if len(prefix) < 3 and i < len(items):
            following = _leading_literals(items[i:])
            if following and DIGITS not in following:
                return {prefix + tail for tail in following}
        return {prefix}
    if op is _constants.SUBPATTERN:
        return _leading_literals(list(av[-1]))
    if op is _constants.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            sub = _leading_literals(list(branch))
            if not sub:
                return None
            found |= sub
        return found
    if op in _REPEATS:
        inner = _leading_literals(list(av[2]))
        if av[0] >= 1 or not inner:
            return inner
        rest = _leading_literals(items[i + 1 :])  # optional start: it, or what follows
        return inner | rest if rest else None
    if op is _constants.IN and av == [(_constants.CATEGORY, _constants.CATEGORY_DIGIT)]:
        return {DIGITS}
    return None


def _options(op: Any, av: Any) -> list[str] | None:
    """The few strings a small item can match: "x", "[- ]", "-?"; None if not small."""
    if op is _constants.LITERAL:
        return [chr(av)]
    if op is _constants.IN and 0 < len(av) <= 3 and all(o is _constants.LITERAL for o, _ in av):
        return [chr(c) for _, c in av]
    if op in _REPEATS and av[0] == 0 and av[1] == 1 and len(av[2]) == 1:
        inner = _options(*next(iter(av[2])))
        return ["", *inner] if inner else None
    return None


def _required_literals(items: list[Any]) -> set[str] | None:
    """The most selective set of literals one of which every match must contain.

    Runs of literal characters are joined, small variations spelled out ("after[- ]?tax"
    gives "after-tax", "after tax", "aftertax"), groups and alternations searched.
    """
    best: set[str] | None = None

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and all(candidate):
            score = (min(map(len, candidate)), -len(candidate))
            if best is None or score > (min(map(len, best)), -len(best)):
                best = candidate

    runs: set[str] = {""}
    for op, av in items:
        options = _options(op, av)
        if options is not None and len(runs) * len(options) <= 16:
            runs = {run + option for run in runs for option in options}
            continue
        consider(runs if all(runs) else None)
        runs = {""}
        if op is _constants.SUBPATTERN:
            consider(_required_literals(list(av[-1])))
        elif op is _constants.BRANCH:
            branches = [_required_literals(list(b)) for b in av[1]]
            if all(branches):
                consider(set().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            consider(_required_literals(list(av[2])))
    consider(runs if all(runs) else None)
    return best


class PatternSet(Generic[T]):
    """Many FastRegex patterns, each with a payload, run over a text together.

    Most patterns start a word with one of a few literal words: those are tried only at
    the word starts where one of their words begins
    (:meth:`LiteralFinder.literal_at_words`), and only if a word they require occurs
    at all. The rest
    go through an index from literal to patterns, so a text is searched once per
    distinct literal, and only patterns whose literals occur are run.
    """

    def __init__(self, items: Iterable[tuple[T, FastRegex]]) -> None:
        self.items = list(items)
        by_literal: dict[str, list[int]] = {}
        by_word: dict[str, list[int]] = {}
        always: list[int] = []
        for i, (_payload, regex) in enumerate(self.items):
            if regex.starts_at_words:
                for literal in regex.lead or ():
                    by_word.setdefault(literal, []).append(i)
            elif regex.triggers is None or not regex.ignorecase:
                always.append(i)
            else:
                for literal in regex.triggers:
                    by_literal.setdefault(literal, []).append(i)
        self._always = tuple(always)
        self._by_word = {k: tuple(v) for k, v in by_word.items()}
        # all-word literals, and longer ones by their first word
        self._plain_literals = frozenset(k for k in by_word if not is_longer_literal(k))
        self._longer_literals = frozenset(k for k in by_word if is_longer_literal(k))
        self._by_literal = {k: tuple(v) for k, v in by_literal.items()}
        self._literals = tuple(self._by_literal)
        # what scan() needs of each word-start pattern, looked up once here
        self._word_patterns = [(regex.need, regex.trigger_set, regex) for _p, regex in self.items]

    # Up to this many starts, a pattern is tried without first looking for its needed
    # words (1.4 % fewer instructions per read than 0; 2 and 12 do less well).
    TRY_WITHOUT_NEED = 5

    def scan(self, text: str, finder: LiteralFinder) -> Iterator[tuple[T, re.Match[str]]]:
        """(payload, match) for every match of every pattern, pattern by pattern."""
        items = self.items
        found: list[tuple[int, re.Match[str]]] = []
        # patterns that start a word: tried where one of their literals starts a word
        words, begun = finder._word_tables()
        remembered = finder._literal_positions
        by_word = self._by_word
        # pattern -> where to try it; a pattern with several literals present gets their
        # offsets joined in a list of its own, sorted once below
        starts: dict[int, list[int]] = {}
        joined: set[int] = set()

        def add(literal: str, positions: list[int]) -> None:
            for i in by_word[literal]:
                known = starts.get(i)
                if known is None:
                    starts[i] = positions  # shared with the finder: never changed here
                elif i in joined:
                    known.extend(positions)
                else:
                    starts[i] = [*known, *positions]
                    joined.add(i)

        for literal in self._plain_literals.intersection(begun):
            positions = remembered.get(literal)
            if positions is None:
                in_words = begun[literal]
                if len(in_words) == 1:
                    positions = words[in_words[0]]
                else:
                    positions = sorted(at for word in in_words for at in words[word])
                remembered[literal] = positions
            add(literal, positions)
        longer = finder._longer_found
        for literal in self._longer_literals.intersection(longer):
            add(literal, longer[literal])
        for i in joined:
            starts[i] = sorted(set(starts[i]))
        lower = finder.lower
        present = finder._present
        word_patterns = self._word_patterns
        for i, positions in starts.items():
            need, triggers, regex = word_patterns[i]
            # a word every match needs is looked for (a search of the whole text) only
            # where the pattern has several starts: a few tries cost less (callgrind)
            if need is not None and len(positions) > self.TRY_WITHOUT_NEED:
                for literal in triggers:  # finder.any_present, inlined
                    known = present.get(literal)
                    if known is None:
                        known = finder.is_present(literal)
                    if known:
                        break
                else:
                    continue  # a word every match needs is missing
                if len(positions) > regex.WINDOW_COST:  # else trying each start is cheaper
                    needed = finder.starts(need, words_only=False)
                    if len(needed) * regex.WINDOW_COST < len(positions):
                        found.extend((i, m) for m in regex._search_around(lower, needed))
                        continue
            taken_until = -1
            match = regex.regex.match
            for at in positions:
                if at >= taken_until and (m := match(lower, at)):
                    found.append((i, m))
                    end = m.end()
                    taken_until = end if end > at else at + 1
        # the others: by the literals they contain
        chosen = set(self._always)
        by_literal = self._by_literal
        for literal in self._literals:  # (each searched once per text, for all tables)
            known = present.get(literal)
            if known is None:
                known = finder.is_present(literal)
            if known:
                chosen.update(by_literal[literal])
        for i in chosen:
            found.extend((i, m) for m in items[i][1].finditer(text, finder, checked=True))
        found.sort(key=_first)  # stable: pattern by pattern, each in text order
        for i, m in found:
            yield items[i][0], m


def _first(pair: tuple[int, Any]) -> int:
    return pair[0]


def main() -> None:
    """Write ANALYSIS_FILE for every pattern the reader compiles on its usual questions."""
    # (this module may run as __main__: the reader fills the imported module's ASKED)
    from nlu import matching
    from nlu.pipeline import WARM_UP_TEXT
    from nlu.reader import read

    # (run from a checkout: the benchmark's synthetic questions touch nearly every table)
    samples = Path(__file__).parents[1] / "benchmarks" / "parse_texts.jsonl"
    texts = [json.loads(line)["text"] for line in samples.read_text("utf-8").splitlines()]
    for text in [WARM_UP_TEXT, *texts]:
        read(text)
        for key in ("age", "after_tax_total", "provider", "still_employed", "has_roth_ira"):
            read(text, expecting=key)
    print(f"{write_analyses(sorted(matching.ASKED))} patterns analysed into nlu/{ANALYSIS_FILE}")


if __name__ == "__main__":
    main()
