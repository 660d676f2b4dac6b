"""A value the reader found but the checker refused is named, with its words and why.

"I am 500" is not a number the bot could not place: it is an age out of range, and the
reply says so in those terms. Refused values are never stored; the rest of the message
is still used.
"""

from __future__ import annotations

from conversation_stories import Step, run_story

from bot.questions import question_for


def test_an_impossible_age_is_quoted_with_the_allowed_range(assistant, store):
    run_story(
        assistant,
        [
            Step("I am 51 with $30,000 after-tax contributions and $10,000 earnings"),
            Step(
                "I am 500",
                must=('I could not use "I am 500": your age must be between 16 and 110.',),
                must_not=("(got 500)", "amounts cannot be negative"),
            ),
        ],
    )
    assert store.load("story").facts["age"] == 51


def test_a_negative_amount_names_the_fact_it_was_meant_for(assistant, store):
    run_story(
        assistant,
        [
            Step(
                "my after-tax contributions are -5000",
                must=(
                    'I could not use "after-tax contributions are -5000"',
                    "after-tax contributions (your basis) cannot be negative",
                ),
                must_not=("Ages must be between",),
            )
        ],
    )
    assert store.load("story").facts == {}


def test_the_rest_of_the_message_is_used_and_the_refused_value_named_first(assistant, store):
    [reply] = run_story(
        assistant,
        [
            Step(
                "I am 500 and have $30,000 of after-tax contributions",
                must=("your age must be between 16 and 110", "two direct rollovers"),
            )
        ],
    )
    assert reply.text.index("could not use") < reply.text.index("two direct rollovers")
    assert store.load("story").facts == {"after_tax_contributions": 30000}


def test_a_refused_answer_to_a_question_asks_it_again(assistant, store):
    assistant.handle("story", "I have $40,000 of after-tax money in my 401k. Can I move it?")
    pending = store.load("story").pending
    assert pending is not None
    run_story(
        assistant,
        [Step("-5", must=('I could not use "-5"', question_for(pending).ask))],
    )
    assert store.load("story").pending == pending
    assert pending not in store.load("story").facts


def test_a_what_if_with_a_refused_value_is_not_run(assistant, store):
    run_story(
        assistant,
        [
            Step("I am 51 with $30,000 after-tax contributions and $10,000 earnings"),
            Step(
                "what if I am 500?",
                must=('I could not use "I am 500"', "real facts are unchanged"),
                must_not=("What if:",),
            ),
        ],
    )
    assert store.load("story").facts["age"] == 51


def test_a_number_the_reader_could_not_place_still_gets_the_general_note(assistant):
    run_story(
        assistant,
        [Step("what about 123456789012345", must=("123456789012345", "could not use"))],
    )
