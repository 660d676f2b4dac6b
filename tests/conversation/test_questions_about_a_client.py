"""A question back is put about the person the post is about: an adviser or administrator
writing about a client's account is never asked "you" questions (expert grading of
2026-12-07: "follow-ups that say 'you' to an adviser writing about a client").

The reader names that person (``Reading.third_party``: "client", "participant",
"customer", from ``third_party`` of ``nlu/patterns/language.yaml``); the session keeps it,
and ``bot.questions.question_for`` words the question about them (``about_other`` in
``bot/messages/questions.yaml``).
"""

from __future__ import annotations

from datetime import date

from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.questions import question_for, questions
from bot.session import Session
from nlu.reader import read

TODAY = date(2026, 12, 6)
BATCH_B = EVAL / "batch_b.jsonl"


def _question_back(reply: str) -> str:
    return [p for p in reply.split("\n\n") if p.endswith("?")][-1]


def test_real_adviser_post_is_asked_about_the_client() -> None:
    # bb041 (https://irahelp.com/forum-post/13411-roth-conversion-after-tax-pre-tax-401k):
    # "I have a client with about $750,000 in his 401(k) ..."
    text = real_question("bb041", BATCH_B)
    assert read(text).third_party == "client"
    question = _question_back(respond(Session(key="t"), text, today=TODAY, now=0).text)
    assert "the client's" in question
    assert " your " not in f" {question} " and "you" not in question.lower().split()


def test_paraphrase_client_post_gets_no_you_question() -> None:
    session = Session(key="t")
    reply = respond(
        session,
        "My client has $60,000 of after-tax money in her 401(k) and is still working. "
        "Can she move it to a Roth IRA?",
        today=TODAY,
        now=0,
    ).text
    question = _question_back(reply)
    assert "the client" in question
    assert "your" not in question.lower()
    assert session.third_party == "client"


def test_own_question_is_still_asked_about_you() -> None:
    reply = respond(
        Session(key="t"),
        "I have $60,000 of after-tax money in my 401(k) and still work there. "
        "Can I move it to a Roth IRA?",
        today=TODAY,
        now=0,
    ).text
    assert "your" in _question_back(reply).lower()


def test_the_person_is_kept_across_turns() -> None:
    stored = Session(key="t", third_party="participant")
    again = Session.from_json("t", stored.to_json())
    assert again.third_party == "participant"


def test_every_wording_about_another_names_them() -> None:
    about_other = [key for key, question in questions().items() if question.about_other]
    assert len(about_other) >= 17
    for key in about_other:
        ask = question_for(key, "client").ask
        assert "the client" in ask, key
        assert " you" not in f" {ask.lower()}", key
