"""A case-blind pattern run on the lower-cased text finds what it finds on the text.

The window checks (negation, limit words, table filters, provider links) search the
lower-cased text with ``nlu.context.lowered`` patterns when ``lower_is_exact``: faster,
and these properties check it changes no match, for every such pattern.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlu import context, providers, roles, tables
from nlu.context import (
    CaseBlind,
    Sentences,
    _letter_first,
    lower_is_exact,
    lowered,
    normalise,
    sentence_starts,
)


def _window_patterns() -> list[CaseBlind]:
    """Every CaseBlind the reader searches windows with."""
    found = [context._negation(), context._conditional()]
    for module in (roles, tables):
        found += [v for v in vars(module).values() if isinstance(v, CaseBlind)]
    found += [v for v in roles._settings().values() if isinstance(v, CaseBlind)]
    for entry in tables.entries("facts") + tables.entries("status"):
        found += [c for c in (entry.not_after, entry.needs_after, entry.not_before) if c]
    return found


WINDOW_PATTERNS = _window_patterns()
IN_PLACE = [
    (context._conditional().original, context._conditional().lower),
    *zip(providers._link_words(), providers._lower_link_words(), strict=True),
]
WORDS = st.sampled_from(
    [
        "I", "don't", "not", "No", "never", "if", "Whether", "max", "Limit", "annual",
        "per year", "Roth", "IRA", "401(k)", "plan", "my", "TSP", "outside", "in", "2014",
        "age", "55", "k", "%", "I think", "maybe", "contributed", "put in", "we", "and",
        "but", "so", "however", ",", ";", ":", ".", "?", "\n", "-", "K", "ſ", "ı", "İ", "_",
    ]
)  # fmt: skip
TEXTS = st.one_of(st.lists(WORDS, max_size=30).map(" ".join), st.text(max_size=80))


@settings(max_examples=60, deadline=None)
@given(text=TEXTS, data=st.data())
def test_lowered_patterns_find_the_same_in_lower_cased_windows(text: str, data) -> None:
    text = normalise(text)
    index = Sentences(text, sentence_starts(text))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for blind in WINDOW_PATTERNS:
        want = [m.span() for m in blind.original.finditer(text[start:end])]
        if index.lower_is_exact:
            assert [m.span() for m in blind.lower.finditer(index.lower[start:end])] == want
    for original, lower in IN_PLACE:
        if index.lower_from(start):
            want = [
                (a + start, b + start)
                for a, b in map(re.Match.span, original.finditer(text[start:end]))
            ]
            assert [m.span() for m in lower.finditer(index.lower, start, end)] == want


@settings(max_examples=60, deadline=None)
@given(text=TEXTS, data=st.data())
def test_the_clause_before_an_offset_is_the_one_a_slice_gives(text: str, data) -> None:
    text = normalise(text)
    index = Sentences(text, sentence_starts(text))
    pos = data.draw(st.integers(0, len(text)))
    before = index.before(pos)
    breaks = list(context._CLAUSE_BREAK.finditer(before))
    assert index.clause_before(pos) == (before[breaks[-1].end() :] if breaks else before)


def test_a_leading_word_boundary_moves_after_the_first_letter() -> None:
    assert _letter_first(r"\bplan\b|\btsp\b") == r"p(?<!\wp)lan\b|t(?<!\wt)sp\b"
    assert _letter_first(r"\b(?:no|x?y)\b") == r"(?:n(?<!\wn)o|\bx?y)\b"
    assert _letter_first(r"\b(?:a|b)?c") == r"\b(?:a|b)?c"  # an optional group keeps it
    assert _letter_first(r"[\b(]\bx") == r"[\b(]x(?<!\wx)"


def test_lowered_refuses_what_it_cannot_keep_equal() -> None:
    with pytest.raises(ValueError):
        lowered("plan", 0)  # case-sensitive
    with pytest.raises(ValueError):
        lowered("^plan", in_place=True)  # "^" never matches at a search offset
    assert lowered("^plan").match("plan")


def test_only_dotted_and_dotless_i_and_long_s_make_lower_casing_inexact() -> None:
    assert lower_is_exact("Straße — 401(k) ½")
    assert not lower_is_exact("İstanbul") and not lower_is_exact("ſo")
