"""Questions suggested only by the reader's intents are answered in the order asked.

When no catalogue question is recognised in so many words, the intents suggest the
questions to answer (``knowledge.answers.questions_for_intents``). They came out in the
catalogue's file-name order, so a post that asks about the rule of 55 first and a Roth
second got the Roth IRA's ordering rules first. Each question now stands where one of its
intents is first found in the text (``Reading.intents_at``).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from bot.conversation import respond
from bot.session import Session
from knowledge.answers import questions_for_intents
from nlu.reader import read

TODAY = date(2026, 12, 6)
BATCH_A = Path(__file__).resolve().parents[1] / "eval" / "batch_a.jsonl"
RULE_OF_55 = "There is no deadline: if you leave the job in or after the calendar year you turn 55"
ROTH_ORDER = "After-tax contributions you roll or convert to a Roth IRA come back out"


def _text(qid: str) -> str:
    for line in BATCH_A.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == qid:
            return row["text"]
    raise LookupError(qid)


def _reply(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


def test_the_reader_says_where_each_intent_is_found() -> None:
    # ba015, https://www.reddit.com/r/Retire/comments/1osn22b/ (read from a redlib mirror):
    # "Thinking of retiring at 55." (the rule of 55) before "... without penalty."
    reading = read(_text("ba015"))
    where = dict(zip(reading.intents, reading.intents_at, strict=True))
    assert where["rule_of_55"] < where["penalty_early_withdrawal"]
    assert len(reading.intents_at) == len(reading.intents)


def test_the_rule_of_55_asked_first_is_answered_first() -> None:
    # ba015: "Thinking of retiring at 55. I have read that you can pull from your employer
    # 401k plan at that age without penalty. I assume a Roth would be the same?" got the
    # Roth IRA's ordering rules before the rule of 55's answer
    reply = _reply(_text("ba015"))
    assert reply.index(RULE_OF_55) < reply.index(ROTH_ORDER)


def test_a_roth_asked_first_is_answered_first() -> None:
    # (a paraphrase that asks in the other order keeps the other order)
    reply = _reply(
        "Would a Roth be penalty free if I pull money early? I plan to retire at 55 and use "
        "the 401k then."
    )
    assert reply.startswith(ROTH_ORDER)


def test_suggested_questions_follow_the_places_given() -> None:
    intents = ("penalty_early_withdrawal", "rule_of_55")
    in_file_order = questions_for_intents(intents)
    assert in_file_order == ("basis_access_before_59", "rule_of_55_deadline")
    later_penalty = {"penalty_early_withdrawal": 107, "rule_of_55": 12}
    assert questions_for_intents(intents, later_penalty) == in_file_order[::-1]
    # (an intent with no place goes last; which questions are suggested is unchanged)
    assert questions_for_intents(intents, {"penalty_early_withdrawal": 5}) == in_file_order
    assert questions_for_intents(intents, later_penalty, 1) == ("basis_access_before_59",)
