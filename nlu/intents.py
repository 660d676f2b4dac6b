"""What the person asks (DESIGN.md's intents) and what needs a person (topics).

Cues come from ``patterns/intents.yaml``. A cue in a negated statement does not count
("I don't want to pay tax" is not a request for a tax estimate), but in a question it
does ("can I move it without paying tax?").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from nlu.context import Sentences
from nlu.data import load
from nlu.matching import FastRegex, LiteralFinder, PatternSet

# A negation this close before a cue (in words) turns a statement around.
NEGATION_REACH_WORDS = 5
# An aside that adds a kind of account in passing, before a topic's cue: "articles that
# summarize the 5-year rule ... (and inherited IRAs)?" is no question about one.
_IN_PASSING = re.compile(
    r"\(\s*(?:and|or|plus|including|incl\.?|e\.g\.?,?|as well as|not|nor|let alone)\s+"
    r"(?:for\s+|of\s+|to\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


@cache
def intent_order() -> tuple[str, ...]:
    """DESIGN.md's intents in the fixed order the reader reports them."""
    return tuple(load("intents")["order"])


@cache
def _intent_patterns() -> PatternSet[tuple[str, bool]]:
    """Every cue as ((intent, asked_only), pattern), run over a text in one scan.

    ``asked_only`` marks the cues of ``only_when_asked``: things named more often than
    asked about, which count only in a sentence that asks.
    """
    data = load("intents")
    cues = data["cues"]
    asked_only: dict[str, list[str]] = data.get("only_when_asked", {})
    # helper cues (not DESIGN intents, never reported) feed derived_intents
    helpers = tuple(name for name in cues if name not in intent_order())
    return PatternSet(
        [
            *(
                ((intent, False), FastRegex(pattern))
                for intent in (*intent_order(), *helpers)
                for pattern in cues.get(intent, ())
            ),
            *(
                ((intent, True), FastRegex(pattern))
                for intent, patterns in asked_only.items()
                for pattern in patterns
            ),
        ]
    )


def _negated_statement(sentences: Sentences, pos: int) -> bool:
    """A negated statement ("I don't want to pay tax"); a question still asks."""
    if sentences.is_question(pos):
        return False
    return sentences.is_negated(pos, reach_words=NEGATION_REACH_WORDS)


def find_intent_cues(sentences: Sentences) -> list[tuple[int, int, str]]:
    """(start, end, intent) for every cue that counts (an ``only_when_asked`` cue only in
    a sentence that asks)."""
    hits = [
        (m.start(), m.end(), intent)
        for (intent, asked_only), m in _intent_patterns().scan(sentences.text, sentences.finder)
        if (
            sentences.is_question(m.start())
            if asked_only
            else not _negated_statement(sentences, m.start())
        )
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


# Moving after-tax money out of the plan while still working is an in-service distribution.
_MOVES_OUT = frozenset({"split_rollover", "convert_all_to_roth"})


def derived_intents(
    present: set[str], facts: Mapping[str, Any], still_working: bool = False
) -> set[str]:
    """The intents found, with what follows from them and the facts.

    - a whole-text override (``suppressed_in_text_by``): in a mega-backdoor question,
      rolling the after-tax money to a Roth is a step of the setup;
    - someone who says they are still working there (``still_working``: "54, still
      working", not "I plan to retire") and asks to move the money out asks about an
      in-service distribution;
    - someone with pre-tax IRA money who asks about a backdoor Roth meets the pro-rata rule
      (its cue is found as ``backdoor``, a helper intent that is not reported).
    """
    out = set(present)
    for intent, by in load("intents").get("suppressed_in_text_by", {}).items():
        if intent in out and out & set(by):
            out.discard(intent)
    if still_working and out & _MOVES_OUT:
        out.add("in_service_distribution")
    if "backdoor" in out and (facts.get("traditional_ira_balance") or 0) > 0:
        out.add("pro_rata")
    out.discard("backdoor")
    out.discard("roth_plan_money")
    return out


@cache
def _topics() -> PatternSet[str]:
    topics = load("topics")["topics"]
    return PatternSet(
        (name, FastRegex(pattern)) for name, spec in topics.items() for pattern in spec["patterns"]
    )


def topic_descriptions() -> dict[str, str]:
    """Out-of-scope topic name -> what it is, in words for a person."""
    return {name: spec["description"] for name, spec in load("topics")["topics"].items()}


def find_topics(
    text: str, finder: LiteralFinder | None = None, sentences: Sentences | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, topic) for every out-of-scope topic cue.

    With ``sentences``, a negated mention does not count, in a question too: "I don't have
    a QDRO", "there is no QDRO on it, is that a problem?" need no person.
    """
    finder = finder or LiteralFinder(text)
    hits = [
        (m.start(), m.end(), name)
        for name, m in _topics().scan(text, finder)
        if not _IN_PASSING.search(text, max(0, m.start() - 30), m.start())
        and (
            sentences is None
            or not sentences.is_negated(m.start(), reach_words=NEGATION_REACH_WORDS)
        )
    ]
    hits.sort()
    return hits
