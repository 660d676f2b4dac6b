"""Questions the catalogue answers, asked in released batch_e's words, which it did not
recognise (each got the nearest stock paragraph or none): every phrasing is tested on the
real text, verbatim, and on a paraphrase.

- be033: "am I able to receive fixed monthly benefits for five years and incur no penalty?"
  (72(t) payments against the rule of 55, the rule of 55 first for plan money at 55 or over)
- be038: "I'm 74 and taking out the required withdrawals. Can I turn the post- tax 401(k)
  into a Roth ...?" (the year's RMD comes out first, Treas. Reg. 1.402(c)-2 Q&A-7)
- be016: "it's usually advantageous to roll over a 401K to an IRA. Does the same go for
  rolling over a Roth 401K?" (rolling a Roth 401(k) or keeping it)
- be009: "I want to take my money out of there and convert into a Roth IRA." (a plan to a
  Roth IRA: taxable this year at your brackets)
- be036: "Are there any exclusions of taxes on that income when the money is used for the
  purchase of a primary residence?" (money for a home)
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_E = EVAL / "batch_e.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        real_question("be033", BATCH_E),
        "I'm 58 and thinking of retiring this year. Could I take equal monthly payments from my "
        "401k until 59 1/2 without the 10% penalty?",
    ],
)
def test_fixed_payments_from_a_plan_at_55_or_over_get_the_rule_of_55_first(text: str) -> None:
    assert read(text).asks[0] == "sepp_vs_rule_55"
    first = first_reply(text).split("\n\n")[0]
    assert first.startswith("The rule of 55 needs no schedule")


def test_an_ira_owner_asking_about_72t_still_gets_the_schedule_first() -> None:
    text = "I'm 57 with a traditional IRA. How do 72(t) payments work?"
    assert first_reply(text).startswith("72(t) payments (substantially equal periodic payments)")


@pytest.mark.parametrize(
    "text",
    [
        real_question("be038", BATCH_E),
        "I am 76 and take my required withdrawals every year. Could I convert my 401(k) into a "
        "Roth so I stop paying tax on it?",
    ],
)
def test_a_move_asked_beside_required_withdrawals_gets_the_rmd_first(text: str) -> None:
    assert "rmd_first" in read(text).asks
    first = first_reply(text).split("\n\n")[0]
    assert first.startswith("In a year a required distribution is due, the first dollars out")


@pytest.mark.parametrize(
    "text",
    [
        real_question("be016", BATCH_E),
        "Is there any benefit to rolling my Roth 401k over to an IRA after I leave my job, like "
        "people do with a regular 401k?",
    ],
)
def test_whether_rolling_a_roth_401k_pays_is_weighed(text: str) -> None:
    assert "roth_401k_roll_or_keep" in read(text).asks
    reply = first_reply(text)
    assert "So rolling it is a choice" in reply
    assert "wider investment choices" in reply


@pytest.mark.parametrize(
    "text",
    [
        real_question("be009", BATCH_E),
        "I was laid off. I'd like to take my 401k out and convert it into a Roth IRA. Can "
        "Vanguard do that for me?",
    ],
)
def test_a_whole_plan_converted_to_a_roth_ira_is_income_this_year(text: str) -> None:
    assert read(text).asks[0] == "plan_to_roth_ira"
    first = first_reply(text).split("\n\n")[0]
    assert "only the pretax part is taxable" in first
    assert "as ordinary income in the year of the rollover" in first


def test_converting_an_ira_is_not_a_plan_to_a_roth_ira() -> None:
    text = "I want to take my traditional IRA and convert it into a Roth IRA. What will I owe?"
    assert "plan_to_roth_ira" not in read(text).asks


@pytest.mark.parametrize(
    "text",
    [
        real_question("be036", BATCH_E),
        "We took money out of my 401(k) for the purchase of our first home. Is any of it "
        "excluded from tax?",
    ],
)
def test_money_for_a_home_gets_the_home_answer(text: str) -> None:
    assert "home_purchase" in read(text).asks
    first = first_reply(text).split("\n\n")[0]
    assert first.startswith("The first-time homebuyer exception is for IRAs only")
    assert "still taxable income" in first
