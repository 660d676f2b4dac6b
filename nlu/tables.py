"""Run the phrase tables (facts.yaml, status.yaml) over a text.

A table entry says which fact a phrase gives and how to get its value (a number in the
match, or a constant such as ``true`` or ``"mfj"``), and when the phrase is not a
statement of fact (inside a question, after an "if"). Everything here is pure: text in,
``Hit`` records out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from nlu.context import CaseBlind, Sentences
from nlu.data import FLAGS, load
from nlu.matching import FastRegex, PatternSet

_PLAN_WORDS = CaseBlind.compile(r"401\(?k|403\(?b|457|\bplan\b|\btsp\b")
_HEDGE = CaseBlind.compile(
    r"\b(?:i think|i believe|not sure|maybe|perhaps|probably|might(?! change)|i guess|unsure|"
    r"not certain|i assume|supposedly|it seems|seems like|it appears|apparently)\b"
)
# ... and a comma or "and" that opens another rate: "24% fed, 5% state", "12% bracket
# federally and 5% state" (the state's rate is its own)
_CLAUSE = re.compile(
    r"\bbut\b|\bwhile\b|\bwhereas\b|;|(?:,|\band\b)(?=\s*\d{1,2}(?:\.\d+)?\s?%)",
    re.IGNORECASE,
)
_IRA = re.compile(r"\bira\b", re.IGNORECASE)
_PLAN_NAMED_AFTER = re.compile(
    r"[\s-]*(?:401|403|457|tsp\b|in (?:the|my|our) (?:plan|401|403|457))", re.IGNORECASE
)
_OUTSIDE = CaseBlind.compile(r"\boutside\b")
_FUTURE_RATE = re.compile(
    r"\b(?:retire\w*|drops?|fall|falls|will be|would be|later|future|state|could be|"
    r"goes? (?:up|down)|expect|assum\w+)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One compiled table entry (see the header of nlu/patterns/facts.yaml)."""

    fact: str
    patterns: tuple[FastRegex, ...]
    value: Any = None
    number: str = "n"
    offset: int = 0
    also: tuple[tuple[str, str], ...] = ()
    not_after: CaseBlind | None = None
    needs_after: CaseBlind | None = None
    not_before: CaseBlind | None = None
    strength: str = "strong"
    skip_if: frozenset[str] = field(default_factory=frozenset)
    # any of the checks above: a match of an entry without them always counts
    filtered: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """A fact read from one phrase: ``start``/``end`` are the phrase's offsets."""

    fact: str
    value: Any
    start: int
    end: int
    strength: str = "strong"


def _entry(raw: dict[str, Any]) -> Entry:
    def opt(key: str) -> CaseBlind | None:
        return CaseBlind.compile(raw[key], FLAGS) if raw.get(key) else None

    checks = ("not_after", "needs_after", "not_before", "skip_if")
    return Entry(
        fact=raw["fact"],
        patterns=tuple(FastRegex(p) for p in raw["patterns"]),
        value=raw.get("value"),
        number=raw.get("number", "n"),
        offset=int(raw.get("offset", 0)),
        also=tuple((raw.get("also") or {}).items()),
        not_after=opt("not_after"),
        needs_after=opt("needs_after"),
        not_before=opt("not_before"),
        strength=raw.get("strength", "strong"),
        skip_if=frozenset(raw.get("skip_if", ())),
        filtered=any(raw.get(key) for key in checks),
    )


@cache
def entries(table: str) -> tuple[Entry, ...]:
    """The compiled entries of ``nlu/patterns/<table>.yaml``."""
    return tuple(_entry(raw) for raw in load(table)["entries"])


@cache
def _pattern_set(table: str) -> PatternSet[Entry]:
    return PatternSet((entry, pattern) for entry in entries(table) for pattern in entry.patterns)


# How far back (words) a negation makes a table's phrase no statement, within its clause
# ("The individual is not separating; plan document permits withdrawal/rollover while active
# participant", bb079): "No IRAs other than my Roth IRA" has a Roth IRA (five reach "No").
NEGATION_REACH_WORDS = 3


def in_a_skipped_sentence(
    skip_if: frozenset[str], pos: int, sentences: Sentences, *, negation_reach: int
) -> bool:
    """True when a phrase at ``pos`` is no statement of fact, by the sentence kinds of its
    entry's ``skip_if`` (one mechanism for every pattern file that has it: facts.yaml,
    status.yaml, implied.yaml and the files read like it):

    - ``question``: its sentence asks ("does my plan allow ...?");
    - ``conditional``: an "if" governs it ("if my plan allows ...");
    - ``negated``: a negation within ``negation_reach`` words before it in its clause;
    - ``hedged``: its sentence hedges ("I think my plan allows ... but I'm not sure").
    """
    if "question" in skip_if and sentences.is_question(pos):
        return True
    if "conditional" in skip_if and sentences.is_conditional(pos):
        return True
    if "negated" in skip_if and sentences.is_negated(pos, reach_words=negation_reach):
        return True
    if "hedged" in skip_if:
        start, end = sentences.bounds(pos)
        lower = sentences.lower_is_exact
        text = sentences.lower if lower else sentences.text
        return bool(_HEDGE.on(lower).search(text, start, end))
    return False


def _skipped(entry: Entry, m: re.Match[str], sentences: Sentences) -> bool:
    pos = m.start()
    # the windows around the match are searched as slices, in the lower-cased text when
    # that finds the same (faster: see nlu.context.lowered)
    lower = sentences.lower_is_exact
    text = sentences.lower if lower else sentences.text
    if entry.not_after or entry.needs_after:
        window = text[max(0, pos - 24) : pos]
        if entry.not_after and entry.not_after.on(lower).search(window):
            return True
        if entry.needs_after and not entry.needs_after.on(lower).search(window):
            return True
    if entry.not_before and entry.not_before.on(lower).match(text[m.end() : m.end() + 40]):
        return True
    if in_a_skipped_sentence(entry.skip_if, pos, sentences, negation_reach=NEGATION_REACH_WORDS):
        return True
    if "plan_roth" in entry.skip_if and not _IRA.search(m.group()):
        # "In the 401K I opened a Roth account": a Roth inside the plan, not a Roth IRA
        before = text[sentences.bounds(pos)[0] : m.end()]
        if _PLAN_WORDS.on(lower).search(before) and not _OUTSIDE.on(lower).search(before):
            return True
        if _PLAN_NAMED_AFTER.match(sentences.text, m.end()):
            return True  # "I have a Roth 401k": the plan's Roth, named right after
    if "future_rate" in entry.skip_if:
        # "35% bracket now but expect 22% in retirement": only the clause of the match
        text = sentences.text
        start, end = sentences.bounds(pos)
        clauses = list(_CLAUSE.finditer(text, start, end))
        lo = max((c.end() for c in clauses if c.end() <= pos), default=start)
        hi = min((c.start() for c in clauses if c.start() >= m.end()), default=end)
        return bool(_FUTURE_RATE.search(text, lo, hi))
    return False


def _number(m: re.Match[str], group: str) -> int | float | None:
    # (groupdict() would build a dict of every group)
    raw = m.group(group) if group in m.re.groupindex else None
    if raw is None:
        return None
    number = float(raw)
    return int(number) if number.is_integer() else number


def match_table(table: str, sentences: Sentences) -> list[Hit]:
    """Every fact the phrases of ``table`` state in the text, in text order."""
    hits: list[Hit] = []
    text = sentences.text
    for entry, m in _pattern_set(table).scan(text, sentences.finder):
        if entry.filtered and _skipped(entry, m, sentences):
            continue
        value = entry.value
        if value is None:
            number = _number(m, entry.number)
            if number is None:
                continue
            value = number + entry.offset
        hits.append(Hit(entry.fact, value, m.start(), m.end(), entry.strength))
        for fact, group in entry.also:
            extra = _number(m, group)
            if extra is not None:
                hits.append(Hit(fact, extra, m.start(), m.end(), entry.strength))
    hits.sort(key=lambda h: h.start)
    return hits
