"""Reporting, and money already in an IRA: the questions of the answer catalogue that people
ask once a rollover is done or the after-tax money sits in a traditional IRA.

Each question is recognised from the real phrasings quoted below (verbatim excerpts of the
collected questions, with their ids; only runs of spaces are folded), and its answer says
the expert's key sentence with the primary source it rests on. The phrasings that must
*not* be read as these questions are real too: a plan split that names a "Rollover IRA
account", a Roth IRA "account for more than 5 years", a split still to be made under
Notice 2014-54.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.answers import compose
from knowledge.citations import cite
from knowledge.engine import calculate
from knowledge.facts import Facts
from nlu.reader import read

EVAL = Path(__file__).resolve().parents[1] / "eval"


def _texts() -> dict[str, str]:
    texts: dict[str, str] = {}
    for name in ("batch_a.jsonl", "batch_b.jsonl", "answers_more.jsonl"):
        for line in (EVAL / name).read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.setdefault(row["id"], row["text"])
    return texts


# (source id, verbatim excerpt, the catalogue question it asks)
ASKED = [
    (
        "bb039",
        "I was wondering if this is still how other TPA firms are preparing the 1099-R for an "
        "in-plan conversion of after-tax to Roth. Instructions remain the same and that was my "
        "understanding. However, I've had other colleagues believe that it should be code 2 or "
        "7 depending on age.",
        "in_plan_1099r",
    ),
    (
        "fq087",
        "In December 2018 I made an in-plan conversion of funds within my 401(k) plan, from "
        "original non-Roth to Roth. Just as with a Traditional to Roth IRA conversion, I know "
        "the money converted will be taxed as ordinary income. But, I can't figure out where to "
        "report it in TurboTax.",
        "in_plan_1099r",
    ),
    (
        "fq068",
        "I received a 1099-R, where the total amount rolled over (after tax and earnings) was "
        "reported in box 1, and the aftertax rollover reported in box 5.",
        "rollover_1099r",
    ),
    (
        "ba059",
        "I had a question on where I would be reporting the basis of a trustee-to-trustee Roth "
        "401(k) rollover to Roth IRA.",
        "roth_401k_rollover_1099r",
    ),
    (
        "bb026",
        "I receive my 1099-R and on line 7 I have a code of H and  on line 11 it says 1st year "
        "of desig. Roth Contrib. 2017",
        "roth_401k_rollover_1099r",
    ),
    (
        "bb023",
        "Considering that I have both “after tax” and Roth 401(k) how would my 1099R look like?",
        "roth_401k_rollover_1099r",
    ),
    (
        "bb002",
        "How is the reporting done for a mega backdoor Roth? I’ve heard that it’s done as a "
        "conversion, but then wouldn’t the aggregation rule come into play?",
        "plan_vs_ira_aggregation",
    ),
    (
        "bb040",
        "My understanding is that any or all of the 401(k) may be rolled over to a Roth without "
        "consideration of the existing TIRA.",
        "plan_vs_ira_aggregation",
    ),
    (
        "bb001",
        "By “direct” xfer I mean checks were made out to Vanguard but sent to me and mobile "
        "deposited. I hope this still constitutes a direct xfer ?",
        "check_to_custodian",
    ),
    (
        "bb034",
        "On separation the total amount was rolled to an IRA and this was done before Roth "
        "plans even existed. Now it appears that IRS Notice 2014-54 recognizes the right to "
        "take a current 401K and rollover the after tax amounts to a Roth with no tax "
        "consequence.",
        "ira_no_split",
    ),
    (
        "fq079",
        "If a client has rolled a 401K plan assets into an IRA, can the client then roll the "
        "after-tax money in the IRA into a Roth IRA? I’ve reviewed Notice 2014-54",
        "ira_no_split",
    ),
    (
        "bb017",
        "Each year I have filed form 8606 along with my tax return. Is this my “proof” to the "
        "IRS of my basis in my IRA?",
        "ira_basis_record",
    ),
    (
        "bb016",
        "I have been filing a Form 8606 to track the cost basis of my traditional IRA for a "
        "number of years. This past year I rolled over a 401K into a traditional rollover IRA.",
        "ira_basis_record",
    ),
    (
        "bb048",
        "Would it be permissible to convert the after-tax IRA to a Roth and subsequently roll "
        "over the 401(K) to a new Traditional IRA in the same tax year?",
        "backdoor_rollover_same_year",
    ),
    (
        "fq101",
        "Can I do both of these transactions in a single tax year and receive the benefit? For "
        "example, first convert the current traditional IRA account to a Roth, and then roll "
        "over my traditional 401(k) to the traditional IRA and have conversion still only taxed "
        "at the $30,000?",
        "backdoor_rollover_same_year",
    ),
    (
        "fq101",
        "About $100,000 of that IRA is after-tax contributions and filed and recorded on that "
        "basis on the 8606 tax form each year. If I convert that account to my Roth IRA, do I "
        "only pay tax on the $30,000?",
        "ira_conversion_taxable",
    ),
    (
        "bb031",
        "My question is can I take the after tax contributions out of my Traditional IRA all at "
        "once and put them into a ROTH IRA. I have filed the 8606 form each year and I know how "
        "much I have in after tax contributions.",
        "ira_conversion_taxable",
    ),
    (
        "bb066",
        "I want to move money to a new ROTH from an IRA that has before-tax and after-tax money "
        "and earnings. The after-tax money is about 20% of the IRA. Both the IRA and ROTH are at "
        "the same institution. I would therefore convert the before-tax money and earnings and "
        "pay the taxes due. Does the after tax money moved into the ROTH do so tax free?",
        "ira_conversion_taxable",
    ),
    (
        "bb081",
        "His current IRA custodian said they could accept both the pre-tax and after-tax "
        "amount, but they couldn’t track going forward when he takes his RMD.",
        "rmd_ira_basis",
    ),
]

# (source id, verbatim excerpt, a question it must not be read as)
NOT_ASKED = [
    (  # several 1099-Rs "aggregated in one form" is not the IRA aggregation rule
        "bb037",
        "Or is this somehow all aggregated in one 1099-R form though that would seem to make it "
        "hard to see what happened with each thing",
        "plan_vs_ira_aggregation",
    ),
    (  # after-tax money routed through a nondeductible IRA is aggregated: not a "No"
        "bb007",
        "My client has mentioned that someone in the HR Department of her former employer had "
        "metioned that she could transfer her after tax basis to a non-deductible IRA and then "
        "convert it to a Roth. Don’t the new aggregation rules effectively eliminate the "
        "benefits of the Roth",
        "plan_vs_ira_aggregation",
    ),
    (  # a split still to be made: the IRA named is where the pretax money goes
        "fq001",
        "Per IRS Notice 2014-54 I am directing 100% of the Taxable amount be disbursed to "
        "Rollover IRA account.",
        "ira_no_split",
    ),
    (
        "bb078",
        "In short, can I request a distribution for $100,000 – $70,000 to a Roth (tax free) and "
        "the $30,000 rolled to a traditional IRA?",
        "ira_no_split",
    ),
    (  # "account for more than 5 years" is not accounting for basis
        "bb087",
        "I am over age 59½ and have had a Roth IRA account for more than 5 years.",
        "ira_basis_record",
    ),
    (  # money "held inside my 401k" is not an in-plan conversion
        "fq078",
        "I recently retired and have after-tax contributions held inside my 401k. As I "
        "understand it, I can rollover the pre-tax to an IRA and the after-tax to my Roth IRA.",
        "in_plan_1099r",
    ),
    (  # a rollover "to an IRA" with no IRA conversion in the same year
        "fq037",
        "They'd also be eligible for conversion to Roth when the 401k is rolled over to an IRA "
        "after leaving my employer.",
        "backdoor_rollover_same_year",
    ),
    (  # a plan split names a traditional IRA as the pretax money's destination
        "fq078",
        "As I understand it, I can rollover the pre-tax to an IRA and the after-tax to my Roth "
        "IRA.",
        "ira_conversion_taxable",
    ),
]


@pytest.mark.parametrize(("source", "excerpt", "ask"), ASKED + NOT_ASKED)
def test_every_excerpt_is_quoted_verbatim_from_its_source(
    source: str, excerpt: str, ask: str
) -> None:
    assert " ".join(excerpt.split()) in " ".join(_texts()[source].split())


@pytest.mark.parametrize(("source", "excerpt", "ask"), ASKED)
def test_the_question_is_recognised_in_the_posters_words(
    source: str, excerpt: str, ask: str
) -> None:
    assert ask in read(excerpt).asks


@pytest.mark.parametrize(("source", "excerpt", "ask"), NOT_ASKED)
def test_look_alike_words_do_not_raise_the_question(source: str, excerpt: str, ask: str) -> None:
    assert ask not in read(excerpt).asks


def _answer(ask: str) -> tuple[str, tuple[str, ...]]:
    result = calculate(Facts.from_mapping({}), today=date(2026, 12, 6)).to_json()
    answered = compose([ask], {}, result)
    return answered.text, answered.rules


# (question, the expert's key words in its answer, the rule it rests on, its source)
KEY_SENTENCES = [
    ("in_plan_1099r", "code G alone, at any age", "irs_1099r_irr", "Instructions for Forms 1099-R"),
    ("in_plan_1099r", "not on Form 8606", "irs_1099r_taxable_line", "lines 5a and 5b"),
    ("rollover_1099r", "code H", "irs_1099r_codes", "Guide to Distribution Codes"),
    (
        "rollover_1099r",
        "not on Form 8606, which is for IRAs",
        "irs_1099r_taxable_line",
        "Instructions for Form 1040",
    ),
    (
        "check_to_custodian",
        "is a direct rollover even if it was mailed to you",
        "reg_1_401_a_31_1_a4",
        "1.401(a)(31)-1, Q&A-4",
    ),
    (
        "ira_no_split",
        "Notice 2014-54 no longer applies (it splits only a distribution from a plan)",
        "notice_2014_54_plans_only",
        "Notice 2014-54",
    ),
    (
        "ira_no_split",
        "pro-rata across all your traditional",
        "notice_2014_54_plans_only",
        "2014-54",
    ),
    ("ira_basis_record", "Forms 8606 you filed are the record", "irs_8606_basis_record", "8606"),
    ("ira_basis_record", "is IRA basis too", "irs_8606_basis_record", "lines 2 and 14"),
    (
        "backdoor_rollover_same_year",
        "December 31 of the conversion year",
        "irc_408_d_2",
        "IRC 408(d)(2)",
    ),
    ("backdoor_rollover_same_year", "roll it to the IRA next year", "irc_408_d_2", "IRC 408(d)(2)"),
    ("ira_conversion_taxable", "basis alone cannot be converted", "irc_408_d_2", "408(d)(2)"),
    ("ira_conversion_taxable", "carries forward", "irs_8606_basis_record", "lines 2 and 14"),
    ("roth_401k_rollover_1099r", "code H with $0", "irs_1099r_codes", "Distribution Codes"),
    (
        "plan_vs_ira_aggregation",
        "never money in a 401(k) or other employer plan",
        "irc_408_d_2",
        "IRC 408(d)(2)",
    ),
    ("plan_vs_ira_aggregation", "figured on its own", "irc_72_e_8", "IRC 72(e)(8)"),
    (
        "roth_401k_rollover_1099r",
        "count as your Roth IRA contributions",
        "reg_1_408a_10",
        "1.408A-10, Q&A-3",
    ),
    ("rmd_ira_basis", "whole balance", "reg_1_408_8_a6", "1.408-8, Q&A-6"),
    ("rmd_ira_basis", "Form 8606 for each year", "irs_8606_who_must_file", "Who Must File"),
]


@pytest.mark.parametrize(("ask", "words", "rule", "section"), KEY_SENTENCES)
def test_the_answer_says_the_key_sentence_with_its_source(
    ask: str, words: str, rule: str, section: str
) -> None:
    text, rules = _answer(ask)
    assert words in " ".join(text.split())
    assert rule in rules
    assert section in cite(rule).section


@pytest.mark.parametrize(
    "ask",
    [
        "in_plan_1099r",
        "rollover_1099r",
        "check_to_custodian",
        "ira_no_split",
        "ira_basis_record",
        "backdoor_rollover_same_year",
        "ira_conversion_taxable",
        "rmd_ira_basis",
        "roth_401k_rollover_1099r",
        "plan_vs_ira_aggregation",
    ],
)
def test_each_answer_fits_a_phone(ask: str) -> None:
    # about 120 words on a phone, with the question back and the source line still to come
    text, _ = _answer(ask)
    assert len(text.split()) <= 95


def test_money_already_in_an_ira_never_gets_no_8606_for_its_conversion() -> None:
    """bb034 scored 0 for "Form 8606 is not used" on IRA money: converting IRA basis is
    reported on Form 8606, and the reply must say so."""
    text = _texts()["bb034"]
    reply = compose(
        read(text).asks, {}, calculate(Facts.from_mapping({}), today=date(2026, 12, 6)).to_json()
    ).text
    assert "on Form 8606" in reply
    assert not any(
        words in reply
        for words in ("Form 8606 is not used", "does not go on Form 8606", "not on Form 8606")
    )


# (source id, verbatim excerpt): texts that put the after-tax money in an IRA already, in
# their own words, so answers about money still in a plan give way
IN_AN_IRA = [
    ("bb048", "Traditional IRA funded with after-tax contributions"),
    (
        "bb031",
        "My question is can I take the after tax contributions out of my Traditional IRA all at "
        "once and put them into a ROTH IRA.",
    ),
    (
        "bb066",
        "I want to move money to a new ROTH from an IRA that has before-tax and after-tax money",
    ),
    ("fq101", "About $100,000 of that IRA is after-tax contributions"),
]


@pytest.mark.parametrize(("source", "excerpt"), IN_AN_IRA)
def test_the_text_places_the_money_in_an_ira(source: str, excerpt: str) -> None:
    assert " ".join(excerpt.split()) in " ".join(_texts()[source].split())
    assert "in_ira" in read(excerpt).places


def test_after_tax_money_still_in_the_401k_is_not_placed_in_an_ira() -> None:
    # bb043: the post-tax money is in a 401(k); the IRA named is one still to be opened
    excerpt = "I have some post-tax money in a 401K at a previous employer"
    assert excerpt in _texts()["bb043"]
    assert "in_ira" not in read(excerpt).places
