"""Values the text states but the fact checker refuses are reported, not dropped silently.

``Reading.rejected`` holds (fact key, the words it was read from, why): the bot can then
say exactly which fact is wrong ("Your age must be between ...") instead of asking again
as if nothing had been said.
"""

import pytest

from nlu.money import find_amounts
from nlu.reader import EMPTY, read


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ("I am 500", "age", "I am 500"),
        ("I'm 12 years old and have 40k after tax", "age", "I'm 12"),
        ("-5000 in after-tax", "after_tax_total", "-5000 in after-tax"),
        ("I have -$5,000 after tax", "after_tax_total", "-$5,000 after tax"),
        ("I have $-40k after-tax in my 401k", "after_tax_total", "$-40k after-tax"),
        ("my after-tax contributions are -20k", "after_tax_contributions", "-20k"),
    ],
)
def test_a_refused_value_is_named_with_its_words_and_a_reason(
    text: str, key: str, words: str
) -> None:
    reading = read(text)
    assert key not in reading.facts
    [(rejected_key, rejected_words, message)] = reading.rejected
    assert rejected_key == key
    assert words in rejected_words
    assert message  # the checker's sentence, for the person


def test_other_facts_of_the_message_are_kept() -> None:
    reading = read("I'm 12 years old and have 40k after tax")
    assert reading.facts == {"after_tax_total": 40000}


def test_figures_that_do_not_add_up_say_which_one_went() -> None:
    reading = read("after-tax total 40k, contributions 30k, earnings 20k")
    assert reading.facts == {"after_tax_contributions": 30000, "after_tax_earnings": 20000}
    [(key, words, message)] = reading.rejected
    assert (key, words) == ("after_tax_total", "after-tax total 40k")
    assert "add up" in message


@pytest.mark.parametrize(
    "text", ["I am 55 and have $40k after tax", "Nothing to see here", "", "yes"]
)
def test_nothing_is_rejected_when_everything_is_accepted(text: str) -> None:
    assert read(text).rejected == ()


def test_the_empty_reading_rejects_nothing() -> None:
    assert EMPTY.rejected == ()


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("I lost -5000", [-5000]),
        ("-$2.5k", [-2500]),
        ("$-5", [-5]),  # after the sign too
        ("$ -40,000", [-40000]),
        # a dash opening a line of a list is a bullet, not a minus sign
        ("Balances:\n-40k after tax\n-10k earnings", [40000, 10000]),
        # a dash between numbers is a range, and after a word a hyphen
        ("30-35k after-tax", [32500]),
        ("401k-5000", []),
    ],
)
def test_a_minus_sign_stuck_to_a_number_makes_it_negative(text: str, values: list[int]) -> None:
    assert [int(a.value) for a in find_amounts(text)] == values
