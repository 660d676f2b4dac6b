"""Money before 59½ and after-tax money over the limit, each answered first and cited:

- the rule of 55 against 72(t) payments: the rule of 55 covers only the plan of the
  employer left in or after the year of turning 55, with no deadline while the money stays
  there (IRC 72(t)(2)(A)(v)); 72(t) payments work from an IRA too but lock a schedule for
  5 years or until 59½ (IRC 72(t)(2)(A)(iv), (t)(4)); a payment from a plan has 20%
  withheld (IRC 3405(c));
- money for a home: the first-time homebuyer exception is for IRAs only, up to a lifetime
  limit (IRC 72(t)(2)(F), (t)(8)); a 401(k) hardship withdrawal keeps the 10% before 59½
  (Treas. Reg. 1.401(k)-1(d)(3)); a plan loan is the other route (IRC 72(p));
- after-tax money over the 415(c) limit is the plan's to correct (Treas. Reg.
  1.415-6(b)(6); Rev. Proc. 2021-30), the limit per employer.

Each is recognised from paraphrases and, where a released real question asks it, from that
question verbatim; every figure is the year-stamped parameter.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, said_by
from conversation_stories import EVAL, real_question

from bot.money import money, percent
from knowledge.params import param
from nlu.reader import read

BATCH_A = EVAL / "batch_a.jsonl"
BATCH_B = EVAL / "batch_b.jsonl"


def _p(name: str) -> object:
    return param(name, 2026)


@pytest.mark.parametrize(
    ("text", "question_id"),
    [
        ("Should I use the rule of 55 or 72(t) SEPP to retire at 52?", "sepp_vs_rule_55"),
        ("Can I set up a 72t from my IRA at 50?", "sepp_vs_rule_55"),
        (
            "What are substantially equal periodic payments and can I stop them early?",
            "sepp_vs_rule_55",
        ),
        ("Can I withdraw from my 401k to buy a house without the penalty?", "home_purchase"),
        ("Does the first-time homebuyer exception apply to a 401(k)?", "home_purchase"),
        ("I want to use my IRA for a down payment. Is there a 10% penalty?", "home_purchase"),
        ("Should I take a 401k loan or a hardship withdrawal for my first home?", "home_purchase"),
        (
            "Can I use my rollover IRA to purchase my first home without the 10% penalty?",
            "home_purchase",
        ),
        (
            "I went over the 415(c) limit with my after-tax contributions. Who fixes it?",
            "after_tax_excess",
        ),
        (
            "I overcontributed after-tax money to my 401k this year. What happens now?",
            "after_tax_excess",
        ),
    ],
)
def test_a_paraphrase_is_recognised(text: str, question_id: str) -> None:
    assert question_id in read(text).asks


@pytest.mark.parametrize(
    ("text", "question_id"),
    [
        # a home owned, not bought; no withdrawal asked
        ("We sold our home last year and I have after-tax money in my 401k.", "home_purchase"),
        # after-tax money described as above the deferral limit is no excess
        (
            "My plan lets me contribute after-tax money above the $23,500 limit. Can I roll it "
            "to a Roth IRA?",
            "after_tax_excess",
        ),
        # deferrals over 402(g) the plan moved to after-tax by itself (ba005's case)
        (
            "I contributed $200 over the limit so my plan automatically added the excess as an "
            "after tax contribution.",
            "after_tax_excess",
        ),
        (
            "I plan to use the rule of 55 when I retire at 56. Is there a deadline?",
            "sepp_vs_rule_55",
        ),
    ],
)
def test_a_near_miss_is_not_this_question(text: str, question_id: str) -> None:
    assert question_id not in read(text).asks


@pytest.mark.parametrize(
    ("qid", "source", "question_id", "opening"),
    [
        # overcontributed after-tax money, then an in-service move to a Roth IRA
        ("bb068", BATCH_B, "after_tax_excess", "After-tax money over the 2026 limit"),
    ],
)
def test_the_real_question_is_answered_first(
    qid: str, source, question_id: str, opening: str
) -> None:
    text = real_question(qid, source)
    assert read(text).asks[0] == question_id
    assert first_reply(text).startswith(opening)


def test_72t_payments_against_the_rule_of_55() -> None:
    said = said_by("sepp_vs_rule_55")
    rule55, section = said["sepp.rule55"]
    age = _p("gov.irs.early_distribution.separation_age")
    assert f"in or after the year you turn {age}" in rule55 and "no deadline" in rule55
    assert "only the plan of the employer you leave" in rule55
    assert section.startswith("IRC 72(t)(2)(A)(v)")
    how, section = said["sepp.how"]
    years = _p("gov.irs.early_distribution.sepp_minimum_years")
    rate = percent(_p("gov.irs.early_distribution.additional_tax_rate"))
    assert f"lock the schedule for {years} years or until 59½, whichever is later" in how
    assert "from an IRA too" in how and f"brings back the {rate}" in how
    assert section == "IRC 72(t)(2)(A)(iv), (t)(3)(B) and (t)(4); IRS Notice 2022-6"
    withheld, section = said["sepp.withholding"]
    assert percent(_p("gov.irs.withholding.eligible_rollover_rate")) in withheld
    assert section == "IRC 3405(c)"


def test_a_reply_about_72t_does_not_repeat_the_rule_of_55_answer() -> None:
    reply = first_reply("Is the rule of 55 better than 72(t) payments if I retire at 55?")
    assert reply.startswith("72(t) payments (substantially equal periodic payments) work from")
    assert "The rule of 55 needs no schedule" in reply
    assert "The rule of 55 is a tax rule, not a plan feature" not in reply


def test_money_for_a_home() -> None:
    said = said_by("home_purchase", {"age": 35})
    ira, section = said["home.ira_only"]
    limit = money(_p("gov.irs.early_distribution.first_home_limit"))
    years = _p("gov.irs.early_distribution.first_home_years")
    assert ira.startswith("The first-time homebuyer exception is for IRAs only")
    assert f"up to {limit} in your lifetime" in ira and f"past {years} years" in ira
    assert "though still taxable income" in ira
    # (a hardship distribution is not an eligible rollover distribution: IRC 402(c)(4)(C))
    assert "pays out, other than a hardship withdrawal, can be rolled to an IRA first" in ira
    assert section.startswith("IRC 72(t)(2)(F) and (t)(8)")
    hardship, section = said["home.hardship"]
    assert "carries the 10% before 59½" in hardship
    assert "cannot be rolled over (IRC 402(c)(4)(C))" in hardship
    assert section.startswith("Treas. Reg. 1.401(k)-1(d)(3)")
    loan, section = said["home.loan"]
    assert money(_p("gov.irs.retirement.plan_loan_limit")) in loan
    assert percent(_p("gov.irs.retirement.plan_loan_vested_share")) in loan
    assert section == "IRC 72(p)(2)"
    # past 59½ the 10% is gone: no hardship sentence about it
    assert "home.hardship" not in said_by("home_purchase", {"age": 62})


def test_after_tax_money_over_the_limit_is_the_plans_to_correct() -> None:
    said = said_by("after_tax_excess")
    corrects, section = said["excess.plan_corrects"]
    limit = money(_p("gov.irs.retirement.annual_additions_limit"))
    assert f"over the 2026 limit on all additions ({limit}" in corrects
    assert "is the plan's to correct" in corrects and "only the earnings are taxable" in corrects
    assert section == "IRC 415(c) and (h); Treas. Reg. 1.415-6(b)(6); Rev. Proc. 2021-30 (EPCRS)"
    assert "per employer" in said["excess.per_employer"][0]


@pytest.mark.parametrize(
    "text",
    [
        "Where is the basis of my after-tax 401k contributions recorded? Do I file Form 8606?",
        "Who tracks my after-tax contributions in the 401k?",
    ],
)
def test_where_the_plans_basis_is_kept_is_answered_first(text: str) -> None:
    assert read(text).asks[0] == "find_the_basis"
    reply = first_reply(text)
    assert reply.startswith("Your plan's statement (or the administrator) shows the after-tax")
    assert "Form 8606 is only for IRA basis" in reply


def test_the_refund_of_an_after_tax_excess_owes_no_penalty_and_cannot_be_rolled() -> None:
    """bd027 (batch_d, http://www.bogleheads.org/forum/viewtopic.php?f=10&t=119078): "But
    what if you overfund with after tax? ... I assume the plan has to refund it to you, but
    there are no tax consequences (except on the earnings). Is there a penalty?" Before,
    "overfund" was not read and the reply opened with "No 10% penalty on a direct
    rollover", a rollover's answer to a refund's question."""
    text = real_question("bd027", EVAL / "batch_d.jsonl")
    assert read(text).asks[:1] == ("after_tax_excess",)
    reply = first_reply(text)
    assert reply.startswith("After-tax money over the 2026 limit on all additions")
    rate = _p("gov.irs.early_distribution.additional_tax_rate")
    assert f"That refund owes no {rate * 100:.0f}% penalty and cannot be rolled over" in reply
    assert "No 10% penalty on a direct rollover" not in reply
    (no_penalty, section) = said_by("after_tax_excess")["excess.no_penalty"]
    assert "code E" in no_penalty and "box 5" in no_penalty
    assert section.startswith("Instructions for Forms 1099-R and 5498")
    # a paraphrase
    para = "What happens if I overfund my 401k with after-tax money past the annual limit?"
    assert read(para).asks[:1] == ("after_tax_excess",)
