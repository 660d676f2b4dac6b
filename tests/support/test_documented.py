"""What the support tools promise in writing matches what they do: the tables a person
browses are documented column by column, and the README names the way to a person."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot import support_store
from bot.telegram_channel import COMMANDS

README = Path(__file__).resolve().parents[2] / "README.md"


def _documented(table: str) -> set[str]:
    """The ``names`` in the paragraph of ``bot/support_store.py``'s docstring that
    documents ``table`` (it starts with ``table`` —)."""
    doc = support_store.__doc__ or ""
    paragraph = next((p for p in doc.split("\n\n") if p.startswith(f"``{table}`` —")), None)
    assert paragraph is not None, f"no paragraph documents the {table} table"
    return set(re.findall(r"``(\w+)``", paragraph))


@pytest.mark.parametrize("table", ["triage", "tickets", "ticket_events"])
def test_every_column_a_person_can_browse_is_documented(store, table):
    columns = {c.name for c in store.support.db[table].columns}
    assert columns, table
    assert columns - _documented(table) == set()


def test_a_tickets_result_holds_only_documented_keys(assistant, store):
    assistant.handle("u1", "I have 60k after-tax and 15k earnings in my 401k; Roth?")
    assistant.handle("u1", "representative")
    [ticket] = store.support.tickets_of("u1")
    assert ticket.result and set(ticket.result) <= _documented("tickets")


def test_the_readme_names_every_command_of_the_telegram_menu():
    readme = README.read_text(encoding="utf-8")
    menu = re.search(r"`(/start[^`]*)` are\s+in Telegram's command menu", readme)
    assert menu is not None, "the README no longer lists the command menu"
    assert menu.group(1).split() == [f"/{name}" for name, _ in COMMANDS]


def test_the_readme_tells_how_to_reach_a_person():
    section = README.read_text(encoding="utf-8").split("## Support team", 1)[1]
    for words in ("`/human`", "talk to a", "representative", "can someone call me"):
        assert words in section
