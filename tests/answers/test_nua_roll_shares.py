"""Company shares already paid out with NUA treatment, some to be rolled in kind:

- within 60 days of receipt the same shares (not cash in their place) may be rolled, or
  sold and the proceeds rolled (IRC 402(c)(1)(C), (c)(3)(A), (c)(6));
- shares rolled lose NUA; in a Roth IRA they are a conversion at full value less any
  after-tax basis (IRS Notice 2009-75); shares kept keep NUA (IRC 402(e)(4)(B)).

The real question (batch_c bc029, tests/eval/batch_c.jsonl) verbatim, and paraphrases.
"""

from __future__ import annotations

from datetime import date

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from bot.answers import render
from knowledge.answers import answer
from knowledge.citations import cite
from knowledge.engine import calculate
from knowledge.facts import Facts
from knowledge.params import param
from nlu.reader import read

TODAY = date(2026, 12, 6)
BATCH_C = EVAL / "batch_c.jsonl"


def test_the_real_question_is_answered_first() -> None:
    # "I recently (22 days ago) took a total distribution of my 401k ... I wanted to roll part
    # of the stock (as stock) to my ROTH stock account. Can I still do this?"
    text = real_question("bc029", BATCH_C)
    assert "nua_roll_shares" in read(text).asks
    reply = first_reply(text)
    days = param("gov.irs.rollover.period_days", 2026)
    assert reply.startswith(f"Yes: within {days} days of receiving them you can still roll")
    assert "Shares rolled lose NUA" in reply and "Shares kept keep NUA" in reply
    # not the lump-sum answer, which reads as a no to a distribution already made
    assert "Only in one lump-sum distribution" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "I received my company stock from the 401k two weeks ago as NUA. Can I still move "
        "some of the shares into my Roth IRA?",
        "We took a lump sum distribution with NUA employer stock last month; is it too late "
        "to roll part of the stock to an IRA?",
    ],
)
def test_a_paraphrase_is_recognised(text: str) -> None:
    assert "nua_roll_shares" in read(text).asks


def test_planning_a_lump_sum_is_not_this_question() -> None:
    text = "Can I use NUA for my company stock and roll the after-tax money to a Roth IRA?"
    asks = read(text).asks
    assert "nua_roll_shares" not in asks and "nua_after_tax" in asks


def test_each_sentence_is_cited() -> None:
    result = calculate(Facts.from_mapping({}), today=TODAY).to_json()
    said = {f.id: (render(f), cite(f.rule).section) for f in answer("nua_roll_shares", {}, result)}
    assert said["nua_roll.sixty_days"][1] == "IRC 402(c)(1)(C), (c)(3)(A) and (c)(6)"
    assert "taxable at full market value" in " ".join(said["nua_roll.loses"][0].split())
    assert said["nua_roll.loses"][1].startswith("IRS Notice 2009-75")
