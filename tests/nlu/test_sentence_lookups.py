"""The sentence checks of ``nlu.assemble`` skip a regex where its words are absent; the
answers must equal searching every sentence (every clause) with the regex itself. The
sentence holding a token or a character is one look-up (``nlu.context.sentence_holding``)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from nlu.assemble import _SPOUSE_CLAUSE, _Lookups
from nlu.context import Sentences, language_regex, sentence_holding, sentence_starts
from nlu.pipeline import build

# words of both checks in pieces, case variants, and the letters re folds oddly
_PIECES = [
    "not ",
    "NOT",
    "sorry",
    "Actually",
    "i meant",
    "my bad",
    "should be",
    "wife",
    "DH",
    "dw's",
    "partner",
    "typo",
    "ſorry",
    "İ mean",
    "ıt",
    "K",
    "12k",
    "$40",
    "401k",
    " ",
    ", ",
    ". ",
    "\n",
    "a",
    "cannot",
]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=20), data=st.data())
def test_lookups_equal_plain_regex_searches(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    index = Sentences(text, sentence_starts(text))
    look = _Lookups(index)
    pos = data.draw(st.integers(0, len(text) - 1))
    correction = language_regex("correction")
    assert look.corrects(pos) == bool(correction.search(index.sentence(pos)))
    spouse = _SPOUSE_CLAUSE.original
    assert look.spouses(pos) == bool(spouse.search(text, index.bounds(pos)[0], pos))


def test_the_sentence_holding_a_token_or_a_character_is_its_sentence() -> None:
    doc = build()("I have $40k after-tax.  Can I roll it to a Roth IRA? My plan allows it")
    starts = [s.start for s in doc.sents]
    assert len(starts) == 3
    assert [starts[sentence_holding(starts, t.i)] for t in doc] == [t.sent.start for t in doc]
    index = Sentences(doc.text, [s.start_char for s in doc.sents])
    assert [index.bounds(t.idx)[0] for t in doc] == [t.sent.start_char for t in doc]
    assert sentence_holding([3, 8], 2) == -1  # (before the first sentence: none)
