"""Three kinds of question the issue-10 census found asked by several released posts and
answered by no catalogue entry (benchmarks/README.md, "Questions the catalogue did not
answer"):

- conversion_worth_it: whether a Roth conversion pays at all. It turns on this year's rate
  against the rate the money would be taxed at when taken out (IRC 408A(d)(3), 408A(d)(2));
  a conversion cannot be undone (IRC 408A(d)(6)(B)(iii)). The text rarely gives the later
  rate, so the answer says what it turns on and never picks a side.
- direct_or_via_ira: straight from the plan to the Roth IRA, or to a traditional IRA first
  and converted there. A plan may roll straight to a Roth IRA (IRC 408A(e); Notice 2008-30);
  after-tax money parked in a traditional IRA is then converted pro-rata over all the
  person's IRAs at year-end (IRC 408(d)(2)).
- max_first: must deferrals (or the after-tax contributions themselves) be maxed out first?
  No tax rule orders them; all of it fits under the year's 415(c) total (a year-stamped
  parameter) and the plan document may set its own order.

Each is answered only where a sentence asks it; a passing mention does not.
"""

from __future__ import annotations

import pytest
from answer_findings import TODAY, first_reply
from conversation_stories import EVAL, SHARED, real_question

from knowledge.params import param
from nlu.reader import read

DEV = SHARED / "eval" / "dev.jsonl"
MORE = EVAL / "answers_more.jsonl"
BATCH_A = EVAL / "batch_a.jsonl"
BATCH_B = EVAL / "batch_b.jsonl"
BATCH_D = EVAL / "batch_d.jsonl"

LIMIT = int(param("gov.irs.retirement.annual_additions_limit", TODAY.year))

WORTH_LEAD = "It turns on your tax rates: the pretax money you convert is taxable income this year"


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # https://www.fool.com/retirement/2019/02/22/ask-a-fool-is-converting-my-401k-to-a-roth-401k-a.aspx
        ("bb015", BATCH_B),
        # https://irahelp.com/?p=13613 ("who really benefits ... would he benefit from that?")
        ("bd038", BATCH_D),
        # answers_more fq099: "should I convert (by doing the following) or not?"
        ("fq099", MORE),
    ],
)
def test_real_posts_asking_whether_a_conversion_pays(qid: str, source) -> None:
    text = real_question(qid, source)
    assert "conversion_worth_it" in read(text).asked
    reply = first_reply(text)
    assert reply.startswith(WORTH_LEAD)
    assert "cannot be undone (IRC 408A(d)(6)(B)(iii); Notice 2010-84)" in reply


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # https://www.early-retirement.org/forums/f28/roth-conversion-or-not-on-aca-115122.html
        # ("Is it worthwhile to do so", on ACA credits)
        ("bd047", BATCH_D),
        # https://www.early-retirement.org/forums/f28/rule-of-55-vs-roth-conversions-114749.html
        ("ba004", BATCH_A),
        # batch_c bc033: "Should we bother doing any sort of Roth conversion now"
        ("bc033", EVAL / "batch_c.jsonl"),
    ],
)
def test_asked_with_the_planning_question_the_planning_answer_holds_it(qid, source) -> None:
    # the bracket line of conversion_planning says what it turns on, and its ACA, Medicare
    # and RMD lines are what decide it for these posters: not pushed out by a second answer
    text = real_question(qid, source)
    reading = read(text)
    assert "conversion_worth_it" in reading.asked and "conversion_planning" in reading.asks
    reply = first_reply(text)
    assert "how much to convert weighs this year's bracket against your later ones" in reply
    assert WORTH_LEAD not in reply


@pytest.mark.parametrize(
    "text",
    [
        "Would a Roth conversion be worth it for me at 62 in the 12% bracket?",
        "Is it worth converting my traditional IRA to a Roth IRA?",
        "I have $300k in a pretax 401(k). Does it make sense to convert some of it to a Roth?",
    ],
)
def test_paraphrases_asking_whether_a_conversion_pays(text: str) -> None:
    assert "conversion_worth_it" in read(text).asks
    first = first_reply(text).split("\n\n")[0]
    assert first.startswith(WORTH_LEAD)
    # it says what it turns on, never a verdict either way
    assert not first.startswith(("Yes", "No"))


@pytest.mark.parametrize(
    "text",
    [
        # told, not asked: the question is about reporting
        "Converting made sense for me last year. How do I report it on Form 8606?",
        # another choice: a plan's Roth 401(k) kept or rolled, a plan into a plan
        "Does it make sense to keep my Roth 401(k) or roll it to a Roth IRA?",
        "Is it worth it to roll my old 401(k) into my new employer plan?",
        # a "benefits person" is not a benefit (batch_b bb073)
        real_question("bb073", BATCH_B),
        # "at what point the paperwork becomes worth the ..." (batch_a ba025)
        real_question("ba025", BATCH_A),
    ],
)
def test_a_passing_mention_is_not_whether_a_conversion_pays(text: str) -> None:
    assert "conversion_worth_it" not in read(text).asks


DIRECT_LEAD = (
    "Straight from the plan: the after-tax contributions in a distribution can go by direct "
    "rollover to the Roth IRA tax-free"
)


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # https://www.bogleheads.org (answers_more fq081: "... into an IRA rollover and then we
        # convert to a Roth in 2010? Or can we deposit directly into a Roth IRA?")
        ("fq081", MORE),
        # https://irahelp.com (batch_b bb008: "directly rolling the post- to a Roth and the
        # pre- to an TIRA")
        ("bb008", BATCH_B),
    ],
)
def test_real_posts_asking_straight_or_through_an_ira(qid: str, source) -> None:
    text = real_question(qid, source)
    assert "direct_or_via_ira" in read(text).asked
    reply = first_reply(text)
    assert DIRECT_LEAD in reply
    assert "pro-rata over all your traditional, SEP and SIMPLE IRAs" in reply


def test_a_partial_distributions_condition_is_kept() -> None:
    # fq081 does not say the client has left: the split paragraph's separate-accounting
    # condition stays beside the answer
    reply = first_reply(real_question("fq081", MORE))
    assert reply.startswith(DIRECT_LEAD)
    assert "If not, any partial distribution is pro-rata over the whole account" in reply


def test_a_paraphrase_asking_straight_or_through_an_ira() -> None:
    text = (
        "I'm leaving my job with $40k of after-tax contributions in my 401(k). Should I roll "
        "them to a traditional IRA first and then convert to a Roth IRA, or go straight to "
        "the Roth IRA?"
    )
    assert "direct_or_via_ira" in read(text).asks
    assert first_reply(text).startswith(DIRECT_LEAD)


def test_pretax_money_alone_keeps_the_slices_answer() -> None:
    # answers_more fq097 (pretax 401(k) at 67): a traditional IRA first lets the money be
    # converted in slices, each year in a lower bracket; "straight from the plan" is for the
    # after-tax contributions only
    text = real_question("fq097", MORE)
    assert "direct_or_via_ira" not in read(text).asks
    reply = first_reply(text)
    assert "lets you convert in slices" in reply
    assert DIRECT_LEAD not in reply


@pytest.mark.parametrize(
    "text",
    [
        # a backdoor Roth: a contribution, then a conversion, not a plan's money
        "I contribute to a traditional IRA and then convert to a Roth IRA every year. I also "
        "have a 401(k). How is that reported?",
        # "directly" alone is the plain move, not a choice of routes (batch_c bc005)
        "Can just the after-tax portion of a 401k be rolled directly to a Roth IRA?",
    ],
)
def test_a_plain_move_or_a_backdoor_is_not_straight_or_through(text: str) -> None:
    assert "direct_or_via_ira" not in read(text).asks


MAX_LEAD = "No: no tax rule makes you max out your pretax or Roth deferrals"


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # "must first contribute the max. pre-tax amount ($17.5k in 2014) into their 401(k)?"
        ("fq025", MORE),
        # "Do I have to actually max out the after-tax contributions ... before I can convert"
        ("fq071", MORE),
    ],
)
def test_real_posts_asking_whether_to_max_first(qid: str, source) -> None:
    text = real_question(qid, source)
    assert "max_first" in read(text).asked
    reply = first_reply(text)
    assert MAX_LEAD in reply or MAX_LEAD.removeprefix("No: ").capitalize() in reply
    assert f"${LIMIT:,}" in reply


def test_max_first_is_not_said_twice_beside_the_set_up_answer() -> None:
    # batch_c bc010 (https://irahelp.com): "Must he max out all pre-tax contributions
    # (deferral and profit sharing) before making any after-tax contributions?" beside how a
    # solo 401(k) takes after-tax money: the set-up answer already says the law does not
    # order them
    text = real_question("bc010", EVAL / "batch_c.jsonl")
    reply = first_reply(text)
    assert "the tax law does not make you max deferrals or profit sharing first" in reply
    assert MAX_LEAD not in reply


def test_a_paraphrase_asking_whether_to_max_first() -> None:
    text = "Do I need to max out my after-tax contributions before I can convert them to Roth?"
    assert read(text).asks[0] == "max_first"
    assert first_reply(text).startswith(MAX_LEAD)


@pytest.mark.parametrize(
    "text",
    [
        # /work/shared/eval/answers.jsonl fq072: "Must he wait till after he max out annually
        # before request after tax contribution ...?"
        real_question("fq072", SHARED / "eval" / "answers.jsonl"),
        real_question("bc010", EVAL / "batch_c.jsonl"),
    ],
)
def test_asked_beside_after_tax_money_it_is_the_set_up_question(text: str) -> None:
    # a sentence naming after-tax money and no move is after_tax_setup's (its answer says
    # the law does not order them), not a second answer saying it again
    reading = read(text)
    assert "after_tax_setup" in reading.asks
    assert "max_first" not in reading.asks


def test_maxing_deferrals_first_is_answered_once() -> None:
    text = "Do I have to max out my pre-tax 401(k) before I can make after-tax contributions?"
    assert "after_tax_setup" in read(text).asks
    reply = first_reply(text)
    said = ("the tax law does not make you max deferrals", "no tax rule makes you max out")
    assert sum(reply.count(s) for s in said) == 1


@pytest.mark.parametrize(
    "text",
    [
        # the order against a taxable account is not a tax rule (batch_a ba028)
        real_question("ba028", BATCH_A),
        "Should I max out my after-tax 401(k) before putting money in a taxable brokerage account?",
    ],
)
def test_maxing_against_a_taxable_account_is_not_max_first(text: str) -> None:
    assert "max_first" not in read(text).asks


NEW_ROTH_LEAD = (
    "A new or separate Roth IRA changes nothing in the tax and does not restart the clock"
)
BATCH_E = EVAL / "batch_e.jsonl"


@pytest.mark.parametrize(
    ("qid", "source", "said_by_the_clock_answer"),
    [
        # batch_e be011: "is there any advantage in rolling the Roth 401K funds to a brand new
        # Roth IRA instead of using an existing Roth IRA as above ?"
        ("be011", BATCH_E, None),
        # batch_d bd022: "... meet the 5-year requirement, or does she need to open a separate
        # Roth IRA and start the time period all over again?": the clock is asked by name, and
        # the clock answer says it
        (
            "bd022",
            BATCH_D,
            "One clock covers all your Roth IRAs; a new Roth IRA does not restart it",
        ),
        # answers_more fq029: "two separate Roth IRA's ... their own 5 year clock?"
        ("fq029", MORE, "started that clock for all your Roth IRAs, a new one included"),
    ],
)
def test_real_posts_asking_about_a_new_or_separate_roth_ira(
    qid: str, source, said_by_the_clock_answer: str | None
) -> None:
    text = real_question(qid, source)
    reply = first_reply(text)
    if said_by_the_clock_answer is None:
        assert "new_roth_ira" in read(text).asked
        assert NEW_ROTH_LEAD in reply
    else:
        # said once, by the clock answer
        assert said_by_the_clock_answer in reply
        assert NEW_ROTH_LEAD not in reply


@pytest.mark.parametrize(
    "text",
    [
        "Is there any advantage to opening a separate Roth IRA for my conversions instead of "
        "using my existing Roth IRA?",
        "Does it matter if I put the rollover in a new Roth IRA rather than my old one?",
    ],
)
def test_paraphrases_asking_about_a_new_roth_ira(text: str) -> None:
    assert read(text).asks[0] == "new_roth_ira"
    assert first_reply(text).startswith(NEW_ROTH_LEAD)


@pytest.mark.parametrize(
    "text",
    [
        # "take advantage of this ruling": a use of the new account, not a comparison
        # (dev fq000)
        real_question("fq000", DEV),
        # a new Roth IRA named in passing, the question about something else
        "I opened a new Roth IRA at Fidelity last year. How is the rollover reported?",
        # the clock asked by name is the clock question's, whose answer holds this one
        "Does opening a second Roth IRA start a new 5-year clock?",
    ],
)
def test_a_new_roth_ira_named_in_passing_is_not_this_question(text: str) -> None:
    assert "new_roth_ira" not in read(text).asks
