"""The follow-up conversations of the expert's review (../shared/eval/answer-review.md),
replayed. The first message of each is the real forum question, verbatim from
../shared/eval/answers.jsonl; the follow-ups are the review's own quoted turns.

What the review found, each a check here: facts lost between turns, a stated bracket
dropped, a message holding a question met with "I already had that.", a question re-asked
after it was answered, and a plan that prorates priced as if it did not.
"""

from __future__ import annotations

import json

import pytest
from conversation_stories import SHARED, Step, run_story

NEVER = ("I already had that", "you will owe nothing", "nothing is taxable now")


def _question(qid: str) -> str:
    path = SHARED / "eval" / "answers.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval/answers.jsonl is not available")
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == qid:
            return record["text"]
    raise AssertionError(qid)


def test_conversation_a_keeps_the_bracket_and_answers_the_last_question(assistant, store):
    run_story(
        assistant,
        [
            Step(_question("fq000"), must=("$30,000 to a Roth IRA", "No need to wait")),
            Step(
                "What if I just roll all 40k to the Roth? I'm in the 24% bracket.",
                must=("What if", "$2,400"),
            ),
            Step(
                "Actually it's 32k contributions and 8k earnings.",
                must=("$32,000 to a Roth IRA", "$8,000"),
                must_not=("marginal tax rate", "MAGI", "filing status"),
            ),
            Step(
                "If I retire at 55 and need cash, can I take the contributions back out of "
                "the Roth IRA before 59 1/2 without tax or penalty?",
                must=("come back out tax- and penalty-free at any time",),
                must_not=NEVER,
            ),
        ],
        key="A",
    )
    assert store.load("A").facts["marginal_rate"] == 0.24  # said beside the what-if


def test_conversation_b_never_says_nothing_is_taxable_for_a_plan_that_prorates(assistant):
    first, penalty = run_story(
        assistant,
        [
            Step(
                _question("fq006"),
                must=("pro-rata", "one distribution of the whole account"),
                must_not=NEVER,
            ),
            Step(
                "Will I owe the 10% penalty on any of this since I'm only 45?",
                must=("No 10% penalty on a direct rollover",),
                must_not=NEVER,
            ),
        ],
        key="B",
    )
    # "rolled them over to a Roth IRA at Vanguard": the Roth IRA is not asked about
    assert "Do you already have a Roth IRA?" not in first.text + penalty.text


def test_a_plan_that_prorates_is_priced_from_the_total_balance_the_person_gives(assistant, store):
    # "I had ... about $30k of after-tax money", "about $300k total in the 401k": a $30k
    # partial distribution is $3k basis and $27k pretax; the whole split is $270k / $30k
    [reply] = run_story(
        assistant,
        [
            Step(
                _question("fq006"),
                must=(
                    "a $30,000 distribution would be only $3,000 basis and $27,000 pretax",
                    "$270,000 of pretax money to a traditional IRA",
                    "$30,000 of after-tax contributions to a Roth IRA",
                ),
                must_not=NEVER,
            )
        ],
        key="B2",
    )
    assert reply.text.index("$27,000") < reply.text.index("$270,000")  # the answer first
    saved = store.load("B2")
    assert saved.facts["pretax_balance"] == 270000
    assert saved.evidence["pretax_balance"] == "about $300k"  # the words it came from


def test_a_total_balance_said_later_prices_the_after_tax_money_already_given(assistant, store):
    run_story(
        assistant,
        [
            Step("I have 30k after-tax contributions and 10k earnings in my 401k."),
            Step(
                "The whole 401k balance is $400k. Can I take only the after-tax part?",
                # $40k of $400k: a $40k distribution carries $3k of basis (30/400 of it)
                must=("From $400,000 in all", "$3,000 basis and $37,000 pretax"),
                must_not=NEVER,
            ),
        ],
        key="B3",
    )
    assert store.load("B3").facts["pretax_balance"] == 360000


def test_a_total_no_bigger_than_the_after_tax_part_gives_no_pretax_money(assistant, store):
    assistant.handle("B4", "My 401k is $40k in all: $30k after-tax contributions, $10k earnings.")
    assert "pretax_balance" not in store.load("B4").facts


def test_conversation_c_answers_the_advisers_pro_rata_question(assistant):
    [reply] = run_story(
        assistant,
        [
            Step(
                _question("fq021"),
                must=("Within that source, yes", "about 25% of each conversion"),
                must_not=(*NEVER, "Do you still work for the employer"),
            )
        ],
        key="C",
    )
    assert reply.text.index("Within that source") < reply.text.index("Not tax advice.")
