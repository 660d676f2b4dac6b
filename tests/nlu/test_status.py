"""Yes/no facts: still employed, has a Roth IRA, what the plan allows."""

import pytest

from knowledge.facts import MONEY_KIND_KEYS
from nlu.reader import read


@pytest.mark.parametrize(
    ("text", "employed"),
    [
        ("I will still remain in my 401K plan and continue to contribute.", True),
        ("I'm still working for the company.", True),
        ("I'm not retired yet.", True),
        ("I haven't left my job.", True),
        ("I work there still.", True),
        ("Retiring end of year.", True),
        ("I'm unemployed.", False),
        ("I'm between jobs.", False),
        ("I'm a retiree.", False),
        ("Laid off in May, 56, 401k at Fidelity.", False),
        ("I don't work there anymore.", False),
        ("My client is still employed, age 49.", True),
        ("Participant aged 58 separated in 2024.", False),
        ("I've been putting 10% after-tax.", True),
        ("I am 55 and still working", True),
        ("I'm 58, still working full time.", True),
        ("My current employer offers after-tax contributions.", True),
        ("The company I work for offers a 401k.", True),
        ("My employer allows in-plan conversions.", True),
        ("I'll be retiring soon.", True),
        ("I am leaving my job on April 15.", True),
        ("I left my job last year.", False),
        ("I recently left my job.", False),
        ("I have a 401k from a former employer.", False),
        ("I retired last year.", False),
        ("Client age 58 is retired from company.", False),
        ("I'm already retired.", False),
        ("I was laid off in March.", False),
        ("My 401(k) is with a previous employer; I plan to retire at 70.", False),
    ],
)
def test_still_employed(text: str, employed: bool) -> None:
    assert read(text).facts.get("still_employed") is employed


def test_strong_cues_that_disagree_leave_employment_unknown() -> None:
    facts = read("My current employer has a 401k. I also left my job at the bank.").facts
    assert "still_employed" not in facts


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("I don't currently have a Roth IRA.", False),
        ("He has no Roth's yet.", False),
        ("I've never opened a Roth.", False),
        ("I would need to open a Roth IRA first.", False),
        ("My Roth IRA was opened in 2012.", True),
        ("I already have a Roth IRA at Vanguard.", True),
        ("I contributed to my Roth IRA last year.", True),
        ("Can I roll it into an existing Roth IRA?", True),
        ("I've put $5,500 into a traditional IRA and converted that to a backdoor Roth.", True),
        ("I've had a Roth since college.", True),
        ("I do have a Roth IRA.", True),
        ("I've done backdoor Roths for years.", True),
        ("I have both a Roth and a traditional IRA.", True),
        ("No Roth accounts at all.", False),
        ("I have a Roth 401k but no Roth IRA.", False),
    ],
)
def test_has_roth_ira(text: str, has: bool) -> None:
    assert read(text).facts.get("has_roth_ira") is has


@pytest.mark.parametrize(
    "text",
    [
        "Can I roll the after-tax money to a Roth IRA?",
        "I want to open a Roth IRA for this.",
        "I have not been able to contribute to a Roth due to income limits.",
        "They will do a direct rollover to either my Rollover IRA or my Roth IRA.",
    ],
)
def test_roth_ira_ownership_not_stated(text: str) -> None:
    assert "has_roth_ira" not in read(text).facts


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "My 401K plan allows in-service withdrawal of after-tax money.",
            "plan_allows_in_service",
            True,
        ),
        (
            "They said I am allowed to roll over after-tax monies while I am still employed.",
            "plan_allows_in_service",
            True,
        ),
        ("My plan does not allow in-service withdrawals.", "plan_allows_in_service", False),
        (
            "The plan allows participants to convert via an in-plan Roth conversion feature.",
            "plan_allows_in_plan_conversion",
            True,
        ),
        ("In December 2018 I made an in-plan conversion.", "plan_allows_in_plan_conversion", True),
        (
            "My plan doesn't offer in-plan Roth conversions.",
            "plan_allows_in_plan_conversion",
            False,
        ),
        ("The after-tax money is tracked separately.", "after_tax_separately_accounted", True),
    ],
)
def test_plan_features_stated_by_the_user(text: str, key: str, value: bool) -> None:
    assert read(text).facts.get(key) is value


@pytest.mark.parametrize(
    "text",
    [
        "I'm trying to understand if my 401(k) allows in-service withdrawals.",
        "Does my plan allow in-plan conversions?",
        "Is it allowable to convert after-tax money via an in-plan conversion?",
        "I'd like to do an in-plan Roth conversion.",
    ],
)
def test_questions_about_plan_features_are_not_facts(text: str) -> None:
    facts = read(text).facts
    assert "plan_allows_in_service" not in facts
    assert "plan_allows_in_plan_conversion" not in facts


def test_a_parenthesised_provider_does_not_hide_what_the_plan_allows() -> None:
    facts = read("My plan (Empower) allows in-plan Roth conversions of after-tax money.").facts
    assert facts["plan_allows_in_plan_conversion"] is True


def test_in_service_not_allowed_in_a_contraction() -> None:
    facts = read("They say in-service withdrawals aren't allowed until 59 1/2.").facts
    assert facts["plan_allows_in_service"] is False


@pytest.mark.parametrize(
    "text",
    [
        "I think my plan allows in-plan conversions but I'm not sure.",
        "Maybe the plan allows in-service withdrawals.",
    ],
)
def test_a_hedged_plan_feature_is_not_a_fact(text: str) -> None:
    facts = read(text).facts
    assert "plan_allows_in_plan_conversion" not in facts
    assert "plan_allows_in_service" not in facts


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I rolled my after-tax money to a Roth IRA in 2020.", "has_roth_ira", True),
        ("My company doesn't offer a Roth 401k.", "still_employed", True),
        ("Left Amazon in 2023 (I was 56).", "still_employed", False),
        ("Left Amazon in 2023 (I was 56).", "separated_from_service_age", 56),
    ],
)
def test_more_ways_of_saying_it(text: str, key: str, value: object) -> None:
    assert read(text).facts.get(key) == value


@pytest.mark.parametrize(
    ("text", "employed"),
    [
        ("I'm 52 and still work there.", True),
        ("Trying to set up the mega backdoor. I defer $23,500.", True),
        ("Our 403(b) added in-plan Roth conversions.", True),
        ("Turning 55 this year and leaving my job in June.", True),
        ("I'm 56, planning to work until 62.", True),
        ("My plan converts it to Roth automatically each paycheck.", True),
        ("I'm 60 and retired.", False),
        ("51, retired early.", False),
        ("I'm 74, long retired, and still have my old 403b.", False),
        ("Besides my old 401k I have an IRA.", False),
        ("I left in March and the 401k is still with Fidelity.", False),
        ("I quit two years ago; the plan kept my money.", False),
        ("We left a few months ago.", False),
    ],
)
def test_more_ways_to_say_still_working_or_not(text: str, employed: bool) -> None:
    assert read(text).facts.get("still_employed") is employed


@pytest.mark.parametrize(
    "text",
    ["I left in the after-tax money from last year.", "I quit in-plan conversions last year."],
)
def test_left_or_quit_without_a_time_is_not_a_separation(text: str) -> None:
    assert read(text).facts.get("still_employed") is not False


def test_a_quit_still_ahead_is_not_a_separation() -> None:
    facts = read("Suppose I quit next year at 57 instead of working to 60.").facts
    assert "separated_from_service_age" not in facts
    assert facts.get("still_employed") is not False


@pytest.mark.parametrize(
    ("text", "allows"),
    [
        ("Did an in-plan Roth conversion of my after-tax money in January.", True),
        ("I've been doing in-plan Roth conversions every quarter.", True),
        ("Plan: pre-tax 8%, in-plan roth conversion yes.", True),
        ("Plan allows in-service withdrawals of after-tax money but no in-plan conversion.", False),
    ],
)
def test_more_ways_to_say_the_plan_converts_inside(text: str, allows: bool) -> None:
    assert read(text).facts.get("plan_allows_in_plan_conversion") is allows


def test_a_fact_with_a_remark_that_it_might_change_is_still_a_fact() -> None:
    text = "HR says the plan doesn't do in-service withdrawals of after-tax, but that might change."
    assert read(text).facts.get("plan_allows_in_service") is False


@pytest.mark.parametrize(
    "text",
    [
        "I'm only moving the after-tax money to my Roth IRA by direct rollover.",
        "As the beneficiary can I move that part to my own Roth IRA?",
        "I already did it: rolled $22,400 of after-tax contributions to my Roth IRA.",
        "Converted my after-tax 401k dollars to a Roth IRA in 2020.",
    ],
)
def test_moving_money_to_my_roth_ira_says_i_have_one(text: str) -> None:
    assert read(text).facts.get("has_roth_ira") is True


@pytest.mark.parametrize(
    ("text", "employed"),
    [
        ("I'm still at the same company.", True),
        ("If I roll that rollover IRA into my current 401k first, is that cleaner?", True),
        ("I'm deferring $24,500 this year.", True),
        ("I'm 48 and planning to stay another 10 years.", True),
        ("I'm 59, retiring in March.", True),
        ("Currently 58 and planning to hang it up at 60.", True),
        ("I quit in May, the year I turned 55.", False),
    ],
)
def test_more_ways_to_say_where_i_work(text: str, employed: bool) -> None:
    assert read(text).facts.get("still_employed") is employed


@pytest.mark.parametrize(
    "text",
    [
        "I don't have any IRAs at all, no traditional, no Roth.",
        "Plan is with Merrill. No IRAs.",
    ],
)
def test_no_iras_at_all_means_no_roth_ira_and_no_traditional_ira(text: str) -> None:
    facts = read(text).facts
    assert (facts.get("has_roth_ira"), facts.get("traditional_ira_balance")) == (False, 0)


def test_no_iras_but_one_is_not_no_roth_ira() -> None:
    assert read("No IRAs other than my Roth IRA.").facts.get("has_roth_ira") is True


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        # "allows X but no in-service": the "allows" does not reach past "but no"
        ("my 401k allows ATC + IPRC but no in-service w/d.", "plan_allows_in_service", False),
        ("My plan has no in-service withdrawals.", "plan_allows_in_service", False),
        (
            "my 401k allows ATC + IPRC but no in-service w/d.",
            "plan_allows_in_plan_conversion",
            True,
        ),
        # the plan named with its record keeper
        (
            "Our plan at Lincoln Financial won't let us do in-plan Roth conversions.",
            "plan_allows_in_plan_conversion",
            False,
        ),
        (
            "My plan at Vanguard does not allow in-service withdrawals.",
            "plan_allows_in_service",
            False,
        ),
        ("Plan is with Merrill and allows in-service withdrawals.", "plan_allows_in_service", True),
    ],
)
def test_plan_features_said_with_a_but_or_a_record_keeper(text: str, key: str, value: bool) -> None:
    assert read(text).facts.get(key) is value


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("Retired firefighter, 61. Pension pays the bills.", {"age": 61, "still_employed": False}),
        ("I'm a retired teacher, 66.", {"age": 66, "still_employed": False}),
        ("I put 6% pretax and 10% after-tax.", {"still_employed": True}),
        (
            "They say after-tax money can only come out at separation.",
            {"plan_allows_in_service": False},
        ),
        # someone else described as retired is not the asker
        ("My dad, a retired engineer, 80, asked me to post this.", {}),
    ],
)
def test_a_retired_occupation_a_share_of_pay_and_money_out_only_at_separation(
    text: str, facts: dict
) -> None:
    # (the kinds of money named, "after-tax money", are read beside: nlu.money_kinds)
    assert {k: v for k, v in read(text).facts.items() if k not in MONEY_KIND_KEYS} == facts


@pytest.mark.parametrize(
    "text",
    [
        "Current retirement assets\nRoth IRA: $55k\nTraditional IRA: $0",
        "I have $55k in my Roth IRA and nothing in a traditional IRA.",
    ],
)
def test_a_roth_ira_with_money_in_it_is_a_roth_ira_the_person_has(text: str) -> None:
    facts = read(text).facts
    assert facts.get("roth_ira_balance") == 55000, facts
    assert facts.get("has_roth_ira") is True, facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("Roth IRA: none yet\nTax bracket: 24%", {"has_roth_ira": False, "marginal_rate": 0.24}),
        ("Traditional IRAs: none", {"traditional_ira_balance": 0}),
        ("after tax = 12k, roth ira = none", {"after_tax_total": 12000, "has_roth_ira": False}),
        ("Rollover IRA: n/a", {"traditional_ira_balance": 0}),
        (
            "Roth IRA: 31,500; Rollover IRA: 0",
            {"roth_ira_balance": 31500, "has_roth_ira": True, "traditional_ira_balance": 0},
        ),
    ],
)
def test_a_header_line_saying_there_is_no_such_ira(text: str, facts: dict) -> None:
    assert read(text).facts == facts


@pytest.mark.parametrize(
    "text",
    [
        "72 this year. My 401k (retired since 2019) has $410k pre-tax.",
        "My father is retired since 5 years.",
        "I'm 50 and just left the company.",
        "We are 58 and recently quit our jobs.",
    ],
)
def test_retired_since_and_a_job_just_left(text: str) -> None:
    assert read(text).facts.get("still_employed") is False


def test_a_federal_employee_still_works_there() -> None:
    facts = read("Fed employee, 43. TSP traditional 180k, Roth TSP 25k.").facts
    assert facts.get("still_employed") is True, facts


def test_a_roth_named_with_the_plan_right_after_is_no_roth_ira() -> None:
    assert "has_roth_ira" not in read("I have a Roth 401k.").facts


@pytest.mark.parametrize(
    "text",
    [
        # ba022's first sentence, verbatim
        "Hi all,  It seems my 401k plan allows in-service withdrawals of after-tax "
        "contributions. I will get confirmation this week.",
        "Apparently my plan allows in-service withdrawals of the after-tax money.",
    ],
)
def test_a_plan_feature_that_only_seems_so_is_no_fact(text: str) -> None:
    assert "plan_allows_in_service" not in read(text).facts
