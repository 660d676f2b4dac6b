"""The own years' Matcher, run only near the year tokens, finds what it finds on the Doc.

``nlu.own_years`` dates a year token by the first match that holds it, so the windowed run
(``_matches``: only the token ranges within a pattern's reach of a year token) must give
the same matches in the same order as the Matcher over the whole Doc: on real questions,
and on random runs of the patterns' own words and years, including runs of the words a
"*" token repeats ("my 2019 tax tax form return").
"""

from eval_texts import ANSWERS_MORE, BATCH_A, BATCH_B, DEV, REAL, texts_of
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from nlu.data import load
from nlu.own_years import _YEAR, _longest_run, _matches, _patterns
from nlu.pipeline import get_nlp


def windowed_and_plain(doc: Doc) -> tuple[list, list]:
    pats = _patterns(doc.vocab)
    years = [t.i for t in doc if _YEAR.match(t.text)]
    windowed = list(_matches(doc, pats, years, [t.lower_ for t in doc])) if years else []
    plain = pats.matcher(doc) if years else []
    return windowed, plain


def test_real_questions_match_as_on_the_whole_doc() -> None:
    texts = texts_of((BATCH_A, BATCH_B, ANSWERS_MORE, DEV, REAL))
    assert len(texts) > 150
    make_doc = get_nlp().make_doc
    with_matches = 0
    for text in texts:
        windowed, plain = windowed_and_plain(make_doc(text))
        assert windowed == plain, text[:80]
        with_matches += bool(plain)
    assert with_matches >= 5  # (the comparison saw matches, not only empty lists)


def _words() -> list[str]:
    data = load("own_years")
    words = {str(w) for ws in data["words"].values() for w in ws}
    words |= {str(w) for ws in data["kinds"].values() for w in ws}
    for entry in data["entries"]:
        for pattern in entry["patterns"]:
            for token in pattern:
                if isinstance(token, dict):
                    value = token.get("LOWER")
                    value = value.get("IN") if isinstance(value, dict) else value
                    if isinstance(value, list):
                        words |= {str(w) for w in value}
                    elif isinstance(value, str) and not value.startswith("$"):
                        words.add(value)
    return sorted(words)


WORDS = st.sampled_from([*_words(), "2017", "2019", "2021", "1999", "I", "the", ".", "x"])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=60))
def test_word_runs_match_as_on_the_whole_doc(words: list[str]) -> None:
    windowed, plain = windowed_and_plain(get_nlp().make_doc(" ".join(words)))
    assert windowed == plain


def test_a_run_of_repeated_words_widens_the_reach() -> None:
    # ("my 2019 <tax words>* return": the words after the year are as many as the run)
    # (more of them than any other pattern reaches after a year: 14 tokens)
    run = "tax federal tax form roth ira " * 3
    doc = get_nlp().make_doc("x " * 40 + "my 2019 " + run + "return" + " x" * 40)
    windowed, plain = windowed_and_plain(doc)
    assert windowed == plain and plain
    assert _longest_run(["tax", "form", "x", "tax"], frozenset({"tax", "form"})) == 2
