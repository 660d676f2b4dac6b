"""Questions about putting money into an IRA, rolling a whole plan to a Roth IRA, 60-day
rollovers still being planned, and how often money may move: each answered first, with
each rule's condition stated.

- Income never bars a traditional IRA contribution; it limits only the deduction (for a
  person, or the spouse of a person, covered by a workplace plan, IRC 219(g)) and a direct
  Roth IRA contribution (IRC 408A(c)(3)). Every range is the year's parameter.
- A plan rolled straight to a Roth IRA with no after-tax money named: only the pretax part
  is taxable, at the person's own rates in that year, not a flat 20% (that is withholding
  on a check), with no 10%.
- A 60-day rollover not yet paid: the 60-day clock is the same for a Roth IRA, and a direct
  rollover has neither the clock nor the withholding. The once-a-year limit reaches only
  IRA-to-IRA 60-day rollovers (IRC 408(d)(3)(B)), never plan rollovers, conversions or
  trustee-to-trustee transfers.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, unnumbered
from conversation_stories import EVAL, real_question

from nlu.reader import read

ANSWERS_MORE = EVAL / "answers_more.jsonl"


def _first_paragraph(text: str) -> str:
    return first_reply(text).split("\n\n")[0]


# -- contributing to an IRA ----------------------------------------------------------------

CONTRIBUTING = [
    # fq092: "can we each still contribute the full $5,000 ... to a traditional deductible IRA"
    real_question("fq092", ANSWERS_MORE),
    # fq093: "A coworker ... said we make too much to make an IRA contribution. ... Is he right?"
    real_question("fq093", ANSWERS_MORE),
    # fq094: newly married, "do we exceed the income level for a regular IRA, too?"
    real_question("fq094", ANSWERS_MORE),
    # fq095: "can you contribute the $6,000 limit (I'm over 50) into a Roth or traditional IRA"
    real_question("fq095", ANSWERS_MORE),
    "We earn $300,000 together. Can I still contribute to a Roth IRA?",
]


@pytest.mark.parametrize("text", CONTRIBUTING)
def test_an_ira_contribution_question_is_answered_first_with_the_years_ranges(
    text: str,
) -> None:
    assert read(text).asks[0] == "ira_contribution"
    reply = first_reply(text)
    assert reply.startswith("Income never stops a traditional IRA contribution ($7,500 for 2026")
    # the 2026 parameters: the covered-person deduction phase-out and the Roth phase-out
    assert "$129,000-$149,000 joint" in reply and "$242,000-$252,000 of joint MAGI" in reply
    assert "nondeductible" in reply and "backdoor" in reply
    # the backdoor's condition is stated with it
    assert "pro-rata over all your traditional, SEP and SIMPLE IRAs" in reply


def test_income_is_not_said_to_be_irrelevant_to_a_contribution() -> None:
    # "Income does not matter: rollovers and conversions ... have no income limit" answers a
    # rollover question; asked about contributing, it is not said
    reply = first_reply(real_question("fq094", ANSWERS_MORE))
    assert "Income does not matter" not in reply


def test_a_spouse_without_pay_gets_the_spousal_ira() -> None:
    text = real_question("fq093", ANSWERS_MORE)  # "My wife ... does not work."
    assert "spousal_ira" in read(text).asks
    assert "(a spousal IRA)" in first_reply(text)


def test_only_this_years_roth_contribution_can_be_recharacterized() -> None:
    text = real_question("fq094", ANSWERS_MORE)  # "Can I reallocate my Roth investments ..."
    assert "recharacterize" in read(text).asks
    reply = first_reply(text)
    assert "Only this year's Roth IRA contribution can be recharacterized" in reply
    assert "past years' Roth contributions stay where they are" in reply


@pytest.mark.parametrize(
    "text",
    [
        # fq035: a mega backdoor question that mentions the backdoor and the IRA limit
        real_question("fq035", ANSWERS_MORE),
        # fq023: "are those dollars completely recharacterized as Roth" after a conversion
        "After a conversion, are those dollars completely recharacterized as Roth such that "
        "they would be subject to the 5-year rule?",
        "Can I contribute after-tax money to my 401(k) and then roll it to a Roth IRA?",
    ],
)
def test_moving_plan_money_is_not_an_ira_contribution_question(text: str) -> None:
    asks = read(text).asks
    assert "ira_contribution" not in asks and "recharacterize" not in asks


# -- a whole plan rolled to a Roth IRA -----------------------------------------------------

PLAN_TO_ROTH = [
    # fq097: "Can I roll the 401(k) directly into a Roth IRA, or ... a traditional IRA first?"
    # asks what is possible: the catalogue's verdict first (tests/conversation/
    # test_verdict_first.py)
    (real_question("fq097", ANSWERS_MORE), "Yes: a plan can be rolled directly into a Roth IRA"),
    # fq083: "Do I just need to pay tax on the pre-tax amount? Is it 20%"
    (real_question("fq083", ANSWERS_MORE), "A plan can be rolled directly into a Roth IRA"),
]


@pytest.mark.parametrize(("text", "opens"), PLAN_TO_ROTH)
def test_a_plan_rolled_to_a_roth_ira_is_taxed_at_your_rates_not_a_flat_20(
    text: str, opens: str
) -> None:
    assert read(text).asks[0] == "plan_to_roth_ira"
    reply = first_reply(text)
    assert reply.startswith(f"{opens}: only the pretax")
    assert "at your own bracket rates, with no 10% penalty" in reply
    assert "The tax is not 20%: that is only withholding on a check paid to you" in reply
    assert "convert in slices" in reply
    # no after-tax money was named: the split rollover's template is not the answer
    assert "two direct rollovers" not in reply


def test_with_after_tax_money_named_the_split_still_answers() -> None:
    text = "Can I roll my 401(k), with $40,000 of after-tax contributions, into a Roth IRA?"
    assert "plan_to_roth_ira" not in read(text).asks


# -- 60-day rollovers not yet paid, and how often money may move ----------------------------


def test_a_planned_60_day_rollover_is_the_same_for_a_roth_and_a_direct_one_has_no_clock() -> None:
    text = real_question("fq080", ANSWERS_MORE)  # "Would the 60 day period be affected ..."
    assert read(text).asks[0] == "sixty_day_rollover"
    reply = first_reply(text)
    assert "the 60-day rule is the same for a Roth IRA as for a traditional one" in reply
    assert "A direct rollover avoids both" in reply and "no 60-day clock" in reply
    # no check was paid yet: it is not "a check paid to you can still be rolled over"
    assert "can still be rolled over" not in reply
    # "Would the 60 day period be affected ...?" is not answered "Yes"
    assert not reply.startswith("Yes")
    # the rollover is not a contribution (its second question)
    assert "rollover is not a contribution" in reply


def test_a_planned_60_day_split_works_pretax_first_with_the_withholding_made_up() -> None:
    text = real_question("fq082", ANSWERS_MORE)  # "Take possession of the entire 401k balance"
    asks = read(text).asks
    assert asks[:2] == ("sixty_day_split", "once_per_year")
    first = _first_paragraph(text)
    assert first.startswith("Yes, that works: amounts rolled over count as the taxable part first")
    assert "the 20% withheld made up from other money" in first
    assert "IRS Notice 2014-54" in first_reply(text)


@pytest.mark.parametrize(
    "text",
    [
        real_question("fq082", ANSWERS_MORE),  # "Are there any limitations to moving the funds"
        "Is there a one rollover per year limit on converting my IRA to a Roth?",
        "Can I do more than one Roth conversion in 12 months?",
    ],
)
def test_the_once_a_year_limit_is_said_to_reach_only_ira_to_ira_60_day_rollovers(
    text: str,
) -> None:
    assert "once_per_year" in read(text).asks
    reply = first_reply(text)
    assert "a limit on IRA-to-IRA 60-day rollovers alone" in reply
    assert "does not apply to a rollover from a plan, a conversion, or a direct" in reply


@pytest.mark.parametrize(
    "text",
    [
        # fq057: "Can I roll the entire $40K ... or do I need to do it $5K for this year and each
        # year after till it is gone?"
        real_question("fq057", ANSWERS_MORE),
        # fq080: "would the rollover affect my ability to contribute?"
        real_question("fq080", ANSWERS_MORE),
    ],
)
def test_a_rollover_has_no_yearly_cap(text: str) -> None:
    assert "rollover_not_ira_limit" in read(text).asks
    assert "rollover is not a contribution" in first_reply(text)


# -- what the plan may refuse, what the IRS FAQ means, how after-tax money is taxed ---------


@pytest.mark.parametrize(
    "text",
    [
        # fq001: "Can the 401K administrator restrict one in this fashion"
        real_question("fq001", ANSWERS_MORE),
        # fq106: "their plan does not provide for after tax transfers to a Roth unless it is a
        # Roth 401(k) ... Can they ignore the law that was passed in 2014?"
        real_question("fq106", ANSWERS_MORE),
    ],
)
def test_a_plan_may_refuse_two_direct_rollovers_but_not_a_roth_ira(text: str) -> None:
    assert read(text).asks[0] == "plan_refuses_split"
    reply = first_reply(text)
    # the regulation's condition, not "the plan must split it"
    assert reply.startswith("A plan may limit direct rollovers to one destination")
    assert "it does not make a plan split it" in reply
    assert "rolled to the Roth IRA within 60 days" in reply


def test_the_irs_faqs_pretax_amounts_depend_on_the_plans_accounting() -> None:
    # fq013: "are they simply referring to earnings on after-tax contributions as "pretax""
    text = real_question("fq013", ANSWERS_MORE)
    assert "faq_pretax_meaning" in read(text).asks
    reply = first_reply(text)
    assert reply.startswith("It depends on the plan's accounting: if the after-tax")
    assert "(IRC 72(d)(2))" in reply and "ask the plan to confirm" in reply
    assert "Either way some earnings come along" in reply


def test_basis_rolled_to_a_roth_ira_can_come_straight_back_out() -> None:
    # fq016: "be excused from any penalty if distribution is made form the Roth immediatey"
    text = real_question("fq016", ANSWERS_MORE)
    assert read(text).asks[0] == "basis_access_before_59"
    reply = first_reply(text)
    # ("Can after tax money be rolled over ...?": the catalogue's verdict first)
    assert reply.startswith("Yes: after-tax contributions you roll or convert to a Roth IRA")
    assert "regular contributions first" in reply and "earnings last" in reply
    # the 10% within 5 years reaches only a taxable part
    assert "the basis never does" in reply


def test_after_tax_plan_money_is_taxed_like_a_nondeductible_ira() -> None:
    # fq037: "Are after-tax 401k contributions like regular taxable accounts, or like
    # non-deductible IRA contributions?"
    text = real_question("fq037", ANSWERS_MORE)
    assert read(text).asks[0] == "after_tax_taxation"
    assert first_reply(text).startswith(
        "Like nondeductible IRA contributions, not a brokerage account"
    )


def test_after_tax_contributions_need_the_plan_to_offer_them() -> None:
    # fq044: "How do I go about putting after-tax money [into my standard 401(k)]"
    text = real_question("fq044", ANSWERS_MORE)
    assert read(text).asks[0] == "after_tax_offered"
    reply = first_reply(text)
    assert reply.startswith("Only if your plan offers after-tax (non-Roth) contributions")
    assert "up to $72,000 in all for 2026 (IRC 415(c))" in reply


def test_context_sentences_are_not_answered_as_questions() -> None:
    # fq035 says "plan to start backdoor Rothing this year" and "contributing beyond 19.5k
    # ... cut-off at the IRS limit": context; it asks about its after-tax room and whether
    # this is a mega backdoor
    asks = read(real_question("fq035", ANSWERS_MORE)).asks
    assert "after_tax_room" in asks and "mega_backdoor" in asks
    assert "ira_pro_rata" not in asks and "rollover_not_ira_limit" not in asks


def test_the_difference_between_roth_401k_and_after_tax_is_read_in_roth_401k() -> None:
    # fq085: "explain the differences between the Roth-401K and the post-tax contributions"
    text = real_question("fq085", ANSWERS_MORE)
    assert read(text).asks == ("roth_401k_vs_after_tax",)
    assert first_reply(text).startswith("Roth 401(k) contributions count toward the $24,500")


def test_after_tax_money_goes_to_a_new_plan_only_if_it_takes_it_never_its_roth_401k() -> None:
    # fq104: "Can these after-tax contributions be rolled into his new Roth 401(k) plan?"
    text = real_question("fq104", ANSWERS_MORE)
    assert read(text).asks[0] == "after_tax_to_plan"
    reply = unnumbered(first_reply(text))
    assert reply.startswith("Not into a Roth 401(k): a designated Roth account takes rollovers")
    assert "many plans don't" in reply


@pytest.mark.parametrize(
    "text",
    [
        # fq004: the same plan's Roth 401(k) is an in-plan rollover, not another plan
        "Can I roll over just the after-tax contributions directly into the Roth 401k, leaving "
        "the pre-tax contributions where they are?",
        # fq009: "or would the funds have had to be part of a Roth 401k?"
        real_question("fq009", ANSWERS_MORE),
    ],
)
def test_the_same_plans_roth_account_is_not_a_new_plan(text: str) -> None:
    assert "after_tax_to_plan" not in read(text).asks


def test_plan_money_sent_to_a_roth_ira_is_not_an_ira_conversion() -> None:
    # fq103: "is this considered a "conversion", and therefore subject to the pro-rata
    # conversion rules?"
    text = real_question("fq103", ANSWERS_MORE)
    assert read(text).asks == ("plan_vs_ira_aggregation",)
    assert first_reply(text).startswith("The IRA aggregation rule counts only your")


@pytest.mark.parametrize(
    "qid",
    [
        "fq037",  # "What's the catch?"
        "fq040",  # "Are there any pitfalls I need to watch out for?" (highly compensated)
    ],
)
def test_the_catches_of_after_tax_contributions_are_the_limit_and_the_acp_test(qid: str) -> None:
    text = real_question(qid, ANSWERS_MORE)
    assert "after_tax_catches" in read(text).asks
    reply = first_reply(text)
    assert "The catches: the $72,000 total for 2026 on all additions (IRC 415(c))" in reply
    assert "ACP" in reply


def test_an_option_called_after_tax_roth_is_the_roth_401k_not_after_tax_basis() -> None:
    # fq084: "'After-Tax Roth' ... is this option a Roth 401k even though it isn't
    # specifically mentioned anywhere?"
    text = real_question("fq084", ANSWERS_MORE)
    assert read(text).asks == ("after_tax_roth_label",)
    reply = first_reply(text)
    assert reply.startswith('An option called "Roth (after-tax)" with tax-free withdrawals')
    assert "inside the $24,500 deferral limit for 2026" in reply and "never taxed twice" in reply
    # designated Roth money is not the after-tax basis of a split rollover
    assert "two direct rollovers" not in reply


def test_a_roth_401k_rolled_into_an_older_roth_ira_takes_that_ira_clock() -> None:
    # fq031: "would the 5 year rule be satisfied immediately upon the rollover from of the
    # Roth K to the Roth IRA?"
    reply = first_reply(real_question("fq031", ANSWERS_MORE))
    assert "of your first Roth IRA contribution or conversion" in reply
    assert "it starts January 1 of the year" in reply
    assert "rollover does not restart it and Roth 401(k) years do not count" in reply


def test_an_ira_converted_with_no_after_tax_money_named_is_not_after_tax_money_in_an_ira() -> None:
    # fq031: "a conversion of a regular IRA into a Roth IRA 5 years earlier"
    text = real_question("fq031", ANSWERS_MORE)
    assert "in_ira" not in read(text).places
    assert "Once after-tax money is in a traditional IRA" not in first_reply(text)
