"""What a reply says about a year in the message, by the part the year plays.

- The tax year asked about, outside the years the rules cover ("into a Roth IRA in 2010?"):
  answered under the latest rules, said in one line (tests/conversation/test_robustness.py).
- A notice's or a story's year that could pass for the tax year: "(Figures use 2026's rules,
  not 2014's.)", in one line; one that cannot ("the Notice came out in 2014") gets no line at all.
- The year of the poster's OWN past transaction ("I converted in 2017", "In 2018, I rolled
  over ..."): settled under that year's rules. The reply never calls it "not the tax year"
  and says what was fixed then (the December 31 balances of that year, the 5-year clock it
  started) and how an error is fixed now (Form 1040-X).
"""

from __future__ import annotations

from conversation_stories import EVAL, SHARED, real_question

NOT_THE_TAX_YEAR = "rules, not"


def test_a_past_conversion_year_is_settled_not_denied(assistant):
    # paraphrase of a held-out question the expert graded
    reply = assistant.handle(
        "k", "I did a backdoor conversion in 2017 but had a SEP IRA balance - can I fix the tax?"
    ).text
    assert NOT_THE_TAX_YEAR not in reply
    assert "Your 2017 conversion is settled" in reply
    assert "December 31, 2017" in reply  # the balances that fixed its taxable share
    assert "no longer be recharacterized" in reply
    assert "Form 1040-X" in reply
    # moving IRA money now is advice for a conversion still to come, never a fix of 2017
    assert "by year-end, clears the way" not in reply
    assert "for a conversion still to come" in reply


def test_a_past_conversion_year_starts_its_five_year_clock(assistant):
    reply = assistant.handle(
        "k", "I converted in 2010 at 55; does the 10% apply if I withdraw within 5 years?"
    ).text
    assert NOT_THE_TAX_YEAR not in reply
    # the conversion's own clock for the 10%, from the year-stamped period (IRC 408A(d)(3)(F))
    assert "runs from January 1, 2010 to January 1, 2015" in reply


def test_a_real_in_plan_conversion_year_is_settled(assistant):
    text = real_question("fq087", EVAL / "answers_more.jsonl")  # "In December 2018 I made ..."
    reply = assistant.handle("k", text).text
    assert NOT_THE_TAX_YEAR not in reply
    assert "Your 2018 conversion is settled" in reply


def test_a_real_conversion_before_a_withdrawal_today_is_settled(assistant):
    # "I made a Roth conversion of $15,000 in December 2021. Can I do a distribution of
    # $15,000 today February 4, 2026 ...?"
    reply = assistant.handle("k", real_question("ba054", EVAL / "batch_a.jsonl")).text
    assert NOT_THE_TAX_YEAR not in reply
    assert "runs from January 1, 2021 to January 1, 2026" in reply  # met by February 2026


def test_a_real_past_rollover_year_is_settled(assistant):
    # "I have a client who in 2017 rolled over their 401k into a ..."
    reply = assistant.handle("k", real_question("bb033", EVAL / "batch_b.jsonl")).text
    assert NOT_THE_TAX_YEAR not in reply
    assert "Your 2017 rollover is settled" in reply


def test_a_past_return_is_corrected_on_an_amended_return(assistant):
    # "... to accurately report this on a 2017 tax return?"
    reply = assistant.handle("k", real_question("fq050", SHARED / "eval" / "answers.jsonl")).text
    assert NOT_THE_TAX_YEAR not in reply
    assert "Your 2017 return follows 2017's rules" in reply


def test_past_contributions_count_toward_their_own_years_limits(assistant):
    text = real_question("fq076", EVAL / "answers_more.jsonl")  # "contributed ... in 2015"
    reply = assistant.handle("k", text).text
    assert NOT_THE_TAX_YEAR not in reply
    assert "2015 contributions counted toward 2015's limits" in reply


def test_a_notice_year_gets_no_year_line(assistant):
    reply = assistant.handle(
        "k",
        "I have $30k after-tax in my 401k. The IRS Notice came out in 2014. Can I roll it to a "
        "Roth IRA?",
    ).text
    assert "not 2014's" not in reply and "settled" not in reply


def test_a_narrative_year_that_passes_for_the_tax_year_is_still_said_not_to_be(assistant):
    reply = assistant.handle(
        "k",
        "I read about the IRS ruling in 2014. I am 51 and have 30k of after-tax contributions "
        "in my 401k. Can I roll the after-tax part to a Roth IRA?",
    ).text
    assert "(Figures use 2026's rules, not 2014's.)" in reply
    assert "settled" not in reply


# -- the poster's own event year is kept when more words stand between the verb and it ------


def test_a_real_rollover_into_a_named_roth_ira_keeps_its_year(assistant):
    # "She rolled the Roth 401(k) money into a new Roth IRA in 2009." (bd009, verbatim):
    # the year of the event asked about, never "not 2009's"
    reply = assistant.handle("k", real_question("bd009", EVAL / "batch_d.jsonl")).text
    assert NOT_THE_TAX_YEAR not in reply
    assert "Your 2009 rollover is settled" in reply


def test_a_real_rollover_after_a_clause_keeps_its_year(assistant):
    # "In January 2023, while still employed, I performed an in-service rollover ..." (bc019)
    reply = assistant.handle("k", real_question("bc019", EVAL / "batch_c.jsonl")).text
    assert NOT_THE_TAX_YEAR not in reply
    assert "Your 2023 rollover is settled" in reply


def test_said_in_other_words_the_own_event_year_is_kept(assistant):
    reply = assistant.handle(
        "k",
        "He rolled his after-tax 401(k) balance over into a new Roth IRA in 2012. "
        "How should that show on the 1099-R?",
    ).text
    assert NOT_THE_TAX_YEAR not in reply
    assert "Your 2012 rollover is settled" in reply
    reply = assistant.handle(
        "j",
        "In March 2021, after I left my job, I completed a direct rollover of my 401k. "
        "Was any of it taxable?",
    ).text
    assert NOT_THE_TAX_YEAR not in reply
    assert "Your 2021 rollover is settled" in reply


def test_a_year_planned_for_is_not_an_own_event(assistant):
    # a year the question plans for stays the tax year asked about
    reply = assistant.handle(
        "k", "Should I roll the after-tax money in my 401k into a new Roth IRA in 2010?"
    ).text
    assert "settled" not in reply
