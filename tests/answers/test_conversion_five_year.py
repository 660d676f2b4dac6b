"""The 5-year window on converted money, the question the released batches ask most
("the 5-year rule for Roth conversions", "the Roth conversion ladder"):

- the part taxed at conversion owes the 10% if it is taken out within 5 years of
  January 1 of the conversion's year, unless an exception applies (IRC 408A(d)(3)(F);
  Treas. Reg. 1.408A-6, Q&A-5); each conversion has its own window;
- converted basis never carries it, and withdrawals come out contributions, conversions
  oldest first, earnings last (Treas. Reg. 1.408A-6, Q&A-8);
- the window ends at 59½; then only the earnings wait for the Roth IRA's one clock.

The reply never says "no 10% at any age" about a withdrawal of converted money. Each is
recognised from paraphrases and from the released real questions verbatim
(tests/eval/batch_a.jsonl), and every figure is the year-stamped parameter.
"""

from __future__ import annotations

from datetime import date

import pytest
from answer_findings import first_reply, said_by
from conversation_stories import EVAL, real_question

from bot.money import percent
from knowledge.answers import answer
from knowledge.citations import cite
from knowledge.engine import calculate
from knowledge.facts import Facts
from knowledge.params import param
from nlu.reader import read

TODAY = date(2026, 12, 6)
BATCH_A = EVAL / "batch_a.jsonl"
ANSWERS_MORE = EVAL / "answers_more.jsonl"
SHARED = EVAL.parents[2] / ".." / "shared" / "eval" / "answers.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        "If I convert my traditional IRA to a Roth, do I have to wait 5 years to withdraw it?",
        "How does the Roth conversion ladder work?",
        "Can I take the converted amount out of my Roth IRA before 5 years without a penalty?",
        "Is there a 10% penalty on converted funds I withdraw in the first five years?",
        "I converted $20,000 last year. Will I pay the penalty if I withdraw it at 52?",
    ],
)
def test_a_paraphrase_is_recognised(text: str) -> None:
    assert "conversion_five_year" in read(text).asks


@pytest.mark.parametrize(
    "qid",
    [
        # (ba021, "as long as I am over 59.5", is answered by conversion_after_59 now:
        # tests/answers/test_conversion_after_59.py)
        "ba055",  # wait until 59½ and 5 years, or only the earnings off limits?
        "ba063",  # "What is it about this method that negates the 10% penalty?"
        "ba068",  # a 2021 conversion, 1/1/2026
        "ba069",  # past 59½ with an old Roth IRA: wait 5 years on conversions?
    ],
)
def test_the_real_question_is_answered_first(qid: str) -> None:
    text = real_question(qid, BATCH_A)
    assert read(text).asks[0] == "conversion_five_year"
    reply = first_reply(text)
    assert reply.startswith(
        "Converted money comes back out tax-free, but the part taxed at conversion owes the 10%"
    )
    assert "at any age" not in reply


@pytest.mark.parametrize(
    "text",
    [
        # the Roth IRA's one clock, not a conversion's window (fq031)
        "Does an IRA to Roth IRA conversion start the 5 year clock?",
        # a conversion inside the plan has its own answers (fq026)
        "If I do a conversion into my 401K Roth now, will I have to wait 5 years to take it out?",
        # a 5-year question about contributions, no conversion
        "Do I have to wait 5 years to withdraw my Roth IRA contributions?",
    ],
)
def test_other_five_year_questions_are_not_this_one(text: str) -> None:
    assert "conversion_five_year" not in read(text).asks


def test_the_window_is_the_parameter_from_january_1_of_the_conversion_year() -> None:
    said = said_by("conversion_five_year", {})
    years = param("gov.irs.roth.five_year_periods", 2026)["conversion_recapture"]
    rate = percent(param("gov.irs.early_distribution.additional_tax_rate", 2026))
    window, section = said["recapture.window"]
    assert f"owes the {rate} if taken out within {years} years" in window
    assert f"a 2026 conversion is clear on Jan 1, {2026 + int(years)}" in window
    assert window.startswith("Converted money comes back out tax-free")
    assert "unless you are 59½" in window and "each conversion has its own window" in window
    assert section == "IRC 408A(d)(3)(F); Treas. Reg. 1.408A-6, Q&A-5"
    basis, section = said["recapture.basis_order"]
    assert "basis" in basis and "never carries it" in basis
    assert "Q&A-8" in section


def test_the_window_ends_at_59_and_a_known_age_past_it_is_said() -> None:
    assert "recapture.after_59" in said_by("conversion_five_year", {"age": 45})
    assert "recapture.your_age" not in said_by("conversion_five_year", {"age": 45})
    past = said_by("conversion_five_year", {"age": 62})
    assert "recapture.after_59" not in past
    assert past["recapture.your_age"][0].startswith("At 62 you are past 59½")
    # 59 in whole years could be either side of 59½: the general sentence
    assert "recapture.after_59" in said_by("conversion_five_year", {"age": 59})


def test_its_answer_holds_the_general_no_penalty_and_clock_answers() -> None:
    reply = first_reply(
        "I'm 50. If I convert my 401k to a Roth IRA, is there a 10% penalty if I withdraw the "
        "converted amount within 5 years?"
    )
    assert "No 10% penalty on a direct rollover or conversion at any age" not in reply
    assert "Rolled-in contributions, after-tax or Roth 401(k), come out any time" not in reply
    assert reply.index("Converted money") < reply.index("The window ends at 59½")


# -- no 10% on the conversion itself, as long as nothing is withheld ------------------------


@pytest.mark.parametrize(
    "text",
    [
        # (an in-plan conversion's own answer, with its 5-year recapture, is
        # test_in_plan_conversion_penalty's)
        "Is there a 10% penalty if I convert my traditional IRA to a Roth IRA at 50?",
    ],
)
def test_no_10_on_the_conversion_itself_if_nothing_is_withheld(text: str) -> None:
    assert first_reply(text).startswith(
        "No 10% penalty on a direct rollover or on the conversion itself, in the plan or to a "
        "Roth IRA, at any age, if nothing is withheld from it."
    )


def test_the_conversion_answer_cites_the_statute_and_notice() -> None:
    result = calculate(Facts.from_mapping({"age": 61}), today=TODAY).to_json()
    found = answer("no_penalty_on_rollover", {"age": 61}, result)
    assert [f.id for f in found] == ["penalty.none_on_conversion"]
    assert "Notice 2010-84" in cite(found[0].rule).section
    assert "408A(d)(3)(A)(ii)" in cite(found[0].rule).section


@pytest.mark.parametrize(
    "text",
    [
        # be032 (batch_e), verbatim: "I am now retired and I am 67 years old. In my case, I
        # don't have to wait five years to withdraw money from my account after it's
        # converted, right?"
        real_question("be032", EVAL / "batch_e.jsonl"),
        "I'm 64 and retired. If I convert part of my IRA to a Roth this year, do I have to "
        "wait 5 years before I can withdraw the converted amount?",
        "I am 62. Is there a five-year waiting period on money I convert from my 401k to my "
        "Roth IRA?",
    ],
)
def test_past_59_by_the_stated_age_the_answer_is_that_the_window_does_not_apply(text) -> None:
    reply = first_reply(text)
    first = reply.split("\n\n")[0]
    assert first.startswith("At ")
    assert "you are past 59½, so the 5-year rule for conversions" in first
    assert "does not apply to you" in first
    assert "still taxable income in the year you convert" in first
    # the window itself, which no longer applies, is not said
    assert "a 2026 conversion is clear on" not in reply
