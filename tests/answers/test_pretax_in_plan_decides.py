"""Converting pretax money inside the plan: the law allows it for any vested pretax money,
even money not yet payable (IRC 402A(c)(4)(E)), but only if the plan document offers
in-plan Roth rollovers; a silent document means not offered.

The real question (batch_c bc015, tests/eval/batch_c.jsonl) verbatim, and a paraphrase.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session

TODAY = date(2026, 12, 6)
BATCH_C = EVAL / "batch_c.jsonl"
SAYS = "but only if the plan document offers in-plan Roth rollovers; if it is silent"


@pytest.mark.parametrize(
    "text",
    [
        # "I have been told that it's up the the TPA and plan document if a conversion from the
        # regular portion of the 401k to the Roth 401k is allowed."
        real_question("bc015", BATCH_C),
        "Can I convert the pretax money in my solo 401k to its Roth 401k account, or does the "
        "plan document have to allow it?",
    ],
)
def test_the_plan_document_decides(text: str) -> None:
    reply = respond(Session(key="t"), text, today=TODAY, now=0).text
    assert SAYS in reply
    assert "(IRC 402A(c)(4)(E))" in reply
