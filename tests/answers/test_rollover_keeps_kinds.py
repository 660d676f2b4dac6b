"""Rolling a 401(k) to a traditional IRA converts nothing and loses no Roth money: a direct
rollover of pretax money to a traditional IRA is not taxed (IRC 402(c)); only money sent to
a Roth IRA is a conversion; Roth 401(k) money can go only to a Roth IRA or another plan's
Roth account (IRC 402A(c)(3)).

be035 (batch_e, https://marottaonmoney.com/keeping-your-roth-401k-balance-separate-during-an-ira-rollover):
"What would happen if I tried to rollover my 401(k) to an IRA? Would it convert my pre-tax
portion? Would I lose my Roth?". Before, nothing was recognised and the reply said pretax
money moved to a Roth is taxable income, which answered a question not asked.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, said_by
from conversation_stories import EVAL, real_question

from nlu.reader import read

LEAD = "A direct rollover of a 401(k) to a traditional IRA converts nothing"


@pytest.mark.parametrize(
    "text",
    [
        real_question("be035", EVAL / "batch_e.jsonl"),
        "If I roll my old 401k over to an IRA, will it convert my pretax money?",
        "I'm leaving my job. If I rollover the 401(k) into an IRA would I lose my Roth?",
    ],
)
def test_a_rollover_to_an_ira_converts_nothing_and_keeps_the_roth(text: str) -> None:
    assert read(text).asks[:1] == ("rollover_keeps_kinds",)
    reply = first_reply(text)
    assert reply.startswith(LEAD)
    assert "Roth 401(k) money can go only to a Roth IRA or another plan's Roth account" in reply
    # not the paragraph on pretax money moved to a Roth being taxable
    assert "moved to a Roth is taxable income" not in reply


@pytest.mark.parametrize(
    "text",
    [
        # a rollover to a Roth IRA is a conversion: another answer
        "If I roll my 401k to a Roth IRA, would it convert my pre-tax money?",
        # an IRA's own conversion
        "I rolled my 401k to an IRA last year. Will it convert the IRA if I do a backdoor Roth?",
        # the Roth 401(k)'s clock asked about
        "If I roll my 401k to an IRA, would I lose my Roth 401k's 5-year clock?",
        # no rollover to an IRA in the text
        "Would it convert my pre-tax money if I do an in-plan Roth conversion?",
    ],
)
def test_near_misses(text: str) -> None:
    assert "rollover_keeps_kinds" not in read(text).asks


def test_the_rules_are_cited() -> None:
    said = said_by("rollover_keeps_kinds")
    (converted, section) = said["keep_kinds.not_converted"]
    assert converted.startswith(LEAD) and section.startswith("IRC 402(c)")
    (roth, section) = said["keep_kinds.roth_stays"]
    assert "two direct rollovers" in roth and section == "IRC 402A(c)(3)"
