"""How much to convert: rothbot gives the rules that decide it, never a plan.

- a conversion is ordinary income that year, with no 10% at any age (IRC 408A(d)(3));
- it counts in the MAGI that sets an ACA premium tax credit (IRC 36B(d)(2));
- Medicare's IRMAA reads MAGI from two years earlier (42 U.S.C. 1395r(i)(4)(B)(i), the
  year-stamped look-back parameter);
- RMDs start at the applicable age (IRC 401(a)(9)(C)(v), the schedule parameter);
- each spouse converts only their own IRA, with their own Roth IRA clock.

Real questions from batch_c (tests/eval/batch_c.jsonl), verbatim, and paraphrases.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, said_by
from conversation_stories import EVAL, real_question

from knowledge.params import param
from nlu.reader import read

BATCH_C = EVAL / "batch_c.jsonl"
OPENING = "A conversion is ordinary income that year"


@pytest.mark.parametrize(
    "qid",
    [
        "bc032",  # "optimize Roth conversions and ACA subsidies" (no question mark at all)
        "bc033",  # "Should we bother doing any sort of Roth conversion now ...?" (ACA, IRMAA)
        "bc034",  # "Should we make a Roth conversion up to the top of the 22 or 24% ...?"
    ],
)
def test_the_real_question_is_answered_first(qid: str) -> None:
    text = real_question(qid, BATCH_C)
    assert "conversion_planning" in read(text).asks
    reply = first_reply(text)
    assert reply.startswith(OPENING)
    assert "IRMAA" in reply and "premium tax credit" in reply
    # no "income does not matter" to a poster whose income sets a subsidy (bc033)
    assert "Income does not matter" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "How much should I convert to Roth each year without losing my ACA premium tax credit?",
        "Should I do Roth conversions to fill up the 12% bracket before Medicare starts?",
        # ("Will converting my IRA raise my IRMAA?" asks the effect alone: conversion_irmaa,
        # tests/answers/test_conversion_costs.py)
    ],
)
def test_a_paraphrase_is_recognised(text: str) -> None:
    assert read(text).asks[0] == "conversion_planning"
    assert first_reply(text).startswith(OPENING)


@pytest.mark.parametrize(
    "text",
    [
        # a withholding question that says "should I pay the tax" beside a bracket (ab01)
        "Should I pay the tax on my IRA conversion from a separate account? I am in the 22% "
        "bracket.",
        # after-tax plan money: the split answers it, not conversion planning
        "I have after-tax money in my 401k; should I convert it while I'm on ACA coverage?",
    ],
)
def test_a_near_miss_is_not_this_question(text: str) -> None:
    assert "conversion_planning" not in read(text).asks


def test_the_rules_that_decide_it_each_cited() -> None:
    said = said_by("conversion_planning", {"age": 57})
    income, section = said["plan_conv.income"]
    assert "no 10% penalty at any age" in income
    assert section == "IRC 408A(d)(3)(A)(i) and (ii)"
    assert said["plan_conv.aca"][1] == "IRC 36B(d)(2)(A) and (B)"
    irmaa, section = said["plan_conv.irmaa"]
    years = param("gov.hhs.medicare.irmaa_lookback_years", 2026)
    assert f"MAGI from {years} years earlier" in irmaa
    assert section.startswith("42 U.S.C. 1395r(i)(4)(B)(i)")
    assert said["plan_conv.rmd_age"][0].startswith("RMDs start at 75 for you")
    assert "plan_conv.spouses" not in said


def test_with_no_age_the_schedule_and_with_a_spouse_their_own_iras() -> None:
    said = said_by("conversion_planning", {"spouse_age": 61})
    assert said["plan_conv.rmd_ages"][0].startswith("RMDs start at 73, or 75 if you were born")
    assert said["plan_conv.spouses"][0].startswith("Each spouse converts only their own IRA")
