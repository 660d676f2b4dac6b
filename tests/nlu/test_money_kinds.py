"""The reader says which kinds of money a question is about (``has_*`` facts).

Which money moves decides the answer: after-tax (non-Roth) contributions go to a Roth IRA
tax-free (Notice 2014-54), designated Roth money rolls only to Roth accounts, untaxed (IRC
402A(c)(3)), pretax money moved to a Roth is income. The kinds that replace the after-tax
answer (Roth 401(k), pretax, a traditional IRA) are read only where the text names the
person's own money (precision first); any after-tax (non-Roth) word keeps the after-tax
answers, except one that names Roth money ("Roth (after-tax)").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eval_texts import BATCH_A, BATCH_B, DEV, REAL

from knowledge.facts import MONEY_KIND_KEYS
from nlu.reader import read


def kinds(text: str) -> dict[str, bool]:
    facts = read(text).facts
    return {key: facts[key] for key in MONEY_KIND_KEYS if key in facts}


def real(qid: str, *paths: Path) -> str:
    """The verbatim text of a released real question (skipped where the file is absent)."""
    for path in paths:
        if path.is_file():
            for line in path.read_text("utf-8").splitlines():
                row = json.loads(line)
                if row["id"] == qid:
                    return row["text"]
    pytest.skip(f"{qid} is not in this checkout")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I have a Roth 401(k) from my old job. Can I move it to a Roth IRA?",
            {"has_roth_401k": True},
        ),
        ("Should I roll my Roth 403(b) into my Roth IRA when I retire?", {"has_roth_401k": True}),
        ("My client contributed to his Roth 457(b) for six years.", {"has_roth_401k": True}),
        (
            "The participant has a designated Roth account and wants to roll it over.",
            {"has_roth_401k": True},
        ),
        ("Part of my work retirement plan is in a Roth 401k.", {"has_roth_401k": True}),
        (
            "Her plan balance holds both pre-tax and Roth contributions.",
            {"has_roth_401k": True, "has_pretax_money": True},
        ),
        (
            "I have some after-tax money in my 401k besides my Roth 401k.",
            {"has_after_tax_money": True, "has_roth_401k": True},
        ),
        (
            "My employer just added a mega backdoor option to my traditional 401k.",
            {"has_after_tax_money": True, "has_pretax_money": True},
        ),
        (
            "I want to convert my traditional 401k to Roth over a few years.",
            {"has_pretax_money": True},
        ),
        ("I also have a rollover IRA at Schwab.", {"has_traditional_ira": True}),
        ("I did a backdoor Roth this year.", {"has_traditional_ira": True}),
        (
            "My plan doesn't offer after-tax contributions, only my Roth 401k.",
            {"has_roth_401k": True, "has_after_tax_money": False},
        ),
    ],
)
def test_each_kind_is_read_from_the_persons_own_money(text: str, expected: dict) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a kind named in general, asked about, or the person's plan lacking it
        "Should I contribute to a Roth 401k or a traditional one?",
        "Info about Roth 401k's is often mixed up online.",
        "My employer doesn't offer a Roth 401(k).",
        # an after-tax word that names Roth money
        "On Principal there is an option called Roth (after-tax).",
    ],
)
def test_no_kind_is_read_where_the_text_does_not_say_it_is_theirs(text: str) -> None:
    assert kinds(text) == {}


def test_real_questions_about_roth_401k_money() -> None:
    # fq076 (real.jsonl): "I have a client who contributed to his ROTH 401k in 2015."
    assert kinds(real("fq076", REAL))["has_roth_401k"] is True
    # ba033 (batch_a): "should I roll the Roth 401(k) into the Roth IRA"
    assert kinds(real("ba033", BATCH_A)) == {"has_roth_401k": True}
    # bb038 (batch_b): "her plan balance contains both pre-tax and roth monies"
    assert kinds(real("bb038", BATCH_B)) == {"has_roth_401k": True, "has_pretax_money": True}


def test_real_question_with_pretax_roth_and_ira_money() -> None:
    # ba031: "I have a 401 K and Roth 401K at Vanguard. I also have a tIRA and Roth IRA at
    # Schwab. ... converting from 401K to Roth 401K vs converting tIRA to Roth IRA?"
    assert kinds(real("ba031", BATCH_A)) == {
        "has_roth_401k": True,
        "has_pretax_money": True,
        "has_traditional_ira": True,
    }


def test_real_question_calling_roth_money_after_tax_is_not_after_tax_money() -> None:
    # bb068: "Person overcontributed to their aftertax Roth 401k"
    assert kinds(real("bb068", BATCH_B)) == {"has_roth_401k": True}


def test_real_after_tax_questions_keep_their_after_tax_money() -> None:
    # fq045 (dev) names pretax and Roth money and no after-tax; fq088 (real) after-tax money
    # "not a Roth 401(k)"
    assert "has_after_tax_money" not in kinds(real("fq045", DEV))
    assert kinds(real("fq088", REAL)).get("has_after_tax_money") is True


@pytest.mark.parametrize(
    ("qid", "source", "expected"),
    [
        # "convert some or all of my existing 401(k) to a Roth" (a Roth 401(k) offered is
        # not Roth money held)
        ("bb015", BATCH_B, {"has_pretax_money": True}),
        ("bb073", BATCH_B, {"has_pretax_money": True}),  # "convert my 403(b) balance to a Roth"
        ("fq032", REAL, {"has_traditional_ira": True}),  # "entirely conversions from a TIRA"
    ],
)
def test_real_questions_moving_pretax_or_ira_money(qid: str, source: Path, expected) -> None:
    assert kinds(real(qid, source)) == expected


def test_after_tax_money_in_a_plan_is_named() -> None:
    assert kinds("I have after-tax money in my 401k.") == {"has_after_tax_money": True}
    # an amount says it already: no second fact beside it
    assert "has_after_tax_money" not in kinds("I have $40k of after-tax money in my 401k.")


@pytest.mark.parametrize(
    ("text", "expecting", "amount"),
    [
        ("about 40k, all after-tax", "after_tax_total", "after_tax_total"),
        # the pre-1987 part is after-tax basis too (knowledge.facts.MONEY_KIND_AMOUNTS)
        ("about 5k, all after-tax", "pre_1987_basis", "pre_1987_basis"),
    ],
)
def test_an_answered_amount_says_the_kind_already(text: str, expecting: str, amount: str) -> None:
    facts = read(text, expecting=expecting).facts
    assert amount in facts and "has_after_tax_money" not in facts, facts


# ---- after-tax money said of an account (gating, 2026-12-07) ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I have an IRA that I started with after-tax dollars.",  # ba071
        "Traditional IRA funded with after-tax contributions",  # bb048
        "I want to move money to a new ROTH from an IRA that has before-tax and after-tax "
        "money and earnings.",  # bb066
        "My IRA with $12k after tax contributions is worth $50k.",
    ],
)
def test_after_tax_money_said_of_an_ira_is_not_a_plans(text: str) -> None:
    facts = read(text).facts
    assert facts.get("has_after_tax_money") is not True, facts
    assert facts.get("has_traditional_ira") is True or "traditional_ira_balance" in facts


@pytest.mark.parametrize(
    "text",
    [
        "Client age 63 has a $400K 401(k) which contains $50K after-tax; also has a $400K TIRA "
        "which contains only $15K after-tax.",  # bb040
        "I have a rollover IRA and my 401k has after-tax money.",
        "Attached a letter that said to put pre-tax in traditional IRA and after-tax in Roth.",
    ],
)
def test_after_tax_money_of_a_plan_or_beside_an_ira_stays_after_tax(text: str) -> None:
    assert read(text).facts.get("has_after_tax_money") is not False
