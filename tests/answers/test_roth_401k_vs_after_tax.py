"""Roth 401(k) money against after-tax (non-Roth) money: the limits and the earnings differ
(IRC 402(g), 415(c), 402A(d)(2)), and so does how each reaches a Roth IRA: Roth money
whole and untaxed, its plan years not counting toward the Roth IRA's clock (Treas. Reg.
1.408A-10); after-tax contributions tax-free, their earnings taxable unless sent to a
traditional IRA in the same distribution (IRS Notice 2014-54).

fq019 (answers_more): "Is there any distinction between after-tax money in a 401k and 401k
Roth money? Can they each, easily be rolled into Roth IRAs?" Its reply answered the
limits, then gave the after-tax split alone, saying nothing of the Roth money's rollover.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

MORE = EVAL / "answers_more.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        real_question("fq019", MORE),
        "What's the difference between a Roth 401k and after-tax contributions to my 401k? "
        "Can both be moved to my Roth IRA?",
    ],
)
def test_the_two_kinds_are_told_apart_and_how_each_rolls_to_a_roth_ira(text: str) -> None:
    assert read(text).asks[0] == "roth_401k_vs_after_tax"
    reply = first_reply(text)
    first, second = reply.split("\n\n")[:2]
    assert "the earnings on after-tax contributions are pretax" in first
    assert second.startswith("Both can go to a Roth IRA: Roth 401(k) money whole and tax-free")
    assert "do not count toward the Roth IRA's 5-year clock" in second
    # the split rollover's general paragraph is not said again after it
    assert "one distribution, two direct rollovers" not in reply


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # "The difference, which was the earnings on the aftertax amount, now shows up in
        # the 1040 form": a sum's difference, a 1099-R question
        ("fq068", MORE),
        # "at different times, ten different 401K Roth in-plan conversions": no comparison
        ("bb037", EVAL / "batch_b.jsonl"),
    ],
)
def test_a_difference_that_compares_nothing_is_not_this_question(qid, source) -> None:
    assert "roth_401k_vs_after_tax" not in read(real_question(qid, source)).asks
