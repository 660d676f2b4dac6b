"""No answer speaks of money the person does not have.

A question about the plan's after-tax (non-Roth) source (``money: after_tax`` in its
catalogue file) asked about Roth 401(k), pretax or IRA money alone is answered for that
money (``knowledge.answers.for_money``): designated Roth money rolls only to a Roth IRA or
another designated Roth account, untaxed (IRC 402A(c)(3)); pretax money converted is
income (IRC 402A(c)(4), 408A(d)(3)(A)). Where after-tax money is named, or no kind is, the
after-tax answers stand.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.answers import KINDS, answer, catalogue, for_money, money_of_findings, other_kinds
from knowledge.engine import calculate
from knowledge.facts import Facts

BATCH_A = EVAL / "batch_a.jsonl"
BATCH_B = EVAL / "batch_b.jsonl"
ANSWERS_MORE = EVAL / "answers_more.jsonl"
TODAY = date(2026, 12, 6)
# sentences only an answer about the plan's after-tax source says
AFTER_TAX_TEMPLATE = (
    "the earnings to a traditional IRA",
    "the after-tax source",
    "only their earnings are taxed",
    "accounts for the after-tax money separately",
    "of the after-tax money?",
)


def _first_reply(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


def _findings(question: str, facts: dict) -> list[str]:
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    return [f.id for f in answer(question, facts, result)]


def test_every_after_tax_question_names_an_answer_for_each_other_kind_it_replaces() -> None:
    for question in catalogue().values():
        if question.money is None:
            # replaced only where every finding speaks of kinds of money the post lacks
            # (knowledge/data/money_of_findings.yaml: a plan's 1099-R for IRA money)
            declared = money_of_findings()
            if question.instead:
                assert all(f in declared for f in question.findings), question.id
            for kind, instead in question.instead:
                assert kind in KINDS, (question.id, kind)
                assert instead in catalogue(), (question.id, instead)
            continue
        if question.money == "roth_401k":  # Roth money's question: the after-tax one instead
            assert dict(question.instead).keys() == {"after_tax"}, question.id
            assert catalogue()[dict(question.instead)["after_tax"]].money == "after_tax"
            continue
        assert question.money == "after_tax", question.id
        for kind, instead in question.instead:
            # (``ira_and_plan``: IRA money beside a plan whose money's kind is not said)
            assert kind in KINDS or kind == "ira_and_plan", (question.id, kind)
            # the answer given instead is about that money, never the after-tax source, or
            # the question's own where its answer holds for that kind too
            assert (
                instead is None or instead == question.id or catalogue()[instead].money is None
            ), (question.id, instead)


@pytest.mark.parametrize(
    ("facts", "kinds"),
    [
        ({"has_roth_401k": True}, ("roth_401k",)),
        ({"roth_401k_balance": 25000}, ("roth_401k",)),
        (
            {"has_pretax_money": True, "has_traditional_ira": True, "employer_plan_type": "401k"},
            ("pretax", "ira"),
        ),
        # pretax money beside an IRA and no plan named: the IRA's own pretax money (gating)
        ({"has_pretax_money": True, "has_traditional_ira": True}, ("ira",)),
        # after-tax money named: the after-tax answers stand, whatever else is named
        ({"has_roth_401k": True, "has_after_tax_money": True}, ()),
        ({"has_roth_401k": True, "after_tax_contributions": 20000}, ()),
        # nothing named: not guessed
        ({}, ()),
        # not after-tax, and no kind named: the plan's other money
        ({"has_after_tax_money": False}, ("roth_401k", "pretax")),
    ],
)
def test_the_kinds_that_replace_the_after_tax_answer(facts: dict, kinds: tuple) -> None:
    assert other_kinds(facts) == kinds


def test_roth_401k_money_gets_the_roth_rollover_answer_with_its_rules() -> None:
    facts = {"has_roth_401k": True}
    assert for_money(["move_to_roth"], facts) == ("roth_401k_to_roth_ira",)
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    found = answer("move_to_roth", facts, result)
    assert [(f.id, f.rule) for f in found] == [
        ("roth_401k.only_roth", "irc_402a_c_3"),
        ("roth_401k.rolled_basis", "reg_1_408a_10"),
    ]


def test_pretax_money_converted_in_the_plan_is_income_not_only_its_earnings() -> None:
    facts = {"has_pretax_money": True, "has_roth_401k": True}
    found = _findings("in_plan_conversion", facts)
    assert "in_plan.pretax_taxable" in found
    assert "in_plan.how" not in found  # "the contributions convert tax-free"


def test_ira_money_alone_gets_no_plan_after_tax_source() -> None:
    facts = {"has_traditional_ira": True}
    assert not any(f.startswith(("route.", "prorata.")) for f in _findings("move_to_roth", facts))
    assert for_money(["prorata_partial"], facts) == ("ira_pro_rata",)


def test_after_tax_money_keeps_the_split() -> None:
    facts = {"has_after_tax_money": True, "has_roth_401k": True}
    assert for_money(["move_to_roth", "in_plan_conversion"], facts) == (
        "move_to_roth",
        "in_plan_conversion",
    )
    assert "route.split_general" in _findings("move_to_roth", facts)


def test_same_kinds_same_findings() -> None:
    facts = {"has_roth_401k": True, "has_pretax_money": True}
    assert _findings("all_to_roth_tax", facts) == _findings("all_to_roth_tax", facts)


ROTH_MONEY = [
    "I have a Roth 401(k) from my old job. How do I get it into a Roth IRA?",
    "Can I roll my Roth 403(b) over to my Roth IRA at Fidelity when I leave?",
]


@pytest.mark.parametrize("text", ROTH_MONEY)
def test_roth_money_paraphrases_get_the_roth_answer(text: str) -> None:
    reply = _first_reply(text)
    assert "can go only to a Roth IRA or another plan's Roth account" in reply
    assert not any(s in reply for s in AFTER_TAX_TEMPLATE)


def test_real_question_roth_401k_and_five_year_clocks_no_split() -> None:
    # fq030 (dev; answers_more): "Can one roll traditional IRA into a Roth 401K? ... My 401K
    # Roth account from a former employer was left at ... (Vanguard)."
    reply = _first_reply(real_question("fq030", ANSWERS_MORE))
    assert "Roth 401(k) money" in reply
    assert not any(s in reply for s in AFTER_TAX_TEMPLATE)


def test_real_question_converting_401k_to_roth_401k_is_taxed_whole() -> None:
    # ba031: "Are there any pros or cons to converting from 401K to Roth 401K vs converting
    # tIRA to Roth IRA?"
    reply = _first_reply(real_question("ba031", BATCH_A))
    assert "makes it taxable income that year" in reply.split("\n\n")[0]
    assert not any(s in reply for s in AFTER_TAX_TEMPLATE)


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        ("ba039", BATCH_A),  # a Roth conversion ladder from the traditional TSP
        ("ba063", BATCH_A),  # "Take your traditional 401k and convert to Roth"
    ],
)
def test_real_questions_about_pretax_or_roth_money_get_no_after_tax_template(
    qid: str, source
) -> None:
    reply = _first_reply(real_question(qid, source))
    assert "taxable income" in reply or "only to a Roth IRA" in reply
    assert not any(s in reply for s in AFTER_TAX_TEMPLATE)


def test_real_question_on_withholding_from_pretax_and_roth_money_is_answered() -> None:
    # bb038: pre-tax and roth monies rolled to a Roth IRA; it asks "Does the 20% mandatory
    # Federal w/h still apply to the pretax portion?" ("w/h" is withholding)
    reply = _first_reply(real_question("bb038", BATCH_B))
    assert "has no withholding" in reply
    assert not any(s in reply for s in AFTER_TAX_TEMPLATE)


def test_paraphrase_pretax_in_plan_conversion() -> None:
    reply = _first_reply(
        "I have a traditional 401k and a Roth 401k. Is converting the 401k to the Roth 401k "
        "inside the plan a good idea?"
    )
    assert "makes it taxable income that year" in reply
    assert "only their earnings are taxed" not in reply


# -- no kind of money named: how it is taxed depends on it, so the reply asks --------------


def test_a_move_with_no_kind_named_says_how_the_kind_decides_and_asks_it() -> None:
    text = "Can I move my 401k money to a Roth IRA?"
    session = Session(key="t")
    reply = respond(session, text, today=TODAY, now=0).text
    assert reply.startswith("How it is taxed depends on the kind of money")
    assert "Is the money you want to move after-tax (non-Roth) contributions" in reply
    assert session.pending == "has_after_tax_money"


def test_the_kind_once_said_gives_its_own_answer() -> None:
    session = Session(key="t")
    respond(session, "Can I move my 401k money to a Roth IRA?", today=TODAY, now=0)
    after_tax = respond(session, "yes", today=TODAY, now=0).text
    assert "two direct rollovers" in after_tax
    session = Session(key="u")
    respond(session, "Can I move my 401k money to a Roth IRA?", today=TODAY, now=0)
    other = respond(session, "no", today=TODAY, now=0).text
    assert "taxable income" in other
    assert not any(s in other for s in AFTER_TAX_TEMPLATE)


def test_an_in_plan_conversion_with_no_kind_named_says_both_taxes() -> None:
    facts: dict = {}
    assert _findings("in_plan_conversion", facts) == ["kinds.which_in_plan"]
    assert _findings("in_plan_conversion", {"has_after_tax_money": True})[0] == "in_plan.how"


def test_what_to_ask_the_plan_about_the_after_tax_source_only_where_it_may_be() -> None:
    assert "plan.what_to_ask" not in _findings("plan_decides", {"has_pretax_money": True})
    assert "plan.what_to_ask" not in _findings("plan_decides", {})
    assert "plan.what_to_ask" in _findings("plan_decides", {"has_after_tax_money": True})


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # "I can choose to convert some or all of my existing 401(k) to a Roth"
        ("bb015", BATCH_B),
        # "I wanted to convert my 403(b) balance to a Roth"
        ("bb073", BATCH_B),
    ],
)
def test_real_questions_converting_plan_money_with_no_after_tax_named(qid: str, source) -> None:
    reply = _first_reply(real_question(qid, source))
    assert "taxable income" in reply
    assert not any(s in reply for s in AFTER_TAX_TEMPLATE)
