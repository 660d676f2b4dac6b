"""Two things the route answer says when the facts allow:

- Only the after-tax total known, not its contributions and earnings: the basis is at most
  all of it, so a distribution of that size carries at most that share of basis (IRC
  72(e)(8)) - a bound the engine computes, said as a bound, never as the basis.
- Someone who has left the employer, between the rule-of-55 age and 59½, told of the whole
  account split: money rolled to an IRA loses the rule of 55 (IRC 72(t)(3)(A)), said on the
  condition the facts do not show (leaving in or after the year of turning 55).
Real question fq107 (../shared/eval/answers.jsonl), verbatim, and paraphrases."""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import SHARED, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.params import param

TODAY = date(2026, 12, 6)
ANSWERS = SHARED / "eval" / "answers.jsonl"
KEEP = "leave what you need before 59½ in the plan: the rule of 55 lifts the"


def reply_to(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


def test_fq107_gets_the_bound_and_the_rule_of_55() -> None:
    if not ANSWERS.exists():
        pytest.skip("../shared/eval/answers.jsonl is not available")
    reply = reply_to(real_question("fq107", ANSWERS))
    assert (
        "From $1,000,000 in all, a $200,000 distribution would carry at most $40,000 of basis "
        "(less if part of the after-tax money is earnings)"
    ) in reply
    age = param("gov.irs.early_distribution.separation_age", 2026)
    assert f"If you left the employer in or after the year you turned {age}, {KEEP}" in reply


def test_a_paraphrase_with_the_total_only() -> None:
    reply = reply_to(
        "My 401k is $400,000, of which $100,000 is after-tax. Can I roll just the after-tax "
        "part to a Roth IRA?"
    )
    assert "a $100,000 distribution would carry at most $25,000 of basis" in reply


def test_contributions_known_give_the_figures_not_the_bound() -> None:
    reply = reply_to(
        "My 401k is $300,000, the after-tax part is $30,000 of contributions and no earnings, "
        "and the plan prorates withdrawals. Can I take just the after-tax money?"
    )
    assert "at most" not in reply
    assert "would be only $3,000 basis and $27,000 pretax" in reply


@pytest.mark.parametrize(
    ("age", "said"),
    [(57, True), (52, False), (62, False)],
)
def test_the_rule_of_55_note_only_between_55_and_59_half(age: int, said: bool) -> None:
    reply = reply_to(
        f"I'm {age} and retired last year. Can my after-tax 401k contributions go to a Roth IRA "
        "when I roll over the whole 401k?"
    )
    assert (KEEP in reply) is said
