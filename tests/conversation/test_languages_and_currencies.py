"""Questions in another language or currency get an honest, short reply and change nothing.

rothbot reads English and knows US plans in US dollars. A message it cannot read is
told so (with what rothbot does) instead of being misread as numbers it could not use;
an amount in euros or pounds is never taken as dollars.
"""

from __future__ import annotations

import json

import pytest
from conversation_stories import SHARED, TODAY

from bot.conversation import respond
from bot.session import Session

ENGLISH_ONLY = "English only"

OTHER_LANGUAGES = {
    "german": "Ich habe 40.000 Euro nach Steuern in meinem 401k. Kann ich das in einen Roth?",
    "spanish": "Tengo 40.000 dólares después de impuestos en mi 401k. ¿Puedo pasarlos a un Roth?",
    "french": "J'ai 30 000 dollars après impôts dans mon 401k, est-ce que je peux les convertir?",
    "chinese": "我有四万美元的税后401k，可以转到Roth IRA吗？",
    "arabic": "لدي 40000 دولار بعد الضرائب في 401k، هل يمكنني تحويلها إلى Roth؟",
    "russian": "У меня 40 000 долларов после налогов в 401k. Можно перевести их в Roth IRA?",
}

ENGLISH_WITH_SOMETHING_FOREIGN = [
    "Danke! I am 51 with $30,000 after-tax contributions and $10,000 earnings.",
    "I am 51 🙂 and have $30,000 of after-tax contributions in my 401k 🚀",
    "My plan is with T. Rowe Price; can I move the after-tax money to a Roth IRA, por favor?",
    "Married filing jointly",
]


def _turn(text: str, session: Session | None = None) -> tuple[str, Session]:
    session = session or Session(key="k")
    return respond(session, text, today=TODAY, now=0.0).text, session


@pytest.mark.parametrize("text", OTHER_LANGUAGES.values(), ids=OTHER_LANGUAGES.keys())
def test_another_language_gets_english_only_and_what_rothbot_does(text):
    session = Session(key="k")
    _turn("I am 51", session)
    reply, session = _turn(text, session)
    assert ENGLISH_ONLY in reply and "401(k)" in reply and "US dollars" in reply
    assert "could not use" not in reply
    assert session.facts == {"age": 51}


def test_the_german_question_in_euros_also_says_euros_are_outside_scope():
    reply, _ = _turn("Ich habe 40.000 Euro nach Steuern")
    assert ENGLISH_ONLY in reply and "euros are outside what I cover" in reply
    assert '"40.000"' not in reply


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("I have €40,000 after tax in my 401k", "euros"),
        ("I have 40,000 euros of after-tax contributions", "euros"),
        ("My after-tax subaccount holds £25,000", "pounds"),
        ("I have 30k GBP after-tax", "pounds"),
    ],
)
def test_an_amount_in_another_currency_is_outside_scope_and_not_taken(text, currency):
    reply, session = _turn(text)
    assert f"Amounts in {currency} are outside what I cover" in reply
    assert "US dollars" in reply and ENGLISH_ONLY not in reply
    assert session.facts == {}


@pytest.mark.parametrize("text", ENGLISH_WITH_SOMETHING_FOREIGN)
def test_english_with_a_foreign_word_or_emoji_is_still_read(text):
    reply, session = _turn(text)
    assert ENGLISH_ONLY not in reply and "outside what I cover" not in reply
    assert session.facts or "Roth" in reply


def test_no_question_of_the_dev_set_is_taken_for_another_language():
    path = SHARED / "eval" / "dev.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval/dev.jsonl is not available")
    lines = path.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    assert texts
    for text in texts:
        reply, _ = _turn(text)
        assert ENGLISH_ONLY not in reply, text[:80]
