"""Roth 401(k) money and pretax money are not the after-tax money of a split rollover.

Notice 2014-54 splits a plan distribution's after-tax (non-Roth) contributions from their
earnings. Told to money in a Roth 401(k) (designated Roth) account, "the contributions to
a Roth IRA and the earnings to a traditional IRA" is wrong: Roth money can go only to a
Roth IRA or another Roth account, untaxed (IRC 402A(c)(3)). Told to pretax money converted
inside the plan, "the contributions convert tax-free" is wrong too: the amount converted is
taxable (IRC 402A(c)(4)). The reader says where the money is (``roth_money``,
``pretax_in_plan`` in ``Reading.places``) only when the text names no after-tax money.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

ANSWERS_MORE = EVAL / "answers_more.jsonl"
SPLIT = "the earnings to a traditional IRA"


def _first_reply(text: str) -> str:
    return respond(Session(key="t"), text, today=date(2026, 12, 6), now=0).text


ROTH_ONLY = [
    # fq076: a client's Roth 401(k) contributions paid out with his RMD
    real_question("fq076", ANSWERS_MORE),
    "I have $25,000 of Roth 401(k) contributions. Can I roll them to my Roth IRA tax free?",
    "Can I move my Roth 403(b) to a Roth IRA when I retire?",
]


@pytest.mark.parametrize("text", ROTH_ONLY)
def test_roth_401k_money_gets_the_roth_answer_not_the_split(text: str) -> None:
    assert "roth_money" in read(text).places
    reply = _first_reply(text)
    assert "can go only to a Roth IRA or another plan's Roth account" in reply
    assert SPLIT not in reply


PRETAX_CONVERTED = [
    # fq096: "converting money from his pre-tax 457(b) account to his Roth 457(b) account"
    real_question("fq096", ANSWERS_MORE),
    "My plan lets me convert pre-tax money to the Roth 401(k). How is that taxed?",
]


@pytest.mark.parametrize("text", PRETAX_CONVERTED)
def test_pretax_money_converted_in_the_plan_is_taxable(text: str) -> None:
    assert "pretax_in_plan" in read(text).places
    reply = _first_reply(text)
    assert "taxable income" in reply.split("\n\n")[0]
    assert "convert tax-free" not in reply


@pytest.mark.parametrize(
    "text",
    [
        # after-tax money beside a Roth 401(k): the split is the answer
        "I have $30,000 of after-tax contributions and a Roth 401(k). Can I roll the "
        "after-tax money to a Roth IRA tax free?",
        "Can I convert my after-tax 401(k) money to the Roth 401(k) in the plan?",
    ],
)
def test_after_tax_money_named_keeps_the_after_tax_answers(text: str) -> None:
    places = read(text).places
    assert "roth_money" not in places
    assert "pretax_in_plan" not in places
