"""The year of the poster's own past transaction, told from the other parts a year plays.

A year in a question is the tax year asked about ("the limit for 2014"), the year of a
document or of a story ("the Notice came out in 2014"), or the year of something the
poster already did ("In 2018, I rolled over ...", "my 2023 return"). The last is settled
under that year's rules and starts clocks; ``Reading.own_years`` names it (nlu/own_years.py,
nlu/patterns/own_years.yaml). Precision first: a past-tense transaction verb or a
transaction noun bound to the year, and nothing else.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlu.reader import read

EVAL = Path(__file__).resolve().parents[1] / "eval"


def _verbatim(qid: str, source: Path) -> str:
    for line in source.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == qid:
            return str(row["text"])
    raise LookupError(qid)


def owned(text: str) -> list[tuple[int, str]]:
    return [(o.year, o.kind) for o in read(text).own_years]


# ---- the poster's own past transaction: its year is settled -------------------------------


@pytest.mark.parametrize(
    ("text", "year", "kind"),
    [
        # paraphrases of the expert's examples
        (
            "I did a backdoor conversion in 2017 but had a SEP IRA balance - can I fix the tax?",
            2017,
            "conversion",
        ),
        (
            "I converted in 2010 at 55; does the 10% apply if I withdraw within 5 years?",
            2010,
            "conversion",
        ),
        ("In 2010 I rolled my after-tax money to a Roth IRA.", 2010, "rollover"),
        ("Do I need to amend my 2023 return?", 2023, "return"),
        # verbatim sentences of released real questions
        ("In 2018, I rolled over 2017 after tax contributions in a 401K", 2018, "rollover"),
        ("In December 2018 I made an in-plan conversion of my after-tax.", 2018, "conversion"),
        ("I made a Roth conversion of $15,000 in December 2021", 2021, "conversion"),
        ("In 2004, I completed a total rollover of my 401k to an IRA.", 2004, "rollover"),
        ("I have a client who in 2017 rolled over their 401k into an IRA.", 2017, "rollover"),
        ("I have a client who contributed to his ROTH 401k in 2015.", 2015, "contribution"),
        ("I included the $5000 in my basis on my 2009 form 8606.", 2009, "return"),
        ("What forms do I use to report this on a 2017 tax return?", 2017, "return"),
        ("Back in 2021 I put $100 into a Roth IRA with Schwab.", 2021, "contribution"),
    ],
)
def test_the_year_of_the_posters_own_transaction_is_found(text: str, year: int, kind: str) -> None:
    assert (year, kind) in owned(text)


@pytest.mark.parametrize(
    "text",
    [
        # a notice's, a law's or a plan change's year (verbatim)
        "The volume I have was last updated in 2009 and the IRS Notice came out in 2014.",
        "Can they ignore the law that was passed in 2014?",
        "The plan is adding the ability to make Roth Contributions effective January 2015.",
        # a year planned for or asked about, not done (verbatim)
        "Or can we convert to a Roth in 2010?",
        "The maximum annual contribution limit to the plan for 2014 is $51,000.",
        "Max amount that can be contributed in 2012 (pre-tax + match + after-tax)",
        "I am aware that I will have to begin RMDs from the rolled over IRA in 2026.",
        "The rollover was from an account that was opened in 2014 and which I have not "
        "contributed to since 2015.",
        # an income is not a transaction of the accounts
        "Dan, I'm 56, made $145,000 in 2019 and maxed out my 401(k).",
        # a plan stops the window: "now", "if", "will"
        "I rolled over my old 401k and now I want to convert in 2027.",
    ],
)
def test_other_years_are_not_the_posters_own_transactions(text: str) -> None:
    assert owned(text) == []


def test_an_own_years_year_stays_the_tax_year_the_text_weighs() -> None:
    # the year the question is about is often the settled one: it stays as read
    reading = read("In 2018, I rolled over 2017 after tax contributions to a Roth IRA.")
    assert reading.facts.get("year") == 2018
    assert (2018, "rollover") in [(o.year, o.kind) for o in reading.own_years]


# ---- a first conversion starts the Roth IRA's clock (Treas. Reg. 1.408A-6, Q&A-2) --------


def test_the_year_of_a_first_conversion_is_the_roth_ira_first_year() -> None:
    text = _verbatim("fq032", EVAL / "answers_more.jsonl")  # "My first conversion was Dec 2019."
    assert read(text).facts.get("roth_ira_first_year") == 2019


def test_a_first_in_plan_conversion_starts_no_roth_ira_clock() -> None:
    text = "My first in-plan conversion was in 2019. When can I take the money out?"
    assert "roth_ira_first_year" not in read(text).facts


def test_a_first_deferral_starts_no_roth_ira_clock() -> None:
    # elective deferrals go only to a plan (IRC 402(g)(3)): the Roth 401(k)'s clock, not the IRA's
    text = "She left the job at 40; her first Roth deferral was in 2012. Is a rollover qualified?"
    assert "roth_ira_first_year" not in read(text).facts


def test_a_conversion_not_called_the_first_gives_no_first_year() -> None:
    # an older Roth IRA may have started the clock earlier: precision first
    assert "roth_ira_first_year" not in read("I converted $20k to a Roth IRA in 2019.").facts


def test_verbatim_real_questions_name_their_settled_years() -> None:
    assert (2018, "conversion") in owned(_verbatim("fq087", EVAL / "answers_more.jsonl"))
    assert (2017, "rollover") in owned(_verbatim("bb033", EVAL / "batch_b.jsonl"))
    assert (2021, "conversion") in owned(_verbatim("ba054", EVAL / "batch_a.jsonl"))
    # "In 2007 I rolled over ..." told beside "Now it's 2010": only 2007 is settled
    fq049 = owned(_verbatim("fq049", EVAL / "answers_more.jsonl"))
    assert fq049 == [(2007, "rollover")]
