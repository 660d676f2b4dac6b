"""A short question that asks about what was just said takes that sentence's question.

"Is that right?" points back by its word "that"; "Am I wrong?" asks for a verdict on the
statement before it. A verdict word points back only in a question (a question mark) that
names nothing of the subject itself: "Is a Roth conversion right for me?" asks its own
question, and "Doesn't seem right." asks none. The words are ``points_back`` in
``nlu/patterns/asks.yaml``.

The real question is batch_e's be034 (tests/eval/batch_e.jsonl), verbatim.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_E = EVAL / "batch_e.jsonl"


def test_real_statement_then_am_i_wrong_is_asked() -> None:
    # be034: "... You now take $200K and roll it into an IRA. I believe if you do this within
    # 60 days, you pay taxes on the $50K, but the $200K rolls without taxes. Am I wrong?"
    text = real_question("be034", BATCH_E)
    assert "indirect_rollover" in read(text).asks
    assert "rolled over within 60 days" in first_reply(text)


@pytest.mark.parametrize(
    "text",
    [
        "I took a check from my old 401k and plan to deposit it in my IRA within 60 days. "
        "Am I right?",
        "I got a check for my 401k. I can still put it into an IRA within 60 days. Correct?",
        "My plan sent me a check. I think I have 60 days to roll it over. Is that true?",
        "My plan sent me a check. I think I have 60 days to roll it over. True?",
    ],
)
def test_a_verdict_asked_on_the_statement_before(text: str) -> None:
    assert "indirect_rollover" in read(text).asks


@pytest.mark.parametrize(
    "text",
    [
        # no question mark: a remark, not a question
        "I took a check from my old 401k and will deposit it in my IRA within 60 days. "
        "Doesn't seem right.",
        # the statement alone asks nothing
        "I took a check from my old 401k and will deposit it in my IRA within 60 days.",
    ],
)
def test_no_verdict_asked_no_question(text: str) -> None:
    assert "indirect_rollover" not in read(text).asks


def test_a_question_naming_the_subject_asks_its_own() -> None:
    # the 60 days of the sentence before are not what "Is a Roth conversion right" asks of
    text = (
        "I rolled a check into my IRA within 60 days last year. Is a Roth conversion right for me?"
    )
    assert "indirect_rollover" not in read(text).asks
