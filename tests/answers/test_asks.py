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


@pytest.mark.parametrize(
    "text",
    [
        # fq067, verbatim
        "Here’s the question: can I then roll over the pre-tax and gains part of the "
        "traditional IRA into the 401k, leaving the after-tax contributions which could then "
        "be rolled into a Roth?",
        "Could I move just the pretax part of my IRA into my new employer's plan?",
    ],
)
def test_rolling_an_iras_pretax_money_into_a_plan_is_isolating_the_basis(text: str) -> None:
    assert read(text).asks[:1] == ("isolate_basis",)


def test_rolling_a_401k_into_an_ira_is_not_isolating_the_basis() -> None:
    assert (
        "isolate_basis" not in read("Can I roll my 401k pretax money into a traditional IRA?").asks
    )


def test_income_tax_is_not_the_income_limit() -> None:
    # fq067, verbatim
    text = (
        "Or, is it not allowed to split the traditional IRA like that, and I’d have to "
        "convert it to a Roth on the pro-rata basis, paying income tax?"
    )
    assert "income_limit" not in read(text).asks
    assert "income_limit" in read("Is there an income limit on a Roth conversion?").asks


def test_a_401k_written_401K_before_roth_is_a_roth_401k() -> None:
    # fq026, verbatim ("401K" is read as "401" and "K")
    text = (
        "Just wondering, does the 5 year rule apply to my 401K Roth, or does my 1998 Roth "
        "cover that."
    )
    assert read(text).asks[:1] == ("roth_401k_five_year",)


def test_leaving_said_in_passing_is_not_the_timing_question() -> None:
    # fq026, verbatim: the plan to retire is context
    text = "I'm 56 and plan to use the Rule of 55 to access my 401K money after I retire Nov. 2."
    assert "timing_now_or_later" not in read(text).asks
    assert "timing_now_or_later" in read("Should I wait until I retire to do this?").asks
