"""Six recurring questions an expert found with no direct answer (grading of 2026-12-06):

- tax withheld from a conversion is not converted: a taxable distribution and, before 59½
  with no exception, 10% more; decline it and pay from other money;
- in a year a required distribution is due it comes out first, and it can be neither rolled
  over nor converted;
- a non-spouse beneficiary moves an inherited plan to an inherited Roth IRA only by a
  direct transfer: no 60-day rollover;
- a Roth 401(k) rolled to a Roth IRA before 59½ or 5 years: untaxed, the contributions
  become Roth IRA contributions, the Roth IRA's own clock governs;
- in service, the 59½ bar reaches only elective deferrals; after-tax and rolled-in money
  is the plan's choice, and after-tax money leaves with its earnings;
- the 402(g) deferral limit is one for pretax and Roth together, across plans; after-tax
  money counts only toward 415(c).

Each is recognised from general paraphrases and, where a released real question asks it,
from that question verbatim (tests/eval/batch_b.jsonl, tests/eval/answers_more.jsonl); each
answer's key sentence is checked with the primary source its rule cites, and every figure
with the year-stamped parameter it comes from.
"""

from __future__ import annotations

from datetime import date

import pytest
from answer_findings import said_by, unnumbered
from conversation_stories import EVAL, real_question

from bot.answers import compose
from bot.conversation import respond
from bot.money import money, percent
from bot.session import Session
from knowledge.answers import catalogue
from knowledge.engine import calculate
from knowledge.facts import Facts
from knowledge.params import all_parameters, param
from nlu.reader import read

TODAY = date(2026, 12, 6)
BATCH_B = EVAL / "batch_b.jsonl"
ANSWERS_MORE = EVAL / "answers_more.jsonl"


def _reply(text: str):
    return respond(Session(key="t"), text, today=TODAY, now=0)


def _result(facts: dict) -> dict:
    return calculate(Facts.from_mapping(facts), today=TODAY).to_json()


# -- recognised from general phrasings and from the real questions ---------------------------


@pytest.mark.parametrize(
    ("text", "question_id"),
    [
        ("Should I have taxes withheld from my Roth conversion?", "conversion_withholding"),
        (
            "Can the custodian withhold the tax when I convert my IRA to a Roth?",
            "conversion_withholding",
        ),
        (
            "Can I pay the taxes out of the IRA when I convert it to a Roth?",
            "conversion_withholding",
        ),
        (
            "I'm converting $50k to a Roth IRA. Is it better to use part of it to pay the taxes?",
            "conversion_withholding",
        ),
        ("I am 74. Can I convert my IRA to a Roth before taking this year's RMD?", "rmd_first"),
        ("Can I roll over my RMD into a Roth IRA?", "rmd_first"),
        ("Do I have to take my required minimum distribution before I convert?", "rmd_first"),
        ("Can I roll my inherited 401k into an inherited Roth IRA?", "inherited_to_roth"),
        (
            "My father passed away and left me his 401(k). Can I move it to a Roth IRA?",
            "inherited_to_roth",
        ),
        (
            "As a non-spouse beneficiary, can I convert the inherited 403(b) to a Roth?",
            "inherited_to_roth",
        ),
        (
            "I am 45. If I roll my Roth 401k to a Roth IRA before 59 1/2, what happens to my "
            "contributions?",
            "roth_401k_early_rollover",
        ),
        (
            "My Roth 401(k) is only 3 years old. If I roll it to a Roth IRA, is the distribution "
            "nonqualified?",
            "roth_401k_early_rollover",
        ),
        (
            "I am still working and under 59 1/2. Can I take the after-tax money out of my 401k?",
            "in_service_sources",
        ),
        (
            "While still employed, which sources of my 401(k) can I withdraw?",
            "in_service_sources",
        ),
        (
            "Can I withdraw my rollover money from the 401k before 59½?",
            "in_service_sources",
        ),
        (
            "Can I contribute the max to my Roth 401k and also the max to my traditional 401k?",
            "deferral_limit_shared",
        ),
        (
            "Is the limit separate for Roth 401k and pre-tax contributions, or combined?",
            "deferral_limit_shared",
        ),
        (
            "I have two 401k plans at two jobs. Can I put in the maximum at each?",
            "deferral_limit_shared",
        ),
    ],
)
def test_a_paraphrase_is_recognised(text: str, question_id: str) -> None:
    assert question_id in read(text).asks


@pytest.mark.parametrize(
    ("qid", "source", "question_id"),
    [
        ("bb025", BATCH_B, "conversion_withholding"),  # $1,600 withheld from a 403(b) rollover
        ("bb065", BATCH_B, "conversion_withholding"),  # "pay the taxes with funds other than"
        ("fq077", ANSWERS_MORE, "rmd_first"),  # the RMD year and a rollover, at 74
        ("bb087", BATCH_B, "roth_401k_early_rollover"),  # retiring before the plan's 5 years
        ("bb053", BATCH_B, "roth_401k_early_rollover"),
        # collected with expert rubrics (tests/eval/answers_more.jsonl, ab01-ab06)
        ("ab01", ANSWERS_MORE, "conversion_withholding"),  # "have my custodian withhold"
        ("ab02", ANSWERS_MORE, "inherited_to_roth"),  # "a non-spousal beneficiary of a 401k"
        ("ab03", ANSWERS_MORE, "inherited_to_roth"),  # "inherited ... as a non-spouse"
        ("ab04", ANSWERS_MORE, "in_service_sources"),  # after-tax out in service under 59.5
        ("ab05", ANSWERS_MORE, "deferral_limit_shared"),  # two unrelated employers
        ("ab06", ANSWERS_MORE, "deferral_limit_shared"),  # "the maximium to each plan"
    ],
)
def test_a_real_question_is_recognised_verbatim(qid: str, source, question_id: str) -> None:
    assert question_id in read(real_question(qid, source)).asks, qid


@pytest.mark.parametrize(
    ("text", "not_this"),
    [
        # context, not the question: "so that I don't have to worry about RMD" (fq002)
        (
            "My goal is to convert as much as possible so I don't have to worry about RMD.",
            "rmd_first",
        ),
        # "beating this topic to death" is nobody's death (fq086)
        (
            "I know I'm beating this topic to death. Can I roll the post-tax money directly into "
            "a Roth?",
            "inherited_to_roth",
        ),
        # a spouse rolls it as their own: surviving_spouse, not the non-spouse rule
        ("My husband died. Can I roll his 401k into my Roth IRA?", "inherited_to_roth"),
        # ... and a "non-spousal" beneficiary is not a spouse (ab02)
        (
            "Can a non-spousal beneficiary of a 401k roll funds into a Roth IRA? The mother died.",
            "surviving_spouse",
        ),
        # "an aggregate maximum contribution" asks a limit, not the IRA aggregation rule (ab06)
        (
            "Does the IRS have an aggregate maximum contribution to 401(k) plans in a year?",
            "plan_vs_ira_aggregation",
        ),
        # an employer's money is not the other kind of deferral (ba001)
        (
            "Do I contribute X to hit $56k (both employer + employee) and then do the Roth "
            "conversion every paycheck?",
            "deferral_limit_shared",
        ),
        # paying tax on later withdrawals is not paying a conversion's tax from it (ba003)
        (
            "I would leave the IRA until I withdraw funds and would have to pay the tax pro-rated.",
            "conversion_withholding",
        ),
    ],
)
def test_a_look_alike_is_not_recognised(text: str, not_this: str) -> None:
    assert not_this not in read(text).asks


def test_roth_and_traditional_401k_money_beside_limit_taxes_is_no_limit_question() -> None:
    # ba080: "some Roth 401k ... also some Traditional 401k in it too ... to limit taxes"
    assert "deferral_limit_shared" not in read(real_question("ba080", EVAL / "batch_a.jsonl")).asks


# -- the replies: the question asked is answered first ---------------------------------------


def test_withholding_on_a_conversion_is_answered_first_for_the_real_question() -> None:
    reply = _reply(real_question("bb025", BATCH_B))
    first = unnumbered(reply.text.split("\n\n")[0])
    assert first.startswith("Tax withheld from a conversion never reaches the Roth")
    assert "additional tax" in first


def test_an_inherited_plan_to_a_roth_ira_is_answered_not_handed_off() -> None:
    reply = _reply("My father passed away and left me his 401(k). Can I move it to a Roth IRA?")
    assert reply.action is None
    assert "direct (trustee-to-trustee) rollover to an inherited Roth IRA" in reply.text
    assert "no 60-day rollover" in reply.text


def test_what_goes_to_an_inherited_traditional_ira_is_never_converted() -> None:
    reply = _reply(real_question("ab03", ANSWERS_MORE))
    assert reply.action is None
    assert "never be converted later" in reply.text


def test_other_inherited_questions_still_go_to_a_person_with_the_safety_line() -> None:
    reply = _reply("I inherited my aunt's 401(k). How do the beneficiary RMD rules work for me?")
    assert reply.action == "handoff"
    assert "cannot do a 60-day rollover" in reply.text


def test_the_rmd_year_answer_comes_before_the_split_template() -> None:
    reply = _reply("I am 74. Can I convert my IRA to a Roth before taking this year's RMD?")
    assert reply.text.startswith("In a year a required distribution is due")


def test_the_deferral_answer_holds_the_general_room_and_ira_blocks() -> None:
    reply = _reply(
        "Can I contribute the max to my Roth 401k and also the max to my traditional 401k on top?"
    )
    assert reply.text.startswith("You can contribute to each plan, but the $")
    assert "traditional IRA contribution" not in reply.text  # the IRA block a topic word pulled
    assert "fit under the" not in reply.text  # after_tax_room, said by deferral.after_tax_apart


# -- each answer's key sentence and its source -------------------------------------------------


@pytest.mark.parametrize(
    ("question_id", "finding", "key", "source"),
    [
        (
            "conversion_withholding",
            "convert_withholding.not_converted",
            "never reaches the Roth",
            "72(t)(1)",
        ),
        # the withheld amount made up from other money within 60 days is converted too, so the
        # 10% is not owed on it (an expert's correction: a poster who did so was told it was)
        (
            "conversion_withholding",
            "convert_withholding.not_converted",
            "same amount into the Roth from other money within 60 days",
            "408(d)(3)(A)",
        ),
        ("conversion_withholding", "convert_withholding.who_withholds", "Form W-4R", "3405(b)"),
        (
            "rmd_first",
            "rmd_first.comes_out_first",
            "neither rolled over nor converted",
            "1.402(c)-2, Q&A-7",
        ),
        ("rmd_first", "rmd_first.comes_out_first", "first dollars out", "1.408A-4, Q&A-6"),
        ("inherited_to_roth", "inherited.direct_only", "no 60-day rollover", "402(c)(11)"),
        (
            "inherited_to_roth",
            "inherited.direct_only",
            "inherited Roth IRA",
            "Notice 2008-30, Q&A-7",
        ),
        ("inherited_to_roth", "inherited.taxed", "no 10% penalty", "72(t)(2)(A)(ii)"),
        (
            "roth_401k_early_rollover",
            "roth_401k_early.not_taxed",
            "become Roth IRA contributions",
            "1.402A-1, Q&A-5",
        ),
        ("roth_401k_early_rollover", "roth_401k_early.not_taxed", "code H", "code H"),
        # a qualified distribution rolled over is all contributions in the Roth IRA: the
        # earnings sentence must carry that condition (posters over 59½ read it too)
        (
            "roth_401k_early_rollover",
            "roth_401k_early.not_taxed",
            "unless the distribution was qualified",
            "1.408A-10, Q&A-3",
        ),
        (
            "roth_401k_early_rollover",
            "roth_401k_early.ira_clock",
            "Roth 401(k) years do not count",
            "1.408A-10",
        ),
        (
            "in_service_sources",
            "in_service.deferrals_only",
            "the 59½ wait is for your elective deferrals",
            "401(k)(2)(B)",
        ),
        (
            "in_service_sources",
            "in_service.deferrals_only",
            "money you rolled in",
            "Rev. Rul. 2004-12",
        ),
        ("in_service_sources", "in_service.earnings_follow", "share of earnings", "72(e)(8)"),
        (
            "deferral_limit_shared",
            "deferral.one_limit",
            "pretax and Roth 401(k) deferrals together",
            "402(g)(1)",
        ),
        ("deferral_limit_shared", "deferral.after_tax_apart", "do not count toward it", "415(c)"),
    ],
)
def test_each_answer_says_its_key_sentence_with_its_source(
    question_id: str, finding: str, key: str, source: str
) -> None:
    sentence, section = said_by(question_id)[finding]
    assert key in sentence
    assert source in section


# -- the facts that change the answer, and the figures from the parameters ----------------------


@pytest.mark.parametrize(
    ("facts", "finding"),
    [
        ({}, "convert_withholding.not_converted"),
        ({"age": 45}, "convert_withholding.not_converted"),
        ({"age": 59}, "convert_withholding.not_converted"),  # 59: 59½ not settled
        ({"age": 62}, "convert_withholding.past_59"),
    ],
    ids=["age unknown", "45", "59", "62"],
)
def test_past_59_and_a_half_the_withheld_tax_carries_no_penalty(facts: dict, finding: str) -> None:
    said = said_by("conversion_withholding", facts)
    assert finding in said
    rate = percent(param("gov.irs.early_distribution.additional_tax_rate", 2026))
    assert rate in said[finding][0]
    if "age" in facts and finding.endswith("past_59"):
        assert f"at {facts['age']}, past 59½" in said[finding][0]


def test_the_custodian_rate_is_the_year_stamped_parameter() -> None:
    sentence, _ = said_by("conversion_withholding")["convert_withholding.who_withholds"]
    rate = param("gov.irs.withholding.nonperiodic_rate", 2026)
    assert f"withholds {percent(rate)} from a conversion" in sentence


@pytest.mark.parametrize(("age", "not_yet"), [(60, True), (74, False)])
def test_the_rmd_age_comes_from_the_secure_2_parameter(age: int, not_yet: bool) -> None:
    said = said_by("rmd_first", {"age": age})
    assert ("rmd_first.not_yet" in said) is not_yet
    if not_yet:
        rmd_age = param("gov.irs.rmd.applicable_age", TODAY.year - age)
        assert said["rmd_first.not_yet"][0] == (
            f"At {age} that does not apply yet: your required distributions start the year you "
            f"reach {rmd_age}."
        )


def test_with_no_age_the_rmd_answer_gives_both_ages_of_the_schedule() -> None:
    schedule = all_parameters()["gov.irs.rmd.applicable_age"].values
    first, later, *_ = sorted(schedule)
    sentence, _ = said_by("rmd_first")["rmd_first.ages"]
    assert f"reach {schedule[first]} ({schedule[later]} if you were born in {later}" in sentence


def test_the_deferral_and_total_limits_are_the_years_parameters() -> None:
    said = said_by("deferral_limit_shared")
    deferral = param("gov.irs.retirement.elective_deferral_limit", 2026)
    total = param("gov.irs.retirement.annual_additions_limit", 2026)
    assert f"the {money(deferral)} deferral limit for 2026" in said["deferral.one_limit"][0]
    assert money(total) in said["deferral.after_tax_apart"][0]


@pytest.mark.parametrize(("age", "named"), [(62, True), (59, False), (45, False)])
def test_in_service_names_the_age_only_past_59_and_a_half(age: int, named: bool) -> None:
    assert ("in_service.your_age" in said_by("in_service_sources", {"age": age})) is named


# -- the order: a topic's general answer follows the question asked -----------------------------


def test_a_general_answer_goes_after_the_specific_one() -> None:
    general = [q for q in catalogue().values() if q.general]
    assert {"plan_to_roth_ira", "plan_decides"} <= {q.id for q in general}
    # (the income limit is no topic's general answer since session 10: recognised only where
    # income bars a Roth IRA, it answers the question it is asked in, in its order; still a
    # stock paragraph: tests/answers/test_shared_word_stock.py)
    assert not catalogue()["income_limit"].general and catalogue()["income_limit"].stock
    composed = compose(["plan_to_roth_ira", "prorata_partial"], {}, _result({}))
    assert composed.answered == ("prorata_partial", "plan_to_roth_ira")


def test_specific_answers_keep_the_order_they_were_asked_in() -> None:
    composed = compose(["rmd_first", "conversion_withholding"], {}, _result({}))
    assert composed.answered == ("rmd_first", "conversion_withholding")
