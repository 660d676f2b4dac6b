"""Precision first (issue 11): classes of wrong facts the reader stated on real text, each a
general rule with the real sentences that showed it (verbatim, set and id named) and a
paraphrase. A fact whose role, owner or time is unclear is left out: the bot asks instead.

Classes:
- the steps of a worked example are no statuses (a plan feature, a Roth IRA said inside
  "4. Let's say I contribute ... 5. I make an in-service withdrawal");
- a numbered example ends at its item: the next item, after a blank line, is the poster's
  own next question, whose facts count;
- a case set out under an "Assumptions:" heading is a generic owner's, not the asker's;
- gains listed beside the employer's match, with no after-tax money named, are the whole
  account's, not the after-tax money's earnings;
- the date of a source (a thread, an article) is not the tax year asked about.
"""

from nlu.reader import read

# ---- a worked example's steps: no statuses ---------------------------------------------

# batch_a ba022, http://www.bogleheads.org/forum/viewtopic.php?f=1&t=92534
BA022_STEPS = (
    "3. Therefore max after-tax contribution for me = $28K (50K - 17K - 5K) (My plan limits "
    "after-tax contributions to 60% of gross)\n"
    "4. Let's say I contribute $10K after-tax in 2012 and let's say it grows to $11K.\n"
    "5. I make an in-service withdrawal of $11K (contribution + earnings) and roll it over to "
    "a Roth IRA.\n"
    "6. I will have to pay ordinary income taxes on $1K (earnings) and all of my $11K will "
    "move to my Roth IRA and grow tax-free.\n"
)


def test_a_worked_examples_steps_state_no_plan_feature_nor_roth_ira() -> None:
    facts = read(BA022_STEPS).facts
    assert "plan_allows_in_service" not in facts
    assert "has_roth_ira" not in facts


def test_a_worked_examples_steps_paraphrased() -> None:
    text = (
        "1. Let's say I put $8K after-tax into the plan this year.\n"
        "2. I take an in-service withdrawal of it and roll it to my Roth IRA.\n"
    )
    facts = read(text).facts
    assert "plan_allows_in_service" not in facts
    assert "has_roth_ira" not in facts


def test_stated_outside_an_example_the_same_status_counts() -> None:
    # the rule is the example's scope, not the words: said of one's own plan, it stands
    facts = read("My plan allows in-service withdrawals. I also have a Roth IRA.").facts
    assert facts.get("plan_allows_in_service") is True
    assert facts.get("has_roth_ira") is True


# ---- a numbered example ends at its item ------------------------------------------------

# batch_c bc001, https://irahelp.com/?p=64262
BC001 = (
    "1. ) Let’s say I have a ROTH 403B from 2 employers ago that was rolled to a ROTH 403B "
    "with a previous employer where it is now. Can I roll this over again but to a ROTH IRA "
    "this time? I’m think the answer is yes but want to confirm.\n\n"
    "2.) Building on question 1. Assuming the Roth 403B is rolled into the Roth IRA. The Roth "
    "IRA already existed prior to rollover with contributions and was started in 2020 with the "
    "first contribution but I also have another ROTH IRA that was started with first "
    "contribution in 2018. For the rollover amount from the ROTH 403B does it just assume the "
    "5 year rule that would apply to the Roth IRA?, which I think would be based on 2018 first "
    "ROTH IRA contribution across all my ROTH IRA accounts? or does it have its own that needs "
    "to be tracked for just the rollover amount?"
)


def test_the_next_numbered_question_after_a_blank_line_is_no_longer_the_example() -> None:
    assert read(BC001).facts.get("has_roth_ira") is True


def test_the_next_numbered_question_paraphrased() -> None:
    text = (
        "1. Let's say I roll my old Roth 401k somewhere.\n\n"
        "2. Does the 5 year rule of my Roth IRA apply, which I opened in 2015?"
    )
    assert read(text).facts.get("has_roth_ira") is True


# ---- a case set out as assumptions -------------------------------------------------------

# batch_e be007, https://irahelp.com/forum-post/65375-10-irs-penalty-triggered-401k-plan-roth-conversion
BE007 = (
    "Assumptions:\n401k owner under age 59 1/2.\nOwner makes $10,000 after-tax contribution to "
    "their traditional 401k.\nThe $10,000 after-tax contribution grows to $15,000 in value.\n"
    "Then owner converts the $10,000k after-tax contribution to their Roth 401k through "
    "in-plan Roth conversion. it is understood no taxes or penalties are triggered on this "
    "part of the conversion.\nThe $5,000 of earnings are subject to ordinary income taxation.\n"
    "Would the $5,000 of earnings be subject to the 10% IRS penalty for early withdrawal?"
)


def test_figures_under_an_assumptions_heading_are_no_ones() -> None:
    facts = read(BE007).facts
    assert "after_tax_earnings" not in facts
    assert "after_tax_contributions" not in facts


def test_figures_under_an_assumptions_heading_paraphrased() -> None:
    text = (
        "Assumptions:\nA participant has $20,000 of after-tax contributions and $4,000 of "
        "earnings on them.\nCan the earnings go to a Roth IRA?"
    )
    assert "after_tax_earnings" not in read(text).facts


# ---- gains of the whole account ------------------------------------------------------------

# real fq051, https://forum.whitecoatinvestor.com/retirement-accounts/1992-after-tax-403b-conversion
FQ051 = (
    "I'm 3 yrs out of residency and have an after tax 403b (not a Roth) with my residency "
    "hospital that has 16k in it. 9k of that 16k is after tax dollars that I contributed at the "
    "time. The rest of the money is matching from the employer (3k) and investment gains (4k)."
)


def test_gains_listed_beside_the_match_are_the_whole_accounts() -> None:
    facts = read(FQ051).facts
    assert "after_tax_earnings" not in facts
    assert facts.get("employer_contribution") == 3000  # (the match beside them is read)


def test_gains_listed_beside_the_match_paraphrased() -> None:
    text = (
        "My old 401k holds $12,000 of after-tax contributions. Besides that there is "
        "employer match of $6,000 and growth of $5,000."
    )
    assert "after_tax_earnings" not in read(text).facts


def test_gains_named_as_the_after_tax_moneys_still_count() -> None:
    # real fq014's wording: the earnings are said to be the after-tax money's
    text = (
        "The remaining consists of 10,000 in after-tax contributions and 40,000 is earnings "
        "on the after-tax money, besides the employer match."
    )
    assert read(text).facts.get("after_tax_earnings") == 40000


# ---- the date of a source -------------------------------------------------------------------

# batch_e be037, https://boards.straightdope.com/t/401k-withdrawl-to-use-for-house-down-payment/505320
BE037 = (
    "There is a thread from November, 2007 on this topic, but I wanted to see if anything had "
    "changed.\nMy wife and I are going through the process of getting a mortgage. We’re "
    "thinking of withdrawing money from the 401k to use as a down payment."
)


def test_a_threads_date_is_not_the_tax_year() -> None:
    assert "year" not in read(BE037).facts


def test_a_threads_date_paraphrased() -> None:
    assert "year" not in read("I read an article from 2019 about the mega backdoor.").facts


def test_a_year_the_poster_acts_in_still_counts() -> None:
    assert read("I want to do a mega backdoor conversion in 2024.").facts.get("year") == 2024


# ---- a limit is not the asker's contribution ---------------------------------------------


def test_the_plans_limit_is_no_yearly_after_tax_contribution() -> None:
    # batch_a ba022, http://www.bogleheads.org/forum/viewtopic.php?f=1&t=92534
    text = (
        "1. Max pre-tax 401k employee contribution for 2012 = $17K (Max employer match in my "
        "case = $5K)\n2. Max amount that can be contributed in 2012 (pre-tax + match + "
        "after-tax) = $50K\n"
    )
    assert "annual_after_tax_contribution" not in read(text).facts


def test_the_plans_limit_paraphrased() -> None:
    text = "Max amount that can be contributed in 2024 (pre-tax + match + after-tax) = $69K"
    assert "annual_after_tax_contribution" not in read(text).facts


# ---- a firm spoken to ---------------------------------------------------------------------


def test_a_firm_spoken_to_is_not_the_plans_firm() -> None:
    # batch_e be009, https://redlib.privacytools.click/r/fidelityinvestments/comments/1d6hclc/i_got_fired_401k_into_roth_ira/l6sr9hk
    text = (
        "I got fired after 5 years. 401k balance on principal $122,000 vested balance "
        "$114,000. I want to take my money out of there and convert into a Roth IRA. Fidelity "
        "can you help me?"
    )
    assert "provider" not in read(text).facts


def test_a_firm_spoken_to_paraphrased() -> None:
    assert "provider" not in read("My 401k question: Vanguard, could you explain this?").facts


def test_a_firm_said_to_keep_the_plan_still_counts() -> None:
    assert read("My 401k is with Vanguard. Can you help me?").facts.get("provider") == "Vanguard"
