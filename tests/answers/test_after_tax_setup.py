"""Setting up after-tax contributions, answered first and cited:

- any 401(k) may take after-tax (non-Roth) employee contributions, never employer money, if
  its plan document provides for them, with no order against deferrals or profit sharing
  (IRC 401(m)(4)(A), 72(d)(2));
- all additions fit under the year's 415(c) limit (catch-ups apart) and within pay, per
  employer, while the 402(g) deferral limit is one per person;
- in a solo 401(k) the cap is the owner's earned income (IRC 401(c)(2), 415(c)(3)(B)) and
  the document is the usual obstacle.

Real questions from batch_c (tests/eval/batch_c.jsonl), verbatim, and paraphrases.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, said_by
from conversation_stories import EVAL, real_question

from bot.money import money
from knowledge.params import param
from nlu.reader import read

BATCH_C = EVAL / "batch_c.jsonl"


@pytest.mark.parametrize(
    ("qid", "question_id", "opening"),
    [
        # "Must he max out all pre-tax contributions (deferral and profit sharing) before
        # making any after-tax contributions?"
        ("bc010", "after_tax_setup", "A 401(k) may take after-tax (non-Roth) employee"),
        # a solo-K funded with after-tax money: "Any reason this can't be done?"
        ("bc011", "solo_after_tax", "A 401(k) may take after-tax (non-Roth) employee"),
        # "Anywhere I read I see that the employer contributions must be pre-tax. What am I
        # missing here?"
        ("bc013", "solo_after_tax", "A 401(k) may take after-tax (non-Roth) employee"),
        # "what is the mechanism and justification of getting post-tax money into the 401(k)?"
        ("bc027", "after_tax_setup", "A 401(k) may take after-tax (non-Roth) employee"),
    ],
)
def test_the_real_question_is_answered_first(qid: str, question_id: str, opening: str) -> None:
    text = real_question(qid, BATCH_C)
    assert read(text).asks[0] == question_id
    assert first_reply(text).startswith(opening)


@pytest.mark.parametrize(
    ("text", "question_id"),
    [
        (
            "Do I have to max out my pretax deferrals and the employer match first before I "
            "make after-tax contributions?",
            "after_tax_setup",
        ),
        ("How does the mechanism of after-tax 401k contributions work?", "after_tax_setup"),
        ("Can I make after-tax contributions to my solo 401k?", "solo_after_tax"),
        (
            "I'm self-employed with a one-participant 401(k). Is there a limit on after-tax "
            "contributions?",
            "solo_after_tax",
        ),
    ],
)
def test_a_paraphrase_is_recognised(text: str, question_id: str) -> None:
    assert question_id in read(text).asks
    assert first_reply(text).startswith("A 401(k) may take after-tax (non-Roth) employee")


@pytest.mark.parametrize(
    ("text", "question_id"),
    [
        # maxing the after-tax source before moving it is another question (fq071)
        (
            "Do I have to actually max out the after-tax contributions to the 401(k) before I "
            "can convert it to a mega backdoor Roth?",
            "after_tax_setup",
        ),
        # moving after-tax money already in a solo 401(k) (bc012)
        (
            "Can I convert the after-tax money in my solo 401k directly to a Roth IRA?",
            "solo_after_tax",
        ),
    ],
)
def test_a_near_miss_is_not_this_question(text: str, question_id: str) -> None:
    assert question_id not in read(text).asks


def test_the_plan_document_decides_and_415c_caps_it() -> None:
    said = said_by("after_tax_setup")
    allows, section = said["setup.plan_allows"]
    assert "never employer money" in allows and "if the plan document allows them" in allows
    assert "does not make you max deferrals or profit sharing first" in allows
    assert section.startswith("IRC 401(m)(4)(A); IRC 72(d)(2)")
    limits, section = said["setup.limits"]
    assert money(param("gov.irs.retirement.annual_additions_limit", 2026)) in limits
    assert money(param("gov.irs.retirement.elective_deferral_limit", 2026)) in limits
    assert "not catch-ups" in limits and "per employer" in limits
    assert "IRC 415(c)(1)" in section and "IRC 401(c)(2)" in section
    assert "mega backdoor Roth" in said["setup.why"][0]


def test_a_solo_401k_is_capped_by_earned_income_and_its_document() -> None:
    said = said_by("solo_after_tax")
    solo, section = said["solo.document"]
    assert "earned income" in solo and "TPA" in solo
    assert section == "IRC 401(c)(2); IRC 415(c)(3)(B); IRS, One-Participant 401(k) Plans"
    assert list(said) == ["setup.plan_allows", "solo.document", "setup.limits"]
