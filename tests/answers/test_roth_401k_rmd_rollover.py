"""A Roth 401(k) rolled to a Roth IRA in a year RMDs are due: since 2024 a designated Roth
account owes none during life (IRC 402A(d)(5), SECURE 2.0 sec. 325), so none comes out
first; pretax money in the plan still owes its own first (Treas. Reg. 1.402(c)-2, Q&A-7).
Through 2023 it owed RMDs: from the RMD age, or in the plan of an employer worked for past
it (not a 5% owner) from the year of retiring (IRC 401(a)(9)(C)(i)(II), (ii)), and in such
a year the first dollars out, even before the retirement date, were the RMD, never rollable
(Treas. Reg. 1.402(c)-2, Q&A-7); the owner's share is the year's parameter.

bc019 (batch_c): "In January 2023, while still employed, I performed an in-service rollover
of my entire Roth 401K balance ... should I have first taken a distribution from the Roth
401K before rolling it over?" (he retired in March 2023; its expert rubric: yes, 2023 was an
RMD year); fq076 (real, https://irahelp.com/forum-post/26575-roth-401k-distributed-rmd-roth-conversion):
"Can he roll that into a ROTH IRA now?" of an RMD that paid out Roth 401(k) money. Before,
bc019 got the general RMD paragraphs, none on the Roth 401(k) in 2023 or since 2024.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, said_by
from conversation_stories import EVAL, SHARED, real_question

from bot.money import percent
from knowledge.params import param
from nlu.reader import read

LEAD = "Since 2024 a Roth 401(k) owes no required distributions during your life"


@pytest.mark.parametrize(
    "text",
    [
        real_question("bc019", EVAL / "batch_c.jsonl"),
        real_question("fq076", SHARED / "eval" / "real.jsonl"),
        "I'm 75 and take RMDs. Can I roll my Roth 401k to my Roth IRA this year without "
        "taking an RMD from it first?",
    ],
)
def test_a_roth_401k_rolled_in_an_rmd_year(text: str) -> None:
    assert read(text).asks[:1] == ("roth_401k_rmd_rollover",)
    reply = first_reply(text)
    assert reply.startswith(LEAD)
    share = percent(param("gov.irs.rmd.five_percent_owner_share", 2026))
    assert (
        f"past that age (unless you owned over {share} of it), from the year you retired" in reply
    )
    # the year of retiring is an RMD year from its first day (bc019's expert rubric: the
    # January rollover's first dollars were the RMD)
    assert "the first dollars out, even before you retired, were the RMD" in reply


@pytest.mark.parametrize(
    "text",
    [
        # a Roth clock asked: its own answers lead (bb054, batch_b)
        real_question("bb054", EVAL / "batch_b.jsonl"),
        # pretax money's RMD before a conversion: rmd_first
        "I'm 74. Can I convert my traditional 401k to a Roth IRA before taking this year's RMD?",
        # no RMD in the text
        "Can I roll my Roth 401k into my Roth IRA?",
        # a beneficiary's
        "My late father's Roth 401k has RMDs. Can I roll it into my Roth IRA?",
    ],
)
def test_near_misses(text: str) -> None:
    assert "roth_401k_rmd_rollover" not in read(text).asks


def test_the_rules_are_cited() -> None:
    said = said_by("roth_401k_rmd_rollover")
    (none_first, section) = said["rmd_roth_roll.none_first"]
    assert none_first.startswith(LEAD) and section == "IRC 401(a)(9)(C); IRC 402A(d)(5)"
    (before, section) = said["rmd_roth_roll.before_2024"]
    assert before.startswith("Through 2023") and "even before you retired, were the RMD" in before
    assert section.startswith("IRC 402(c)(4)(B); Treas. Reg. 1.402(c)-2, Q&A-7")
