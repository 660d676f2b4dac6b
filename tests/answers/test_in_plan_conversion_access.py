"""Money converted inside the plan, taken out before 59½: it was taxed going in, so it comes
back tax-free, but until the Roth 401(k) is qualified each payout is pro-rata with its
earnings (IRC 402A(d)(4)); the taxable part of each conversion carries the 10% for its own
5 years (402A(c)(4)(D) applying 408A(d)(3)(F)), and since that runs 72(t) "as if" it were
income, the rule of 55 lifts it on that plan's payouts (72(t)(2)(A)(v)), never in an IRA
(72(t)(3)(A)). Real question fq026 (../shared/eval/answers.jsonl), verbatim, and paraphrases.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import SHARED, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.params import param
from nlu.reader import read

TODAY = date(2026, 12, 6)
ANSWERS = SHARED / "eval" / "answers.jsonl"


def reply_to(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


def _fq026() -> str:
    if not ANSWERS.exists():
        pytest.skip("../shared/eval/answers.jsonl is not available")
    return real_question("fq026", ANSWERS)


def test_fq026_first_asks_the_plans_clock_then_the_converted_money() -> None:
    asks = read(_fq026()).asks
    # "Just wondering, does the 5 year rule apply to my 401K Roth, or does my 1998 Roth
    # cover that." asks, though it has no question mark; no rollover is asked about
    assert asks[:2] == ("roth_401k_five_year", "in_plan_conversion_access")
    assert "roth_401k_rolled_clock" not in asks


def test_fq026_is_told_the_rule_of_55_lifts_the_recapture_in_the_plan_only() -> None:
    reply = reply_to(_fq026())
    years = param("gov.irs.roth.five_year_periods", 2026)["conversion_recapture"]
    age = param("gov.irs.early_distribution.separation_age", 2026)
    assert reply.startswith("Your Roth 401(k) has its own 5-year clock")
    assert f"leave the employer in or after the year you turn {age}" in reply
    assert "the rule of 55 lifts it on that plan's distributions, this recapture included" in reply
    assert f"you do not have to wait {years} years or until 59½" in reply
    assert "rolled to a Roth IRA, it loses the rule of 55" in reply
    # never the 1998 Roth IRA's clock for the plan
    assert "is met on Jan 1, 2003" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "I'm 57 and will retire this year. If I convert pretax money to the Roth 401k inside "
        "my plan, can I take the converted amount out penalty free right away, or must I wait "
        "5 years?",
        "Retiring at 56 and using the rule of 55. Does the rule of 55 also cover money I "
        "convert in-plan to my Roth 401(k)?",
    ],
)
def test_paraphrases_get_the_same_answer(text: str) -> None:
    assert "in_plan_conversion_access" in read(text).asks
    reply = reply_to(text)
    assert reply.startswith("Money converted in the plan carries the")
    assert "the rule of 55 lifts it on that plan's distributions" in reply


def test_under_55_the_exception_is_named_not_promised() -> None:
    text = (
        "I'm 50. After an in-plan Roth conversion, when can I withdraw the converted money "
        "without a penalty?"
    )
    assert read(text).asks[0] == "in_plan_conversion_access"
    reply = reply_to(text)
    assert "unless an exception applies, such as leaving the employer" in reply
    assert "you do not have to wait" not in reply


def test_past_59_the_ten_percent_is_gone() -> None:
    text = (
        "I'm 62. If I convert in-plan to my Roth 401k, is there a penalty if I withdraw the "
        "converted money within 5 years?"
    )
    assert read(text).asks[0] == "in_plan_conversion_access"
    assert reply_to(text).startswith("Past 59½ the")


def test_a_conversion_to_a_roth_ira_keeps_its_own_answer() -> None:
    text = "I converted $20,000 to my Roth IRA last year. Will I pay the penalty if I withdraw it?"
    assert "in_plan_conversion_access" not in read(text).asks
