"""Intents: what is asked, with negation and hedging handled."""

import pytest

from nlu.intents import intent_order
from nlu.reader import read

DESIGN_INTENTS = [
    "split_rollover", "convert_all_to_roth", "in_plan_conversion", "mega_backdoor_setup",
    "in_service_distribution", "timing_now_vs_separation", "five_year_rule",
    "qualified_distribution", "pro_rata", "penalty_early_withdrawal", "rule_of_55",
    "tax_due_estimate", "contribution_limits", "income_limit_roth_ira", "provider_process",
    "withholding", "rmd", "other",
]  # fmt: skip


def test_the_intent_list_is_designs_in_designs_order() -> None:
    assert list(intent_order()) == DESIGN_INTENTS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "Can I send the after-tax contributions to a Roth IRA and the earnings to a "
            "traditional IRA?",
            "split_rollover",
        ),
        ("Does Notice 2014-54 let me split the distribution?", "split_rollover"),
        ("How does the TSP handle a split to a Roth IRA?", "split_rollover"),
        ("Can I move the entire 40000 into the new Roth IRA?", "convert_all_to_roth"),
        ("Should I roll the whole 401k into a Roth IRA?", "convert_all_to_roth"),
        ("Is an in-plan Roth conversion better?", "in_plan_conversion"),
        ("How do I set up the mega backdoor Roth?", "mega_backdoor_setup"),
        ("Can I do an in-service withdrawal of after-tax money?", "in_service_distribution"),
        ("Should I do it now or wait until I leave my company?", "timing_now_vs_separation"),
        ("Does the 5 year rule apply to the conversion?", "five_year_rule"),
        ("Is it a qualified distribution?", "qualified_distribution"),
        ("Does the pro-rata rule apply?", "pro_rata"),
        ("Will I pay a 10% penalty if I withdraw it?", "penalty_early_withdrawal"),
        ("Can I use the rule of 55?", "rule_of_55"),
        ("How much tax will I owe on this?", "tax_due_estimate"),
        ("What are the contribution limits this year?", "contribution_limits"),
        ("I make too much for a Roth IRA; is there an income limit?", "income_limit_roth_ira"),
        ("What do I tell my plan administrator?", "provider_process"),
        ("Will they withhold 20%?", "withholding"),
        ("Do RMDs apply to the Roth 401k?", "rmd"),
        ("Where do I report this in TurboTax?", "other"),
        ("what about taxes?", "tax_due_estimate"),
        ("How much will the conversion cost me in taxes?", "tax_due_estimate"),
        ("and the 5 year thing?", "five_year_rule"),
    ],
)
def test_each_intent_has_a_plain_phrasing(text: str, intent: str) -> None:
    assert intent in read(text).intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "I don't want to pay tax on this. Which accounts should get the money?",
            "tax_due_estimate",
        ),
        ("I'm not worried about the 5 year rule.", "five_year_rule"),
        ("I don't want any withholding, I just want to know the steps.", "withholding"),
    ],
)
def test_a_negated_statement_is_not_a_request(text: str, intent: str) -> None:
    assert intent not in read(text).intents


def test_a_negation_inside_a_question_still_asks() -> None:
    assert "tax_due_estimate" in read("Can I do this without paying any tax?").intents


def test_intents_come_in_designs_order_without_repeats() -> None:
    intents = read(
        "How much tax do I owe? Can I split the after-tax to a Roth IRA and the pre-tax "
        "to a traditional IRA? What about tax?"
    ).intents
    assert list(intents) == sorted(set(intents), key=DESIGN_INTENTS.index)


def test_a_question_with_no_known_intent_is_other() -> None:
    assert read("What is the difference between these two accounts?").intents == ("other",)


@pytest.mark.parametrize("text", ["52", "yes", "thanks"])
def test_short_replies_have_no_intent(text: str) -> None:
    assert read(text).intents == ()


def test_split_in_the_same_sentence_overrides_convert_all() -> None:
    intents = read(
        "They can roll over the entire amount but isolate the after-tax funds to a Roth."
    ).intents
    assert "split_rollover" in intents
    assert "convert_all_to_roth" not in intents


@pytest.mark.parametrize(
    "text",
    [
        "convert it to Roth inside the plan",
        "Can I convert it to Roth within the plan?",
        "should I convert the after-tax money to Roth in the plan",
        "I want to convert everything to Roth in my 401k",
        "convert it all to roth inside the plan",
    ],
)
def test_converting_to_roth_inside_the_plan_is_an_in_plan_conversion(text: str) -> None:
    intents = read(text).intents
    assert "in_plan_conversion" in intents
    assert "convert_all_to_roth" not in intents


@pytest.mark.parametrize(
    "text", ["Should I convert it to a Roth IRA?", "convert everything to Roth, pay the tax"]
)
def test_converting_to_roth_outside_the_plan_is_still_a_conversion(text: str) -> None:
    assert "convert_all_to_roth" in read(text).intents


# ---- leaving the job, not leaving money somewhere -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If I leave the converted money there, do I still need to worry about the 5-year rule?",
        "Once I leave it in the Roth 401k, is it safe?",
        "When I leave this job, can I roll the Roth 401k into my Roth IRA?",
    ],
)
def test_leaving_money_in_place_is_not_a_timing_question(text: str) -> None:
    assert "timing_now_vs_separation" not in read(text).intents


@pytest.mark.parametrize(
    "text",
    [
        "What happens if I leave my job first?",
        "If I separate from service at 56, can I still do it?",
        "Is it better to do it while I'm still working or after I quit?",
        "Should I convert some of the traditional to a Roth IRA after I leave?",
    ],
)
def test_leaving_the_job_or_choosing_when_is_a_timing_question(text: str) -> None:
    assert "timing_now_vs_separation" in read(text).intents


# ---- "tax free" and "tax-free" ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Is the whole thing tax-free or just the contributions?",
        "Is the whole thing tax free or just the contributions?",
        "Can I move it to the Roth tax-free?",
    ],
)
def test_asking_whether_a_move_is_tax_free_asks_about_tax_either_spelling(text: str) -> None:
    assert "tax_due_estimate" in read(text).intents


@pytest.mark.parametrize(
    "text",
    [
        "You get tax-free growth on the Roth 401(k) that way.",
        "I read an article titled IRS Authorizes Tax-Free Roth Conversions of After-Tax Funds.",
        "When can I take the earnings out tax free?",
    ],
)
def test_tax_free_growth_headlines_and_withdrawals_are_not_tax_estimates(text: str) -> None:
    assert "tax_due_estimate" not in read(text).intents


@pytest.mark.parametrize(
    "text",
    [
        "after-tax 401k -> roth ira, taxable?",
        "Would the earnings part be taxed?",
        "Do I owe anything?",
        "If I convert 20k, what is the tax?",
        "how do I get it into roth without getting taxed lol",
    ],
)
def test_short_and_plain_tax_questions(text: str) -> None:
    assert "tax_due_estimate" in read(text).intents


# ---- the after-tax money as a whole, or only its basis --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Can I roll it to a Roth IRA while still employed?",
        "Can she move her after-tax money to a Roth IRA now?",
        "Can the after-tax portion go to a Roth without counting toward my RMD?",
        "As the beneficiary can I move that part to my own Roth IRA?",
        # a preference is a wish, even after a refused alternative
        "I don't want to do an in-plan conversion; I'd rather roll it out to a Roth IRA.",
    ],
)
def test_moving_the_after_tax_money_to_a_roth_ira_is_a_conversion(text: str) -> None:
    intents = read(text).intents
    assert "convert_all_to_roth" in intents
    assert "split_rollover" not in intents


@pytest.mark.parametrize(
    "text",
    [
        "Can my after-tax contributions be rolled into a Roth?",
        "Can I roll the whole 401k, pretax and after-tax, to IRAs now?",
        "If my after-tax balance grows, would the split still work the same way?",
    ],
)
def test_the_basis_alone_or_two_destinations_is_a_split(text: str) -> None:
    assert "split_rollover" in read(text).intents


def test_in_a_mega_backdoor_question_rolling_to_roth_is_part_of_the_setup() -> None:
    intents = read(
        "Doing the mega backdoor. How do I get the after-tax money into roth without getting "
        "taxed? Can I roll it to my Roth IRA each month?"
    ).intents
    assert "mega_backdoor_setup" in intents
    assert "convert_all_to_roth" not in intents


# ---- what follows from the facts ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "401k w/ Vanguard. after-tax bucket 31k, 27k of it contributions. 54, still working. "
        "split it?",
        "I'm 52 and still working. Can I roll it all into a Roth IRA?",
    ],
)
def test_moving_the_money_out_while_still_working_is_in_service(text: str) -> None:
    assert "in_service_distribution" in read(text).intents


def test_moving_the_money_out_after_leaving_is_not_in_service() -> None:
    text = "I retired last year. Can I roll it all into a Roth IRA?"
    assert "in_service_distribution" not in read(text).intents


def test_a_backdoor_roth_with_pre_tax_ira_money_meets_the_pro_rata_rule() -> None:
    text = "I have a rollover IRA ($130k). Want to do a backdoor Roth this year. Taxable?"
    assert "pro_rata" in read(text).intents
    assert "pro_rata" not in read("Want to do a backdoor Roth this year. Taxable?").intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("How much after-tax room do I have?", "contribution_limits"),
        ("how much more can I shove in?", "contribution_limits"),
        ("Can a 457(b) be allowed to have after-tax contributions?", "mega_backdoor_setup"),
        ("My plan converts it to Roth automatically each paycheck. Fine?", "in_plan_conversion"),
        ("Turning 55 this year and leaving my job in June. Can I take it out?", "rule_of_55"),
        ("Principal wants to withhold 20% on my distribution. Why?", "provider_process"),
        ("Can the UK pension go into a Roth?", "other"),
    ],
)
def test_more_plain_phrasings(text: str, intent: str) -> None:
    assert intent in read(text).intents


@pytest.mark.parametrize(
    "text",
    [
        "About 38k total in the after-tax part, and 30k of that is what I put in. I'm 61 and "
        "I retired in March.",
        "No, I don't have a Roth IRA yet. The plan is a 457(b) with the county and I'm still "
        "there.",
    ],
)
def test_an_answer_that_only_states_facts_asks_nothing(text: str) -> None:
    assert read(text).intents == ()


def test_a_statement_that_wants_to_know_something_still_asks() -> None:
    text = "I am 55 and have 40k after-tax in my 401k and want to know the best way forward"
    assert read(text).intents == ("other",)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # forum abbreviations
        ("MBD q: should I do it every paycheck?", "mega_backdoor_setup"),
        ("Should I IPRC every paycheck or let it sit?", "in_plan_conversion"),
        ("How much before I hit the 415(c) cap?", "mega_backdoor_setup"),
        ("Could I do NUA on the stock and still send the basis to a Roth IRA?", "other"),
    ],
)
def test_abbreviations_forums_use(text: str, intent: str) -> None:
    assert intent in read(text).intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "I only want the contributions to go to my Roth IRA. The earnings can go to my IRA.",
            "split_rollover",
        ),
        (
            "Can I roll the pre-tax into the new plan and send the after-tax to a Roth IRA?",
            "split_rollover",
        ),
        ("Can I roll the after-tax to a Roth first?", "convert_all_to_roth"),
        ("I want to convert that $4,500 traditional IRA to Roth.", "convert_all_to_roth"),
        (
            "If I convert my entire 401k (about $96,000 pre-tax plus the $18,000 after-tax) "
            "to a Roth IRA, is that smart?",
            "convert_all_to_roth",
        ),
        ("What's the first step to move it to a Roth?", "convert_all_to_roth"),
        ("What's the first step to move it to a Roth?", "provider_process"),
        ("Do I need a custom plan document for that?", "provider_process"),
        ("Why is Vanguard saying they will withhold 20%?", "provider_process"),
        ("Can he move that money to a Roth IRA before he retires?", "in_service_distribution"),
        ("is the after tax money in my 401k stuck there until I leave?", "in_service_distribution"),
        (
            "is the after tax money in my 401k stuck there until I leave?",
            "timing_now_vs_separation",
        ),
        ("Split it after I retire or before?", "timing_now_vs_separation"),
        ("Is that tax-free or do I have to wait for 5 years?", "five_year_rule"),
        ("I want to take out some of the growth next summer.", "qualified_distribution"),
        ("How much federal tax am I looking at?", "tax_due_estimate"),
        ("What would I owe in tax on the earnings part?", "tax_due_estimate"),
        ("Thinking of cashing out. Penalty? Taxes?", "tax_due_estimate"),
        ("What's the most I can put in after-tax to my 401(k)?", "contribution_limits"),
        ("What's the most I can put in after-tax to my 401(k)?", "mega_backdoor_setup"),
        ("They just turned on after-tax contributions. Worth it?", "mega_backdoor_setup"),
    ],
)
def test_phrasings_from_the_third_held_out_set(text: str, intent: str) -> None:
    assert intent in read(text).intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a step named in passing is no question about the provider's process
        ("They said yes, so that's the first step done.", "provider_process"),
        # rolling it all to the IRA, then a Roth in an aside: not a conversion of everything
        (
            "My other option is to just roll it all into the TIRA and forget putting the "
            "after-tax funds into a Roth.",
            "convert_all_to_roth",
        ),
    ],
)
def test_near_misses_of_the_new_phrasings(text: str, intent: str) -> None:
    assert intent not in read(text).intents


@pytest.mark.parametrize(
    "text",
    [
        "We bought our house in 2019 for $415,000. Can I roll the basis to a Roth IRA?",
        "My 401k has 415k in it. Can I roll the basis to a Roth IRA?",
    ],
)
def test_a_sum_of_415_thousand_is_not_the_415_limit(text: str) -> None:
    assert "contribution_limits" not in read(text).intents


def test_the_415_limit_is_still_a_limit_question() -> None:
    assert "contribution_limits" in read("Am I under the 415 limit with the match?").intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("They say after-tax money can only come out at separation.", "in_service_distribution"),
        ("Not sure how much is after-tax. How do I even find out?", "provider_process"),
    ],
)
def test_money_out_only_at_separation_and_finding_out_from_the_plan(text: str, intent: str) -> None:
    assert intent in read(text).intents


@pytest.mark.parametrize(
    "text",
    [
        "Is it possible to move this money to Roth IRA?",
        "Which of these matters for the pro-rata rule if I move the 16k to a Roth IRA?",
        "Roll it to a Roth now or wait?",
        "He want to put it in a Roth IRA.",
    ],
)
def test_moving_this_money_or_a_sum_to_a_roth_ira_is_a_conversion(text: str) -> None:
    assert "convert_all_to_roth" in read(text).intents


def test_moving_a_sum_to_the_roth_inside_the_plan_is_no_roth_ira_conversion() -> None:
    assert "convert_all_to_roth" not in read("Can I move the 16k to the Roth in my 401k?").intents


@pytest.mark.parametrize(
    "text",
    [
        "Is it possible to do this when I am still working in company?",
        "Should I move the after-tax to my Roth IRA now, while working, or at retirement?",
        "Is there still a way to get the after-tax into a Roth without quitting?",
    ],
)
def test_moving_money_while_still_working_or_without_quitting_is_in_service(text: str) -> None:
    assert "in_service_distribution" in read(text).intents


@pytest.mark.parametrize(
    "text",
    [
        "Should I move the after-tax to my Roth IRA now, while working, or at retirement?",
        "I'm 55 and leaving in June. Split rollover then, or in-service now?",
    ],
)
def test_now_or_at_retirement_and_then_or_now_ask_about_timing(text: str) -> None:
    assert "timing_now_vs_separation" in read(text).intents


def test_how_much_after_tax_can_i_put_in_asks_about_limits() -> None:
    assert "contribution_limits" in read("How much after-tax can I put in this year?").intents


def test_maxing_the_after_tax_is_the_mega_backdoor() -> None:
    text = "Should I max the after-tax and convert every paycheck?"
    assert "mega_backdoor_setup" in read(text).intents


@pytest.mark.parametrize(
    "text",
    [
        "If she takes a full distribution and directs the basis to a new Roth IRA, is that ok?",
        "Can we move the after-tax contributions into her new Roth IRA?",
    ],
)
def test_directing_the_basis_to_a_new_roth_ira_is_a_split(text: str) -> None:
    assert "split_rollover" in read(text).intents


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("I want to roll it to a Roth IRA.", True),
        ("Roll it to a Roth now or wait?", True),
        (
            "And if after five years I roll it over to a Roth IRA, can I take out the basis and "
            "the gains tax free?",
            False,
        ),
    ],
)
def test_rolling_it_to_a_roth_ira_in_an_if_clause_only_sets_the_scene(
    text: str, asked: bool
) -> None:
    assert ("convert_all_to_roth" in read(text).intents) is asked


@pytest.mark.parametrize(
    "text",
    [
        "How long does Fidelity take to process an in-plan conversion?",
        "How long does it take to process the rollover?",
    ],
)
def test_how_long_the_firm_takes_is_a_process_question(text: str) -> None:
    assert "provider_process" in read(text).intents


def test_how_long_a_clock_takes_is_not_a_process_question() -> None:
    intents = read("How long does it take for the 5-year clock to run?").intents
    assert "provider_process" not in intents


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "Can I move just the contributions to Roth and leave the earnings in the plan?",
            "split_rollover",
            "convert_all_to_roth",
        ),
        ("Would converting the earnings push me into a higher bracket?", "tax_due_estimate", ""),
        # the whole plan to a traditional IRA is no Roth conversion
        ("Should I roll the whole 401k to an IRA when I retire?", "", "convert_all_to_roth"),
    ],
)
def test_more_phrasings_of_a_split_a_tax_question_and_a_plain_rollover(
    text: str, present: str, absent: str
) -> None:
    intents = read(text).intents
    assert not present or present in intents
    assert not absent or absent not in intents


def test_wanting_the_money_in_a_roth_ira_is_a_conversion() -> None:
    assert "convert_all_to_roth" in read("44yo, 35k AT in 401k, want it in Roth, how?").intents
    assert "convert_all_to_roth" not in read("I want it in a Roth 401k").intents


def test_the_process_with_a_firm_is_a_process_question_and_being_in_one_is_not() -> None:
    text = "I'm not asking about taxes, just the process with Fidelity."
    assert "provider_process" in read(text).intents
    assert "provider_process" not in read("I'm in the process of leaving my job").intents
