"""Roth 401(k) or pretax deferrals: no income limit, one deferral limit for both (IRC 402A,
402(g)); the choice weighs this year's rate against the rate when the money comes out,
which rothbot states as the rule, never as a plan.

The real question (batch_c bc034's third, tests/eval/batch_c.jsonl) verbatim, and
paraphrases.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from bot.money import money
from knowledge.params import param
from nlu.reader import read

BATCH_C = EVAL / "batch_c.jsonl"
OPENING = "Roth 401(k) deferrals have no income limit"


def test_the_real_question_is_recognised() -> None:
    # "3. I have a Roth 401k option with my employer. Should I make the full 2019 401K
    # contribution into the Roth 401K?"
    text = real_question("bc034", BATCH_C)
    assert "roth_or_pretax_deferral" in read(text).asks
    assert OPENING in first_reply(text)


@pytest.mark.parametrize(
    "text",
    [
        "Should I contribute to the Roth 401k or the traditional 401k this year?",
        "Is it better to put my deferrals in the Roth 401(k) or pretax?",
    ],
)
def test_a_paraphrase_is_answered_first(text: str) -> None:
    assert "roth_or_pretax_deferral" in read(text).asks
    reply = first_reply(text)
    assert reply.startswith(OPENING)
    assert money(param("gov.irs.retirement.elective_deferral_limit", 2026)) in reply
    assert "Roth wins if you expect the same or a higher rate later" in reply


@pytest.mark.parametrize(
    "text",
    [
        "Should I roll my Roth 401k into my Roth IRA?",
        "Should I contribute after-tax money or Roth 401k?",
    ],
)
def test_a_near_miss_is_not_this_question(text: str) -> None:
    assert "roth_or_pretax_deferral" not in read(text).asks
