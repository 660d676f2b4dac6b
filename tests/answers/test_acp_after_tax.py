"""After-tax contributions and the discrimination (ACP) test: they are tested with the match
(IRC 401(m)(1), (3)); a safe-harbor 401(k)'s safe harbor covers only the match, so after-tax
contributions are still tested (IRC 401(m)(11); Treas. Reg. 1.401(m)-3(j)(6)); a failed test
refunds highly compensated employees' excess with its earnings by the end of the next plan
year, the contributions untaxed, no 10% (IRC 401(m)(6), (7)). How much a person may put in
is left open: it turns on the other employees' contributions.

ba061 (batch_a, https://www.bogleheads.org/forum/viewtopic.php?p=4587485): "2. Are after-tax
contributions "counted" as it relates to HCE discrimination testing rules?"; ba013 (batch_a,
https://www.whitecoatinvestor.com/forums/topic/hce-401k-question/): "Will the contributions
I made in 2018, as they were over 2% of compensation, be disallowed in some way?". Before,
both got the catches paragraph (the 415(c) total, a clause on the ACP test, earnings).
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, said_by, unnumbered
from conversation_stories import EVAL, real_question

from knowledge.params import param
from nlu.reader import read

BATCH_A = EVAL / "batch_a.jsonl"
LEAD = "After-tax contributions count in the ACP nondiscrimination test, with the match"


@pytest.mark.parametrize(
    "text",
    [
        real_question("ba061", BATCH_A),
        real_question("ba013", BATCH_A),
        "Do after-tax contributions count toward the ACP test for highly compensated employees?",
        "Our plan is a safe harbor 401k. If they add after-tax contributions for the mega "
        "backdoor, is there still discrimination testing?",
    ],
)
def test_after_tax_contributions_are_tested(text: str) -> None:
    assert "acp_after_tax" in read(text).asks
    reply = first_reply(text)
    first = unnumbered(reply.split("\n\n")[0]) if not reply.startswith("1.") else None
    assert LEAD in reply
    if first is not None:
        assert first.startswith(LEAD)
    assert "safe harbor covers only the match" in reply
    # the refund: the year's rate, and the amount left open
    rate = param("gov.irs.early_distribution.additional_tax_rate", 2026)
    assert f"no {rate * 100:.0f}% penalty" in reply
    assert "only the plan's test tells" in reply


def test_ba061_keeps_an_answer_or_a_line_for_each_item() -> None:
    reply = first_reply(real_question("ba061", BATCH_A))
    numbers = [p.split(".", 1)[0] for p in reply.split("\n\n") if p[:1].isdigit()]
    assert numbers == ["1", "2", "3", "4"], reply
    # the catches paragraph, covered by the test's own answer, is not said as well
    assert "The catches:" not in reply


@pytest.mark.parametrize(
    "text",
    [
        # a catch asked, no test named: the catches paragraph
        "What's the catch with after-tax contributions to my 401k?",
        # the ADP test of deferrals, no after-tax money in the text
        "My 401k refunded part of my deferrals because of discrimination testing. Is that taxable?",
        # an excess over the 415(c) limit: its own answer
        "I overcontributed after-tax money above the 415(c) limit. Will it be refunded?",
    ],
)
def test_near_misses(text: str) -> None:
    assert "acp_after_tax" not in read(text).asks


def test_the_rules_are_cited() -> None:
    said = said_by("acp_after_tax")
    (tested, section) = said["acp.tested"]
    assert tested.startswith(LEAD)
    assert section.startswith("IRC 401(m)(1), (3), (11); Treas. Reg. 1.401(m)-3(j)(6)")
    (refund, section) = said["acp.refund"]
    assert "by the end of the next plan year" in refund
    assert section == "IRC 401(m)(6), (7)(A), (7)(B)"
