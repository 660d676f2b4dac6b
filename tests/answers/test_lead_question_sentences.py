"""Which sentences of a post ask, and which only tell (``nlu.questions``, issue 10).

The reply's lead is chosen from what the question sentences ask, so the marking must be
precise on a story ("When the rollover arrived there were 2 checks." tells; "One was made
payable to the new custodian." tells: "One" is no list marker) and must find questions
put without a "?" ("Can after tax money be rolled over to a Roth IRA.", "I'm wondering
whether ...", "Please advise."). The words are data, ``nlu/patterns/questions.yaml``,
matched with spaCy's PhraseMatcher; each phrase there is spelled in the reader's tokens.
"""

from __future__ import annotations

import pytest

from nlu.data import load
from nlu.pipeline import get_nlp, parse
from nlu.questions import ANNOUNCES, ASKS, PREMISE, TELLS, asking, phrases


def _levels(text: str) -> list[int]:
    doc = parse(text)
    return asking(doc, list(doc.sents))


def _level(sentence: str) -> int:
    levels = _levels(sentence)
    assert len(levels) == 1, f"{sentence!r} read as {len(levels)} sentences"
    return levels[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "When the rollover arrived in the mail there were 2 checks.",  # bd035
        "One was made payable to the new custodian.",  # bd035: "One" is not "1."
        "I can roll it over to my Roth IRA.",  # "I" is no list marker
        "I am 40 and have about $40K of after tax dollars in my 401K.",
        "I would like to roll the after tax portion to a Roth IRA.",
        "Could not find an answer anywhere.",  # a statement, its subject left out
        "Did a backdoor Roth in 2020.",
        "I'm not sure of the exact amount.",  # a hedge on a fact, no question
        "What he wants to do is the mega backdoor Roth.",
        "As a preface, I have a client who is retiring.",
    ],
)
def test_a_sentence_of_the_story_tells(sentence: str) -> None:
    assert _level(sentence) == TELLS


@pytest.mark.parametrize(
    "sentence",
    [
        "Can after tax money be rolled over to a Roth IRA.",  # fq016, no "?"
        "Should after tax amount go into a separate IRA.",  # bd032
        "When can I roll the check over.",
        "How much of it is taxable.",
        "Is it possible to contribute after-tax dollars to a state plan",
        "So, can I convert it now.",
        "Isn't the rollover taxable.",
        "I'm wondering whether the plan allows it.",
        "I am not sure whether the earnings are taxable.",
        "My tax advisor doesn't know if this creates a taxable event.",
        "Please advise.",
        "Any advice would be greatly appreciated!",
        "I just want to confirm my understanding.",
        "My question is, can I take the after-tax money out first.",
        "This does not seem correct to me.",
        "Is this right?",
    ],
)
def test_a_question_asks_with_or_without_a_question_mark(sentence: str) -> None:
    assert _level(sentence) == ASKS


@pytest.mark.parametrize(
    "sentence",
    [
        "Two questions that I have:",  # bd035
        "Questions:",
        "I have a question about the tax consequence of an in-service rollover.",  # fq048
        "My question is in relation to a 5498 tax document I have.",  # bd012
        "I am confused by something my 401k company told me.",  # bb067
    ],
)
def test_a_heading_only_announces_the_questions_after_it(sentence: str) -> None:
    assert _level(sentence) == ANNOUNCES


def test_a_numbered_question_asks() -> None:
    # ("1." may be read as a sentence of its own: it tells nothing and asks nothing)
    assert _levels("1. Is it possible to contribute after-tax dollars to a state plan")[-1] == ASKS
    assert _levels("2) Can I roll the check to my Roth IRA")[-1] == ASKS


def test_the_longest_phrase_decides_whether_a_sentence_asks_or_announces() -> None:
    assert _level("I am confused about whether the rollover is taxable.") == ASKS
    assert _level("I am confused about the rollover.") == ANNOUNCES


def test_the_told_sentence_right_before_a_question_is_its_premise() -> None:
    levels = _levels(
        "My plan has after-tax money. I am still working and under 59 1/2. "
        "Can I take the after-tax money out of my 401k?"
    )
    assert levels == [TELLS, PREMISE, ASKS]


def test_a_list_marker_sentence_is_passed_over_to_find_the_premise() -> None:
    levels = _levels("I am 56 and retired.\n2.\nCan I convert it now?")
    assert levels[0] == PREMISE and levels[-1] == ASKS


@pytest.mark.parametrize(
    "text",
    [
        "I rolled my 401k into a Roth IRA last year. Can I take it back out?",
        "Got a CP2000 for the money I rolled. What do I do?",
        "It's now past 60 days since I received it. Is it too late?",
    ],
)
def test_a_story_before_a_question_is_no_premise(text: str) -> None:
    # what happened brings topics the question may not ask about; only the asker's case
    # ("I am ...", "My client is ...") is the question's premise
    assert _levels(text)[0] == TELLS


def test_a_text_that_asks_nothing_is_all_told() -> None:
    assert set(_levels("About 38k, and I'm 61. My plan separates the money.")) == {TELLS}


def _entries() -> list[tuple[str, dict]]:
    data = load("questions")
    return [
        (section, entry) for section in ("openers", "statements", "cues") for entry in data[section]
    ]


@pytest.mark.parametrize(
    ("section", "entry"), _entries(), ids=[f"{s}-{e['id']}" for s, e in _entries()]
)
def test_every_phrase_is_spelled_in_the_readers_tokens(section: str, entry: dict) -> None:
    # a phrase in other tokens than the tokenizer's would never match ("don't" is two)
    tokenizer = get_nlp().tokenizer
    words = {name: [str(w) for w in ws] for name, ws in load("questions")["words"].items()}
    for sequence in phrases(entry, words):
        if any("’" in word for word in sequence):
            continue  # (the curly apostrophe is the same phrase spelled the other way)
        written = " ".join(sequence)
        assert [t.lower_ for t in tokenizer(written)] == list(sequence), (section, written)
