"""The reader says which facts a text speaks to, even where it cannot settle their values
(``Reading.spoken``), so the bot never asks for one: "my client is over 59 1/2" speaks to
the age, "I own no other traditional IRAs" to the traditional IRA balance. A rule ("leave
in the year you turn 55") or a wish ("until she is 59 1/2") speaks to no one's age.

Real texts, verbatim, and paraphrases; the conversation's side is
tests/conversation/test_follow_ups.py.
"""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from nlu.data import load
from nlu.implied import token_specs
from nlu.pipeline import get_nlp
from nlu.reader import read

SPOKEN = [
    # real texts, verbatim (the examples of tests/conversation/test_follow_ups.py)
    ("Since my client is over 59 1/2, can he periodically roll this", "age"),
    ("Employee is over 59 ½ yrs of age and wishes to process an in service rollover", "age"),
    ("I am approaching 59-1/2 and would like to roll over", "age"),
    ("Client opens Roth IRA account 4/11/2019 at age 72, then does a Roth conversion", "age"),
    ("balance was $0 before this, and I own no other traditional IRAs", "traditional_ira_balance"),
    ("So now the Trad IRA has $10000 (I am assuming all pretax) + 1100", "traditional_ira_balance"),
    ("Rollover IRA - $200k - (from previous jobs 401k)", "traditional_ira_balance"),
    ("I currently have $14,803 in a post-tax IRA", "traditional_ira_balance"),
    (
        "I already have a $0 balance Traditional IRA that I use every year solely to backdoor",
        "traditional_ira_balance",
    ),
    (
        "if a 401(k) plan allows for non-hardship in-service withdraws as well as after-tax "
        "contributions",
        "plan_allows_in_service",
    ),
    ("Basis has been reported to the IRS on form 8606", "has_after_tax_money"),
    ("They said all withdrawals would be prorated.", "after_tax_separately_accounted"),
    (
        "I have a 401k that contains co-mingled pre-tax and after-tax contributions.",
        "after_tax_separately_accounted",
    ),
    ("He has a Roth IRA- my understanding is that the", "has_roth_ira"),
    ("Pre-1987 After-Tax: 271,391", "pre_1987_basis"),
    ("Traditional IRA/401k's: $2.8M", "traditional_ira_balance"),
    ("I have a 401 K and Roth 401K at Vanguard.", "has_after_tax_money"),
    ("one solo 401k, one traditional IRA, and no Roth IRAs.", "has_roth_ira"),
    ("A 55-year-old solo entrepreneur has filed a", "age"),
    # paraphrases
    ("Since my client is past 59 1/2, can he roll his after-tax 401k money?", "age"),
    ("The participant is over 59 and a half and wants an in-service rollover.", "age"),
    (
        "My post-tax IRA holds $12,000 from old nondeductible contributions.",
        "traditional_ira_balance",
    ),
    ("I'm 62 and retired.", "age"),
    ("We don't have any IRAs at all.", "traditional_ira_balance"),
    ("My 403(b) won't allow in-service distributions before 59 1/2.", "plan_allows_in_service"),
    ("In-plan Roth conversions are not available in my plan.", "plan_allows_in_plan_conversion"),
    ("I no longer work for that company.", "still_employed"),
    ("I plan to retire at 62 next spring.", "retire_age"),
    ("I opened my first Roth IRA in 2011.", "roth_ira_first_year"),
    ("I left my job at age 56 last year.", "separated_from_service_age"),
    ("I'm deferring $23,000 this year.", "employee_deferral"),
    ("About $8,000 of it was contributed before 1987.", "pre_1987_basis"),
    (
        "The plan keeps the after-tax money in separate sub-accounts.",
        "after_tax_separately_accounted",
    ),
]


@pytest.mark.parametrize(("text", "key"), SPOKEN)
def test_a_fact_the_text_speaks_to_is_spoken(text: str, key: str) -> None:
    assert key in read(text).spoken


NOT_SPOKEN = [
    # a rule or a wish about an age says nothing of how old anyone is
    ("Would she have to wait until she is 59 1/2 to withdraw?", "age"),
    ("Leave in the year you turn 55 and the 10% does not apply.", "age"),
    ("When I am 60 can I take it out without the 10%?", "age"),
    # a word in general, not the poster's account
    ("Is a Roth IRA better than a Roth 403b for this?", "has_roth_ira"),
    ("Does an IRA count for the pro-rata rule?", "traditional_ira_balance"),
    # a figure and an account word in different sentences
    ("I have $5,000 left.\nTraditional IRAs are another question.", "traditional_ira_balance"),
    # a plan allowing something else, a sentence away from the withdrawal
    ("My plan allows after-tax contributions. Can I withdraw them?", "plan_allows_in_service"),
]


@pytest.mark.parametrize(("text", "key"), NOT_SPOKEN)
def test_a_rule_a_wish_or_a_word_in_general_is_not_spoken(text: str, key: str) -> None:
    assert key not in read(text).spoken


def test_spoken_facts_are_read_with_the_others_and_leave_them_alone() -> None:
    reading = read("I'm 62, my client is over 59 1/2 and I own no other traditional IRAs.")
    assert reading.facts.get("age") == 62
    assert {"age", "traditional_ira_balance"} <= reading.spoken
    # a text that speaks to nothing: the default
    assert read("Hello there").spoken == frozenset()


def test_every_pattern_is_a_valid_spacy_pattern() -> None:
    matcher = Matcher(get_nlp().vocab, validate=True)
    for entry in load("spoken")["entries"]:
        for spec in entry["patterns"]:
            matcher.add(entry["id"], [[t for s in spec for t in token_specs(s)]])
        assert entry["fact"]
