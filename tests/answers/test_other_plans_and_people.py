"""Other plans and other people: after-tax money in a 403(b), 457(b), TSP or pension; a
surviving spouse; a check already paid; rolling out at 59½ while still working; withholding
on an in-plan conversion; a loss on converting; NUA beside after-tax money.

Each question is recognised from real phrasings, quoted verbatim with the id of the real
question they come from (tests/eval/batch_b.jsonl, tests/eval/answers_more.jsonl,
../shared/eval/answers.jsonl), and each answer's key sentence is checked with the rule it
cites and the primary source that rule names.
"""

from __future__ import annotations

from datetime import date

import pytest
from answer_findings import said_by

from bot.answers import compose
from bot.conversation import respond
from bot.session import Session
from knowledge.answers import catalogue
from knowledge.engine import calculate
from knowledge.facts import Facts
from knowledge.params import param
from nlu.reader import read

TODAY = date(2026, 12, 6)

# -- real phrasings, verbatim ------------------------------------------------------------------

BB062 = (  # irahelp.com, after-tax money in a defined-benefit plan (refused before)
    "Sorry, yet again another post tax to Roth IRA question. Wish the IRS would come out "
    "with some sort of guidance. Client has not retired and has after-tax contributions in a\n"
    "DB plan. Client is not ready to retire but would like to remove after tax money from DB "
    "plan to a Roth IRA. Plan provider is willing to send funds (via direct payment to "
    "client). Is client permitted to then fund Roth IRA?\nThank you."
)
BB059 = (
    "The cash balance defined benefit plan where I work is closing and I am going to "
    "receive a lump sum distribution next month.\n\nCan I rollover this distribution to a "
    "Roth IRA?"
)
FQ052 = (
    "Retired individual age 66 has funds in a 403b some in pre-tax which he wants to roll in "
    "a traditional IRA. He also has more money in the 403b but after-tax.\nCan he roll the "
    "after tax directly in a Roth IRA tax free since the funds has already been taxed? What "
    "are his options? Advantages and disadvantages with this money?"
)
BB030 = (  # a widow whose check was already cut (handed to a person before)
    "This is for a 67 year old female that has no wages. I am wondering if there is a way we "
    "could rollover the pre-paid tax dollars from a deceased husband’s 401(k) into a Roth IRA "
    "and avoid the income tax, since they have been paid. The check has already been cut from "
    "the custodian last week."
)
FQ102 = (
    "Have a client that passed away and her spouse is rolling over her 401k to his own IRAs. "
    "The vendor sent him 3 checks; one for the pre-tax contributions to go to his IRA, one for "
    "the Roth 401k contributions to go to his Roth IRA, and the 3rd for “after-tax” "
    "contributions. Can we put the “after-tax” contributions into his Roth IRA as well or do "
    "they need to be rolled over to the IRA? The client is 62 and his deceased spouse was 57. "
    "Thank you for your assistance."
)
FQ075 = (  # a non-spouse beneficiary: the inherited-account safety line must stay
    "My mother, who recently died in January 2025, had a 401(k) balance, and had been "
    "taking RMDs from it for several years, usually around December 15 of each year the "
    "plan administrator calculates and would send her the RMD for that calendar year.  "
    "The 401(k) was originally my father’s from his employer.  It was assumed by mother "
    "upon his passing over 25 years ago.\n\nI am the sole beneficiary of all her assets.  "
    "The 401(k) listed me as the sole beneficiary.  I contacted the plan administrator, "
    "supplied the death certificate, etc. and they have transferred the assets to me, in "
    "a new inherited account within the plan.  I have been advised, that due to my status"
    " as a non-spouse beneficiary that I do not qualify to remain in the plan and I have "
    "60 days to roll the assets over to an IRA, or they will liquidate the positions and "
    "send me a payment for the balance, after taxes are withheld, etc.  I do not want "
    "that to happen, as I prefer to roll the assets over to an IRA so as to preserve tax "
    "avoidance on the whole amount, not increase my income above what I had been planning"
    " in terms of my marginal tax bracket, incur IRMAA costs for Medicare, and want the "
    "ability to stay within income ranges to be able to continue to contribute to my own "
    "Roth IRA.  I am age 68.  I am aware that I will have to begin RMDs from the rolled "
    "over IRA in 2026 to comply with the rules for 10 year depletion of the assets, and "
    "that is my plan."
)
BB064 = (
    "Can all or a portion of a lump sum distribution (taxes were withheld) from a DB pension "
    "plan be rolled over into a Roth IRA?\nClient received an after tax distribution of "
    "($86,400) last week. The Gross amount was $103, 345 ($39,968 was non-taxable; $63,677 "
    "taxable). Client wants to know if he can roll $56,400 into Roth IRA. If so, would this "
    "be considered a Roth Conversion (assuming he rolls this amount within 60 days)? Would he "
    "have any additional tax issues to consider?"
)
BB055 = (
    "Client had a 401k with pre and after-tax contributions. The company sent the pre-tax "
    "money directly to the client’s account with custodian. However, the client received a "
    "check for the after-tax money and deposited it into his bank account. The client is "
    "thinking about keeping a small portion of this cash and sending the remainder to his "
    "Roth IRA. Is this OK to do or does this mess up the ability to rollover to his Roth?"
)
FQ008_OPENING = (  # a direct rollover asked about, not money already paid
    "What are the rules for rolling over after tax money from a 401k to a ROTH?\nscenario: "
    "$180k 401k balance, of which $102k is after-tax\nCan the after tax be placed in a ROTH, "
    "& the pre tax go into a traditional IRA via a direct rollover?\nCan the plan "
    "administrator send 1 check, and the pre tax go into a TIRA & the after tax go into a "
    "ROTH?"
)
BB050_OPENING = (
    "I am 69, retired federal employee, and returned to work part-time for a professional "
    "association. I have been participating in that association’s traditional 401k because "
    "it has yet to offer a Roth 401k. (I have been working on that shortcoming.) I may want "
    "to convert the regular 401k to a Roth 401k to take advantage of reporting the income in "
    "2011 and 2012. I understand I cannot do that conversion while still employed with the "
    "on-going traditional 401k. Can I arrange things with my employer to resign, which would "
    "allow me to transfer the traditional 401k to a Roth IRA, and then be rehired virtually "
    "over the weekend?"
)
FQ072_SENTENCE = (
    "If employee is older than 59 1/2 and still working for the company do the above and not "
    "having a 10% early withdraw penalty?"
)
FQ072_FIRST = (
    "Can employee under 55 and still working for the company request a trustee-to-trustee "
    "transfer from 401k to IRA or Roth IRA? Is there a 10% early withdraw penalty?"
)
BB049_QUESTION = (
    "Does this mean that penalty-free rollovers are now allowed for plan participants under 59-1/2?"
)
BB076 = "How do the federal withholding rules apply to an in-plan Roth conversion in a 401(k) plan?"
BB057_QUESTION = (
    "What would be the tax consequences if I made loss(es) rather than gains during the "
    "conversion these assets?"
)
BA036_SENTENCE = (
    'Or perhaps "market time" a bit and wait till the market is down to convert, thus not '
    "paying taxing since I will have losses in my accounts?"
)
BB021_QUESTION = (
    "Is it possibly to elect NUA as well as roll my after-tax contributions to a Roth IRA?"
)
BB022_CLOSING = (
    "I have a client with NUA shares valued at $38,000 and a $2,000 basis. She also has "
    "$32,000 in after tax contributions to the plan. I have had providers tell me they can "
    "allocate the whole $32,000 to the NUA, is that not correct?"
)
BB006_OPENING = (
    "When does it make sense to make tax-exempt TSP contributions (contributions while in a "
    "combat zone)?"
)


@pytest.mark.parametrize(
    ("source", "text", "question_id"),
    [
        ("bb062", BB062, "other_plans"),
        ("bb059", BB059, "other_plans"),
        ("fq052", FQ052, "other_plans"),
        ("bb030", BB030, "surviving_spouse"),
        ("fq102", FQ102, "surviving_spouse"),
        ("bb064", BB064, "check_to_roth"),
        ("bb055", BB055, "check_to_roth"),
        ("bb050", BB050_OPENING, "in_service_at_59"),
        ("fq072", FQ072_SENTENCE, "in_service_at_59"),
        ("bb049", BB049_QUESTION, "in_service_at_59"),
        ("fq072", FQ072_FIRST, "no_penalty_on_rollover"),  # the 10% of a direct transfer
        ("bb076", BB076, "in_plan_withholding"),
        ("bb057", BB057_QUESTION, "conversion_loss"),
        ("ba036", BA036_SENTENCE, "conversion_loss"),
        ("bb021", BB021_QUESTION, "nua_after_tax"),
        ("bb022", BB022_CLOSING, "nua_after_tax"),
        ("bb006", BB006_OPENING, "tsp_tax_exempt"),
    ],
)
def test_the_question_is_recognised_from_a_real_phrasing(
    source: str, text: str, question_id: str
) -> None:
    assert question_id in read(text).asks, source


@pytest.mark.parametrize(
    ("source", "text", "first"),
    [
        ("bb062", BB062, "other_plans"),
        ("bb030", BB030, "surviving_spouse"),
        ("bb064", BB064, "check_to_roth"),
        ("bb050", BB050_OPENING, "in_service_at_59"),
        ("bb049", BB049_QUESTION, "no_penalty_on_rollover"),  # the 10% first, then 59½
        ("bb076", BB076, "in_plan_withholding"),
        ("bb057", BB057_QUESTION, "conversion_loss"),
        ("bb006", BB006_OPENING, "tsp_tax_exempt"),
    ],
)
def test_the_specific_question_is_answered_first(source: str, text: str, first: str) -> None:
    assert read(text).asks[:1] == (first,), source


@pytest.mark.parametrize(
    ("source", "text", "not_this"),
    [
        ("fq075", FQ075, "surviving_spouse"),  # a child, not a spouse
        ("fq008", FQ008_OPENING, "check_to_roth"),  # nothing paid out yet
    ],
)
def test_a_look_alike_is_not_recognised(source: str, text: str, not_this: str) -> None:
    assert not_this not in read(text).asks, source


# -- the replies those questions now get -----------------------------------------------------


def _reply(text: str):
    return respond(Session(key="t"), text, today=TODAY, now=0)


def test_a_defined_benefit_plan_is_answered_not_refused() -> None:
    reply = _reply(BB062)
    assert "I only know about" not in reply.text
    assert "follow a 401(k)'s rollover rules" in reply.text
    assert "not monthly pension payments" in reply.text


def test_a_surviving_spouse_gets_the_answer_not_a_handoff() -> None:
    reply = _reply(BB030)
    assert reply.action is None
    assert "surviving spouse may roll" in reply.text
    assert "non-spouse beneficiary cannot" not in reply.text  # the wrong person's rule
    assert "within 60 days" in reply.text
    assert "No wages are needed" in reply.text


def test_a_non_spouse_beneficiary_still_gets_the_safety_line_and_a_person() -> None:
    reply = _reply(FQ075)
    assert reply.action == "handoff"
    assert "cannot do a 60-day rollover" in reply.text


def test_a_fuller_answer_holds_the_general_one() -> None:
    """Asked together, the in-plan withholding answer is not followed by the split template."""
    reply = _reply(BB076)
    assert "W-4" in reply.text
    assert "two direct rollovers" not in reply.text


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("bb030", BB030),
        ("bb062", BB062),
        ("bb049", BB049_QUESTION),
        ("bb076", BB076),
        ("bb057", BB057_QUESTION),
        ("bb006", BB006_OPENING),
    ],
)
def test_the_first_message_fits_a_phone(source: str, text: str) -> None:
    body = _reply(text).text.split("Not tax advice.")[0]
    assert len(body.split()) <= 120, source


# -- each answer's key sentence and its source ------------------------------------------------


def _result(facts: dict) -> dict:
    return calculate(Facts.from_mapping(facts), today=TODAY).to_json()


@pytest.mark.parametrize(
    ("question_id", "finding", "key", "source"),
    [
        ("other_plans", "other_plans.same_rules", "a 401(k)'s rollover rules", "Notice 2014-54"),
        ("other_plans", "other_plans.eligible", "not monthly pension payments", "402(c)(4)"),
        ("tsp_tax_exempt", "tsp.tax_exempt", "not taxed when paid out", "Tax Rules About TSP"),
        ("tsp_tax_exempt", "tsp.to_roth", "Roth money tax-free", "Notice 2014-54"),
        # (no kind of money named: each kind's way, knowledge.answers._surviving_spouse)
        ("surviving_spouse", "spouse.own_kinds", "into their own IRAs", "402(c)(9)"),
        ("surviving_spouse", "spouse.check_any", "can still be rolled within", "402(c)"),
        ("surviving_spouse", "rmd.first_not_rollable", "cannot be rolled", "402(c)(4)"),
        ("check_to_roth", "paid_out.conversion", "that is a Roth conversion", "408A(d)(3)(A)"),
        ("check_to_roth", "paid_out.pretax_first", "counts as pretax first", "402(c)"),
        ("check_to_roth", "paid_out.withheld", "comes back as a credit", "3405(c)"),
        ("in_service_at_59", "in_service.from_59", "in-service rollover", "401(k)(2)(B)"),
        ("in_plan_withholding", "in_plan.no_withholding", "Form W-4", "Notice 2010-84"),
        ("conversion_loss", "loss.not_deductible", "cannot be deducted", "67(g)"),
        ("conversion_loss", "loss.basis_carry", "ask the plan", "Resource Guide"),
        ("nua_after_tax", "nua.lump_sum", "lump-sum distribution", "402(e)(4)"),
        ("nua_after_tax", "nua.ask_plan", "I won't guess it", "Resource Guide"),
    ],
)
def test_each_answer_says_its_key_sentence_with_its_source(
    question_id: str, finding: str, key: str, source: str
) -> None:
    sentence, section = said_by(question_id)[finding]
    assert key in sentence
    assert source in section


def test_the_sixty_days_and_the_rates_come_from_the_year_stamped_parameters() -> None:
    days = param("gov.irs.rollover.period_days", 2026)
    sentence, _ = said_by("check_to_roth")["paid_out.conversion"]
    assert f"within {days} days" in sentence
    rate = param("gov.irs.withholding.eligible_rollover_rate", 2026)
    sentence, _ = said_by("other_plans")["other_plans.eligible"]
    assert f"{int(rate * 100)}% withholding" in sentence


@pytest.mark.parametrize(
    ("facts", "warned"),
    [
        ({"age": 50}, True),
        ({}, True),
        ({"age": 59}, True),
        ({"age": 60}, False),
        ({"age": 67}, False),
    ],
    ids=["50", "age unknown", "59: not yet settled", "60", "67"],
)
def test_a_spouse_under_59_and_a_half_hears_about_the_inherited_account(
    facts: dict, warned: bool
) -> None:
    assert ("spouse.under_59" in said_by("surviving_spouse", facts)) is warned


@pytest.mark.parametrize(("age", "said"), [(69, True), (60, True), (59, False), (45, False)])
def test_the_age_is_named_only_when_past_59_and_a_half(age: int, said: bool) -> None:
    found = said_by("in_service_at_59", {"age": age})
    assert ("in_service.your_age" in found) is said
    if said:
        assert found["in_service.your_age"][0].startswith(f"At {age} you are past 59½")


# -- the catalogue data holds together ----------------------------------------------------------


def test_a_covered_question_is_not_answered_again() -> None:
    composed = compose(["move_to_roth", "in_plan_withholding"], {}, _result({}))
    assert composed.answered == ("in_plan_withholding",)


def test_covers_name_real_questions_and_never_each_other() -> None:
    questions = catalogue()
    for q in questions.values():
        for covered in q.covers:
            assert covered in questions, (q.id, covered)
            assert q.id not in questions[covered].covers, (q.id, covered)
