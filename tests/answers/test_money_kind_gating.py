"""The kind of money gates what a reply says (issue 10; expert grading of 2026-12-07, the
one harmful class on unseen questions).

A. IRA money gets IRA rules: a traditional IRA's conversion is reported by the custodian
   with code 2 or 7 and figured on Form 8606 over all traditional, SEP and SIMPLE IRAs
   (IRC 408(d)(2); Instructions for Forms 1099-R and 5498, for Form 8606); a plan's code G,
   its pensions and annuities lines, "not on Form 8606", its mandatory 20% (IRC 3405(c))
   are never said of it.
B. After-tax paragraphs (the Notice 2014-54 split, separate accounting, the 415(c) room)
   are never said to a post about pretax, Roth 401(k) or IRA money alone.

The gate is data: ``knowledge/data/money_of_findings.yaml`` says which kinds of money a
finding speaks of, and ``knowledge.answers`` leaves out a finding (and replaces a question
whose every finding is) of kinds the post does not have.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.conversation import respond
from bot.session import Session
from knowledge.answers import answer, catalogue, for_money, money_kinds_of, money_of_findings
from knowledge.engine import calculate
from knowledge.facts import Facts
from nlu.reader import read

TODAY = date(2026, 12, 6)

# what a plan's rollover reporting says, never said of an IRA conversion
PLAN_REPORTING = ("code G", "pensions and annuities", "does not go on Form 8606")
# the after-tax source's templates, never said to a post without after-tax money
AFTER_TAX_TEMPLATES = (
    "accounts for the after-tax money separately",
    "Your after-tax contributions can go to a Roth IRA",
    "two direct rollovers",
    "After-tax contributions fit under",
)


def reply(text: str) -> str:
    return respond(Session(key="gating"), text, today=TODAY, now=0).text


# ---- A: an IRA's conversion is reported as an IRA's ------------------------------------

IRA_CONVERSION_REPORTING = [
    # paraphrases of the graded harmful class (a traditional IRA conversion given a plan
    # rollover's reporting): each names IRA money only
    "I did a Roth conversion of $20,000 from my traditional IRA in 2025. I had made "
    "nondeductible contributions before. How do I report it, and what 1099-R code should "
    "I expect?",
    "I converted my SEP IRA to a Roth IRA this year. What forms do I need to file?",
    "How do I report a backdoor Roth conversion on my taxes?",
    "Converted my rollover IRA to Roth last month - which tax forms and codes apply?",
]


@pytest.mark.parametrize("text", IRA_CONVERSION_REPORTING)
def test_an_ira_conversion_is_reported_with_ira_codes_and_form_8606(text: str) -> None:
    said = reply(text)
    for wrong in PLAN_REPORTING:
        assert wrong not in said, said
    assert "Form 8606" in said, said


def test_the_plan_reporting_question_becomes_the_ira_one_for_ira_money() -> None:
    facts = {"has_traditional_ira": True}
    assert for_money(["tax_forms"], facts) == ("ira_conversion_1099r",)
    assert for_money(["rollover_1099r"], facts) == ("ira_conversion_1099r",)
    # a plan named beside the IRA (its money's kind not said): the plan's 1099-R may be
    # the one asked about, so its answer stands
    beside = {"has_traditional_ira": True, "employer_plan_type": "401k"}
    assert for_money(["tax_forms"], beside) == ("tax_forms",)


def test_bb016_a_plan_rolled_into_an_ira_keeps_the_plans_codes() -> None:
    # https://www.irahelp.com/forum-post/ (batch_b bb016): the 1099-R is the plan's
    text = (
        "I have been filing a Form 8606 to track the cost basis of my traditional IRA for "
        "a number of years. This past year I rolled over a 401K into a traditional rollover "
        "IRA. Received a 1099 R from Fidelity detailing the Gross distribution (box1), the "
        "taxable amount ($0.00, box 2a), and the employee contribution amount (box 5). Where "
        "and how do I account for the increase in the basis of my IRA’s on Form 8606?\n"
        "Guidance is appreciated."
    )
    assert "code G" in reply(text)


# ---- A: IRA withholding is elective; IRA conversions are pro-rata over all IRAs ---------


def test_bd039_ira_conversion_withholding_is_the_iras_and_its_tax_pro_rata() -> None:
    # https://www.floridatoday.com/story/news/2022/06/18/help-me-do-math-how-do-pay-taxes-roth-conversion/7655127001/
    text = (
        "I’m getting ready to convert some of my IRA to a Roth IRA. I’m being told I should "
        "not have anything withheld for taxes. My understanding is that the whole purpose of "
        "converting to a Roth IRA is to pay taxes now so you can avoid them later so that "
        "advice seems contradictory.\n\nCan you help clarify this?"
    )
    said = reply(text)
    assert "W-4R" in said  # an IRA's withholding is elected (IRC 3405(b))
    assert "all your traditional, SEP and SIMPLE IRAs" in said
    assert "deferrals, employer money" not in said  # not a plan's pretax money


@pytest.mark.parametrize(
    "text",
    [
        "I have $100k in a traditional IRA, $20k of it is nondeductible basis. If I convert "
        "$20k to Roth, is it tax free?",
        "My IRA has about 60k. What would it cost me to move it all to a Roth?",
    ],
)
def test_an_iras_conversion_is_pro_rata_over_all_iras(text: str) -> None:
    said = reply(text)
    assert "all your traditional, SEP and SIMPLE IRAs" in said, said
    assert "only after-tax contributions go in tax-free" not in said, said
    for wrong in (*PLAN_REPORTING, "Notice 2014-54", "20%"):
        assert wrong not in said, said


def test_ba034_a_backdoor_roth_gets_the_ira_answer_once() -> None:
    # https://www.whitecoatinvestor.com/backdoor-roth-standard-and-mega-430
    text = (
        "Hi, Jim. I was hoping you could help me with my first time doing a Backdoor Roth "
        "IRA. I contributed $7,000 to a traditional IRA with part of it coming from my bank "
        "and part of it coming from a taxable brokerage account that we decided to convert "
        "into the Roth IRA this year. Before it all got there, I did earn 33 cents of "
        "interest and that did get rolled over into the Roth IRA. There was $7,000.33 "
        "converted from a traditional IRA to a Roth IRA. I called Vanguard to see how I "
        "could fix that extra 33 cents. And they said that the conversion from a traditional "
        "to a Roth does not have a limit. I'm a little confused, but he reassured me that it "
        "would be a 33 cents taxable event. Otherwise there wouldn't be any penalties. I was "
        "hoping you could confirm that and help me understand if there's anything I need to "
        "do to retract that extra 33 cents that again was contributed to a traditional IRA "
        "and then rolled over to a Roth IRA."
    )
    said = reply(text)
    assert "all your traditional, SEP and SIMPLE IRAs" in said
    assert "deferrals, employer money" not in said
    for wrong in AFTER_TAX_TEMPLATES:
        assert wrong not in said


# ---- B: no after-tax paragraph for money of other kinds ---------------------------------


@pytest.mark.parametrize(
    "facts",
    [
        {"has_traditional_ira": True},
        {"has_pretax_money": True, "employer_plan_type": "401k"},
        {"has_roth_401k": True, "employer_plan_type": "401k"},
        {"has_pretax_money": True, "has_roth_401k": True, "employer_plan_type": "401k"},
        {"pretax_balance": 200000, "employer_plan_type": "TSP"},
    ],
)
@pytest.mark.parametrize("question", sorted(catalogue()))
def test_no_finding_speaks_of_after_tax_money_the_post_does_not_have(
    facts: dict, question: str
) -> None:
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    declared = money_of_findings()
    kinds = money_kinds_of(facts)
    assert kinds is not None and "after_tax" not in kinds
    for finding in answer(question, facts, result):
        assert finding.id not in declared or declared[finding.id] & kinds, (question, finding)


def test_a_plan_finding_is_never_given_for_ira_money_alone() -> None:
    facts = {"traditional_ira_balance": 50000}
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    plan_only = {f for f, kinds in money_of_findings().items() if "ira" not in kinds}
    for question in catalogue():
        given = {f.id for f in answer(question, facts, result)}
        assert not given & plan_only, (question, given & plan_only)


@pytest.mark.parametrize(
    "text",
    [
        "I have a traditional 401k with $200k. Should I convert it to a Roth?",
        "I have a Roth 401k at work and want to roll it to a Roth IRA when I leave. How does "
        "that work?",
        "I have about $300k in my traditional TSP. Can I move some to a Roth IRA each year?",
    ],
)
def test_a_post_without_after_tax_money_gets_no_after_tax_template(text: str) -> None:
    said = reply(text)
    for wrong in AFTER_TAX_TEMPLATES:
        assert wrong not in said, said
    assert "after-tax (non-Roth) contributions, rather than" not in said  # no kind question


def test_after_tax_money_named_keeps_the_split() -> None:
    text = (
        "I have $30k of after-tax contributions and $10k of earnings in my 401k. Can I move "
        "the after-tax money to a Roth IRA?"
    )
    said = reply(text)
    assert "Roth IRA" in said and "Notice 2014-54" in said


def test_an_after_tax_follow_up_is_not_asked_of_other_money() -> None:
    said = reply("My old employer's traditional 401k has $80k. Can I roll it to a Roth IRA?")
    assert "after-tax money" not in said.split("\n\n")[-2]  # the question back


# ---- A: after-tax money said of a traditional IRA is IRA basis --------------------------

BA071 = (  # https://www.bogleheads.org/forum/viewtopic.php?f=1&t=223207&newpost=3569642
    "I have an IRA that I started with after-tax dollars and continued contributing "
    "after-tax funds for a number of years. As I approach retirement, I've learned that "
    "commingled after-tax and pre-tax funds complicates distribution for the universe of "
    "IRAs that I have.\n\nSo it would seem the simple solution might be to extract the "
    "after-tax funds from the traditional IRA and roll the into a Roth. Is this as simple "
    "as:\n\nI have, for example, an IRA with $30,000 total of which $6,000 was after-tax "
    "contributions. Can I simply extract that $6,000 of after-tax money from that IRA and "
    "roll it into a new Roth IRA account - and yes I have IRS 8606 records on the after-tax "
    "contributions. In this case, I will end up with:\n\n$24,000 in the original IRA - now "
    "all pre-tax dollars\n$6,000 in new Roth IRA\n\nor do I have to open two new IRAs, one "
    "Roth and one traditional, and roll $6,000 into the Roth and $24,000 into the new "
    "traditional IRA, and then close the old account? Or even more complex, do I have to do "
    "some kind of pro-rata distribution?\n\nThanks for the advice - I couldn't get a "
    'straight "google" answer.'
)


@pytest.mark.parametrize(
    "text",
    [
        BA071,
        # paraphrases: after-tax money said of a traditional IRA, no plan named
        "My traditional IRA was funded with after-tax contributions over the years, about "
        "$8,000, and is now worth $25,000. Can I move just the after-tax part to a Roth IRA?",
        "I have an IRA that has both pre-tax and after-tax money in it. Can I convert only "
        "the after-tax dollars to Roth?",
        "My IRA with $12k after tax contributions is worth $50k. If I convert $12k, is it "
        "tax free?",
    ],
)
def test_an_iras_after_tax_money_gets_ira_rules_not_the_plans(text: str) -> None:
    said = reply(text)
    for wrong in (*PLAN_REPORTING, *AFTER_TAX_TEMPLATES, "your plan", "(IRS Notice 2014-54)"):
        assert wrong not in said, said
    assert "all your traditional" in said, said  # pro-rata over all IRAs (IRC 408(d)(2))


def test_bb040_after_tax_money_said_of_the_plan_stays_the_plans() -> None:
    # https://irahelp.com/?p=15608: the 401(k) holds after-tax money, the TIRA basis too
    text = (
        "Client age 63 has a $400K 401(k) which contains $50K after-tax; also has a $400K "
        "TIRA which contains only $15K after-tax; there is no current Roth account. Desire "
        "is to convert up to $200K total to new Roth at lowest tax. My understanding is that "
        "any or all of the 401(k) may be rolled over to a Roth without consideration of the "
        "existing TIRA. If so, then 350/400 (87.5%) would be pro-rata taxable. Is that "
        "correct? Also, is it possible to convert/roll only the after-tax portion of the "
        "401(k) to a Roth?"
    )
    assert read(text).facts.get("has_after_tax_money") is True
    assert "Notice 2014-54" in reply(text)
