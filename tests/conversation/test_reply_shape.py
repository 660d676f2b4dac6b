"""The first message's shape (issue 10), checked on every released real question.

The answers come first; at most one block of numbers for a route; a route that moves
only the after-tax money carries the condition it holds on (the plan accounts for that
money separately) unless the text settled it; and the follow-up is never about
something the text already said.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from conversation_stories import EVAL, SHARED, real_question

from bot.conversation import respond
from bot.questions import question_for
from bot.session import Session

RUBRICS = SHARED / "eval" / "answers.jsonl"
# a route with the engine's figures: "two direct rollovers: $30,000 to a Roth IRA",
# "split by direct rollover: $270,000 of pretax money"
ROUTE_FIGURES = re.compile(r"(?:two direct rollovers|split by direct rollover): \$")


def _first_replies() -> list[tuple[str, Session, str]]:
    if not RUBRICS.exists():
        pytest.skip(f"{RUBRICS} is not available")
    out = []
    for line in RUBRICS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        session = Session(key=row["id"])
        text = respond(session, row["text"], today=date(2026, 12, 6), now=0).text
        out.append((row["id"], session, text))
    return out


@pytest.fixture(scope="module")
def first_replies() -> list[tuple[str, Session, str]]:
    return _first_replies()


def test_at_most_one_block_of_route_figures(first_replies):
    for qid, _session, text in first_replies:
        assert len(ROUTE_FIGURES.findall(text)) <= 1, (qid, text)


def test_a_split_of_the_after_tax_money_states_its_condition(first_replies):
    for qid, session, text in first_replies:
        splits = "two direct rollovers" in text
        settled = session.facts.get("after_tax_separately_accounted") is not None
        if splits and not settled:
            assert "accounts for the after-tax money separately" in text, (qid, text)


def test_the_follow_up_is_never_about_what_the_text_said(first_replies):
    for qid, session, text in first_replies:
        for key in session.facts:
            assert question_for(key).ask not in text, (qid, key, text)
        if session.facts.get("still_employed") is False:  # in service: moot once left
            assert question_for("plan_allows_in_service").ask not in text, (qid, text)
        if session.facts.get("after_tax_separately_accounted") is False:
            # an in-plan conversion of money the plan does not separate is pro-rata over
            # the whole account too: its answer would not change the route (fq006)
            assert question_for("plan_allows_in_plan_conversion").ask not in text, (qid, text)


def test_a_route_and_its_condition_read_as_one_sentence(first_replies):
    # fq008-like: the general route with its condition, in one paragraph, not two
    together = [
        text
        for _qid, _session, text in first_replies
        if "If your plan accounts for the after-tax money separately, the contributions" in text
    ]
    assert together
    for text in together:
        assert "That works only if the plan accounts" not in text


def test_a_route_with_figures_and_its_condition_read_as_one_sentence(assistant):
    reply = assistant.handle(
        "s", "I have $30,000 of after-tax contributions and $10,000 of earnings in my 401k."
    )
    assert (
        "If your plan accounts for the after-tax money separately, ask it for one "
        "distribution paid as two direct rollovers: $30,000 to a Roth IRA"
    ) in reply.text
    assert "If not, any partial distribution is pro-rata over the whole account." in reply.text


def test_the_same_question_gives_the_same_reply_byte_for_byte(first_replies):
    again = _first_replies()
    assert [t for _q, _s, t in again] == [t for _q, _s, t in first_replies]


# -- the footer: a disclaimer and one authority; the rest behind /why ---------------------


def test_the_footer_is_the_disclaimer_and_one_authority(first_replies):
    # 15 words on average were a tenth of a first reply (2026-12-07): every source past the
    # main rule's first authority waits behind /why
    footers = [t.rsplit("\n\n", 1)[-1] for _q, _s, t in first_replies if "Source:" in t]
    assert footers
    for footer in footers:
        assert footer.startswith("Not tax advice. Source: "), footer
        assert footer.endswith("; more: /why."), footer
        assert footer.count(";") == 1 and len(footer.split()) <= 13, footer


def test_a_source_the_answer_turns_on_is_said_in_the_answer(assistant):
    # fq077 (verbatim): "this requirement is not from the IRS" - the regulation that makes
    # it the IRS's rule is in the sentence, not only in the footer that cut it
    text = real_question("fq077", EVAL / "answers_more.jsonl")
    body = assistant.handle("rmd", text).text.rsplit("\n\n", 1)[0]
    assert "an IRS rule, Treas. Reg. 1.402(c)-2" in body


# -- no sentence repeats what another already said (padding, issue 10) ---------------------

CODE_G = "code G"
ANNUITY_LINES = "pensions and annuities lines"


def _said(text: str) -> str:
    return respond(Session(key="pad"), text, today=date(2026, 12, 6), now=0).text


def test_fq050_the_form_1099_r_is_explained_once():
    # "... to accurately report this on a 2017 tax return?" (fq050, verbatim): the 1099-R
    # answer's code G, box 5 and lines are not said again by the rollover codes' line
    reply = _said(real_question("fq050", RUBRICS))
    assert reply.count(CODE_G) == 1, reply
    assert reply.count(ANNUITY_LINES) == 1, reply


def test_bd009_the_roth_rollover_s_form_is_explained_once():
    # "The code on the 1099-R ..." for a Roth 401(k) rolled to a Roth IRA (bd009, verbatim)
    reply = _said(real_question("bd009", EVAL / "batch_d.jsonl"))
    assert "code H" in reply
    assert CODE_G not in reply, reply  # no after-tax money: its code is not repeated
    assert reply.count(ANNUITY_LINES) == 1, reply


def test_said_in_other_words_the_form_is_explained_once():
    reply = _said(
        "I rolled my after-tax 401(k) money to a Roth IRA. How do I report the 1099-R on "
        "my tax return, and what code should it show?"
    )
    assert reply.count(CODE_G) <= 1, reply
    assert reply.count(ANNUITY_LINES) <= 1, reply
