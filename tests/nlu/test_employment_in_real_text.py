"""Whether the person still works for the plan's sponsor, as real posts say it or imply it.

Each case is a real question's sentence, verbatim (its set and id named), then a paraphrase.
Precision first: a cue that says nothing of a job now (paying into an IRA, a solo plan of
one's own business, money that came from an old plan) reads nothing, and the conversation
asks.
"""

import pytest

from nlu.reader import read


def employed(text: str) -> bool | None:
    return read(text).facts.get("still_employed")


# ---- a job now, said outright ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # batch_c bc027
        "I am over 50 and actively employed.",
        # batch_c bc012 (a side business beside a job)
        "The business mentioned above is just a side business, and I have a full-time job.",
        # batch_c bc037
        "Through work, I have a 401k that will accept rollover money from the IRA, and will "
        "distinguish the funds by qualification (after-tax, pre-tax, etc.)",
        # paraphrases
        "He is 52 and gainfully employed.",
        "I also have a part-time job there.",
        "Through my work, we have a 403(b).",
    ],
)
def test_a_job_held_now_is_still_employed(text: str) -> None:
    assert employed(text) is True


@pytest.mark.parametrize(
    "text",
    [
        # batch_c bc038
        "If this is true, then can I roll the pre-tax funds into my employer 401k to bring "
        "the balance of the traditional IRA down to $0 (as long as my employer 401k accepts "
        "rollovers)? I have after-tax money there too.",
        # batch_c bc020
        "If that rule applies, I will have no choice but to convert my traditional (Rollover) "
        "IRA to my employer's 401k before the end of year.",
        # paraphrase
        "My company's plan has about $40k of after-tax money in it.",
    ],
)
def test_the_employers_plan_without_former_is_the_job_held_now(text: str) -> None:
    assert employed(text) is True


def test_the_employers_plan_yields_to_a_retirement_said_outright() -> None:
    # weak: "I retired" beats it
    assert employed("I retired last year. My employer's 401k still holds $30k after-tax.") is False


# ---- cues that say nothing of a job now --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # batch_c bc045
        "Every year, my wife and I contribute to Traditional IRAs using after tax money (non "
        "deductible contributions). And then we roll-over this amount into our Roth IRA.",
        # paraphrase
        "I contribute to my Roth IRA every January.",
    ],
)
def test_paying_into_an_ira_is_no_job(text: str) -> None:
    assert employed(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # batch_c bc010
        "A 55-year-old solo entrepreneur has filed a 2023 extension. He wants to max out his "
        "Solo401k contribution and take advantage of the plan’s after-tax contribution and In "
        "Plan Roth 401k conversion.",
        # paraphrase
        "I'm self-employed with a solo 401(k) and I max out the after-tax part every year.",
    ],
)
def test_paying_into_ones_own_business_plan_is_no_employment(text: str) -> None:
    assert employed(text) is None


def test_a_job_beside_a_solo_plan_is_still_read() -> None:
    # batch_c bc012, cut: the solo plan, then the job said outright
    text = (
        "Also, I never contributed anything to Roth 401K (although the Solo 401K plan I have "
        "from solo401k.com supports it). The business mentioned above is just a side "
        "business, and I have a full-time job."
    )
    assert employed(text) is True


def test_an_employers_plan_beside_a_solo_plan_keeps_its_cues() -> None:
    # batch_b bb028: the employer's plan is named, so maxing it is a job's
    text = (
        "Also since I have an employer 401(k), how would the employee and employer limits "
        "work with both? Specifically if I max out my salary deferral amount in the employer "
        "plan, can I then use the solo 401(k) to make just after-tax contributions?"
    )
    assert employed(text) is True


def test_the_spouses_own_business_is_not_the_askers() -> None:
    # batch_a ba003, cut
    text = (
        "I am planning to retire in December this year and do the rollover in 2020. My wife "
        "will be continuing to work, she is self employed and will be contributing to a "
        "Solo-401k."
    )
    assert employed(text) is True


# ---- "after leaving my employer" takes the tense of its clause -----------------------------------


def test_leaving_in_a_past_clause_is_done() -> None:
    # batch_c bc033
    text = (
        "~I am 53 and had approximately 30K in a Roth 401K that I rolled into a Roth IRA in "
        "late 2022 after leaving my employer."
    )
    assert employed(text) is False
    assert employed("We moved it all to Vanguard after leaving the company.") is False


def test_leaving_in_a_present_clause_is_ahead() -> None:
    # real fq037, cut
    text = (
        "They'd also be eligible for conversion to Roth when the 401k is rolled over to an "
        "IRA after leaving my employer."
    )
    assert employed(text) is True


# ---- where money came from is no status ----------------------------------------------------------


def test_a_previous_employers_plan_that_money_came_from_is_no_status() -> None:
    # batch_a ba041, cut
    text = (
        "I am currently employed as a W2, and my income makes me ineligible to contribute "
        "directly to a Roth IRA.\nIRA#1 = 62K [composed entirely of funds rolled over from a "
        "Previous employer-sponsored 401(k)]"
    )
    assert employed(text) is True


@pytest.mark.parametrize(
    "text",
    [
        # batch_a ba057
        "I have Traditional IRA (Trad IRA) which was funded in 2022 though an old 401k "
        "rollover (so pre-tax).",
        # paraphrase
        "My IRA holds an old 401k rollover from years ago.",
    ],
)
def test_an_old_plans_rollover_is_no_status(text: str) -> None:
    assert employed(text) is None


# ---- a job now, implied by what only an employee does ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # batch_b bb059
        "The cash balance defined benefit plan where I work is closing and I am going to "
        "receive a lump sum distribution next month.",
        # batch_b bb072
        "I am a senior executive at a nonprofit and was excited to hear about the new rules "
        "that would permit me to convert my Traditional pretax 403(b) account to a Roth 403(b).",
        # batch_b bb042
        "I have after tax savings in my 401K and can make in service withdrawals of these fund.",
        # batch_a ba027
        "However, letís assume that Iím more than 5 years from FI, yet Iíve already started "
        "contributing through the Mega Backdoor Roth.",
        # batch_a ba070
        "2) Mega-backdoor Roth — my 401(k) allows after-tax contributions and in-plan conversion",
        # batch_a ba078
        "Investment choice aside, part of my work retirement plan is in a Roth 401k.",
        # batch_a ba014
        "I did a reverse rollover earlier this month from a traditional IRA to an employee "
        "sponsored 401K plan in order to get ready for a backdoor Roth conversion in the future.",
        # batch_a ba042
        "Hi, my wife and I expect to be able to retire early in a couple years at age 45 "
        "(woo-hoo!) with about $1.25MM across 401k Pre-Tax and Traditional IRAs.",
        # paraphrases
        "The 403(b) where she works has an after-tax option.",
        "I'm an engineer at a big tech company with a mega backdoor.",
        "My HR team says the plan has after-tax money.",
    ],
)
def test_what_only_an_employee_does_is_a_job_now(text: str) -> None:
    assert employed(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "My HR department at my former employer never answered.",
        "If I can make in-service withdrawals, should I?",
        "I retired in May. My 401(k) allows after-tax contributions.",
    ],
)
def test_those_cues_yield_to_a_former_job_an_if_or_a_retirement(text: str) -> None:
    assert employed(text) is not True


@pytest.mark.parametrize(
    "text",
    [
        # batch_c bc032
        "This is the first year I'm not earning a salary, and I'm looking for advice to see if "
        "I'm thinking about this correctly.",
        # batch_c bc024, as written
        "No longer worker so plan to roll 401k plan into Roth IRA and this is where I'm not "
        "sure what the rules are.",
        # paraphrase
        "We are no longer drawing a paycheck from the company.",
    ],
)
def test_no_pay_now_is_no_job(text: str) -> None:
    assert employed(text) is False


def test_a_rule_about_anyone_no_longer_working_is_no_status() -> None:
    # batch_a ba073
    text = (
        'Have you ever heard of the "rule of 55"? That you can withdraw money out of 401K if '
        "you are over 55 and no longer working (quit and retired or laid off and retired)?"
    )
    assert employed(text) is None
