"""Where a gated Matcher runs: only around the words every match holds, at their offsets.

``nlu.gating`` is the speed mechanism shared by ``nlu.asks``, ``nlu.implied`` and
``nlu.amount_uses`` (each checks with its own patterns that it finds what one plain
Matcher finds). These pin down its arithmetic: which tokens a pattern needs, how far into
a match each stands, and the token ranges a gate then runs on.
"""

from collections.abc import Callable
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from nlu.gating import (
    FirstWordPhrases,
    Gates,
    Needed,
    build_on_demand,
    gated_matches,
    needed,
    places_of,
)
from nlu.pipeline import get_nlp

GAP = {"LOWER": {"NOT_IN": ["x"]}, "OP": "{0,3}"}
T = TypeVar("T")


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # the first token: nothing before it
        ([{"LOWER": "roll"}, GAP, {"LOWER": "to"}],
         [Needed(frozenset({"roll"}), 0, 0, 4), Needed(frozenset({"to"}), 1, 4, 0)]),
        # optional tokens: none or one each
        ([{"LOWER": "a", "OP": "?"}, {"TEXT": "$"}, {"LIKE_NUM": True}, {"LOWER": "k"}],
         [Needed(frozenset({"$"}), 0, 1, 2), Needed(frozenset({"k"}), 2, 3, 0)]),
        # "*": any number; a repeated token: its word may be any repeat
        ([{"LOWER": "a"}, {"OP": "*"}, {"LOWER": "b", "OP": "{2,3}"}, {"LOWER": "c"}],
         [Needed(frozenset({"a"}), 0, 0, None), Needed(frozenset({"b"}), 1, None, 3),
          Needed(frozenset({"c"}), 3, None, 0)]),
        ([{"LOWER": "b", "OP": "{2,3}"}, {"LOWER": "c"}],
         [Needed(frozenset({"b"}), 0, 2, 3), Needed(frozenset({"c"}), 2, 3, 0)]),
        # "!" takes one token whose words are not needed
        ([{"LOWER": "y", "OP": "!"}, {"LOWER": "z"}], [Needed(frozenset({"z"}), 1, 1, 0)]),
    ],
)  # fmt: skip
def test_a_needed_token_and_how_far_into_a_match_it_stands(pattern: list, expected: list) -> None:
    assert needed(pattern) == expected


def _gate(patterns: list[list[dict]]):
    vocab = get_nlp().vocab
    gates = Gates(vocab)
    for pattern in patterns:
        assert gates.add("p", pattern, [pattern])
    (gate,) = gates.gates()
    return gate, vocab.strings


def test_a_gate_runs_around_its_rarest_word_as_far_as_a_match_reaches() -> None:
    gate, strings = _gate([[{"LOWER": "roll"}, GAP, {"LOWER": "to"}]])  # at most 5 tokens
    roll, to = strings["roll"], strings["to"]
    # "roll" (at 10) is rarer than "to": a match starts there, and is 5 tokens at most;
    # it ends at a "to" (at 12), 1 to 4 tokens after its start
    places = {roll: [10], to: [3, 12, 20, 30]}
    assert gate.windows(places, 40) == [(10, 13)]
    # no "to" within reach of "roll": nowhere to run
    assert gate.windows({roll: [10], to: [3, 20, 30]}, 40) == []
    # "to" (at 7) is rarer: a match ends there, having started 1 to 4 tokens before it
    assert gate.windows({roll: [2, 5, 20, 30], to: [7]}, 40) == [(3, 8)]


def test_the_places_of_a_word_in_two_columns_count_in_text_order() -> None:
    gate, strings = _gate([[{"LOWER": "roll"}, GAP, {"LOWER": "to"}]])
    roll, to = strings["roll"], strings["to"]
    # (places_of over LOWER and then NORM: a word's NORM places come after its LOWER ones)
    assert gate.windows({roll: [20, 2], to: [4, 22]}, 40) == [(2, 5), (20, 23)]


def test_an_unbounded_gate_runs_from_the_first_place_a_match_can_start() -> None:
    gate, strings = _gate([[{"LOWER": "rolled"}, {"LOWER": "the", "OP": "*"}]])
    assert gate.windows({strings["rolled"]: [7, 12]}, 40) == [(7, 40)]


WORDS = st.sampled_from(["roll", "to", "x", "a", "the", "b", "c", "it"])
PATTERNS = [
    [{"LOWER": "roll"}, GAP, {"LOWER": "to"}],
    [{"LOWER": "a", "OP": "?"}, {"LOWER": "b", "OP": "{1,2}"}, {"OP": "?"}, {"LOWER": "c"}],
    [{"LOWER": "the", "OP": "*"}, {"LOWER": "it"}, {"OP": "{0,2}"}, {"LOWER": "to"}],
]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=40))
def test_gated_matchers_find_what_one_plain_matcher_finds(words: list[str]) -> None:
    vocab = get_nlp().vocab
    plain, gates = Matcher(vocab), Gates(vocab)
    for i, pattern in enumerate(PATTERNS):
        plain.add(str(i), [pattern])
        assert gates.add(str(i), pattern, [pattern])
    doc = Doc(vocab, words=words)
    places = places_of(doc.to_array("LOWER"))
    assert sorted(set(gated_matches(gates.gates(), doc, places))) == sorted(plain(doc))


def _on_demand(make: Callable[..., T], *args: object) -> T:
    """``make(*args)`` with builds waiting for their first use, as ``rothbot ask`` has
    them (``nlu.pipeline.for_one_text``)."""
    previous = build_on_demand(True)
    try:
        return make(*args)
    finally:
        build_on_demand(previous)


def test_a_file_whose_patterns_all_need_a_word_names_one_that_needs_none() -> None:
    # (beliefs.yaml, figures.yaml: a pattern of any words would run on every text)
    gates = Gates(get_nlp().vocab)
    gates.add_needing_words("roll/to", [{"LOWER": "roll"}, GAP, {"LOWER": "to"}], "x.yaml")
    assert len(gates.gates()) == 1
    with pytest.raises(ValueError, match=r"x\.yaml: any/word needs no word"):
        gates.add_needing_words("any/word", [GAP], "x.yaml")


def test_gated_matchers_are_built_when_made_unless_builds_wait_for_their_first_use() -> None:
    vocab = get_nlp().vocab
    for waiting in (False, True):
        gates = Gates(vocab)
        gates.add("roll/to", [{"LOWER": "roll"}, GAP, {"LOWER": "to"}], [[{"LOWER": "roll"}]])
        (gate,) = _on_demand(gates.gates) if waiting else gates.gates()
        assert gate.matcher.is_built is not waiting
        assert len(gate.matcher) == 1 and gate.matcher.is_built


def test_phrases_are_all_added_when_made_unless_builds_wait_for_their_first_use() -> None:
    vocab = get_nlp().vocab
    eager = FirstWordPhrases(vocab)
    eager.add("a/x", {"roll"}, lambda: [("roll", "it")])
    assert eager.waiting == 0
    doc = Doc(vocab, words=["roll", "it"])
    assert [(vocab.strings[k], s, e) for k, s, e in eager.matcher(doc)] == [("a/x", 0, 2)]


PHRASES = [("a/x", [("roll", "it"), ("roll", "over"), ("move", "it", "over")]),
           ("b/y", [("it",), ("it", "over")]), ("c/z", [("over", "to", "roth")])]  # fmt: skip
PHRASE_WORDS = st.sampled_from(["roll", "ROLL", "it", "over", "move", "to", "Roth", "the", "?"])


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.lists(PHRASE_WORDS, min_size=1, max_size=12), min_size=1, max_size=4))
def test_phrases_added_by_first_word_find_what_one_phrase_matcher_holding_all_finds(
    texts: list[list[str]],
) -> None:
    """Whatever texts came before (each adds the sequences of its first words), a text's
    matches are those of a PhraseMatcher holding every sequence."""
    vocab = get_nlp().vocab
    full, lazy = PhraseMatcher(vocab, attr="LOWER"), _on_demand(FirstWordPhrases, vocab)
    for key, sequences in PHRASES:
        full.add(key, [Doc(vocab, words=list(words)) for words in sequences])
        lazy.add(key, {words[0] for words in sequences}, lambda sequences=sequences: sequences)
    for words in texts:
        doc = Doc(vocab, words=words)
        places = places_of(doc.to_array("LOWER"))
        assert sorted(lazy(doc, places)) == sorted(full(doc))


def test_a_phrase_is_added_only_once_a_text_holds_its_first_word() -> None:
    vocab = get_nlp().vocab
    lazy = _on_demand(FirstWordPhrases, vocab)
    spelled = []
    for key, sequences in PHRASES:
        lazy.add(key, {words[0] for words in sequences}, lambda s=sequences: spelled.append(s) or s)
    assert lazy.waiting == 4 and not spelled  # (roll, move, it, over: nothing spelled yet)
    doc = Doc(vocab, words=["it", "is", "over"])
    found = lazy(doc, places_of(doc.to_array("LOWER")))
    assert [(vocab.strings[key], start, end) for key, start, end in found] == [("b/y", 0, 1)]
    assert lazy.waiting == 2  # ("roll ...", "move ...": no such word yet)
    assert sorted(spelled) == [PHRASES[1][1], PHRASES[2][1]]
