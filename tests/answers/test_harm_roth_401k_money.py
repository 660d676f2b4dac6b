"""Designated Roth (Roth 401(k), 403(b), TSP) money is never given the Roth IRA's rules.

- Out of the plan itself, a payout before the account is qualified is pro-rata between
  contributions and earnings (IRC 402A(d)(4), 72(e)(8); Treas. Reg. 1.402A-1, Q&A-2 to
  Q&A-4), hardship and other in-service payouts included: never "contributions first",
  which is the Roth IRA's ordering (IRC 408A(d)(4)).
- Rolled to a Roth IRA, a qualified payout is all contributions there (Treas. Reg.
  1.408A-10, Q&A-3): the Roth IRA's 5-year clock governs only earnings, never "the money".
- Rolled within 60 days, Roth money is a rollover, not a conversion, and is not taxed (IRC
  402A(c)(3)): "that is a Roth conversion" is said of pretax money only.

Real questions verbatim from the released sets, and paraphrases of each class.
"""

from __future__ import annotations

import pytest
from answer_findings import TODAY, first_reply, said_by
from conversation_stories import EVAL, real_question

from knowledge.answers import answer, for_money
from knowledge.engine import calculate
from knowledge.facts import Facts
from nlu.reader import read

BATCH_A = EVAL / "batch_a.jsonl"
BATCH_B = EVAL / "batch_b.jsonl"
BATCH_C = EVAL / "batch_c_answers.jsonl"
BATCH_E = EVAL / "batch_e_answers.jsonl"

# the Roth IRA's ordering said of money still in the plan
ROTH_IRA_ORDERING = ("the first bucket out", "a Roth IRA pays out regular contributions first")
PLAN_PRO_RATA = "is pro-rata, not contributions first (that order is a Roth IRA rule)"


def _first(reply: str) -> str:
    return reply.split("\n\n")[0]


# -- out of the plan itself: pro-rata, never contributions first ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If I take an in-service withdrawal from my Roth 401k before 59 1/2, do my "
        "contributions come out first?",
        "I'm 50 and still working. Can I take a hardship withdrawal from my Roth 401(k) and "
        "have it come out of my contributions first so it's tax free?",
        "Can I withdraw my Roth TSP contributions tax free at 50 since I already paid tax on them?",
        "I have $40k of contributions and $10k of earnings in my Roth 403(b). I'm 52. If I "
        "withdraw $20k from the plan, is any of it taxable?",
    ],
)
def test_a_roth_401k_payout_from_the_plan_is_pro_rata(text: str) -> None:
    reply = first_reply(text)
    assert PLAN_PRO_RATA in _first(reply)
    assert "each dollar carries the account's share of earnings" in _first(reply)
    for wrong in ROTH_IRA_ORDERING:
        assert wrong not in reply
    # the Roth IRA's order is said only of money rolled there first
    assert "Rolled directly to a Roth IRA first" in reply


def test_the_real_question_of_a_roth_401k_holder_at_45_gets_the_plan_rule() -> None:
    # ba084 (verbatim): "$2M saved in retirement accounts (401k, Roth 401k, etc)", at 45:
    # before, the Roth IRA's "regular contributions first" led the reply
    reply = first_reply(real_question("ba084", BATCH_A))
    assert PLAN_PRO_RATA in _first(reply)
    assert "a Roth IRA pays out regular contributions first" not in reply


def test_basis_access_asked_of_roth_money_alone_is_the_plans_answer() -> None:
    facts = {"has_roth_401k": True}
    assert for_money(["basis_access_before_59"], facts) == ("roth_401k_plan_access",)
    said = said_by("basis_access_before_59", facts)
    assert list(said) == ["roth_plan_access.pro_rata", "roth_plan_access.roll_first"]
    sentence, section = said["roth_plan_access.pro_rata"]
    assert "not contributions first" in sentence
    assert "IRC 402A(d)" in section and "1.402A-1, Q&A-2 to Q&A-4" in section
    assert "72(e)(8)" in section
    assert "hardship payout cannot be rolled over" in said["roth_plan_access.roll_first"][0]


def test_a_rollover_to_a_roth_ira_named_still_gets_the_roth_iras_buckets() -> None:
    # bc024 (verbatim): "which bucket do those fall into once rolled over?"
    text = real_question("bc024", BATCH_C)
    assert "roth_401k_plan_access" not in read(text).asks
    assert "the first bucket out" in first_reply(text)


def test_the_5_years_and_the_penalty_are_parameters() -> None:
    facts = {"has_roth_401k": True}
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    (found, _) = answer("roth_401k_plan_access", facts, result)
    assert found.params == {"rate": 0.1, "years": 5}


# -- rolled to a Roth IRA: the clock governs only earnings ---------------------------------


@pytest.mark.parametrize(("qid", "source"), [("be012", BATCH_E), ("bc043", BATCH_C)])
def test_the_rolled_clock_is_never_said_of_the_money(qid: str, source) -> None:
    reply = first_reply(real_question(qid, source))
    first = _first(reply)
    assert "the money takes the Roth IRA's one 5-year clock" not in reply
    assert "governs only earnings, never what the rollover counts as contributions" in first
    assert "If the Roth 401(k) is qualified when paid out" in reply  # the exception, said


def test_a_paraphrase_of_the_rolled_clock_gets_the_exception_too() -> None:
    reply = first_reply(
        "I moved my Roth 403(b) into a brand new Roth IRA last year. Does the time in the "
        "403(b) count toward the Roth IRA's 5 years?"
    )
    assert "the money takes the Roth IRA" not in reply
    assert "governs only earnings" in _first(reply)
    assert "the whole rollover counts as Roth IRA contributions" in reply


def test_the_plans_own_clock_answer_says_a_qualified_rollover_is_all_contributions() -> None:
    sentence, _ = said_by("roth_401k_five_year")["drac.rollover_clock"]
    assert "counts there entirely as contributions" in sentence
    assert "only its earnings wait for the Roth IRA's own 5-year clock" in sentence
    assert "Once the money is rolled" not in sentence


# -- a 60-day rollover of Roth money is no conversion -----------------------------------


def test_the_real_check_question_with_roth_money_says_conversion_of_pretax_only() -> None:
    # bb056 (verbatim): "pre tax contributions, Roth contributions, and after tax
    # contributions", the after-tax check payable to her
    reply = first_reply(real_question("bb056", BATCH_B))
    assert "A lump sum paid to you can still go to a Roth IRA" not in reply
    assert "that is a Roth conversion: its taxable part is income" not in reply
    first = _first(reply)
    assert first.startswith("Pretax money paid to you can still go to a Roth IRA")
    assert "Roth 401(k) money rolled the same way is a rollover, not a conversion" in first


def test_a_paraphrase_of_a_check_of_roth_and_pretax_money() -> None:
    reply = first_reply(
        "The plan mailed me a check for my whole 401k, the pretax part and my Roth 401k part, "
        "with 20% withheld. Can I still deposit it in a Roth IRA within 60 days, and is that a "
        "Roth conversion?"
    )
    assert "that is a Roth conversion" not in reply
    assert "to a Roth IRA the pretax money is taxable income" in reply
    assert "untaxed" in reply  # the Roth 401(k) money


def test_pretax_money_alone_still_hears_that_it_is_a_conversion() -> None:
    said = said_by("check_to_roth", {"has_pretax_money": True})
    assert "paid_out.conversion" in said and "paid_out.conversion_pretax" not in said
