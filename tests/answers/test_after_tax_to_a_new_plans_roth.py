"""After-tax money from old plans into a new plan's Roth 401(k), in real phrasing:

a designated Roth account takes rollovers only from another designated Roth account (IRC
402A(c)(3)); in the new plan only an in-plan Roth rollover (IRC 402A(c)(4), from the Small
Business Jobs Act of 2010) can convert it. The same plan's Roth account is an in-plan
rollover, another question (tests/answers/test_contributions_and_rollover_limits.py).

The real question (batch_c bc048, tests/eval/batch_c.jsonl) verbatim, and a paraphrase.
"""

from __future__ import annotations

from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_C = EVAL / "batch_c.jsonl"


def test_the_real_question_is_answered_first() -> None:
    # "Does anyone know if the post-tax contributions can be separated from the tax deferred
    # earnings and rolled into the ROTH K?" of old 401(k) and 403(b) accounts
    text = real_question("bc048", BATCH_C)
    assert read(text).asks[0] == "after_tax_to_plan"
    reply = first_reply(text)
    assert reply.startswith("Not into a Roth 401(k): a designated Roth account takes rollovers")
    assert "(IRC 402A(c)(3))" in reply and "IRC 402A(c)(4), from the 2010" in reply


def test_a_paraphrase_is_recognised() -> None:
    text = (
        "I have after-tax money in my old 403b. Can it be rolled into the Roth 401k at my new job?"
    )
    assert "after_tax_to_plan" in read(text).asks
