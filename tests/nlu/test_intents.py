"""Intents: what is asked, with negation and hedging handled."""

import pytest

from nlu.intents import intent_order
from nlu.reader import read

DESIGN_INTENTS = [
    "split_rollover", "convert_all_to_roth", "in_plan_conversion", "mega_backdoor_setup",
    "in_service_distribution", "timing_now_vs_separation", "five_year_rule",
    "qualified_distribution", "pro_rata", "penalty_early_withdrawal", "rule_of_55",
    "tax_due_estimate", "contribution_limits", "income_limit_roth_ira", "provider_process",
    "withholding", "rmd", "other",
]  # fmt: skip


def test_the_intent_list_is_designs_in_designs_order() -> None:
    assert list(intent_order()) == DESIGN_INTENTS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Can I send the after-tax contributions to a Roth IRA and the earnings to a "
            "traditional IRA?",
            "split_rollover",
        ),
        ("Does Notice 2014-54 let me split the distribution?", "split_rollover"),
        ("How does the TSP handle a split to a Roth IRA?", "split_rollover"),
        ("Can I move the entire 40000 into the new Roth IRA?", "convert_all_to_roth"),
        ("Should I roll the whole 401k into a Roth IRA?", "convert_all_to_roth"),
        ("Is an in-plan Roth conversion better?", "in_plan_conversion"),
        ("How do I set up the mega backdoor Roth?", "mega_backdoor_setup"),
        ("Can I do an in-service withdrawal of after-tax money?", "in_service_distribution"),
        ("Should I do it now or wait until I leave my company?", "timing_now_vs_separation"),
        ("Does the 5 year rule apply to the conversion?", "five_year_rule"),
        ("Is it a qualified distribution?", "qualified_distribution"),
        ("Does the pro-rata rule apply?", "pro_rata"),
        ("Will I pay a 10% penalty if I withdraw it?", "penalty_early_withdrawal"),
        ("Can I use the rule of 55?", "rule_of_55"),
        ("How much tax will I owe on this?", "tax_due_estimate"),
        ("What are the contribution limits this year?", "contribution_limits"),
        ("I make too much for a Roth IRA; is there an income limit?", "income_limit_roth_ira"),
        ("What do I tell my plan administrator?", "provider_process"),
        ("Will they withhold 20%?", "withholding"),
        ("Do RMDs apply to the Roth 401k?", "rmd"),
        ("Where do I report this in TurboTax?", "other"),
        ("what about taxes?", "tax_due_estimate"),
        ("How much will the conversion cost me in taxes?", "tax_due_estimate"),
        ("and the 5 year thing?", "five_year_rule"),
    ],
)
def test_each_intent_has_a_plain_phrasing(text: str, intent: str) -> None:
    assert intent in read(text).intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "I don't want to pay tax on this. Which accounts should get the money?",
            "tax_due_estimate",
        ),
        ("I'm not worried about the 5 year rule.", "five_year_rule"),
        ("I don't want any withholding, I just want to know the steps.", "withholding"),
    ],
)
def test_a_negated_statement_is_not_a_request(text: str, intent: str) -> None:
    assert intent not in read(text).intents


def test_a_negation_inside_a_question_still_asks() -> None:
    assert "tax_due_estimate" in read("Can I do this without paying any tax?").intents


def test_intents_come_in_designs_order_without_repeats() -> None:
    intents = read(
        "How much tax do I owe? Can I split the after-tax to a Roth IRA and the pre-tax "
        "to a traditional IRA? What about tax?"
    ).intents
    assert list(intents) == sorted(set(intents), key=DESIGN_INTENTS.index)


def test_a_question_with_no_known_intent_is_other() -> None:
    assert read("What is the difference between these two accounts?").intents == ("other",)


@pytest.mark.parametrize("text", ["52", "yes", "thanks"])
def test_short_replies_have_no_intent(text: str) -> None:
    assert read(text).intents == ()


def test_split_in_the_same_sentence_overrides_convert_all() -> None:
    intents = read(
        "They can roll over the entire amount but isolate the after-tax funds to a Roth."
    ).intents
    assert "split_rollover" in intents
    assert "convert_all_to_roth" not in intents


@pytest.mark.parametrize(
    "text",
    [
        "convert it to Roth inside the plan",
        "Can I convert it to Roth within the plan?",
        "should I convert the after-tax money to Roth in the plan",
        "I want to convert everything to Roth in my 401k",
        "convert it all to roth inside the plan",
    ],
)
def test_converting_to_roth_inside_the_plan_is_an_in_plan_conversion(text: str) -> None:
    intents = read(text).intents
    assert "in_plan_conversion" in intents
    assert "convert_all_to_roth" not in intents


@pytest.mark.parametrize(
    "text", ["Should I convert it to a Roth IRA?", "convert everything to Roth, pay the tax"]
)
def test_converting_to_roth_outside_the_plan_is_still_a_conversion(text: str) -> None:
    assert "convert_all_to_roth" in read(text).intents
