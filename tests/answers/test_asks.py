"""Which questions a text asks, in the order asked: real phrasings per catalogue id."""

from __future__ import annotations

import pytest

from nlu.reader import read


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # fq028, verbatim
        (
            'How long after my actual job separation date can I "do" rule of 55?',
            "rule_of_55_deadline",
        ),
        (
            "When the plan says 'withdraw', does that mean an in-plan conversion?",
            "withdraw_meaning",
        ),
        ("What exactly is age 59 1/2?", "when_59_half"),
        ("Will I owe the 10% penalty on any of this since I'm only 45?", "no_penalty_on_rollover"),
        (
            "Does rolling the after-tax 401(k) money to my Roth let me exceed the IRA maximum?",
            "rollover_not_ira_limit",
        ),
        ("Which forms do I use to report the rollover?", "tax_forms"),
        ("Where is the IRS language that supports it?", "authority"),
        (
            "Does the pro rata rule apply here? We are converting within the plan.",
            "prorata_in_plan",
        ),
        ("Can I roll just the after-tax contributions into the Roth IRA?", "prorata_partial"),
        ("Do I need to wait until I leave my company?", "timing_now_or_later"),
        ("Is anything withheld on a direct rollover?", "withholding"),
        (
            "Can I move the after-tax money in my 401k to a Roth IRA without paying tax?",
            "move_to_roth",
        ),
    ],
)
def test_a_question_is_recognised(text: str, first: str) -> None:
    assert read(text).asks[:1] == (first,)


def test_several_questions_come_in_the_order_asked() -> None:
    asks = read(
        "What exactly is age 59½? Also, can I roll just the after-tax money to a Roth IRA?"
    ).asks
    assert asks.index("when_59_half") < asks.index("prorata_partial")


def test_a_sentence_that_asks_ranks_before_one_that_only_states() -> None:
    asks = read(
        "I have not been able to contribute to a Roth due to limits on income. "
        "Do I need to wait until I leave my company?"
    ).asks
    assert asks[0] == "timing_now_or_later" and "income_limit" in asks


@pytest.mark.parametrize("text", ["", "hello", "What's the weather in Paris tomorrow?"])
def test_nothing_asked_is_nothing_recognised(text: str) -> None:
    assert read(text).asks == ()
