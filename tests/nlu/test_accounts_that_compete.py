"""A balance figure between two accounts belongs to neither (nlu.assemble, precision first).

Issue 11: "When the role, the owner or the account of a figure is unclear, leave it out
and let the conversation ask." An account balance (traditional IRA, Roth IRA, Roth 401(k),
pre-tax) read from a clause that names two kinds of account - the money moved from one to
the other, or one label for two accounts - is left out unless the figure is attached to
one account by its words ("$40,000 in my current IRA", "a Traditional IRA worth about
$310k", "Roth IRA - $30k", "Roth 401k (about $64k now)"). A figure moved *from* an account
("$5K from non-deductible tIRA") is the account's no longer. The account kinds and the
attaching words are data (``language.yaml``: accounts, account_before, account_after,
account_source); the test is one per figure, not a phrase per post.
"""

import pytest

from nlu.reader import read

# Real texts, verbatim (batch_a ba034, ba022, ba076; batch_b bb069), and paraphrases.
UNCLEAR = [
    (
        "There was $7,000.33 converted from a traditional IRA to a Roth IRA.",
        "traditional_ira_balance",
    ),
    (
        "So in 2012, I moved $16K to my Roth IRA ($11K from 401K and $5K from non-deductible tIRA)",
        "roth_ira_balance",
    ),
    (
        "So in 2012, I moved $16K to my Roth IRA ($11K from 401K and $5K from non-deductible tIRA)",
        "traditional_ira_balance",
    ),
    (
        "After he left the first company in May of last year he rolled over his $18,500 Roth 401k "
        "to his personal Roth IRA.",
        "roth_401k_balance",
    ),
    ("TSP/IRA - $1,332,000", "traditional_ira_balance"),
    # paraphrases
    ("Last spring $12,000 was moved from my SEP IRA to a Roth IRA.", "traditional_ira_balance"),
    ("I sent $9k to the Roth IRA ($9k from my rollover IRA).", "traditional_ira_balance"),
]


@pytest.mark.parametrize(("text", "key"), UNCLEAR)
def test_a_figure_between_two_accounts_is_no_balance(text: str, key: str) -> None:
    assert key not in read(text).facts


# Attached to one account, a figure is that account's balance, whatever else is named.
# Real texts, verbatim (batch_b bb065, bb040; batch_c bc037), and paraphrases.
ATTACHED = [
    (
        "I have $40,000 in my current IRA with $10,000 after tax contributions.",
        {"traditional_ira_balance": 40000},
    ),
    ("So, I have a Traditional IRA worth about $310k.", {"traditional_ira_balance": 310000}),
    (
        "Between my Roth 401(k) of $22k, a SEP IRA worth $60k from my consulting years and "
        "roughly $12k of after-tax money in the same 401(k), what should I do?",
        {"roth_401k_balance": 22000, "traditional_ira_balance": 60000},
    ),
    (
        "I have a Roth 401k (about $64k now) that I want to roll into my Roth IRA.",
        {"roth_401k_balance": 64000},
    ),
    (
        "My traditional IRA has $25,000 and I also have a Roth IRA.",
        {"traditional_ira_balance": 25000},
    ),
]


@pytest.mark.parametrize(("text", "facts"), ATTACHED)
def test_a_figure_attached_to_one_account_is_its_balance(text: str, facts: dict) -> None:
    read_facts = read(text).facts
    assert {k: read_facts.get(k) for k in facts} == facts
