"""The reply's first words answer the question: a verdict first where the answer has one
(issue 10; an expert grading of real questions found replies that did not open with the
yes, the no, or what it depends on).

- The verdict is data on the catalogue entry (``verdicts`` in
  ``knowledge/data/questions/<id>.yaml``), per answer variant: the finding (or the pair
  that reads as one sentence) the answer opens with. Never a guess: where the facts leave
  it open the variant said is the conditional one, and its verdict names what it depends
  on ("It depends on your plan: ...").
- It opens only an answer to a question of what is possible, asked in so many words
  ("Can I ...?", "Is it possible ...?", ``verdict_openers``): "Would my income prevent
  ...?" or "Do I owe tax ...?" turn a verdict's sense, "Can anyone explain ...?" is a
  request, "How do I ...?" asks no yes or no.
- Only the reply's first answer (or a numbered part's) opens with one.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, SHARED, real_question

from bot.answers import messages
from bot.conversation import respond
from bot.session import Session
from knowledge.answers import VERDICT_FACTS, catalogue, verdict
from knowledge.facts import Facts

TODAY = date(2026, 12, 6)
BATCH_B = EVAL / "batch_b.jsonl"
BATCH_C = EVAL / "batch_c.jsonl"
REAL = SHARED / "eval" / "real.jsonl"
MORE = EVAL / "answers_more.jsonl"
VERDICTS = ("Yes", "No")
FACT_KEYS = frozenset(Facts.keys())


def _first(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text.split("\n\n")[0]


# -- the data ---------------------------------------------------------------------------


def test_every_verdict_belongs_to_an_answer_of_its_question() -> None:
    together = {k for k in messages()}  # (a finding of the catalogue's messages)
    for question in catalogue().values():
        for key, cases in question.verdicts:
            for finding in key.split("+"):
                assert finding in question.findings, (question.id, key)
                assert finding in together, (question.id, key)
            for case in cases:
                assert case.say in VERDICTS or case.say.startswith("It depends on"), case
                # (each fact a case holds on is a fact, or one worked out from the facts)
                assert all(k in FACT_KEYS or k in VERDICT_FACTS for k, _ in case.when), case


def test_a_conditional_answer_says_what_it_depends_on() -> None:
    conditional = verdict("move_to_roth", "route.split_general+route.if_separate", {})
    assert conditional is not None and conditional.startswith("It depends on")
    assert verdict("move_to_roth", "route.split_general", {}) == "Yes"  # the condition settled


# -- in replies -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "source", "opens"),
    [
        # http://helpdesk.blogs.money.cnn.com/2012/09/17/roll-over-pre-tax-after-tax-contributions-from-401k/
        ("bc004", BATCH_C, "Yes: the clean route is one distribution of the whole account"),
        # http://kiplinger.com/article/retirement/T046-C001-S001-strategies-for-moving-401-k-money-to-a-roth-ira.html
        ("fq097", MORE, "Yes: a plan can be rolled directly into a Roth IRA"),
        # https://www.cincinnati.com/story/money/2017/04/12/why-roth-401k-can-rolled-into-roth-ira/100175840/
        ("bb086", BATCH_B, "Yes: Roth 401(k) money can go only to a Roth IRA"),
        # https://irahelp.com/forum-post/10609-after-tax-401k-money-direct-rollover-roth:
        # the numbered part opens with its number, then the verdict
        ("fq005", REAL, "1. Yes: the clean route"),
    ],
)
def test_a_real_question_of_what_is_possible_gets_its_verdict_first(qid, source, opens) -> None:
    assert _first(real_question(qid, source)).startswith(opens)


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        # still working, the plan's accounting unknown: what it depends on
        ("Can I roll my after-tax 401k money to a Roth IRA?", "It depends on your plan: if your"),
        (
            "Is it possible to move my after-tax 401k money to a Roth IRA?",
            "It depends on your plan",
        ),
        # the facts settle the condition: the bare verdict
        (
            "My plan tracks the after-tax money separately and I still work there. Can I roll "
            "my after-tax 401k money to a Roth IRA?",
            "Yes: your after-tax contributions can go to a Roth IRA tax-free",
        ),
        ("Can I roll my 401k directly into a Roth IRA?", "Yes: a plan can be rolled directly"),
    ],
)
def test_a_paraphrase_gets_the_verdict_its_facts_decide(text: str, opens: str) -> None:
    assert _first(text).startswith(opens)


@pytest.mark.parametrize(
    "text",
    [
        # its sense turns with the wording (bc042 asked it so): "Yes" would mean "it prevents"
        "Would my income prevent the rollover from my Roth 401k to a Roth IRA?",
        # a request, not a yes/no question
        "Can anyone explain how to roll after-tax 401k money to a Roth IRA?",
        # no yes or no asked
        "How do I roll my after-tax 401k money to a Roth IRA?",
        "I want to roll my after-tax 401k money to a Roth IRA.",
    ],
)
def test_no_verdict_where_the_question_does_not_ask_for_one(text: str) -> None:
    first = _first(text)
    assert not first.startswith(("Yes:", "No:", "It depends on")), first


def test_only_the_first_answer_opens_with_a_verdict() -> None:
    # two questions of what is possible, both with verdicts in the catalogue: the reply's
    # first answer opens with its verdict, a later answer never does
    text = (
        "Can I roll my 401k directly into a Roth IRA? Can after tax money be rolled over to "
        "a Roth IRA and be taken out right away without penalty?"
    )
    paragraphs = respond(Session(key="t"), text, today=TODAY, now=0).text.split("\n\n")
    assert paragraphs[0].startswith(("Yes: ", "It depends on"))
    assert not any(p.startswith(("Yes: ", "It depends on")) for p in paragraphs[1:])
