"""The seed thread as stories: the expert's answer is the bar for the first reply.

The first post is read from ../shared/seed-thread.txt (never copied here). The second
poster's follow-up is put in our own words, one question per message, the way a person
would type it into the bot.
"""

from __future__ import annotations

from conversation_stories import Step, run_story

# What the expert said, and what tax-rules.md section 11 adds, as reply fragments.
EXPERT_SUBSTANCE = (
    "one distribution",
    "two direct rollovers",
    "$30,000 to a Roth IRA",
    "$10,000 to a traditional IRA",
    "nothing is taxable now",
    "Notice 2014-54",
    "if all $40,000 went to the Roth IRA, $10,000 would be taxable",
    "in-service",  # the plan must allow an in-service distribution ...
    "separately",  # ... and account for the after-tax money separately
    "plan administrator",
    "no income limit",
    "Roth IRA 5-year clock",
    "59½",
)
NEVER = ("you will owe nothing", "you owe nothing", "tax-free for sure")


def test_the_first_reply_carries_the_experts_answer(assistant, seed_question):
    [reply] = run_story(
        assistant,
        [
            Step(
                seed_question,
                must=(
                    *EXPERT_SUBSTANCE,
                    "General information, not tax advice.",
                    "Sources: IRS Notice 2014-54",
                    "IRC 408A(d)(3)(A)",
                ),
                must_not=NEVER,
            )
        ],
    )
    text = reply.text
    # The answer leads; the follow-up question, disclaimer and sources close it.
    assert text.index("two direct rollovers") < text.index("would be taxable")
    assert text.index("Why this matters") < text.index("General information")
    assert text.index("General information") < text.index("Sources:")
    assert text.count("Why this matters") == 1  # one question at a time
    # Conditions read as plain sentences, and "one distribution" is said once.
    assert "Also:" not in text and text.count("one distribution") == 1
    assert len(text) < 2600
    # The most decision-changing missing fact is asked, as a choice.
    assert "while you still work there" in text
    assert [c.data for c in reply.choices] == ["yes", "no", "not sure"]


def test_the_first_reply_answers_now_or_later(assistant, seed_question):
    reply = assistant.handle("k", seed_question)
    assert "Now or when you leave?" in reply.text
    assert "tax-free instead" in reply.text


def test_facts_from_the_first_post_are_remembered_with_their_words(assistant, seed_question):
    assistant.handle("k", seed_question)
    facts = assistant.handle("k", "facts").text
    for fragment in ("your age: 51", "I am 51", "T. Rowe Price", "TROWE", "$30,000", "$10,000"):
        assert fragment in facts


def test_not_sure_about_the_plan_says_what_to_ask_and_moves_on(assistant, seed_question):
    run_story(
        assistant,
        [
            Step(seed_question),
            Step(
                "not sure",
                must=(
                    "Ask your plan administrator",
                    "withdrawn while I am still employed",
                    "account for the after-tax money separately",  # the next question
                ),
                must_not=("while you still work there?",),
            ),
            Step(
                "not sure",
                must=("Ask your plan administrator", "accounted for separately"),
                must_not=("account for the after-tax money separately from the pre-tax",),
            ),
        ],
    )


def test_answers_to_the_plan_questions_are_taken_as_facts(assistant, store, seed_question):
    run_story(
        assistant,
        [
            Step(seed_question),
            Step("yes", must=("Noted", "in-service", "yes", "separately"), must_not=NEVER),
            Step("yes", must=("Noted", "$30,000 to a Roth IRA", "tax rate")),
            Step("24%", must=("$2,400", "24%")),
        ],
    )
    facts = store.load("story").facts
    assert facts["plan_allows_in_service"] is True
    assert facts["after_tax_separately_accounted"] is True
    assert facts["marginal_rate"] == 0.24


def test_a_question_already_answered_is_never_asked(assistant, seed_question):
    replies = run_story(assistant, [Step(seed_question), Step("not sure"), Step("not sure")])
    asked = " ".join(r.text for r in replies)
    for said in ("How old are you?", "Do you already have a Roth IRA?", "still work for"):
        assert said not in asked


def test_a_question_the_user_declines_is_dropped_not_asked_again(assistant, seed_question):
    _, declined = run_story(
        assistant,
        [
            Step(seed_question, must=("while you still work there",)),
            Step(
                "rather not say",
                must=("No problem; I will work without it.",),
                must_not=("while you still work there", "I did not find"),
            ),
        ],
    )
    assert "only the plan knows" not in declined.text  # nothing to look up: it was refused


SECOND_POSTER = [
    Step(
        "I am 55 and still working. I put $10,000 of after-tax contributions in my 401k and "
        "they have $10,000 of earnings. My plan allows in-plan Roth conversions. If I do an "
        "in-plan Roth conversion right away and leave it in the plan five years until I am "
        "over 59½, are the contributions and gains tax free?",
        must=(
            "$20,000 to the plan's Roth 401(k) account",
            "$10,000 is taxable income",
            "Roth 401(k) 5-year period",
            "59½",
            "do not carry over to a Roth IRA",
        ),
        must_not=NEVER,
    ),
    Step(
        "And if after five years I roll it over to a Roth IRA, can I take out the basis and "
        "the gains tax free?",
        must=(
            "do not carry over to a Roth IRA",
            "Roth IRA's own clock",
            "59½",
            "keeps its own 5-year recapture window",  # the open point, said as such
        ),
    ),
]


def test_the_second_posters_follow_up(assistant):
    run_story(assistant, SECOND_POSTER, key="poster-2")


def test_the_second_poster_can_ask_it_as_a_what_if_without_changing_facts(assistant, store):
    run_story(
        assistant,
        [
            Step("I am 55 with $10,000 after-tax contributions and $10,000 earnings"),
            Step(
                "what if I do an in-plan conversion?",
                must=(
                    "What if",
                    "$20,000 to the plan's Roth 401(k) account",
                    "do not carry over to a Roth IRA",
                    "real facts are unchanged",
                ),
            ),
        ],
    )
    assert store.load("story").facts == {
        "age": 55,
        "after_tax_contributions": 10000,
        "after_tax_earnings": 10000,
    }


def test_a_plan_without_in_service_withdrawals_points_to_waiting(assistant, seed_question):
    run_story(
        assistant,
        [
            Step(seed_question),
            Step(
                "no",
                must=(
                    "Noted",
                    "Splitting the rollover is not possible now",
                    "Or wait until you leave",
                    "$30,000 to a Roth IRA",
                ),
                must_not=NEVER,
            ),
        ],
    )


# The same follow-up the way that poster wrote it (paraphrased): after-tax money put in
# at 55 while still working, "it earns", "convert it to Roth inside the plan" right away,
# five years and 59½, then a later rollover to a Roth IRA.
SECOND_POSTER_OWN_WORDS = [
    Step(
        "I am 55 and still working. I put $10,000 of after-tax money into my 401k and it "
        "earns $10,000. The plan allows in-plan conversions, and I would convert it to Roth "
        "inside the plan right away. If it stays in the plan five years and I am over 59½, "
        "are the contributions and gains tax free?",
        must=(
            "$20,000 to the plan's Roth 401(k) account",
            "$10,000 is taxable income",
            "grow tax-free in the Roth 401(k) once its 5-year period and age 59½ are met",
            "Roth 401(k) 5-year period",
            "cannot be undone",
        ),
        must_not=NEVER,
    ),
    Step(
        "After five years I roll it over to a Roth IRA. Can I then take out the basis and "
        "the gains tax free?",
        must=(
            "do not carry over to a Roth IRA",
            "Roth IRA's own clock",
            "Treas. Reg. 1.408A-10",
            "Roth IRA earnings come out tax-free from",
            "keeps its own 5-year recapture window",
        ),
        must_not=NEVER,
    ),
]


def test_the_second_posters_follow_up_in_their_own_kind_of_words(assistant, store):
    first, _ = run_story(assistant, SECOND_POSTER_OWN_WORDS, key="poster-2")
    facts = store.load("poster-2").facts
    assert facts["age"] == 55 and facts["still_employed"] is True
    assert facts["after_tax_contributions"] == 10000
    assert facts["after_tax_earnings"] == 10000
    assert facts["plan_allows_in_plan_conversion"] is True
    assert len(first.text) < 2700
    # Each point is made once: the engine's conditions that the clocks already state
    # (the Roth IRA clock after a rollover, the recapture window) are not said again.
    assert "count toward a Roth IRA" not in first.text
    assert "within five tax years" not in first.text
