"""Basis named by its form (Form 8606) and no plan in the text is IRA basis: converting
"the basis" alone is not possible, since a conversion is pro-rata over all traditional,
SEP and SIMPLE IRAs at December 31 (IRC 408(d)(2)); rolling the pretax IRA money into a
plan that takes roll-ins isolates it (IRC 408(d)(3)(A)(ii)).

bd007 (batch_d): "Basis has been reported to the IRS on form 8606. Is there a way to convert
the basis to Roth and move those dollars into a Roth IRA?" Its reply was the general "it
depends on the kind of money" and asked which kind: the text had said.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

BATCH_D = EVAL / "batch_d.jsonl"

TEXTS = [
    real_question("bd007", BATCH_D),
    "I've reported my nondeductible basis on Form 8606 every year. Can I convert just the "
    "basis to a Roth IRA?",
]


@pytest.mark.parametrize("text", TEXTS)
def test_basis_on_form_8606_converts_pro_rata_and_the_roll_in_isolates_it(text: str) -> None:
    reading = read(text)
    assert "ira_conversion_taxable" in reading.asks
    assert "in_ira" in reading.places
    reply = respond(Session(key="t"), text, today=date(2026, 12, 6), now=0).text
    paragraphs = reply.split("\n\n")
    assert paragraphs[0].startswith("The basis alone cannot be converted")
    assert "pro-rata" in paragraphs[0]
    assert "plan that accepts roll-ins" in reply
    assert "depends on the kind of money" not in reply
    assert "Source: IRC 408(d)(2)" in reply


def test_form_8606_beside_a_plan_is_not_ira_basis_by_itself() -> None:
    text = (
        "My 401k has after-tax contributions, which I track as basis for Form 8606. Can I "
        "convert the basis to a Roth IRA?"
    )
    assert "in_ira" not in read(text).places
