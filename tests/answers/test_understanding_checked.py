"""An understanding stated to be checked is what is asked when the text asks nothing of the
catalogue in so many words (``understanding`` of nlu/patterns/questions.yaml;
``nlu.asks.recognise``): "From what I can tell, though, whatever we put in the after tax
401k, we can put the contributions directly into a Roth IRA if/when he leaves the company,
and any interest earnings can be rolled into the regular IRA ..." then only "can you
correct any misconceptions that I have?" (fq036, answers_more) was refused outright ("I
can't give a cited answer to your question yet"). Beside a question of its own, such a
sentence stays the question's context.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

HONEST = "can't give a cited answer"


def test_the_real_post_is_answered_not_refused() -> None:
    # https://forum.mrmoneymustache.com/ask-a-mustachian/is-anyone-contributing-to-an-after-tax-401k/msg808366/
    text = real_question("fq036", EVAL / "answers_more.jsonl")
    assert read(text).asked[:1] == ("move_to_roth",)
    reply = first_reply(text)
    assert HONEST not in reply
    assert reply.startswith("If your plan accounts for the after-tax money separately")


@pytest.mark.parametrize(
    ("text", "ask", "opens"),
    [
        (
            "From what I have read, a rollover from my 401k to a Roth IRA does not count "
            "against the annual IRA contribution limit. I plan to do it next month with "
            "Fidelity. If you know this area well, can you point out anything I have wrong?",
            "rollover_not_ira_limit",
            "A rollover is not a contribution, so it does not count against the IRA limit",
        ),
        (
            "My understanding is that if I retire in the year I turn 55, I can take money out "
            "of my 401(k) without the 10% penalty. I am 54 now and my employer is Boeing. "
            "Would appreciate if someone could confirm.",
            "rule_of_55",
            "The rule of 55 is a tax rule, not a plan feature",
        ),
        (
            "As I understand it, each Roth conversion has its own 5-year clock for the "
            "penalty. We converted $20,000 in 2023. Could somebody with experience weigh in?",
            "conversion_five_year",
            "Converted money comes back out tax-free, but the part taxed at conversion",
        ),
    ],
)
def test_a_paraphrase_whose_question_points_nowhere_is_answered(text, ask, opens) -> None:
    assert ask in read(text).asked
    reply = first_reply(text)
    assert opens in reply.split("\n\n")[0]
    assert HONEST not in reply


def test_beside_a_question_of_its_own_the_understanding_stays_context() -> None:
    reading = read(
        "My understanding is that a rollover does not count against the IRA contribution "
        "limit. Can I roll my after-tax 401k money to a Roth IRA?"
    )
    assert reading.asked == ("move_to_roth",)
    assert "rollover_not_ira_limit" not in reading.asked


def test_an_understanding_of_nothing_in_the_subject_asks_nothing() -> None:
    assert read("I gather the weather is nice in Florida. Thanks for any help!").asks == ()
