"""Which answer comes first, and what a reply may say yes or no to (issue 10; the expert
grading of 2026-12-06: composition faults 1, 2, 3 and 5).

- The question asked in a sentence is its most specific one: a route paragraph (the
  split, the all-to-Roth tax, now or later) recognised beside it came from a topic word
  and is said after it; a question only stated is context, said after those asked.
- Every question asked gets its sentence, in the order asked; the first in full, the rest
  by their first sentence and the conditions and remedies they keep.
- A verdict ("Yes: ...", "No: ...") opens only the answer to a question, only when the
  facts decide it, and never the opposite of a verdict said before it.
- A condition the facts settle is said as settled, and a sentence whose condition the
  facts contradict is not said; two findings that state opposite things (typed claims)
  are never both said.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from conversation_stories import EVAL, SHARED, real_question

from bot.answers import answer_order, compose
from bot.conversation import respond
from bot.session import Session
from knowledge.engine import calculate
from knowledge.facts import Facts

TODAY = date(2026, 12, 6)
ANSWERS = SHARED / "eval" / "answers.jsonl"


def _composed(asks: list[str], facts: dict[str, Any] | None = None, **kw: Any):
    facts = Facts.from_mapping(facts or {}).to_dict()
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    return compose(asks, facts, result, **kw)


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p]


# -- the order answers are said in ------------------------------------------------------


@pytest.mark.parametrize(
    ("asks", "stated", "sentences", "order", "minor"),
    [
        # "Can I take the rolled-in basis out before 59½?": the split paragraph the words
        # "after-tax" and "Roth IRA" also fired comes after the answer
        (
            ["move_to_roth", "basis_access_before_59"],
            (),
            {"move_to_roth": 0, "basis_access_before_59": 0},
            ["basis_access_before_59", "move_to_roth"],
            set(),
        ),
        # a route asked in a sentence of its own keeps its place
        (
            ["move_to_roth", "basis_access_before_59"],
            (),
            {"move_to_roth": 0, "basis_access_before_59": 1},
            ["move_to_roth", "basis_access_before_59"],
            set(),
        ),
        # "I have not been able to contribute to a Roth due to limits on income": context,
        # after the questions asked; a route only stated is minor (said if there is room)
        (
            ["income_limit", "move_to_roth", "rule_of_55_deadline"],
            ("income_limit", "move_to_roth"),
            {"income_limit": 0, "move_to_roth": 1, "rule_of_55_deadline": 2},
            ["rule_of_55_deadline", "income_limit", "move_to_roth"],
            {"move_to_roth"},
        ),
        # nothing asked in so many words: the stated questions are the questions
        (
            ["authority", "move_to_roth"],
            ("authority", "move_to_roth"),
            {"authority": 3, "move_to_roth": 3},
            ["authority", "move_to_roth"],
            set(),
        ),
    ],
)
def test_the_question_asked_comes_before_a_topic_words_paragraph(
    asks, stated, sentences, order, minor
):
    assert answer_order(asks, stated, sentences) == (order, minor)


def test_every_question_asked_gets_its_sentence_in_the_order_asked():
    # rule of 55, then the Roth IRA at any firm, then the IRA limit: three asks, three
    # answers, in that order, the first in full (its remedy line too)
    asks = ["rule_of_55_deadline", "roth_ira_any_firm", "rollover_not_ira_limit"]
    composed = _composed(asks)
    paragraphs = _paragraphs(composed.text)
    assert composed.answered == tuple(asks)
    assert paragraphs[0].startswith("There is no deadline")
    assert any(p.startswith("The money must stay in that plan") for p in paragraphs)
    assert paragraphs[-2].startswith("The Roth IRA can be at any firm")
    assert paragraphs[-1].startswith("A rollover is not a contribution")


def test_a_remedy_line_is_kept_when_its_question_is_not_the_first():
    composed = _composed(["roth_ira_any_firm", "rule_of_55_deadline"])
    assert "The money must stay in that plan" in composed.text


# -- yes and no -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ask", "opening"),
    [
        # isolating the basis works only for a plan that takes roll-ins and no other IRA
        # money at year-end: no "Yes:" however the question is put
        ("isolate_basis", "Only pretax money can be rolled from an IRA"),
        # "Yes" to "do all my IRAs count?" is "No" to "can I convert just the basis?":
        # the statement answers both, the bare word only one of them
        ("ira_pro_rata", "For a conversion from an IRA, all your traditional"),
    ],
)
def test_a_verdict_the_facts_cannot_decide_is_never_said_bare(ask, opening):
    text = _composed([ask]).text
    assert not text.startswith("Yes")
    assert text.startswith(opening)


def test_a_verdict_is_not_followed_by_its_opposite():
    # "Yes, that works" (a planned 60-day split), then the pro-rata answer: its "Not
    # unless" would read as a contradiction, so it is said as a plain condition
    text = _composed(["sixty_day_split", "prorata_partial"]).text
    paragraphs = _paragraphs(text)
    assert paragraphs[0].startswith("Yes, that works")
    assert not any(p.startswith(("Not unless", "No")) for p in paragraphs[1:])
    assert any(p.startswith("Unless the plan accounts for the after-tax money") for p in paragraphs)


def test_the_same_verdict_twice_is_fine():
    # the seed thread's "is it correct to say 1) ... 2) ...": two yeses
    text = _composed(["qualified_after_in_plan", "roth_ira_five_year"]).text
    assert text.startswith("Yes: once the plan's 5-year period")


# (the after-tax source's in-plan answer: with no kind of money named it says how the
# kind decides the tax, knowledge.answers.kind_unknown)
AFTER_TAX = {"has_after_tax_money": True}


def test_a_conditional_answer_opens_with_its_condition():
    text = _composed(["in_plan_conversion"], AFTER_TAX).text
    assert text.startswith("Only if your plan offers in-plan Roth conversions")


# -- conditions the facts settle ----------------------------------------------------------


def test_a_condition_the_facts_settle_is_said_as_settled():
    facts = {**AFTER_TAX, "plan_allows_in_plan_conversion": True}
    text = _composed(["in_plan_conversion"], facts).text
    assert text.startswith("Your plan offers in-plan Roth conversions of the after-tax source")
    assert "Only if" not in text and "Yes, if" not in text


def test_a_sentence_whose_condition_the_facts_contradict_is_not_said():
    text = _composed(
        ["in_plan_conversion", "roth_ira_any_firm"],
        {**AFTER_TAX, "plan_allows_in_plan_conversion": False},
    ).text
    assert "convert tax-free and only their earnings are taxed" not in text


def test_a_met_separate_accounting_needs_no_warning():
    facts = {
        "after_tax_contributions": 30000,
        "after_tax_earnings": 10000,
        "after_tax_separately_accounted": True,
    }
    text = _composed(["move_to_roth"], facts).text
    assert "$30,000 to a Roth IRA" in text
    assert "accounts for the after-tax money separately" not in text


def test_findings_that_state_opposite_things_are_not_both_said():
    # the plan's 1099-R and "no Form 8606" for the rollover, then money already in an
    # IRA, "IRA basis (Form 8606)": the second is not said beside the first
    text = _composed(["tax_forms", "after_tax_in_ira"], {}).text
    assert "does not go on Form 8606" in text
    assert "IRA basis (Form 8606)" not in text


def test_a_check_made_out_to_the_custodian_gets_no_60_day_warning():
    text = _composed(["check_to_custodian", "check_to_roth"]).text
    assert "is a direct rollover" in text
    assert "within 60 days" not in text


# -- verbatim real questions ----------------------------------------------------------------


def _first(qid: str) -> tuple[Session, str]:
    if not ANSWERS.exists():
        pytest.skip(f"{ANSWERS} is not available")
    session = Session(key=qid)
    return session, respond(session, real_question(qid, ANSWERS), today=TODAY, now=0).text


def test_fq021_the_plan_allows_automatic_in_plan_conversions_so_no_if():
    # "401k plan allows automatic daily in-plan Roth conversions": settled
    _session, text = _first("fq021")
    assert "Yes, if your plan offers" not in text
    assert "Your plan offers in-plan Roth conversions" in text


def test_fq107_is_this_allowed_opens_with_its_condition_not_yes():
    _session, text = _first("fq107")
    assert not text.startswith("Yes")
    assert text.startswith("Not unless the plan accounts for the after-tax money separately")


def test_fq000_every_question_is_answered_in_the_order_asked():
    # "Can I now setup a Roth IRA with TROWE ... move the entire 40000 ...? ... OR do I
    # need to wait until I leave my company": the firm, the tax and the route, then
    # waiting; "limits on income" was only stated: context, never "I can also answer"
    _session, text = _first("fq000")
    paragraphs = _paragraphs(text)
    at = {
        key: next(i for i, p in enumerate(paragraphs) if p.startswith(start))
        for key, start in {
            "firm": "The Roth IRA can be at any firm",
            "route": "If your plan accounts for the after-tax money separately, ask it",
            "wait": "No need to wait",
        }.items()
    }
    assert at["firm"] < at["route"] < at["wait"]
    assert "I can also answer" not in text


def test_no_reply_to_a_released_question_holds_opposite_verdicts():
    if not ANSWERS.exists():
        pytest.skip(f"{ANSWERS} is not available")
    for line in ANSWERS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = respond(Session(key=row["id"]), row["text"], today=TODAY, now=0).text
        openings = {p.split(":")[0].split(",")[0] for p in _paragraphs(text)}
        assert not ({"Yes"} & openings and {"No", "Not unless"} & openings), (row["id"], text)


def test_the_reader_says_which_questions_were_only_stated_and_where():
    from nlu.reader import read

    reading = read(
        "I can't contribute to a Roth IRA because my income is too high. "
        "How long after I leave my job can I use the rule of 55?"
    )
    assert "rule_of_55_deadline" in reading.asks
    assert "rule_of_55_deadline" not in reading.stated
    assert "income_limit" in reading.stated
    where = dict(zip(reading.asks, reading.ask_sentences, strict=True))
    assert where["income_limit"] == 0 and where["rule_of_55_deadline"] == 1


def test_a_first_roth_ira_the_text_settles_is_said_as_settled():
    # "I don't currently have a Roth IRA": the clock's "if this rollover opens your first
    # Roth IRA" is settled; with a Roth IRA already, those dates are not this person's
    none = _composed(["roth_ira_five_year"], {"has_roth_ira": False}).text
    assert "This rollover opens your first Roth IRA, so that clock runs from" in none
    assert "If this rollover opens" not in none
    some = _composed(["roth_ira_five_year"], {"has_roth_ira": True}).text
    assert "opens your first Roth IRA" not in some
    # unsettled, the dated clock is another person's case: it waits behind /why
    open_ = _composed(["roth_ira_five_year"]).text
    assert "opens your first Roth IRA" not in open_ and "Rolled-in contributions" in open_


def test_fq045_a_rollover_that_counts_for_pro_rata_is_no_bare_yes():
    # "Should I roll my old 401(k) to an IRA ... given the backdoor Roth pro-rata rule?":
    # "Yes, it counts" answers a question nobody asked; the statement answers this one
    text = respond(
        Session(key="fq045"), real_question("fq045", EVAL / "answers_more.jsonl"), today=TODAY
    ).text
    assert not text.startswith("Yes")
    assert text.startswith('It counts: pro-rata counts all your traditional (a "rollover IRA"')


def test_the_seed_threads_second_poster_gets_both_yeses():
    # "Is it correct to say: 1) ... tax free? 2) ... basis and gains tax free?": two
    # questions, each decided by the rules, each answered with its Yes
    _session, text = _first("seed_second_poster")
    paragraphs = _paragraphs(text)
    assert paragraphs[0].startswith("Yes: once the plan's 5-year period")
    assert paragraphs[1].startswith("Yes after a rollover too")


def test_every_sentence_that_opens_with_a_verdict_has_it_guarded():
    # a "Yes:" / "No," with no ``opens`` entry is said wherever the sentence lands, after an
    # opposite verdict too (split_roth.yes after "No, not the after-tax money alone" in
    # fq004, 2026-12-07): every verdict is declared, so compose can drop it where it may not
    # lead (the expert's class "a guard on every opening Yes/No", three batches running)
    from bot.answers import _catalogue_file

    conditions = _catalogue_file()["conditions"]
    verdict = re.compile(r"(?:Yes|No)\b[,:]")
    unguarded = [
        finding
        for finding, sentence in _catalogue_file()["findings"].items()
        if verdict.match(" ".join(sentence.split()))
        and "opens" not in (conditions.get(finding) or {})
    ]
    assert unguarded == []
