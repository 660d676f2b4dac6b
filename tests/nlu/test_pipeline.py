"""The spaCy pipeline: a blank English model with rule components, built once."""

import gc
from functools import cache

import spacy
from eval_texts import BATCH_A, BATCH_B, DEV, REAL, texts_of
from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc

from nlu.gating import build_on_demand
from nlu.pipeline import COMPONENTS, GROUPS, build, char_span, found, get_nlp


def test_the_pipeline_is_blank_english_with_rule_components_only() -> None:
    nlp = build()
    assert nlp.lang == "en"
    assert tuple(nlp.pipe_names) == COMPONENTS
    assert nlp.meta["name"] == spacy.blank("en").meta["name"]  # no trained model


def test_the_tokenizer_is_blank_englishs_with_long_runs_kept_whole() -> None:
    """The pipeline's language object is made directly (``English()``, not through the
    config as ``spacy.blank`` makes it): the same tokenizer settings and the same tokens
    on real questions, only ``token_match`` (a run of 200 characters) its own."""
    ours, blank = build(), spacy.blank("en")
    tokenizer, theirs = ours.tokenizer.tokenizer, blank.tokenizer
    assert tokenizer.rules == theirs.rules
    for name in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        assert getattr(tokenizer, name).__self__.pattern == getattr(theirs, name).__self__.pattern
    assert tokenizer.token_match.__self__.pattern == r"\S{200}"
    assert theirs.token_match is None
    assert sorted(ours.vocab.lex_attr_getters) == sorted(blank.vocab.lex_attr_getters)
    assert (ours.max_length, ours.batch_size) == (blank.max_length, blank.batch_size)
    texts = texts_of((BATCH_A, BATCH_B, DEV, REAL))
    assert len(texts) > 250
    for text in texts:
        assert [t.text for t in tokenizer(text)] == [t.text for t in theirs(text)]


def _tokens(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.whitespace_, t.norm_) for t in doc]


def _built_for_one_text() -> Language:
    """The pipeline as ``rothbot ask`` builds it (``nlu.pipeline.for_one_text``)."""
    previous = build_on_demand(True)
    try:
        return build()
    finally:
        build_on_demand(previous)


def test_for_one_text_the_tokenizer_exceptions_wait_for_a_text_that_needs_them() -> None:
    """``rothbot ask``'s tokenizer is made without spaCy's 1,347 exceptions and adds
    those a text could need before splitting it: the tokens (text, spaces, norms) equal
    ``spacy.blank("en")``'s on the real questions, read one after another by one
    tokenizer, and only a few exceptions were added."""
    ours, blank = _built_for_one_text(), spacy.blank("en")
    tokenizer = ours.tokenizer.tokenizer
    assert 0 < len(tokenizer.rules) < 10  # (the ones holding whitespace: "\n", "\t")
    texts = texts_of((BATCH_A, BATCH_B, DEV, REAL))
    for text in texts:
        assert _tokens(ours.make_doc(text)) == _tokens(blank.make_doc(text)), text
    assert 100 < len(tokenizer.rules) < len(blank.tokenizer.rules)
    # (a first text alone: "don't" and "a.m." split as spaCy splits them)
    text = "I don't know: 9 a.m. (or p.m.?) :) it's Dr. Smith's 401(k)."
    assert _tokens(_built_for_one_text().make_doc(text)) == _tokens(blank.make_doc(text))


_EXCEPTIONS = sorted(English.Defaults.tokenizer_exceptions)


def _spaced(chunk_at: tuple[str, int]) -> str:
    chunk, at = chunk_at
    return f"{chunk[:at]} {chunk[at:]}"


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_EXCEPTIONS),
            st.sampled_from(_EXCEPTIONS).map(lambda chunk: chunk[: len(chunk) // 2]),
            st.tuples(st.sampled_from(_EXCEPTIONS), st.integers(1, 11)).map(_spaced),
            st.sampled_from(["a", "m", ".", "(", ")", ":", "'", "-", "s", "don", "t", "1"]),
        ),
        max_size=8,
    ),
    st.lists(st.sampled_from(["", "", " ", "  ", "\n", "\t"]), min_size=8, max_size=8),
)
@example(["( :(", "╯°□°）"], [""] * 8)
@example(["Mich.:( )"], [""] * 8)
def test_for_one_text_runs_of_exceptions_split_as_spacy_splits_them(
    parts: list[str], gaps: list[str]
) -> None:
    """Exceptions and pieces of them glued, split by a space, or broken by whitespace: a
    tokenizer that adds only the exceptions a text could need splits it as one that
    holds them all. (spaCy's second pass matches an exception's tokens across a single
    space, and such a match, though it changes nothing itself, keeps another from
    overlapping it: "( :(" is split "(", ":", "(" because of "(:".)"""
    text = "".join(part + gap for part, gap in zip(parts, gaps, strict=False))
    blank = _blank()
    assert _tokens(_built_for_one_text().make_doc(text)) == _tokens(blank.make_doc(text))


@cache
def _blank() -> Language:
    return spacy.blank("en")


def test_the_pipeline_is_built_once_per_process() -> None:
    assert get_nlp() is get_nlp()


def test_the_pipeline_is_kept_out_of_the_garbage_collectors_rounds() -> None:
    # (a full collection walking spaCy's and the pipeline's objects took 55-65 ms of one
    # read, now and then: ``gc.freeze`` once the pipeline is built)
    get_nlp()
    assert gc.get_freeze_count() > 50_000
    assert gc.isenabled()  # (paused while the pipeline was built, not after)


def test_every_span_group_is_filled_even_for_an_empty_finding() -> None:
    doc = build()("Hello there.")
    assert set(GROUPS) <= set(doc.spans)
    assert all(len(doc.spans[group]) == 0 for group in GROUPS)


def test_components_record_spans_with_payloads() -> None:
    doc = build()("I am 51. I have $40K after-tax in my 401(k) with TROWE.")
    assert [s.text for s in doc.spans["money"]] == ["$40K"]
    # (the kinds of money a text names are phrases too: nlu.money_kinds)
    assert [s.label_ for s in doc.spans["phrases"]] == ["age", "has_after_tax_money"]
    assert [(s.text, p.link) for s, p in found(doc, "providers")] == [("TROWE", "plan")]
    assert [s.text for s in doc.spans["plan_types"]] == ["401(k)"]
    assert "after_tax_total" in [s.label_ for s in doc.spans["role_cues"]]


def test_sentences_survive_abbreviations_and_split_on_bullets() -> None:
    doc = build()("The max. pre-tax amount is set.\n• Pre-tax: $300k\n• After-tax: $50k")
    assert [s.text.strip() for s in doc.sents] == [
        "The max. pre-tax amount is set.",
        "• Pre-tax: $300k",
        "• After-tax: $50k",
    ]


def test_batched_reading_matches_one_by_one() -> None:
    from nlu.reader import read, read_many

    texts = ["I am 51", "", "My 401K is with TROWE", "about 40k after-tax"]
    assert list(read_many(texts)) == [read(t) for t in texts]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab1$(k). \n,'-")), min_size=1, max_size=40),
    data=st.data(),
)
def test_character_spans_map_to_tokens_as_spacy_does(text: str, data: st.DataObject) -> None:
    """``char_span`` (from one offset array) equals ``Doc.char_span(expand)``."""
    doc = spacy.blank("en")(text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    expected = doc.char_span(start, end, alignment_mode="expand")
    got = char_span(doc, start, end)
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert (got.start, got.end) == (expected.start, expected.end)
