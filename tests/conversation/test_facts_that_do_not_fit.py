"""A message that asks something is answered even when one of its figures cannot be used.

A figure that does not fit the others (a total smaller than its parts) or a value the
checker refuses ("I am 500") is named and left out; the question beside it still gets its
answer from the facts that fit. Only a bare answer in a running conversation, or a
what-if on the real facts that asks nothing, is refused as a whole.
"""

from __future__ import annotations

import json
from pathlib import Path

from conversation_stories import Step, run_story

BATCH_B = Path(__file__).resolve().parents[1] / "eval" / "batch_b.jsonl"
PRO_RATA_ANSWER = "carries a pro-rata share of the pretax money"
FIRST_FACTS = "I am 51 with $40,000 after-tax contributions and $10,000 earnings"


def real_question(qid: str) -> str:
    """A real forum question's text, verbatim, from the labelled batch."""
    for line in BATCH_B.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == qid:
            return row["text"]
    raise LookupError(qid)


def test_the_illustrated_pro_rata_question_is_answered_as_a_first_message(assistant):
    # bb078: "Let's say for example ... Is the pro-rata based on the full value of
    # $500,000? or do I use only the after-tax dollars of $100,00" (typo as written)
    run_story(
        assistant,
        [
            Step(
                real_question("bb078"),
                must=(PRO_RATA_ANSWER,),
                must_not=("real facts are unchanged", "I could not use that"),
            )
        ],
    )


def test_the_illustrated_pro_rata_question_is_answered_in_a_running_conversation(assistant, store):
    run_story(
        assistant,
        [
            Step(FIRST_FACTS),
            Step(
                real_question("bb078"),
                must=(PRO_RATA_ANSWER,),
                must_not=("real facts are unchanged", "What if:"),
            ),
        ],
    )
    facts = store.load("story").facts
    assert facts["after_tax_contributions"] == 40000 and facts["age"] == 51


def test_a_refused_value_in_an_example_does_not_stop_the_answer(assistant, store):
    # a paraphrase of bb078 whose example holds a value the checker refuses
    [reply] = run_story(
        assistant,
        [
            Step(
                "Suppose I am 500 years old. Is the pro-rata based on the whole 401(k) "
                "or only on the after-tax money?",
                must=('I could not use "I am 500"', PRO_RATA_ANSWER),
                must_not=("real facts are unchanged",),
            )
        ],
    )
    assert "age" not in store.load("story").facts
    assert reply.text.index("could not use") < reply.text.index(PRO_RATA_ANSWER)


def test_a_question_with_a_figure_that_does_not_fit_is_answered_from_the_rest(assistant, store):
    run_story(
        assistant,
        [
            Step(FIRST_FACTS),
            Step(
                "The after-tax total is $30k and I am 52. How is the pro-rata figured?",
                must=(
                    "I left one figure out, as they do not fit together",
                    '$30,000 ("after-tax total is $30k")',
                    "larger than the whole after-tax subaccount",
                    PRO_RATA_ANSWER,
                ),
                must_not=("I kept what you told me before",),
            ),
        ],
    )
    facts = store.load("story").facts
    assert facts["age"] == 52  # the figure that fits is taken
    assert "after_tax_total" not in facts  # the one that does not is left out
    assert facts["after_tax_contributions"] == 40000


def test_a_bare_answer_that_does_not_fit_is_refused_and_the_facts_kept(assistant, store):
    run_story(
        assistant,
        [
            Step(FIRST_FACTS),
            Step(
                "The after-tax total is $30k.",
                must=("I could not use that", "I kept what you told me before"),
                must_not=("I left one figure out",),
            ),
        ],
    )
    assert "after_tax_total" not in store.load("story").facts
