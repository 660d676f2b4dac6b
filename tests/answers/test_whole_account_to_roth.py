"""After-tax money in a plan the person has left, asked "can the after-tax contributions go to
a Roth IRA when the whole 401(k) is rolled over?": yes - one distribution of the whole
account, split by direct rollover, sends the contributions to a Roth IRA and the rest to a
traditional IRA, with no tax and no 10% (IRS Notice 2014-54). "after-tax" names money, not a
question about tax: it does not make the all-to-Roth tax question. Real question fq003
(../shared/eval/answers.jsonl), verbatim, and a paraphrase."""

from __future__ import annotations

from datetime import date

import pytest
from answer_findings import unnumbered
from conversation_stories import SHARED, real_question

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

TODAY = date(2026, 12, 6)
ANSWERS = SHARED / "eval" / "answers.jsonl"
SEND = (
    "The clean route is one distribution of the whole account, split by direct rollover: you "
    "can send the after-tax contributions to a Roth IRA and the pretax money and earnings to a "
    "traditional IRA"
)


def reply_to(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


@pytest.mark.parametrize(
    "text",
    [
        "fq003",
        "Is it possible to have my after-tax contributions allocated to a Roth IRA when I roll "
        "over my entire 401k? I left the company last year.",
    ],
)
def test_the_route_answers_whether_it_is_possible(text: str) -> None:
    if text == "fq003":
        if not ANSWERS.exists():
            pytest.skip("../shared/eval/answers.jsonl is not available")
        text = real_question("fq003", ANSWERS)
    asks = read(text).asks
    assert asks[0] == "move_to_roth"
    assert "all_to_roth_tax" not in asks  # ("after-tax" is not "tax")
    reply = unnumbered(reply_to(text))
    # (a question of what is possible gets the catalogue's verdict first)
    assert reply.startswith((SEND, "Yes: " + SEND[:1].lower() + SEND[1:]))
    assert "with no tax and no 10% penalty (IRS Notice 2014-54)" in reply


@pytest.mark.parametrize(
    "text",
    [
        "Can I move all of it to a Roth and what is the tax?",
        "If I roll everything to the Roth, do I owe tax?",
    ],
)
def test_tax_asked_in_so_many_words_is_still_the_tax_question(text: str) -> None:
    assert read(text).asks[0] == "all_to_roth_tax"


@pytest.mark.parametrize(
    "text",
    [
        "fq007",
        "My old 401k holds $20k after-tax and $80k pretax. I plan to roll the after-tax part "
        "into my new employer's plan first. Is there a simpler way to avoid the pro-rata "
        "problem?",
    ],
)
def test_a_workaround_to_avoid_the_plans_pro_rata_gets_the_split(text: str) -> None:
    if text == "fq007":
        if not ANSWERS.exists():
            pytest.skip("../shared/eval/answers.jsonl is not available")
        text = real_question("fq007", ANSWERS)
    assert "move_to_roth" in read(text).asks
    assert "IRS Notice 2014-54" in reply_to(text)


def test_avoiding_the_ira_pro_rata_is_not_the_plans_question() -> None:
    text = "I do backdoor Roths. Is it possible to avoid the pro-rata rule with my IRA?"
    assert "move_to_roth" not in read(text).asks
