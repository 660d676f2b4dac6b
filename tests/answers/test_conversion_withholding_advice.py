"""Advice about withholding on a conversion, reported and then asked about: the
withholding answer leads, not the tax of a conversion the poster already knows about.

bd039 (batch_d): "I'm being told I should not have anything withheld for taxes. My
understanding is that the whole purpose of converting to a Roth IRA is to pay taxes now
... so that advice seems contradictory. Can you help clarify this?" Its reply was one line
on pretax money being taxable. Tax withheld from a conversion is not converted: it is a
distribution, taxable and, before 59½, subject to the 10% (IRC 408A(d)(3), 72(t)).
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
    real_question("bd039", BATCH_D),
    "My advisor recommended that I have no taxes withheld when I convert my traditional IRA "
    "to a Roth. Isn't paying the tax now the whole point of that advice?",
]


@pytest.mark.parametrize("text", TEXTS)
def test_withholding_is_answered_first(text: str) -> None:
    assert "conversion_withholding" in read(text).asks
    reply = respond(Session(key="t"), text, today=date(2026, 12, 6), now=0).text
    first = reply.split("\n\n")[0]
    assert first.startswith("Tax withheld from a conversion never reaches the Roth")
    assert "pay the tax from other money" in first
    assert "Source: IRC 408A" in reply


def test_a_reported_advice_without_withholding_is_not_this_question() -> None:
    text = "I was told to convert my IRA to a Roth this year. Can you help clarify the tax?"
    assert "conversion_withholding" not in read(text).asks
