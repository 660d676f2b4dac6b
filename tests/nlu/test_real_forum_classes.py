"""How the reader handles the classes of real forum text that issue 11 names.

Each phrasing is taken from a real forum question (../shared/eval/real.jsonl), cut to the
sentence that matters. Precision comes first: where the role, the owner or the account of
a figure is unclear, the fact is left out and the conversation asks for it.
"""

import pytest

from nlu.reader import read

# ---- the firm: the plan's provider, not the IRA's custodian ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a firm named with the Roth IRA, and again with no account: which does it keep?
        "I am planning an In-Service Distribution from my work 401K of the After-Tax "
        "portion to my Roth IRA (Schwab brokerage). The process involves my 401K Plan "
        'Provider cutting two separate checks made out to Schwab FOB "my name".',
        # the plan's provider named apart from the firm
        "I can take appropriate steps between my 401(k) provider and Fidelity so that the "
        "check is characterized as a rollover contribution.",
        # a fund family is not a firm keeping an account
        "My megacorp offers institutional Vanguard funds at super low expense ratios.",
        # the IRA's custodian, then the firm again beside the former employer
        "I have 401k with a previous employer that I am looking into rolling over to my "
        "existing Vanguard IRA portfolio. What do I need to tell my former employer and "
        "Vanguard to have this happen?",
    ],
)
def test_a_firm_that_may_keep_the_ira_is_not_given_as_the_plans(text: str) -> None:
    assert "provider" not in read(text).facts


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (
            "In 2020, I performed a backdoor rollover from my workplace Fidelity 401k to a "
            "retail-side Fidelity Roth IRA.",
            "Fidelity",
        ),
        (
            "I rolled them over to a Roth IRA at Vanguard. Last month I just talked to JP "
            "Morgan about my 401k and they said I can no longer withdraw.",
            "J.P. Morgan",
        ),
    ],
)
def test_a_firm_the_text_ties_to_the_plan_is_the_plans(text: str, firm: str) -> None:
    assert read(text).facts.get("provider") == firm


# ---- narrative years: a notice's or a past event's year is not the tax year --------------


@pytest.mark.parametrize(
    "text",
    [
        "The volume I have was last updated in 2009 and the IRS Notice came out in 2014.",
        "Can they ignore the law that was passed in 2014?",
        "The plan is adding the ability to make Roth Contributions effective January 2015.",
        "Upon my retirement in March 2014, I promptly rolled over my entire 401(k).",
        # a story told year by year: which year is asked about is for the bot to ask
        "My first conversion was Dec 2019. In Jan 2024, I can take my first qualified $50K "
        "distribution. In Jan 2025, remaining 2019 plus 2020 ($100K). In Jan 2026, "
        "remaining plus 2021 ($100K).",
    ],
)
def test_a_year_that_dates_a_notice_or_an_event_is_not_the_tax_year(text: str) -> None:
    assert "year" not in read(text).facts


def test_the_year_a_limit_is_for_is_the_tax_year() -> None:
    text = "The maximum annual contribution limit to the plan for 2014 is $51,000."
    assert read(text).facts.get("year") == 2014


# ---- facts implied rather than stated ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        ("My employer provides a 401k that allows me to contribute a combination of "
         "pre-tax, after-tax, and Roth dollar.", "still_employed", True),
        ("My employer-sponsored 401(k) plan allows for both (1) after-tax contributions as "
         "well as (2) in-service distributions to a Roth IRA.", "still_employed", True),
        ("My employer-sponsored 401(k) plan allows for both (1) after-tax contributions as "
         "well as (2) in-service distributions to a Roth IRA.", "plan_allows_in_service", True),
        ("My copy allows in-service distribution.", "plan_allows_in_service", True),
        ("The employer allowed in-service withdrawals/rollover once a year.",
         "plan_allows_in_service", True),
        ("Now, I've already done two in-service withdrawals and moved aftertax 401k "
         "contributions.", "plan_allows_in_service", True),
        ('This is the language from the plan documents: - "You may withdraw all or any '
         'portion of your after-tax sub-account', "plan_allows_in_service", True),
        ("Her plan states we can make up to 4 conversions per year, each must be at least "
         "90 days apart.", "plan_allows_in_plan_conversion", True),
        ("I withdrew the after-tax contributions and rolled them over to a Roth IRA at "
         "Vanguard.", "has_roth_ira", True),
        ("As a single woman, I contributed to a Roth IRA for several years.",
         "has_roth_ira", True),
        ("I had been thinking of moving the Roth element of the 401(k) into the "
         "destination Roth IRA already existing at the different institution.",
         "has_roth_ira", True),
        ("I'm 48M, relatively high-income, have zero Roth assets but make above the MAGI "
         "limit.", "has_roth_ira", False),
        ("He has no existing Roth IRA account.", "has_roth_ira", False),
    ],
)  # fmt: skip
def test_an_implied_fact_is_read(text: str, fact: str, value: object) -> None:
    assert read(text).facts.get(fact) == value


@pytest.mark.parametrize(
    "text",
    [
        "Does my plan allow in-service withdrawals?",
        "If my employer allowed in-service withdrawals I would roll it over.",
        "They explicitly do NOT allow in-service rollovers.",
    ],
)
def test_an_allowance_asked_about_or_supposed_is_not_a_fact(text: str) -> None:
    assert read(text).facts.get("plan_allows_in_service") is not True


# ---- employment: who works where, in long posts about several employers ----------------


@pytest.mark.parametrize(
    ("text", "employed"),
    [
        ("Recently signed a new job with a new employer. Looking into our benefits, we "
         "have 401k options.", True),
        ("I started working for a new company last year, and as of January have access to "
         "their 401k plan. My old company did not offer this, so this was a pleasant "
         "surprise.", True),
        # a new job alone says nothing of the plan that holds the money
        ("49 now and just started a new job.", None),
        ("I was recently let go of from my job of 27 years.", False),
        ("A 71 year old retiree has after-tax funds in his 401k.", False),
        ("Retired individual age 66 has funds in a 403b.", False),
        ("Upon my retirement in March 2014, I promptly rolled over my entire 401(k).", False),
        ("Left the company three years ago. My old 401k is still with OneAmerica. 49 now "
         "and just started a new job whose 401k accepts roll-ins.", False),
    ],
)  # fmt: skip
def test_employment_is_read_from_a_new_or_a_former_job(text: str, employed: bool | None) -> None:
    assert read(text).facts.get("still_employed") is employed


@pytest.mark.parametrize(
    "text",
    [
        # the money's source, not the person's employment
        "Rollover 33% (pre-tax; rollover from prior employer), Employer Match 14%.",
        # advice to anyone
        "You should max out your 401(k) if you are over 50.",
    ],
)
def test_a_former_employer_as_a_source_or_advice_says_nothing_of_employment(text: str) -> None:
    assert "still_employed" not in read(text).facts


# ---- the role of an amount -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a part of something is not its balance
        ("I would like to rollover all but $20k of the after tax monies.", "after_tax_total"),
        ("My traditional IRA is worth roughly $130,000. About $100,000 of that IRA is "
         "after-tax contributions.", None),
        # a limit is not a balance
        ("The limit is $51,000 which must include no more than $17,500 pre-tax and/or Roth "
         "dollar.", "pretax_balance"),
        # a form's number is not an amount
        ("I filed and recorded that basis on the 8606 tax form each year.",
         "after_tax_contributions"),
    ],
)  # fmt: skip
def test_an_amount_whose_role_is_unclear_is_left_out(text: str, key: str | None) -> None:
    facts = read(text).facts
    if key is None:
        assert facts.get("traditional_ira_balance") == 130_000
    else:
        assert key not in facts


def test_the_after_tax_part_of_a_balance_is_the_after_tax_total() -> None:
    text = "My 401k is at Fidelity, about $380,000 in it. $52,000 of that is after-tax."
    assert read(text).facts.get("after_tax_total") == 52_000


# ---- several years, an inherited account, a supposed account ---------------------------


def test_two_years_named_as_often_leave_the_tax_year_to_ask() -> None:
    text = (
        "In 2020, I performed backdoor rollovers to the Roth IRA. So distributions would be "
        "penalty free in Jan 2025."
    )
    assert "year" not in read(text).facts


def test_the_year_a_post_keeps_coming_back_to_is_the_tax_year() -> None:
    text = (
        "In 2015, I wanted to do my first mega backdoor roth conversion. Does this screw up "
        "the conversion in some way for 2015? For 2016, should I convert this $200?"
    )
    assert read(text).facts.get("year") == 2015


def test_in_an_inherited_account_whose_employment_is_unclear() -> None:
    text = (
        "My mother, who recently died in January 2025, had a 401(k) balance. They have "
        "transferred the assets to me, in a new inherited account within the plan. Can I "
        "continue to contribute?"
    )
    assert "still_employed" not in read(text).facts


def test_a_roth_ira_supposed_in_an_if_is_no_fact() -> None:
    text = "Does a new 5 year clock start with the rollover to the roth IRA if no Roth IRA existed?"
    assert "has_roth_ira" not in read(text).facts


def test_a_half_year_age_being_reached_is_the_age_now() -> None:
    assert (
        read("He is turning 70 1/2 and is going to be rolling out of the plan.").facts["age"] == 70
    )
