"""The match (or other pretax money) left in the plan when the after-tax money comes out:
not needed if the plan accounts for the after-tax money separately (a separate contract, IRC
72(d)(2): pro-rata only within it); if not, any partial distribution carries a pro-rata
share of the pretax money (IRC 72(e)(8)). The plan says which, so ask it.

be002 (batch_e): "Fidelity said that they would do a direct conversion of only the after tax
and it's earnings into a TIRA and Roth. ... Should I do a direct conversion? Do I have to
include the company match?" Its reply never answered the match question.
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
        real_question("be002", BATCH_E),
        "I want to roll only my after-tax 401k money and its earnings out while I'm still "
        "working. Does the employer match have to come out with it?",
    ],
)
def test_the_match_can_stay_if_the_after_tax_money_is_accounted_separately(text: str) -> None:
    assert read(text).asks[0] == "other_sources_stay"
    reply = first_reply(text)
    first = reply.split("\n\n")[0]
    assert first.startswith("Not if the plan accounts for the after-tax money separately")
    assert "the match and other pretax money can stay in the plan" in first
    assert "carries a pro-rata share of the pretax money (IRC 72(e)(8))" in first
    assert "Ask the plan to confirm it keeps the after-tax money as a separate account" in reply
    assert "Source: IRC 72(d)(2)" in reply


def test_roth_401k_money_beside_after_tax_money_is_not_this_question() -> None:
    text = (
        "I have after-tax and Roth 401k money. If I roll the after-tax part, do I have to "
        "include the Roth 401k money too?"
    )
    assert "other_sources_stay" not in read(text).asks
