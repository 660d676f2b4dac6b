"""An answer leads a reply only where its own question was asked (issue 10).

A forum post tells a story, then asks. The story's words name topics the poster did not
ask about ("the check was payable to the new custodian", "I have Roth money too"); the
answer to such a topic is context, said after the answers to what was asked, never in
their place. The reader marks the sentences that ask (``nlu.questions``: a "?", a
question's opening words, a phrase that asks anywhere such as "I'm wondering whether" or
"please advise"), a heading that only announces questions ("Two questions that I
have:"), and the told sentence right before a question (its premise); the asks of the
questions lead, in the order asked, and the asks found only in the story come after.

Each case is a real question, verbatim from a released set, and a paraphrase of it.
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, SHARED, real_question

from bot.conversation import respond
from bot.session import Session
from nlu.reader import read

RUBRICS = SHARED / "eval" / "answers.jsonl"
ANSWERS_MORE = EVAL / "answers_more.jsonl"
BATCH_B = EVAL / "batch_b.jsonl"
BATCH_C = EVAL / "batch_c.jsonl"
BATCH_D = EVAL / "batch_d.jsonl"


def _paragraphs(text: str) -> list[str]:
    reply = respond(Session(key="lead"), text, today=date(2026, 12, 6), now=0).text
    return reply.split("\n\n")


def _lead(text: str) -> str:
    """The reply's first paragraph: what a person reads first on a phone."""
    return _paragraphs(text)[0]


def _first(paragraphs: list[str], *words: str) -> int:
    """The index of the first paragraph saying any of ``words`` (past the end: none)."""
    return next((n for n, p in enumerate(paragraphs) if any(w in p for w in words)), 99)


# -- a story's check is not the question ---------------------------------------------

# bd035: two checks arrived, one payable to the new custodian (story), one payable to the
# client; question 2 asks whether the client's check can go to her Roth IRA. The story's
# "When the rollover arrived ..." and "One was made payable ..." opened like questions to
# the old first-word test and put the custodian-check answer first (grade_d_s4: 2 -> 1).
CHECKS_PARAPHRASE = (
    "My client's rollover came as two checks. One was made payable to the new custodian. "
    "The other, for her after-tax contributions, was made payable to her. "
    "Can that second check still go into her Roth IRA?"
)


@pytest.mark.parametrize(
    "text", [real_question("bd035", BATCH_D), CHECKS_PARAPHRASE], ids=["bd035", "paraphrase"]
)
def test_the_check_paid_to_the_client_is_answered_before_the_story_of_the_other(
    text: str,
) -> None:
    reading = read(text)
    assert "check_to_custodian" in reading.stated  # told, not asked
    paragraphs = _paragraphs(text)
    rolled = _first(paragraphs, "within 60 days", "can be rolled over")
    assert rolled < 3  # the question asked, among the first answers, in the order asked
    assert rolled < _first(paragraphs, "payable to the new custodian")


# -- what a plan document's word means, asked last -------------------------------------

# fq012: a long story of the plan's wording (mega backdoor, in-plan conversion
# sub-accounts), then "When the language says "withdraw" does that mean the same thing as
# in-plan conversion or in-service distribution?"
WITHDRAW_PARAPHRASE = (
    "I can do a mega backdoor Roth through my 401k. The plan document says: You may "
    "withdraw all or any portion of your after-tax sub-account up to twice per year. "
    'When it says "withdraw", does that mean an in-service distribution or an in-plan '
    "conversion?"
)


@pytest.mark.parametrize(
    "text", [real_question("fq012", RUBRICS), WITHDRAW_PARAPHRASE], ids=["fq012", "paraphrase"]
)
def test_the_meaning_of_withdraw_leads_not_the_mega_backdoor_story(text: str) -> None:
    lead = _lead(text)
    assert lead.startswith('A "withdrawal" in a plan document means an in-service distribution')


# -- a question set up over several sentences -----------------------------------------

# bd013: the custodian sends one check; Q#2 asks whether a 60-day rollover of just the
# pretax part separates the money. The split template came first; the answer asked for was
# the second paragraph (grade_d_s4).
SIXTY_DAY_PARAPHRASE = (
    "The custodian will only send one check for the after-tax funds, contributions and "
    "gains together. Is there a way to separate the after-tax amount from the pre-tax "
    "amount? Can we do a distribution and a 60-day rollover to an IRA of just the "
    "pre-tax amount?"
)


@pytest.mark.parametrize(
    "text", [real_question("bd013", BATCH_D), SIXTY_DAY_PARAPHRASE], ids=["bd013", "paraphrase"]
)
def test_a_sixty_day_rollover_of_the_pretax_part_is_answered_first(text: str) -> None:
    lead = _lead(text)
    assert lead.startswith("Yes, that works: amounts rolled over count as the taxable part first")


# bc039 and its kind: a backdoor Roth this year (told), a 401(k) to roll into an IRA (told),
# "Will the pro rata rule come into play?" (asked). The question is the one their parts
# make together, not pro-rata in general.
SAME_YEAR_PARAPHRASE = (
    "I did a backdoor Roth in January. Next month I am rolling my old 401k into a "
    "traditional IRA. Will the pro rata rule come into play?"
)


@pytest.mark.parametrize(
    "text", [real_question("bc039", BATCH_C), SAME_YEAR_PARAPHRASE], ids=["bc039", "paraphrase"]
)
def test_a_question_whose_parts_were_told_first_is_asked_where_its_last_part_is(
    text: str,
) -> None:
    assert _lead(text).startswith("It counts: pro-rata counts all your traditional")


# fq046: the story of a $200 left in a traditional IRA, then "Does this screw up the
# conversion in some way for 2015? Will the Pro-rata rule be invoked here?": the IRA
# pro-rata answer, not the plan split of the story's after-tax 401(k).
PRO_RATA_PARAPHRASE = (
    "In 2015 I converted $5,500 from a traditional IRA to my Roth IRA. On December 31, "
    "2015 the traditional IRA had $200 in it. Will the pro-rata rule be invoked here?"
)


@pytest.mark.parametrize(
    "text",
    [real_question("fq046", ANSWERS_MORE), PRO_RATA_PARAPHRASE],
    ids=["fq046", "paraphrase"],
)
def test_the_ira_pro_rata_asked_leads_not_the_split_told(text: str) -> None:
    lead = _lead(text)
    assert lead.startswith("For a conversion from an IRA, all your traditional")


# -- the story's topics stay, after the answers ---------------------------------------


def test_a_topic_only_told_is_said_after_the_question_asked() -> None:
    text = (
        "I left my job at 56 and my plan has after-tax money. "
        "How are the 1099-R codes reported for a direct rollover to a Roth IRA?"
    )
    reading = read(text)
    assert reading.asks[0] == "rollover_1099r"
    assert _lead(text).startswith("A direct rollover to a traditional or Roth IRA is code G")


def test_with_no_question_sentence_the_text_keeps_its_own_order() -> None:
    # nothing asks: every ask is told, and they are answered in the order told
    text = (
        "I converted my after-tax 401(k) money inside the plan last year. "
        "Separately, I am thinking about the rule of 55 for next year."
    )
    reading = read(text)
    assert set(reading.stated) == set(reading.asks)
    assert list(reading.ask_sentences) == sorted(reading.ask_sentences)
