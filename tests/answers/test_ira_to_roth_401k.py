"""IRA money into a Roth 401(k): no. A designated Roth account holds only designated Roth
contributions and rollovers from another designated Roth account (IRC 402A(c)(3)(B);
Treas. Reg. 1.401(k)-1(f)(3)); Roth IRA money can never go in (Treas. Reg. 1.408A-10,
Q&A-5). Pretax IRA money gets there only in two steps, each the plan's to offer: an IRA
roll-in to the pretax account, then an in-plan Roth rollover, taxed (IRC 402A(c)(4)).

fq030 (answers_more): "1) Can one roll traditional IRA into a Roth 401K?" Its reply began
with Roth 401(k) money going out to a Roth IRA, the opposite direction.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, unnumbered
from conversation_stories import EVAL, real_question

from nlu.reader import read

MORE = EVAL / "answers_more.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        real_question("fq030", MORE),
        "Is it possible to move my rollover IRA into my Roth 401(k) at work?",
    ],
)
def test_ira_money_does_not_go_into_a_roth_401k(text: str) -> None:
    assert read(text).asks[0] == "ira_to_roth_401k"
    reply = first_reply(text)
    first, second = reply.split("\n\n")[:2]
    first = unnumbered(first)
    assert first.startswith("No: a Roth 401(k) takes rollovers only from another plan's Roth")
    assert "Roth IRA money can never go into one" in first
    assert "rolled into the plan's pretax account, if the plan takes IRA roll-ins" in second
    assert "in-plan Roth rollover, taxed that year, if the plan offers one" in second
    # nothing about Roth 401(k) money going out, the other direction
    assert "Roth 401(k) money can go only to a Roth IRA" not in reply
    assert "Source: IRC 402A(c)(3)(B)" in reply


@pytest.mark.parametrize(
    "text",
    [
        # the other direction: Roth 401(k) money out to a Roth IRA
        "Can I roll my Roth 401(k) into my Roth IRA when I leave?",
        # after-tax money from an old plan into a new plan's Roth 401(k) (after_tax_to_plan)
        real_question("fq104", MORE),
    ],
)
def test_money_going_out_of_a_plan_is_not_this_question(text: str) -> None:
    assert "ira_to_roth_401k" not in read(text).asks
