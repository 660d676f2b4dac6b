"""Pro-rata in an in-plan conversion: the conversion is taxed as a distribution rolled over
(IRC 402A(c)(4)), so pro-rata applies - within the after-tax source where the plan accounts
for it separately (a separate contract, IRC 72(d)(2)), so converting all of that source taxes
only its earnings, and over the whole account where it does not. The answer says that rule,
not only its result. Real question fq022 (../shared/eval/answers.jsonl), verbatim, and a
paraphrase."""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import SHARED, real_question

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

TODAY = date(2026, 12, 6)
ANSWERS = SHARED / "eval" / "answers.jsonl"
RULE = "An in-plan conversion is taxed as a distribution rolled over (IRC 402A(c)(4))"


def reply_to(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


def _fq022() -> str:
    if not ANSWERS.exists():
        pytest.skip("../shared/eval/answers.jsonl is not available")
    return real_question("fq022", ANSWERS)


@pytest.mark.parametrize(
    "text",
    [
        "real",
        "Does the pro rata rule apply when I convert my after-tax 401k balance to the Roth "
        "401k inside the plan? It's not a distribution, the money stays in the 401k.",
    ],
)
def test_the_rule_comes_first_with_both_cases(text: str) -> None:
    text = _fq022() if text == "real" else text
    assert read(text).asks[0] == "prorata_in_plan"
    reply = reply_to(text)
    assert reply.startswith(RULE + ", so pro-rata applies")
    assert "only within the after-tax source if your plan accounts for it separately" in reply
    assert "converting all of that source taxes only its earnings" in reply
    assert "if not, over the whole account" in reply


def test_a_separate_source_is_said_settled() -> None:
    text = (
        "My plan keeps the after-tax money in a separate sub-account. If I convert it in "
        "plan to Roth, does the pro rata rule apply?"
    )
    assert read(text).facts.get("after_tax_separately_accounted") is True
    reply = reply_to(text)
    assert reply.startswith("Not across the plan: an in-plan conversion is taxed as a distribution")
    assert "converting all of that source taxes only its earnings" in reply
    assert "over the whole account" not in reply
