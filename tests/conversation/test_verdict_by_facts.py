"""A verdict that the poster's facts decide (issue 10): "Can I ...?" gets "Yes:" first when
the facts the person gave settle it, and no verdict when they do not.

A catalogue entry's ``verdicts`` may give, per sentence its answer opens with, cases: a
verdict and the facts it holds for (``when``), read by the pure function
``knowledge.answers.verdict(question, key, facts)``.

- other_plans: "Yes" once the person has left the employer (a 403(b), 457(b), TSP or
  pension can then pay the whole account out, and Notice 2014-54 splits it); none while
  they still work there or do not say: a pension, or a 403(b)'s deferrals, pay out in
  service only as the plan's terms allow.
- sixty_day_rollover: "Yes" for a payout from an employer plan (no limit a year); none for
  an IRA's money alone, whose 60-day rollovers are one per 12 months (IRC 408(d)(3)(B)).
- inherited_to_roth: "Yes" where the inherited money is in an employer plan (by direct
  rollover only, IRC 402(c)(11)); none where the facts do not say so.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, SHARED, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.answers import verdict

TODAY = date(2026, 12, 6)
REAL = SHARED / "eval" / "real.jsonl"
MORE = EVAL / "answers_more.jsonl"
BATCH_B = EVAL / "batch_b.jsonl"


def _first(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text.split("\n\n")[0]


# -- the pure function ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ask", "key", "facts", "says"),
    [
        ("other_plans", "other_plans.same_rules", {"still_employed": False}, "Yes"),
        ("other_plans", "other_plans.same_rules", {"still_employed": True}, None),
        ("other_plans", "other_plans.same_rules", {}, None),
        ("sixty_day_rollover", "indirect.planned", {"employer_plan_type": "401k"}, "Yes"),
        ("sixty_day_rollover", "indirect.planned", {"has_pretax_money": True}, "Yes"),
        ("sixty_day_rollover", "indirect.planned", {"has_traditional_ira": True}, None),
        ("sixty_day_rollover", "indirect.planned", {}, None),
        # (an IRA beside after-tax money whose place is not said: not decided)
        (
            "sixty_day_rollover",
            "indirect.planned",
            {"has_traditional_ira": True, "after_tax_contributions": 5000},
            None,
        ),
        ("inherited_to_roth", "inherited.direct_only", {"employer_plan_type": "401k"}, "Yes"),
        ("inherited_to_roth", "inherited.direct_only", {"has_traditional_ira": True}, None),
        # an unconditional verdict holds for any facts
        ("undo_conversion", "undo.not_possible", {}, "No"),
        ("undo_conversion", "undo.not_possible", {"still_employed": True}, "No"),
    ],
)
def test_the_verdict_is_a_function_of_the_facts(ask, key, facts, says) -> None:
    assert verdict(ask, key, facts) == says


# -- in replies -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "source", "opens"),
    [
        # https://irahelp.com/?p=24158 ("Retired individual age 66 has funds in a 403b ... Can
        # he roll the after tax directly in a Roth IRA tax free ...?")
        ("fq052", REAL, "Yes: a 403(b), a governmental 457(b), the TSP and a pension"),
        # https://irahelp.com/forum-post/62483-non-spousal-beneficiary-401k ("Can a
        # non-spousal beneficiary of a 401k roll funds into a Roth IRA?")
        ("ab02", MORE, "Yes: a beneficiary who is not the spouse can move an inherited plan"),
    ],
)
def test_a_real_question_gets_the_verdict_its_facts_decide(qid, source, opens) -> None:
    assert _first(real_question(qid, source)).startswith(opens)


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        (
            "I left my job last year. Can I roll my 403(b) after-tax money to a Roth IRA?",
            "Yes: a 403(b)",
        ),
        ("I retired in June. Can I move the after-tax money in my TSP to a Roth IRA?", "Yes: "),
        (
            "I took a distribution from my 401k. Can I roll it over within 60 days?",
            "Yes: a distribution paid to you can be rolled over within 60 days",
        ),
        (
            "My mother passed away and I inherited her 401k. Can I move it to a Roth IRA?",
            "Yes: a beneficiary who is not the spouse",
        ),
    ],
)
def test_a_paraphrase_gets_the_verdict_its_facts_decide(text: str, opens: str) -> None:
    assert _first(text).startswith(opens)


@pytest.mark.parametrize(
    "text",
    [
        # still working: a pension or a 403(b) pays out only as its terms allow
        "Can I roll my pension to a Roth IRA before I retire?",
        "I still work there and I am 45. Can I roll my 403(b) after-tax money to a Roth IRA?",
        # where the money is not said
        "Can I roll my 403(b) after-tax money to a Roth IRA?",
        # an IRA's 60-day rollovers: one in 12 months
        "Can I take the money out of my IRA and put it back within 60 days twice this year?",
        # https://irahelp.com/forum-post/26951-defined-benefit-plan: he still works there
        # (the plan is closing), so the facts do not decide it
        real_question("bb059", BATCH_B),
        # an inherited IRA, not a plan: that entry says no itself, never a plan's "Yes"
        "Can a non-spouse beneficiary roll an inherited IRA into a Roth IRA?",
    ],
)
def test_no_verdict_the_facts_do_not_decide(text: str) -> None:
    first = _first(text)
    assert not first.startswith(("Yes",)), first
