"""The 10% on money taken out of a 401(k) before 59½ falls only on the taxable part (IRC
72(t)(1): "the portion of such amount which is includible in gross income"): pretax money
and earnings; the person's own after-tax contributions come back with neither tax nor the
10%, though a withdrawal of them carries its share of earnings (IRC 72(e)(8)). None after
leaving the employer in or after the year of turning 55 (that plan only), on 72(t) payments
after leaving, or on a direct rollover. The rate, the age and the years are the year's
parameters.

bb085 (batch_b, https://irahelp.com/forum-post/36851-after-tax-401k-roth-ira): "If client is
45 and contributed after tax money to the 401k will he have the 10 percent penalty to
withdraw early from the 401k plan?"; ba079 (batch_a): "So lets say I want to retire at age
40. I have to pay a 10% penalty on anything I take out?". Before, neither named a catalogue
question, and both got a Roth IRA or Roth conversion paragraph first.
"""

from __future__ import annotations

from datetime import date

import pytest
from answer_findings import first_reply, said_by
from conversation_stories import EVAL, real_question

from knowledge.params import param
from nlu.reader import read

YEAR = date(2026, 12, 6).year
RATE = param("gov.irs.early_distribution.additional_tax_rate", YEAR)
AGE = param("gov.irs.early_distribution.separation_age", YEAR)
SEPP_YEARS = param("gov.irs.early_distribution.sepp_minimum_years", YEAR)
LEAD = f"Before 59½ the {RATE * 100:.0f}% penalty falls only on the taxable part"


@pytest.mark.parametrize(
    "text",
    [
        real_question("bb085", EVAL / "batch_b.jsonl"),
        # https://forum.mrmoneymustache.com/ask-a-mustachian/how-does-401k-work-with-young-age-early-retirement/
        real_question("ba079", EVAL / "batch_a.jsonl"),
        "I'm 45. If I withdraw my after-tax contributions from my 401k now, is there a 10% "
        "penalty?",
        "Do I pay the early withdrawal penalty on everything I take out of my 401(k) before "
        "59 1/2?",
    ],
)
def test_the_ten_percent_falls_on_the_taxable_part_only(text: str) -> None:
    assert read(text).asks[:1] == ("early_withdrawal_penalty",)
    reply = first_reply(text)
    assert reply.startswith(LEAD)
    assert "Your own after-tax contributions come back with neither" in reply
    assert f"in or after the calendar year you turn {AGE}" in reply
    # not the Roth IRA paragraph it used to get
    assert "come back out tax- and penalty-free at any time" not in reply


@pytest.mark.parametrize(
    "text",
    [
        # a rollover has its own answer (no 10% on a direct rollover)
        "Is there a 10% penalty if I roll my after-tax 401k money to a Roth IRA?",
        # the rule of 55 by name, and by age
        "If I retire at 56, can I withdraw from my 401k without the 10% penalty under the rule "
        "of 55?",
        # a Roth IRA's own money
        "Can I withdraw my Roth IRA contributions early without a penalty?",
        # 72(t) payments by name
        "Can I take 72(t) payments from my 401k early without the 10% penalty?",
        # an in-plan conversion's 10% (in_plan_conversion_penalty)
        "I did an in-plan Roth conversion last year. Is there a 10% penalty if I withdraw the "
        "converted money early?",
    ],
)
def test_near_misses(text: str) -> None:
    assert "early_withdrawal_penalty" not in read(text).asks


def test_the_figures_are_the_years_parameters_and_the_rules_are_cited() -> None:
    said = said_by("early_withdrawal_penalty")
    (taxable, section) = said["early.taxable_part"]
    assert section == "IRC 72(t)(1)"
    assert f"{RATE * 100:.0f}%" in taxable
    (exceptions, section) = said["early.exceptions"]
    assert section.startswith("IRC 72(t)(2)(A)(v)")
    assert f"kept unchanged for {SEPP_YEARS} years or until 59½" in exceptions
