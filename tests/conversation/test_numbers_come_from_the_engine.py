"""Every dollar figure in a reply is one the engine produced or the user gave."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from conversation_stories import TODAY

from bot.conversation import respond
from bot.session import Session
from knowledge.engine import calculate
from knowledge.facts import Facts

MONEY = re.compile(r"\$(\d[\d,]*(?:\.\d+)?)")


def _numbers(value: Any) -> set[Decimal]:
    """Every number in the engine's JSON, including figures inside its sentences."""
    found: set[Decimal] = set()
    if isinstance(value, bool):
        return found
    if isinstance(value, int | float):
        found.add(Decimal(str(value)))
    elif isinstance(value, str):
        found |= {Decimal(m.replace(",", "")) for m in MONEY.findall(value)}
    elif isinstance(value, dict):
        for v in value.values():
            found |= _numbers(v)
    elif isinstance(value, list | tuple):
        for v in value:
            found |= _numbers(v)
    return found


CONVERSATIONS = [
    ["I am 51 with $30,000 after-tax contributions and $10,000 earnings", "24%"],
    ["I have $40,000 after-tax, $10,000 of it earnings. I am 58 and retired.", "no"],
    ["I am 55 with $10,000 after-tax contributions and $10,000 earnings", "not sure"],
]


@pytest.mark.parametrize("messages", CONVERSATIONS, ids=range(len(CONVERSATIONS)))
def test_every_dollar_figure_is_the_engines_or_the_users(messages):
    session = Session(key="k")
    for text in messages:
        reply = respond(session, text, today=TODAY, now=0.0)
        facts = Facts.from_mapping(session.facts)
        allowed = _numbers(calculate(facts, today=TODAY).to_json()) | _numbers(session.facts)
        allowed.add(Decimal(1_000_000_000))  # the validation bound, named in error messages
        shown = {Decimal(m.replace(",", "")) for m in MONEY.findall(reply.text)}
        assert shown <= allowed, f"not from the engine: {sorted(shown - allowed)}\n{reply.text}"


def test_what_if_figures_come_from_the_engine_run_on_the_changed_facts():
    session = Session(key="k")
    first = "I am 51 with $30,000 after-tax contributions and $10,000 earnings"
    respond(session, first, today=TODAY, now=0.0)
    reply = respond(session, "what if earnings are 15k?", today=TODAY, now=0.0)
    changed = Facts.from_mapping({**session.facts, "after_tax_earnings": 15000})
    allowed = _numbers(calculate(changed, today=TODAY).to_json()) | _numbers(changed.to_dict())
    shown = {Decimal(m.replace(",", "")) for m in MONEY.findall(reply.text)}
    assert shown and shown <= allowed, reply.text
