"""The poster's own figure, asked to be checked, gets a verdict first (issue 10; expert
graders of the first replies found "no verdict first, and the poster's own figure left
standing").

A poster often states a figure and asks whether it is right: "If I roll it all to a Roth
IRA, do I only pay tax on the $5,000?". The expert's reply starts "Yes: about $5,000 ..."
or "No: about $Y, because ...". ``nlu.figures`` reads the figure and its role
(``nlu/patterns/figures.yaml``), ``knowledge.figures`` compares it with the engine's
figure for the same quantity (``knowledge/data/figures.yaml``), and the reply opens with
the verdict from the message catalogue (``figure.*`` of ``bot/messages/en.yaml``).

Precision first: a wrong "No" is the worst reply there is. No verdict without the facts
the engine needs, for a figure told as a fact, for one whose role or account is unclear;
where the answer turns on whether the plan accounts for the after-tax money separately, a
"Yes" states the condition and a figure that condition decides gets what it turns on.

Of the released texts (the census in benchmarks/README.md) one post's figure can be
checked from its own facts (fq101, an IRA conversion with its basis stated); the other
real posts below are the negative cases, verbatim, and the paraphrases the rest.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from conversation_stories import EVAL, SHARED, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.engine import calculate
from knowledge.facts import Facts
from knowledge.figures import agrees, check
from nlu.figures import TO_ROTH_IRA, TO_ROTH_PLAN, StatedFigure
from nlu.reader import read

TODAY = date(2026, 12, 6)
DEV = SHARED / "eval" / "dev.jsonl"
REAL = SHARED / "eval" / "real.jsonl"


def _first(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text.split("\n\n")[0]


# -- the reader: a figure, its role, the move it is part of ---------------------------------

PLAN = "I have $30,000 of after-tax contributions and $5,000 of earnings in my 401k. "


@pytest.mark.parametrize(
    ("text", "amount", "to"),
    [
        (PLAN + "If I roll the after-tax money to a Roth IRA, do I only pay tax on the $5,000?",
         "5000", TO_ROTH_IRA),
        (PLAN + "If I convert the after-tax money to my Roth IRA, $5,000 would be taxable, right?",
         "5000", TO_ROTH_IRA),
        (PLAN + "Converting the after-tax money to my Roth IRA, $5,000 would be taxable. "
         "Is that correct?", "5000", TO_ROTH_IRA),
        (PLAN + "If I do an in-plan conversion of the after-tax money to the Roth 401k, is the "
         "taxable amount $4,000?", "4000", TO_ROTH_PLAN),
        (PLAN + "Would I be taxed on only the $5k if I roll my after-tax money into a Roth IRA?",
         "5000", TO_ROTH_IRA),
    ],
)  # fmt: skip
def test_a_figure_asked_to_be_checked_is_read_with_its_role(
    text: str, amount: str, to: str
) -> None:
    (figure,) = read(text).figures
    assert (figure.quantity, figure.amount, figure.to) == ("taxable", Decimal(amount), to)


@pytest.mark.parametrize(
    "text",
    [
        # told as a fact, not asked
        PLAN + "When I convert the after-tax money to my Roth IRA I will pay tax on the $5,000.",
        # no move named: which figure is meant, unclear
        PLAN + "Do I only pay tax on the $5,000?",
        # another person's figure
        PLAN + "The rep told me I would pay tax on the $5,000 if I roll the after-tax money "
        "to a Roth IRA, is that right?",
        # a traditional IRA named beside the plan's money: whose figure, unclear
        PLAN + "If I roll the after-tax money and my traditional IRA to a Roth IRA, do I "
        "only pay tax on the $5,000?",
        # two other amounts in the sentence: which one moves, unclear
        PLAN + "If I roll $10,000 or $20,000 of the after-tax money to a Roth IRA, do I pay "
        "tax on the $5,000?",
    ],
)
def test_no_figure_where_it_is_told_or_its_role_is_unclear(text: str) -> None:
    assert read(text).figures == ()


# -- real posts, verbatim: no verdict ----------------------------------------------------


def test_fq101_yes_about_30000_if_no_other_ira_money_at_year_end() -> None:
    # real.jsonl fq101 (https://overviewforex.com/im-47-left-my-job-and-want-to-convert-
    # my-130k-ira-to-a-roth-should-i-do-it/): "my traditional IRA is worth roughly $130,000.
    # About $100,000 of that IRA is after-tax contributions ... If I convert that account
    # to my Roth IRA, do I only pay tax on the $30,000?" The expert: "Yes, about $30,000 is
    # taxable, if you have no other traditional, SEP or SIMPLE IRAs at year-end".
    text = real_question("fq101", REAL)
    (figure,) = read(text).figures
    assert (figure.source, figure.basis, figure.amount) == ("ira", 100000, 30000)
    first = _first(text)
    assert first.startswith("Yes: about $30,000 would be taxable, the value above your $100,000")
    assert "if no other traditional, SEP or SIMPLE IRA money is in your IRAs on Dec" in first
    # (his same-year 401(k) rollover is still answered after it)
    assert "whatever the order" in respond(Session(key="t"), text, today=TODAY, now=0).text


IRA = "My traditional IRA has $40,000, with a basis of $10,000. "


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (IRA + "If I convert the whole IRA to a Roth IRA, do I only pay tax on the $30,000?",
         "Yes: about $30,000 would be taxable, the value above your $10,000 of basis"),
        (IRA + "If I convert it to a Roth IRA, would I pay tax on $20,000?",
         "No: at least about $30,000 would be taxable"),
        (IRA + "If I convert it to a Roth IRA, would I pay tax on $35,000?",
         "That turns on your other IRAs: with no other traditional, SEP or SIMPLE IRA money"),
        ("About $8,000 of my IRA is nondeductible contributions; the IRA is worth $10,000. "
         "If I convert the IRA to my Roth IRA, is the taxable amount $2,000?",
         "Yes: about $2,000 would be taxable, the value above your $8,000 of basis"),
    ],
)  # fmt: skip
def test_converting_an_ira_with_its_basis_stated(text: str, verdict: str) -> None:
    assert _first(text).startswith(verdict)


@pytest.mark.parametrize(
    "text",
    [
        # the basis is the plan's, said beside the plan
        "I have $50,000 in a rollover IRA. My 401k after-tax basis of $20,000 is separate. If "
        "I convert that IRA to a Roth IRA, do I pay tax on the $50,000?",
        # part of the IRA converted: pro-rata, not the whole move's figure
        IRA + "If I convert half of the IRA to a Roth IRA, would I pay tax on $15,000?",
        # no basis stated
        "My traditional IRA has $40,000. If I convert it to a Roth IRA, do I pay tax on the "
        "$40,000?",
        # a tax form's figure
        IRA + "I converted it to a Roth IRA and box 2a of the 1099-R shows $40,000 taxable. "
        "Is the taxable amount $40,000?",
    ],
)
def test_no_ira_verdict_where_the_basis_or_the_move_is_unclear(text: str) -> None:
    assert read(text).figures == ()


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # batch_e be007 (https://irahelp.com/forum-post/65375-...): "The $5,000 of earnings
        # are subject to ordinary income taxation." told as an assumption; the question
        # asked is the 10%
        ("be007", EVAL / "batch_e.jsonl"),
        # batch_c bc032 (early-retirement.org): "Federal tax would be under $1k if my
        # calculations are correct." total or added tax, under which income: role unclear
        ("bc032", EVAL / "batch_c.jsonl"),
        # real fq006 (bogleheads t=82767): "If I withdrew $10k, only $1k of it would be
        # pre-tax money." reasoning told, not a figure asked about
        ("fq006", REAL),
        # batch_a ba023: "How much taxes will I be paying on the $1k earnings?" asks for
        # the figure, states none
        ("ba023", EVAL / "batch_a.jsonl"),
        # dev fq099: "pay tax on “just” the $4803 in gains": told, of a post-tax IRA
        ("fq099", DEV),
    ],
)
def test_real_posts_with_a_figure_not_to_be_checked_get_none(qid: str, source) -> None:
    assert read(real_question(qid, source)).figures == ()


# -- the verdict: the engine's figure against the poster's --------------------------------


def _verdict(facts: dict, amount: int, to: str = TO_ROTH_IRA):
    checked = Facts.from_mapping(facts)
    result = calculate(checked, today=TODAY).to_json()
    return check(StatedFigure("taxable", Decimal(amount), to), checked.to_dict(), result)


SEPARATE = {"after_tax_contributions": 30000, "after_tax_earnings": 5000, "age": 40}


def test_the_earnings_are_the_taxable_part_when_the_plan_separates_the_money() -> None:
    facts = {**SEPARATE, "after_tax_separately_accounted": True, "pretax_balance": 100000}
    assert _verdict(facts, 5000).id == "figure.taxable.agrees"
    assert _verdict(facts, 5100).id == "figure.taxable.agrees"  # (a poster rounds)
    wrong = _verdict(facts, 35000)
    assert wrong.id == "figure.taxable.differs"
    assert (wrong.params["figure"], wrong.params["stated"]) == (Decimal(5000), Decimal(35000))
    assert _verdict(facts, 5000, TO_ROTH_PLAN).rule == "irc_402a_c_4"


def test_a_prorating_plan_adds_its_pretax_share() -> None:
    facts = {**SEPARATE, "after_tax_separately_accounted": False, "pretax_balance": 265000}
    # 35,000 out of 300,000 with 30,000 of basis: 3,500 basis, 31,500 taxable
    wrong = _verdict(facts, 5000)
    assert (wrong.id, wrong.params["figure"]) == ("figure.taxable.differs_pro_rata", 31500)
    assert _verdict(facts, 31500).id == "figure.taxable.agrees_pro_rata"
    # (without the plan's pretax money the share is unknown: no verdict)
    assert _verdict({**SEPARATE, "after_tax_separately_accounted": False}, 5000) is None


def test_separate_accounting_unknown_never_gives_a_no_it_could_not_back() -> None:
    facts = {**SEPARATE, "pretax_balance": 265000}
    assert _verdict(facts, 5000).id == "figure.taxable.agrees_if_separate"
    assert _verdict(facts, 31500).id == "figure.taxable.turns_on"  # (right if it prorates)
    # below the earnings: wrong whether or not the plan prorates
    assert _verdict(facts, 1000).id == "figure.taxable.differs_at_least"


def test_no_verdict_without_the_facts_or_for_part_of_the_money() -> None:
    assert _verdict({"after_tax_contributions": 30000, "age": 40}, 5000) is None
    facts = Facts.from_mapping({**SEPARATE, "after_tax_separately_accounted": True})
    result = calculate(facts, today=TODAY).to_json()
    part = StatedFigure("taxable", Decimal(1000), TO_ROTH_IRA, moved=Decimal(10000))
    assert check(part, facts.to_dict(), result) is None
    whole = StatedFigure("taxable", Decimal(5000), TO_ROTH_IRA, moved=Decimal(35000))
    assert check(whole, facts.to_dict(), result).id == "figure.taxable.agrees"


def test_rounding() -> None:
    assert agrees(Decimal(5000), Decimal(5080))
    assert agrees(Decimal(30000), Decimal(31400))  # (5%)
    assert not agrees(Decimal(30000), Decimal(32000))
    assert not agrees(Decimal(0), Decimal(5000))


# -- the reply opens with the verdict ------------------------------------------------------


def test_yes_first_with_the_condition_when_separate_accounting_is_not_said() -> None:
    first = _first(
        PLAN + "If I roll all the after-tax money to a Roth IRA, do I only pay tax on the $5,000?"
    )
    assert first.startswith("Yes, if your plan accounts for the after-tax money separately:")
    assert "about $5,000 would be taxable, the earnings" in first
    assert "IRC 72(e)(8)" in first


def test_no_first_with_the_engines_figure_and_the_rule() -> None:
    first = _first(
        "My 401(k) has $20k after-tax, of which $2k is earnings, and $200k pretax. My plan "
        "accounts for the after-tax money separately. If I convert the after-tax money to a "
        "Roth IRA, $1,000 would be taxable, right?"
    )
    assert first.startswith("No: about $2,000 would be taxable, not $1,000, because only the")
    assert "the $18,000 of after-tax contributions goes to the Roth tax-free" in first


def test_no_first_for_a_prorating_plan() -> None:
    first = _first(
        "My 401(k) has $20k after-tax, of which $2k is earnings, and $180k pretax. The plan "
        "prorates withdrawals. If I convert the after-tax money to a Roth IRA, would I only "
        "pay tax on the $2,000?"
    )
    assert first.startswith("No: about $18,200 would be taxable, not $2,000, because your plan")


def test_the_figure_is_checked_in_the_reply_to_that_message_only() -> None:
    session = Session(key="t")
    respond(
        session,
        PLAN + "If I roll all the after-tax money to a Roth IRA, do I only pay tax on the $5,000?",
        today=TODAY,
        now=0,
    )
    later = respond(session, "I'm 45", today=TODAY, now=1).text
    assert "would be taxable, the earnings" not in later.split("\n\n")[0]
