"""Facts implied rather than stated, read with spaCy's own matchers.

A first pass tags the shared vocabulary (``patterns/vocabulary.yaml``: plan words,
after-tax words, account words, ...) with a ``PhraseMatcher`` on the lower-cased tokens
and writes each phrase's class into the tokens' ``NORM`` (the first token gets the class,
the others ``~`` and the class), so the token patterns of ``patterns/implied.yaml`` can
say ``$PLAN`` once for "401(k)", "403b" and "TSP", however the tokenizer splits them. A
``Matcher`` then runs the patterns, each with an id; a match becomes a ``tables.Hit`` for
the assembler, like the phrases of ``status.yaml``, unless its sentence is a question, an
"if", a negation or a hedge where the entry says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.attrs import LOWER, NORM, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlu import gating
from nlu.context import Sentences, sentence_holding
from nlu.data import load
from nlu.tables import Hit, in_a_skipped_sentence

# What a vocabulary reference looks like in a pattern: "$PLAN", or "$PLAN?" (optional).
_REFERENCE = "$"
# The NORM of a vocabulary phrase's later tokens: this mark and the class.
_CONTINUES = "~"
# A match longer than this (tokens) is too loose to be one statement. (Patterns use "*"
# and cut here: spaCy's Matcher expands a bounded "{0,16}" into that many optional
# tokens, and their combinations made one read take seconds.)
MAX_MATCH_TOKENS = 30
# How far back (words) a negation makes a match no statement (``tables.in_a_skipped_sentence``).
NEGATION_REACH_WORDS = 5
# Where a Doc keeps its vocabulary phrases and the places of its words and classes
# (``ImpliedFacts.tag_vocabulary``; every user reads the one vocabulary.yaml, and
# ``nlu.accounts`` reads the tagging from here).
TAGGED = "rothbot_vocabulary"


@dataclass(frozen=True, slots=True)
class Rule:
    """One entry of implied.yaml."""

    id: str
    fact: str
    value: Any
    strength: str
    skip_if: frozenset[str]
    # the text right after the match must not start with this (a regex), e.g. a limit
    # that makes an allowance say nothing of now ("... after 59.5 only")
    not_before: re.Pattern[str] | None = None
    # vocabulary classes the sentence of a match must hold
    requires: frozenset[str] = frozenset()


def token_specs(spec: Any) -> list[dict[str, Any]]:
    """A pattern spec as spaCy token dicts: "$CLASS" is the class's first token and any
    of its later ones. (Public: the account pass's patterns, ``nlu.accounts``, use the same
    vocabulary classes.)"""
    if isinstance(spec, str) and spec.startswith(_REFERENCE):
        name = spec[1:].rstrip("?")
        first: dict[str, Any] = {"NORM": name}
        if spec.endswith("?"):
            first["OP"] = "?"
        return [first, {"NORM": _CONTINUES + name, "OP": "*"}]
    if not isinstance(spec, dict):
        raise ValueError(f"nlu/patterns/implied.yaml: a token spec must be a mapping: {spec!r}")
    return [spec]


class ImpliedFacts:
    """The vocabulary pass and the token patterns, built once for a pipeline's vocab."""

    # the pattern file (``patterns/<FILE>.yaml``); ``nlu.money_kinds`` reads its own
    FILE = "implied"

    def __init__(self, nlp: Language) -> None:
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        # the most later tokens a class's phrase has: a run of "~CLASS" tokens is no
        # longer (phrases do not overlap), which bounds where a match may reach
        later: dict[str, int] = {}
        for name, phrases in load("vocabulary")["classes"].items():
            docs = [nlp.make_doc(p) for p in phrases]
            self.phrases.add(name, docs)
            later[_CONTINUES + name] = max((len(d) - 1 for d in docs), default=0)
        self.rules: dict[str, Rule] = {}
        # a rule's first token is matched as an exact word (``gating.first_token_exact``), so
        # the rest is tried only where a statement may start; a pattern that needs
        # certain words or vocabulary classes runs only in a text holding them, around
        # them (``nlu.gating``); the others in one Matcher on every text
        self.matcher = Matcher(nlp.vocab)
        # (a longer match is dropped, so no match that counts is longer)
        gates = gating.Gates(nlp.vocab, (*gating.WORD_ATTRS, "NORM"), MAX_MATCH_TOKENS)
        # a pattern of one token testing its word with a regex ("60yo", "co-mingled") is
        # tested once per distinct word of a text (``gating.WordRegexes``), not by the
        # Matcher at every token of every text (it needs no word to be gated by)
        word_tests: list[tuple[int, re.Pattern[str]]] = []
        for raw in load(self.FILE)["entries"]:
            rule = Rule(
                raw["id"],
                raw["fact"],
                raw.get("value", True),  # (spoken.yaml names facts only)
                raw.get("strength", "strong"),
                frozenset(raw.get("skip_if", ())),
                re.compile(raw["not_before"], re.IGNORECASE) if raw.get("not_before") else None,
                frozenset(raw.get("requires", ())),
            )
            self.rules[rule.id] = rule
            for spec in raw["patterns"]:
                pattern = [t for s in spec for t in token_specs(s)]
                regex = gating.word_regex(pattern)
                if regex is not None:
                    word_tests.append((nlp.vocab.strings.add(rule.id), re.compile(regex)))
                    continue
                spelled = gating.first_token_exact(pattern)
                # (the gates read the pattern with each "~CLASS" run at its longest)
                bounded = [
                    {**t, "OP": f"{{0,{later[t['NORM']]}}}"} if t.get("NORM") in later else t
                    for t in pattern
                ]
                if not gates.add(rule.id, bounded, spelled):
                    self.matcher.add(rule.id, spelled)
        self.gated = gates.gates()
        self.words = gating.WordRegexes(tuple(word_tests))
        self._order = {rule_id: i for i, rule_id in enumerate(self.rules)}

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(rule id hash, start, end) of the patterns' matches in ``doc`` (vocabulary
        tagged) of at most ``MAX_MATCH_TOKENS`` tokens, by start and rule (file order)."""
        tagged = doc.user_data.get(TAGGED)
        if tagged is None:  # (tagged by someone else: its places are read now)
            places = gating.places_of(doc.to_array(LOWER), doc.to_array(NORM))
        else:
            places = tagged[1]
        found = set(gating.gated_matches(self.gated, doc, places))
        if self.words.tests:
            found.update(self.words.found(doc))
        if len(self.matcher):  # (every pattern of today's files needs a word or is a test)
            found.update(self.matcher(doc))
        strings = doc.vocab.strings
        return sorted(
            (m for m in found if m[2] - m[1] <= MAX_MATCH_TOKENS),
            key=lambda m: (m[1], self._order[strings[m[0]]], m[2]),
        )

    def tag_vocabulary(self, doc: Doc) -> list[Span]:
        """Write each vocabulary phrase's class into its tokens' NORM; the phrases.

        Once per Doc: the phrases and the places of the words and classes are kept on
        it (``TAGGED``), and the money kinds' patterns, over the same vocabulary, use
        them after the implied facts' (tagging again took about 0.13 ms a read, reading
        the places 0.1)."""
        tagged = doc.user_data.get(TAGGED)
        if tagged is not None:
            return tagged[0]
        spans = filter_spans(self.phrases(doc, as_spans=True))
        for span in spans:
            span[0].norm_ = span.label_
            for token in span[1:]:
                token.norm_ = _CONTINUES + span.label_
        places = gating.places_of(doc.to_array(LOWER), doc.to_array(NORM))
        doc.user_data[TAGGED] = (spans, places)
        return spans

    def hits(self, doc: Doc, index: Sentences) -> list[Hit]:
        """The facts the patterns find in ``doc`` (whose text ``index`` holds)."""
        phrases = self.tag_vocabulary(doc)
        # (a rule that requires no vocabulary class, "hoping to retire", runs without one)
        matches = self.matches(doc)
        if not matches:
            return []
        # the vocabulary classes of each sentence (by its first token; the sentence
        # starts read once as an array: Span.sent walks the tokens for every phrase)
        starts = [i for i, flag in enumerate(doc.to_array(SENT_START).tolist()) if flag == 1]

        def sentence(token: int) -> int:
            return starts[sentence_holding(starts, token)] if starts else 0

        classes: dict[int, set[str]] = {}
        for span in phrases:
            classes.setdefault(sentence(span.start), set()).add(span.label_)
        # (a "$CLASS" reference may end at any of its tokens: the longest match of a
        # rule at a start is kept)
        longest: dict[tuple[str, int], int] = {}
        strings = doc.vocab.strings
        for match_id, start, end in matches:
            rule_id = strings[match_id]
            if not self.rules[rule_id].requires <= classes.get(sentence(start), set()):
                continue  # the sentence lacks a word the rule is about
            key = (rule_id, start)
            longest[key] = max(end, longest.get(key, end))
        found: list[Hit] = []
        for (rule_id, start), end in sorted(longest.items(), key=lambda item: item[0][1]):
            rule = self.rules[rule_id]
            begin = doc[start].idx
            last = doc[end - 1]
            stop = last.idx + len(last)
            if (
                in_a_skipped_sentence(
                    rule.skip_if, begin, index, negation_reach=NEGATION_REACH_WORDS
                )
                or (rule.not_before is not None and rule.not_before.match(index.text, stop))
                or not self.keep(rule, doc, start, end)
            ):
                continue
            found.append(Hit(rule.fact, rule.value, begin, stop, rule.strength))
        return found

    def keep(self, rule: Rule, doc: Doc, start: int, end: int) -> bool:
        """Whether a match (tokens ``start``-``end``) of ``rule`` counts: a hook for a
        subclass with a test of its own (``nlu.money_kinds``); every match here."""
        return True


@cache
def implied_facts(nlp: Language) -> ImpliedFacts:
    """The matchers of ``nlp`` (one per pipeline; built on first use)."""
    return ImpliedFacts(nlp)
