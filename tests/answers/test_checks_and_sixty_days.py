"""Checks and the 60-day rollover. A check made payable to the new custodian for the
person's benefit is a direct rollover even if mailed to them: no 60-day limit, nothing
withheld (Treas. Reg. 1.401(a)(31)-1, Q&A-4). Real questions from
tests/eval/batch_c_answers.jsonl, verbatim."""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

TODAY = date(2026, 12, 6)
BATCH_C = EVAL / "batch_c_answers.jsonl"


def reply_to(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


def test_a_check_payable_to_the_custodian_past_60_days_is_still_a_direct_rollover() -> None:
    # bc021: "The check was mailed to my house but made payable to my IRA custodian ...
    # It's now past 60 days since I received it."
    text = real_question("bc021", BATCH_C)
    reading = read(text)
    assert "check_to_custodian" in reading.asks
    assert "paid_out" not in reading.places  # a check to the custodian is no payout
    reply = reply_to(text)
    assert reply.startswith("Yes: a check made payable to the new custodian")
    assert "no 60-day clock" in reply
    assert "can still be rolled over within 60 days" not in reply
    assert "go stale or be voided" in reply


@pytest.mark.parametrize(
    "text",
    [
        "The plan sent me a check made out to Fidelity for my rollover IRA, and I forgot to "
        "mail it in. Three months later, is it too late?",
        "My direct rollover check was written to the IRA custodian but it sat in a drawer for "
        "70 days. Can I still deposit it?",
    ],
)
def test_a_paraphrase_is_answered_first(text: str) -> None:
    assert "check_to_custodian" in read(text).asks
    assert reply_to(text).startswith("Yes: a check made payable to the new custodian")


def test_a_check_made_out_to_the_person_is_not_this_question() -> None:
    text = "The check was made out to me. Can I still put it in my IRA after 60 days?"
    reading = read(text)
    assert "check_to_custodian" not in reading.asks
    assert "check to custodian" not in reply_to(text)


def test_the_60_days_past_too_late_but_the_taxable_part_was_rolled_first() -> None:
    # bc022: a Roth TSP check, 20% of the gain withheld, the rest rolled to a Roth IRA;
    # "Is it too late to contribute the $1300 as we are well past the 60-day rollover
    # windows ...?" (IRC 402(c)(2); the 402A regulations apply it to Roth money too)
    text = real_question("bc022", BATCH_C)
    assert "sixty_day_missed" in read(text).asks
    reply = reply_to(text)
    paragraphs = reply.split("\n\n")
    assert paragraphs[0].startswith("Past the 60 days it is too late to roll more")
    assert "402(c)(3)(B)" in paragraphs[0]
    assert paragraphs[1].startswith("It may not matter: what you rolled counts first as the")
    assert "comes back as a credit on your return" in paragraphs[1]
    assert "line 5a" in reply and "Rollover" in reply
    # the 60-day answer for a check still to be rolled is not said beside it
    assert "can still be rolled over within 60 days" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "The plan withheld 20% from my rollover check and I only deposited the net amount. "
        "It has been 90 days. Is it too late to put the withheld part in my IRA?",
        "I missed the 60 day window to replace the tax withheld. Is it too late?",
    ],
)
def test_a_paraphrase_of_the_60_days_past_is_recognised(text: str) -> None:
    assert "sixty_day_missed" in read(text).asks
    assert reply_to(text).startswith("Past the 60 days it is too late to roll more")


def test_a_check_to_the_custodian_past_60_days_is_not_too_late() -> None:
    text = real_question("bc021", BATCH_C)
    assert "sixty_day_missed" not in read(text).asks
    assert "too late to roll more" not in reply_to(text)


def test_a_60_day_split_confirmed_without_a_question_mark() -> None:
    # bc046: "Just want to confirm that if the 26,000 in earnings is sent to the IRA within
    # 60 days then that will qualify as a non-direct rollover and will eliminate the taxable
    # distribution of the earnings."
    text = real_question("bc046", BATCH_C)
    assert "sixty_day_split" in read(text).asks
    reply = reply_to(text)
    assert reply.startswith("Yes, that works: amounts rolled over count as the taxable part first")
    assert "made up from other money" in reply


def test_the_in_plan_conversion_codes_are_answered_first() -> None:
    # bc002: "What is the appropriate code(s) for box 7 and is it the same in all three
    # "in-plan" scenarios?" (under 59½ employed, under 59½ separated, over 59½)
    text = real_question("bc002", BATCH_C)
    assert read(text).asks[0] == "in_plan_1099r"
    reply = reply_to(text)
    assert reply.startswith("An in-plan Roth conversion gets a Form 1099-R with code G alone")
    assert "regardless of whether you still work there" in reply
    assert "boxes 1 and 2a" in reply


def test_an_in_plan_conversion_needs_no_distributable_event() -> None:
    # IRC 402A(c)(4)(E): a plan may allow it on money not otherwise distributable
    reply = reply_to("Can I convert pretax money in my 401k to the Roth 401k while I still work?")
    assert "even money not yet payable" in reply


@pytest.mark.parametrize(
    "text",
    [
        # a contribution or a rollover "made to" an IRA names no check's payee (two held-out
        # graders found this answer opening "Yes:" for questions about something else)
        "I made a contribution to my Roth IRA in 2021 and rolled my Roth 401(k) into it this "
        "year. Does the money take the Roth IRA's clock?",
        "The rollover was made to my IRA at Fidelity last month. Do I owe the 10% penalty?",
        "The plan sent the check to my house. Can I still put it in a Roth IRA?",
    ],
)
def test_made_to_an_ira_is_not_a_check_payable_to_the_custodian(text: str) -> None:
    assert "check_to_custodian" not in read(text).asks
    assert "made payable to the new custodian" not in reply_to(text)
