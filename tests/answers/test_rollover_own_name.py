"""A living participant's 401(k) into IRAs "in each of our names":

- only into IRAs of the participant (IRC 402(c)(1), (c)(8)(B); an IRA is one person's,
  IRC 408(a)); a spouse gets plan money only at death (402(c)(9)) or under a QDRO
  (402(e)(1)(B));
- leaving it or a direct rollover to a traditional IRA is tax-free; into a Roth IRA the
  pretax money is ordinary income with no 10% (IRC 408A(d)(3)(A)).

The real question (batch_c bc041, tests/eval/batch_c.jsonl) verbatim, and paraphrases.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_C = EVAL / "batch_c.jsonl"
OPENING = "A 401(k) can go only into an IRA or Roth IRA in the participant's own name"


def test_the_real_question_is_answered_first() -> None:
    # "should he leave it there or transfer it? For tax purposes, should we buy Roth IRAs in
    # each of our names?"
    text = real_question("bc041", BATCH_C)
    # ("should he leave it there or transfer it?" is old_plan_or_ira, asked first; this
    # answer covers it: its second sentence holds the leave-or-roll choice)
    assert read(text).asks[:2] == ("old_plan_or_ira", "rollover_own_name")
    reply = first_reply(text)
    assert reply.startswith(OPENING)
    assert "both tax-free" in reply and "ordinary income that year (no 10% penalty)" in reply


@pytest.mark.parametrize(
    "text",
    [
        "Can my wife's old 401k be rolled into a Roth IRA in my name?",
        "My husband is leaving his job. Can we put his 401(k) into IRAs in both our names?",
    ],
)
def test_a_paraphrase_is_recognised(text: str) -> None:
    assert "rollover_own_name" in read(text).asks
    assert first_reply(text).startswith(OPENING)


def test_a_surviving_spouse_is_not_this_question() -> None:
    text = "My husband passed away. Can his 401k go into a Roth IRA in my name?"
    assert "rollover_own_name" not in read(text).asks
