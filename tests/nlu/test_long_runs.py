"""Long runs of one character (a 20,000-character message of "$" or "?") are read in time
growing with their length, not its square, and read exactly as before the guards.

Speed itself is measured in benchmarks/long_inputs.py; these tests pin what the guards
do: a long run without a space stays one token, and the sentence and provider-link
searches that now skip inside a run find what the plain searches found.
"""

import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from nlu import assemble, context, providers, roles
from nlu.context import Sentences, sentence_starts
from nlu.pipeline import LONGEST_SPLIT_RUN, found, get_nlp
from nlu.reader import read, reading_of

# The sentence ends as written before runs were tried from their first character only.
PLAIN_END = re.compile(r"[.!?\n](?:(?<=\n)\s*|(?<=[.!?])[.!?]*[\"')\]]*\s+)")
END = re.compile(
    r"[.!?\s](?:(?<=[.!?])[.!?]*[\"')\]]*\s+|(?<=\n)\s*|(?<=\s)\s*(?:(?=[•▪●])|-{1,2}\s+(?=[A-Z])))"
)
RUNS = st.lists(
    st.sampled_from(
        ["?", "??", "...", "!", " ", "  ", "\n", "\t", "-", "--", "•", '"', ")", "A", "a", "x."]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=RUNS)
def test_sentence_ends_are_found_as_before(text: str) -> None:
    assert [m.span() for m in context._SENTENCE_END_PLAIN.finditer(text)] == [
        m.span() for m in PLAIN_END.finditer(text)
    ]
    assert [m.span() for m in context._SENTENCE_END.finditer(text)] == [
        m.span() for m in END.finditer(text)
    ]


def test_a_run_longer_than_the_limit_is_one_token() -> None:
    run = "$" * (LONGEST_SPLIT_RUN + 1)
    doc = get_nlp().make_doc(f"I have {run} after-tax")
    assert [t.text for t in doc] == ["I", "have", run, "after", "-", "tax"]


def test_a_shorter_run_is_split_as_the_blank_tokenizer_splits_it() -> None:
    text = "$" * (LONGEST_SPLIT_RUN - 1) + " (401k)??"
    bare = spacy.blank("en").tokenizer(text)
    assert [t.text for t in get_nlp().make_doc(text)] == [t.text for t in bare]


def _link_searching_the_whole_sentence(index: Sentences, start: int, end: int) -> str:
    """providers._nearest_link as it was: every account word of the sentence looked at."""
    s_start, s_end = index.bounds(start)
    plan_words, ira_words = providers._link_words()
    best = None
    for rank, (kind, pattern) in enumerate((("ira", ira_words), ("plan", plan_words))):
        for m in pattern.finditer(index.text, s_start, s_end):
            d = providers._distance(start, end, m)
            if d <= providers.LINK_REACH and (best is None or (d, rank) < best[:2]):
                best = (d, rank, kind)
    return best[2] if best else "neutral"


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "Fidelity",
                "Vanguard",
                "401k",
                "plan",
                "Roth IRA",
                "IRA",
                "brokerage",
                "my",
                "employer",
                "the",
                "money",
                "is",
                "with",
                "after-tax",
                "x" * 30,
                "and",
                ",",
            ]
        ),
        max_size=60,
    )
)
def test_a_provider_is_linked_as_by_searching_the_whole_sentence(words: list[str]) -> None:
    text = " ".join(words)
    index = Sentences(text, sentence_starts(text))
    for hit in providers.find_providers(index):
        nearest = providers._nearest_link(index, hit.start, hit.end)
        assert nearest == _link_searching_the_whole_sentence(index, hit.start, hit.end)


@pytest.mark.parametrize("char", ["$", "?", "(", ".", "🙂", "Principal "])
def test_a_message_of_one_thing_repeated_reads_without_failing(char: str) -> None:
    # unguarded (``read`` would turn an exception into an empty reading)
    reading = reading_of(get_nlp()((char * 20_000)[:20_000]))
    assert reading.facts == {}


# Words for texts of many amounts and cues in one long sentence, where each amount used to
# search back to the sentence start (a 20,000-character message of them took 4 s).
MONEY_WORDS = st.lists(
    st.sampled_from(
        [
            "basis", "20k", "earnings", "4k", "after-tax", "$5,000", "my", "wife", "her",
            "I", "if", "had", "Roth", "IRA", "401k", "x:", "is", "and", ",", "\n", "12k",
            "contributions", "pre-tax", "limit", "of", "the",
        ]
    ),
    max_size=60,
)  # fmt: skip


def _neighbours_by_a_pass_over_every_cue(doc, money, cues, money_starts, topic):
    """roles._nearest's cues as they were found: every cue looked at for each amount."""
    left = right = None
    for span, cue in cues:
        if cue.label_only or (cue.weak and not topic):
            continue
        if span.end <= money.start:
            left = (span, cue)
        elif span.start >= money.end and right is None:
            right = (span, cue)
    if left and not roles._gap_ok(doc, left[0].end, money.start, money_starts):
        left = None
    if right and not roles._gap_ok(doc, money.end, right[0].start, money_starts):
        right = None
    return left, right


@settings(max_examples=200, deadline=None)
@given(words=MONEY_WORDS, topic=st.booleans())
def test_the_nearest_cues_are_those_a_pass_over_every_cue_finds(
    words: list[str], topic: bool
) -> None:
    doc = get_nlp()(" ".join(words))
    monies = found(doc, "money")
    cues = found(doc, "role_cues")
    money_starts = sorted(s.start for s, _ in monies)
    indexed = roles._Cues(cues)
    for money, _amount in monies:
        assert indexed.neighbours(doc, money, money_starts, topic) == (
            _neighbours_by_a_pass_over_every_cue(doc, money, cues, money_starts, topic)
        )


@settings(max_examples=200, deadline=None)
@given(words=MONEY_WORDS, at=st.integers(min_value=0, max_value=400))
def test_matches_before_an_offset_are_those_of_a_search_up_to_it(words: list[str], at: int) -> None:
    text = " ".join(words)
    index = Sentences(text, sentence_starts(text))
    pos = min(at, len(text))
    while pos and pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum():
        pos -= 1  # an amount starts a word: the searches agree at word starts
    pattern = re.compile(r"\b(?:my|her|wife|I|if)\b", re.IGNORECASE)
    start = index.bounds(pos)[0]
    plain = [m.span() for m in pattern.finditer(text, start, pos)]
    assert [m.span() for m in index.matches_before(pattern, pos)] == plain


def test_a_clause_is_read_back_no_further_than_its_reach() -> None:
    # a spouse named far back in one sentence without commas does not own the firm named
    # at its end (each firm of such a text once searched back to the sentence start)
    filler = "and then some more words about nothing " * (assemble.CLAUSE_REACH // 30)
    far = read(f"my wife has a 403b {filler} my 401k is with Fidelity").facts
    assert far.get("provider") == "Fidelity"
    assert "provider" not in read("my wife has a 403b my 401k is with Fidelity").facts
