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

import pytest
from answer_findings import TODAY, first_reply

from knowledge.answers import answer, catalogue, for_money, money_kinds_of, money_of_findings
from knowledge.engine import calculate
from knowledge.facts import Facts
from nlu.reader import read

# what a plan's rollover reporting says, never said of an IRA conversion
PLAN_REPORTING = ("code G", "pensions and annuities", "does not go on Form 8606")
# the after-tax source's templates, never said to a post without after-tax money
AFTER_TAX_TEMPLATES = (
    "accounts for the after-tax money separately",
    "Your after-tax contributions can go to a Roth IRA",
    "two direct rollovers",
    "After-tax contributions fit under",
)


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
    said = first_reply(text)
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
    assert "code G" in first_reply(text)


# ---- A: IRA withholding is elective; IRA conversions are pro-rata over all IRAs ---------


def test_bd039_ira_conversion_withholding_is_the_iras_and_its_tax_pro_rata() -> None:
    # https://www.floridatoday.com/story/news/2022/06/18/help-me-do-math-how-do-pay-taxes-roth-conversion/7655127001/
    text = (
        "I’m getting ready to convert some of my IRA to a Roth IRA. I’m being told I should "
        "not have anything withheld for taxes. My understanding is that the whole purpose of "
        "converting to a Roth IRA is to pay taxes now so you can avoid them later so that "
        "advice seems contradictory.\n\nCan you help clarify this?"
    )
    said = first_reply(text)
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
    said = first_reply(text)
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
    said = first_reply(text)
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
    said = first_reply(text)
    for wrong in AFTER_TAX_TEMPLATES:
        assert wrong not in said, said
    assert "after-tax (non-Roth) contributions, rather than" not in said  # no kind question


def test_after_tax_money_named_keeps_the_split() -> None:
    text = (
        "I have $30k of after-tax contributions and $10k of earnings in my 401k. Can I move "
        "the after-tax money to a Roth IRA?"
    )
    said = first_reply(text)
    assert "Roth IRA" in said and "Notice 2014-54" in said


def test_an_after_tax_follow_up_is_not_asked_of_other_money() -> None:
    said = first_reply("My old employer's traditional 401k has $80k. Can I roll it to a Roth IRA?")
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
    said = first_reply(text)
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
    facts = read(text).facts
    # the plan's after-tax money: its figure (the TIRA's $15K after-tax, in the other clause,
    # is the IRA's basis and no longer competes with it), or the kind when no figure is read
    assert facts.get("after_tax_total") == 50000 or facts.get("has_after_tax_money") is True
    assert "Notice 2014-54" in first_reply(text)


# ---- B: pretax money said in words; Notice 2014-54 as the authority is after-tax's ------

BA053 = (  # http://www.early-retirement.org/forums/f28/tax-penalty-question-public-safety-retirement-43072-2.html?mode=threaded
    "I've searched through the forum and didn't see this exact scenario, so I am "
    "posting the question here.\n\nI retired in 2006 after 25 years of public "
    "safety (law enforcement) service in Florida and have not been re-employed. "
    "This is the normal length of service for special risk (generally police and "
    "fire). I have limited investment control over the money (it is still in the "
    "state retirement plan) that the state paid into the retirement account vs "
    "the normal pension plan. None of it has been taxed. My rub is that I was 46 "
    "when I retired, so I've been paying the 10% penalty since my financial needs "
    "vary and I never set up a 72T type plan.\n\nOf late, I've been reading about "
    "some IRS rules that changed in 2006 not requiring public safety workers to "
    "pay the penalty so long as they had a normal retirement, which is defined as "
    "age 50. My tax software mirrored this. My question is if my situation "
    "constitutes a normal retirement so I don't have to pay the penalty. I'm "
    "planning on contacting a tax firm such as HR Block and/or the IRS to get an "
    "answer.\n\nI'm looking for anyone that may have experience in this area- I "
    "can't be the first one to do this.\n\nThanks for any help or advice."
)

BA055 = (  # https://www.early-retirement.org/forums/f28/roth-conversion-5-year-rule-109803.html
    "My wife got a notice from her employer today regarding her retirement and "
    "options for her t401K. One option they mentioned was converting the proceeds "
    "into a Roth IRA. She has a substantial sum of money in her t401K account so "
    "that wouldn’t make sense tax wise to do it all of it. But the information "
    "from her employer indicated that if she did do it, that her withdrawals "
    "would be subject to a 5 year rule which I should probably have been aware "
    "of, but embarrassingly, I was not.\n\nI’m a bit confused by what I read. If "
    "she converts any of those funds she would need to pay taxes on the amount "
    "converted (I get that). Would she also have to wait until she is 59 1/2 and "
    "5 years from the tax year of the conversion to withdrawal any funds without "
    "paying an additional tax and/or penalty? (That would make her about 63 to e "
    "elligible.). Or would she be able to take out her converted contributions "
    "once she hits 59 1/2 and not pay any taxes and/or penalties? (In other words "
    "only the earnings are off limits for 5 years.) Or is it something "
    "else?\n\nI’ve googled this and found a number of references but once I read "
    "one website and think I understand, I look at another and get what appears "
    "to be a different understanding.\n\nThanks in advance for helping to "
    "clarify."
)

BA079 = (  # https://forum.mrmoneymustache.com/ask-a-mustachian/how-does-401k-work-with-young-age-early-retirement/?action=printpage
    "I am wondering how the 401k helps with retirement if someone is wanting to "
    "retire at a younger age. I don't feel like I fully understand how it works. "
    "I know that my company does NOT do any matching at all, otherwise this would "
    "seem more appealing.\n\nPlease correct me if I'm wrong because this is "
    "something with which I have very little education or experience.\n\nThis is "
    "my understanding:\nI can put up to $17.5k into the 401k and I don't have to "
    "pay taxes on that money now, but I pay the taxes on the year I take it "
    "out.\nI can see tax benefits of this if my tax bracket is lower in "
    "retirement than it is now, and it probably will be. Otherwise I'm just "
    "paying taxes later, but still paying taxes.\nHowever if I take it out before "
    "I'm 59.5, then I pay the taxes plus an additional 10% penalty.\n\nThis is "
    "the part where I don't understand the benefit for a very early retirement "
    'age. I don\'t consider late 50s to be "early retirement" even though some '
    "would.\n\nSo lets say I want to retire at age 40. I have to pay a 10% "
    "penalty on anything I take out? It seems like my money is just locked up "
    "until I'm 60 which is something I don't want to do."
)

BC009 = (  # https://irahelp.com/forum-post/15029-after-tax-contributions-roth
    "!00% agreement (is that ever possible?) that After – tax contributions to a "
    "401(k) can be rolled over into a Roth IRA?"
)


@pytest.mark.parametrize("text", [BA053, BA055, BA079])
def test_pretax_money_gets_no_after_tax_paragraph(text: str) -> None:
    said = first_reply(text)
    for wrong in (
        *AFTER_TAX_TEMPLATES,
        "How it is taxed depends on the kind of money",
        "The authority is IRS Notice 2014-54",
        "After-tax contributions you roll",
    ):
        assert wrong not in said, said


@pytest.mark.parametrize(
    "text",
    [
        BA053,
        BA079,
        "None of it has been taxed; it is all in my 403(b).",
        "I don't pay taxes on that money now, I pay when I take it out of the 401k.",
        "My 401k is all pretax. Can I move some of it to a Roth IRA and what will it cost?",
        "Last year I converted a portion of my (pure, vanilla, pre-tax) 401k directly to a "
        "Roth IRA.",
    ],
)
def test_pretax_money_said_in_words_is_read(text: str) -> None:
    assert read(text).facts.get("has_pretax_money") is True


def test_bc009_after_tax_written_with_a_dash_is_after_tax_money() -> None:
    said = first_reply(BC009)
    assert "How it is taxed depends on the kind of money" not in said
    assert "after-tax" in said and "Roth IRA tax-free" in said


# ---- Roth 401(k) money is not after-tax money and never goes to a traditional IRA -------


@pytest.mark.parametrize(
    "text",
    [
        "My Roth 401k is after-tax money. Can I roll it to a traditional IRA and then convert?",
        "I have only Roth contributions in my 401k. When I leave, what are my options for "
        "rolling it over?",
        "My 403(b) is all Roth. Can I move it to a Roth IRA?",
    ],
)
def test_roth_401k_money_rolls_only_to_a_roth_ira(text: str) -> None:
    said = first_reply(text)
    assert "only to a Roth IRA or another plan's Roth account" in said, said
    for wrong in (*AFTER_TAX_TEMPLATES, "How it is taxed depends on the kind of money"):
        assert wrong not in said, said


def test_a_roth_401k_rollover_is_reported_with_code_h() -> None:
    said = first_reply("All of my 401k contributions were Roth. How is the rollover reported?")
    assert "code H" in said
    assert "code G" not in said and "box 5 your after-tax contributions" not in said
