"""What each amount is, read from the words around it (nlu.roles via nlu.reader.read).

A table of phrasings per fact: after-tax basis vs earnings vs the after-tax total vs
pre-tax, Roth 401(k), IRA balances, income and yearly contributions. And the other side
of the rule: an amount whose role is unclear is left out.
"""

import pytest

from knowledge.facts import MONEY_KEYS
from nlu.reader import read

PHRASINGS = [
    # after-tax contributions (basis)
    (
        "I have 30,000 via contributions and 10,000 by earnings in the after-tax account",
        {"after_tax_contributions": 30000, "after_tax_earnings": 10000},
    ),
    ("My after-tax contributions are $25k.", {"after_tax_contributions": 25000}),
    ("basis of about 18k in the after tax bucket", {"after_tax_contributions": 18000}),
    ("The non-taxable amount is $200,000.", {"after_tax_contributions": 200000}),
    (
        "I put in $15,000 of after-tax contributions over the years.",
        {"after_tax_contributions": 15000},
    ),
    (
        "after-tax contributions ($9852) and pre-tax earnings ($407)",
        {"after_tax_contributions": 9852, "after_tax_earnings": 407},
    ),
    (
        "$12k is basis and $3k is growth on the after-tax money",
        {"after_tax_contributions": 12000, "after_tax_earnings": 3000},
    ),
    (
        "after-tax sub-acct $38,750 (contrib $31,000 / earnings $7,750)",
        {"after_tax_total": 38750, "after_tax_contributions": 31000, "after_tax_earnings": 7750},
    ),
    # earnings
    ("The gains on my after-tax money are about $4,000.", {"after_tax_earnings": 4000}),
    ("after-tax earnings of 2.5k", {"after_tax_earnings": 2500}),
    (
        "I have 20k after-tax; earnings are 1,200.",
        {"after_tax_total": 20000, "after_tax_earnings": 1200},
    ),
    # after-tax total
    ("I have about 40,000 after tax dollars in my 401K", {"after_tax_total": 40000}),
    ("$180k 401k balance, of which $102k is after-tax", {"after_tax_total": 102000}),
    ("401k value ~$1MM, of which ~$200k is after-tax", {"after_tax_total": 200000}),
    ("My after-tax balance is $55,000.", {"after_tax_total": 55000}),
    ("around 40K-50K in the after-tax subaccount", {"after_tax_total": 45000}),
    ("I have forty thousand dollars of post-tax money in the plan", {"after_tax_total": 40000}),
    # pre-tax
    ("$300k pre-tax and $50k after-tax", {"pretax_balance": 300000, "after_tax_total": 50000}),
    ("150,000 is before tax contributions and earnings", {"pretax_balance": 150000}),
    ("Pre-tax: $314,536.42", {"pretax_balance": 314536.42}),
    # the plan named first in a line label holds the money the label names
    ("My 403b after tax balance: 17,300", {"after_tax_total": 17300}),
    ("401k pre-tax: 200k", {"pretax_balance": 200000}),
    ("my traditional 401k balance is 1.2M", {"pretax_balance": 1200000}),
    # Roth 401(k)
    ("I also have $60k in my Roth 401(k).", {"roth_401k_balance": 60000}),
    ("Roth 401k balance: 75,000", {"roth_401k_balance": 75000}),
    # IRAs
    ("I have $120k in a rollover IRA.", {"traditional_ira_balance": 120000}),
    ("My traditional IRA has about 8k in it.", {"traditional_ira_balance": 8000}),
    ("I have $35,000 in my Roth IRA.", {"roth_ira_balance": 35000}),
    ("I have no traditional IRA.", {"traditional_ira_balance": 0}),
    # income
    ("Our MAGI is around $250k.", {"income": 250000}),
    ("We make about 310k a year.", {"income": 310000}),
    ("household income of $180,000", {"income": 180000}),
    ("my salary is 145k", {"income": 145000}),
    # yearly contributions
    ("I contribute $20,000 a year after-tax.", {"annual_after_tax_contribution": 20000}),
    ("my after tax 401K is about 30-35k", {"after_tax_total": 32500}),
    ("My after-tax contributions are $15k per year.", {"annual_after_tax_contribution": 15000}),
    ("employer match of $8,000", {"employer_contribution": 8000}),
    ("There are no employer contributions.", {"employer_contribution": 0}),
]


@pytest.mark.parametrize(("text", "expected"), PHRASINGS)
def test_amount_roles(text: str, expected: dict) -> None:
    facts = read(text).facts
    money = {k: v for k, v in facts.items() if k not in ("employer_plan_type",)}
    for key, value in expected.items():
        assert money.get(key) == pytest.approx(value), (key, facts)


UNCLEAR = [
    "Balance in the 401k is about $300,000.",  # the whole plan, not one of our facts
    "David earns well over the $206K limit.",  # a limit, not an income
    "Can a distribution ($50,000) from a 457 plan be rolled into a Roth IRA?",
    "move the entire 40000 into the new Roth IRA",  # a destination, not a balance
    "I have $14,803 in a post-tax IRA.",  # cannot tell which IRA bucket
    "I paid $5,000 for the advisor.",
    "the max. pre-tax amount ($17.5k in 2014)",
    "do I need to do it $5K for this year and each year after",
    "If I roll over $20k, what happens?",
    # what may go in is a limit, not what went in
    "My plan lets me contribute up to $46,000 after-tax.",
    "I can put up to 20k after-tax in each year",
    "My after-tax contributions this year are capped at $23,500 by the plan.",
    # an income next to the Roth IRA the person may not fund
    "We make too much for a Roth IRA (350k).",
    # one year's earnings are not all the earnings
    "The after-tax account earned 2k last year.",
]


@pytest.mark.parametrize("text", UNCLEAR)
def test_an_amount_with_an_unclear_role_is_left_out(text: str) -> None:
    assert not set(MONEY_KEYS) & set(read(text).facts), read(text).facts


def test_the_total_is_recognised_when_it_is_the_sum_of_its_parts() -> None:
    reading = read(
        "I have 40,000 in my 401K, 30,000 via after-tax contributions and 10,000 by earnings."
    )
    assert reading.facts["after_tax_total"] == 40000


def test_figures_that_do_not_add_up_lose_the_least_specific_one() -> None:
    facts = read("after-tax total 50k: basis 30k and earnings 10k").facts
    assert "after_tax_total" not in facts
    assert facts["after_tax_contributions"] == 30000


def test_two_different_figures_for_one_fact_cancel_out() -> None:
    facts = read("My after-tax contributions are 30k. Later: after-tax contributions of 35k.").facts
    assert "after_tax_contributions" not in facts


def test_each_amount_keeps_the_words_it_was_read_from() -> None:
    reading = read("I have about 40,000 after tax dollars, 30,000 via contributions")
    assert reading.evidence["after_tax_total"] == "about 40,000 after tax dollars"
    assert reading.evidence["after_tax_contributions"] == "30,000 via contributions"


def test_pre_tax_earnings_on_after_tax_money_are_after_tax_earnings() -> None:
    facts = read("It should show $407 (pre-tax earnings from my after-tax contributions).").facts
    assert facts == {"after_tax_earnings": 407}


def test_gains_in_an_ira_are_not_after_tax_earnings() -> None:
    text = (
        "I have $14,803 in a post-tax IRA from two $5000 contributions, so I have $4,803 "
        "in unrealized gains in this account. I also have a rollover IRA from my old 401k."
    )
    assert "after_tax_earnings" not in read(text).facts


def test_an_ira_contribution_is_not_an_ira_balance() -> None:
    assert "traditional_ira_balance" not in read("I contributed the $5500 IRA to my TIRA.").facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I've put in 25k after tax over the years and it's grown to 31k.",
            {"after_tax_contributions": 25000},
        ),
        (
            "I contributed $25,000 after-tax between 2015 and 2020.",
            {"after_tax_contributions": 25000},
        ),
        (
            "31k after-tax (25k contributions + 6k growth)",
            {
                "after_tax_total": 31000,
                "after_tax_contributions": 25000,
                "after_tax_earnings": 6000,
            },
        ),
        (
            "After-tax: ~$31K ($25K basis)",
            {"after_tax_total": 31000, "after_tax_contributions": 25000},
        ),
    ],
)
def test_what_went_in_versus_what_it_is_worth(text: str, expected: dict) -> None:
    facts = read(text).facts
    assert {k: facts.get(k) for k in expected} == expected
    assert "after_tax_total" in expected or "after_tax_total" not in facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        # the account earns: earnings; a person earns: income
        ("it earns $10,000", {"after_tax_earnings": 10000}),
        (
            "I have 40k after-tax and it earns $10,000",
            {"after_tax_total": 40000, "after_tax_earnings": 10000},
        ),
        ("it makes $10,000 in earnings", {"after_tax_earnings": 10000}),
        ("my after-tax money made 8k", {"after_tax_earnings": 8000}),
        ("the account has earned $3,500", {"after_tax_earnings": 3500}),
        ("I make $150k", {"income": 150000}),
        ("total comp 400k", {"income": 400000}),
        ("she earns 90k", {"income": 90000}),
    ],
)
def test_what_earns_the_money_decides_earnings_or_income(text: str, facts: dict) -> None:
    assert read(text).facts == facts


# ---- amounts that are supposed, not stated ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If my after-tax balance grows to 100k before I retire, would the split still work?",
        "If I convert 20k of after-tax contributions, what is the tax?",
        "Can I roll my whole after-tax balance, say $50,000, into a Roth IRA?",
    ],
)
def test_an_amount_the_asker_supposes_is_not_a_fact(text: str) -> None:
    facts = read(text).facts
    assert not {"after_tax_total", "after_tax_contributions"} & set(facts), dict(facts)


def test_a_supposed_amount_does_not_cancel_the_stated_one() -> None:
    text = (
        "If my after-tax balance grows to 100k, would the split still work? Right now the "
        "after-tax balance is 42k with 35k basis."
    )
    facts = read(text).facts
    assert facts.get("after_tax_total") == 42000
    assert facts.get("after_tax_contributions") == 35000


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        # after the verb, "my" makes it the real sum
        (
            "If I convert my after-tax subaccount ($14k, about $3k of which is growth), is "
            "it all tax-free?",
            {"after_tax_total": 14000, "after_tax_earnings": 3000},
        ),
        # the example a question is about (someone else's) is its case
        (
            "If a 50 year old participant had $7,000 in after-tax contributions, could he "
            "withdraw them?",
            {"after_tax_contributions": 7000},
        ),
        # present-tense self-description
        ("If I make 150k single, what is my marginal rate?", {"income": 150000}),
    ],
)
def test_an_amount_stated_in_an_if_clause_can_still_be_a_fact(text: str, facts: dict) -> None:
    reading = read(text).facts
    assert {k: reading.get(k) for k in facts} == facts


def test_a_what_if_keeps_its_amounts_as_the_what_if() -> None:
    reading = read("What if I had 50k after-tax, could I split it?")
    assert reading.hypothetical
    assert reading.facts.get("after_tax_total") == 50000


# ---- a payment tied to one year is that year's contribution ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 I contributed $6,000 after-tax to my 401k.",
        "I put $6,000 after-tax in 2024.",
        "Put $7,500 after-tax into the 401k in 2024.",
    ],
)
def test_a_contribution_in_one_year_is_a_yearly_contribution_not_the_basis(text: str) -> None:
    facts = read(text).facts
    assert facts.get("annual_after_tax_contribution") in (6000, 7500)
    assert "after_tax_contributions" not in facts


def test_contributions_made_over_the_years_are_still_the_basis() -> None:
    facts = read("Since 2015 I have put $30,000 of after-tax contributions in my 401k.").facts
    assert facts.get("after_tax_contributions") == 30000


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I'm 29, make 140k, already max my 23k pretax.", 23000),
        ("I put in $19,000 a year pre-tax and the hospital adds a match.", 19000),
    ],
)
def test_the_pre_tax_money_put_in_each_year_is_the_deferral(text: str, value: int) -> None:
    facts = read(text).facts
    assert facts.get("employee_deferral") == value
    assert "pretax_balance" not in facts


def test_a_roth_ira_contribution_is_not_after_tax_plan_money() -> None:
    text = "opened my first roth ira in 2021, contributed 6k. want to move my 401k after-tax."
    assert "after_tax_contributions" not in read(text).facts


# ---- the word right after an amount, other currencies, several IRAs --------------------


@pytest.mark.parametrize(
    "text",
    [
        "Fed here, 58. TSP: roughly $480k traditional, $60k Roth. No after-tax.",
        "I have roughly 480k traditional and 60k Roth in the TSP.",
    ],
)
def test_traditional_and_roth_right_after_an_amount_name_the_plan_money(text: str) -> None:
    facts = read(text).facts
    assert facts.get("pretax_balance") == 480000
    assert facts.get("roth_401k_balance") == 60000


def test_converting_an_amount_of_traditional_money_is_a_move_not_a_balance() -> None:
    assert "pretax_balance" not in read("Converting 20k traditional to Roth in my 401k?").facts


@pytest.mark.parametrize(
    "text",
    [
        "I have CAD 120,000 in an RRSP and my old 401k has about USD 40k after-tax.",
        "I've got about £30k in an old UK pension; my 401k has $40,000 after-tax.",
    ],
)
def test_an_amount_in_another_currency_is_not_a_fact(text: str) -> None:
    facts = read(text).facts
    assert facts.get("after_tax_total") == 40000
    assert "traditional_ira_balance" not in facts


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Had a SEP IRA with 40k and a rollover IRA with 110k.", 150000),
        ("I have a traditional IRA with about 85k in it from an old rollover.", 85000),
        ("My IRAs total 100k: a rollover IRA with 60k and a SEP IRA with 40k.", 100000),
    ],
)
def test_pre_tax_iras_add_up(text: str, value: int) -> None:
    assert read(text).facts.get("traditional_ira_balance") == value


@pytest.mark.parametrize(
    ("text", "then", "midpoint"),
    [
        ("Salary went from 68k when I started to about 142k now.", 68000, None),
        ("My salary went from $68,000 to $90,000.", 68000, 79000),
        ("The after-tax part grew from 20k to 24k last year.", 20000, 22000),
    ],
)
def test_the_figure_a_change_started_from_is_not_a_fact(
    text: str, then: int, midpoint: int | None
) -> None:
    values = read(text).facts.values()
    assert then not in values
    assert midpoint is None or midpoint not in values  # not read as a range either


def test_a_range_without_a_verb_of_change_is_still_a_range() -> None:
    assert read("after-tax is somewhere from 10k to 12k").facts == {"after_tax_total": 11000}


def test_maxing_the_pre_tax_deferral_is_not_a_pre_tax_balance() -> None:
    assert "pretax_balance" not in read("Maxing pretax 23,500 + employer 5% match.").facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        # reddit's "HHI" and a stated pay are income
        ("42F, HHI 310k MFJ.", {"age": 42, "filing_status": "mfj", "income": 310000}),
        ("Base pay is 120k.", {"income": 120000}),
        # the Roth side of the TSP is the plan's Roth balance
        (
            "I have about 95k in the Roth TSP.",
            {"roth_401k_balance": 95000, "employer_plan_type": "TSP"},
        ),
        # the employer's money, with a possessive and profit sharing on top of the match
        ("my employer's match is $6,000 a year", {"employer_contribution": 6000}),
        (
            "I'm deferring $24,500, my employer's match plus profit sharing comes to about "
            "$15,000.",
            {"employee_deferral": 24500, "employer_contribution": 15000, "still_employed": True},
        ),
    ],
)
def test_more_words_that_name_an_amount(text: str, facts: dict) -> None:
    assert read(text).facts == facts


@pytest.mark.parametrize(
    "text",
    [
        "My 457(b) is with Nationwide, roughly $350k, all pre-tax.",
        "The 401k holds about $350k all pretax.",
    ],
)
def test_a_plan_balance_said_to_be_all_pre_tax_is_the_pre_tax_balance(text: str) -> None:
    assert read(text).facts["pretax_balance"] == 350000


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (
            "After-tax is $61,500. The rep said about $17,000 of the after-tax is earnings.",
            {"after_tax_total": 61500, "after_tax_earnings": 17000},
        ),
        (
            "I did an in-plan Roth rollover of $12,400 of after-tax money (about $900 of it was "
            "earnings).",
            {"after_tax_total": 12400, "after_tax_earnings": 900},
        ),
    ],
)
def test_the_part_of_the_after_tax_money_that_is_earnings(text: str, facts: dict) -> None:
    reading = read(text).facts
    assert {key: reading.get(key) for key in facts} == facts


def test_the_earnings_part_of_an_ira_is_not_after_tax_earnings() -> None:
    assert "after_tax_earnings" not in read("My Roth IRA has 50k, 10k of it is earnings.").facts


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("Of the $640,000 in the 401k, $85,000 is after-tax basis.", 85000),
        ("She rolled $18,700 of after-tax basis to a Roth IRA.", 18700),
        ("My post-tax cost basis is $9,000.", 9000),
    ],
)
def test_after_tax_basis_is_the_after_tax_contributions(text: str, basis: int) -> None:
    facts = read(text).facts
    assert facts.get("after_tax_contributions") == basis, facts
    assert "after_tax_total" not in facts, facts


@pytest.mark.parametrize(
    "text",
    [
        "401(k) at Principal with $640,000 total.",
        "My 401k is at Principal with $90,000 in it and some after-tax money.",
    ],
)
def test_the_firm_principal_is_not_the_principal_of_the_after_tax_money(text: str) -> None:
    facts = read(text).facts
    assert "after_tax_contributions" not in facts, facts


def test_the_principal_of_the_after_tax_money_is_still_its_basis() -> None:
    facts = read("I put in $5,000 of principal and it grew to $6,000 of after-tax money.").facts
    assert facts.get("after_tax_contributions") == 5000, facts


@pytest.mark.parametrize(
    "text",
    [
        "How do I find out how much of the $12,345.67 is earnings?",
        "What part of my $20,000 is growth?",
    ],
)
def test_the_whole_a_question_divides_is_not_the_earnings(text: str) -> None:
    assert "after_tax_earnings" not in read(text).facts


@pytest.mark.parametrize(
    "text",
    [
        "Contributed $6,500 after-tax each year from 2019 through 2023.",
        "I put $6,500 post-tax every year into the 401k.",
        "Solo 401k at Fidelity; I put $6,500 after-tax in this year.",
        "I'm 38 and put in $6,500 after-tax last year.",
    ],
)
def test_a_yearly_word_after_the_after_tax_cue_makes_a_yearly_contribution(text: str) -> None:
    facts = read(text).facts
    assert facts.get("annual_after_tax_contribution") == 6500, facts
    assert "after_tax_contributions" not in facts and "after_tax_total" not in facts, facts


@pytest.mark.parametrize(
    "text",
    [
        "The after-tax part of my 401k is 16k.",
        "the after-tax portion of the plan is $16,000",
    ],
)
def test_the_after_tax_part_of_the_plan_is_the_after_tax_money(text: str) -> None:
    assert read(text).facts.get("after_tax_total") == 16000


@pytest.mark.parametrize(
    "text",
    [
        "I contributed $7,000 to my Roth IRA this year and have 33k after-tax in the 401k.",
        "Besides the 40k after-tax in my 401k, I contributed 6,500 into a backdoor Roth IRA.",
    ],
)
def test_money_paid_into_an_ira_is_not_the_plans_after_tax_basis(text: str) -> None:
    facts = read(text).facts
    assert "after_tax_contributions" not in facts
    assert "after_tax_total" in facts  # the plan's own figure is still read


@pytest.mark.parametrize(
    "text",
    [
        "I put in $23,000 pre-tax and $10,000 after-tax each year.",
        "So far I have contributed 80k pre-tax; the after-tax part is 30k.",
    ],
)
def test_pre_tax_money_paid_in_is_no_pre_tax_balance(text: str) -> None:
    # what went in is not what the account holds (earnings, losses); and unless a yearly
    # word sits on it, it is no yearly deferral either
    assert "pretax_balance" not in read(text).facts


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("Roth IRA: none. After-tax in 401k: 20k.", 20000),
        ("post-tax in the plan = $8,000", 8000),
    ],
)
def test_after_tax_money_in_the_plan_as_a_label(text: str, total: int) -> None:
    assert read(text).facts.get("after_tax_total") == total


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("55, just retired, mbd money ~80k", {"after_tax_total": 80000}),
        ("I have 25k of mega backdoor contributions", {"after_tax_contributions": 25000}),
    ],
)
def test_the_mega_backdoors_money_is_the_after_tax_money(text: str, facts: dict) -> None:
    money = {k: v for k, v in read(text).facts.items() if k in MONEY_KEYS}
    assert money == facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("basis 20k earnings 4k", {"after_tax_contributions": 20000, "after_tax_earnings": 4000}),
        (
            "basis is 20k earnings are 4k",
            {"after_tax_contributions": 20000, "after_tax_earnings": 4000},
        ),
        # the amount first, then its word: unchanged
        ("20k after-tax 5k earnings", {"after_tax_total": 20000, "after_tax_earnings": 5000}),
    ],
)
def test_labels_and_amounts_typed_without_commas(text: str, facts: dict) -> None:
    money = {k: v for k, v in read(text).facts.items() if k in MONEY_KEYS}
    assert money == facts


def test_an_unknown_line_label_leaves_the_amount_its_own_words() -> None:
    facts = read("Old employer 401k: 30k after-tax").facts
    assert facts.get("after_tax_total") == 30000


def test_two_plans_with_different_after_tax_money_leave_the_bot_to_ask() -> None:
    text = "Old employer 401k: 30k after-tax. New employer 401k: 5k after-tax."
    assert "after_tax_total" not in read(text).facts


def test_reddits_at_after_an_amount_is_after_tax_money_in_capitals_only() -> None:
    assert read("44yo, 35k AT in 401k").facts.get("after_tax_total") == 35000
    assert "after_tax_total" not in read("I have 35k at work in my 401k").facts
