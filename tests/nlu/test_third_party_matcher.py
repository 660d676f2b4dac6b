"""Whom a post about someone else's account is about (``Reading.third_party``), read with a
spaCy ``Matcher`` over the token patterns of ``third_party`` in ``nlu/patterns/language.yaml``
(a regex before 2026-12-07; the same reading on all 580 released and written texts).
Real texts verbatim, with their source, and paraphrases."""

import pytest

from nlu.reader import read


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # real text, verbatim: batch_e be039 (irahelp.com forum-post 11911)
        (
            "A client separated from service and had a retirement plan with his former employer "
            "with only after tax contributions and earnings.",
            "client",
        ),
        # paraphrases
        ("One of my clients has $80k after-tax in her 401(k).", "client"),
        ("My new\nclient is 62 and retired.", "client"),
        ("The participant's plan allows in-service distributions.", "participant"),
        ("Our elderly customers often ask about the Roth IRA.", "customer"),
        ("I have a client-side question: my participant wants to convert.", "client"),
    ],
)
def test_the_person_asked_about_is_named(text: str, person: str) -> None:
    assert read(text).third_party == person


@pytest.mark.parametrize(
    "text",
    [
        "I have $40k after-tax in my 401k. Can I roll it to a Roth IRA?",
        "Client made the following transactions in 2019.",  # no determiner: no one named
        "Participants may roll after-tax money to a Roth IRA.",
    ],
)
def test_no_one_else_is_named(text: str) -> None:
    assert read(text).third_party == ""
