"""An inherited IRA (not a plan) converted to a Roth IRA by a beneficiary who is not the
spouse: no. A non-spouse beneficiary cannot roll over an inherited IRA (IRC 408(d)(3)(C)),
and a conversion is a rollover contribution (IRC 408A(e)); the IRA moves only by
trustee-to-trustee transfer to another inherited IRA. A surviving spouse may treat it as
their own and convert (Treas. Reg. 1.408-8, Q&A-5); inherited plan money may go by direct
rollover to an inherited Roth IRA (IRC 402(c)(11), inherited_to_roth).

Before, "I inherited a traditional IRA ... Can I convert it to a Roth IRA?" got the plan's
answer: "can move an inherited plan account to a Roth IRA only by a direct ... rollover to an
inherited Roth IRA", a confident wrong answer for IRA money; other wordings went to a person.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

# https://irahelp.com/forum-post/75800-can-inherited-ira-be-converted-roth-ira (verbatim)
IRAHELP = (
    "Client inherited his father’s IRA. Dad was 88yrs. old when he died. The dad died 3yrs "
    "ago. Son has been taking out RMD’s based on his life expectancy. Son wants to know if he "
    "can convert some or all of the IRA into a Roth IRA???"
)
# https://njmoneyhelp.com/2020/10/can-i-convert-an-inherited-ira-to-a-roth-ira/ (verbatim)
NJMONEYHELP = (
    "May I convert a non-spousal inherited IRA to a Roth account? I elected to use the "
    "stretch option for a traditional IRA I inherited from my father in 2010. I would now like "
    "to withdraw the remaining funds, pay the taxes, and convert the funds to a Roth account."
)
# http://tckansas.com/2017/12/28/inherited-iras/ (verbatim)
TCKANSAS = (
    "I’ve inherited a substantial IRA from my parent. What are my choices?\nCan I roll over the "
    "money into my own IRA? What I’d really like to do is convert the\ninherited IRA to a Roth "
    "IRA."
)


@pytest.mark.parametrize(
    "text",
    [
        IRAHELP,
        NJMONEYHELP,
        TCKANSAS,
        # paraphrases
        "I inherited a traditional IRA from my aunt last year. Can I convert it to a Roth IRA?",
        "My dad passed away and I am the beneficiary of his IRA. I inherited the IRA as a "
        "non-spouse. Is a Roth conversion possible?",
    ],
)
def test_an_inherited_ira_cannot_be_converted_by_a_non_spouse(text: str) -> None:
    reading = read(text)
    assert reading.asks[0] == "inherited_ira_to_roth"
    reply = first_reply(text)
    first, second = reply.split("\n\n")[:2]
    assert first.startswith(
        "No: a beneficiary who is not the spouse cannot convert an inherited IRA to a Roth IRA"
    )
    assert "transfer to another inherited IRA in the late owner's name" in first
    assert second.startswith("A surviving spouse may instead treat the IRA as their own")
    assert "Source: IRC 408(d)(3)(C)" in reply
    # not the plan's route, and not a handoff
    assert "can move an inherited plan account to a Roth IRA" not in reply
    assert "ticket" not in reply


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # an inherited 401(k) to an inherited Roth IRA: the plan's own rule
        ("bd017", EVAL / "batch_d.jsonl"),
        ("ab02", EVAL / "answers_more.jsonl"),
    ],
)
def test_an_inherited_plan_is_not_this_question(qid, source) -> None:
    asks = read(real_question(qid, source)).asks
    assert asks[0] == "inherited_to_roth"
    assert "inherited_ira_to_roth" not in asks


def test_an_inherited_roth_ira_or_a_spouse_is_not_this_question() -> None:
    assert (
        "inherited_ira_to_roth"
        not in read("I inherited a Roth IRA from my father. Can I move it to my own Roth IRA?").asks
    )
    assert (
        "inherited_ira_to_roth"
        not in read("My husband died and I inherited his IRA. Can I convert it to a Roth?").asks
    )
