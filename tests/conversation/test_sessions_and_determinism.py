"""Two sessions never mix, a restart loses nothing, and replies are reproducible."""

from __future__ import annotations

from conversation_stories import TODAY, Step, run_story

from bot.service import Assistant
from bot.store import Store

CONVERSATION = [
    "I am 51 and have $40,000 after-tax in my 401k: $30,000 contributions, $10,000 earnings.",
    "yes",
    "not sure",
    "what if all of it goes to the Roth IRA?",
    "actually I'm 52",
    "facts",
    "why",
]


def test_two_sessions_never_see_each_others_facts(assistant):
    assistant.handle("alice", "I am 51 and my 401k is with Fidelity")
    assistant.handle("bob", "I am 60")
    alice = assistant.handle("alice", "facts")
    bob = assistant.handle("bob", "facts")
    assert "51" in alice.text and "Fidelity" in alice.text
    assert "60" not in alice.text
    assert "60" in bob.text
    assert "51" not in bob.text and "Fidelity" not in bob.text
    assert alice.facts.get("age") == 51 and bob.facts.get("age") == 60


def test_a_restart_loses_nothing(tmp_path):
    path = tmp_path / "rothbot.db"
    first = Store(path)
    before = Assistant(first, today=lambda: TODAY)
    asked = before.handle("k", CONVERSATION[0])
    saved = first.load("k")
    first.close()

    second = Store(path)
    after = second.load("k")
    assert after.facts == saved.facts
    assert after.evidence == saved.evidence
    assert after.pending == saved.pending and after.pending is not None
    assert after.asked == saved.asked
    assert [t.text for t in after.history] == [t.text for t in saved.history]
    # The pending question still frames the next answer after the restart.
    assert asked.choices
    reply = Assistant(second, today=lambda: TODAY).handle("k", asked.choices[0].data)
    assert "did not find" not in reply.text.lower()
    second.close()


def test_the_same_conversation_gives_the_same_replies(tmp_path):
    def play(folder) -> list[tuple]:
        store = Store(folder / "rothbot.db")
        assistant = Assistant(store, today=lambda: TODAY)
        out = [
            (r.text, r.choices, r.facts)
            for r in (assistant.handle("k", text) for text in CONVERSATION)
        ]
        store.close()
        return out

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert play(tmp_path / "a") == play(tmp_path / "b")


def test_every_reply_carries_the_facts_now_held(assistant):
    replies = run_story(assistant, [Step("I am 51"), Step("hello there"), Step("help")])
    assert all(r.facts.get("age") == 51 for r in replies)
