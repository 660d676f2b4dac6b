"""What one catalogue answer says, finding by finding: the answer tests' shared helper.

Each answer test asks the same thing of a catalogue entry: which findings it returns for
some facts, the sentence each renders to, and the section its rule cites. One helper keeps
that question asked the same way everywhere (the engine's result for the same facts, the
sentence with its line breaks folded).
"""

from __future__ import annotations

from datetime import date

from bot.answers import render
from knowledge.answers import answer
from knowledge.citations import cite
from knowledge.engine import calculate
from knowledge.facts import Facts

TODAY = date(2026, 12, 6)


def said_by(question_id: str, facts: dict | None = None) -> dict[str, tuple[str, str]]:
    """finding id -> (its sentence on one line, the section its rule cites)."""
    facts = facts or {}
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    return {
        f.id: (" ".join(render(f).split()), cite(f.rule).section)
        for f in answer(question_id, facts, result)
    }
