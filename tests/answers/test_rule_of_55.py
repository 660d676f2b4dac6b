"""The rule of 55, asked about by name: who it covers and which money.

People who name the rule ask what it covers: leaving early in the year they turn 55
(ba049, ba050), leaving before it (ba051), a layoff rather than retiring (ba072, ba073),
money rolled in from an earlier plan (fq027, ba046, ba047), or whether the plan decides
(ba052, ba062). Before this question, "withdraw ... penalty free" beside the rule's name
got the Roth basis answer, which is about another account.
"""

from __future__ import annotations

from datetime import date

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from knowledge.answers import answer, catalogue
from knowledge.engine import calculate
from knowledge.facts import Facts
from knowledge.params import param
from nlu.reader import read

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    "text",
    [
        # fq027, verbatim
        "If the old, Company A, 401k balance is rolled over into the new, Company B, 401k plan "
        "and Company B plan has the rule of 55 in place can the holder withdraw the money from "
        "the rollover if they leave the company the year (or after) they turn 55?",
        # ba072, verbatim
        "The R055 does not require that I actually retire, does it?",
        # ba051, verbatim
        "I turn 55 in October of 2023. As I understand it, if I were to leave my current "
        "employer (where my 401k is) in January of 2023 (or anytime in 2023 or later), I can "
        "withdraw from my 401k without penalty (Rule of 55.)",
        "Does the 55 rule still work if I got laid off instead of retiring?",
    ],
)
def test_the_rule_named_is_the_question(text: str) -> None:
    assert read(text).asks[:1] == ("rule_of_55",)


def test_an_age_of_55_alone_is_not_the_rule() -> None:
    assert (
        "rule_of_55"
        not in read("I retired at age 55. Can I move my after-tax 401k money to a Roth IRA?").asks
    )


def test_a_penalty_free_withdrawal_beside_the_rules_name_is_not_the_roth_basis_answer() -> None:
    # ba049, verbatim
    text = (
        "Hey all, I know there have been plenty of threads about the Rule of 55 but there are "
        "a ton of responses and other sources I have seen on the web that all say you can "
        "withdraw from a qualified plan (401k, not IRA), when you are separated from the "
        "employer who holds the plan, when you are 55.  Bu the IRS says it differently. "
        "It says you can take penalty free withdrawals in the year you turn 55.  Has anyone "
        "else been confused by this? My birthday is in September and I would much rather go "
        "January 2nd instead if it was anyway possible."
    )
    assert "basis_access_before_59" not in read(text).asks


def test_rolled_in_money_is_covered_and_the_rule_is_the_tax_laws() -> None:
    reply = first_reply(
        "Say one leaves Company A before the year they turn 55 and rolls that 401k into "
        "Company B's plan. Does the rule of 55 cover the rolled-in money if they leave B at 56?"
    )
    assert reply.startswith("The rule of 55 is a tax rule, not a plan feature")
    assert "rolled-in money included" in reply
    assert "any IRA do not qualify" in reply
    assert "come back out tax- and penalty-free" not in reply


def test_the_ages_and_the_rate_are_the_years_parameters() -> None:
    result = calculate(Facts.from_mapping({"year": 2026}), today=TODAY).to_json()
    (how, _whole) = answer("rule_of_55", {}, result)
    assert how.params["age"] == param("gov.irs.early_distribution.separation_age", 2026)
    assert how.params["safety_age"] == param(
        "gov.irs.early_distribution.public_safety_separation_age", 2026
    )


def test_the_deadline_question_holds_the_general_one() -> None:
    assert "rule_of_55" in catalogue()["rule_of_55_deadline"].covers
    # fq028, verbatim (both are recognised; only the deadline is answered)
    reply = first_reply(
        "I am leaving my job on April 15, and I'd like to take a portion out of my 401k under "
        'the auspices of rule 55. How long after my actual job separation date can I "do" '
        "rule of 55?"
    )
    assert reply.startswith("There is no deadline")
    assert "not a plan feature" not in reply


# The rule asked about by its age, not its name (issue 10: the largest class of poor
# replies was a stock paragraph picked on a shared word). Before, these texts named no
# catalogue question and got the Roth IRA basis paragraph ("After-tax contributions you
# roll or convert to a Roth IRA come back out ...") first.
@pytest.mark.parametrize(
    ("text", "source"),
    [
        # ba016 (batch_a), https://www.early-retirement.org/threads/retirement-in-my-55th-year.74550/
        ("ba016", EVAL / "batch_a.jsonl"),
        # ba050 (batch_a), https://www.early-retirement.org/forums/f28/rule-of-55-question-111310.html
        ("ba050", EVAL / "batch_a.jsonl"),
        # ba048 (batch_a): "I am 55 and understand I can access that money penalty free, if I
        # leave my job. ... Can I still access the money from A penalty free?"
        ("ba048", EVAL / "batch_a.jsonl"),
        # paraphrases
        (
            "I turn 55 next year. If I quit in March, can I take money from my 401k without the "
            "10% penalty?",
            None,
        ),
        (
            "I turned 55 in May and got laid off in June; can I withdraw from my 401(k) without "
            "the penalty?",
            None,
        ),
        ("Do I qualify for the age 55 exception if I retire in the year I turn 55?", None),
        # an age past 55 and before 59 asks the same: the rule covers leaving in or after
        # the year of turning 55
        (
            "I'm 57 and retired last year. Can I take money out of my 401k without the penalty?",
            None,
        ),
    ],
)
def test_the_rule_asked_by_its_age_is_the_rule_of_55(text: str, source) -> None:
    text = real_question(text, source) if source else text
    assert read(text).asks[:1] == ("rule_of_55",)
    reply = first_reply(text)
    assert reply.startswith("The rule of 55 is a tax rule, not a plan feature")
    assert "come back out tax- and penalty-free" not in reply


@pytest.mark.parametrize(
    "text",
    [
        # an age of 55 with a move to a Roth IRA: no withdrawal, so no rule of 55
        "I'm 56 and left my job last year. Is there a penalty if I move my after-tax money to "
        "a Roth IRA?",
        # a Roth IRA's own money: the rule never covers an IRA
        "I'm 55 and retired. Can I take my Roth IRA contributions out penalty free?",
        # 55 as an amount, not an age
        "I have $55 of earnings in the after-tax account. Is there a penalty if I convert it?",
    ],
)
def test_an_age_of_55_beside_another_question_is_not_the_rule(text: str) -> None:
    assert "rule_of_55" not in read(text).asks


@pytest.mark.parametrize(
    "text",
    [
        "I left my job at 56. If I roll my 401k into an IRA, can I still take money out without "
        "the 10% penalty?",
        "I'm retiring at age 55. If I roll my 403b to an IRA, can I still withdraw without a "
        "penalty?",
    ],
)
def test_a_rollover_to_an_ira_at_55_or_later_is_told_the_rule_stays_with_the_plan(
    text: str,
) -> None:
    """The rule of 55 does not follow the money into an IRA (IRC 72(t)(3)(A)): the reply says
    so first, not "no 10% on a direct rollover", which reads as "no penalty"."""
    assert read(text).asks[:1] == ("rule_of_55_ira",)
    assert first_reply(text).startswith("The rule of 55 stays with the plan")
