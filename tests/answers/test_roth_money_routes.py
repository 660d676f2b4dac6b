"""Designated Roth money is never answered as after-tax basis, its split, or a conversion.

Roth 401(k) (403(b), 457(b)) money rolls only to a Roth IRA or another designated Roth
account, untaxed (IRC 402A(c)(3); Treas. Reg. 1.402A-1, Q&A-5): its earnings are not
pretax money, it never goes to a traditional IRA, and a rollover of it is no conversion.
After the plan's 5-taxable-year period, a payout made after death is qualified, wholly
tax-free, whatever the beneficiary's age (IRC 402A(d)(2); Treas. Reg. 1.402A-1, Q&A-2).
A beneficiary who is not the spouse moves it only by direct transfer to an inherited
Roth IRA (IRC 402(c)(11)); a surviving spouse may roll it into their own Roth IRA (IRC
402(c)(9)). Where the text does not say which kind the money is, the reply says how each
kind goes and asks, rather than assume the after-tax source.

Released texts are quoted verbatim with their source; paraphrases beside them.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from conversation_stories import EVAL, SHARED, real_question

from bot.answers import render
from bot.conversation import respond
from bot.reply import Reply
from bot.session import Session
from knowledge.answers import answer, catalogue
from knowledge.engine import calculate
from knowledge.facts import Facts
from nlu.reader import read

TODAY = date(2026, 12, 6)
# what only an answer about after-tax (non-Roth) money or IRA basis says
AFTER_TAX_ROUTE = re.compile(
    r"earnings(, | )?(included, )?to a traditional IRA|pretax part, earnings included"
    r"|Once after-tax money is in a traditional IRA|the after-tax contributions \(box 5"
    r"|that is a Roth conversion|the Forms 8606 you filed|only after-tax contributions go in",
    re.IGNORECASE,
)


def _text(source: str, qid: str) -> str:
    return real_question(qid, EVAL / source)


def _reply(text: str) -> Reply:
    return respond(Session(key="t"), text, today=TODAY, now=0)


def _body(text: str) -> str:
    return _reply(text).text.split("Not tax advice.")[0]


# -- the catalogue: no answer speaks of after-tax money for Roth money alone ----------------


@pytest.mark.parametrize("facts", [{"has_roth_401k": True}, {"roth_401k_balance": 30000}])
@pytest.mark.parametrize(
    "question",
    [
        "move_to_roth",
        "all_to_roth_tax",
        "after_tax_in_ira",
        "other_plans",
        "surviving_spouse",
        "inherited_to_roth",
        "check_to_roth",
        "indirect_rollover",
        "sixty_day_split",
        "basis_access_before_59",
        "ira_basis_record",
        "plan_refuses_split",
        "pretax_to_roth",
    ],
)
def test_roth_money_alone_never_gets_the_after_tax_route(question: str, facts: dict) -> None:
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    said = " ".join(render(f) for f in answer(question, facts, result))
    assert said  # an answer, not silence
    assert not AFTER_TAX_ROUTE.search(said), (question, said)


def test_an_answer_that_holds_for_a_kind_is_kept_for_it_beside_the_roth_answer() -> None:
    facts = {"has_roth_401k": True, "has_pretax_money": True}
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    ids = [f.id for f in answer("check_to_roth", facts, result)]
    assert "roth_check.sixty_days" in ids  # the Roth money's check: no conversion
    assert "paid_out.conversion_pretax" in ids  # the pretax part's: a conversion (harm)
    assert "paid_out.conversion" not in ids  # never "that is a Roth conversion" of it all


def test_roth_and_pretax_money_go_as_two_direct_rollovers() -> None:
    facts = {"has_roth_401k": True, "has_pretax_money": True}
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    found = {f.id: f for f in answer("move_to_roth", facts, result)}
    assert "roth_401k.with_pretax" in found
    assert "code H" in render(found["roth_401k.with_pretax"])
    assert "pretax_to_roth.income" not in found  # not "only after-tax contributions go in"


# -- the reader: Roth money called "after-tax" is Roth money --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I want to roll my Roth 401k, which is after-tax money, into a Roth IRA. What is taxed?",
        "My Roth 401(k) contributions are after tax, so can I move them to my Roth IRA tax free?",
        "I have a Roth 401k (after tax) at my old job. How do I get it to a Roth IRA?",
    ],
)
def test_roth_money_called_after_tax_is_read_as_roth_money(text: str) -> None:
    facts = read(text).facts
    assert facts.get("has_roth_401k") is True
    assert facts.get("has_after_tax_money") is None
    assert not AFTER_TAX_ROUTE.search(_body(text))


def test_after_tax_money_named_beside_roth_money_is_still_after_tax_money() -> None:
    text = "I have a Roth 401k and after-tax contributions of $20,000 in the 401k."
    facts = read(text).facts
    assert facts.get("has_roth_401k") is True
    assert facts.get("after_tax_contributions") == 20000


# bc025 (tests/eval/batch_c.jsonl), verbatim: a statement's "After Tax Roth Contributions"
def test_bc025_after_tax_roth_contributions_are_roth_money_and_no_conversion() -> None:
    text = _text("batch_c.jsonl", "bc025")
    facts = read(text).facts
    assert facts.get("has_roth_401k") is True
    assert "after_tax_total" not in facts
    body = _body(text)
    assert "not a conversion" in body
    assert "only after-tax contributions go in tax-free" not in body
    assert "After-tax contributions you roll or convert" not in body


def test_a_statement_line_of_after_tax_roth_money_is_a_roth_balance() -> None:
    text = "Statement: After-tax Roth contributions - $20,000. Roth earnings - $4,000."
    facts = read(text).facts
    assert facts.get("roth_401k_balance") == 20000
    assert "after_tax_total" not in facts
    assert "after_tax_earnings" not in facts


# -- a Roth 401(k) holder is never told about after-tax money in a traditional IRA ---------


# ba083 (tests/eval/batch_a.jsonl), verbatim: a solo Roth 401(k) to be rolled to a Roth IRA
def test_ba083_a_roth_401k_rollover_is_not_after_tax_money_in_an_ira() -> None:
    body = _body(_text("batch_a.jsonl", "ba083"))
    assert "Once after-tax money is in a traditional IRA" not in body
    # the Roth 401(k) rollover's own answer (its conversions past 59½ are answered first,
    # conversion_after_59, so its second sentence, on box 5, waits behind /why)
    assert "The Roth 401(k)'s clock does not carry over to a Roth IRA" in body


def test_a_roth_401k_rolled_to_a_roth_ira_is_no_ira_basis() -> None:
    text = (
        "Next year I will roll my whole Roth 401k into my Roth IRA. Do I need Form 8606 for "
        "it, and is it IRA basis?"
    )
    body = _body(text)
    assert not AFTER_TAX_ROUTE.search(body)
    assert "Roth IRA" in body


# -- inherited Roth 401(k) money: qualified after death, a direct transfer ------------------


@pytest.mark.parametrize(
    "text",
    [
        "I inherited a Roth 401k from my mother. Is it taxable?",
        "My late father's Roth 401(k) was left to me. Can I move it to a Roth IRA?",
        "My deceased aunt named me beneficiary of her Roth 403b. How do I move it without tax?",
        "I am the beneficiary of my father's Roth 401k. He died in May. Do I owe tax if I move it?",
    ],
)
def test_an_inherited_roth_401k_is_qualified_after_death_and_moves_by_direct_transfer(
    text: str,
) -> None:
    reply = _reply(text)
    assert reply.action is None  # answered, not handed to a person
    body = reply.text.split("Not tax advice.")[0]
    assert "death counts as the qualifying event" in body
    assert "(IRC 402A(d)(2))" in body
    assert "inherited Roth IRA" in body and "no 60-day rollover" in body
    assert "own Roth IRA (IRC 402(c)(9))" in body  # a spouse may treat it as their own
    assert "pretax part is taxable" not in body
    assert not AFTER_TAX_ROUTE.search(body)


def test_the_qualified_after_death_rule_is_cited_to_its_regulation() -> None:
    result = calculate(Facts.from_mapping({"has_roth_401k": True}), today=TODAY).to_json()
    found = {f.id: f for f in answer("inherited_to_roth", {"has_roth_401k": True}, result)}
    assert found["roth.qualified_after_death"].rule == "reg_1_402a_1_a2"
    assert found["roth.qualified_after_death"].params["years"] == 5  # the year's parameter
    assert found["inherited.roth_direct"].rule == "irc_402_c_11"
    assert "reg_1_402a_1_a2" in catalogue()["inherited_to_roth"].rules


@pytest.mark.parametrize(
    "text",
    [
        "My husband passed away and I am the beneficiary of his Roth 401k. Can I roll it to my "
        "own Roth IRA?",
        "My wife died last year; her Roth 401(k) is still in her plan. Can I move it into my "
        "Roth IRA, and will I owe tax?",
    ],
)
def test_a_surviving_spouse_rolls_roth_401k_money_only_to_a_roth_ira(text: str) -> None:
    body = _body(text)
    assert body.startswith("A surviving spouse may roll the late spouse's Roth 401(k)")
    assert "death counts as the qualifying event" in body
    assert not AFTER_TAX_ROUTE.search(body)


# -- the kind not said: each kind's way, and the question that settles it ------------------


# bb030 (tests/eval/batch_b.jsonl), verbatim: "pre-paid tax dollars" may be after-tax or Roth
def test_bb030_money_of_no_stated_kind_gets_each_kind_and_the_question() -> None:
    text = _text("batch_b.jsonl", "bb030")
    body = _body(text)
    assert "Roth 401(k) money only to a Roth IRA" in body
    assert "the after-tax contributions (box 5 of the 1099-R) to their own Roth IRA" not in body
    assert "counts as pretax first" not in body  # how a check splits waits for the kind
    assert "after-tax (non-Roth) contributions, rather than" in _reply(text).text


def test_a_late_spouse_s_money_of_no_stated_kind_is_not_assumed_after_tax() -> None:
    text = "My husband died in March. Can I roll his 401k money into my Roth IRA without tax?"
    body = _body(text)
    assert "Roth 401(k) money only to a Roth IRA" in body
    assert "the after-tax contributions (box 5 of the 1099-R) to their own Roth IRA" not in body
    assert "counts as pretax first" not in body


# fq102 (../shared/eval/real.jsonl), verbatim: after-tax money named, the split stands
def test_fq102_after_tax_money_of_a_late_spouse_keeps_the_after_tax_answer() -> None:
    text = real_question("fq102", SHARED / "eval" / "real.jsonl")
    body = _body(text)
    assert "after-tax contributions (box 5 of the 1099-R) to their own Roth IRA" in body


# fq004 (../shared/eval/answers.jsonl), verbatim: after-tax money to be split, a Roth option
# "barely used": the after-tax split answers Q3, not the Roth and pretax parts' split
def test_fq004_after_tax_money_split_is_not_answered_as_the_roth_money_split() -> None:
    body = _body(real_question("fq004", SHARED / "eval" / "answers.jsonl"))
    assert "Yes, split it" not in body
    assert "the after-tax contributions to a Roth IRA" in body


def test_splitting_after_tax_money_between_two_iras_is_the_after_tax_split() -> None:
    text = (
        "My 401k has pre-tax money and $30,000 of after-tax contributions, and the plan also "
        "has a Roth 401k option I never used. Can I roll over the whole 401k, the pre-tax "
        "part into a traditional IRA and the after-tax part into a Roth IRA?"
    )
    body = _body(text)
    assert "Roth 401(k) money (contributions and earnings)" not in body
    assert "Roth IRA" in body
