"""Whether the earnings on after-tax (non-Roth) contributions are taxed: they are pretax
money, taxable income in the year they go to a Roth IRA (IRC 408A(d)(3)(A): taxed like a
conversion, without the 10%), or untaxed for now in a traditional IRA (IRS Notice 2014-54).

Asked by several posters in their own words: "So, question is do I have to pay tax on the
earnings?" (bb067), "How much taxes will I be paying on the $1k earnings?" (ba023), "And are
the earnings on that portion treated differently?" (fq088), "What about profits on
after-tax contributions?" (be004), "Would taking out the after tax contributions trigger tax
on the growth even if it is rolled over?" (fq005). Before, none named a catalogue question
for the earnings, and the split template or the Form 1099-R paragraph came first.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, said_by
from conversation_stories import EVAL, SHARED, real_question

from knowledge.answers import catalogue
from nlu.reader import read

LEAD = "The earnings on after-tax contributions are pretax money: taxable income in the year"


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # https://irahelp.com/?p=12483
        ("bb067", EVAL / "batch_b.jsonl"),
        # https://transwikia.com/personal-finance-money/tax-treatment-of-earnings-when-making-a-in-service-rollover-from-after-tax-401k-to-roth-ira/
        ("ba023", EVAL / "batch_a.jsonl"),
    ],
)
def test_the_tax_on_the_earnings_asked_first_is_answered_first(qid, source) -> None:
    text = real_question(qid, source)
    assert read(text).asks[0] == "earnings_taxable"
    reply = first_reply(text)
    assert reply.startswith(LEAD)
    assert "or untaxed for now if rolled to a traditional IRA" in reply.split("\n\n")[0]


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # https://www.yourwealth.com/rolling-over-money-to-a-roth-ira/ ("This is not a Roth
        # 401(k), it is a traditional 401(k). ... are the earnings on that portion treated
        # differently?")
        ("fq088", SHARED / "eval" / "real.jsonl"),
        # https://irahelp.com/forum-post/17221-withdrawal-after-tax-401k-contributions
        ("be004", EVAL / "batch_e.jsonl"),
    ],
)
def test_the_earnings_asked_after_another_question_are_answered_too(qid, source) -> None:
    # answered once: where the answer that leads (after-tax money taken out) says already
    # that the earnings are pretax money, taxable, the earnings' own sentence is not said
    # again (the expert's grading of 2026-12-08: "the earnings point is printed twice")
    text = real_question(qid, source)
    assert "earnings_taxable" in read(text).asked
    reply = first_reply(text).lower()
    assert reply.count("earnings on after-tax contributions are pretax money") == 1


@pytest.mark.parametrize(
    "text",
    [
        "Do I owe tax on the growth in my after-tax 401k when I roll it to a Roth IRA?",
        "I have after-tax money in my 401(k). What about the earnings, are they taxed?",
    ],
)
def test_paraphrases(text: str) -> None:
    assert read(text).asks[0] == "earnings_taxable"


@pytest.mark.parametrize(
    "text",
    [
        # Roth 401(k) earnings are not pretax money (ba060, verbatim sentence, with its
        # opening)
        "I have a Roth 401k from a prior employer. Only my after tax contributions and "
        "earnings on those contributions are in it. I know my contributions can be rolled "
        "into the Roth IRA with no problem, but what about the earnings in the Roth 401k?",
        # taxed twice is its own question
        "Are the earnings on my after-tax contributions taxed again when I take them out of "
        "the Roth?",
        # an IRA conversion's pro-rata is another answer's
        "I have after-tax basis in my traditional IRA from nondeductible contributions. Do I "
        "pay tax on the earnings when I convert the IRA?",
    ],
)
def test_near_misses(text: str) -> None:
    assert "earnings_taxable" not in read(text).asks


def test_the_answer_cites_the_rollover_rule_and_quotes_the_years_rate() -> None:
    (sentence, section) = said_by("earnings_taxable")["earnings_tax.pretax"]
    assert "with no 10% penalty on a direct rollover or conversion" in sentence
    assert section == "IRC 408A(d)(3)(A)"
    assert "notice_2014_54" in catalogue()["earnings_taxable"].rules


def test_tax_on_the_earnings_only_is_the_pro_rata_question() -> None:
    # fq010 (answers.jsonl), verbatim sentence: whether the after-tax account alone can go
    # with tax on its growth only is the plan's pro-rata question, answered first there
    text = (
        "Can my client just rollover the $22k “After Tax Account” directly to Roth IRA (before "
        "2012 year end) and pay taxes only on the growth part (18%)?"
    )
    assert "earnings_taxable" not in read(text).asks
