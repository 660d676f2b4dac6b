"""The implied facts' gated matching finds what one plain spaCy Matcher finds.

``nlu.implied`` runs each pattern of ``nlu/patterns/implied.yaml`` that needs certain
words or vocabulary classes only on a text holding them, and there only around the
rarest of them (``nlu.gating``), for speed. A match longer than ``MAX_MATCH_TOKENS`` is
dropped either way, so these check that, on real questions and on random word runs drawn
from the patterns' and the vocabulary's own words, the (rule, start, end) matches that
count are those of one ``Matcher`` over the patterns as written.
"""

from functools import cache

from eval_texts import ANSWERS_MORE, BATCH_A, BATCH_B, DEV, REAL, texts_of
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher
from spacy.tokens import Doc

from nlu.data import load
from nlu.gating import needed_words
from nlu.implied import MAX_MATCH_TOKENS, ImpliedFacts, token_specs
from nlu.pipeline import get_nlp

QUESTION_FILES = (BATCH_A, BATCH_B, ANSWERS_MORE, DEV, REAL)


@cache
def implied() -> ImpliedFacts:
    """A fresh one, so that the tests check this build."""
    return ImpliedFacts(get_nlp())


@cache
def reference() -> Matcher:
    """Every pattern of implied.yaml as written, in one Matcher."""
    matcher = Matcher(get_nlp().vocab, validate=True)
    for raw in load("implied")["entries"]:
        matcher.add(raw["id"], [[t for s in p for t in token_specs(s)] for p in raw["patterns"]])
    return matcher


def gated(doc: Doc) -> list[tuple[str, int, int]]:
    strings = doc.vocab.strings
    return sorted((strings[key], start, end) for key, start, end in implied().matches(doc))


def plain(doc: Doc) -> list[tuple[str, int, int]]:
    strings = doc.vocab.strings
    return sorted(
        {
            (strings[key], start, end)
            for key, start, end in reference()(doc)
            if end - start <= MAX_MATCH_TOKENS
        }
    )


def tagged(text: str) -> Doc:
    doc = get_nlp().make_doc(text)
    implied().tag_vocabulary(doc)
    return doc


def _questions() -> list[str]:
    return texts_of(QUESTION_FILES)


def _words() -> list[str]:
    """Every word a pattern or a vocabulary phrase names."""
    words: set[str] = set()
    for raw in load("implied")["entries"]:
        for pattern in raw["patterns"]:
            for spec in pattern:
                if isinstance(spec, dict):
                    value = spec.get("LOWER")
                    value = value.get("IN") if isinstance(value, dict) else value
                    words.update(w for w in (value or []) if isinstance(w, str))
                    if isinstance(value, str):
                        words.add(value)
    for phrases in load("vocabulary")["classes"].values():
        words.update(str(p) for p in phrases)
    return sorted(words)


FILLERS = ["the", "money", "and", "it", "?", ".", "\n", "$", "5,000", "not", "if"]
WORDS = st.sampled_from(_words() + FILLERS)


def test_real_questions_match_as_with_one_plain_matcher() -> None:
    texts = _questions()
    assert len(texts) > 150  # the repository's own sets at least
    matched = 0
    for text in texts:
        doc = tagged(text)
        assert gated(doc) == plain(doc), text[:80]
        matched += bool(plain(doc))
    assert matched > 20  # the comparison is about texts where rules do match


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=40))
def test_word_runs_match_as_with_one_plain_matcher(words: list[str]) -> None:
    doc = tagged(" ".join(words))
    assert gated(doc) == plain(doc)


def test_a_long_text_matches_as_with_one_plain_matcher() -> None:
    # (matches far apart, windows joined and not, a match longer than the bound)
    text = " ".join(_questions()[:40])
    doc = tagged(text)
    assert len(doc) > 2_000
    assert gated(doc) == plain(doc)


def test_a_pattern_needs_its_vocabulary_classes_as_written() -> None:
    pattern = [
        {"LOWER": {"IN": ["my", "our"]}},
        *token_specs("$EMPLOYER"),
        *token_specs("$PLAN?"),
        {"LOWER": {"REGEX": "^allow"}},
    ]
    assert needed_words(pattern, ("LOWER", "NORM")) == [
        frozenset({"my", "our"}),
        frozenset({"EMPLOYER"}),
    ]
    # (the default reads lower-cased words only: the answer catalogue's)
    assert needed_words(pattern) == [frozenset({"my", "our"})]


def test_most_patterns_are_gated() -> None:
    assert len(implied().gated) >= 5
    assert all(gate.longest is not None for gate in implied().gated)


def test_money_kinds_match_as_with_one_plain_matcher() -> None:
    # (the same machinery over patterns/money_kinds.yaml; a "$CLASS" reference's later
    # tokens are gated as at most the longest phrase of the class, written as "*")
    from nlu.money_kinds import MoneyKinds

    kinds = MoneyKinds(get_nlp())
    matcher = Matcher(get_nlp().vocab, validate=True)
    for raw in load("money_kinds")["entries"]:
        matcher.add(raw["id"], [[t for s in p for t in token_specs(s)] for p in raw["patterns"]])
    matched = 0
    for text in _questions():
        doc = tagged(text)
        strings = doc.vocab.strings
        found = sorted((strings[key], start, end) for key, start, end in kinds.matches(doc))
        expected = sorted(
            {(strings[k], s, e) for k, s, e in matcher(doc) if e - s <= MAX_MATCH_TOKENS}
        )
        assert found == expected, text[:80]
        matched += bool(expected)
    assert matched > 20


@cache
def spoken() -> tuple:
    """The spoken facts' patterns (``nlu.spoken``, the same machinery over spoken.yaml),
    and one Matcher over them as written."""
    from nlu.spoken import SpokenFacts

    facts = SpokenFacts(get_nlp())
    matcher = Matcher(get_nlp().vocab, validate=True)
    for raw in load("spoken")["entries"]:
        matcher.add(raw["id"], [[t for s in p for t in token_specs(s)] for p in raw["patterns"]])
    return facts, matcher


def _spoken_matches(doc: Doc) -> tuple[list, list]:
    facts, matcher = spoken()
    strings = doc.vocab.strings
    found = sorted((strings[key], start, end) for key, start, end in facts.matches(doc))
    expected = sorted({(strings[k], s, e) for k, s, e in matcher(doc) if e - s <= MAX_MATCH_TOKENS})
    return found, expected


def test_spoken_facts_match_as_with_one_plain_matcher() -> None:
    # (its one-token regex patterns, "60yo" and "co-mingled", are tested once per distinct
    # word of a text: ``gating.WordRegexes``)
    assert len(spoken()[0].words.tests) >= 2
    matched = 0
    for text in _questions():
        found, expected = _spoken_matches(tagged(text))
        assert found == expected, text[:80]
        matched += bool(expected)
    assert matched > 20


SPOKEN_WORDS = [
    "60yo",
    "58y/o",
    "60YO",
    "9yo",
    "600yo",
    "co-mingled",
    "Comingle",
    "comingled",
    "co",
    "-",
    "mingled",
    "I",
    "am",
    "62",
    "years",
    "old",
    "my",
    "Roth",
    "IRA",
    ".",
]


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(SPOKEN_WORDS + _words()), min_size=1, max_size=30))
def test_spoken_word_runs_match_as_with_one_plain_matcher(words: list[str]) -> None:
    found, expected = _spoken_matches(tagged(" ".join(words)))
    assert found == expected
