"""Where a phrase sits: its sentence, its clause, and what the words before it do to it.

These helpers answer the questions every extractor asks about a match: is it in a
question, under an "if", after a "not", or in a sentence that corrects an earlier fact?
They work on character offsets of the normalised text, so they are cheap and pure.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import cache

from nlu.data import compile_any, load
from nlu.matching import FastRegex, LiteralFinder, PatternSet, is_word_char, lowercase_pattern

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
# A sentence end: [.!?]+["')\]]*\s+ | \n\s* | \s+ before a bullet or before a dash and a
# capital, written with its first character first (a class) and the alternative picked
# by a look-behind at that character, so that ``re`` skips to the next candidate in C.
# A run of "?", "." or spaces is tried from its first character only: tried from each
# in turn, a long run took time growing with the square of its length, and every later
# start fails or matches just as the first does.
_SENTENCE_END = re.compile(
    r"[.!?\s](?:(?<=[.!?])(?<![.!?][.!?])[.!?]*[\"')\]]*\s+|(?<=\n)\s*"
    r"|(?<=\s)(?<!\s\s)\s*(?:(?=[•▪●])|-{1,2}\s+(?=[A-Z])))"
)
# The same without the bullet-or-dash alternative, opening with one character class so
# that ``re`` skips to the next ".", "!", "?" or line break in C (a pattern opening with
# alternatives is tried at every character). Equal to _SENTENCE_END on a text where no
# space is followed by a bullet or a dash, as that alternative needs one.
_SENTENCE_END_PLAIN = re.compile(
    r"[.!?\n](?:(?<=\n)\s*|(?<=[.!?])(?<![.!?][.!?])[.!?]*[\"')\]]*\s+)"
)
_SPACE_BEFORE_BULLET_OR_DASH = re.compile(r"\s[-•▪●]")
# The dash case of it, opening with a literal so that ``re`` skips to each "-" in C (a
# pattern opening with a character class is tried at every character).
_SPACE_BEFORE_DASH = re.compile(r"-(?<=\s-)")
_BULLETS = ("•", "▪", "●")
# The word a full stop ends ("max." in "the max. pre-tax"), searched up to the stop.
_WORD_BEFORE_STOP = re.compile(r"([\w.]+)\.$")
# Two notions of a clause, one built on the other. A comma clause (``Sentences.comma_clause``)
# is cut only at these marks: the accounts a list names, joined by "and", stay in the clause
# of its figure ("my rollover IRA and my 401k hold $40k pre-tax").
_COMMA_BREAKS = ",;"
# A clause (``Sentences.clause_start``) is cut there too, and at a colon, a parenthesis and
# the words that join clauses: what a negation or a holding verb governs ends at "and".
# (A short reply's clause, ``nlu.answers._CLAUSE_BREAK``, is a third: it says why it differs.)
_CLAUSE_BREAK = re.compile(
    rf"[{_COMMA_BREAKS}:()]|\bbut\b|\bhowever\b|\bso\b|\band\b", re.IGNORECASE
)
# The last clause break of a stretch of lower-cased text, found by backing up from its
# end: the greedy ``.*`` runs to the end and gives back one character at a time until a
# break matches (breaks never overlap, so the rightmost one to start is the last one
# ``_CLAUSE_BREAK.finditer`` gives). Each word opens with its letter, the look-behind
# after it, so that ``re`` rules a position out on its first character.
_LAST_CLAUSE_BREAK = re.compile(
    rf"(?s:.*)(?:[{_COMMA_BREAKS}:()]|b(?<!\wb)ut\b|h(?<!\wh)owever\b|s(?<!\ws)o\b|a(?<!\wa)nd\b)"
)
# The only characters on which a case-blind ``re`` match of ASCII letters differs from a
# match of the lower-cased letters in lower-cased text: "i" matches "İ" and "ı", "s"
# matches "ſ", but their lower case is not "i" or "s".
_CASE_ODD = ("\u0130", "\u0131", "\u017f")


def lowered(pattern: str, flags: int = re.IGNORECASE, *, in_place: bool = False) -> re.Pattern[str]:
    """A case-blind ``pattern`` compiled for lower-cased text (see :func:`lower_is_exact`).

    ``re`` matches several times faster without IGNORECASE, and a word that opens with
    ``\\b`` is written with its first letter first (``\\bplan`` as ``p(?<!\\wp)lan``, the
    same condition; ``\\b(?:no|not)`` as ``(?:n(?<!\\wn)o|n(?<!\\wn)ot)``) so that a
    position is ruled out on its first character. ``in_place``: the pattern will be
    searched from an offset of the whole text (``search(lower, start, end)``), where
    ``^`` and ``\\A`` would not match at ``start`` as they do in a slice: refused.
    """
    _check_lowerable(pattern, flags, in_place=in_place)
    return re.compile(_letter_first(lowercase_pattern(pattern)), flags & ~re.IGNORECASE)


def _check_lowerable(pattern: str, flags: int, *, in_place: bool) -> None:
    """Raise ValueError for a pattern :func:`lowered` cannot serve."""
    if not flags & re.IGNORECASE:
        raise ValueError(f"a case-sensitive pattern cannot run on lower-cased text: {pattern!r}")
    if any(not c.isascii() and c.lower() + c.upper() != c + c for c in pattern):
        # lower_is_exact only vouches for the ASCII letters
        raise ValueError(f"a pattern with non-ASCII letters cannot be lowered: {pattern!r}")
    if in_place and any(piece in ("^", "\\A") for _at, piece in _pieces(pattern)):
        raise ValueError(f"anchored pattern cannot be searched in place: {pattern!r}")


class CaseBlind:
    """A case-blind regex and its :func:`lowered` form, for windows of a text that are
    searched in the lower-cased text when :func:`lower_is_exact` (a slice of either).

    Each form is compiled when first used (most are never used on one question, and
    compiling them all made the first reply slow); a pattern :func:`lowered` refuses is
    refused here at once.
    """

    __slots__ = ("_flags", "_in_place", "_lower", "_original", "_pattern")

    def __init__(self, pattern: str, flags: int = re.IGNORECASE, *, in_place: bool = False):
        _check_lowerable(pattern, flags, in_place=in_place)
        self._pattern, self._flags, self._in_place = pattern, flags, in_place
        self._original: re.Pattern[str] | None = None
        self._lower: re.Pattern[str] | None = None

    @classmethod
    def compile(
        cls, pattern: str, flags: int = re.IGNORECASE, *, in_place: bool = False
    ) -> CaseBlind:
        """``in_place``: as for :func:`lowered`."""
        return cls(pattern, flags, in_place=in_place)

    @property
    def original(self) -> re.Pattern[str]:
        if self._original is None:
            self._original = re.compile(self._pattern, self._flags)
        return self._original

    @property
    def lower(self) -> re.Pattern[str]:
        if self._lower is None:
            self._lower = lowered(self._pattern, self._flags, in_place=self._in_place)
        return self._lower

    def on(self, lower: bool) -> re.Pattern[str]:
        """The form for the lower-cased text if ``lower``, else the original."""
        return self.lower if lower else self.original


_QUANTIFIERS = ("?", "*", "+", "{")


def _pieces(pattern: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """(offset, piece) for each piece of a regex from ``start``: an escape ("\\b"), a
    whole character class ("[^a-z]") or a single character."""
    i = start
    while i < len(pattern):
        if pattern[i] == "\\":
            end = i + 2
        elif pattern[i] == "[":
            end = i + 1
            end += pattern.startswith("^", end)
            end += pattern.startswith("]", end)  # a "]" first in a class is a plain "]"
            while end < len(pattern) and pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            end += 1
        else:
            end = i + 1
        yield i, pattern[i:end]
        i = end


def _letter_first(pattern: str) -> str:
    """``pattern`` with each ``\\b`` before a plain letter or digit moved after it, and a
    ``\\b`` before a non-capturing group taken into each of its alternatives."""
    out: list[str] = []
    pieces = list(_pieces(pattern))
    k = 0
    while k < len(pieces):
        piece = pieces[k][1]
        if piece == "\\b" and k + 1 < len(pieces):
            at, letter = pieces[k + 1]
            after = pieces[k + 2][1] if k + 2 < len(pieces) else ""
            if letter.isascii() and letter.isalnum() and after[:1] not in _QUANTIFIERS:
                out.append(f"{letter}(?<!\\w{letter})")
                k += 2
                continue
            if pattern.startswith("(?:", at):
                end = _group_end(pattern, at)
                if pattern[end + 1 : end + 2] not in _QUANTIFIERS:
                    # \b(?:x|y) is (?:\bx|\by)
                    alternatives = _alternatives(pattern[at + 3 : end])
                    out.append("(?:" + "|".join(_letter_first("\\b" + a) for a in alternatives))
                    out.append(")" + _letter_first(pattern[end + 1 :]))
                    break
        out.append(piece)
        k += 1
    return "".join(out)


def _group_end(pattern: str, start: int) -> int:
    """The offset of the ")" that closes the group opened at ``pattern[start]``."""
    depth = 0
    for at, piece in _pieces(pattern, start):
        depth += (piece == "(") - (piece == ")")
        if depth == 0:
            return at
    raise ValueError(f"unbalanced group in {pattern!r}")


def _alternatives(body: str) -> list[str]:
    """``body`` split at its top-level "|" (not inside groups or character classes)."""
    parts: list[str] = []
    depth = 0
    last = 0
    for at, piece in _pieces(body):
        depth += (piece == "(") - (piece == ")")
        if piece == "|" and depth == 0:
            parts.append(body[last:at])
            last = at + 1
    parts.append(body[last:])
    return parts


def lower_is_exact(text: str) -> bool:
    """True when matching lower-cased patterns of ASCII letters in the lower-cased
    ``text`` (``LiteralFinder.lower``) finds what IGNORECASE finds in ``text``."""
    return text.isascii() or not any(odd in text for odd in _CASE_ODD)


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
    size = len(text)
    ends = _SENTENCE_END if _space_before_bullet_or_dash(text) else _SENTENCE_END_PLAIN
    for m in ends.finditer(text):
        start, end = m.span()
        if end >= size:
            break
        if text[start] == "." and text.find("\n", start, end) < 0:  # a full stop
            if text[end].islower():
                continue
            word = _WORD_BEFORE_STOP.search(text, max(0, start - 12), start + 1)
            if word and word.group(1).lower() in _ABBREVIATIONS:
                continue
        if end > starts[-1]:
            starts.append(end)
    return starts


def _space_before_bullet_or_dash(text: str) -> bool:
    """``_SPACE_BEFORE_BULLET_OR_DASH.search(text)``; bullets are rare, so most texts only
    need the fast search for a dash."""
    if any(bullet in text for bullet in _BULLETS):
        return _SPACE_BEFORE_BULLET_OR_DASH.search(text) is not None
    return _SPACE_BEFORE_DASH.search(text) is not None


def sentence_holding(starts: Sequence[int], at: int) -> int:
    """Which sentence holds ``at`` (a token or a character): the index in ``starts``, where
    the sentences start in order, of the last one at or before it (-1 before the first).
    The one look-up of the sentence holding a place: by characters for ``Sentences``, by
    tokens for the readers of a Doc's sentences (``nlu.asks``, ``nlu.implied``,
    ``nlu.beliefs``)."""
    return bisect.bisect_right(starts, at) - 1


class Sentences:
    """Sentence bounds of one text, looked up by character offset.

    Each extractor asks about a few dozen offsets per text; what depends only on the
    sentence (is it a question?) is worked out once per sentence and remembered.
    """

    def __init__(self, text: str, starts: Sequence[int], original: str | None = None) -> None:
        self.text = text
        self.original = text if original is None else original  # before normalising
        self.finder = LiteralFinder(text)  # shared literal look-ups for FastRegex
        self.lower = self.finder.lower
        self.starts = list(starts) or [0]
        self._hypothetical: list[int] | None = None
        self._questions: dict[int, bool] = {}  # sentence start -> is it a question
        # (pattern, sentence start) -> its matches in that sentence, and where they end
        self._matches: dict[tuple[re.Pattern[str], int], tuple[list[re.Match[str]], list[int]]] = {}
        self.lower_is_exact = lower_is_exact(text)

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding character ``pos``."""
        starts = self.starts
        i = sentence_holding(starts, pos)
        if i < 0:
            i = 0
        return starts[i], starts[i + 1] if i + 1 < len(starts) else len(self.text)

    def sentence(self, pos: int) -> str:
        start, end = self.bounds(pos)
        return self.text[start:end]

    def before(self, pos: int) -> str:
        """The part of the sentence before ``pos``."""
        return self.text[self.bounds(pos)[0] : pos]

    def sliced_like(self, start: int) -> bool:
        """True when searching ``text`` from ``start`` (``pattern.search(text, start,
        end)``) sees what searching ``text[start:end]`` does: ``\\b`` and look-behinds
        at ``start`` see the character before it, which must then not be a word character
        (sentences start after spaces, so this nearly always holds)."""
        return not start or not is_word_char(self.text[start - 1])

    def lower_from(self, start: int) -> bool:
        """True when a :func:`lowered` pattern searched in ``self.lower`` from ``start``
        finds what the case-blind original finds in ``text[start:...]``."""
        return self.lower_is_exact and self.sliced_like(start)

    def matches_before(self, pattern: re.Pattern[str], pos: int) -> list[re.Match[str]]:
        """The matches of ``pattern`` in the sentence holding ``pos`` that end by ``pos``.

        The sentence is searched once per pattern, so that asking at every amount of a
        long sentence costs a look-up each, not a search back to the sentence start."""
        start, end = self.bounds(pos)
        key = (pattern, start)
        found = self._matches.get(key)
        if found is None:
            matches = list(pattern.finditer(self.text, start, end))
            found = self._matches[key] = (matches, [m.end() for m in matches])
        matches, ends = found
        return matches[: bisect.bisect_right(ends, pos)]

    def clause_start(self, pos: int) -> int:
        """Where the clause holding ``pos`` starts: after the last break before ``pos`` in
        its sentence (a comma clause's comma or semicolon, or a colon, a parenthesis, "and",
        "but", "however", "so"), else at the sentence start. Narrower than
        :meth:`comma_clause`, which "and" does not cut: a negation or a holding verb governs
        no word past an "and", but a list's accounts are named on both sides of one."""
        start = self.bounds(pos)[0]
        if self.lower_from(start):
            last = _LAST_CLAUSE_BREAK.match(self.lower, start, pos)
            return last.end() if last else start
        breaks = list(_CLAUSE_BREAK.finditer(self.text[start:pos]))
        return start + breaks[-1].end() if breaks else start

    def comma_clause(self, pos: int) -> tuple[int, int]:
        """(start, end) of the comma clause holding ``pos``: its sentence cut at the commas
        and semicolons around it, and nowhere else ("after tax = 12k, roth ira = none": two
        clauses; "my rollover IRA and my 401k hold $40k pre-tax": one). Wider than the
        clause of :meth:`clause_start`, which "and", "but", a colon or a parenthesis also
        cut: the accounts a list names, joined by "and", stay in its figure's clause."""
        lo, hi = self.bounds(pos)
        text = self.text
        start = max(text.rfind(mark, lo, pos) for mark in _COMMA_BREAKS) + 1 or lo
        ends = [i for i in (text.find(mark, pos, hi) for mark in _COMMA_BREAKS) if i >= 0]
        return max(start, lo), min(ends, default=hi)

    def clause_before(self, pos: int) -> str:
        """The part of the clause before ``pos`` (back to the last comma, "and", "but")."""
        return self.text[self.clause_start(pos) : pos]

    @property
    def hypothetical_starts(self) -> list[int]:
        """Offsets of "what if" / "suppose" cues (found once per text)."""
        if self._hypothetical is None:
            found = language_patterns("hypothetical").scan(self.text, self.finder)
            self._hypothetical = sorted(m.start() for _name, m in found)
        return self._hypothetical

    def is_question(self, pos: int) -> bool:
        """True when the sentence holding ``pos`` asks something."""
        start, end = self.bounds(pos)
        known = self._questions.get(start)
        if known is None:
            sentence = self.text[start:end]
            known = "?" in sentence or bool(_QUESTION_START.match(sentence))
            self._questions[start] = known
        return known

    def is_conditional(self, pos: int) -> bool:
        """True when an "if"/"whether" governs ``pos`` in its sentence."""
        start = self.bounds(pos)[0]
        if self.lower_from(start):
            return bool(_conditional().lower.search(self.lower, start, pos))
        return bool(_conditional().original.search(self.text[start:pos]))

    def is_negated(self, pos: int, *, reach_words: int = 5) -> bool:
        """True when a negation comes just before ``pos`` in its clause, within
        ``reach_words`` words: "I don't want to pay tax", not "I don't know; can I pay tax"."""
        start = self.bounds(pos)[0]
        if reach_words > 0 and self.lower_from(start):
            words = self._last_clause_words(start, pos, reach_words)
            return bool(_negation().lower.search(" ".join(words)))
        lower = self.lower_is_exact
        clause = (self.lower if lower else self.text)[self.clause_start(pos) : pos]
        # the last words only: rsplit stops after them (equal to split()[-n:] for n > 0)
        words = clause.rsplit(None, reach_words) if reach_words > 0 else clause.split()
        return bool(_negation().on(lower).search(" ".join(words[-reach_words:])))

    def _last_clause_words(self, start: int, pos: int, n: int) -> list[str]:
        """The last ``n`` words (lower-cased) of the clause before ``pos``, for a sentence
        starting at ``start`` with ``lower_from(start)``.

        A clause break before the last ``n`` words of the sentence cannot cut them, so
        the break is looked for only from where they begin (a space: no break spans it).
        """
        lower = self.lower
        words = lower[start:pos].rsplit(None, n)  # (split()[-n:] is words[-n:])
        begin = start + len(words[0]) if len(words) > n else start
        last = _LAST_CLAUSE_BREAK.match(lower, begin, pos)
        if last is None:
            return words[-n:]
        return lower[last.end() : pos].rsplit(None, n)[-n:]


# ("Did an in-plan conversion in January." is a terse statement: no subject after "did")
_QUESTION_START = re.compile(
    r"\s*(?:can|could|should|would|will|do|does|did(?!\s+(?:a|an)\b)|is|are|am|how|what|"
    r"when|where|why|which|who|may|must|shall)\b",
    re.IGNORECASE,
)


@cache
def _negation() -> CaseBlind:
    return CaseBlind.compile(load("language")["negation"])


@cache
def _conditional() -> CaseBlind:
    """(its lower-cased form is searched in place)"""
    return CaseBlind.compile(load("language")["conditional"], in_place=True)


@cache
def language_patterns(name: str) -> PatternSet[str]:
    """A list from language.yaml as a literal-indexed PatternSet (for whole texts)."""
    return PatternSet((name, FastRegex(p)) for p in load("language")[name])


@cache
def language_regex(name: str) -> re.Pattern[str]:
    """A compiled list from language.yaml (hypothetical, correction, unsure, yes, no)."""
    return compile_any(list(load("language")[name]))
