"""A plan holding pretax and Roth 401(k) money, where the poster calls the Roth part "post
tax": the answer is the two direct rollovers for Roth and pretax money, never the after-tax
split of Notice 2014-54.

bd028 (batch_d): "a mixture of traditional pre-tax 401(k) contributions and growth plus
some Roth 401(k) contributions and growth ... Or would it have to be rolled out to a TIRA
with both pre and post tax amounts accounted for separately." Its reply led with "the
contributions to a Roth IRA and the earnings to a traditional IRA": for designated Roth
money that route is impossible, its earnings included (IRC 402A(c)(3)). The reader now
names the Roth money ("plus some Roth 401(k) contributions"), and a move the text asks about
("would it have to be rolled out to a TIRA") is not money already in an IRA.
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
    real_question("bd028", BATCH_D),
    # a paraphrase, in other words
    "My old 401k holds pre-tax deferrals with their growth, plus some Roth 401(k) money. "
    "Can I send it to two IRAs, a traditional one and a Roth IRA? Or would it all have to be "
    "rolled into a traditional IRA with the pre and post tax parts tracked separately?",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_roth_money_goes_to_the_roth_ira_and_the_pretax_to_a_traditional_ira(
    text: str,
) -> None:
    reading = read(text)
    assert reading.facts.get("has_roth_401k") is True
    assert "in_ira" not in reading.places  # asked about, not done
    reply = respond(Session(key="t"), text, today=date(2026, 12, 6), now=0).text
    first = reply.split("\n\n")[0]
    assert first.startswith("Yes, split it")
    assert "Roth 401(k) money (contributions and earnings) to the Roth IRA" in first
    assert "cannot go to a traditional IRA" in first
    assert "earnings to a traditional IRA" not in reply  # the after-tax split
    assert "IRC 402A(c)(3)" in reply  # its source


def test_money_already_rolled_into_an_ira_is_still_in_the_ira() -> None:
    text = (
        "I rolled my whole 401(k), after-tax money and all, into a traditional IRA last "
        "year. Can I convert the after-tax part now?"
    )
    assert "in_ira" in read(text).places
