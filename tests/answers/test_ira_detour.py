"""The traditional IRA as the way out of a plan's pro-rata: there the after-tax money becomes
IRA basis and every conversion is pro-rata across all traditional, SEP and SIMPLE IRAs at
year-end (IRC 408(d)(2), Form 8606), unless the pretax part goes on into a plan that takes
roll-ins (IRC 408(d)(3)(A)(ii)). The clean route, one distribution split by direct rollover,
carries no tax and no 10% (IRS Notice 2014-54), which a poster worried about "penalties and
tax" is told. Real question fq006 (../shared/eval/answers.jsonl), verbatim, and paraphrases."""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import SHARED, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.params import param
from nlu.reader import read

TODAY = date(2026, 12, 6)
ANSWERS = SHARED / "eval" / "answers.jsonl"
SAME = "The traditional IRA route has the same problem: there the after-tax money becomes IRA basis"


def reply_to(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


def _fq006() -> str:
    if not ANSWERS.exists():
        pytest.skip("../shared/eval/answers.jsonl is not available")
    return real_question("fq006", ANSWERS)


def test_fq006_hears_the_ira_route_has_the_same_problem_and_the_clean_route() -> None:
    text = _fq006()
    assert "ira_detour" in read(text).asks
    reply = reply_to(text)
    rate = param("gov.irs.early_distribution.additional_tax_rate", 2026)
    assert reply.startswith(SAME)
    assert "a $30,000 distribution would be only $3,000 basis and $27,000 pretax" in reply
    assert f"with no tax and no {rate * 100:.0f}% penalty (IRS Notice 2014-54)" in reply


@pytest.mark.parametrize(
    "text",
    [
        "My old 401k prorates any withdrawal of the after-tax money. What if I roll the whole "
        "thing to a traditional IRA instead?",
        "The plan says withdrawals of after-tax money are pro-rata. If I move everything to a "
        "traditional IRA, won't I hit the same pro-rata problem converting the after-tax part?",
    ],
)
def test_paraphrases(text: str) -> None:
    assert "ira_detour" in read(text).asks
    assert SAME in reply_to(text)


def test_money_already_in_an_ira_keeps_its_own_answer() -> None:
    text = (
        "I already rolled my after-tax 401k money into a traditional IRA. What would happen "
        "with pro-rata if I convert it now?"
    )
    assert read(text).asks == ("after_tax_in_ira",)
    reply = reply_to(text)
    assert reply.startswith("Once after-tax money is in a traditional IRA it becomes IRA basis")
    assert SAME not in reply
