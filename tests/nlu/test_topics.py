"""Out-of-scope topics the conversation hands to a person."""

import pytest

from nlu.reader import OUT_OF_SCOPE, read


def test_out_of_scope_names_each_topic_for_a_person() -> None:
    assert set(OUT_OF_SCOPE) == {"qdro", "inherited", "state_tax", "pre_1987"}
    assert all(description for description in OUT_OF_SCOPE.values())


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("My ex-wife gets half under a QDRO.", "qdro"),
        ("We are divorcing; how is the 401k split?", "qdro"),
        ("I inherited a 401k from my father.", "inherited"),
        ("I am the beneficiary of my aunt's Roth IRA.", "inherited"),
        ("What about California state tax?", "state_tax"),
        ("Will I owe state income tax on the earnings?", "state_tax"),
        ("I made after-tax contributions before 1987.", "pre_1987"),
        ("Are pre-1987 contributions grandfathered?", "pre_1987"),
    ],
)
def test_topics(text: str, topic: str) -> None:
    assert topic in read(text).topics


def test_an_ordinary_question_has_no_topic() -> None:
    assert read("Can I roll my after-tax 401k money to a Roth IRA?").topics == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "I don't have a QDRO.",
        "There is no QDRO on my 401k, it's all mine.",
        "It was not inherited; it is my own 401k.",
    ],
)
def test_a_negated_topic_needs_no_person(text: str) -> None:
    assert read(text).topics == frozenset()


def test_a_question_about_the_topic_still_needs_a_person() -> None:
    assert "qdro" in read("Do I need a QDRO?").topics
