"""Ages, years, filing status and tax bracket, in the ways people state them."""

import pytest

from knowledge.facts import MONEY_KIND_KEYS
from nlu.reader import read


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I am 51 and would retire earliest at 55.", 51),
        ("I'm 56 and plan to use the rule of 55.", 56),
        ("51 yo, married, 401k at Fidelity", 51),
        ("age 51, still working", 51),
        ("Age: 51", 51),
        ("My age is 57.", 57),
        ("I'm a 51-year-old engineer.", 51),
        ("a 50 year old participant had $7,000 in after-tax contributions", 50),
        ("Client age 58 is retired from company.", 58),
        ("My client (age 58, already retired) has a 401k.", 58),
        ("I am now 67 and plan to retire at age 70.", 67),
        ("I'm turning 55 this year.", 54),
        ("I'll be 60 in June, so close to 59 1/2 already", 59),
        ("I will be 55 later this year.", 54),
        ("I just turned 51 and still work there.", 51),
        ("I turned 51 last month.", 51),
        ("I'm 59.5 and retired.", 59),
        ("Advisor question: participant aged 58 separated in 2024.", 58),
        ("34M here, maxing out my 401k.", 34),
    ],
)
def test_age(text: str, age: int) -> None:
    reading = read(text)
    assert reading.facts.get("age") == age, reading.facts


@pytest.mark.parametrize(
    "text",
    [
        "After-Tax Earnings  $2,318.76\nI'm 55 and leaving in June.",
        "Employee After-Tax: $12,345.67\nI am 55 and still working there.",
    ],
)
def test_an_age_opening_the_line_after_a_statement_figure(text: str) -> None:
    # the figure closing the line above is not a number just before the age
    assert read(text).facts.get("age") == 55


@pytest.mark.parametrize(
    "text",
    [
        "Less than 59 ½ years old; my plan allows in-service withdrawals.",
        "Can I withdraw before age 59.5 without penalty?",
        "I'm 5 years from retirement.",
        "I'm 100% sure the plan allows it.",
        "My 25 year old son has a Roth IRA.",
        "the rule of 55 applies when you separate at 55",
        "my wife is 49",
        "I am 500 years old",
        "Do I need to be 55, or is it the year I turn 55?",
        "Can I withdraw when I turn 55?",
        # two ages offered: either may be right, and 59 or 60 decides the 59½ rule
        "I'm 59 or 60, not sure, born in late 1966",
        "I am 52/53",
        "I'll be 55 next year",  # 53 or 54 now, by the birthday
        "my wife will be 60 in June",
        "Will I owe a penalty before I'm 59.5?",  # a time, not the age now
        "I turned 55 in 2021.",  # years ago: the age now is unknown
    ],
)
def test_not_the_askers_age(text: str) -> None:
    assert "age" not in read(text).facts


@pytest.mark.parametrize(
    ("text", "retire_age"),
    [
        ("I am 51 and would retire earliest at 55.", 55),
        ("I plan to retire at age 62.", 62),
        ("hoping to leave my job at 58", 58),
        ("My retirement age will be 65.", 65),
        ("I'm 50 and plan to retire in 5 years.", 55),
    ],
)
def test_retire_age(text: str, retire_age: int) -> None:
    assert read(text).facts.get("retire_age") == retire_age


@pytest.mark.parametrize(
    ("text", "spouse_age"),
    [
        ("my wife is 49", 49),
        ("I'm 52, my husband is 55.", 55),
        ("DW (47) is not working.", 47),
        ("We are 51 and 49.", 49),
        ("my spouse, 60, is retired", 60),
        ("47M, wife 45F, two kids", 45),  # reddit's age-and-sex shorthand
    ],
)
def test_spouse_age(text: str, spouse_age: int) -> None:
    reading = read(text)
    assert reading.facts.get("spouse_age") == spouse_age, reading.facts
    if "I'm 52" in text:
        assert reading.facts["age"] == 52


def test_separated_from_service_age_means_no_longer_employed() -> None:
    facts = read("I retired at 56 last year and I am 57 now.").facts
    assert facts["separated_from_service_age"] == 56
    assert facts["still_employed"] is False


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("I want to do the conversion in 2024.", 2024),
        ("In December 2018 I made an in-plan conversion.", 2018),
        ("In 2007 I rolled it over. Now it's 2010 and I want to convert.", 2010),
        ("the max. pre-tax amount ($17.5k in 2014)", 2014),
        ("Can I do it before 2012 year end? What if I wait until 2013?", 2012),
        ("2026 plan year: I'm deferring $24,500.", 2026),
    ],
)
def test_tax_year(text: str, year: int) -> None:
    assert read(text).facts.get("year") == year


@pytest.mark.parametrize(
    "text",
    [
        "I opened a Roth IRA in 2019.",
        "The Tax Reform Act of 1986 grandfathered them.",
        "post 1986 after tax dollars",
        "I was born in 1970.",
        "IRS Notice 2014-54 allows it.",
        "We bought our house in 2019 for $415,000.",
        "We got married in 2012 and have two kids.",
        "My company was acquired in 2022.",
        "They switched recordkeepers in 2020.",
    ],
)
def test_years_that_are_not_the_tax_year(text: str) -> None:
    assert "year" not in read(text).facts


@pytest.mark.parametrize(
    ("text", "first_year"),
    [
        ("I opened a Roth IRA in 2019.", 2019),
        ("Outside of the 401K I have had a Roth account since 1998.", 1998),
        ("My first Roth contribution was in 2015.", 2015),
        ("does my 2012 Roth cover that?", 2012),
        ("Roth IRA opened 2015 with $6,500.", 2015),
        ("My Roth IRA was opened in 2012.", 2012),
        ("Roth IRA opened in March 2015, nothing since", 2015),
    ],
)
def test_roth_ira_first_year(text: str, first_year: int) -> None:
    facts = read(text).facts
    assert facts.get("roth_ira_first_year") == first_year
    assert facts.get("has_roth_ira") is True


def test_a_roth_opened_inside_the_plan_is_not_a_roth_ira() -> None:
    facts = read("In the 401K I opened a Roth account in 2019.").facts
    assert "roth_ira_first_year" not in facts


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("We are married and file jointly.", "mfj"),
        ("MFJ, two kids", "mfj"),
        ("My husband and I file together.", "mfj"),
        ("I'm married.", "mfj"),
        ("married filing separately", "mfs"),
        ("I'm married but we file separately.", "mfs"),
        ("I'm single.", "single"),
        ("filing single", "single"),
        ("I'm 45, single, and I max out my 401k.", "single"),
        ("I file as head of household.", "hoh"),
    ],
)
def test_filing_status(text: str, status: str) -> None:
    assert read(text).facts.get("filing_status") == status


@pytest.mark.parametrize(
    "text",
    ["Can the administrator send a single check?", "one single distribution", "HSA"],
)
def test_single_as_an_ordinary_word_is_not_a_filing_status(text: str) -> None:
    assert "filing_status" not in read(text).facts


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("I'm in the 24% bracket.", 0.24),
        ("Tax Rate: 37%", 0.37),
        ("marginal rate of 32%", 0.32),
        ("we are in the 22% federal bracket", 0.22),
        ("we're in the 12% bracket federally and 5% state", 0.12),  # the state's is its own
    ],
)
def test_marginal_rate(text: str, rate: float) -> None:
    assert read(text).facts.get("marginal_rate") == pytest.approx(rate)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Tax bracket: 24% fed, 5% state", 0.24),
        ("Tax Rate: 32% Federal, 0% State (TX)", 0.32),
        ("22% bracket now, 12% bracket when I retire", 0.22),
    ],
)
def test_the_federal_bracket_beside_a_state_or_future_rate(text: str, rate: float) -> None:
    assert read(text).facts.get("marginal_rate") == pytest.approx(rate)


@pytest.mark.parametrize(
    "text",
    [
        "I'm in the 5% state bracket",
        "if my tax bracket at retirement drops to 12%",
        "my rate is 11%",  # not a federal bracket
        "withhold 20%",
        # two brackets offered: either may be right
        "I'm in the 22 or 24% bracket, not sure.",
        "we're in the 22%/24% bracket",
        "my tax bracket is 24% or 32%",
    ],
)
def test_rates_that_are_not_the_current_bracket(text: str) -> None:
    assert "marginal_rate" not in read(text).facts


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("My 401K is with TROWE", "401k"),
        ("a 401(k) plan", "401k"),
        ("my 403(b) at work", "403b"),
        ("a distribution from a 457 plan", "457b"),
        ("my pre-tax 457(b) account", "457b"),
        ("I have a TSP account.", "TSP"),
        ("my Roth 401k and my 401k", "401k"),
    ],
)
def test_plan_type(text: str, plan: str) -> None:
    assert read(text).facts.get("employer_plan_type") == plan


# ---- facts about the spouse are not the asker's ----------------------------------------


def test_he_or_she_after_the_bot_asked_about_the_spouse_is_the_spouse() -> None:
    reading = read("he's 61, still working", expecting="spouse_age")
    assert reading.facts == {"spouse_age": 61}


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (
            "My husband is 61 and still working at Boeing; I'm 58 and retired two years ago.",
            {"spouse_age": 61, "age": 58, "still_employed": False},
        ),
        (
            "Asking for my wife. She's 57 and still at the university. Her after-tax account "
            "is about $26k. I'm 60 and retired.",
            {"spouse_age": 57, "age": 60, "still_employed": False},
        ),
        (
            "My wife (53) has her own Roth IRA but I don't. I'm 56.",
            {"spouse_age": 53, "age": 56, "has_roth_ira": False},
        ),
    ],
)
def test_what_is_said_of_the_spouse_stays_the_spouses(text: str, facts: dict) -> None:
    # (the kinds of money named are what the question is about, the spouse's too)
    read_facts = {k: v for k, v in read(text).facts.items() if k not in MONEY_KIND_KEYS}
    assert read_facts == facts


def test_a_question_asked_for_the_spouse_alone_reads_the_spouses_facts() -> None:
    # no "I": the asker speaks for the husband, as an adviser for a client
    reading = read("Question about my husband's 401(k): he's 62 and retired in March.")
    assert reading.facts.get("age") == 62
    assert reading.facts.get("still_employed") is False


def test_the_spouses_pay_is_not_household_income_and_neither_is_mine_alone() -> None:
    reading = read("My husband makes 190k and I make 45k, we file jointly.")
    assert "income" not in reading.facts
    assert read("I'm 29, make 140k.").facts.get("income") == 140000


@pytest.mark.parametrize(
    "text",
    [
        "Background: 47M, wife 45F, two kids (9 and 12), HHI around $240k, we file jointly.",
        "My wife is 45 and our combined income is $240k.",
    ],
)
def test_household_income_after_the_spouse_is_named_is_still_the_households(text: str) -> None:
    assert read(text).facts.get("income") == 240000


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("Still 38, still employed.", {"age": 38, "still_employed": True}),
        ("55, just retired, what now", {"age": 55, "still_employed": False}),
        ("49 now and just started a new job.", {"age": 49}),
        (
            "Currently 58 and planning to hang it up at 60.",
            {"age": 58, "retire_age": 60, "still_employed": True},
        ),
        (
            "I quit in May, the year I turned 55, and I'm 56 now.",
            {"separated_from_service_age": 55, "age": 56, "still_employed": False},
        ),
        ("Single, other income around 40k.", {"filing_status": "single", "income": 40000}),
    ],
)
def test_terse_ages_idioms_and_a_status_opening_a_sentence(text: str, facts: dict) -> None:
    assert read(text).facts == facts


def test_a_figure_stated_as_currently_is_not_an_age() -> None:
    assert "age" not in read("The limit is currently 69,000.").facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("I'm still employed and 38.", {"age": 38, "still_employed": True}),
        ("Wife 52, me 54, MFJ", {"age": 54, "spouse_age": 52, "filing_status": "mfj"}),
        ("my husband 61 and me 58.", {"age": 58, "spouse_age": 61}),
        ("Give me 20, please.", {}),
    ],
)
def test_an_age_after_a_status_and_me_beside_the_spouse(text: str, facts: dict) -> None:
    assert read(text).facts == facts


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I'm 45. My dad is 78 and has $100k after-tax in his 401k. Can he roll it?", 78),
        ("My mom (82) has $60k after-tax in her old 401k. Can she roll it to a Roth?", 82),
        ("I'm asking for my father: he is 70, retired, with $45k after-tax in his 401k.", 70),
        ("I'm 45. My dad has $100k after-tax in his 401k.", None),  # his age: ask
    ],
)
def test_a_question_about_a_parents_plan_takes_the_parents_age_not_the_askers(
    text: str, age: int | None
) -> None:
    # the asker's own age beside a parent's money would cost the parent's rollover as if
    # they were the asker's age (a 10% penalty before 59 1/2)
    assert read(text).facts.get("age") == age


def test_a_parent_named_beside_the_askers_own_plan_changes_nothing() -> None:
    assert read("I'm 45, my parents retired; I have 40k after-tax in my 401k.").facts["age"] == 45


def test_the_asker_and_the_spouse_of_one_age_both_get_it() -> None:
    facts = read("Wife and I are both 59. Only I have a 401k.").facts
    assert (facts.get("age"), facts.get("spouse_age")) == (59, 59)
