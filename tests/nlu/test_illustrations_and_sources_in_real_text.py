"""Figures and statuses that belong to no one, firms that are cited, and plan features in
real posts: a rule's illustration (a bare "Employee is 30"), an account's breakdown of
balances, a firm quoted as a source, an "if" inside an allowance, a backdoor Roth IRA done
as a move, the employer's bonus, an IRA contribution.

Each case is a real question's sentences, verbatim (its set and id named), then a
paraphrase. Precision first: none of these is a fact about the asker.
"""

import pytest

from nlu.reader import read

# ---- a bare role noun as the subject: a rule's illustration --------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # batch_b bb035
        (
            "For example, owner is 60, makes $200k and puts $20k after tax.  This is a 10% "
            "contribution.\n\nEmployee is 30, makes $50,000 and puts in zero.  The profit "
            "sharing contribution to employee is 10%(ish) or 3.5% (ish)?",
            "age",
        ),
        # batch_c bc002
        (
            "Yet, there is no plan consensus. 😕 Three scenarios: A - Participant is under age "
            "59.5, still employed and contributing. B - Participant is under age 59.5 and "
            "severed from employment. C - Participant is over age 59.5.",
            "still_employed",
        ),
        # paraphrases
        ("Case 1: participant is 52, still working.", "still_employed"),
        ("For example, the plan has two people. Owner is 58; employee is 41.", "age"),
    ],
)
def test_a_bare_role_nouns_facts_are_no_ones(text: str, key: str) -> None:
    assert key not in read(text).facts


def test_a_bare_role_noun_outside_examples_is_the_case_asked() -> None:
    assert read("Client is 62 and still working.").facts == {"age": 62, "still_employed": True}
    # (tests/nlu/test_misread_classes.py: "Employee is over 59 ½ yrs of age and wishes to
    # process an in service rollover from her 401k.")
    assert (
        read("Employee is 58, still employed, and has after-tax money.").facts.get("still_employed")
        is True
    )


# ---- an account's breakdown holds balances, not a year's contributions ----------------------


@pytest.mark.parametrize(
    "text",
    [
        # batch_b bb007
        "Her 401(k) account breakdown is as follows:\nPre-Tax account balance: $402,201\n"
        "After-Tax account balance: 334,140\nPre-1987 After-Tax: 271,391\nCompany Match: "
        "957,997\nPre-87 After-Tax Basis: 14,420\nPost 86 After-Tax Basis: 56,832",
        # batch_c bc028
        "Client has 401k totals as follows- ESOP Company funded in company stock = 150k, "
        "basis 50k; Company contributions in Common Stock = 20k, basis 15k; After-tax account "
        "in company stock = 500k, basis 200k.",
        # paraphrase
        "My balances are as follows:\nEmployer match: $88,000\nPre-tax: $300,000",
    ],
)
def test_a_breakdowns_employer_source_is_no_annual_contribution(text: str) -> None:
    assert "employer_contribution" not in read(text).facts


def test_a_years_employer_match_outside_a_breakdown_is_read() -> None:
    assert read("My employer match is $5,000 a year.").facts.get("employer_contribution") == 5000


# ---- a firm cited as a source keeps nothing --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # batch_c bc014
        "To roll over all of your after-tax contributions to a Roth IRA, you could take a "
        "full distribution (all pretax and after-tax amounts)\nFidelity seems to say that this "
        "is not true (https://www.fidelity.com/viewpoints/ret ... r-guidance) but I can't find "
        "an IRS source that confirms it: If the plan allows partial withdrawals, one could take "
        "a rollover of just the after-tax source balance.",
        # paraphrase
        "Vanguard's article says my 401k can split the after-tax money.",
    ],
)
def test_a_firm_cited_as_a_source_is_no_provider(text: str) -> None:
    assert "provider" not in read(text).facts


# ---- plan features: an "if" inside, quoted plan terms, the plan's own feature --------------------


def test_an_allowance_under_an_if_is_no_feature() -> None:
    # batch_a ba006
    text = (
        "In fact, someone mentions in a comment that their CPA brought it up with them, and "
        "whitecoatinvestor says that he only needs to worry about it if the 401(k) plan only "
        "allows in-service withdrawals pro-rata."
    )
    assert "plan_allows_in_service" not in read(text).facts
    assert (
        read("My 401k plan allows in-service withdrawals.").facts.get("plan_allows_in_service")
        is True
    )


@pytest.mark.parametrize(
    "text",
    [
        # batch_b bb079
        "The individual is not separating; plan document permits withdrawal/rollover while "
        "active participant. Is this permitted?",
        # paraphrase
        "The plan permits withdrawals while actively employed.",
    ],
)
def test_quoted_plan_terms_allow_in_service_and_a_negation_stops_at_its_clause(
    text: str,
) -> None:
    assert read(text).facts.get("plan_allows_in_service") is True


@pytest.mark.parametrize(
    "text",
    [
        # batch_c bc010
        "A 55-year-old solo entrepreneur has filed a 2023 extension. He wants to max out his "
        "Solo401k contribution and take advantage of the plan’s after-tax contribution and In "
        "Plan Roth 401k conversion.",
        # paraphrase
        "I like the plan's after-tax option and its in-plan Roth conversion.",
    ],
)
def test_the_plans_own_in_plan_conversion_is_allowed(text: str) -> None:
    assert read(text).facts.get("plan_allows_in_plan_conversion") is True


# ---- a backdoor Roth IRA done, the employer's bonus, an IRA contribution----------------------


def test_a_backdoor_roth_ira_asked_about_is_a_move_not_an_account() -> None:
    # batch_a ba020
    text = (
        "So, my question is do I convert my after-tax contributions to Roth 401K or Roth IRA? "
        "What are the pros and cons? Am I still allowed to perform my regular backdoor Roth "
        "IRA?"
    )
    assert "has_roth_ira" not in read(text).facts
    assert read("My Roth IRA has $20k in it.").facts.get("has_roth_ira") is True


def test_the_employers_bonus_and_an_ira_contribution_are_no_holdings() -> None:
    # batch_c bc031, cut
    text = (
        "When I left the company, they contributed a $20K bonus into my 401K as part of my "
        "severance package. If I were to file an 8606 form showing a $21K IRA contribution "
        "would it raise a red flag with the IRS?"
    )
    facts = read(text).facts
    assert "after_tax_contributions" not in facts
    assert "traditional_ira_balance" not in facts
    # paraphrase
    facts = read("My company contributed $3,000 of after-tax money for me; a $6,500 IRA "
                 "contribution is planned.").facts  # fmt: skip
    assert "traditional_ira_balance" not in facts
