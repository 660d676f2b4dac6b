"""A question about a topic beyond the catalogue is not answered by a catch-all rule.

The expert's finding on unseen questions (issue 10, gradings of 2026-12-07): "Does my state
tax Roth conversions?" got the kinds-of-money paragraph (it has its own answer now:
tests/answers/test_topics_asked_beside_the_subject.py), because the broad rule of
move_to_roth (``[move|convert, roth]`` in a question) holds on any question that says
"Roth" and "convert". The vocabulary of topics beyond the catalogue (``beyond`` of
nlu/patterns/asks.yaml: a state's tax, college aid, what to invest in, other kinds of
account, creditors, living abroad) changes that in general: in a sentence that asks and
names one, a rule holds only if that sentence names one of the rule's own specific word
classes, never on the subject's broad words (``subject_broad``) alone, nor on what a short
question points back to. The sentence is then unrecognised, and the reply opens with "I
can't give a cited answer to ..." in the asker's words (``unrecognised.lead``), not a stock
paragraph. A topic word in the story, not in the question, changes nothing.
"""

from __future__ import annotations

import pytest
import spacy
from answer_findings import first_reply
from conversation_stories import EVAL, SHARED, real_question

from nlu.asks import build, fired
from nlu.reader import read

NO_CITED_ANSWER = "I can't give a cited answer to"
STOCK_KINDS = "How it is taxed depends on the kind of money"


def _classes(text: str) -> set[str]:
    nlp = spacy.blank("en")
    doc = nlp(text)
    return {f"{cls}/{pattern}" for _start, cls, pattern in fired(doc, build(nlp.vocab))}


# -- the vocabulary: each pattern id, and words it must not take -------------------------


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Does my state tax Roth conversions?", "state_tax/my_state_does"),
        ("Will I owe state income tax on it?", "state_tax/state_tax"),
        ("What about my state's tax on the rollover?", "state_tax/state_tax"),
        ("Is a conversion taxed in California?", "state_tax/taxed_in_state"),
        ("Is a conversion taxed in New York?", "state_tax/taxed_in_two_word_state"),
        ("Is it taxed by my state?", "state_tax/taxed_by_my_state"),
        ("Do I owe NJ tax on the conversion?", "state_tax/state_named_tax"),
        ("Do I owe North Carolina tax on it?", "state_tax/state_two_words_tax"),
        ("Does my Roth IRA count on the FAFSA?", "financial_aid/fafsa"),
        ("Does the CSS Profile ask about Roth IRAs?", "financial_aid/css_profile"),
        ("Will it hurt my son's financial aid?", "financial_aid/financial_aid"),
        (
            "Does it raise our expected family contribution?",
            "financial_aid/expected_family_contribution",
        ),
        ("Should I hold bonds in my Roth?", "investments/bonds"),
        ("Is asset location worth it?", "investments/asset_location"),
        ("Should the Roth hold an index fund?", "investments/kind_of_fund"),
        ("Is a target-date fund fine in a Roth?", "investments/target_date"),
        ("What should I invest in once it is in the Roth IRA?", "investments/invest_in_what"),
        ("Can I roll my HSA into a Roth?", "other_account/hsa"),
        ("Can 529 plan money go to a Roth IRA?", "other_account/plan_529"),
        ("Is my Roth IRA safe from creditors?", "protection/creditors"),
        ("Can I convert while living abroad?", "abroad/abroad"),
        ("Does the tax treaty cover a Roth conversion?", "abroad/tax_treaty"),
    ],
)
def test_each_pattern_of_a_topic_beyond_fires_on_its_words(text: str, fires: str) -> None:
    assert any(c.startswith(fires) for c in _classes(text))


@pytest.mark.parametrize(
    "text",
    [
        # a plan a state sponsors is no state tax (ba053's "the state retirement plan")
        "Can I roll the money in the state retirement plan to a Roth IRA?",
        "Is the conversion taxed in the year I make it?",
        "Any tips on how to split the rollover?",
        "Can I roll my company stock to a Roth IRA?",
        "Can I move the funds to a Roth IRA?",
        "I live in California. Can I roll my after-tax money to a Roth IRA?",
        "What should I do with the after-tax money?",
    ],
)
def test_words_that_only_look_like_a_topic_beyond_do_not_fire(text: str) -> None:
    beyond = {"state_tax", "financial_aid", "investments", "other_account", "protection", "abroad"}
    assert not {c.split("/")[0] for c in _classes(text)} & beyond


# -- the reader: the catch-all does not hold where a topic beyond is asked ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Should I hold bonds in my Roth or traditional IRA?",
        "Can I roll my HSA into my Roth IRA?",
        "Is my Roth IRA protected from creditors if I convert it?",
        "Can I convert my IRA to a Roth while living abroad?",
        # a short question pointing back takes no question from the story it points to
        "I converted my IRA to a Roth last year. Which index fund should it hold?",
    ],
)
def test_a_question_about_a_topic_beyond_is_unrecognised_and_named(text: str) -> None:
    reading = read(text)
    assert reading.asked == ()
    assert [u for u in reading.unrecognised if u.specific]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # a clause of its own keeps its question
        (
            "I have 40k after-tax in my 401k. Can I roll it to a Roth IRA, and will my state "
            "tax the earnings?",
            {"move_to_roth", "state_tax"},
        ),
        (
            "Can I roll my after-tax money to a Roth IRA and should I hold bonds there?",
            {"move_to_roth"},
        ),
        # no clause of its own: a comma before no conjunction, "or" inside a phrase
        (
            "Will a Roth conversion, done this year, affect my daughter's financial aid?",
            {"financial_aid"},
        ),
        ("Does my state tax Roth conversions, and if so how much?", {"state_tax"}),
        ("Should I hold bonds in my Roth or traditional IRA?", set()),
    ],
)
def test_a_question_in_a_clause_of_its_own_beside_a_topic_beyond_stands(
    text: str, asked: set[str]
) -> None:
    assert set(read(text).asked) == asked


def test_a_topic_beyond_told_in_the_story_leaves_the_question_recognised() -> None:
    reading = read(
        "I live in California and pay state tax. Can I roll my after-tax 401k money to a Roth IRA?"
    )
    assert reading.asked == ("move_to_roth",)


# -- the reply: the honest line in the asker's words, no stock paragraph -----------------


@pytest.mark.parametrize(
    "text",
    [
        "Should I hold bonds in my Roth or traditional IRA?",
        "Can I roll my HSA into my Roth IRA?",
        "Can I convert my IRA to a Roth while living abroad?",
    ],
)
def test_the_reply_says_there_is_no_cited_answer_in_the_askers_words(text: str) -> None:
    reply = first_reply(text)
    assert reply.startswith(f'{NO_CITED_ANSWER} "{text}" yet'), reply
    assert STOCK_KINDS not in reply
    assert "Notice 2014-54" not in reply
    assert "after-tax" not in reply  # no follow-up about after-tax money


def test_real_story_naming_state_tax_keeps_its_answer() -> None:
    # fq022 (answers.jsonl): "It indicates we will have a federal and state tax impact
    # based on our tax rate * the earnings on our after tax contributions." is told, not
    # asked: the in-plan conversion it asks about is still answered
    reply = first_reply(real_question("fq022", SHARED / "eval" / "answers.jsonl"))
    assert not reply.startswith(NO_CITED_ANSWER)


def test_real_story_paying_california_tax_keeps_its_answer() -> None:
    # bd047 (https://www.early-retirement.org/forums/f28/roth-conversion-or-not-on-aca-
    # 115122.html): "we'll have to pay Federal and California state taxes" is told; the
    # ACA question is asked
    reply = first_reply(real_question("bd047", EVAL / "batch_d.jsonl"))
    assert not reply.startswith(NO_CITED_ANSWER)
