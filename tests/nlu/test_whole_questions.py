"""Whole questions, written for these tests in the ways people ask: what must be read.

Each row lists facts that must be read (with their values) and intents that must be
found; facts not listed may or may not be read, but ``absent`` lists facts that must not
be (a wrong fact is worse than a missing one).
"""

import pytest

from nlu.reader import read

QUESTIONS = [
    (
        "Hi all, 47M, wife 45. Household income ~$380k so no direct Roth. My employer "
        "(Alight is the administrator) just added after-tax contributions and in-service "
        "withdrawals. How do I set up the mega backdoor?",
        {
            "age": 47,
            "spouse_age": 45,
            "income": 380000,
            "still_employed": True,
            "plan_allows_in_service": True,
            "provider": "Alight",
        },
        {"mega_backdoor_setup"},
        set(),
    ),
    (
        "I separated from my company in 2021 at age 53. My 401k still sits with John "
        "Hancock: $612k total, $58k after-tax of which $41k is contributions. I'd like the "
        "after-tax contributions in a Roth IRA and the rest in a rollover IRA. Any tax?",
        {
            "separated_from_service_age": 53,
            "still_employed": False,
            "after_tax_total": 58000,
            "after_tax_contributions": 41000,
            "provider": "John Hancock",
        },
        {"split_rollover", "tax_due_estimate"},
        {"year", "pretax_balance"},
    ),
    (
        "We file jointly, 22% bracket. I have $8,500 in a SEP IRA from side work. Does that "
        "mess up the pro rata rule when I convert my 401k after-tax money?",
        {"filing_status": "mfj", "marginal_rate": 0.22, "traditional_ira_balance": 8500},
        {"pro_rata"},
        set(),
    ),
    (
        "My plan does not allow in-service distributions. I'm 58 and plan to leave next "
        "year at 59. Should I wait?",
        {"plan_allows_in_service": False, "age": 58, "retire_age": 59, "still_employed": True},
        {"timing_now_vs_separation"},
        set(),
    ),
    (
        "I have roughly 1.1 million in my 403b with TIAA, nothing after-tax. I'm 64. "
        "What about RMDs?",
        {"age": 64, "provider": "TIAA", "employer_plan_type": "403b"},
        {"rmd"},
        {"pretax_balance", "after_tax_total"},
    ),
    (
        "I'm 33 and contribute 15% pre-tax to my 401k plus $10k/yr after-tax. My plan "
        "offers automatic in-plan Roth conversion.",
        {"age": 33, "annual_after_tax_contribution": 10000, "plan_allows_in_plan_conversion": True},
        {"in_plan_conversion"},
        {"after_tax_total", "pretax_balance"},
    ),
    (
        "My basis is 27,400 and the after-tax account is worth 31,250 now. Still employed.",
        {"after_tax_contributions": 27400, "after_tax_total": 31250, "still_employed": True},
        set(),
        set(),
    ),
    (
        "Question about my husband's 401(k): he's 62, retired in March, and has about "
        "$95,000 after-tax in it. We're MFJ with about $140k income. Can he send it all to "
        "a Roth?",
        {
            "age": 62,
            "still_employed": False,
            "after_tax_total": 95000,
            "income": 140000,
            "filing_status": "mfj",
        },
        {"convert_all_to_roth"},
        set(),
    ),
    (
        "I don't want to do an in-plan conversion; I'd rather roll to my Vanguard Roth IRA. "
        "Does my plan need to allow in-service rollovers for that?",
        {},
        {"in_service_distribution"},
        {"provider"},
    ),
    (
        "yo im 29, 401k w/ schwab, plan has after tax option. never had a roth ira. worth doing?",
        {"age": 29, "has_roth_ira": False, "provider": "Schwab", "employer_plan_type": "401k"},
        set(),
        set(),
    ),
    (
        "Pre-tax: $250,000\nAfter-tax: $40,000\nRoth 401k: $30,000\nWhich of these can go "
        "to a Roth IRA without tax?",
        {"pretax_balance": 250000, "after_tax_total": 40000, "roth_401k_balance": 30000},
        {"tax_due_estimate"},
        {"roth_ira_balance"},
    ),
    (
        "TROWE holds my old 401k from a former employer. Balance is 1.2M; 90k of it is "
        "after-tax. Can they send two checks, one to my Roth IRA and one to my rollover IRA?",
        {"provider": "T. Rowe Price", "still_employed": False, "after_tax_total": 90000},
        {"split_rollover", "provider_process"},
        {"pretax_balance", "roth_ira_balance", "traditional_ira_balance"},
    ),
]


@pytest.mark.parametrize(("text", "facts", "intents", "absent"), QUESTIONS)
def test_whole_question(text: str, facts: dict, intents: set, absent: set) -> None:
    reading = read(text)
    for key, value in facts.items():
        assert reading.facts.get(key) == pytest.approx(value), (key, dict(reading.facts))
    assert intents <= set(reading.intents), reading.intents
    assert not absent & set(reading.facts), dict(reading.facts)
    assert "in_plan_conversion" not in reading.intents or "don't want" not in text


def test_the_spouses_plan_is_not_the_askers() -> None:
    facts = read("I have after-tax money in my plan. My wife is a teacher with a 403b.").facts
    assert "employer_plan_type" not in facts
    facts = read("My wife's 403(b) is with TIAA; my 401k is with Fidelity.").facts
    assert (facts["employer_plan_type"], facts["provider"]) == ("401k", "Fidelity")


@pytest.mark.parametrize(
    "text",
    [
        "My husband's 401k (Fidelity NetBenefits) has after-tax money. Can he move it?",
        "husband has 401k with Fidelity, about $410k all pretax. Should we convert some?",
    ],
)
def test_the_spouses_plan_is_the_one_asked_about_when_the_asker_names_none(text: str) -> None:
    facts = read(text).facts
    assert (facts.get("employer_plan_type"), facts.get("provider")) == ("401k", "Fidelity")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I'm 62, still working part time for the same company. Does stopping contributions "
            "count as separation from service?",
            {"age": 62, "still_employed": True},
        ),
        (
            "We're in the 35% bracket now but expect the 22% bracket in retirement.",
            {"marginal_rate": 0.35},
        ),
        (
            "My spouse and I are both 58. Combined income $310,000. Filing jointly.",
            {"age": 58, "spouse_age": 58, "income": 310000, "filing_status": "mfj"},
        ),
        (
            "Client is 66, retired 2020, 401k at Voya.",
            {"age": 66, "still_employed": False, "provider": "Voya"},
        ),
    ],
)
def test_more_whole_questions(text: str, expected: dict) -> None:
    facts = read(text).facts
    assert {k: facts.get(k) for k in expected} == expected
