"""Figures that are not a holding give no balance or basis (nlu/patterns/amount_uses.yaml):
a figure read off a tax form, a deduction, what would be left after a supposed move, and
the first term of a sum written out. Precision first: the conversation asks instead.

The first text of each case is a real question's words (tests/eval/batch_a.jsonl,
batch_b.jsonl); the others are paraphrases.
"""

import pytest

from nlu.reader import read

MONEY_KEYS = (
    "after_tax_contributions", "after_tax_earnings", "after_tax_total", "pretax_balance",
    "traditional_ira_balance", "roth_ira_balance", "roth_401k_balance",
)  # fmt: skip


def money_facts(text: str) -> dict:
    return {k: v for k, v in read(text).facts.items() if k in MONEY_KEYS}


@pytest.mark.parametrize(
    "text",
    [
        # bb016, verbatim
        "This past year I rolled over a 401K into a traditional rollover IRA. Received a 1099 R "
        "from Fidelity detailing the Gross distribution (box1), the taxable amount ($0.00, box "
        "2a), and the employee contribution amount (box 5).",
        "My 1099-R shows a pretax amount of $12,000 in box 2a.",
        "Box 1 shows $58,000 and the pretax amount is in box 2a.",
        "Will the IRA company report my after tax amount as 10000 on the 1099 form?",
        # a form's line, even "of basis": the form's figure (an IRA's, here), not the plan's
        "Form 8606 line 2 shows $6,500 of basis from 2019. Does that matter for the 401k rollover?",
    ],
)
def test_a_figure_read_off_a_tax_form_is_no_balance(text: str) -> None:
    assert money_facts(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        # bb079, verbatim
        "The individual instructs custodian to directly rollover $50,000 of the after-tax "
        "funds and $50,000 of the pre-tax funds to an IRA. $100,000 of pre-tax funds would "
        "remain in the 401(k).",
        "After the rollover $40k of pretax money would stay in the plan.",
    ],
)
def test_what_would_remain_after_a_supposed_move_is_no_balance(text: str) -> None:
    assert "pretax_balance" not in money_facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "My plan caps after-tax contributions at $30,000 a year. How do I convert them?",
        "After-tax contributions are limited to $15,000 in our 401k.",
    ],
)
def test_a_cap_is_no_contribution(text: str) -> None:
    facts = read(text).facts
    assert "annual_after_tax_contribution" not in facts
    assert "after_tax_contributions" not in facts


def test_a_deduction_is_no_balance() -> None:
    assert money_facts("In 2014 I was only able to deduct $4,000 of my pretax IRA.") == {}


def test_the_first_term_of_a_written_sum_is_no_balance() -> None:
    # ba014's breakdown line
    text = "Essentially the breakdown is the following:\n\nPretax: 4000 + 1500 (earnings/gains)\n"
    assert "pretax_balance" not in money_facts(text)


def test_a_balance_stated_plainly_still_counts() -> None:
    """The patterns hold the figure out only where the words say so."""
    facts = money_facts("I have $12,000 of pretax money and $8,000 after-tax in my 401k.")
    assert facts.get("pretax_balance") == 12000


@pytest.mark.parametrize(
    "text",
    [
        "My income was $400k before I retired. Now I have no salary. My 401k has $50k after-tax.",
        "I earned $150,000 until I quit last spring. Can I roll the after-tax to a Roth IRA?",
    ],
)
def test_pay_of_a_time_now_past_is_no_income(text: str) -> None:
    assert "income" not in read(text).facts
