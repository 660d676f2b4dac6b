"""Questions that were answered with the wrong thing first, or not at all.

A definition ("that is the mega backdoor Roth") ranks after the specific question asked
in the same sentence (bb002); "when and how do I pay taxes on these earnings?" is the
earnings question, not only the forms (fq015); a spouse beneficiary's rollover is the
surviving spouse's question, not a handoff (bb029); Roth 401(k) money put in a Roth IRA
and called an excess contribution is a rollover (bb069, bb071), unless the excess is in
the plan itself, whose return cannot be rolled (bb068).
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

TODAY = date(2026, 12, 6)


def _reply(text: str):
    return respond(Session(key="t"), text, today=TODAY, now=0)


@pytest.mark.parametrize(
    "text",
    [
        # bb002, verbatim
        "How is the reporting done for a mega backdoor Roth? I’ve heard that it’s done as a "
        "conversion, but then wouldn’t the aggregation rule come into play? Thanks!",
        "Which tax forms do I get for my mega backdoor rollovers?",
    ],
)
def test_the_specific_question_comes_before_the_mega_backdoor_definition(text: str) -> None:
    asks = read(text).asks
    assert asks[0] == "tax_forms" and "mega_backdoor" in asks


def test_a_bare_mega_backdoor_question_still_gets_the_definition() -> None:
    assert read("What is a mega backdoor Roth?").asks[:1] == ("mega_backdoor",)


@pytest.mark.parametrize(
    "text",
    [
        # fq015, verbatim
        "And secondly, when and how do I pay taxes on these earnings?",
        "When are the earnings I rolled into my Roth IRA taxed?",
    ],
)
def test_when_the_earnings_are_taxed_is_the_earnings_question(text: str) -> None:
    assert read(text).asks[:1] == ("earnings_taxed_once",)


def test_how_much_tax_on_the_earnings_is_the_cost_not_when() -> None:
    # ba023, verbatim
    assert (
        "earnings_taxed_once"
        not in read("How much taxes will I be paying on the $1k earnings?").asks
    )


def test_the_earnings_answer_says_they_are_roth_money_after() -> None:
    reply = _reply(
        "My first rollover had roughly $13 in earnings/pretax while my second had roughly $5. "
        "And secondly, when and how do I pay taxes on these earnings?"
    ).text
    assert reply.startswith("The earnings are taxed once")
    assert "qualified withdrawals" in reply and "tax-free" in reply


@pytest.mark.parametrize(
    "text",
    [
        # bb029, verbatim
        "Can a spouse beneficiary rollover a spouse’s 401k plan into a inherited IRA or "
        "inherited Roth IRA? There is a ruling and a PLR that seems to clearly say yes, but "
        "the IRS pub seems to say no. Thoughts?",
        "I inherited my husband's 401k. Can I roll his after-tax money to my Roth IRA?",
    ],
)
def test_a_spouse_beneficiary_gets_the_surviving_spouse_answer(text: str) -> None:
    reply = _reply(text)
    assert reply.action is None
    assert reply.text.startswith("Yes: a surviving spouse may roll")


def test_a_spouse_named_as_beneficiary_of_a_living_persons_account_is_not_a_death() -> None:
    assert (
        "surviving_spouse"
        not in read(
            "My wife is the beneficiary of my Roth IRA. Can I move my after-tax 401k money there?"
        ).asks
    )


@pytest.mark.parametrize(
    "text",
    [
        # bb069, verbatim
        "Last year he rolled over his $18,500 Roth 401k to his personal Roth IRA. Does he "
        "now need to take out his excess Roth contribution of $18,500 (plus earnings) from "
        "his Roth IRA since his old Roth 401k is terminated? Thank you!",
        "I moved my Roth 401(k) to my Roth IRA; the custodian says it is an excess "
        "contribution. Is it?",
    ],
)
def test_roth_401k_money_in_a_roth_ira_is_a_rollover_not_an_excess(text: str) -> None:
    reply = _reply(text).text
    assert "Roth 401(k) money that reaches a Roth IRA by direct rollover" in reply
    assert "cannot be an excess contribution" in reply and "within 60 days" in reply
    assert "two direct rollovers" not in reply


def test_an_excess_in_the_plan_itself_is_not_called_a_rollover() -> None:
    # bb068, verbatim (a returned excess deferral is not an eligible rollover distribution)
    text = (
        "If they do the in service transfer to a Roth IRA before getting a return of the "
        "excess contribution, can they ask for a return of the excess contribution from the "
        "Roth IRA even though it is no longer money overcontributed to the Roth 401k?"
    )
    assert "roth_401k_not_excess" not in read(text).asks
