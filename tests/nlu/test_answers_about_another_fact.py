"""A reply that plainly states some other fact answers that fact, not the question asked.

When the bot has just asked for an amount (or a retirement age), "I am 500" or "I'm 52"
is an age phrase: it gives the age (or is rejected as an age), and the number is never
stored as the fact the bot was expecting.
"""

import pytest

from nlu.reader import read


@pytest.mark.parametrize(
    "expecting",
    ["after_tax_contributions", "after_tax_earnings", "income", "retire_age", "year"],
)
@pytest.mark.parametrize(
    ("text", "age"),
    [("I'm 52", 52), ("i am 61", 61), ("I am now 47", 47), ("58 years old", 58)],
)
def test_an_age_phrase_gives_the_age_not_the_expected_fact(
    text: str, age: int, expecting: str
) -> None:
    reading = read(text, expecting=expecting)
    assert reading.facts.get("age") == age
    assert expecting not in reading.facts


@pytest.mark.parametrize(
    "expecting", ["after_tax_contributions", "pretax_balance", "income", "retire_age"]
)
@pytest.mark.parametrize("text", ["I am 500", "I'm 250", "age 300"])
def test_an_impossible_age_is_rejected_as_an_age_and_stored_as_nothing(
    text: str, expecting: str
) -> None:
    reading = read(text, expecting=expecting)
    assert expecting not in reading.facts
    assert "age" not in reading.facts
    assert [key for key, _words, _why in reading.rejected] == ["age"]


@pytest.mark.parametrize(
    ("text", "expecting", "value"),
    [
        ("500", "after_tax_contributions", 500),
        ("about 12k", "after_tax_earnings", 12000),
        ("62", "retire_age", 62),
    ],
)
def test_a_bare_answer_still_answers_the_question(text: str, expecting: str, value: int) -> None:
    assert read(text, expecting=expecting).facts.get(expecting) == value


@pytest.mark.parametrize("text", ["She is 50.", "he's 61, still working"])
def test_he_or_she_answers_a_question_about_the_spouse(text: str) -> None:
    reading = read(text, expecting="spouse_age")
    assert reading.facts.get("spouse_age") in (50, 61)
    assert "age" not in reading.facts
