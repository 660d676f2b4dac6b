"""A plan's corrective distribution (Form 1099-R code E, 8 or P) is not an eligible rollover
distribution (Treas. Reg. 1.402(c)-2, Q&A-4; the Form 1099-R instructions, code E): money of
it already in an IRA is an excess IRA contribution, not basis for Form 8606, and owes the
excise tax (IRC 4973, a year-stamped parameter) for each year-end it stays, unless removed
with its earnings by that year's return due date (IRC 408(d)(4)).

bc031 (batch_c): a severance bonus the plan did not allow, rolled to an IRA, then a 1099-R
"under Distribution Code E - Employee Plans Compliance Resolution System": "If I were to
file an 8606 form showing a $21K IRA contribution would it raise a red flag with the IRS?"
Its reply gave the IRA contribution limits and the 1099-R codes of a rollover.
"""

from __future__ import annotations

from datetime import date

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from knowledge.params import param
from nlu.reader import read

RATE = param("gov.irs.ira.excess_contribution_tax_rate", date(2026, 12, 6).year)


@pytest.mark.parametrize(
    "text",
    [
        real_question("bc031", EVAL / "batch_c.jsonl"),
        "My old 401(k) sent a corrective distribution for excess deferrals after I had already "
        "rolled everything into my IRA. Can that money stay in the IRA?",
    ],
)
def test_a_corrective_distribution_in_an_ira_is_an_excess_contribution(text: str) -> None:
    assert read(text).asks[0] == "corrective_not_rollable"
    reply = first_reply(text)
    first, second = reply.split("\n\n")[:2]
    assert first.startswith("A corrective distribution (Form 1099-R code E, 8 or P) is not an")
    assert "an excess IRA contribution there, not basis to report on Form 8606" in first
    assert f"It owes a {RATE * 100:.0f}% excise tax for each year-end it stays" in second
    assert "as a return of an excess contribution" in second
    assert "Source: Treas. Reg. 1.402(c)-2" in reply
    # not the IRA contribution limits nobody asked for
    assert "phases out" not in reply


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # "Which source should the corrective distribution be made from and using which
        # code?": the plan's correction, no IRA in it
        ("bd026", EVAL / "batch_d.jsonl"),
        # "the VCP contributions to a Roth IRA": a voluntary contribution program
        ("bd034", EVAL / "batch_d.jsonl"),
    ],
)
def test_a_correction_with_no_money_in_an_ira_is_not_this_question(qid, source) -> None:
    assert "corrective_not_rollable" not in read(real_question(qid, source)).asks
