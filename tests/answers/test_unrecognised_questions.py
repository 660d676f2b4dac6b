"""A question no catalogue answer answers is said to be one, and a stock paragraph does
not stand in for its answer; lines said only to a question asked wait for one.

The expert's rule (gradings of 2026-12-07): where no kind of question fits, say so in one
line and give the one safety fact that applies; don't reach for a paragraph that shares a
word with the post. The reader marks the sentences that ask something of a topic and hold
no catalogue question (``Reading.unrecognised``); when none is recognised where the text
asks and the reply would only have stock paragraphs (a route, a topic's general answer,
``stock`` in its file), it opens with "I can't give a cited answer to ... yet" (worded in
``bot/messages/en.yaml``), then at most the first sentence of the stock answer whose topic
the question names, or the one safety fact, and asks nothing back. The income limit and
what the plan decides (``asked_only`` in the messages) are said only where asked.
"""

from __future__ import annotations

from datetime import date

from conversation_stories import EVAL, SHARED, real_question

from bot.answers import restated
from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

ANSWERS_MORE = EVAL / "answers_more.jsonl"
BATCH_B = EVAL / "batch_b.jsonl"
BATCH_E = EVAL / "batch_e.jsonl"
REAL = SHARED / "eval" / "real.jsonl"
TODAY = date(2026, 12, 6)
NO_CITED_ANSWER = "I can't give a cited answer to"
INCOME_LINE = "Income does not matter"
PLAN_DECIDES = "Within the IRS's limits, your plan decides"


def _first_reply(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


def _paragraphs(reply: str) -> list[str]:
    return reply.split("\n\n")


# -- the reader: which asked sentences hold no catalogue question -------------------------


def test_a_question_on_a_topic_no_question_knows_is_unrecognised() -> None:
    reading = read(
        "My employer lets me make after-tax contributions with auto-conversion to Roth. "
        "How does the spillover work once I hit the 402(g) max? Any thoughts?"
    )
    assert reading.asked == ()
    texts = [u.text for u in reading.unrecognised if u.specific]
    assert texts == ["How does the spillover work once I hit the 402(g) max?"]
    # "Any thoughts?" asks about the story: no topic of its own
    assert all(not u.specific for u in reading.unrecognised if u.text == "Any thoughts?")


def test_a_question_the_catalogue_knows_is_asked_not_unrecognised() -> None:
    reading = read("I have 30k after-tax in my 401k. Can I roll the after-tax to a Roth IRA?")
    assert reading.asked == ("move_to_roth",)
    assert not [u for u in reading.unrecognised if u.specific]


def test_the_told_sentence_just_before_a_question_is_asked_about() -> None:
    # bc042 (https://irahelp.com/forum-post/12832-roth-401k-roth-ira): "Our MAGI is above
    # the limit for contributing to a Roth IRA. Would this prevent us from doing the
    # rollover from Roth 401k to Roth IRA?"
    reading = read(
        "Our MAGI is above the limit for contributing to a Roth IRA. Would this prevent us "
        "from doing the rollover from Roth 401k to Roth IRA?"
    )
    assert "income_limit" in reading.asked


# -- the reply: one honest line, not a stock paragraph ------------------------------------


def test_real_spillover_question_gets_the_honest_line_then_the_limit_it_names() -> None:
    # fq062 (https://www.bogleheads.org/forum/viewtopic.php?f=1&t=230666&p=3589575): "How
    # does this play out once you hit the 18k max?" The 415(c) limit its "max" names is
    # said; the mega-backdoor paragraph that only shares a word with the post is not.
    reply = _first_reply(real_question("fq062", ANSWERS_MORE))
    first, *rest = _paragraphs(reply)
    assert first.startswith(
        NO_CITED_ANSWER + ' "How does this play out once you hit the 18k max?" yet'
    )
    assert "415(c)" in rest[0]
    assert "mega backdoor" not in reply
    assert reply.count("?") == 1  # no question back


def test_real_turbotax_question_gets_the_recharacterization_reporting_not_the_income_limit() -> (
    None
):
    # be040 (https://ttlc.intuit.com/community/retirement/discussion/re-properly-reporting-
    # a-roth-ira-recharacterization-to-a-traditional-ira/01/1829922/highlight/true): "My
    # question is how do I enter these numbers correctly into TurboTax?" - a Roth IRA
    # contribution recharacterized, then a backdoor conversion: both have cited reporting
    # (Instructions for Form 8606), so no honest "can't" line any more
    reply = _first_reply(real_question("be040", BATCH_E))
    assert not reply.startswith(NO_CITED_ANSWER)
    assert _paragraphs(reply)[0].startswith("A Roth IRA contribution recharacterized")
    assert INCOME_LINE not in reply


def test_paraphrase_spillover_question_gets_no_stock_paragraph() -> None:
    reply = _first_reply(
        "My employer lets me make after-tax contributions with auto-conversion to Roth. "
        "How does the spillover work once I hit the 402(g) max?"
    )
    assert reply.startswith(NO_CITED_ANSWER + ' "How does the spillover work')
    assert "Notice 2014-54" not in reply
    assert "mega backdoor" not in reply
    assert reply.count("?") == 1


def test_paraphrase_unknown_topic_gets_the_one_safety_fact() -> None:
    reply = _first_reply(
        "I will split my 401k rollover between a Roth IRA and a traditional IRA. "
        "How does the ACA subsidy treat the split?"
    )
    first, second, *_ = _paragraphs(reply)
    assert first.startswith(NO_CITED_ANSWER + ' "How does the ACA subsidy treat the split?"')
    assert second.startswith("One thing to know now: Nothing is withheld on a direct rollover")
    assert "Notice 2014-54" not in reply


def test_paraphrase_unknown_topic_with_no_safety_fact_says_only_so() -> None:
    reply = _first_reply(
        "I am leaving my job at 58 and will roll my 401k to an IRA. "
        "How is the IRMAA lookback figured on the rollover?"
    )
    assert reply.startswith(NO_CITED_ANSWER)
    assert reply.count("\n\n") == 1  # the line, then the disclaimer


def test_paraphrase_naming_a_section_or_form_no_question_knows_gets_the_honest_line() -> None:
    # a code section or form named by its number is a topic of its own (``legal_ref``)
    reply = _first_reply(
        "I have after-tax money in my 401k and want to roll it over. "
        "Does the 402(f) notice have to be signed before the rollover?"
    )
    assert reply.startswith(NO_CITED_ANSWER + ' "Does the 402(f) notice have to be signed')
    assert "Notice 2014-54" not in reply
    reading = read("I rolled my after-tax 401k money to a Roth IRA last year. Do I need Form 5329?")
    assert [sorted(u.specific) for u in reading.unrecognised] == [["legal_ref"]]
    # the plan types' own numbers are no such topic
    assert not [
        u for u in read("I have a 403(b) and a 401(k). Can I roll them?").unrecognised if u.specific
    ]


def test_a_plain_question_of_the_subject_still_gets_its_answer() -> None:
    # "Can I move it?", "can I convert it?" name no topic of their own: the route answers
    for text in (
        "I have $40,000 of after-tax money in my 401k. Can I move it?",
        "I have $20k after-tax in my 401k, can I convert it?",
    ):
        reply = _first_reply(text)
        assert NO_CITED_ANSWER not in reply
        assert "Roth IRA" in _paragraphs(reply)[0]


def test_real_question_with_a_dedicated_answer_in_its_story_keeps_it() -> None:
    # bc036 (https://www.bogleheads.org/forum/viewtopic.php?p=4118123): the questions ask
    # about the Roth IRA step; the story's tax notice is what its catalogue answer is
    # about, and that answer says the step was not needed
    reply = _first_reply(real_question("bc036", EVAL / "batch_c.jsonl"))
    assert NO_CITED_ANSWER not in reply
    assert reply.startswith("Going straight to a Roth IRA is allowed")


def test_restated_question_is_cut_and_loses_its_list_marker() -> None:
    assert restated("1) Do I owe any tax?") == "Do I owe any tax?"
    assert restated("• Is it taxable?") == "Is it taxable?"
    long = "Can I " + " ".join(["really"] * 20) + " do it?"
    assert restated(long).endswith("...")
    assert len(restated(long).split()) == 14
    # a lead-in that only announces the question is dropped (be040's words)
    assert restated("My question is how do I enter these numbers correctly into TurboTax?") == (
        "How do I enter these numbers correctly into TurboTax?"
    )


# -- lines said only where their topic is asked -------------------------------------------


def test_real_question_with_income_only_told_gets_no_income_line() -> None:
    # fq036 (https://forum.mrmoneymustache.com/ask-a-mustachian/is-anyone-contributing-to-
    # an-after-tax-401k/msg808366/) tells of income but asks no income question
    assert INCOME_LINE not in _first_reply(real_question("fq036", REAL))


def test_real_question_whose_premise_is_income_keeps_the_income_line() -> None:
    # fq088 (https://www.yourwealth.com/rolling-over-money-to-a-roth-ira/): "Can it be taken
    # out and rolled into a Roth IRA? We are not income eligible for a Roth IRA."
    assert INCOME_LINE in _first_reply(real_question("fq088", REAL))


def test_paraphrase_income_told_apart_from_the_question_gets_no_income_line() -> None:
    reply = _first_reply(
        "My income is $300k. I have $20k after-tax in my 401k at Fidelity. "
        "Can I roll it to a Roth IRA?"
    )
    assert INCOME_LINE not in reply
    assert "Roth IRA" in _paragraphs(reply)[0]


def test_paraphrase_income_asked_keeps_the_income_line() -> None:
    reply = _first_reply(
        "Our income is too high for a Roth IRA. Can we still roll my after-tax 401k money "
        "into a Roth IRA?"
    )
    assert INCOME_LINE in reply


def test_real_question_not_asking_what_the_plan_decides_gets_no_such_line() -> None:
    # bb014 (https://irahelp.com/?p=511184376: one check of pretax and after-tax money):
    # the plan's general powers are not asked
    reply = _first_reply(real_question("bb014", BATCH_B))
    assert PLAN_DECIDES not in reply


def test_paraphrase_asking_what_the_plan_decides_keeps_the_line() -> None:
    reply = _first_reply(
        "Does my plan get to decide whether I can take in-service withdrawals of after-tax "
        "money, or is that an IRS rule?"
    )
    assert PLAN_DECIDES in reply


# -- recognised in its own words ----------------------------------------------------------


def test_real_split_questions_without_roth_in_them_are_the_route() -> None:
    # fq054 (https://irahelp.com/?p=12009): "What is the correct way to transfer this
    # money? Two separate IRAs?"; bb041 (https://irahelp.com/forum-post/13411-roth-
    # conversion-after-tax-pre-tax-401k): "Can we split the rollover ...?"
    assert "move_to_roth" in read(real_question("fq054", ANSWERS_MORE)).asked
    assert "move_to_roth" in read(real_question("bb041", BATCH_B)).asked
    assert NO_CITED_ANSWER not in _first_reply(real_question("bb041", BATCH_B))
