"""Money, accounts and ages told of another person - a co-worker, a friend, a brother -
beside the asker's own situation are theirs, not the asker's (language.yaml
``other_people``). Precision first: a figure whose owner is someone else gives no fact."""

import pytest

from nlu.reader import read


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "My coworker has $50k in after-tax money and he rolled it to a Roth IRA. I have a "
            "401k too. Can I do the same?",
            {"after_tax_total", "has_roth_ira"},
        ),
        (
            "A friend of mine is 62 and retired, and she converted her after-tax to a Roth IRA. "
            "I'm 45 and my 401k has $30k after-tax. Can I do that?",
            {"has_roth_ira"},
        ),
    ],
)
def test_another_persons_money_and_accounts_are_not_the_askers(text: str, absent: set) -> None:
    assert not absent & set(read(text).facts)


def test_the_askers_own_facts_beside_them_stay() -> None:
    facts = read(
        "A friend of mine is 62 and retired, and she converted her after-tax to a Roth IRA. "
        "I'm 45 and my 401k has $30k after-tax. Can I do that?"
    ).facts
    assert facts["age"] == 45
    assert facts["after_tax_total"] == 30000


def test_a_coworker_told_of_with_no_word_of_the_askers_own_still_speaks_of_the_plan() -> None:
    # fq096 (../shared/eval/real.jsonl), verbatim: a co-worker works for the same employer
    text = (
        "Over lunch the other day, a co-worker mentioned that he was converting money from his "
        "pre-tax 457(b) account to his Roth 457(b) account. This is all new to me. Can you "
        "clarify? S.C."
    )
    facts = read(text).facts
    assert facts.get("still_employed") is True
    assert facts.get("employer_plan_type") == "457b"


def test_a_parents_question_is_the_parents() -> None:
    facts = read(
        "My dad is 72 and has $40k after-tax in his 401k. Can he move it to a Roth IRA?"
    ).facts
    assert facts["age"] == 72
    assert facts["after_tax_total"] == 40000
