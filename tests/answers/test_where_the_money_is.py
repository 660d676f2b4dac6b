"""Where the money is now decides which answers apply.

Money already rolled into a traditional IRA is IRA basis: Notice 2014-54 no longer
reaches it, and "ask the plan for one distribution..." would send the person to a plan
that no longer holds it (the expert's zeros on bb034 and bb048). Money already paid out
by check has the 60-day rollover left, and whether the plan accounts for it separately no
longer matters. The reader says so in ``Reading.places``; the catalogue marks the
questions that are moot there (``not_for``) and asks the place's own question instead.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.answers import catalogue
from nlu.asks import place_instead
from nlu.reader import read

BATCH_B = EVAL / "batch_b.jsonl"
PLAN_TEMPLATE = "ask the plan for one distribution"
SEPARATE_QUESTION = "account for the after-tax money separately"


def _first_reply(text: str) -> str:
    return respond(Session(key="t"), text, today=date(2026, 12, 6), now=0).text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # bb034, verbatim
        (
            "A person had a 401 K that consisted of both pre tax and post tax funds. On "
            "separation the total amount was rolled to an IRA and this was done before Roth "
            "plans even existed.",
            "in_ira",
        ),
        # bb048, verbatim
        ("Traditional IRA funded with after-tax contributions", "in_ira"),
        # bb045, verbatim
        (
            "I have a client who has been making non-deductible contributions to an IRA every "
            "year and then converting those contributions to a Roth IRA.",
            "in_ira",
        ),
        ("I rolled my after-tax contributions into a traditional IRA in 2005.", "in_ira"),
        # bb064, verbatim
        ("Client received an after tax distribution of ($86,400) last week.", "paid_out"),
        ("The check has already been cut to me.", "paid_out"),
    ],
)
def test_text_that_says_the_money_left_the_plan_gives_its_place(text: str, place: str) -> None:
    assert read(text).places == (place,)


@pytest.mark.parametrize(
    "text",
    [
        # a wish, not a past rollover
        "I'd like the pretax moved to a traditional IRA and the after-tax to a Roth IRA.",
        # a past rollover of other money, beside after-tax money still in a plan
        "I rolled my old 401k to a rollover IRA last year. My new plan allows after-tax "
        "contributions: how do I do a mega backdoor?",
        # a backdoor beside an after-tax 401(k): the plan money is the question
        "I do a backdoor Roth with a nondeductible IRA and also have after-tax 401k money.",
        "Can I get a check for the after-tax part?",
    ],
)
def test_money_still_in_the_plan_has_no_place(text: str) -> None:
    assert read(text).places == ()


def test_every_place_names_a_question_that_applies_there() -> None:
    places = place_instead()
    for question in catalogue().values():
        assert set(question.not_for) <= set(places), question.id
    for place, instead in places.items():
        assert place not in catalogue()[instead].not_for, place


def test_money_in_an_ira_gets_the_ira_answer_not_the_plan_template() -> None:
    reply = _first_reply(real_question("bb034", BATCH_B))
    assert "Notice 2014-54 no longer applies" in reply
    assert "Form 8606" in reply
    assert PLAN_TEMPLATE not in reply
    assert SEPARATE_QUESTION not in reply


def test_an_ira_conversion_before_a_401k_rollover_is_told_the_december_31_rule() -> None:
    reply = _first_reply(real_question("bb048", BATCH_B))
    assert "December 31" in reply
    assert "nothing to wait for" not in reply
    assert PLAN_TEMPLATE not in reply


def test_a_distribution_already_paid_gets_the_60_day_rule_and_no_plan_question() -> None:
    reply = _first_reply(real_question("bb064", BATCH_B))
    assert "within 60 days" in reply
    assert "pretax first" in reply
    assert SEPARATE_QUESTION not in reply


def test_a_form_that_shows_a_distribution_is_not_a_check_paid() -> None:
    # fq056, verbatim: the 1099-R reports the rollover; nothing was paid to the person
    text = (
        "My 1099-R subsequently received showed a total distribution in Box 2b, but Box 5, "
        "regarding Employee Contributions, did not show my after tax pre-1987 assets."
    )
    assert "paid_out" not in read(text).places
    assert read("I received a check for the total distribution last week.").places == ("paid_out",)


@pytest.mark.parametrize(
    "text",
    [
        # fq056, verbatim
        "Upon my retirement in March 2014, I promptly rolled over my entire 401(k) assets at "
        "one major investment manager into a single Rollover IRA at another major investment "
        "manager. I was not aware that my 401(k) account also included after tax pre-1987 "
        "assets until after my Rollover IRA had been completed.",
        "We quickly rolled the whole 401k, after-tax money and all, into a rollover IRA.",
    ],
)
def test_a_whole_plan_already_rolled_to_an_ira_is_in_the_ira(text: str) -> None:
    assert read(text).places == ("in_ira",)


def test_the_question_asked_is_answered_before_the_places_general_sentence() -> None:
    # bb066: asked whether the after-tax money goes in tax-free and whether an 8606 is
    # needed; "once after-tax money is in a traditional IRA..." only backs that up
    reply = _first_reply(real_question("bb066", BATCH_B))
    first = reply.split("\n\n")[0]
    assert "pro-rata" in first and "Once after-tax money is in a traditional IRA" not in first
    assert PLAN_TEMPLATE not in reply


def test_with_only_moot_questions_the_places_question_is_answered() -> None:
    reply = _first_reply(
        "I rolled my after-tax contributions into a traditional IRA in 2005. "
        "Can I move the after-tax money to a Roth IRA?"
    )
    assert reply.startswith("Once after-tax money is in a traditional IRA")
