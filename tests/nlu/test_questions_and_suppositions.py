"""Amounts asked about or supposed are not holdings (nlu.assemble, "precision first").

Issue 11: when the role, the owner or the account of a figure is unclear, leave it out
and let the conversation ask. One general case of that: a figure in a question ("Can he
roll the $400k ...?") or in a supposition's clause ("if I have a $5k ...", "Assuming I
pay taxes on ... the $18K") is what the person asks about or imagines, not what they
hold. The rule is one test per amount (its question, or the supposition cue before it in
its statement, from ``language.yaml``), not a phrase per forum post.

The other side, so the rule does not eat stated facts:
- a question may state what the asker holds or earns ("at 26 making $95,000?");
- a supposition that sets out a third party's case is the case asked about ("If someone
  has a $200k 401k balance and $50k is after-tax"), as is a "what if" of the asker's own;
- the main clause after an "if" clause, and "my" after the cue, state facts.
"""

import pytest

from nlu.reader import read

# Real texts, verbatim (batch_a ba027 and ba064, batch_b bb010 and bb067), and paraphrases.
NOT_HOLDINGS = [
    (
        "In other words, if I have a $5k mega Backdoor contribution, then I can withdraw that "
        "$5k tax and penalty free 5 years later.",
        "after_tax_contributions",
    ),
    (
        "Assuming I pay taxes on the $7K backdoor Roth from 2024 which was technically post "
        "tax dollars and the $18K in 2025 (pre-tax dollars) how am I not getting double taxed "
        "on the effective $7K in either 2024 or 2025?",
        "pretax_balance",
    ),
    ("Can he roll the $400k after tax value directly to a Roth IRA?", "after_tax_total"),
    (
        "OR should I tell my ROTH IRA company to correct this and rollover to roth ira 10k and "
        "the balance 36000 to TIRA?",
        "roth_ira_balance",
    ),
    # paraphrases
    ("Should I move the $60k after-tax balance to a Roth IRA first?", "after_tax_total"),
    ("Say I put $20k of after-tax money in next year, then what?", "after_tax_total"),
    (
        "Assuming the $12k of earnings goes to a traditional IRA, is that right?",
        "after_tax_earnings",
    ),
]


@pytest.mark.parametrize(("text", "key"), NOT_HOLDINGS)
def test_an_amount_asked_about_or_supposed_is_no_holding(text: str, key: str) -> None:
    assert key not in read(text).facts


# The same figures stated are facts (each pairs with a case above).
STATED = [
    (
        "I have a $5k mega Backdoor contribution in the plan so far.",
        {"after_tax_contributions": 5000},
    ),
    ("He has $400k of after tax contributions in the 401k.", {"after_tax_contributions": 400000}),
    ("My after-tax balance is $60k.", {"after_tax_total": 60000}),
]


@pytest.mark.parametrize(("text", "facts"), STATED)
def test_the_same_figure_stated_is_a_fact(text: str, facts: dict) -> None:
    read_facts = read(text).facts
    assert {k: read_facts.get(k) for k in facts} == facts


# A supposition that sets out the case asked about keeps its figures: real texts
# (real.jsonl fq009, fq081), verbatim, and a paraphrase.
CASES = [
    (
        "If someone has a $200k 401k balance and $50k is after-tax (not Roth 401k), if they do "
        "a rollover of the full amount, can they direct the $50k to go into a Roth IRA, or "
        "would the funds have had to be part of a Roth 401k?",
        {"after_tax_total": 50000},
    ),
    (
        "If I have a client with $630k in a 401k, of which $64k if after tax dollars, what is "
        "the recommended protocal.",
        {"after_tax_total": 64000},
    ),
    (
        "For example, if a participant had $8,000 in after-tax contributions, could they "
        "withdraw them first?",
        {"after_tax_contributions": 8000},
    ),
]


@pytest.mark.parametrize(("text", "facts"), CASES)
def test_a_case_set_out_for_the_question_keeps_its_figures(text: str, facts: dict) -> None:
    read_facts = read(text).facts
    assert {k: read_facts.get(k) for k in facts} == facts


def test_a_question_may_state_what_the_asker_earns() -> None:
    assert read("Does the mega backdoor make sense at 26 making $95,000?").facts["income"] == 95000


def test_a_statement_before_the_question_in_one_sentence_is_stated() -> None:
    facts = read("I have $50k of after-tax money in my 401k, can I roll it to a Roth IRA?").facts
    assert facts["after_tax_total"] == 50000


def test_the_main_clause_after_an_if_clause_states_a_fact() -> None:
    facts = read("If I retire next year, my after-tax balance is 40k.").facts
    assert facts["after_tax_total"] == 40000


def test_a_statement_ends_at_its_stop_even_before_a_small_letter() -> None:
    # real text (batch_b bb009), verbatim: the "if" of the opening courtesy is no supposition
    text = (
        "i am new to this forum so please forgive me if this has already been aswered. i have "
        "a client who just retired is 65 and has 1.1mil in 401k, 90k is after tax. he also has "
        "127,000.00 in traditional IRA’s."
    )
    facts = read(text).facts
    assert facts["after_tax_total"] == 90000
    assert facts["traditional_ira_balance"] == 127000


def test_a_what_if_question_keeps_all_its_figures() -> None:
    facts = read("What if I had $30,000 of after-tax contributions and $10,000 of earnings?").facts
    assert (facts["after_tax_contributions"], facts["after_tax_earnings"]) == (30000, 10000)


# A question about one's own money states it: "my", "our" before the figure, or "in my 401k"
# after it (paraphrases of the commonest first question).
OWN_MONEY_ASKED_ABOUT = [
    ("How do I roll my $50k of after-tax money to a Roth IRA?", {"after_tax_total": 50000}),
    (
        "Can I convert my after-tax contributions of $30k to a Roth IRA?",
        {"after_tax_contributions": 30000},
    ),
    ("Can I move the $40k after-tax in my 401k to a Roth IRA?", {"after_tax_total": 40000}),
    ("Should I roll over our $25k after-tax balance?", {"after_tax_total": 25000}),
]


@pytest.mark.parametrize(("text", "facts"), OWN_MONEY_ASKED_ABOUT)
def test_a_question_about_ones_own_figure_states_it(text: str, facts: dict) -> None:
    read_facts = read(text).facts
    assert {k: read_facts.get(k) for k in facts} == facts
