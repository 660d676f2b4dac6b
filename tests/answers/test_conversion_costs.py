"""What a Roth conversion costs beside its own tax, paying that tax on time, and undoing one.

The commonest miss an expert found on unseen forum questions: a question about the cost
and mechanics of a conversion answered by the nearest stock paragraph. The catalogue now
answers each in one or two sentences that lead the reply:

- conversion income counts in the income that taxes Social Security benefits (IRC 86; the
  base amounts are statutory, not indexed);
- it counts in the MAGI Medicare reads two years later for IRMAA (42 U.S.C. 1395r(i)(4));
  the tiers change each year and are cited, not quoted;
- it counts in the MAGI of the same year's ACA premium tax credit (IRC 36B(d)(2));
- it stacks under long-term gains and qualified dividends (IRC 1(h));
- it is not net investment income but raises the MAGI of the 3.8% tax (IRC 1411(c)(5));
- the estimated tax safe harbor (IRC 6654(d)) and withholding treated as paid evenly
  (6654(g));
- a conversion made after 2017 cannot be recharacterized (IRC 408A(d)(6)(B)(iii), TCJA
  sec. 13611);
- "how much tax on converting $X": the engine's figure through the year's brackets
  (knowledge.conversion), or the person's marginal rate, or the rule and the fact it needs.

Real questions, verbatim, with their source addresses, and paraphrases.
"""

from __future__ import annotations

import pytest
from answer_findings import TODAY, first_reply, said_by
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.answers import catalogue
from knowledge.answers import verdict as verdict_of
from knowledge.engine import calculate
from knowledge.facts import Facts
from knowledge.params import param
from nlu.reader import read

# (id, the catalogue question, the text verbatim, its source)
REAL = [
    (
        "conversion_social_security",
        "Q: I've read a couple of your articles on converting a traditional individual "
        "retirement account to a Roth IRA. Would such a conversion add to the income "
        "included in calculating the tax I owe on my Social Security benefits?",
        "http://money.com/roth-ira-conversion-taxes-social-security/",
    ),
    (
        "conversion_aca",
        "Dear Liz: With the recent stock market correction, I am considering doing a Roth "
        "conversion on an existing IRA now that it is worth less. I can handle the "
        "accompanying income tax hit. But while I see plenty of ink spilled on how a Roth "
        "conversion can increase Medicare premiums, what about Affordable Care Act costs? "
        "Is it the same story there: Will a one-time income spike this year due to Roth "
        "conversion impact what I pay all next year for ACA health insurance?",
        "https://asklizweston.com/qa-how-your-health-insurance-costs-could-rise-because-of-"
        "a-roth-ira-conversion/",
    ),
    (
        "conversion_estimated_tax",
        "How do I avoid an underpayment penalty when I do a large ROTH conversion?\n\nI plan "
        "on doing a ROTH conversion of around $80K.  The goal is to put my taxable income "
        "near the top of the 24% tax bracket for single filers. That will be $197,300.\n\n"
        "I have never paid estimated payments before. I receive a paycheck and get a W2 at "
        "the end of the year.\n\nLast year I converted $70K and paid a $250 penalty.\n\n"
        "I'd like to avoid that this year. Does it matter when during the year I do the "
        "ROTH conversion to avoid a penalty?\n\nThanks",
        "https://ttlc.intuit.com/community/retirement/discussion/how-do-i-avoid-an-"
        "underpayment-penalty-when-i-do-a-large-roth-conversion/00/3707212",
    ),
    (
        "conversion_estimated_tax",
        "My current pension and SocSec tax withholding meets my current year tax "
        "obligations.\n\nIf in November I then decide to do a significant Roth conversion, "
        "assuming my tax obligation is an additional $15,000, will it be OK just to make an "
        "online tax payment (federal and state) at the time of the conversion?\n\nDoesn't "
        "the government assume my income, including now the Roth conversion, occurred over "
        "the course of the entire year and I should've been making associated tax payments "
        "all year long? And perhaps result in some type of penalty?",
        "https://irahelp.com/forum-post/62637-roth-conversion-tax",
    ),
    (
        "conversion_estimated_tax",
        "Is the underpayment penalty calculated on actual tax owed or on the amount I would "
        "have needed to pay quarterly to be in the safe harbor?\n\nI am planning a large "
        "Roth conversion before the end of the year. I think this will trigger an "
        "underpayment penalty for me. I should have been paying quarterly payments because "
        "the amount to get in the safe harbor would have been very small.",
        "https://ttlc.intuit.com/community/taxes/discussion/is-the-underpayment-penalty-"
        "calculated-on-actual-tax-owed-or-on-the-amount-i-would-have-needed-to/00/3401919",
    ),
    (
        "conversion_estimated_tax",
        "Can you address underpayment penalty of paying taxes of a Roth Conversion?  I "
        "understand to max dollars to your Roth account, most promote paying taxes from "
        "after- tax accounts (i.e. cash, brokerage accounts\u2026).  However the pitfall; you "
        "may be subject underpayment penalty if you have not provided and made sufficient 4 "
        "quarterly estimated tax payments to the IRS.  This is especially problematic if you "
        "make the traditional Roth Conversion in last quarter, e.g. December. With this the "
        "IRS considers this earn income throughout the year and not the quarter when the "
        "conversion was executed. However on the other hand, if you pay your Federal Taxes "
        "and have a portion of as \u201cwithhold tax\u201d from the converted IRA dollars, "
        "then you are not subject to and avoid underpayment penalty, as the IRS considers a "
        "withholding as payment was made equally throughout the year.  Is my understanding "
        "correct?",
        "https://irahelp.com/?p=511188980",
    ),
    (
        # a generic "taxes on Roth conversions" opener first: the stock paragraph it
        # would bring is not what is asked
        "conversion_estimated_tax",
        "I was wondering if you've discussed taxes on Roth conversions before. "
        "Specifically, I'm really confused on whether or not I would need to make estimated "
        "tax payments to the IRS. Does it matter when I do the conversion, January vs. "
        "December, for instance? Would I make a single estimated payment, or would I have "
        "to make four during the year? I do NOT currently make estimated payments. My wife "
        "and I file jointly and have taxes withheld from our paychecks and typically may owe "
        "a few grand at most in taxes in April.",
        "https://obliviousinvestor.com/estimated-taxes-roth-conversions/",
    ),
    (
        # withholding told beside the penalty it brought, then "Am I missing something?"
        "conversion_withholding",
        "In October 2020, I converted $15,000 of my IRA to my Roth IRA. My tax software says "
        "I owe a penalty of $300 because I am under 59 \u00bd.  I knew the conversion would "
        "be taxable, so I withheld $3,000 but I thought the penalty was waived on "
        "conversions. Am I missing something?",
        "https://profitpointstudio.com/retirement-weekly-why-am-i-being-charged-a-penalty-"
        "on-my-roth-conversion/",
    ),
]

OPENINGS = {
    "conversion_social_security": "A conversion's taxable amount counts in the income that "
    "decides how much of your Social Security is taxed",
    "conversion_irmaa": "A conversion's taxable amount counts in the modified AGI that sets "
    "Medicare's",
    "conversion_aca": "A conversion's taxable amount is income: it counts in your household's "
    "modified AGI (MAGI), which sets your ACA premium tax credit",
    "conversion_capital_gains": "A conversion is ordinary income at your bracket rates, but "
    "your long-term gains",
    "conversion_niit": "A conversion is not net investment income itself",
    "conversion_estimated_tax": "There is no underpayment penalty if withholding plus",
    "undo_conversion": "A Roth conversion, from an IRA or from a plan, can no longer be undone",
    "conversion_withholding": "Tax withheld from a conversion never reaches the Roth",
}


@pytest.mark.parametrize(("qid", "text", "source"), REAL, ids=[r[2][8:60] for r in REAL])
def test_a_real_question_is_answered_first(qid: str, text: str, source: str) -> None:
    assert qid in read(text).asks, source
    reply = first_reply(text)
    assert reply.startswith(OPENINGS[qid]), reply
    assert "How it is taxed depends on the kind of money" not in reply


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        (
            "conversion_social_security",
            "Will a Roth conversion make more of my Social Security taxable?",
        ),
        (
            "conversion_social_security",
            "I'm 66 and collecting SS benefits. If I convert "
            "$40k of my IRA, does that increase the tax on my Social Security?",
        ),
        ("conversion_irmaa", "Will converting my IRA raise my IRMAA?"),
        (
            "conversion_irmaa",
            "Does a Roth conversion count as income for Medicare Part B premiums?",
        ),
        ("conversion_aca", "Will a Roth conversion reduce my ACA subsidy?"),
        (
            "conversion_aca",
            "I'm on a marketplace plan. If I convert part of my IRA, will I "
            "lose my premium tax credit?",
        ),
        (
            "conversion_capital_gains",
            "Will converting push my qualified dividends into a higher capital gains bracket?",
        ),
        (
            "conversion_capital_gains",
            "If I do a Roth conversion, will my long term capital "
            "gains be taxed at 15% instead of 0%?",
        ),
        ("conversion_niit", "Does a Roth conversion count as net investment income for the NIIT?"),
        ("conversion_niit", "Will my Roth conversion trigger the 3.8% net investment income tax?"),
        (
            "conversion_estimated_tax",
            "If I pay the conversion tax in April will I owe an underpayment penalty?",
        ),
        (
            "conversion_estimated_tax",
            "Do I need to make quarterly estimated payments after a Roth conversion?",
        ),
        ("undo_conversion", "Can I undo my Roth conversion?"),
        (
            "undo_conversion",
            "I converted 20k to my Roth IRA last month and regret it. Is "
            "there a way to reverse it?",
        ),
        (
            "undo_conversion",
            "Can I recharacterize my 2025 Roth conversion back to a traditional IRA?",
        ),
        ("undo_conversion", "Is a Roth conversion irreversible?"),
        ("undo_conversion", "Is there any way to undo a Roth IRA conversion I did in January?"),
        (
            "undo_conversion",
            "I converted the wrong amount. Can I put it back into the traditional IRA?",
        ),
        ("conversion_irmaa", "Will my Roth conversion affect my Medicare premiums?"),
        ("conversion_irmaa", "I'm 64. Does converting now hit IRMAA in two years?"),
        ("conversion_irmaa", "Which year's income does Medicare use if I convert at 63?"),
        ("conversion_social_security", "Does converting increase my provisional income?"),
        (
            "conversion_social_security",
            "I'm collecting social security. Will Roth conversions make my benefits taxable?",
        ),
        ("conversion_aca", "Does a Roth conversion count as MAGI for Obamacare?"),
        (
            "conversion_capital_gains",
            "I want to harvest capital gains at 0% and also convert some IRA money. Does the "
            "conversion count against the 0% bracket?",
        ),
        # "Medicare surtax" is the NIIT, not Medicare's premiums
        ("conversion_niit", "Is a Roth conversion subject to the 3.8% Medicare surtax?"),
        ("conversion_niit", "Does converting my IRA count as investment income?"),
        ("conversion_estimated_tax", "Should I make a quarterly payment after converting?"),
        (
            "conversion_estimated_tax",
            "Can I just pay the tax on my Roth conversion when I file in April, or will there "
            "be a penalty?",
        ),
    ],
)
def test_a_paraphrase_is_answered_first(qid: str, text: str) -> None:
    assert read(text).asks[0] == qid
    reply = first_reply(text)
    # (a question of what is possible gets its verdict first: "No: a Roth conversion ...")
    verdict = verdict_of(qid, catalogue()[qid].findings[0], {})
    opening = OPENINGS[qid]
    assert reply.startswith(opening) or (
        verdict is not None and reply.startswith(f"{verdict}: {opening[:1].lower()}{opening[1:]}")
    ), reply
    assert "How it is taxed depends on the kind of money" not in reply
    assert "As often as the plan allows" not in reply


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        # a reverse rollover (IRA money into a plan) is not undoing a conversion (ba014)
        (
            "undo_conversion",
            "I did a reverse rollover earlier this month from a traditional "
            "IRA to my 401k to get ready for a backdoor Roth conversion. Can I still fix this?",
        ),
        # Roth money taken out counting for a subsidy is not the conversion's income (ba075)
        (
            "conversion_aca",
            "If I convert my rollover IRA in chunks, would the money "
            "withdrawn from the Roth IRA count as income for an Obamacare subsidy?",
        ),
        # a capital loss against future tax payments is not estimated tax (bb058)
        (
            "conversion_estimated_tax",
            "Is it possible to offset this loss against future "
            "income tax payments in the event I elect to convert gross balance into a Roth "
            "IRA?",
        ),
        # starting benefits is timing, not their tax (ab01's closing line)
        (
            "conversion_social_security",
            "I have a sizeable Traditional IRA I want to convert "
            "over before I start drawing Social Security.",
        ),
        # how much to convert around IRMAA is conversion_planning's (bc033-like), though
        # "how much tax" beside an IRMAA question is not (the multi-question test below)
        (
            "conversion_irmaa",
            "How much should I convert each year to stay under the IRMAA threshold?",
        ),
        # a safe harbor 401(k) plan is not the estimated tax safe harbor (ba061)
        (
            "conversion_estimated_tax",
            "Our plan is a safe harbor 401k. Can we add in-plan conversions of after-tax money?",
        ),
    ],
)
def test_a_near_miss_is_not_this_question(qid: str, text: str) -> None:
    assert qid not in read(text).asks


def test_an_effect_asked_alone_is_not_repeated_by_conversion_planning() -> None:
    reply = first_reply("Will a Roth conversion reduce my ACA subsidy?")
    assert reply.count("premium tax credit") == 1
    assert "how much to convert" not in reply


def test_social_security_amounts_are_the_statutes() -> None:
    said = said_by("conversion_social_security")
    text, section = said["conv_cost.social_security"]
    rule = param("gov.irs.social_security.taxable_benefits", 2026)
    # IRC 86(c): $25,000 / $32,000 base, $34,000 / $44,000 adjusted base; 50% then 85%
    for amount in (
        rule["base_amount"]["single"],
        rule["base_amount"]["mfj"],
        rule["adjusted_base_amount"]["single"],
        rule["adjusted_base_amount"]["mfj"],
    ):
        assert f"${amount:,.0f}" in text
    assert "up to 50%" in text and "up to 85%" in text and "not indexed" in text
    assert section.startswith("IRC 86")


def test_irmaa_gives_the_look_back_and_no_tier_figures() -> None:
    said = said_by("conversion_irmaa")
    years = param("gov.hhs.medicare.irmaa_lookback_years", 2026)
    text, section = said["conv_cost.irmaa"]
    assert f"{years} years earlier" in text
    assert section.startswith("42 U.S.C. 1395r(i)(4)(B)(i)")
    tiers, _ = said["conv_cost.irmaa_tiers"]
    assert "$" not in tiers  # the year's tiers are not kept: where they are published


def test_niit_rate_is_not_rounded_and_thresholds_are_statutory() -> None:
    text, section = said_by("conversion_niit")["conv_cost.niit"]
    assert "3.8% tax" in text
    assert "$200,000 single, $250,000 joint; not indexed" in text
    assert "not net investment income itself (IRC 1411(c)(5))" in text
    assert section.startswith("IRC 1411")


def test_capital_gains_rates() -> None:
    text, section = said_by("conversion_capital_gains")["conv_cost.capital_gains"]
    assert "0%, 15% or 20% rate (IRC 1(h))" in text
    assert section.startswith("IRC 1(h)")


def test_estimated_tax_safe_harbor_shares() -> None:
    said = said_by("conversion_estimated_tax")
    text, section = said["conv_pay.safe_harbor"]
    # IRC 6654(d)(1)(B) 90% / 100%; (d)(1)(C) 110% above $150,000 AGI
    assert "90% of this year's tax" in text and "100% of last year's" in text
    assert "(110% if last year's AGI was over $150,000)" in text
    assert section.startswith("IRC 6654(d)")
    even, _ = said["conv_pay.withholding_even"]
    assert "paid evenly through the year" in even and "6654(g)" in even


def test_a_conversion_after_2017_cannot_be_undone() -> None:
    said = said_by("undo_conversion")
    text, section = said["undo.not_possible"]
    last = param("gov.irs.ira.roth.conversion_recharacterization", 2026)["last_year"]
    assert f"conversions made after {last}" in text
    assert "408A(d)(6)(B)(iii), TCJA sec. 13611" in text
    assert section.startswith("IRC 408A(d)(6)(B)(iii)")
    # a year's regular contribution still can be (the recharacterize entry's rule)
    assert said["undo.contribution_only"][1].startswith("IRC 408A(d)(6)")


def test_undoing_is_not_answered_by_the_contribution_entry_alone() -> None:
    asks = read("Can I recharacterize my Roth conversion back to my traditional IRA?").asks
    assert asks[0] == "undo_conversion"
    assert "recharacterize" not in asks  # covered: the contribution is its second sentence


# ---- "How much tax will I owe on converting $X?": the engine's figure leads ----------------


def _engine_conversion(facts: dict) -> dict:
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    return result["limits"]["conversion"]


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (
            "I want to convert $50,000 from my traditional IRA to a Roth IRA this year. I'm "
            "single and my income is $80,000. How much tax will I owe on the conversion?",
            {"conversion_amount": 50000, "income": 80000, "filing_status": "single"},
        ),
        (
            "If I convert 40k of my IRA to Roth, how much federal tax will that be? We file "
            "jointly, income about 120k.",
            {"conversion_amount": 40000, "income": 120000, "filing_status": "mfj"},
        ),
    ],
)
def test_the_engines_figure_leads(text: str, facts: dict) -> None:
    reading = read(text)
    assert reading.asks[0] == "conversion_tax"
    assert {k: reading.facts.get(k) for k in facts} == facts
    tax = _engine_conversion(facts)["federal_tax"]
    assert first_reply(text).startswith(
        f"Converting ${facts['conversion_amount']:,} adds about ${tax:,.0f} of federal income tax"
    )


def test_the_brackets_not_a_flat_rate() -> None:
    # $80,000 single in 2026: the $50,000 starts in the 22% band and ends in the 24% one
    # (IRC 1(j), Rev. Proc. 2025-32), so the tax is between the two flat figures
    conversion = _engine_conversion(
        {"conversion_amount": 50000, "income": 80000, "filing_status": "single", "year": 2026}
    )
    assert conversion["basis"] == "brackets"
    assert 50000 * 0.22 < conversion["federal_tax"] < 50000 * 0.24


def test_a_marginal_rate_alone_gives_its_figure_and_asks_the_status() -> None:
    text = "I'm in the 22% bracket. If I convert $25,000 of my IRA, how much tax will I owe?"
    reply = first_reply(text)
    assert reply.startswith("At your 22% marginal rate, converting $25,000 adds about $5,500")


@pytest.mark.parametrize(
    "text",
    [
        "How much tax will I owe on a $30,000 Roth conversion?",
        "How much tax do I pay when I convert my IRA to a Roth?",
    ],
)
def test_without_income_the_rule_and_the_fact_it_needs(text: str) -> None:
    assert read(text).asks[0] == "conversion_tax"
    reply = first_reply(text)
    assert reply.startswith("A conversion's pretax part is added to your other income")
    assert "I can give the figure" in reply
    assert "How it is taxed depends on the kind of money" not in reply  # (covered)


@pytest.mark.parametrize(
    "text",
    [
        # after-tax plan money: its earnings are what is taxed (all_to_roth_tax, ba023)
        "I contributed $10k after-tax and it is now $11k. How much taxes will I be paying on "
        "the $1k earnings if I convert it?",
        # an IRA holding basis: pro-rata decides the taxable part (be025, ba057)
        "I made non-deductible contributions to my traditional IRA. How much tax will I owe "
        "if I convert it?",
        "how do I calculate my tax due on this backdoor Roth conversion assuming I will be in "
        "the 24% tax bracket?",
        # the tax "that will be due" on a conversion is a withholding question (ab01)
        "Can I have my traditional IRA custodian withhold enough federal income tax to pay "
        "the tax that will be due on the converted amount?",
    ],
)
def test_not_the_conversion_tax_of_pretax_money(text: str) -> None:
    assert "conversion_tax" not in read(text).asks


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("I plan to convert $50,000 this year.", 50000),
        ("How much tax on a $30,000 Roth conversion?", 30000),
        ("I did a Roth conversion of $15,000 in March.", 15000),
        ("She is converting 20k from her rollover IRA.", 20000),
        # the whole of a holding converted
        ("If I convert my whole $80k IRA, how much will I owe?", 80000),
        ("I'm converting all of my $60,000 IRA this year.", 60000),
    ],
)
def test_the_amount_converted_is_read(text: str, amount: int) -> None:
    assert read(text).facts.get("conversion_amount") == amount


@pytest.mark.parametrize(
    "text",
    [
        # the account converted is a holding, not the amount
        "I am converting my $300k IRA over several years.",
        # several different amounts: a story, for the conversation to ask about
        "I converted $20,000 in 2023 and converted $35,000 in 2024.",
        # an example's figure is not the asker's
        "Here is an example that illustrates my situation:\n1. Convert $10K from tIRA into a "
        "Roth IRA every year.\n\nQuestions: how much can I withdraw?",
    ],
)
def test_no_conversion_amount_when_unclear(text: str) -> None:
    assert "conversion_amount" not in read(text).facts


def test_no_conversion_amount_no_conversion_block() -> None:
    result = calculate(Facts.from_mapping({"age": 50}), today=TODAY).to_json()
    assert "conversion" not in result["limits"]


def test_a_fact_answered_gives_the_figure() -> None:
    """The conversation asks the one fact that gives a figure, then says it."""
    session = Session(key="t")
    first = respond(
        session,
        "How much tax will I owe on a $30,000 Roth conversion from my IRA?",
        today=TODAY,
        now=0,
    ).text
    assert first.startswith("A conversion's pretax part is added to your other income")
    assert "marginal tax rate" in first  # the one fact that gives a figure on its own
    second = respond(session, "my income is 90k and I file single", today=TODAY, now=0).text
    tax = _engine_conversion(
        {"conversion_amount": 30000, "income": 90000, "filing_status": "single"}
    )["federal_tax"]
    assert f"Converting $30,000 adds about ${tax:,.0f} of federal income tax" in second


@pytest.mark.parametrize(
    "text",
    [
        "What will the tax be on a $20k conversion?",
        "How much will converting $100k cost me in taxes?",
        "What would my tax bill be if I converted $60,000 this year? I'm married filing "
        "jointly with $150k income.",
    ],
)
def test_a_tax_amount_asked_is_the_conversion_tax(text: str) -> None:
    assert read(text).asks[0] == "conversion_tax"


def test_several_costs_asked_in_one_sentence_each_answered_in_order() -> None:
    text = (
        "I'm 62, retired, single, with $600k in a traditional IRA and about $40k of pension "
        "income. I'm thinking of converting $50,000 a year until 70. How much tax will I owe "
        "on each conversion, and will it raise my Medicare premiums later? I also have "
        "taxable dividends."
    )
    assert read(text).asks[:2] == ("conversion_tax", "conversion_irmaa")
    reply = first_reply(text)
    assert reply.startswith("A conversion's pretax part is added to your other income")
    assert OPENINGS["conversion_irmaa"] in reply


def test_an_age_not_given_is_said_and_asked() -> None:
    """At 65 the deductions change (IRC 63(f); 2025-2028 the senior deduction, which the
    conversion's income can shrink, so the figure can go up, not only down): an age not
    given is said as an assumption and asked."""
    text = (
        "I want to convert $50,000 from my traditional IRA to a Roth IRA this year. I am "
        "single and my income is $80,000. How much tax will I owe on the conversion?"
    )
    session = Session(key="t")
    first = respond(session, text, today=TODAY, now=0).text
    assert "takes everyone on the return to be under 65" in first
    assert "How old are you?" in first
    second = respond(session, "68", today=TODAY, now=0).text
    tax = _engine_conversion(
        {"conversion_amount": 50000, "income": 80000, "filing_status": "single", "age": 68}
    )["federal_tax"]
    assert f"Converting $50,000 adds about ${tax:,.0f}" in second
    assert "under 65" not in second
    # the senior deduction lost to the conversion makes the 68-year-old's figure higher
    under = _engine_conversion(
        {"conversion_amount": 50000, "income": 80000, "filing_status": "single", "age": 50}
    )["federal_tax"]
    assert tax > under


@pytest.mark.parametrize(
    "text",
    [
        # bd029 (batch_d), verbatim: the ACA named in the first sentence, the income asked
        # beside the conversion ("can I do a $10k-$15k Roth conversion to make up the
        # difference? Looks like conversions count as income?")
        real_question("bd029", EVAL / "batch_d.jsonl"),
        "We want to qualify for a marketplace subsidy next year. Would a $12,000 Roth "
        "conversion count toward our income?",
        "Our ACA plan needs us above the poverty line. Can we use IRA conversions to add income?",
    ],
)
def test_the_aca_named_elsewhere_and_the_income_asked_by_the_conversion(text: str) -> None:
    assert "conversion_aca" in read(text).asked
    first = first_reply(text).split("\n\n")[0]
    assert first.startswith(OPENINGS["conversion_aca"])
    # both ways: an income under the credit's floor lifted into it, or the credit shrunk
    assert "lift an income below the credit's floor into its range" in first
    assert "shrink or end the credit above it" in first


def test_the_aca_named_as_not_theirs_is_no_aca_question() -> None:
    # ba004 (batch_a): "my health insurance is through Tricare so I won't be dealing with ACA
    # subsides ... Can anyone argue that Roth conversions would be more beneficial ...?"
    assert "conversion_aca" not in read(real_question("ba004", EVAL / "batch_a.jsonl")).asks
