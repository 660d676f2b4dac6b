"""Plan providers from the data file: canonical names, aliases, misspellings, links."""

import pytest

from nlu.reader import read


@pytest.mark.parametrize(
    ("text", "provider"),
    [
        ("My 401K is with TROWE", "T. Rowe Price"),
        ("my 401k is at T Rowe", "T. Rowe Price"),
        ("our plan is administered by TRP", "T. Rowe Price"),
        ("My employer plan is through Fidelity", "Fidelity"),
        ("I checked NetBenefits for my 401k", "Fidelity"),
        ("my 401k is with Fido", "Fidelity"),
        ("Fidelity Investments just offered our company plan", "Fidelity"),
        ("My 401(k) is at Vanguard.", "Vanguard"),
        ("my employer 401k provider, Merrill Lynch, said yes", "Merrill Lynch"),
        ("The plan is with Empower.", "Empower"),
        ("Our 403b is with TIAA.", "TIAA"),
        ("my 401k at John Hancock", "John Hancock"),
        ("the plan is run by Principal", "Principal"),
        ("401k with Voya", "Voya"),
        ("Schwab is the record keeper of my plan", "Schwab"),
        ("our 401(k) moved to Alight", "Alight"),
        ("my 401k plan at Transamerica", "Transamerica"),
        ("The 401k provider is Guideline.", "Guideline"),
        ("my 401k is at ADP", "ADP"),
        ("my 457b is with Nationwide", "Nationwide"),
        ("our 401k is with Ascensus", "Ascensus"),
        ("the plan provider is Prudential", "Prudential"),
        ("Principal is my 401k provider.", "Principal"),
        ("Empower is our record keeper.", "Empower"),
        ("My 401k is at troweprice.com", "T. Rowe Price"),
        ("Our hospital's 403b is run by Mutual of America.", "Mutual of America"),
        ("My old 403b at Corebridge still has $12k after-tax in it.", "Corebridge"),
        ("my 403(b) with VALIC", "Corebridge"),
        ("My 401k is with Principle.", "Principal"),  # the common misspelling
        ("My 401k is with Ameriprise.", "Ameriprise"),
        ("J.P. Morgan Workplace runs our plan", "J.P. Morgan"),
        ("Our 401k is with Vestwell.", "Vestwell"),
        ("my 401k is at Slavic401k", "Slavic401k"),
        ("Our 401k is with Newport.", "Newport Group"),
    ],
)
def test_provider_aliases(text: str, provider: str) -> None:
    assert read(text).facts.get("provider") == provider


@pytest.mark.parametrize(
    "text",
    [
        "Can I now setup a Roth IRA with TROWE?",
        "I rolled my old 401k to a Vanguard IRA.",
        "I deposited the check into my Vanguard Roth IRA account.",
        "I will touch the principal after 59 1/2.",  # "principal" is a word, not the firm
        "Principal and earnings are separate.",
        "Principal in my 401k is 30k and the rest is growth.",
        "We need to empower savers.",
        "In principle, my 401k allows it.",
        "I live in Newport.",
    ],
)
def test_a_provider_named_only_as_an_ira_place_is_not_the_plan_provider(text: str) -> None:
    assert "provider" not in read(text).facts


def test_the_plan_link_wins_over_an_ira_mention_of_another_provider() -> None:
    text = "My 401K is with TROWE. I want to open a Roth IRA at Schwab."
    assert read(text).facts["provider"] == "T. Rowe Price"


@pytest.mark.parametrize(
    "text",
    [
        "My plan is with Fidelity but my Roth IRA is at Vanguard, after-tax 25k.",
        "401k at Fidelity, Roth IRA at Vanguard, after-tax 25k.",
        "My Roth IRA is held at Vanguard; the 401k is administered by Fidelity.",
    ],
)
def test_the_account_said_to_be_with_a_firm_decides_its_link(text: str) -> None:
    # the firm of the plan is named in the same sentence as another firm's Roth IRA, and
    # each is nearer to the other's account word than to its own
    assert read(text).facts["provider"] == "Fidelity"


def test_a_firm_said_to_keep_the_plan_beats_the_employer_named_near_it() -> None:
    text = "I work at Fidelity (the company) but my 401k is administered by Alight."
    assert read(text).facts["provider"] == "Alight"


def test_a_new_roth_ira_at_the_same_provider_keeps_the_plan_link() -> None:
    text = "My 401K is with TROWE. Can I set up a Roth IRA with TROWE?"
    reading = read(text)
    assert reading.facts["provider"] == "T. Rowe Price"
    assert reading.evidence["provider"] == "TROWE"


@pytest.mark.parametrize(
    "text", ["oops it's Vanguard not Fidelity", "My 401k is at Vanguard, not Fidelity."]
)
def test_a_firm_taken_back_is_not_the_plans(text: str) -> None:
    assert read(text).facts["provider"] == "Vanguard"


@pytest.mark.parametrize(
    "text",
    [
        # ba082, verbatim: the Roth 401(k) money goes into the person's own Schwab account
        "Or maybe the above isn't true and I would need to transfer my 401K Roth funds into my "
        "almost 4 year old schwab account in order to access all of it in 2026?",
        "I moved my old 401k money to my Vanguard brokerage account last year.",
    ],
)
def test_a_firm_keeping_the_persons_own_account_is_not_the_plans(text: str) -> None:
    assert "provider" not in read(text).facts


def test_a_text_that_names_no_plan_names_no_plan_provider() -> None:
    # ba034's words: a backdoor Roth IRA, no employer plan anywhere
    text = (
        "There was $7,000.33 converted from a traditional IRA to a Roth IRA. I called Vanguard "
        "to see how I could fix that extra 33 cents."
    )
    assert "provider" not in read(text).facts
    assert read("I called Vanguard about my 401k.").facts.get("provider") == "Vanguard"


def test_plan_the_verb_ties_no_firm_to_the_plan() -> None:
    # "plan to open one at Schwab": the firm of a Roth IRA to come, not the 401k's
    text = "I have no Roth IRA yet but plan to open one at Schwab. My 401k has after-tax money."
    assert "provider" not in read(text).facts
