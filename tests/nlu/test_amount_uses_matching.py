"""The amounts that moved are found as with one plain spaCy Matcher.

``nlu.amount_uses`` runs the patterns of ``nlu/patterns/amount_uses.yaml`` only where
the words they need are, before the last amount ("before" patterns) or after the first
("after" patterns) (``nlu.gating``), for speed. These check that on real questions and
on random word runs with amounts the moved amounts, and the rule that names each, are
those of one ``Matcher`` over the patterns as written (where rules of one side meet at
an amount, the first in the file names it).
"""

from functools import cache

from eval_texts import ANSWERS_MORE, BATCH_A, BATCH_B, DEV, REAL, texts_of
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher
from spacy.tokens import Doc

from nlu.amount_uses import AmountUses
from nlu.data import load
from nlu.pipeline import found, get_nlp, parse

QUESTION_FILES = (BATCH_A, BATCH_B, ANSWERS_MORE, DEV, REAL)


@cache
def amount_uses() -> AmountUses:
    """A fresh one, so that the tests check this build."""
    return AmountUses(get_nlp())


@cache
def reference() -> tuple[Matcher, dict[str, str], list[str]]:
    """Every pattern of amount_uses.yaml as written, in one Matcher; each rule's side;
    the rules in file order."""
    matcher = Matcher(get_nlp().vocab, validate=True)
    entries = load("amount_uses")["entries"]
    for raw in entries:
        matcher.add(raw["id"], raw["patterns"])
    return matcher, {raw["id"]: raw["side"] for raw in entries}, [raw["id"] for raw in entries]


def amounts(doc: Doc) -> list[tuple[int, int, object]]:
    return [(span.start, span.end, amount) for span, amount in found(doc, "money")]


def plain(doc: Doc) -> list[tuple[int, int, str]]:
    matcher, side, order = reference()
    strings = doc.vocab.strings
    ends: dict[int, list[str]] = {}
    starts: dict[int, list[str]] = {}
    for key, start, end in matcher(doc):
        rule = strings[key]
        (
            ends.setdefault(end, []) if side[rule] == "before" else starts.setdefault(start, [])
        ).append(rule)
    first = {rule: i for i, rule in enumerate(order)}
    moved = []
    for start, end, _amount in amounts(doc):
        rules = ends.get(start) or starts.get(end)
        if rules:
            moved.append((start, end, min(rules, key=first.__getitem__)))
    return moved


def gated(doc: Doc) -> list[tuple[int, int, str]]:
    return [(first, end, rule) for first, end, rule, _a in amount_uses().moved(doc, amounts(doc))]


def test_real_questions_match_as_with_one_plain_matcher() -> None:
    texts = texts_of(QUESTION_FILES)
    assert len(texts) > 150  # the repository's own sets at least
    moved = 0
    for text in texts:
        doc = parse(text)
        assert gated(doc) == plain(doc), text[:80]
        moved += bool(plain(doc))
    assert moved > 10  # the comparison is about texts where amounts move


def _words() -> list[str]:
    words: set[str] = set()
    for raw in load("amount_uses")["entries"]:
        for pattern in raw["patterns"]:
            for token in pattern:
                value = token.get("LOWER")
                value = next(iter(value.values())) if isinstance(value, dict) else value
                words.update(w for w in (value if isinstance(value, list) else [value]))
    return sorted(str(w) for w in words)


WORDS = st.sampled_from([*_words(), "$5,000", "$20k", "40,000", "the", "ira", "and", "."])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=30))
def test_word_runs_match_as_with_one_plain_matcher(words: list[str]) -> None:
    doc = parse(" ".join(words))
    assert gated(doc) == plain(doc)


def test_a_sum_rolled_over_is_found_by_its_first_rule() -> None:
    doc = parse("I rolled over about $5,000 and then $7,000 converted from the IRA.")
    assert [rule for _f, _e, rule in gated(doc)] == ["moved_before", "moved_after"]
