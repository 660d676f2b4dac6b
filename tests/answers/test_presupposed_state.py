"""An answer never leads with a step the poster does not have, and a condition the text
settles is said settled (issue 10; the expert's grading of 2026-12-08, s11).

Each catalogue question declares the state of the poster its answer presupposes
(``presumes`` in its file: still working there, a plan that offers in-plan conversions,
Roth 401(k) money). Where the facts say the opposite, ``knowledge.answers.for_state``
leaves it out; where they are silent, nothing changes. A sentence that holds on a
condition (``conditions`` in the messages: "unless the plan accounts for the after-tax
money separately") is said settled where the facts settle it, and the other way
(``otherwise``) where they settle it the other way.

Real text verbatim (the released sets, source addresses beside each), plus paraphrases.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, SHARED, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.answers import catalogue, contradicted, for_state

REAL = SHARED / "eval" / "real.jsonl"
BATCH_A = EVAL / "batch_a.jsonl"
BATCH_B = EVAL / "batch_b.jsonl"

QUIT = "You may not need to quit"
IN_PLAN_PARAGRAPH = "An in-plan conversion is taxed as a distribution rolled over"
UNLESS_SEPARATE = "unless the plan accounts for the after-tax money separately"
OPEN_A_ROTH_IRA = "open a small Roth IRA now"


def _first_reply(text: str) -> str:
    return respond(Session(key="t"), text, today=date(2026, 12, 6), now=0).text


# -- the state an answer presupposes ---------------------------------------------------------


def test_a_presupposition_is_contradicted_only_by_a_known_opposite_fact() -> None:
    presumes = (("still_employed", True),)
    assert contradicted(presumes, {"still_employed": False})
    assert not contradicted(presumes, {"still_employed": True})
    assert not contradicted(presumes, {})  # unknown: today's behaviour


def test_the_catalogue_declares_the_states_as_data() -> None:
    assert ("still_employed", True) in catalogue()["in_service_at_59"].presumes
    assert ("plan_allows_in_plan_conversion", True) in catalogue()["prorata_in_plan"].presumes
    assert ("has_roth_401k", True) in catalogue()["roth_401k_five_year"].presumes
    # every presumed fact is one of the Facts keys, with a value of its kind
    from knowledge.facts import Facts

    for question in catalogue().values():
        for key, value in question.presumes:
            Facts.from_mapping({key: value})


def test_for_state_leaves_out_only_the_contradicted() -> None:
    asks = ("rmd_first", "in_service_at_59", "plan_to_roth_ira")
    assert for_state(asks, {"still_employed": False}) == ("rmd_first", "plan_to_roth_ira")
    assert for_state(asks, {}) == asks
    assert for_state(asks, {"still_employed": True}) == asks


def test_fq077_retired_poster_is_not_told_he_may_not_need_to_quit() -> None:
    # https://irahelp.com/?p=26585 ("I am 74. I retired finally January 29, 2016.")
    reply = _first_reply(real_question("fq077", REAL))
    assert QUIT not in reply
    assert "take the RMD first" in reply  # his question is still answered first


def test_ba019_plan_without_in_plan_conversions_gets_no_in_plan_paragraph() -> None:
    # https://www.bogleheads.org/forum/viewtopic.php?p=8201206 ("This plan does not allow
    # in-plan conversions to ROTH.")
    reply = _first_reply(real_question("ba019", BATCH_A))
    assert IN_PLAN_PARAGRAPH not in reply
    assert "pro-rata too" in reply  # his pro-rata question still leads


@pytest.mark.parametrize(
    "text",
    [
        "I retired from my employer two years ago and I am 63. Can I roll my 401(k) to a "
        "Roth IRA in service, without quitting?",
        "I left my job last year at 61. Is an in-service rollover to a Roth IRA possible "
        "past 59 1/2 while still working?",
    ],
)
def test_paraphrases_of_a_poster_who_has_left(text: str) -> None:
    assert QUIT not in _first_reply(text)


def test_unknown_employment_keeps_the_in_service_answer() -> None:
    reply = _first_reply(
        "I am 62. Past 59 1/2, can I do an in-service rollover of my 401(k) to a Roth IRA?"
    )
    assert QUIT in reply


# -- a condition the text settles -------------------------------------------------------------


def test_fq088_tracked_separately_is_said_settled() -> None:
    # https://www.yourwealth.com/rolling-over-money-to-a-roth-ira/ ("The earnings are being
    # tracked separately by the plan administrator.")
    reply = _first_reply(real_question("fq088", REAL))
    assert UNLESS_SEPARATE not in reply
    assert "As your plan accounts for the after-tax money separately" in reply
    assert reply.startswith("Only the contributions come out tax-free")


@pytest.mark.parametrize(
    ("text", "must"),
    [
        (
            "The after-tax money is in a separate subaccount. Can I take it out tax-free?",
            "As your plan accounts for the after-tax money separately",
        ),
        (
            "My 401(k) does not separate the after-tax money from the pretax money. Can I "
            "withdraw the after-tax money tax-free?",
            "as your plan does not account for the after-tax money separately",
        ),
    ],
)
def test_paraphrases_settle_the_condition_either_way(text: str, must: str) -> None:
    reply = _first_reply(text)
    assert UNLESS_SEPARATE not in reply
    assert must in reply


def test_unknown_accounting_keeps_the_condition_open() -> None:
    reply = _first_reply(
        "I have after-tax money in my 401(k) at work. Can the after-tax money be taken out "
        "tax-free?"
    )
    assert UNLESS_SEPARATE in reply


# -- no fact said twice -----------------------------------------------------------------------


def test_fq088_each_point_once_and_short() -> None:
    # the expert (2026-12-08): 198 words, "the earnings and split points each appear twice"
    reply = _first_reply(real_question("fq088", REAL))
    assert reply.count("Notice 2014-54") == 1
    assert reply.count("are pretax money") == 1
    assert len(reply.split()) <= 130


def test_fq034_the_rolled_in_clock_is_said_once() -> None:
    # https://irahelp.com/?p=63045: the Roth 401(k) rolled to his Roth IRA; the general
    # Roth IRA clock paragraph said the same a third time (238 words)
    reply = _first_reply(real_question("fq034", REAL))
    assert "does not restart it" in reply  # the correction of his belief
    assert "Rolled-in contributions, after-tax or Roth 401(k)" not in reply
    assert "Rolled to a Roth IRA, the plan's years do not carry over" in reply


def test_be014_a_sentence_the_budget_leaves_out_supersedes_nothing() -> None:
    # https://irahelp.com/forum-post/72390-mistaken-401k-rollover (batch_e be014): the
    # Form 8606 line was hidden by the rollover-lines sentence that supersedes it
    # (``SUPERSEDES``); the word budget then left that sentence out, so neither was said.
    # Only a sentence always said (rank 0) supersedes another. An expert's grading found
    # the same drop took a poster's one answer (the rolled-in contributions paragraph,
    # behind a Roth 401(k) clock sentence the budget dropped).
    reply = _first_reply(real_question("be014", EVAL / "batch_e.jsonl"))
    assert "code G" in reply
    assert "does not go on Form 8606" in reply


def test_bb005_existing_roth_ira_is_not_told_to_open_one() -> None:
    # https://irahelp.com/forum-post/26145-plan-401k-roth-conversion-or-service-withdrawal-
    # after-tax-funds-roth-ira ("Client also has a Roth IRA which has passed the 5 year wait
    # period")
    reply = _first_reply(real_question("bb005", BATCH_B))
    assert OPEN_A_ROTH_IRA not in reply
    assert "which your Roth IRA already runs" in reply


# -- every part asked gets its answer ----------------------------------------------------------

BATCH_C = EVAL / "batch_c.jsonl"


def test_bc017_all_of_it_to_a_roth_ira_is_answered_as_asked() -> None:
    # https://irahelp.com/forum-post/24337-pre-87-how-does-taxation-work-after-tax-pre-87-contributions
    # "3. Can she roll 100% of the $110,722 into a **ROTH** IRA?" got the split's condition
    # ("It depends on your plan"): whether all of it can go, and what is taxed, is the ask
    from nlu.reader import read

    text = real_question("bc017", BATCH_C)
    reading = read(text)
    assert dict(zip(reading.asks, reading.ask_labels, strict=True))["all_to_roth_tax"] == "3"
    part = next(p for p in _first_reply(text).split("\n\n") if p.startswith("3."))
    assert "the earnings on them are taxable income if they go there too" in part
    assert "It depends on your plan" not in part


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Can I move 100% of my after-tax 401k balance to a Roth IRA?", "all_to_roth_tax"),
        (
            "Could he convert 100 percent of the after-tax money into his Roth IRA?",
            "all_to_roth_tax",
        ),
        # the share names what went in, not what is asked to move
        ("I put 100% of my bonus in after-tax. Can I roll it to a Roth IRA?", "move_to_roth"),
    ],
)
def test_all_of_it_as_a_share_paraphrases(text: str, first: str) -> None:
    from nlu.reader import read

    assert read(text).asks[0] == first
