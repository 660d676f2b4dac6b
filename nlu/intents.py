"""What the person asks (DESIGN.md's intents) and what needs a person (topics).

Cues come from ``patterns/intents.yaml``. A cue in a negated statement does not count
("I don't want to pay tax" is not a request for a tax estimate), but in a question it
does ("can I move it without paying tax?").
"""

from __future__ import annotations

from functools import cache

from nlu.context import Sentences
from nlu.data import load
from nlu.matching import FastRegex, LiteralFinder, PatternSet

# A negation this close before a cue (in words) turns a statement around.
NEGATION_REACH_WORDS = 5


@cache
def intent_order() -> tuple[str, ...]:
    """DESIGN.md's intents in the fixed order the reader reports them."""
    return tuple(load("intents")["order"])


@cache
def _intent_patterns() -> PatternSet[str]:
    cues = load("intents")["cues"]
    return PatternSet(
        (intent, FastRegex(pattern))
        for intent in intent_order()
        for pattern in cues.get(intent, ())
    )


def _negated_statement(sentences: Sentences, pos: int) -> bool:
    """A negated statement ("I don't want to pay tax"); a question still asks."""
    if sentences.is_question(pos):
        return False
    return sentences.is_negated(pos, reach_words=NEGATION_REACH_WORDS)


def find_intent_cues(sentences: Sentences) -> list[tuple[int, int, str]]:
    """(start, end, intent) for every cue that counts."""
    hits = [
        (m.start(), m.end(), intent)
        for intent, m in _intent_patterns().scan(sentences.text, sentences.finder)
        if not _negated_statement(sentences, m.start())
    ]
    hits.sort()
    return _unsuppressed(hits, sentences)


@cache
def _suppressions() -> dict[str, frozenset[str]]:
    """Intent -> the intents that override it in the same sentence."""
    rules: dict[str, list[str]] = load("intents").get("suppressed_by", {})
    return {intent: frozenset(by) for intent, by in rules.items() if by}


def _unsuppressed(
    hits: list[tuple[int, int, str]], sentences: Sentences
) -> list[tuple[int, int, str]]:
    """Drop cues that share a sentence with a cue of an intent that overrides them."""
    rules = _suppressions()
    if not any(intent in rules for _start, _end, intent in hits):
        return hits
    starts = [sentences.bounds(start)[0] for start, _end, _intent in hits]
    by_sentence: dict[int, set[str]] = {}
    for start, (_s, _e, intent) in zip(starts, hits, strict=True):
        by_sentence.setdefault(start, set()).add(intent)
    return [
        hit
        for start, hit in zip(starts, hits, strict=True)
        if not (hit[2] in rules and rules[hit[2]] & by_sentence[start])
    ]


@cache
def _topics() -> PatternSet[str]:
    topics = load("topics")["topics"]
    return PatternSet(
        (name, FastRegex(pattern)) for name, spec in topics.items() for pattern in spec["patterns"]
    )


def topic_descriptions() -> dict[str, str]:
    """Out-of-scope topic name -> what it is, in words for a person."""
    return {name: spec["description"] for name, spec in load("topics")["topics"].items()}


def find_topics(text: str, finder: LiteralFinder | None = None) -> list[tuple[int, int, str]]:
    """(start, end, topic) for every out-of-scope topic cue."""
    finder = finder or LiteralFinder(text)
    hits = [(m.start(), m.end(), name) for name, m in _topics().scan(text, finder)]
    hits.sort()
    return hits
