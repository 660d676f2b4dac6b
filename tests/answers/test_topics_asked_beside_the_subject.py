"""Questions the graders found unanswered (issue 10), each with its own cited answer.

On unseen forum questions an expert found these asked in every batch and answered by the
nearest stock paragraph; each is now a catalogue question, one or two plain sentences,
with its rule and source (knowledge/data/rules.yaml), and only what the source supports:

- state_tax: the figures are federal only, each state decides (no state's rule or figure);
- financial_aid: the FAFSA does not count retirement accounts as assets (FAFSA
  instructions, HEA sec. 480(f)); a conversion's taxable part is AGI of the prior-prior
  year (HEA sec. 480(a)); a college's own form may count more;
- 457b_to_roth: a governmental 457(b) rolls to a Roth IRA, taxable, no 10% on the rollover
  (IRC 457(e)(16), 408A(e)(1)); a non-governmental one rolls to no IRA; the plan's own money
  owes no 10% (IRC 72(t)(9)), converted money in a Roth IRA does within the recapture years
  before 59½ (IRC 408A(d)(3)(F));
- in_kind_conversion: shares convert without selling, at their fair market value on the day
  (IRC 408(d)(1), 408A(d)(3)(A); Form 1099-R box 1);
- in_service_access: the plan decides; deferrals wait for 59½ but for a hardship, after-tax
  and rolled-in money often can leave at any age (IRC 401(k)(2)(B), Treas. Reg.
  1.401(k)-1(d); a 403(b)'s deferrals by IRC 403(b)(11)).

The tuning sets hold one of these asked in a poster's own words (fq091, a 457 plan to a
Roth IRA); the others are the graders' probes and paraphrases, and real texts that only
share a word with them keep their own answers.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, said_by
from conversation_stories import EVAL, SHARED, real_question

from nlu.reader import read

ANSWERS_MORE = EVAL / "answers_more.jsonl"
NO_CITED_ANSWER = "I can't give a cited answer to"
STOCK_KINDS = "How it is taxed depends on the kind of money"


def _paragraphs(reply: str) -> list[str]:
    return reply.split("\n\n")


# -- recognised in the asker's words ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ask"),
    [
        ("Does my state tax Roth conversions?", "state_tax"),
        ("Will I owe state income tax on the conversion?", "state_tax"),
        ("Is a Roth conversion taxed in California?", "state_tax"),
        ("I rolled my after-tax 401k money to a Roth IRA. Does my state tax that?", "state_tax"),
        ("Does my Roth IRA count as an asset on the FAFSA?", "financial_aid"),
        ("Will a Roth conversion affect my daughter's financial aid?", "financial_aid"),
        ("Should we convert the IRA before applying for college aid?", "financial_aid"),
        (
            "Can a distribution ($50,000) from a 457 plan be rolled over into my Roth IRA?",
            "457b_to_roth",
        ),
        ("I'm retiring from the city. Can I convert my 457(b) to a Roth IRA?", "457b_to_roth"),
        ("Can I convert shares in kind from my IRA to my Roth IRA?", "in_kind_conversion"),
        ("If I convert stock to my Roth, what value is used for the tax?", "in_kind_conversion"),
        (
            "Do I have to sell my funds before I convert, or is the fair market value used?",
            "in_kind_conversion",
        ),
        ("Can I withdraw money from my 401k while I'm still working?", "in_service_access"),
        ("Is there any way to get at my 401(k) money without quitting?", "in_service_access"),
        (
            "Can I take money out of my 401k while still working at the company?",
            "in_service_access",
        ),
    ],
)
def test_each_is_recognised_where_it_is_asked(text: str, ask: str) -> None:
    assert read(text).asked[:1] == (ask,)


def test_real_457_question_is_the_457_answer() -> None:
    # fq091 (http://lbstokg.net/index-1003.html): "Can a distribution ($50,000) from a 457
    # plan be “rolled over” into an existing Roth IRA that is over 5 years old?"
    assert read(real_question("fq091", ANSWERS_MORE)).asked[0] == "457b_to_roth"


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # fq096 (https://thechiefleader.com/news/professionals_column/in-plan-roth-conversion-
        # a-good-retirement-tool/...): a pre-tax 457(b) converted to a Roth 457(b) inside the
        # plan: the in-plan answer, not a rollover to a Roth IRA
        ("fq096", SHARED / "eval" / "dev.jsonl"),
        # bb020 (https://irahelp.com/?p=25448): "roll the shares in kind into the Roth IRA"
        # of NUA stock: NUA's own questions, not a conversion in kind
        ("bb020", EVAL / "batch_b.jsonl"),
        # bc047 (https://irahelp.com/forum-post/13582-service-distributions): an in-service
        # distribution of after-tax money: the split, not plan access in general
        ("bc047", EVAL / "batch_c.jsonl"),
        # be021 (https://irahelp.com/forum-post/62399-rollover-ira-back-401k-same-year-
        # backdoor-roth-conversion): "what valuation dates are used in determining pre tax
        # portion of any IRAs": the pro-rata rule's year-end values, not shares in kind
        ("be021", EVAL / "batch_e.jsonl"),
    ],
)
def test_real_texts_sharing_a_word_keep_their_own_questions(qid: str, source) -> None:
    asked = read(real_question(qid, source)).asked
    assert not {"457b_to_roth", "in_kind_conversion", "in_service_access"} & set(asked)


# -- what each answer says, and its source ---------------------------------------------


def test_state_tax_says_federal_only_and_names_no_state_rule() -> None:
    ((sentence, section),) = said_by("state_tax").values()
    assert sentence.startswith("My figures are federal only")
    assert "its own law" in sentence
    assert "State law" in section
    assert not any(c.isdigit() for c in sentence)  # no state's figure


def test_financial_aid_says_accounts_are_not_assets_and_conversions_are_income() -> None:
    said = said_by("financial_aid")
    assets, section = said["aid.fafsa_assets"]
    assert "does not count retirement accounts" in assets and "Roth IRAs" in assets
    assert "480(f)" in section
    income, section = said["aid.fafsa_income"]
    assert "prior-prior year" in income and "AGI" in income
    assert "CSS Profile" in income
    assert "480(a)" in section


def test_457_answer_says_governmental_taxable_no_10_and_the_recapture() -> None:
    said = said_by("457b_to_roth")
    rollover, section = said["g457.to_roth_ira"]
    assert rollover.startswith("A governmental 457(b) can be rolled directly to a Roth IRA")
    assert "non-governmental employer cannot be rolled to any IRA" in rollover
    assert "no 10% on the rollover" in rollover
    assert "457(e)(16)" in section
    in_plan, section = said["g457.no_penalty_in_plan"]
    assert "owes no 10% at any age, except money rolled into it" in in_plan
    assert "within 5 years and before 59½" in in_plan
    assert "72(t)(9)" in section


def test_in_kind_answer_is_the_fair_market_value_on_the_day() -> None:
    ((sentence, section),) = said_by("in_kind_conversion").values()
    # (no "Yes": "Do I need to sell my funds first?" asks the other way round)
    assert sentence.startswith("Shares can be converted in kind, without selling them")
    assert "fair market value on the day" in sentence
    assert "408(d)(1)" in section


def test_in_service_access_says_the_plan_decides_and_deferrals_wait() -> None:
    said = said_by("in_service_access")
    rule, section = said["in_service.access_plan_decides"]
    assert rule.startswith("Only as your plan allows")
    assert "before 59½ except as a hardship distribution" in rule
    assert "after-tax and rolled-in money often can be at any age" in rule
    assert "401(k)(2)(B)" in section and "1.401(k)-1(d)" in section
    # a 403(b)'s deferrals wait by their own section (kinds helper's left-over, 2026-12-07)
    assert "IRC 403(b)(11) for a 403(b)" in rule
    cost, _ = said["in_service.access_cost"]
    assert "10% before 59½" in cost


# -- the first reply: the answer first, no stock paragraph, no question about after-tax --


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Does my state tax Roth conversions?", "My figures are federal only"),
        ("Does my Roth IRA count as an asset on the FAFSA?", "The FAFSA does not count"),
        ("Will a Roth conversion affect my daughter's financial aid?", "The FAFSA does not count"),
        # (a question of what is possible: the verdict first)
        ("Can I convert shares in kind from my IRA to my Roth IRA?", "Yes: shares can be"),
        ("Do I need to sell my mutual funds before converting to Roth?", "Shares can be"),
        ("Can I withdraw money from my 401k while I'm still working?", "Only as your plan"),
    ],
)
def test_the_first_reply_opens_with_the_answer(text: str, opening: str) -> None:
    reply = first_reply(text)
    assert reply.startswith(opening), reply
    assert STOCK_KINDS not in reply
    assert NO_CITED_ANSWER not in reply
    assert "after-tax (non-Roth)" not in reply  # no follow-up about after-tax money
    assert "Notice 2014-54" not in reply


def test_state_tax_answered_is_not_noted_again() -> None:
    reply = first_reply("Will I owe state income tax on the conversion?")
    assert "state tax depends on your state" not in reply  # (the topic's note)


def test_real_457_question_gets_the_457_answer_first() -> None:
    reply = first_reply(real_question("fq091", ANSWERS_MORE))
    first, second, *_ = _paragraphs(reply)
    # ("Can a distribution ... from a 457 plan be rolled over": governmental or not decides)
    assert first.startswith(
        "It depends on the kind of 457(b): a governmental 457(b) can be rolled directly to a "
        "Roth IRA"
    )
    assert "owes no 10% at any age" in second
    # the general rollover paragraph for other plans is not said beside it
    assert "follow a 401(k)'s rollover rules" not in reply
