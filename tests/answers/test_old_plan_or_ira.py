"""An old 401(k): leave it, roll it into the new employer's plan, or roll it to an IRA. All
are tax-free by direct rollover (IRC 402(c)); what the law makes differ is that the rule of
55 reaches plan payouts only (IRC 72(t)(2)(A)(v), (t)(3)(A)) and that pretax money in a
traditional IRA enters the pro-rata of a later IRA conversion, plan money not (IRC
408(d)(2)); a plan need not take roll-ins (IRS, "Verifying Rollover Contributions to
Plans"); investments and fees the law leaves to the person. The age is the year's
parameter.

Released real questions (verbatim): ba045 (batch_a,
https://www.reddit.com/r/personalfinance/ laid-off 44-year-old): "So is it foolish to roll
over my 401k into my IRA ..., or should I roll it into a new 401k when I start my new job
...?"; bc042 (batch_c): "Also, would this be a good time to move the traditional 401k into an
IRA?"; bc041 (batch_c, https://jeanchatzky.com/mailbag-monday-rolling-over-a-401k/): "It
has been doing well, so should he leave it there or transfer it?". Before, bc042's question
had no answer, and ba045's second half none; bc041's is answered by the Roth IRAs "in each
of our names" entry, whose answer holds the choice (it covers this one).
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, said_by
from conversation_stories import EVAL, real_question

from knowledge.params import param
from nlu.reader import read

AGE = param("gov.irs.early_distribution.separation_age", 2026)
LEAD = "Leaving it in the old plan, a direct rollover into the new employer's plan"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (real_question("bc042", EVAL / "batch_c.jsonl"), False),
        (real_question("ba045", EVAL / "batch_a.jsonl"), False),
        (
            "I changed jobs. Should I roll my old 401k into my new employer's 401k or into an IRA?",
            True,
        ),
        (
            "Is it better to roll my previous employer's 401(k) to an IRA or leave it where it is?",
            True,
        ),
    ],
)
def test_an_old_401k_into_the_new_plan_or_an_ira(text: str, first: bool) -> None:
    assert "old_plan_or_ira" in read(text).asks
    reply = first_reply(text)
    assert LEAD in reply
    if first:
        assert reply.startswith(LEAD)
    assert f"in or after the year you turn {AGE}), which an IRA loses" in reply


@pytest.mark.parametrize(
    "text",
    [
        # money to a Roth is a conversion: another answer
        "Should I roll my old 401k into a Roth IRA or a traditional IRA?",
        # after-tax money has its split
        "I left my job. Should I roll my after-tax 401k money to an IRA or to my new plan?",
        # an IRA's money into a plan (the backdoor's clean-up), not an old 401(k)
        "Should I roll my traditional IRA into my new employer's 401k?",
        # a rollover already decided, its deadline asked
        "I left my old job. Is there a deadline to roll my 401k to an IRA?",
    ],
)
def test_near_misses(text: str) -> None:
    assert "old_plan_or_ira" not in read(text).asks


def test_the_rules_are_cited_and_the_open_part_said() -> None:
    said = said_by("old_plan_or_ira")
    (differs, section) = said["plan_or_ira.what_differs"]
    assert differs.startswith(LEAD) and section == "IRC 72(t)(3)(A)"
    assert "(IRC 408(d)(2))" in differs
    (choice, section) = said["plan_or_ira.choice"]
    assert "the law leaves that comparison to you" in choice
    assert section.startswith("IRS, Verifying Rollover Contributions to Plans")


def test_bc041_is_answered_once_by_the_entry_that_covers_it() -> None:
    text = real_question("bc041", EVAL / "batch_c.jsonl")
    assert read(text).asks[:1] == ("old_plan_or_ira",)
    reply = first_reply(text)
    assert "Leaving it in the plan and a direct rollover to a traditional IRA are both" in reply
    assert LEAD not in reply
