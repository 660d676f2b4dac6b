"""Basis in a traditional IRA beside an employer plan keeps its own answer.

``after_tax_in_ira`` is about after-tax money already in an IRA: IRA basis (Form 8606),
which no fact holds (a nondeductible IRA contribution is not the plan's after-tax money).
Once the reader reads no plan after-tax figure, the facts name only pretax money and a
traditional IRA; ``for_money`` used to send the question to the pretax and IRA pro-rata
answers (``instead``), and the on-point answer was lost: only pretax money can be rolled
from an IRA into an employer plan (IRC 408(d)(3)(A)(ii)), so the basis stays behind. A
traditional IRA beside a named plan is where that money is (``held_in: [ira_and_plan]``):
the question stays, alone. An IRA with no plan is still the IRA's pro-rata question.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.answers import catalogue, for_money

BATCH_B = EVAL / "batch_b.jsonl"
BATCH_D = EVAL / "batch_d.jsonl"
TODAY = date(2026, 12, 6)
ROLL_IN = "Only pretax money can be rolled from an IRA into an employer plan (IRC 408(d)(3)(A)(ii))"
PRETAX_TO_ROTH = "Pretax money (deferrals, employer money, earnings) moved to a Roth"


def _first_reply(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


def test_the_catalogue_names_where_ira_basis_is_held() -> None:
    question = catalogue()["after_tax_in_ira"]
    assert question.held_in == ("ira_and_plan",)
    assert dict(question.instead)["ira_and_plan"] == "after_tax_in_ira"


@pytest.mark.parametrize(
    "facts",
    [
        # bd045 as the reader reads it once a nondeductible IRA contribution is no plan money
        {
            "has_pretax_money": True,
            "has_traditional_ira": True,
            "year": 2025,
            "employer_plan_type": "401k",
        },
        {"has_traditional_ira": True, "employer_plan_type": "403b", "still_employed": True},
        {"traditional_ira_balance": 70000, "employer_plan_type": "401k"},
    ],
)
def test_ira_basis_beside_a_named_plan_stays_its_own_question(facts: dict) -> None:
    assert for_money(["after_tax_in_ira"], facts) == ("after_tax_in_ira",)


@pytest.mark.parametrize(
    ("facts", "instead"),
    [
        ({"has_traditional_ira": True}, ("ira_pro_rata",)),  # no plan: the IRA's pro-rata
        ({"has_roth_401k": True}, ("roth_401k_to_roth_ira",)),
        ({"has_pretax_money": True, "employer_plan_type": "401k"}, ("pretax_to_roth",)),
    ],
)
def test_other_money_alone_is_still_asked_as_its_own(facts: dict, instead: tuple) -> None:
    assert for_money(["after_tax_in_ira"], facts) == instead


def test_real_bd045_keeps_the_roll_in_answer() -> None:
    # bd045 (https://ttlc.intuit.com/community/forums/forumtopicprintpage/board-id/209/
    # message-id/252174/print-single-message/true/page/1): "we cannot roll over any basis
    # that is in the traditional IRA ... can we roll the entire amount of the traditional IRA
    # ... into the 401(k)?"
    reply = _first_reply(real_question("bd045", BATCH_D))
    assert ROLL_IN in reply
    assert PRETAX_TO_ROTH not in reply


@pytest.mark.parametrize(
    "qid,source",
    [
        # bd044 (https://ttlc.intuit.com/community/retirement/discussion/backdoor-roth-and-
        # basis-question/00/3034126): a 2016 pretax 401-K rollover and the basis question
        ("bd044", BATCH_D),
        # bb048 (https://irahelp.com/?p=25455): a backdoor beside a 401(k) rolled to an IRA
        ("bb048", BATCH_B),
    ],
)
def test_real_ira_basis_questions_get_no_pretax_move_paragraph(qid: str, source) -> None:
    reply = _first_reply(real_question(qid, source))
    assert PRETAX_TO_ROTH not in reply
    assert "pro-rata counts all your traditional" in reply


@pytest.mark.parametrize(
    "text",
    [
        "I made a nondeductible IRA contribution this year, so I now have basis in my "
        "traditional IRA, which also holds old pretax money. My 401k accepts roll-ins. Can "
        "the basis in the IRA go into the 401k with the rest?",
        "There is basis in my traditional IRA from nondeductible contributions, and my "
        "current 403(b) takes incoming rollovers. If I roll the IRA into the 403(b), what "
        "happens to the basis?",
    ],
)
def test_paraphrases_get_the_roll_in_answer(text: str) -> None:
    reply = _first_reply(text)
    assert ROLL_IN in reply
    assert PRETAX_TO_ROTH not in reply
