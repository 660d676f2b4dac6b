"""What rothbot says, the answer tests' shared helpers.

The answer tests ask two things the same way everywhere: the first reply a question gets
on a fresh session (``first_reply``), and which findings a catalogue entry returns for some
facts, the sentence each renders to and the section its rule cites (``said_by``: the
engine's result for the same facts, the sentence with its line breaks folded).
"""

from __future__ import annotations

import re
from datetime import date

from bot.answers import render
from bot.conversation import respond
from bot.session import Session
from knowledge.answers import answer
from knowledge.citations import cite
from knowledge.engine import calculate
from knowledge.facts import Facts

TODAY = date(2026, 12, 6)


def first_reply(text: str) -> str:
    """The reply to ``text`` as the first message of a fresh conversation, on TODAY."""
    return respond(Session(key="t"), text, today=TODAY, now=0).text


# The poster's number a numbered answer opens with ("1. ", "a) ", "Q1: ", "1 and 2. "),
# as ``bot.answers.item_number`` writes it.
_NUMBER = re.compile(r"(?:(?:\w+, )*\w+ and )?(?:\d{1,2}\.|[a-h]\)|Q\d{1,2}:) ")


def unnumbered(text: str) -> str:
    """``text`` without the poster's number its first answer opens with, if any: what
    answers a question is tested, not how the reply numbers it
    (tests/conversation/test_numbered_questions.py)."""
    return _NUMBER.sub("", text, count=1) if _NUMBER.match(text) else text


def said_by(question_id: str, facts: dict | None = None) -> dict[str, tuple[str, str]]:
    """finding id -> (its sentence on one line, the section its rule cites)."""
    facts = facts or {}
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    return {
        f.id: (" ".join(render(f).split()), cite(f.rule).section)
        for f in answer(question_id, facts, result)
    }
