"""Figures that are no one's holding: a bound, and an example closed by the words after it.

A bound is no figure (``amount_uses.yaml`` ``bound_before``, spaCy ``Matcher``): "over
$100,000", "more than $50k", "at least $5K" state a range, and the labels leave them out.
An example runs from its opening words to the words that point back at it ("The above
example assumes ..."): every figure between is the example's (``nlu.assemble``).
Real texts verbatim, with their source, and paraphrases.
"""

import pytest

from nlu.reader import read


@pytest.mark.parametrize(
    "text",
    [
        # real text, verbatim: batch_e be039 (irahelp.com forum-post 11911)
        "A client separated from service and had a retirement plan with his former employer with "
        "only after tax contributions and earnings. He makes over $100,000 per year.",
        # real text, verbatim: dev fq095 (a bound, unlabelled)
        "If you max out your 401(k) and make over $176,000, can you contribute the $6,000 limit?",
        # paraphrases
        "I make more than $250k so I can't contribute to a Roth IRA directly.",
        "Our income is at least $300,000 this year.",
        "We earn north of $400k together.",
    ],
)
def test_a_bound_is_no_income(text: str) -> None:
    assert "income" not in read(text).facts


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I rolled over $5000 of after tax contributions to a TIRA in 2009.", None, None),
        ("I make $180,000 and have over 10 years in the plan.", "income", 180000),
        ("I have $40k of after-tax money in my 401k.", "after_tax_total", 40000),
    ],
)
def test_what_is_no_bound_stays(text: str, key: str | None, value: int | None) -> None:
    facts = read(text).facts
    if key is not None:
        assert facts.get(key) == value


# real text, verbatim: batch_e be008 (bogleheads.org viewtopic.php?p=4843302)
BE008 = (
    "Income is variable throughout the year (salary/overtime) and yet my contribution to 401k is "
    "a fixed percentage.\n\nAs an example: assume salary of 100k, 4% match\n\nContribution to "
    "401k:\n\n53% of income = 53k (19.5k pre tax, 33.5 after tax)\n\n53k + 4k match = 57k limit"
    "\n\n—————————\n\nThe above example assumes no salary increase or overtime. If you do expect a "
    "salary increase and overtime, how do you adjust?"
)


def test_an_example_runs_to_the_words_that_close_it() -> None:
    facts = read(BE008).facts
    assert not {"income", "pretax_balance", "employer_contribution"} & set(facts)


def test_an_example_closed_on_its_line_leaves_the_text_after_it() -> None:
    # paraphrase: no closing words, the example is its line only
    facts = read(
        "For example, say someone has $100k.\n\nI have $30k of after-tax money in my 401k."
    ).facts
    assert facts.get("after_tax_total") == 30000


def test_a_paraphrased_closer_closes_the_example() -> None:
    facts = read(
        "For example: a salary of $90k and a 5% match.\n\nPre-tax 20k, after-tax 30k.\n\n"
        "In the example above, how much more can go in after-tax?"
    ).facts
    assert not {"income", "pretax_balance", "after_tax_total"} & set(facts)
