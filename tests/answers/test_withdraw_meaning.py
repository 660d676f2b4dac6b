"""'Withdraw' in a plan document means an in-service distribution, not an in-plan
conversion; since the plan may offer both, the answer says to ask whether it also converts
the after-tax source in the plan. Real question fq012 (../shared/eval/answers.jsonl),
verbatim, and a paraphrase."""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import SHARED, real_question

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

TODAY = date(2026, 12, 6)
ANSWERS = SHARED / "eval" / "answers.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        "fq012",
        'My plan document says "you may withdraw your after-tax sub-account twice a year". '
        "Does withdraw mean an in-plan conversion?",
    ],
)
def test_withdraw_means_in_service_and_the_conversion_is_asked_about(text: str) -> None:
    if text == "fq012":
        if not ANSWERS.exists():
            pytest.skip("../shared/eval/answers.jsonl is not available")
        text = real_question("fq012", ANSWERS)
    assert "withdraw_meaning" in read(text).asks
    reply = respond(Session(key="t"), text, today=TODAY, now=0).text
    assert 'A "withdrawal" in a plan document means an in-service distribution' in reply
    assert "ask whether your plan offers in-plan conversion of the after-tax source too" in reply
