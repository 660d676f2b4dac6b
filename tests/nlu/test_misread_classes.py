"""The misreads an expert found in replies to unseen forum questions (issue 11).

Each phrasing is cut from a real question (tests/eval/batch_a.jsonl, batch_b.jsonl). A
misread figure gives a confident wrong answer, so where the role, the owner or the account
of a figure is unclear the fact is left out and the conversation asks.
"""

import pytest

from knowledge.facts import MONEY_KIND_KEYS
from nlu.money import find_amounts
from nlu.reader import read

# ---- a typo in the digits is no amount ------------------------------------------------


def test_a_wrongly_grouped_amount_is_not_read_as_a_smaller_one() -> None:
    # "$100,00" two sentences after "$100,000": a hundred dollars is surely wrong
    assert find_amounts("do I use only the after-tax dollars of $100,00 (which are") == []


def test_a_well_grouped_amount_before_a_comma_is_read() -> None:
    amounts = find_amounts("I have $100,000, 20k of it after-tax")
    assert [a.value for a in amounts] == [100000, 20000]


# ---- an excess IRA contribution is not plan money ----------------------------------------


def test_an_excess_roth_ira_contribution_is_not_after_tax_basis() -> None:
    facts = read(
        "Assume, I have a total of $11,000 of excess contributions to Roth IRA, with account "
        "balance starting at $0."
    ).facts
    assert "after_tax_contributions" not in facts
    assert "after_tax_total" not in facts


# ---- an example's figures are not the asker's --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the example runs to the end of its line
        "Let’s say for example a 401(k) participant is eligible for an in-service "
        "distribution. After-tax dollars are valued at $100,000 – $70,000 basis + $30,000 "
        "gains. The total 401(k) value is $500,000.",
        "A person had a 401 K that consisted of both pre tax and post tax funds. As an "
        "example say 9000 in pretax and 1000 post tax contributions.",
        "this time around the 401k custodian has sent two separate (hypothetical) checks:\n"
        "check #1, for $10000 - representing the after-tax contributions.",
        # a line ending in a colon: the list under it is the example
        "Here is an example that illustrates my situation:\n1. Convert $10K from tIRA into a "
        "Roth IRA every year.\n2. Contribute $15K per year into a solo Roth 401K.\n\n"
        "Questions: how much can I withdraw?",
        # the poster says the numbers are invented
        "So here it is (numbers are made up for simplicity) - I have a Trad IRA funded "
        "through an old 401k rollover. Total contribution was $4000 in 2024.",
    ],
)
def test_figures_in_an_example_are_not_facts(text: str) -> None:
    facts = read(text).facts
    money = {k for k in facts if k not in ("employer_plan_type", "year", "has_roth_ira")}
    money -= {"still_employed", "roth_ira_first_year"}
    money -= set(MONEY_KIND_KEYS)  # (which kinds of money: "I have a Trad IRA" holds anyway)
    assert money == set(), facts


def test_an_age_in_an_example_is_not_the_askers() -> None:
    facts = read(
        "Let’s say I’m 45 years old and have $2M saved in retirement accounts (401k, Roth "
        "401k, etc) and this is enough for me to retire."
    ).facts
    assert "age" not in facts


def test_an_example_of_the_case_asked_about_keeps_its_figures() -> None:
    # "for example, if a participant had ...": the case the question is about
    facts = read(
        "For example, if a 50 year old participant had $7,000 in after-tax contributions, "
        "he would be able to withdraw them at any time."
    ).facts
    assert facts.get("after_tax_contributions") == 7000


def test_a_figure_after_the_example_line_is_read() -> None:
    facts = read(
        "For example, a plan may allow after-tax contributions.\nI am 52 and have $40k "
        "after-tax in my 401k."
    ).facts
    assert facts.get("age") == 52
    assert facts.get("after_tax_total") == 40000


# ---- a firm named as an example, a source or where money went is not the plan's ---------


@pytest.mark.parametrize(
    "text",
    [
        "Most sources, including Kitces and Vanguard, agree that starting a new 5-year clock "
        "on a new 401k Roth account can be avoided.",
        "Is that even allowed in a 401k? Do common 401k trustees like Fidelity support such logic?",
        "For 401k #1, I got 3 1099r. Checks were sent to Vanguard directly except for after tax.",
        "If I did not make the tax-exempt TSP contributions, I would put the money into a "
        "stock index fund through Vanguard.",
        "money has been moved from one firm to another (eg. American Century to Vanguard) "
        "and my 401k records were destroyed.",
        "A 401(k) plan has a safe harbor match that satisfies both the ADP and ACP safe harbors.",
    ],
)
def test_a_firm_that_does_not_keep_the_plan_is_not_its_provider(text: str) -> None:
    assert "provider" not in read(text).facts


# ---- IRA basis: plan money already rolled into an IRA is not plan money -----------------


@pytest.mark.parametrize(
    "text",
    [
        "I rolled over $5000 of after tax contributions from my employer 401k plan to a TIRA "
        "in 2009, while still employed with the company.",
        "My second question is about a rollover I made from an old 401K to my traditional "
        "IRA back in 2007. I had made a very small ($362) post-tax contribution to my "
        "employer plan.",
        "he still wants only paying taxes on the gains and having a $5,000 basis is his "
        "non-deductible IRA.",
        "He files his taxes through Turbo Tax which shows a Form 8606 with a basis of $87k.",
    ],
)
def test_after_tax_money_already_in_an_ira_is_not_the_plans(text: str) -> None:
    facts = read(text).facts
    assert not {"after_tax_contributions", "after_tax_total", "after_tax_earnings"} & set(facts)


def test_after_tax_money_rolled_to_a_roth_ira_keeps_its_figures() -> None:
    # a Roth IRA is where the basis may go: the figures are still the plan's
    facts = read(
        "I rolled my after-tax $$ to a Roth IRA last year. I have $30,000 of after-tax "
        "contributions left in my 401k."
    ).facts
    assert facts.get("after_tax_contributions") == 30000


# ---- employment and Roth IRAs implied, and a former plan beside a current one ------------


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("My employer is offering mega backdoor Roth option.", "still_employed"),
        (
            "I would like to make an in-service direct rollover of my after-tax 401k.",
            "still_employed",
        ),
        (
            "Employee is over 59 ½ yrs of age and wishes to process an in service rollover "
            "from her 401k.",
            "still_employed",
        ),
        ("I also have a tIRA and Roth IRA at Schwab.", "has_roth_ira"),
        ("Back in 2021 I put $100 into a Roth IRA with Scwab.", "has_roth_ira"),
        ("I have had the two Roth IRAs for more than 15 years.", "has_roth_ira"),
    ],
)
def test_an_implied_status_is_read(text: str, fact: str) -> None:
    assert read(text).facts.get(fact) is True


@pytest.mark.parametrize(
    "text",
    [
        "If I put 5k into a Roth IRA will it be taxed?",
        "If I make an in-service withdrawal, is it taxed?",
    ],
)
def test_a_supposed_status_is_no_fact(text: str) -> None:
    facts = read(text).facts
    assert facts.get("has_roth_ira") is None and facts.get("still_employed") is None


def test_a_former_plan_beside_a_current_one_leaves_employment_to_ask() -> None:
    facts = read(
        "How can I avoid the 5-year rule on a new 401k Roth subaccount at a new employer? "
        "Can I direct rollover an old 401k to the new one?"
    ).facts
    assert "still_employed" not in facts


def test_a_former_plan_holding_the_after_tax_money_is_the_one_asked_about() -> None:
    facts = read(
        "I have a client with some after-tax contributions in an old 401(k) plan. Can these "
        "after-tax contributions be rolled into his new Roth 401(k) plan?"
    ).facts
    assert facts.get("still_employed") is False


# ---- plan features implied by what the person does or the plan offers -------------------


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "I have after tax savings in my 401K and can make in service withdrawals of these "
            "fund.",
            "plan_allows_in_service",
        ),
        (
            "I am planning on performing (for the first time) an In-Service "
            "Distribution/Rollover from my work 401K of After-Tax portion to my Roth IRA.",
            "plan_allows_in_service",
        ),
        (
            'They keep saying "we offer after tax contributions with a roth in plan conversion".',
            "plan_allows_in_plan_conversion",
        ),
        (
            "My employer's 401k plan administrator began offering automated Roth in-plan "
            "conversion.",
            "plan_allows_in_plan_conversion",
        ),
        (
            "Essentially, I am able to contribute to after-tax 401k and am able to convert this "
            "to a Roth 401k.",
            "plan_allows_in_plan_conversion",
        ),
    ],
)
def test_a_plan_feature_is_read_from_what_is_done_or_offered(text: str, fact: str) -> None:
    assert read(text).facts.get(fact) is True


@pytest.mark.parametrize(
    "text",
    [
        # what a plan needs, or a plan in general, is not this plan
        "2) The plan must offer the ability to do Roth conversions, either as in-plan "
        "conversions or an in-service distribution.",
        "You need a plan that allows in-plan Roth conversions.",
        # said not to
        "This plan does not allow in-plan conversions to ROTH.",
    ],
)
def test_a_feature_a_plan_needs_or_lacks_is_not_offered(text: str) -> None:
    assert read(text).facts.get("plan_allows_in_plan_conversion") is not True


def test_what_would_follow_from_a_supposition_is_no_balance() -> None:
    facts = read(
        "Since I have about $300k total in the 401k, the after-tax money represents 10%. If I "
        "withdrew $10k, only $1k of it would be pre-tax money."
    ).facts
    assert "pretax_balance" not in facts


# ---- still employed, implied: contributing now, leaving ahead, a spouse's plan -----------


@pytest.mark.parametrize(
    "text",
    [
        # contributing now (not "contributed": that may be long ago)
        "Hi. I have just started making contributions to my after-tax 401K account with my "
        "employer. I plan to convert these after-401K assets to Roth IRA.",
        "My Client participates in a 401(k) plan, has a Designated Roth account, and wants to "
        "roll over the Designated Roth account to a Roth IRA.",
        "I have a client who has been contributing to their Roth 401k for 3 years and will be "
        "retiring this summer.",
        "Hello, Client is considering making additional after-tax 401k contributions to 401k.",
        # leaving is ahead
        "Thinking of retiring at 55. I have read that you can pull from your employer 401k "
        "plan at that age without penalty.",
        "Having turned 55 and hoping to retire before 59 1/2 I am very interested in the "
        '"rule of 55" but I\'m seeing conflicting info about it.',
        "I'm 58 and am about to be laid off (along with most of my industry...). The 401(K) "
        "for this employer is with Principal.",
        "I have a new 58 yo high-income client that is planning for a retirement at 60 or 61. "
        "He has two existing IRA’s at two separate custodians that total $118k.",
        # not retired yet
        "Client has not retired and has after-tax contributions in a DB plan.",
        "The individual is not separating; plan document permits withdrawal/rollover while "
        "active participant.",
        # the employer spoken of in the present
        "My megacorp offers institutional Vanguard funds at super low expense ratios and also "
        "offers an in-plan brokerage account option.",
    ],
)
def test_employment_implied_by_what_is_done_now_or_ahead(text: str) -> None:
    assert read(text).facts.get("still_employed") is True


@pytest.mark.parametrize(
    "text",
    [
        # done, not doing
        "I contributed to my 401k for 30 years and retired in 2019.",
        # a former employer said outright beats a plan to leave a job
        "I left my previous employer in 2020; I had been hoping to retire at 55 there.",
        # said not to
        "I am not contributing to my 401k anymore.",
    ],
)
def test_past_or_denied_contributions_do_not_imply_employment(text: str) -> None:
    assert read(text).facts.get("still_employed") is not True


def test_employment_said_of_the_spouse_counts_when_the_plan_is_the_spouses() -> None:
    # the husband asks about his wife's plan: whether she still works there is the fact
    text = (
        "I have a question on after-tax contributions made in a Company 401(k) plan and our "
        "ability to convert these to a Roth 401(k) within my wifes retirement plan.\n\n"
        "My wife makes both pre-tax and after-tax contributions to her 401(k). She also "
        "receives an employer match each year."
    )
    assert read(text).facts.get("still_employed") is True


def test_the_spouses_employment_is_not_the_askers_when_the_asker_has_a_plan() -> None:
    text = (
        "My wife is still working and contributes to her 403b. I retired last year and my "
        "401k has after-tax money."
    )
    assert read(text).facts.get("still_employed") is False


# ---- an age or a retirement age that is not the asker's now --------------------------------


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        # a past age: 41 or 42 now
        (
            "I was 41 years old last year. Last year, I asked my financial organization to "
            "roll over my 403(b) to my Roth IRA.",
            "age",
        ),
        # turning an age in a named year: which year it is now is not said
        (
            "I turn 55 in October of 2023. As I understand it, if I were to leave my current "
            "employer in 2023, I could withdraw from my 401k without the penalty.",
            "age",
        ),
        # a range of ages
        (
            "More than likely, I wouldn't take a withdrawal during that first year but want to "
            "make sure I'm OK for the years I turn 56-59.",
            "age",
        ),
        (
            "I have a new 58 yo high-income client that is planning for a retirement at 60 or "
            "61. He has two existing IRA’s at two separate custodians that total $118k.",
            "retire_age",
        ),
    ],
)
def test_an_age_in_the_past_at_an_unsaid_time_or_in_a_range_is_left_out(
    text: str, fact: str
) -> None:
    assert fact not in read(text).facts


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        ("I am 41 years old and still working.", "age", 41),
        ("I turn 55 in October, and my 401k has after-tax money.", "age", 54),
        ("I plan to retire at 60 and roll my 401k over.", "retire_age", 60),
    ],
)
def test_an_age_said_of_now_is_still_read(text: str, fact: str, value: int) -> None:
    assert read(text).facts.get(fact) == value


def test_an_advisers_client_stated_with_the_is_the_one_whose_age_counts() -> None:
    # "The client is 62 and his deceased spouse was 57": the client's age is the age
    text = (
        "Can we put the “after-tax” contributions into his Roth IRA as well or do they need "
        "to be rolled over to the IRA? The client is 62 and his deceased spouse was 57."
    )
    assert read(text).facts.get("age") == 62


# ---- an amount that moved is a transaction, not a holding --------------------------------

MONEY_KEYS_READ = (
    "after_tax_total", "after_tax_contributions", "after_tax_earnings", "pretax_balance",
    "roth_401k_balance", "roth_ira_balance", "traditional_ira_balance", "income",
)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "After he left the first company in May of last year he rolled over his $18,500 Roth "
        "401k to his personal Roth IRA.",
        "There was $7,000.33 converted from a traditional IRA to a Roth IRA.",
        "The scenario:\n  • I am younger than 59.5\n  • I made a Roth conversion of $15,000 in "
        "December 2021",
        "Last year, I asked my financial organization to roll over $8000 in my pre-tax 403(b) "
        "to ROTH IRA in the same organization.",
        "There was one deposit of $10,000 and a later $5,000 deposit (all after-tax money; it "
        "is from Roth 401k).",
    ],
)
def test_an_amount_that_moved_is_no_balance(text: str) -> None:
    facts = read(text).facts
    assert not set(facts) & set(MONEY_KEYS_READ), facts


def test_a_moved_sum_named_as_after_tax_money_keeps_its_role() -> None:
    # the sum is the after-tax money itself: the question is about its tax
    facts = read("She rolled $18,700 of after-tax basis to a Roth IRA.").facts
    assert facts["after_tax_contributions"] == 18700


def test_a_holding_named_before_a_move_is_still_read() -> None:
    facts = read("I have about $40,000 after-tax in my 401k and want to roll it to a Roth IRA.")
    assert facts.facts["after_tax_total"] == 40000


# ---- an example runs through its worked steps -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a list item opening an example: the later items are its steps
        "3. Therefore max after-tax contribution for me = $28K\n4. Let's say I contribute $10K "
        "after-tax in 2012 and let's say it grows to $11K.\n5. I make an in-service withdrawal "
        "of $11K (contribution + earnings) and roll it over to a Roth IRA.\n6. I will have to "
        "pay ordinary income taxes on $1K (earnings) and all of my $11K will move to my Roth "
        "IRA and grow tax-free.",
        "My question is say I contributed $10k to after-tax and when I wanted to do the "
        "rollover the account has $11k in it. Thus it earned $1k.",
        "The plan separately accounted for after tax contributions. To simplify, I had $10000 "
        "of elective deferral and $5000 of after tax contributions (worth $5000 and cost "
        "$5000).",
        "In this case, I will end up with:\n\n$24,000 in the original IRA - now all pre-tax "
        "dollars\n$6,000 in new Roth IRA\n\nor do I have to open two new IRAs?",
    ],
)
def test_figures_of_a_worked_example_are_not_facts(text: str) -> None:
    facts = read(text).facts
    assert not set(facts) & {*MONEY_KEYS_READ, "employee_deferral"}, facts


def test_i_would_say_is_no_example() -> None:
    facts = read("I'd say I have about $30,000 of after-tax money in my 401k.").facts
    assert facts["after_tax_total"] == 30000


# ---- a threshold is no one's figure -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The After-Tax category can be used in order to make contributions in excess of $19k "
         "but the money going into it is taxed.", "after_tax_contributions"),
        ("Where I live, there are no health insurance subsidies once you get beyond about $45k "
         "in yearly MAGI.", "income"),
    ],
)  # fmt: skip
def test_an_amount_past_a_threshold_word_is_a_limit(text: str, key: str) -> None:
    assert key not in read(text).facts


# ---- IRAs listed beside a spouse's are not added up --------------------------------------


def test_iras_listed_with_a_spouses_are_not_summed() -> None:
    facts = read(
        "My retirement assets include: 401(k) valued at ~ 132K IRA#1 = 62K [composed entirely "
        "of funds rolled over from a Previous employer-sponsored 401(k)] IRA#2 = 17K "
        "[composed entirely of nondeductible after tax money] IRA#3 = 35K [in my non-working "
        "Spouse's name, also from my after tax money]"
    ).facts
    assert "traditional_ira_balance" not in facts


def test_the_askers_own_iras_still_add_up() -> None:
    facts = read("I have a SEP IRA with 40k and a rollover IRA with 110k.").facts
    assert facts["traditional_ira_balance"] == 150000


def test_one_figure_for_two_accounts_is_no_ira_balance() -> None:
    facts = read("Here is our financial picture as of now.  TSP/IRA - $1,332,000").facts
    assert "traditional_ira_balance" not in facts


# ---- the year something started or changed is not the tax year ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I am over age 59½ and have had a Roth IRA account for more than 5 years. Starting in "
        "2025, I designated all of my contributions into my employer's 401(k) plan as Roth "
        "contributions.",
        "I was told about some IRS rules that changed in 2006 not requiring public safety "
        "workers to pay the penalty.",
    ],
)
def test_the_year_a_change_began_is_not_the_tax_year(text: str) -> None:
    assert "year" not in read(text).facts


# ---- a bracket aimed at is not the one the person is in ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We would like to stay in the 12% tax bracket to keep taxes low.",
        "How can I find that sweet spot, where we, for example, keep ourselves in the 10% tax "
        "bracket both before 70 1/2 and after 70 1/2.",
        "I can withdraw from the TSP up to the 12% bracket cap.",
    ],
)
def test_a_bracket_aimed_at_is_not_the_marginal_rate(text: str) -> None:
    assert "marginal_rate" not in read(text).facts


def test_a_bracket_the_person_is_pushed_into_is_theirs() -> None:
    text = "The salary/DoD pension combo continues to push me into the 22% bracket each year."
    assert read(text).facts["marginal_rate"] == 0.22


def test_asking_whether_a_roth_ira_must_be_opened_says_nothing_of_owning_one() -> None:
    text = "Do I need to open a Roth IRA five years prior to the rollover to meet the 5-year rule?"
    assert "has_roth_ira" not in read(text).facts
    assert read("I need to open a Roth IRA first.").facts["has_roth_ira"] is False


# ---- an IRA's after-tax money and someone else's pay ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I have $40,000 in my current IRA with $10,000 after tax contributions.",
        "Early in 2024 I contributed post-tax dollars ($7K) from my checking account into a "
        "traditional IRA which I subsequently converted to my Roth IRA.",
    ],
)
def test_after_tax_money_of_a_traditional_ira_is_not_the_plans(text: str) -> None:
    facts = read(text).facts
    assert not set(facts) & {
        "after_tax_contributions", "after_tax_total", "annual_after_tax_contribution"
    }, facts  # fmt: skip


def test_after_tax_money_beside_an_ira_in_a_plan_sentence_is_the_plans() -> None:
    facts = read("I have $40,000 after-tax in my 401k and a $100k rollover IRA.").facts
    assert facts["after_tax_total"] == 40000


@pytest.mark.parametrize(
    "text",
    [
        "Its not like a lot of people making 80K are saving 56K?",
        "This is a 10% contribution.  Employee is 30, makes $50,000 and puts in zero.",
    ],
)
def test_pay_of_someone_who_is_not_the_asker_is_no_income(text: str) -> None:
    assert "income" not in read(text).facts


def test_the_askers_pay_is_income() -> None:
    assert read("I'm 52, single, making 230k.").facts["income"] == 230000


def test_a_402g_figure_is_a_limit() -> None:
    text = "And I have maxed out my 402g $18000 contributions for the year."
    assert "after_tax_contributions" not in read(text).facts


# ---- what the law allows, what a move would leave, the whole after its part --------------


def test_what_irs_rules_allow_is_not_the_plans_feature() -> None:
    text = (
        "IRS rules allow you to make in-plan Roth conversions regardless of withdrawal or "
        "distribution rights."
    )
    assert "plan_allows_in_plan_conversion" not in read(text).facts


def test_what_a_move_would_leave_is_no_balance() -> None:
    text = "This would leave the $30k isolated in my IRA for subsequent conversion to my Roth IRA."
    assert "traditional_ira_balance" not in read(text).facts


def test_the_whole_named_after_its_part_is_not_the_after_tax_money() -> None:
    text = (
        "I have an after tax 403b (not a Roth) with my residency hospital that has 16k in it. "
        "9k of that 16k is after tax dollars that I contributed at the time."
    )
    assert read(text).facts.get("after_tax_total") != 16000


def test_several_previous_employers_say_nothing_of_a_job_now() -> None:
    text = (
        "i.e. if, I rolled over the 401k from two previous employers, Employer A and Employer "
        "B, to two separate Roth IRA's, would each of these have their own 5 year clock?"
    )
    assert "still_employed" not in read(text).facts
    assert read("My 401k is with my previous employer.").facts["still_employed"] is False


# ---- a fund family, a rule told of anyone, a definition ----------------------------------


def test_the_mfs_fund_family_is_no_filing_status() -> None:
    text = "Invesco Real Estate, R5 - MFS International Intrinsic Value, R6 - MFS Value, R6"
    assert "filing_status" not in read(text).facts
    assert read("We file MFS and I have 40k after-tax.").facts["filing_status"] == "mfs"


def test_a_rule_told_of_anyone_gives_no_retirement_age() -> None:
    text = (
        "I originally thought that if you leave your job at 55 or later, the IRS allows you to "
        "take any amount out of your 401(k) penalty-free."
    )
    assert "retire_age" not in read(text).facts


def test_an_age_in_a_definition_is_no_ones_age() -> None:
    text = (
        "My question is if my situation constitutes a normal retirement, which is defined as "
        "age 50."
    )
    assert "age" not in read(text).facts


# ---- a topic in passing, or denied, needs no person --------------------------------------


def test_an_inherited_account_named_in_passing_needs_no_person() -> None:
    text = (
        "There seem to be quite a few articles online that summarize the 5-year rule for Roth "
        "contributions, without noting there's a different rule for conversions (and "
        "inherited IRAs)?"
    )
    assert "inherited" not in read(text).topics
    assert "inherited" in read("I inherited an IRA (and a 401k) from my dad.").topics


@pytest.mark.parametrize(
    "text",
    [
        "None of it is pre-1987 money.",
        "I have 40k after-tax in my 401k (it is all post-1986, nothing pre-1987).",
    ],
)
def test_after_tax_money_said_not_to_be_pre_1987_needs_no_person(text: str) -> None:
    assert "pre_1987" not in read(text).topics


def test_a_rollover_ira_is_an_account_not_a_move() -> None:
    assert read("She also has a $310k rollover IRA.").facts["traditional_ira_balance"] == 310000


def test_after_tax_money_rolled_out_of_the_plan_into_iras_keeps_its_figures() -> None:
    facts = read(
        "I already did it: rolled $22,400 of after-tax contributions to my Roth IRA and $1,900 "
        "of earnings to a traditional IRA back in 2023."
    ).facts
    assert facts["after_tax_contributions"] == 22400
    assert facts["after_tax_earnings"] == 1900


def test_a_year_named_as_a_tax_return_is_the_tax_year() -> None:
    text = (
        "Last year I converted a portion of my 401k directly to a Roth IRA. What is the "
        "correct way and set of forms to use to accurately report this on a 2017 tax return?"
    )
    assert read(text).facts["year"] == 2017


@pytest.mark.parametrize(
    "text",
    [
        "I also do BDR contributions to Roth IRA.",
        "It will be in the form of a check to TD Ameritrade (my ROTH provider) in the name of "
        "my account.",
        "The excess went into a Roth IRA that I had with another provider.",
    ],
)
def test_a_roth_ira_of_ones_own_said_in_passing(text: str) -> None:
    assert read(text).facts["has_roth_ira"] is True


def test_a_roth_ira_asked_about_is_not_owned() -> None:
    assert "has_roth_ira" not in read("Is a Roth IRA that I have opened enough?").facts
