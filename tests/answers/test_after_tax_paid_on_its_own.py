"""After-tax contributions paid out on their own, and after-tax money in a public retirement
system.

- They can be rolled over: to a traditional or Roth IRA (directly or within 60 days), to
  another employer plan only by direct rollover and only if it accounts for them separately
  (IRC 402(c)(2)). bd036 (batch_d), a governmental DB plan's refund of member contributions:
  "Is the employee permitted to initiate a direct rollover to another eligible plan or IRA
  of these solely after-tax employee contributions?" was told "Not unless the plan accounts
  for the after-tax money separately", the pro-rata answer for a 401(k).
- A state or local system can hold after-tax money: member contributions not picked up under
  IRC 414(h)(2), service-credit purchases, redeposits. bd035 (batch_d): "Is it possible for a
  client to contribute after-tax dollars to a state-sponsored retirement system? ... Can the
  after tax contribution check be rolled into the client's Roth IRA?" was told about checks
  payable to a custodian, which hers was not.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, unnumbered
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_D = EVAL / "batch_d.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        real_question("bd036", BATCH_D),
        "I left my state pension job before vesting and they will refund only my after-tax "
        "member contributions. Can I roll just those after-tax contributions to a Roth IRA?",
    ],
)
def test_after_tax_contributions_alone_can_be_rolled_over(text: str) -> None:
    assert "after_tax_only_rollover" in read(text).asks
    reply = first_reply(text)
    first = reply.split("\n\n")[0]
    assert first.startswith("Yes: after-tax contributions paid out on their own can be rolled")
    assert "by direct rollover only, if it accounts for them separately" in first
    assert "Not unless the plan accounts" not in reply  # the 401(k) pro-rata answer
    assert "Source: IRC 402(c)(2)(A) and (B)" in reply


@pytest.mark.parametrize(
    "text",
    [
        real_question("bd035", BATCH_D),
        "Our county retirement system mailed me a refund check for after-tax contributions. "
        "Can a government plan really allow after-tax contributions? Can the after-tax check "
        "go into my Roth IRA?",
    ],
)
def test_a_public_system_holds_after_tax_money_and_its_check_can_go_to_a_roth_ira(
    text: str,
) -> None:
    asks = read(text).asks
    assert "public_plan_after_tax" in asks and "after_tax_only_rollover" in asks
    reply = unnumbered(first_reply(text))
    assert reply.startswith("Yes: state and local retirement systems can hold after-tax money")
    assert "within 60 days of receiving it" in reply
    assert "Source: IRC 414(h)(2)" in reply


def test_a_401k_after_tax_withdrawal_is_not_this_question() -> None:
    text = "Can I roll only the after-tax contributions in my 401k to a Roth IRA?"
    assert "after_tax_only_rollover" not in read(text).asks
