"""The answer catalogue's fast matching finds what one plain spaCy Matcher finds.

``nlu.asks`` runs the patterns of ``nlu/patterns/asks.yaml`` that are finite sets of
word sequences through a ``PhraseMatcher`` and the others through a ``Matcher`` with
their first word exact (for speed). Only where each class starts counts, so these check
that, on real questions and on random word runs drawn from the patterns' own words, the
(start, class, pattern) triples are those of a ``Matcher`` over the patterns as written.
"""

from functools import cache
from math import prod

import pytest
from eval_texts import BATCH_A, BATCH_B, DEV, REAL, texts_of
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher
from spacy.tokens import Doc

from nlu.asks import (
    MAX_SEQUENCES,
    Catalogue,
    _as_strings,
    build,
    fired,
    first_words,
    fixed_lengths,
    word_choices,
    word_sequences,
)
from nlu.data import load
from nlu.gating import Gated, build_on_demand, longest_match, needed_words
from nlu.pipeline import get_nlp

QUESTION_FILES = (BATCH_A, BATCH_B, DEV, REAL)


@cache
def reference() -> Matcher:
    """Every pattern of asks.yaml as written, in one Matcher."""
    matcher = Matcher(get_nlp().vocab, validate=True)
    for cls, patterns in load("asks")["classes"].items():
        for pattern in patterns:
            matcher.add(f"{cls}/{pattern['id']}", [_as_strings(pattern["pattern"])])
    return matcher


@cache
def catalogue() -> Catalogue:
    """A fresh one, so that the tests check this build."""
    return build(get_nlp().vocab)


def plain(doc: Doc) -> list[tuple[int, str, str]]:
    strings = doc.vocab.strings
    starts = {(start, strings[key]) for key, start, _end in reference()(doc)}
    return sorted((start, *key.split("/", 1)) for start, key in starts)


def _questions() -> list[str]:
    return texts_of(QUESTION_FILES)


def _pattern_words() -> list[str]:
    """Every word a pattern names, in upper and title case too."""
    words: set[str] = set()
    for patterns in load("asks")["classes"].values():
        for pattern in patterns:
            for token in _as_strings(pattern["pattern"]):
                for value in token.values():
                    if isinstance(value, dict):
                        value = next(iter(value.values()))
                    for word in value if isinstance(value, list) else [value]:
                        if isinstance(word, str) and not word.startswith("^"):
                            words |= {word, word.upper(), word.title()}
    return sorted(words)


FILLERS = ["the", "money", "and", "it", "?", ".", "\n", "$", "5,000", "401(k)", "403b", "457"]
# words the one-token regex patterns test (``nlu.asks.WordRegexes``), and near misses
FILLERS += [
    "401a",
    "401(a",
    "403(b",
    "457-b",
    "4010",
    "Roth-401k",
    "roth-IRA",
    "roth-",
    "recharacterized",
    "Re-Characterise",
    "precharacterize",
    "401k's",
]
WORDS = st.sampled_from(_pattern_words() + FILLERS)


def test_real_questions_match_as_with_one_plain_matcher() -> None:
    texts = _questions()
    assert len(texts) > 150  # the repository's own sets at least
    make_doc = get_nlp().make_doc
    for text in texts:
        doc = make_doc(text)
        assert fired(doc, catalogue()) == plain(doc), text[:80]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=30))
def test_word_runs_match_as_with_one_plain_matcher(words: list[str]) -> None:
    doc = get_nlp().make_doc(" ".join(words))
    assert fired(doc, catalogue()) == plain(doc)


def test_every_phrase_of_a_pattern_is_found_where_it_starts() -> None:
    # (as tokens: the tokenizer may split a pattern's word, "r-ira", which then never
    # matches either way)
    vocab = get_nlp().vocab
    for cls, patterns in load("asks")["classes"].items():
        for pattern in patterns:
            sequences = word_sequences(_as_strings(pattern["pattern"])) or []
            for words in sequences[:8]:
                doc = Doc(vocab, words=["so", *words, "then"])
                found = fired(doc, catalogue())
                assert (1, cls, pattern["id"]) in found, words
                assert found == plain(doc), words


@pytest.mark.parametrize(
    ("pattern", "sequences"),
    [
        ([{"LOWER": "in"}, {"TEXT": "-", "OP": "?"}, {"LOWER": "plan"}],
         [("in", "-", "plan"), ("in", "plan")]),
        ([{"LOWER": {"IN": ["roth", "roths"]}}, {"LOWER": "ira"}],
         [("roth", "ira"), ("roths", "ira")]),
        ([{"LOWER": "tax"}, {"LOWER": {"IN": ["free"]}, "OP": "?"}], [("tax",), ("tax", "free")]),
    ],
)  # fmt: skip
def test_a_finite_pattern_is_its_word_sequences(pattern: list, sequences: list) -> None:
    assert word_sequences(pattern) == sequences


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "take"}, {"OP": "{0,4}"}, {"LOWER": "out"}],  # a gap of any words
        [{"LOWER": {"REGEX": "^401"}}],
        [{"LOWER": {"NOT_IN": ["roth"]}}],
        [{"TEXT": "Roth"}],  # letter case: not a lower-cased word test
        [{"LOWER": "Roth"}],  # never matches a lower-cased token: left to the Matcher
        [{"LOWER": "59"}, {"LOWER": "and", "OP": "+"}],
        [{"TEXT": "$"}, {"LIKE_NUM": True}],
    ],
)
def test_other_patterns_stay_in_the_matcher(pattern: list) -> None:
    assert word_sequences(pattern) is None


GAP = {"LOWER": {"NOT_IN": ["roth"]}, "OP": "{0,12}"}


def test_a_long_gap_is_spelled_at_each_of_its_lengths() -> None:
    pattern = [{"LOWER": "move"}, GAP, {"LOWER": "to"}]
    spelled = fixed_lengths(pattern)
    assert len(spelled) == 13
    assert spelled[0] == [{"LOWER": "move"}, {"LOWER": "to"}]
    assert spelled[12] == [
        {"LOWER": "move"},
        *[{"LOWER": {"NOT_IN": ["roth"]}}] * 12,
        {"LOWER": "to"},
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "take"}, {"OP": "{0,4}"}, {"LOWER": "out"}],  # a short gap: few states
        [{"LOWER": "take"}, {"OP": "*"}, {"LOWER": "out"}],  # unbounded
        [{"LOWER": "a"}, GAP, {"LOWER": "b"}, GAP, {"LOWER": "c"}],  # 169 patterns: too many
    ],
)
def test_other_patterns_are_kept_as_written(pattern: list) -> None:
    assert fixed_lengths(pattern) == [pattern]


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.sampled_from(["put", "it", "roth", "to", "a", "401k", "plan"]), max_size=40)
)
def test_long_gaps_match_as_written(words: list[str]) -> None:
    pattern = [{"LOWER": "put"}, GAP, {"LOWER": "to"}, {"LOWER": "a", "OP": "?"}, {"LOWER": "401k"}]
    vocab = get_nlp().vocab
    as_written, spelled = Matcher(vocab), Matcher(vocab)
    as_written.add("p", [pattern])
    spelled.add("p", fixed_lengths(pattern))
    doc = Doc(vocab, words=words or ["put"])
    assert sorted(as_written(doc)) == sorted(spelled(doc))


def test_every_pattern_passes_spacys_schema() -> None:
    # (the catalogue's own Matcher skips this check at start-up, for speed)
    assert reference() is not None  # a Matcher with validate=True raises on a bad pattern
    vocab = get_nlp().vocab
    with pytest.raises(ValueError):
        Matcher(vocab, validate=True).add("bad", [[{"LOWR": "typo"}]])


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        ([{"LOWER": {"IN": ["roll", "move"]}}, GAP, {"LOWER": "to"}], [{"roll", "move"}, {"to"}]),
        ([{"LOWER": "a", "OP": "?"}, {"TEXT": "$"}, {"LIKE_NUM": True}], [{"$"}]),
        ([{"LOWER": "and", "OP": "+"}, {"LOWER": "x", "OP": "*"}], [{"and"}]),
        # a cased word is needed as its lower-cased word (the LOWER the places are read
        # from): "SIMPLE" is where "simple" is
        ([{"LOWER": {"REGEX": "^401"}}, {"TEXT": "Roth"}, {"LOWER": "y", "OP": "!"}], [{"roth"}]),
        ([{"TEXT": {"IN": ["SIMPLE", "SIMPLE-IRA"]}}], [{"simple", "simple-ira"}]),
        ([{"LOWER": "b", "OP": "{2,3}"}, {"LOWER": "c", "OP": "{,3}"}], [{"b"}]),
    ],
)  # fmt: skip
def test_a_pattern_needs_the_words_of_its_tokens_that_every_match_holds(
    pattern: list, needed: list
) -> None:
    assert needed_words(pattern) == [frozenset(words) for words in needed]


def test_a_word_is_tested_by_a_one_token_regex_pattern_once() -> None:
    words = catalogue().words
    assert len(words.tests) >= 5  # today's "401k", "403(b)", "roth-ira", ... patterns
    doc = get_nlp().make_doc("My 401k and her 401k, a Roth-401k and a 403(b).")
    assert fired(doc, catalogue()) == plain(doc)
    assert {doc[start].lower_ for start, _cls, _id in fired(doc, catalogue())} >= {"401k"}
    known = words.known[doc.vocab.strings["401k"]]
    assert known and all(doc.vocab.strings[key].startswith(("plan_", "roth")) for key in known)


def test_a_text_without_a_needed_word_runs_no_matcher_that_needs_it() -> None:
    doc = get_nlp().make_doc("I want to roll my money over to a Roth.")
    words = {token.lower for token in doc}
    running = [gate for gate in catalogue().gated if gate.may_match(words)]
    assert 0 < len(running) < len(catalogue().gated) / 2
    assert fired(doc, catalogue()) == plain(doc)


@pytest.mark.parametrize(
    ("pattern", "longest"),
    [
        ([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"LOWER": "c", "OP": "!"}], 3),
        ([{"LOWER": "a"}, GAP, {"LOWER": "b", "OP": "{2}"}], 15),
        ([{"LOWER": "a"}, {"OP": "*"}], None),
        ([{"LOWER": "a", "OP": "{1,}"}], None),
    ],
)  # fmt: skip
def test_the_longest_match_of_a_pattern(pattern: list, longest: int | None) -> None:
    assert longest_match(pattern) == longest


def test_a_gate_runs_its_matcher_only_where_all_its_words_are_within_reach() -> None:
    gate = Gated((frozenset({1, 2}), frozenset({3})), Matcher(get_nlp().vocab), longest=3)
    # word 3 occurs at 10 and 12 (one joined range, 8-15); of words 1 and 2 (at 0, 9,
    # 20) only the one at 9 is near enough (7-12): a match lies in 8-12
    places = {1: [0, 9], 2: [20], 3: [10, 12]}
    assert gate.windows(places, 30) == [(8, 12)]
    assert gate.windows({1: [0, 5], 2: [20], 3: [10, 12]}, 30) == []
    assert gate.windows({1: [0], 3: [2]}, 30) == [(0, 3)]  # (at the text's start)
    unbounded = Gated(gate.needs, gate.matcher)
    assert unbounded.windows(places, 30) == [(0, 30)]


def test_a_phrase_pattern_begins_with_the_first_words_of_its_choices() -> None:
    """The catalogue adds a phrase pattern's sequences when a text first holds one of its
    ``first_words``, spelled out only then: those must be the words its sequences begin
    with, and a pattern of at most MAX_SEQUENCES choices a phrase pattern."""
    checked = 0
    for patterns in load("asks")["classes"].values():
        for pattern in patterns:
            tokens = _as_strings(pattern["pattern"])
            choices = word_choices(tokens)
            sequences = word_sequences(tokens)
            if choices is None or sequences is None:
                assert not (choices and all(choices) and prod(map(len, choices)) <= MAX_SEQUENCES)
                continue
            assert first_words(choices) == {words[0] for words in sequences}
            checked += 1
    assert checked > 400
    assert first_words([["a", None], ["b"], ["c"]]) == {"a", "b"}
    assert first_words([["a"], [None, "b"]]) == {"a"}


def test_a_catalogue_built_on_demand_finds_what_one_plain_matcher_finds() -> None:
    """As ``rothbot ask`` builds it (``nlu.pipeline.for_one_text``): its gated Matchers
    and phrases built when a text first needs them, over the real questions in turn."""
    previous = build_on_demand(True)
    try:
        on_demand = build(get_nlp().vocab)
    finally:
        build_on_demand(previous)
    assert on_demand.phrases.waiting > 1000
    assert not any(gate.matcher.is_built for gate in on_demand.gated)
    make_doc = get_nlp().make_doc
    for text in _questions():
        doc = make_doc(text)
        assert fired(doc, on_demand) == plain(doc)
    assert any(gate.matcher.is_built for gate in on_demand.gated)
