"""General phrasings added after the held-out questions (each with fresh wordings here).

Ages and employment said in passing, a basis described as "what I put in", and the
ways people ask about conversions, limits, qualified withdrawals and the provider.
"""

import pytest

from nlu.reader import read


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("My husband (61) and I (59) want to know", {"age": 59, "spouse_age": 61}),
        ("62, retired, two IRAs.", {"age": 62, "still_employed": False}),
        ("I'm 38 and single, no kids", {"age": 38, "filing_status": "single"}),
        ("I'm 50, still at the company for now.", {"age": 50, "still_employed": True}),
        ("I'm 57 and still teaching.", {"age": 57, "still_employed": True}),
        (
            "I have a Roth IRA I opened in 2011.",
            {"has_roth_ira": True, "roth_ira_first_year": 2011},
        ),
        (
            "after-tax is 31,000, of which 26,000 is what I put in",
            {"after_tax_total": 31000, "after_tax_contributions": 26000},
        ),
    ],
)
def test_facts_said_in_passing(text: str, facts: dict) -> None:
    assert read(text).facts == facts


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Can I send the basis to a Roth IRA and the gains to a trad IRA?", "split_rollover"),
        ("what is the best way to get the after-tax money out?", "split_rollover"),
        ("Should I convert some to Roth before I retire?", "convert_all_to_roth"),
        ("converting 40k to roth this year, good idea?", "convert_all_to_roth"),
        ("Convert now or later?", "convert_all_to_roth"),
        ("My Roth is 3 years old. Can I touch it?", "five_year_rule"),
        ("Are my withdrawals qualified?", "qualified_distribution"),
        ("When can I take the growth out tax free?", "qualified_distribution"),
        ("The plan just added an after-tax option.", "mega_backdoor_setup"),
        ("How much can I put in after-tax?", "contribution_limits"),
        ("how much room do I have left this year", "contribution_limits"),
        ("Can we contribute to a Roth IRA at 240k?", "income_limit_roth_ira"),
        ("What's the tax on a 20k conversion?", "tax_due_estimate"),
        ("What's the process at Vanguard?", "provider_process"),
        ("Does Fidelity let you split the check?", "provider_process"),
        ("Voya is asking me to fill out the distribution form", "provider_process"),
    ],
)
def test_ways_of_asking(text: str, intent: str) -> None:
    assert intent in read(text).intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I converted a portion of the funds to a Roth IRA last year.", "convert_all_to_roth"),
        ("Can I contribute to a Roth 401k?", "income_limit_roth_ira"),
        ("See Form 5329 for the penalty.", "provider_process"),
    ],
)
def test_look_alikes_that_ask_something_else(text: str, intent: str) -> None:
    assert intent not in read(text).intents
