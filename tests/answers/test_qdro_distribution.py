"""Money a QDRO assigns to a spouse or former spouse: no 10% if taken from the plan at
any age (IRC 72(t)(2)(C); lost once rolled to an IRA, 72(t)(3)(A)); taxed to that spouse,
who may roll it as the employee could (402(e)(1)); Roth 401(k) money tax-free only if
qualified, else pro-rata with its earnings taxable (402A(d)). The split itself (who gets
what, when) stays with a person. Real question from tests/eval/batch_c_answers.jsonl."""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.answers import answer
from knowledge.citations import cite
from knowledge.engine import calculate
from knowledge.facts import Facts
from nlu.reader import read

TODAY = date(2026, 12, 6)
BATCH_C = EVAL / "batch_c_answers.jsonl"


def reply_to(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


def test_the_real_question_is_answered_not_handed_off() -> None:
    # bc018: "He would like to assign the Roth 401k portion of the account to his wife as
    # part of the property settlement. Can she distribution these funds penalty and tax
    # free as part of the QDRO?"
    text = real_question("bc018", BATCH_C)
    assert read(text).asks == ("qdro_distribution",)
    reply = reply_to(text)
    paragraphs = reply.split("\n\n")
    assert paragraphs[0].startswith("Penalty-free, yes: a payment from the plan to a spouse")
    assert "72(t)(2)(C)" in paragraphs[0]
    assert paragraphs[1].startswith("Tax-free only if the Roth 401(k) payout is qualified")
    assert "the earnings part is taxable" in paragraphs[1]
    assert "own Roth IRA" in reply
    assert "a QDRO cannot create a payment option the plan does not offer" in reply
    assert "need a person" not in reply


def test_a_paraphrase_about_pretax_money_gets_the_pretax_tax() -> None:
    text = (
        "Under our divorce QDRO my ex-husband gets $80,000 of my traditional 401k. "
        "Will he owe the 10% penalty if he withdraws it at 45?"
    )
    assert "qdro_distribution" in read(text).asks
    reply = reply_to(text)
    assert reply.startswith("Penalty-free, yes")
    assert "taxable income to the spouse or former spouse who receives them" in reply
    assert "Roth 401(k) payout is qualified" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "My ex-wife has a QDRO on my 401k. What happens to it?",  # the split: a person
        "I got divorced, can my ex get half of my 401k?",
    ],
)
def test_the_split_itself_still_goes_to_a_person(text: str) -> None:
    assert "qdro_distribution" not in read(text).asks


def test_the_sources() -> None:
    facts = {"has_roth_401k": True}
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    found = answer("qdro_distribution", facts, result)
    assert cite(found[0].rule).section.startswith("IRC 72(t)(2)(C)")
    assert "402A(d)" in cite(found[1].rule).section
    assert cite(found[2].rule).section.startswith("IRC 402(e)(1)")
